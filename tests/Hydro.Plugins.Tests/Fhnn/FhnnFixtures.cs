using Hydro.Abstractions.Components;
using Hydro.Abstractions.Contracts;
using Hydro.Plugins.Lstm.Fhnn;
using Hydro.Torch;

namespace Hydro.Plugins.Tests.Fhnn;

/// <summary>A small forecast setup: 2 forcings, the observed streamflow and its flag, 2 statics, L = 17, H = 3.</summary>
internal static class FhnnFixtures
{
    public const int History = 17;
    public const int Horizon = 3;
    public const int Basins = 2;
    public const int Forcings = 2;

    public static ComponentContext Context(ulong seed = 1, int statics = 2, int horizon = Horizon) => new()
    {
        DynamicInputs = ["prcp", "tmean", "streamflow_obs", "streamflow_obs_flag"],
        ObservedInputs = ["streamflow_obs", "streamflow_obs_flag"],
        StaticInputs = [.. new[] { "area", "elev_mean" }.Take(statics)],
        Targets = ["streamflow"],
        Horizon = horizon,
        Generator = torch.Generator(seed),
    };

    public static FhnnOptions Options(double dropout = 0, params int[] scales) => new()
    {
        HiddenSize = 3,
        ForwardHiddenSize = 4,
        LatentSize = 2,
        Scales = scales.Length == 0 ? [1, 3, 7] : scales,
        Dropout = dropout,
    };

    public static FhnnBackbone Model(ComponentContext? context = null, FhnnOptions? options = null) =>
        new(options ?? Options(), context ?? Context());

    /// <summary>
    /// Forcings drawn at every step; the observed channel drawn up to the issue time and 0 after it, its flag 1 up to
    /// the issue time and 0 after it (what the forecasting core delivers).
    /// </summary>
    public static Batch MakeBatch(ScalarType dtype = ScalarType.Float32, int history = History, int horizon = Horizon, int statics = 2, ulong seed = 5)
    {
        var g = torch.Generator(seed);
        var steps = history + horizon;
        var forcings = torch.randn([Basins, steps, Forcings], g);
        var observed = torch.randn([Basins, steps, 1], g);
        var flag = torch.cat([torch.ones([Basins, history, 1]), torch.zeros([Basins, horizon, 1])], 1);
        return new()
        {
            Dynamic = torch.cat([forcings, observed * flag, flag], 2).to(dtype),
            Static = statics > 0 ? torch.randn([Basins, statics], g).to(dtype) : null,
            Horizon = horizon,
            Basins = [.. Enumerable.Range(0, Basins).Select(i => $"b{i}")],
            DynamicNames = ["prcp", "tmean", "streamflow_obs", "streamflow_obs_flag"],
            TargetNames = ["streamflow"],
        };
    }

    /// <summary>A batch like <paramref name="template"/> with other dynamic inputs (and optionally targets).</summary>
    public static Batch With(Batch template, Tensor dynamic, Tensor? target = null) => new()
    {
        Dynamic = dynamic,
        Static = template.Static,
        Horizon = template.Horizon,
        Target = target,
        Basins = template.Basins,
        DynamicNames = template.DynamicNames,
        TargetNames = template.TargetNames,
    };

    /// <summary>A copy of the dynamic inputs with one channel set to <paramref name="value"/> over steps [from, to).</summary>
    public static Tensor Changed(Tensor dynamic, long channel, long from, long to, double value)
    {
        var copy = dynamic.clone();
        using var noGrad = torch.no_grad();
        copy.narrow(2, channel, 1).narrow(1, from, to - from).fill_(value);
        return copy;
    }
}
