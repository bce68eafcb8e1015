using Hydro.Abstractions.Components;
using Hydro.Abstractions.Contracts;
using Hydro.Plugins.Data.CamelsUs;
using Hydro.Plugins.Data.Tests.Support;

namespace Hydro.Plugins.Data.Tests.Common;

public sealed class TableCacheTests
{
    [Fact]
    public void Cached_copy_gives_the_same_values()
    {
        using var cache = new TempDirectory();
        var request = new DataRequest(["prcp", "tmax", "pet_hargreaves"], ["area_gages2"], ["streamflow"], new DateTime(1999, 1, 1), new DateTime(2001, 12, 31));
        BasinSeries Load()
        {
            using var data = new CamelsUsDataset(new CamelsUsOptions { DataDir = TestData.CamelsUs, Basins = ["01022500"], CacheDir = cache.Path }, new ComponentContext());
            return data.Load("01022500", request);
        }

        var first = Load();
        Assert.Equal(2, Directory.GetFiles(cache.Path, "*.bin").Length); // forcing + streamflow
        var second = Load();
        Assert.Equal(first.Dynamic, second.Dynamic);
        Assert.Equal(first.Targets, second.Targets);
        Assert.Equal(first.Static, second.Static);
    }
}
