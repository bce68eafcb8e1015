using Hydro.Abstractions.Components;
using Hydro.Abstractions.Contracts;
using Hydro.Plugins.Hbv.Hbv;
using Hydro.Torch;

namespace Hydro.Plugins.Tests.Hbv;

/// <summary>Batches, contexts and parameter draws for the hbv tests.</summary>
internal static class HbvFixtures
{
    public static readonly string[] Inputs = ["prcp", "tmean", "pet"];

    public static ComponentContext Context(int warmup = 0, string[]? inputs = null) => new()
    {
        DynamicInputs = inputs ?? Inputs,
        Targets = ["streamflow"],
        Warmup = warmup,
        Generator = null,
    };

    public static HbvBackbone Backbone(HbvOptions options, int warmup = 0, ScalarType dtype = ScalarType.Float64)
    {
        using var generator = torch.Generator(3);
        var backbone = new HbvBackbone(options, Context(warmup) with { Generator = generator });
        backbone.to(dtype);
        return backbone;
    }

    /// <summary>A batch whose physical (and "normalised") inputs are P, T, Ep [B, T, 3] in <paramref name="dtype"/>.</summary>
    public static Batch Batch(double[,] prcp, double[,] tmean, double[,] pet, ScalarType dtype = ScalarType.Float64)
    {
        var (b, t) = (prcp.GetLength(0), prcp.GetLength(1));
        var values = new double[b * t * 3];
        for (var i = 0; i < b; i++)
        {
            for (var d = 0; d < t; d++)
            {
                var o = ((i * t) + d) * 3;
                (values[o], values[o + 1], values[o + 2]) = (prcp[i, d], tmean[i, d], pet[i, d]);
            }
        }

        var physical = torch.tensor(values, [b, t, 3]).to(dtype);
        return new Batch
        {
            Dynamic = physical.clone(),
            DynamicPhysical = physical,
            Basins = [.. Enumerable.Range(0, b).Select(i => $"b{i}")],
            DynamicNames = Inputs,
        };
    }

    /// <summary>
    /// Thirty days that exercise every process: five days of heavy snow, a thaw, a refreeze, then heavy rain that
    /// fills the soil past FC, the upper zone past UZL and percolates, with ET throughout; basins shifted by a day.
    /// </summary>
    public static (double[,] P, double[,] T, double[,] Ep) ThirtyDays(int basins)
    {
        var (p, t, ep) = (new double[basins, 30], new double[basins, 30], new double[basins, 30]);
        for (var b = 0; b < basins; b++)
        {
            for (var d = 0; d < 30; d++)
            {
                var day = (d + b) % 30;
                (p[b, d], t[b, d]) = day switch
                {
                    < 5 => (12.0, -6.0),
                    5 or 6 => (0.0, 4.0),
                    7 => (0.0, -4.0),
                    8 => (2.0, 3.0),
                    < 20 => (25.0 + (3 * (day % 3)), 8.0),
                    _ => (day % 2 == 0 ? 6.0 : 0.0, 12.0),
                };
                ep[b, d] = 1.5 + (0.1 * day);
            }
        }

        return (p, t, ep);
    }

    /// <summary>Physical parameters [B, P, nmul] drawn uniformly inside each spec's range.</summary>
    public static double[] Draw(IReadOnlyList<ParameterSpec> specs, int basins, int components, int seed)
    {
        var random = new Random(seed);
        var values = new double[basins * specs.Count * components];
        for (var b = 0; b < basins; b++)
        {
            for (var p = 0; p < specs.Count; p++)
            {
                for (var c = 0; c < components; c++)
                {
                    values[(((b * specs.Count) + p) * components) + c] = specs[p].Scale(0.05 + (0.9 * random.NextDouble()));
                }
            }
        }

        return values;
    }

    /// <summary>Static parameters [B, P, nmul] repeated over <paramref name="steps"/>: [B, T, P, nmul].</summary>
    public static Tensor OverTime(Tensor parameters, long steps) =>
        parameters.unsqueeze(1).expand(parameters.size(0), steps, parameters.size(1), parameters.size(2));

    /// <summary>Ranges that make every process of <see cref="ThirtyDays"/> active whatever the draw.</summary>
    public static HbvParameterRanges ActiveRanges { get; } = new()
    {
        Fc = [50, 90],
        Beta = [1, 3],
        Uzl = [0, 8],
        Perc = [0.5, 3],
        Lp = [0.5, 1],
        Tt = [-1, 1],
        Cfmax = [1, 4],
        Cfr = [0.02, 0.1],
        Cwh = [0.05, 0.2],
    };
}
