using Hydro.Abstractions.Components;
using Hydro.Abstractions.Contracts;
using Hydro.Plugins.Attention.HydroTrace;
using Hydro.Torch;

namespace Hydro.Plugins.Tests.Attention;

/// <summary>Contexts, models and batches of gridded inputs built by hand (the gridded core is not needed).</summary>
internal static class HydroTraceFixtures
{
    public static ComponentContext Context(long channels = 3, long targets = 1, ulong seed = 1) => new()
    {
        GriddedInputs = [.. Enumerable.Range(0, (int)channels).Select(c => $"grid{c}")],
        Targets = [.. Enumerable.Range(0, (int)targets).Select(k => $"q{k}")],
        Generator = torch.Generator(seed),
    };

    public static HydroTraceBackbone Model(HydroTraceOptions? options = null, long channels = 3, long targets = 1, ulong seed = 1) =>
        new(options ?? new HydroTraceOptions(), Context(channels, targets, seed));

    /// <summary>An irregular mask per row [B, H, W]: about 60 % of the cells, always the centre, never the corner (0, 0).</summary>
    public static Tensor Mask(long basins, long h, long w, ulong seed)
    {
        var values = torch.rand([basins, h, w], torch.Generator(seed)).data<float>();
        var cells = new bool[values.Length];
        for (var i = 0; i < cells.Length; i++)
        {
            long y = i / w % h, x = i % w;
            cells[i] = (values[i] < 0.6f || (y == h / 2 && x == w / 2)) && !(y == 0 && x == 0);
        }

        return torch.tensor(cells, [basins, h, w]);
    }

    /// <summary>Gridded inputs [B, T, C, H, W], 0 outside the mask, with the mask and an empty lumped input.</summary>
    public static Batch MakeBatch(long basins = 2, long steps = 6, long channels = 3, long h = 6, long w = 5, ulong seed = 5, ScalarType dtype = ScalarType.Float32)
    {
        var mask = Mask(basins, h, w, seed + 100);
        var x = torch.randn([basins, steps, channels, h, w], torch.Generator(seed)).to(dtype);
        return Batch(x * mask.unsqueeze(1).unsqueeze(1).to(dtype), mask);
    }

    /// <summary>A batch around given gridded inputs and mask (the batch owns them).</summary>
    public static Batch Batch(Tensor gridded, Tensor? mask) => new()
    {
        Dynamic = torch.zeros([gridded.size(0), gridded.size(1), 0], gridded.dtype),
        Gridded = gridded,
        GriddedMask = mask,
        Basins = [.. Enumerable.Range(0, (int)gridded.size(0)).Select(i => $"b{i}")],
        DynamicNames = [],
    };

    public static double MaxAbsDiff(Tensor a, Tensor b)
    {
        Assert.Equal(b.shape, a.shape);
        using var d = (a.to(ScalarType.Float64) - b.to(ScalarType.Float64)).abs().max();
        return d.item<double>();
    }
}
