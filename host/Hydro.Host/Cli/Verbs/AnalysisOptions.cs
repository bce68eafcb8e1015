using System.CommandLine;
using System.Globalization;
using Hydro.Core.Runs;
using Hydro.Host.Runs;
using Microsoft.Extensions.DependencyInjection;

namespace Hydro.Host.Cli.Verbs;

/// <summary>What the analysis verbs (<c>sensitivity</c>, <c>embedding</c>, <c>probe</c>) share: options and opening the run.</summary>
internal static class AnalysisOptions
{
    public static Argument<string> RunArgument() => new("RUN") { Description = "The run directory (written by hydro train)." };

    public static Option<int?> SeedOption(string description) => new("--seed") { Description = description, HelpName = "N" };

    public static Option<string?> DeviceOption() => new("--device")
    {
        Description = "cpu, cuda or cuda:N (default: the experiment's device).",
        HelpName = "DEVICE",
    };

    /// <summary>An integer option that must be at least <paramref name="min"/>.</summary>
    public static Option<int?> AtLeast(string name, int min, string description, string helpName = "N")
    {
        var option = new Option<int?>(name) { Description = description, HelpName = helpName };
        option.Validators.Add(r =>
        {
            if (r.Tokens is [var token] && int.TryParse(token.Value, CultureInfo.InvariantCulture, out var n) && n < min)
            {
                r.AddError($"{name} must be at least {min}, got {n}");
            }
        });
        return option;
    }

    /// <summary>Opens the run with the components its plugins.lock records, on the chosen checkpoints and member.</summary>
    public static (RunWork Work, TrainedRun Run) Open(IServiceProvider services, string directory, int? epoch, int? seed)
    {
        var work = services.GetRequiredService<RunWork>();
        var full = Path.GetFullPath(directory);
        var catalog = work.RunCatalog(full);
        return (work, TrainedRun.Open(full, catalog.Catalog, epoch, seed));
    }

    /// <summary>Comma-separated names (blank entries ignored).</summary>
    public static IReadOnlyList<string>? List(string? text) =>
        text is null ? null : [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
