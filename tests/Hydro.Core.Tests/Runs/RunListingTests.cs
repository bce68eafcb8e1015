using Hydro.Core.Runs;
using Hydro.Core.Training;

namespace Hydro.Core.Tests.Runs;

/// <summary><see cref="RunListing"/> on hand-made run folders (issue 17, item 3: <c>hydro runs</c>).</summary>
public sealed class RunListingTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("hydro-listing-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void FinishedStoppedRunningAndUnreadableRunsAreListedOldestFirst()
    {
        // Finished, with a test summary; config.json gives the planned epochs and backbone.
        var finished = Run("lstm_a_20261201_090000", epochs: 2, backbone: "lstm", logged: [(1, 0.4), (2, 0.61)]);
        Directory.CreateDirectory(Path.Combine(finished, "results", "test"));
        File.WriteAllText(Path.Combine(finished, "results", "test", "summary.json"),
            """{"period": "test", "basins": 3, "metrics": {"nse": {"median": 0.725, "mean": 0.5}}}""");

        // Stopped after 1 of 5 epochs; no config.json, so the YAML is read; the second epoch was not validated.
        var stopped = Run("ealstm_b_20261203_120000", epochs: 5, backbone: "ealstm", logged: [(1, 0.3), (2, double.NaN)], json: false);

        // Unreadable: a training log with the wrong header.
        var broken = Run("broken_20261202_080000", epochs: 3, backbone: "lstm", logged: []);
        File.WriteAllText(Path.Combine(broken, RunLayout.TrainingLog), "not,a,log\n");

        // Running: checkpoints only so far, lock held (by this process, as a train command would).
        var running = Run("live_20261204_070000_2", epochs: 4, backbone: "lstm", logged: null);
        Directory.CreateDirectory(Path.Combine(running, RunLayout.Checkpoints));

        // Not runs: a folder without config.yaml, a hidden folder being created, a config without a model.
        Directory.CreateDirectory(Path.Combine(dir, "simulations"));
        Directory.CreateDirectory(Path.Combine(dir, ".x_20261205_000000.partial"));
        File.WriteAllText(Path.Combine(dir, ".x_20261205_000000.partial", RunLayout.ConfigYaml), "experiment_name: x\n");
        Log(Path.Combine(dir, ".x_20261205_000000.partial"), [(1, 0.1)]);
        Directory.CreateDirectory(Path.Combine(dir, "empty_20261205_000000"));
        File.WriteAllText(Path.Combine(dir, "empty_20261205_000000", RunLayout.ConfigYaml), "experiment_name: e\n");

        IReadOnlyList<RunListingRow> rows;
        using (RunLock.Acquire(running))
        {
            rows = RunListing.Read(dir);
        }

        Assert.Equal([finished, broken, stopped, running], rows.Select(r => r.Directory));

        var f = rows[0];
        Assert.Equal(("lstm_a", new DateTime(2026, 12, 1, 9, 0, 0), RunStatus.Finished), (f.Experiment, f.Date, f.Status));
        Assert.Equal((2, 2, "lstm", 0.61, 0.725, (string?)null), (f.EpochsDone, f.EpochsPlanned, f.Backbone, f.ValidationNse, f.TestNse, f.Reason));

        var b = rows[1];
        Assert.Equal((RunStatus.Unreadable, "broken_20261202_080000", new DateTime(2026, 12, 2, 8, 0, 0)), (b.Status, b.Experiment, b.Date));
        Assert.Contains("not a training log", b.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", b.Reason, StringComparison.Ordinal);

        var s = rows[2];
        Assert.Equal(("ealstm_b", RunStatus.Stopped, 2, 5, "ealstm"), (s.Experiment, s.Status, s.EpochsDone, s.EpochsPlanned, s.Backbone));
        Assert.Equal((0.3, (double?)null), (s.ValidationNse, s.TestNse));

        var r = rows[3];
        Assert.Equal((RunStatus.Running, 0, 4, new DateTime(2026, 12, 4, 7, 0, 0)), (r.Status, r.EpochsDone, r.EpochsPlanned, r.Date));
        Assert.False(File.Exists(Path.Combine(finished, RunLock.FileName)), "listing creates no lock files");

        // Released: the same run is no longer running.
        Assert.Equal(RunStatus.Stopped, RunListing.Read(dir)[3].Status);
    }

    [Fact]
    public void AnEnsembleCountsItsSlowestMemberAndTheMedianOfTheMembersValidationNse()
    {
        var run = Run("ens_20261201_000000", epochs: 2, backbone: "lstm", logged: null);
        Log(Directory.CreateDirectory(Path.Combine(run, "seed_1")).FullName, [(1, 0.2), (2, 0.5)]);
        Log(Directory.CreateDirectory(Path.Combine(run, "seed_2")).FullName, [(1, 0.1)]);
        Log(Directory.CreateDirectory(Path.Combine(run, "seed_3")).FullName, [(1, 0.3), (2, 0.4)]);
        var row = Assert.Single(RunListing.Read(dir));
        Assert.Equal((RunStatus.Stopped, 1, 2, 0.4), (row.Status, row.EpochsDone, row.EpochsPlanned, row.ValidationNse));
    }

    [Fact]
    public void AnUnstampedRunIsDatedByItsConfigAndAMissingFolderIsARunException()
    {
        var run = Run("mine", epochs: 1, backbone: "lstm", logged: [(1, 0.9)]);
        var when = new DateTime(2025, 3, 4, 5, 6, 7);
        File.SetLastWriteTime(Path.Combine(run, RunLayout.ConfigYaml), when);
        Assert.Equal((when, RunStatus.Finished), (RunListing.Read(dir)[0].Date, RunListing.Read(dir)[0].Status));

        var missing = Assert.Throws<RunException>(() => RunListing.Read(Path.Combine(dir, "nope")));
        Assert.Contains("no such folder", missing.Message, StringComparison.Ordinal);
        Assert.Empty(RunListing.Read(Directory.CreateDirectory(Path.Combine(dir, "mine", "empty")).FullName));
    }

    private string Run(string name, int epochs, string backbone, (int Epoch, double Nse)[]? logged, bool json = true)
    {
        var run = Directory.CreateDirectory(Path.Combine(dir, name)).FullName;
        var experiment = name.Split("_2026")[0];
        File.WriteAllText(Path.Combine(run, RunLayout.ConfigYaml),
            $"experiment_name: {experiment}\nmodel:\n  backbone:\n    type: {backbone}\ntraining:\n  epochs: {epochs}\n");
        if (json)
        {
            File.WriteAllText(Path.Combine(run, RunLayout.ConfigJson),
                $$$"""{"experiment_name": "{{{experiment}}}", "model": {"backbone": {"type": "{{{backbone}}}", "hidden_size": 8}}, "training": {"epochs": {{{epochs}}} }}""");
        }

        if (logged is not null)
        {
            Log(run, logged);
        }

        return run;
    }

    private static void Log(string folder, (int Epoch, double Nse)[] rows)
    {
        var path = Path.Combine(folder, RunLayout.TrainingLog);
        File.WriteAllText(path, TrainingLog.Header + "\n");
        foreach (var (epoch, nse) in rows)
        {
            TrainingLog.Append(path, new TrainingLogRow(epoch, 1.0, 0.5, nse, 0.01, 1.0));
        }
    }
}
