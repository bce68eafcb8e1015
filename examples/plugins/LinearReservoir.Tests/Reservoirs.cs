using Hydro.Abstractions.Components;
using Hydro.Abstractions.Contracts;
using Hydro.Torch;

namespace LinearReservoir.Tests;

/// <summary>Builds backbones and batches for the tests.</summary>
internal static class Reservoirs
{
    public static readonly string[] Inputs = ["tmean", "prcp", "pet"];

    public static ComponentContext Context(IReadOnlyList<string>? inputs = null, IReadOnlyList<string>? targets = null) => new()
    {
        DynamicInputs = inputs ?? Inputs,
        Targets = targets ?? ["streamflow"],
    };

    public static LinearReservoirBackbone Create(double initialK, double initialStorage = 0) =>
        new(new LinearReservoirOptions { InitialK = initialK, InitialStorage = initialStorage }, Context());

    /// <summary>
    /// A batch whose <c>prcp</c> column holds <paramref name="rain"/> (one row per basin); the other inputs hold large
    /// values, so a backbone reading the wrong column cannot pass.
    /// </summary>
    public static Batch Batch(double[][] rain, ScalarType dtype = ScalarType.Float32)
    {
        var basins = rain.Length;
        var steps = rain[0].Length;
        var values = new double[basins * steps * Inputs.Length];
        for (var b = 0; b < basins; b++)
        {
            for (var t = 0; t < steps; t++)
            {
                var row = (b * steps + t) * Inputs.Length;
                values[row] = 1000 + t;        // tmean
                values[row + 1] = rain[b][t];  // prcp
                values[row + 2] = -500;        // pet
            }
        }

        using var data = torch.tensor(values, [basins, steps, Inputs.Length]);
        return new Batch
        {
            Dynamic = data.to(dtype),
            Basins = [.. Enumerable.Range(0, basins).Select(b => $"basin{b}")],
            DynamicNames = Inputs,
        };
    }

    /// <summary>The values of a [B, T, 1] output as B rows.</summary>
    public static double[][] Rows(Tensor output)
    {
        var steps = (int)output.size(1);
        var values = output.detach().to(ScalarType.Float64).data<double>();
        return [.. values.Chunk(steps)];
    }
}
