using System.Globalization;
using Hydro.Abstractions.Components;
using Hydro.Abstractions.Contracts;
using Hydro.Torch;

namespace Hydro.Plugins.Lstm.Learners;

/// <summary>
/// No network and nothing to learn: the parameters are given, as one set for every basin (<c>values</c>) and/or one set
/// per basin from a CSV file (<c>basin_file</c>, e.g. the <c>parameters.csv</c> of a calibrated run). How
/// <c>hydro simulate</c> runs a process model with known parameters; every component gets the same values.
/// </summary>
/// <remarks>The values are mapped to u = (θ − min)/(max − min) in [0, 1] so that the shared scaling returns θ. Static parameters only.</remarks>
[Component("fixed", typeof(FixedLearnerOptions), Summary = "Given parameters, nothing learned: one set from the YAML and/or one per basin from a CSV file (hydro simulate).")]
public sealed class FixedLearner : ParameterLearnerBase<FixedLearnerOptions>
{
    private readonly float[] common;
    private readonly Dictionary<string, float[]> perBasin = new(StringComparer.Ordinal);

    /// <summary>Checks every value against its parameter's range.</summary>
    /// <exception cref="ArgumentException">A parameter without a value, an unknown name, a value out of range, a bad file.</exception>
    public FixedLearner(FixedLearnerOptions options, ComponentContext context)
        : base("fixed learner", options, context)
    {
        RequireStatic("the fixed learner holds one value per parameter");
        var specs = Request.Parameters;
        var unknown = options.Values.Keys.Where(k => specs.All(p => p.Name != k)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"fixed learner: values for unknown parameters {string.Join(", ", unknown)}; the backbone's parameters are {string.Join(", ", specs.Select(p => p.Name))}", nameof(options));
        }

        if (options.BasinFile is { } file)
        {
            ReadBasinFile(file);
        }

        var missing = specs.Where(p => !options.Values.ContainsKey(p.Name)).Select(p => p.Name).ToList();
        if (missing.Count > 0 && options.BasinFile is null)
        {
            throw new ArgumentException($"fixed learner: no value for {string.Join(", ", missing)}; give every parameter under values (or a basin_file with them)", nameof(options));
        }

        common = [.. specs.Select(p => options.Values.TryGetValue(p.Name, out var v) ? Unit(p, v, "values") : float.NaN)];
    }

    /// <inheritdoc/>
    protected override Tensor ForwardCore(Batch batch)
    {
        var (b, p) = ((int)batch.Size, Request.Parameters.Count);
        var unit = new float[b * p];
        for (var i = 0; i < b; i++)
        {
            var row = perBasin.GetValueOrDefault(batch.Basins[i]) ?? common;
            if (row.Any(float.IsNaN))
            {
                throw new ArgumentException($"fixed learner: basin '{batch.Basins[i]}' is not in {Options.BasinFile} and values does not give every parameter");
            }

            row.CopyTo(unit, i * p);
        }

        using var scope = torch.NewDisposeScope();
        var values = torch.tensor(unit, [b, 1, p, 1], Context.Device);
        return values.expand(b, 1, p, Request.Components).MoveToOuterDisposeScope();
    }

    private void ReadBasinFile(string file)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ArgumentException($"fixed learner: basin_file '{file}' cannot be read: {e.Message}", e);
        }

        var header = lines.Length > 0 ? lines[0].Split(',').Select(h => h.Trim()).ToArray() : [];
        if (header.Length == 0 || header[0] != "basin")
        {
            throw new ArgumentException($"{file}:1: the header must start with 'basin', then parameter names");
        }

        var specs = Request.Parameters;
        var columns = specs.Select(s => Array.IndexOf(header, s.Name)).ToArray();
        for (var line = 1; line < lines.Length; line++)
        {
            if (lines[line].Trim().Length == 0)
            {
                continue;
            }

            var fields = lines[line].Split(',');
            if (fields.Length != header.Length)
            {
                throw new ArgumentException($"{file}:{line + 1}: expected {header.Length} columns, found {fields.Length}");
            }

            var row = new float[specs.Count];
            for (var q = 0; q < specs.Count; q++)
            {
                if (columns[q] < 0)
                {
                    row[q] = Options.Values.TryGetValue(specs[q].Name, out var v) ? Unit(specs[q], v, "values")
                        : throw new ArgumentException($"{file}:1: no column {specs[q].Name} and no value for it under values");
                    continue;
                }

                var text = fields[columns[q]].Trim();
                row[q] = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                    ? Unit(specs[q], value, $"{file}:{line + 1}")
                    : throw new ArgumentException($"{file}:{line + 1}: {specs[q].Name} '{text}' is not a number");
            }

            if (!perBasin.TryAdd(fields[0].Trim(), row))
            {
                throw new ArgumentException($"{file}:{line + 1}: basin {fields[0].Trim()} is listed twice");
            }
        }
    }

    private static float Unit(ParameterSpec spec, double value, string where) =>
        value >= spec.Min && value <= spec.Max && double.IsFinite(value)
            ? (float)((value - spec.Min) / (spec.Max - spec.Min))
            : throw new ArgumentException($"fixed learner ({where}): {spec.Name} = {value.ToString(CultureInfo.InvariantCulture)} is outside its range [{spec.Min.ToString(CultureInfo.InvariantCulture)}, {spec.Max.ToString(CultureInfo.InvariantCulture)}] {spec.Unit}");
}
