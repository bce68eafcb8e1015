using System.Globalization;
using Hydro.Core.Runs;

namespace Hydro.Core.Analysis.Runs;

/// <summary>The basins of a run's data that satisfy every <see cref="BasinCondition"/>.</summary>
internal static class BasinFilter
{
    /// <exception cref="RunException">An attribute the dataset does not have, or no basin left.</exception>
    public static IReadOnlyList<string> Select(RunData data, IReadOnlyList<BasinCondition> where, DateTime day, CancellationToken ct)
    {
        var basins = data.Basins;
        if (where.Count == 0)
        {
            return basins;
        }

        var variables = data.Description.Variables;
        foreach (var c in where)
        {
            var info = variables.FirstOrDefault(v => v.Name == c.Attribute);
            if (info is null)
            {
                throw new RunException($"--where {c}: " + AnalysisSetup.Unknown("attribute", c.Attribute, variables.Where(v => v.Static).Select(v => v.Name)));
            }

            if (!info.Static)
            {
                throw new RunException($"--where {c}: '{c.Attribute}' is a time series; basins are selected by a static attribute (one value per basin), e.g. frac_snow>0.2");
            }
        }

        var names = where.Select(c => c.Attribute).Distinct(StringComparer.Ordinal).ToList();
        var values = data.Statics(names, day, basins, ct);
        double Value(string basin, string attribute) => values.TryGetValue(basin, out var v) ? v[names.IndexOf(attribute)] : double.NaN;
        var selected = basins.Where(b => where.All(c => c.Holds(Value(b, c.Attribute)))).ToList();
        if (selected.Count == 0)
        {
            var ranges = names.Select(n =>
            {
                var seen = basins.Select(b => Value(b, n)).Where(double.IsFinite).ToList();
                return seen.Count == 0 ? $"{n} is missing everywhere" : string.Create(CultureInfo.InvariantCulture, $"{n} ranges over {seen.Min():G4}..{seen.Max():G4}");
            });
            throw new RunException($"no basin of {basins.Count} satisfies {string.Join(" and ", where)} ({string.Join("; ", ranges)})");
        }

        return selected;
    }
}
