using Hydro.Core.Data;
using Hydro.Core.Experiments;
using Hydro.Core.Training;

namespace Hydro.Core.Runs;

/// <summary>
/// A reopened run's <c>config.yaml</c> must list its variables in the order <c>normalization.json</c> was fitted on:
/// the model reads its inputs by position, so a reordered list would feed it the wrong columns without any error.
/// </summary>
internal static class RunNormalizationCheck
{
    /// <summary>Throws when an input, static, gridded or target list of <paramref name="experiment"/> differs from the statistics' order.</summary>
    /// <exception cref="RunException">Names the YAML key (file:line:column), both orders, the statistics file and what to do.</exception>
    public static void Check(Experiment experiment, Normalizer normalizer, string normalizationFile)
    {
        var variables = TrainingSetup.VariablesOf(experiment.Options);
        (string Key, IReadOnlyList<string> Config, IReadOnlyList<VariableStatistics> Fitted)[] lists =
        [
            ("inputs.dynamic", variables.Dynamic, normalizer.Dynamic),
            ("inputs.static", variables.Static, normalizer.Static),
            ("inputs.gridded", variables.Gridded, normalizer.Gridded),
            ("targets", variables.Targets, normalizer.Targets),
        ];
        var problems = lists
            .Where(l => !l.Config.SequenceEqual(l.Fitted.Select(v => v.Name), StringComparer.Ordinal))
            .Select(l => $"{YamlLocator.Where(experiment, l.Key)}: [{string.Join(", ", l.Config)}] is not the order the run was "
                + $"trained with, [{string.Join(", ", l.Fitted.Select(v => v.Name))}] in {normalizationFile}")
            .ToList();
        if (problems.Count > 0)
        {
            throw new RunException($"{string.Join("\n", problems)}\nthe model reads its inputs by position, so it would be fed "
                + "the wrong columns: restore the trained order in the run's config.yaml, or train a new run for other variables");
        }
    }
}
