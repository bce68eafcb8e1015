using System.CommandLine;
using Hydro.Core.Analysis;
using Hydro.Core.Analysis.Runs;
using Hydro.Host.Runs;

namespace Hydro.Host.Cli.Verbs;

/// <summary><c>hydro probe RUN --target VARIABLE</c>: ridge probes from the recurrent states to a variable the model never saw (Lees et al. 2022).</summary>
internal static class ProbeVerb
{
    public static Command Create(IServiceProvider services)
    {
        var run = AnalysisOptions.RunArgument();
        var target = new Option<string?>("--target") { Description = "A time series of the run's dataset the model was not trained on, e.g. swe.", HelpName = "VARIABLE" };
        var fromRun = new Option<string?>("--from-run")
        {
            Description = "Take the target from another run's predictions, RUN2/results/<period>/predictions/<basin>.csv (with --column; run 'hydro evaluate RUN2 --period P' for both periods first).",
            HelpName = "RUN2",
        };
        var column = new Option<string?>("--column") { Description = "The column of RUN2's prediction files, e.g. SM (with --from-run).", HelpName = "NAME" };
        var fitPeriod = Period("--fit-period", "The period the probe is fitted on, its penalty chosen by 5-fold cross-validation there (default: train).");
        var testPeriod = Period("--test-period", "The period the R² is reported on (default: test).");
        var where = new Option<string[]>("--where")
        {
            Description = "Probe only basins whose static attribute satisfies ATTR OP VALUE, OP one of > >= < <= == != (e.g. 'frac_snow>0.2'); repeat for AND.",
            HelpName = "CONDITION",
        };
        var basins = new Option<string?>("--basins") { Description = "File with the basin ids to probe, one per line (# comments).", HelpName = "FILE" };
        var states = new Option<string?>("--states") { Description = "The states regressed on: cell (c[t], default), hidden (h[t]) or both.", HelpName = "STATES" };
        states.AcceptOnlyFromAmong("cell", "hidden", "both");
        var top = AnalysisOptions.AtLeast("--top-cells", 1, "Cells of c and of h listed as most correlated with the target (default 10).");
        var scored = AnalysisOptions.AtLeast("--scored-steps", 1, "Days recorded per window (windows tile each period this far apart; default: the run's predict_last_n).");
        var epoch = EvaluateVerb.EpochOption();
        var seed = AnalysisOptions.SeedOption("The ensemble member probed (default: the first; cells of different seeds are not comparable).");
        var device = AnalysisOptions.DeviceOption();
        var output = EvaluateVerb.OutputOption("Results folder (default: RUN/analysis/probe_<target>[_<basins>][_<where>], with _seed_N and _epoch_NNN when chosen); replaced if it exists.");
        var command = new Command("probe", "Record the cell states c[t] (and h[t]) over a fit and a test period, fit a ridge probe from them to a "
            + "variable the model never saw (a dataset time series such as Daymet swe, or a column of another run's predictions such as a "
            + "δHBV store) and report R² per basin and pooled on the test period, plus the cells most correlated with it: r2.csv, "
            + "cells.csv, penalties.csv, predictions/<basin>.csv, summary.json.")
        {
            run, target, fromRun, column, fitPeriod, testPeriod, where, basins, states, top, scored, epoch, seed, device, output,
        };
        command.SetAction((parse, ct) =>
        {
            var request = Request(parse, target, fromRun, column, where, basins);
            // Writes into RUN/analysis unless --output points elsewhere: one writer per run, as evaluate and predict.
            using var runLock = RunWork.LockIfWritingInto(parse.GetValue(run)!, parse.GetValue(output));
            var (work, opened) = AnalysisOptions.Open(services, parse.GetValue(run)!, parse.GetValue(epoch), parse.GetValue(seed));
            var progress = work.NewConsole();
            var report = ProbeAnalysis.Run(opened, request with
            {
                FitPeriod = parse.GetValue(fitPeriod) ?? request.FitPeriod,
                TestPeriod = parse.GetValue(testPeriod) ?? request.TestPeriod,
                States = parse.GetValue(states) switch { "hidden" => ProbeStates.Hidden, "both" => ProbeStates.Both, _ => ProbeStates.Cell },
                TopCells = parse.GetValue(top) ?? request.TopCells,
                ScoredSteps = parse.GetValue(scored),
                Device = parse.GetValue(device),
                OutputDirectory = parse.GetValue(output),
                Progress = progress,
                CancellationToken = ct,
            });
            progress.Finish();
            return Task.FromResult(work.Show(report));
        });
        return command;
    }

    /// <summary>The target, basins and conditions; every misuse of those options as one <see cref="BadInputException"/>.</summary>
    private static ProbeRequest Request(ParseResult parse, Option<string?> target, Option<string?> fromRun, Option<string?> column, Option<string[]> where, Option<string?> basins)
    {
        var (name, other, col) = (parse.GetValue(target), parse.GetValue(fromRun), parse.GetValue(column));
        ProbeTarget probeTarget = (name, other, col) switch
        {
            (not null, null, null) => ProbeTarget.Dataset(name),
            (null, not null, not null) => ProbeTarget.RunOutput(Path.GetFullPath(other), col),
            (not null, not null, _) => throw new BadInputException("--target names a dataset variable and --from-run another run's column: give one of them (--from-run RUN2 --column NAME)"),
            (null, not null, null) => throw new BadInputException("--from-run needs --column NAME: the column of RUN2's prediction files to probe for"),
            (_, null, not null) => throw new BadInputException("--column is the column of another run's predictions: give --from-run RUN2 with it (or --target VARIABLE for a dataset variable)"),
            _ => throw new BadInputException("probe needs a target: --target VARIABLE (a dataset time series such as swe) or --from-run RUN2 --column NAME"),
        };
        var conditions = new List<BasinCondition>();
        var errors = new List<string>();
        foreach (var text in parse.GetValue(where) ?? [])
        {
            if (BasinCondition.TryParse(text, out var c, out var error))
            {
                conditions.Add(c!);
            }
            else
            {
                errors.Add($"--where {error}");
            }
        }

        if (errors.Count > 0)
        {
            throw new BadInputException(string.Join("\n", errors));
        }

        var file = parse.GetValue(basins);
        return new ProbeRequest
        {
            Target = probeTarget,
            Where = conditions,
            Basins = file is null ? null : PredictVerb.ReadBasins(file),
            BasinsLabel = file is null ? null : Path.GetFileNameWithoutExtension(file),
            Ridge = new RidgeProbeOptions(),
        };
    }

    private static Option<string?> Period(string name, string description)
    {
        var option = new Option<string?>(name) { Description = description, HelpName = "PERIOD" };
        option.AcceptOnlyFromAmong("train", "validation", "test");
        return option;
    }
}
