using Hydro.Abstractions.Contracts;
using Hydro.Core.Data;

namespace Hydro.Core.Tests.Data;

public sealed class PerBasinPeriodsTests : IDisposable
{
    private readonly string file = Path.Combine(Path.GetTempPath(), $"hydro-periods-{Guid.NewGuid():N}.csv");

    public void Dispose() => File.Delete(file);

    [Fact]
    public void RowsOverrideTheirBasinAndPeriodOnly()
    {
        File.WriteAllText(file, "basin,period,start,end\nA,train,2000-01-05,2000-01-20\n\nB,test,2001-01-01,2001-02-01\n");
        var p = PerBasinPeriods.Load(file);
        var fallback = (new DateTime(2000, 1, 1), new DateTime(2000, 12, 31));
        Assert.Equal(2, p.Count);
        Assert.Equal((new DateTime(2000, 1, 5), new DateTime(2000, 1, 20)), p.For("A", "train", fallback, TimeSpan.FromDays(1)));
        Assert.Equal(fallback, p.For("A", "test", fallback, TimeSpan.FromDays(1)));
        Assert.Equal(fallback, p.For("C", "train", fallback, TimeSpan.FromDays(1)));
        Assert.Same(PerBasinPeriods.None, PerBasinPeriods.Load(null));
    }

    [Theory]
    [InlineData("basin,start,end\n", "1: the header must be 'basin,period,start,end'")]
    [InlineData("basin,period,start,end\nA,train,2000-01-05\n", "2: expected 4 comma-separated columns")]
    [InlineData("basin,period,start,end\nA,training,2000-01-05,2000-02-01\n", "2: period 'training' is not train, validation or test")]
    [InlineData("basin,period,start,end\nA,train,2000-01-05,2000-02-30\n", "2: '2000-02-30' is not a date YYYY-MM-DD")]
    [InlineData("basin,period,start,end\nA,train,2000-03-05,2000-02-01\n", "2: basin A: the train period ends on 2000-02-01, not after its start 2000-03-05")]
    [InlineData("basin,period,start,end\nA,test,2000-01-05,2000-02-01\n\nA,test,2000-01-05,2000-03-01\n", "4: basin A has a second test row")]
    public void BadFilesNameTheLine(string text, string message)
    {
        File.WriteAllText(file, text);
        var e = Assert.Throws<DataException>(() => PerBasinPeriods.Load(file));
        Assert.Equal($"{file}:{message}", e.Message[..Math.Min(e.Message.Length, file.Length + 1 + message.Length)]);
    }

    [Fact]
    public void TheStoreLoadsEachBasinForItsOwnDates()
    {
        File.WriteAllText(file, "basin,period,start,end\nB,train,2000-01-10,2000-01-19\n");
        var day0 = new DateTime(2000, 1, 1);
        var series = ArrayDataset.Column([.. Enumerable.Range(0, 40).Select(i => (float)i)]);
        var ds = new ArrayDataset(day0, new()
        {
            ["A"] = (series, [1f], series),
            ["B"] = (series, [2f], series),
        });
        var store = BasinStore.Load(ds, ["A", "B"], new(["x"], ["s"], ["y"]), "train", day0.AddDays(4), day0.AddDays(29), historyDays: 2, dataStart: day0,
            periods: PerBasinPeriods.Load(file));
        var (a, b) = (store.Basins[0], store.Basins[1]);
        Assert.Equal((day0.AddDays(2), 2, 28), (a.Start, a.PeriodStartIndex, a.Steps));
        Assert.Equal((new DateTime(2000, 1, 8), 2, 12), (b.Start, b.PeriodStartIndex, b.Steps));
        Assert.Equal(7f, b.Dynamic[0]);
    }
}
