using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Hydro.Abstractions.Contracts;
using Hydro.Core.Data;
using Hydro.Core.Metrics;
using Hydro.Core.Models;
using Hydro.Core.Runs;
using Hydro.Torch;
using Hydro.Torch.Optim;
using Hydro.Torch.Serialization;
using TorchOptimizer = Hydro.Torch.Optim.Optimizer;

namespace Hydro.Core.Training;

/// <summary>Where a model's training stands; saved in every checkpoint's metadata.</summary>
internal sealed record LoopState
{
    /// <summary>Epochs completed.</summary>
    public int Epoch { get; set; }

    /// <summary>Batches done of epoch <see cref="Epoch"/> + 1 (0 at an epoch boundary).</summary>
    public int Batch { get; set; }

    public double LossSum { get; set; }

    public int LossCount { get; set; }

    public double EpochSeconds { get; set; }

    public double? BestNse { get; set; }

    public int? BestEpoch { get; set; }

    public int BadValidations { get; set; }

    /// <summary>running, completed or early_stopped.</summary>
    public string Status { get; set; } = "running";
}

/// <summary>Trains one model (one seed) in its folder: the epoch loop, validation, checkpoints, resume.</summary>
internal sealed class ModelTrainer : IDisposable
{
    private const string Format = "hydro.checkpoint/1";
    private readonly TrainingSetup setup;
    private readonly int seed;
    private readonly string directory;
    private readonly TrainOptions options;
    private readonly Generator generator;
    private readonly HydroModel model;
    private readonly TorchOptimizer optimizer;
    private readonly SchedulerAdapter scheduler;
    private readonly List<Tensor> parameters;
    private LoopState state = new();

    public ModelTrainer(TrainingSetup setup, int seed, string directory, TrainOptions options)
    {
        this.setup = setup;
        this.seed = seed;
        this.directory = directory;
        this.options = options;
        torch.manual_seed((ulong)seed);
        generator = torch.Generator((ulong)seed);
        try
        {
            model = HydroModel.Create(setup.Experiment, setup.ModelContext(generator, directory));
            parameters = Freezing.Apply(model, setup.Training.Freeze);
            if (parameters.Count == 0)
            {
                throw new ModelException($"the model ({setup.Experiment.Backbone.Type}{(setup.Experiment.Learner is { } l ? " with learner " + l.Type : "")}) has no trainable parameters: nothing to train; run it with hydro simulate");
            }
            optimizer = OptimizerFactory.Create(setup.Options.Optimizer, parameters);
            scheduler = SchedulerAdapter.Create(setup.Options.Scheduler, optimizer, setup.Training.Epochs);
        }
        catch
        {
            model?.Dispose();
            generator.Dispose();
            throw;
        }
    }

    private string CheckpointDir => Path.Combine(directory, RunLayout.Checkpoints);

    private string LogPath => Path.Combine(directory, RunLayout.TrainingLog);

    /// <summary>Copies the source run's weights (<c>training.init_from</c>) into the model; nothing without a source.</summary>
    public void StartFromSource() => setup.Init?.Apply(model, seed);

    /// <summary>
    /// Continues from the newest intact checkpoint in the folder, if there is one; returns false when there is none.
    /// A checkpoint whose SHA-256 differs from its sidecar, or that cannot be read, is skipped with one log line naming it.
    /// </summary>
    /// <exception cref="RunException">Every checkpoint of the folder is damaged.</exception>
    public bool RestoreLatest()
    {
        var candidates = Checkpoints(CheckpointDir);
        if (candidates.Count == 0)
        {
            return false;
        }

        using var scope = torch.NewDisposeScope();
        Dictionary<string, Tensor>? tensors = null;
        Dictionary<string, string> metadata = [];
        string? latest = null;
        var damaged = new List<string>();
        foreach (var candidate in Enumerable.Reverse(candidates))
        {
            var rel = Path.GetRelativePath(directory, candidate);
            if (CheckpointChecksum.Verify(candidate) == ChecksumVerdict.Mismatch)
            {
                damaged.Add($"{rel} is damaged (SHA-256 mismatch)");
                continue;
            }

            try
            {
                (tensors, metadata) = SafeTensors.Load(candidate);
                latest = candidate;
                break;
            }
            catch (InvalidDataException)
            {
                damaged.Add($"{rel} is damaged (truncated or unreadable)");
            }
        }

        if (latest is null || tensors is null)
        {
            throw new RunException($"{CheckpointDir}: every checkpoint is damaged ({string.Join("; ", damaged)}); restore them from a backup, or delete the checkpoints folder to train from the start");
        }

        if (damaged.Count > 0)
        {
            options.Logger?.CheckpointSkipped(seed, string.Join("; ", damaged), Path.GetFileNameWithoutExtension(latest));
        }

        if (!metadata.TryGetValue("format", out var format) || format != Format)
        {
            throw new TrainingException($"{latest}: not a Hydro checkpoint (format '{format ?? "none"}')");
        }

        model.LoadStateDict(tensors, latest);

        var optimizerTensors = tensors.Where(kv => kv.Key.StartsWith("state.", StringComparison.Ordinal)).ToDictionary(kv => kv.Key, kv => kv.Value);
        var optimizerMeta = new Dictionary<string, string> { ["optimizer"] = metadata["optimizer"], ["param_groups"] = metadata["param_groups"] };
        optimizer.load_state_dict(new OptimizerStateDict(optimizerTensors, optimizerMeta));
        scheduler.LoadStateJson(metadata["scheduler"]);
        generator.set_state(tensors["rng.generator"]);
        state = JsonSerializer.Deserialize<LoopState>(metadata["loop"]) ?? throw new TrainingException($"{latest}: no loop state");
        TrainingLog.TruncateAfter(LogPath, state.Epoch);
        options.Logger?.Resuming(seed, latest, state.Epoch, state.Batch);
        return true;
    }

    /// <summary>The newest checkpoint of a folder by (epoch, batch), best.safetensors excluded.</summary>
    public static string? LatestCheckpoint(string checkpointDir)
    {
        var all = Checkpoints(checkpointDir);
        return all.Count == 0 ? null : all[^1];
    }

    /// <summary>The checkpoints of a folder, oldest first by (epoch, batch), best.safetensors excluded.</summary>
    public static IReadOnlyList<string> Checkpoints(string checkpointDir)
    {
        if (!Directory.Exists(checkpointDir))
        {
            return [];
        }

        return [.. Directory.GetFiles(checkpointDir, "epoch_*.safetensors")
            .Select(p => (Path: p, Key: OrderKey(Path.GetFileNameWithoutExtension(p))))
            .Where(x => x.Key >= 0)
            .OrderBy(x => x.Key)
            .Select(x => x.Path)];
    }

    private static long OrderKey(string name)
    {
        // epoch_NNN: NNN epochs done → key NNN·10⁹; epoch_NNN_batch_B: epoch NNN in progress → (NNN − 1)·10⁹ + B.
        var parts = name.Split('_');
        if (parts.Length == 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var e))
        {
            return e * 1_000_000_000L;
        }

        if (parts.Length == 4 && parts[2] == "batch" && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out e)
            && int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var b))
        {
            return ((e - 1) * 1_000_000_000L) + b;
        }

        return -1;
    }

    public MemberResult Run()
    {
        var t = setup.Training;
        if (state.Status != "running")
        {
            return Result(state.Status == "completed" ? TrainingStatus.Completed : TrainingStatus.EarlyStopped);
        }

        var ct = options.CancellationToken;
        var clock = Stopwatch.StartNew();
        var batchesThisSession = 0;
        for (var epoch = state.Epoch + 1; epoch <= t.Epochs; epoch++)
        {
            var windows = setup.Sampler.Epoch((ulong)seed, epoch, t.SamplesPerEpoch);
            var batches = (windows.Length + t.BatchSize - 1) / t.BatchSize;
            var epochStart = Stopwatch.GetTimestamp();
            var lr = optimizer.param_groups[0].lr;
            model.Train();
            var first = state.Batch;
            Task<HostBatch>? next = first < batches ? Prepare(windows, first, t.BatchSize) : null;
            var cancelled = false;
            for (var b = first; b < batches; b++)
            {
                var host = next!.GetAwaiter().GetResult();
                next = b + 1 < batches ? Prepare(windows, b + 1, t.BatchSize) : null;
                var loss = Step(host, epoch, b);
                state.LossSum += loss;
                state.LossCount++;
                state.Batch = b + 1;
                batchesThisSession++;
                var remaining = (batches - b - 1) + ((long)(t.Epochs - epoch) * batches);
                var eta = TimeSpan.FromTicks(clock.Elapsed.Ticks / batchesThisSession * remaining);
                options.Progress?.Report(new TrainingProgress(seed, epoch, t.Epochs, b + 1, batches, loss, eta));
                if (ct.IsCancellationRequested && b + 1 < batches)
                {
                    cancelled = true;
                    break;
                }
            }

            next?.GetAwaiter().GetResult();
            state.EpochSeconds += Stopwatch.GetElapsedTime(epochStart).TotalSeconds;
            if (cancelled)
            {
                SaveCheckpoint(Path.Combine(CheckpointDir, RunLayout.BatchCheckpoint(epoch, state.Batch)));
                options.Logger?.Cancelled(seed, epoch, state.Batch);
                return Result(TrainingStatus.Cancelled);
            }

            var finished = EndEpoch(epoch, lr);
            if (finished is { } status)
            {
                return Result(status);
            }

            if (ct.IsCancellationRequested)
            {
                return Result(TrainingStatus.Cancelled);
            }

            if (options.StopAfterEpoch is { } stop && epoch >= stop && epoch < t.Epochs)
            {
                return Result(TrainingStatus.Paused);
            }
        }

        return Result(state.Status == "completed" ? TrainingStatus.Completed : TrainingStatus.EarlyStopped);
    }

    /// <summary>Validation, schedule, log and checkpoints at the end of an epoch; a status when training is over.</summary>
    private TrainingStatus? EndEpoch(int epoch, double lr)
    {
        var t = setup.Training;
        var trainLoss = state.LossCount == 0 ? double.NaN : state.LossSum / state.LossCount;
        double valLoss = double.NaN, valNse = double.NaN;
        var validated = setup.ValidationPredictor is not null && (epoch % t.ValidateEvery == 0 || epoch == t.Epochs);
        var improved = false;
        if (validated)
        {
            var seconds = Stopwatch.GetTimestamp();
            (valLoss, valNse) = Validate();
            state.EpochSeconds += Stopwatch.GetElapsedTime(seconds).TotalSeconds;
            if (double.IsFinite(valNse) && (state.BestNse is null || valNse > state.BestNse))
            {
                state.BestNse = valNse;
                state.BestEpoch = epoch;
                state.BadValidations = 0;
                improved = true;
            }
            else
            {
                state.BadValidations++;
            }
        }

        scheduler.EpochEnd(validated ? valLoss : null);
        TrainingLog.Append(LogPath, new TrainingLogRow(epoch, trainLoss, valLoss, valNse, lr, state.EpochSeconds));
        if (validated)
        {
            options.Logger?.EpochDone(seed, epoch, trainLoss, valLoss, valNse);
        }
        else
        {
            options.Logger?.EpochDone(seed, epoch, trainLoss);
        }

        state.Epoch = epoch;
        state.Batch = 0;
        state.LossSum = 0;
        state.LossCount = 0;
        state.EpochSeconds = 0;
        var earlyStop = validated && t.EarlyStoppingPatience is { } patience && state.BadValidations >= patience;
        if (earlyStop)
        {
            state.Status = "early_stopped";
            options.Logger?.EarlyStop(seed, epoch, state.BestNse, state.BestEpoch);
        }
        else if (epoch == t.Epochs)
        {
            state.Status = "completed";
        }

        var mustSave = epoch % t.CheckpointEvery == 0 || state.Status != "running" || options.CancellationToken.IsCancellationRequested
            || (options.StopAfterEpoch is { } stop && epoch >= stop);
        if (mustSave)
        {
            SaveCheckpoint(Path.Combine(CheckpointDir, RunLayout.EpochCheckpoint(epoch)));
        }

        if (improved)
        {
            SaveCheckpoint(Path.Combine(CheckpointDir, RunLayout.BestCheckpoint));
        }

        return state.Status switch
        {
            "completed" => TrainingStatus.Completed,
            "early_stopped" => TrainingStatus.EarlyStopped,
            _ => null,
        };
    }

    private Task<HostBatch> Prepare(WindowRef[] windows, int batch, int batchSize)
    {
        var from = batch * batchSize;
        var slice = new ArraySegment<WindowRef>(windows, from, Math.Min(batchSize, windows.Length - from));
        var batcher = setup.TrainBatcher;
        return Task.Run(() => batcher.Prepare(slice));
    }

    /// <summary>One gradient step inside a dispose scope; returns the loss.</summary>
    private double Step(HostBatch host, int epoch, int batchIndex)
    {
        using var scope = torch.NewDisposeScope();

        // The global generator (used by components that draw without the injected one) restarts per step, so a
        // resumed run draws what an uninterrupted one would.
        torch.manual_seed(StepSeed(epoch, batchIndex));
        var batch = setup.TrainBatcher.ToBatch(host);
        var loss = Loss(batch);
        var value = loss.item<float>();
        if (!float.IsFinite(value))
        {
            throw new TrainingException(NonFiniteMessage(value, host, epoch, batchIndex));
        }

        optimizer.zero_grad();
        loss.backward();
        if (setup.Training.ClipGradNorm is { } maxNorm)
        {
            nn.utils.clip_grad_norm_(parameters, maxNorm);
        }

        optimizer.step();
        return value;
    }

    private Tensor Loss(Batch batch)
    {
        var mask = batch.TargetMask!;
        var (outputs, _) = model.Forward(batch);

        // Losses see zeros, not NaN, where nothing is observed, so a loss that multiplies by the mask stays finite.
        var observed = torch.where(mask, batch.Target!, 0.0);
        return setup.Loss.Compute(outputs.Prediction, observed, mask, batch.Statistics);
    }

    private ulong StepSeed(int epoch, int batch) =>
        Xoshiro256.ForStream((ulong)seed, ((ulong)(uint)epoch << 32) | (uint)batch).NextUInt64() >> 1;

    private string NonFiniteMessage(float value, HostBatch host, int epoch, int batchIndex)
    {
        var store = setup.TrainStore;
        var windows = host.Windows.Select(w =>
        {
            var b = store.Basins[w.Basin];
            return $"{b.Basin} ending {TimeSteps.Format(b.TimeAt(w.End), b.Step)}";
        }).Distinct().ToList();
        var shown = string.Join(", ", windows.Take(20)) + (windows.Count > 20 ? $" and {windows.Count - 20} more" : "");
        return $"the loss is {value} at epoch {epoch}, batch {batchIndex + 1} (seed {seed}); the batch's windows: {shown}. "
            + "Check these basins' inputs and targets around those dates, lower optimizer.lr or set training.clip_grad_norm.";
    }

    /// <summary>Loss and median NSE over the validation basins, with the prediction de-normalised to target units.</summary>
    private (double Loss, double MedianNse) Validate()
    {
        double lossSum = 0;
        long lossCount = 0;
        void AddLoss(Batch batch, Tensor prediction)
        {
            var mask = batch.TargetMask!;
            if (!mask.any().item<bool>())
            {
                return;
            }

            var loss = setup.Loss.Compute(prediction, torch.where(mask, batch.Target!, 0.0), mask, batch.Statistics).item<float>();
            if (float.IsFinite(loss))
            {
                lossSum += loss * batch.Size;
                lossCount += batch.Size;
            }
        }

        var predictions = setup.ValidationPredictor!.Predict([model], AddLoss);

        // Mean NSE over the targets of a basin (the targets are usually one: streamflow).
        var nse = predictions.Select(p => new KeyValuePair<string, MetricResult>(p.Basin, MetricResult.Of(
            Enumerable.Range(0, p.Targets.Count).Average(j => HydroMetrics.Nse(p.SimulatedSeries(j), p.ObservedSeries(j)).Value))));
        return (lossCount == 0 ? double.NaN : lossSum / lossCount, MetricSummary.Of("nse", nse).Median);
    }

    private void SaveCheckpoint(string path)
    {
        using var scope = torch.NewDisposeScope();
        var tensors = model.StateDict();

        var optimizerState = optimizer.state_dict();
        foreach (var (key, value) in optimizerState.Tensors)
        {
            tensors[key] = value;
        }

        tensors["rng.generator"] = generator.get_state();
        var metadata = new Dictionary<string, string>
        {
            ["format"] = Format,
            ["seed"] = seed.ToString(CultureInfo.InvariantCulture),
            ["epoch"] = state.Epoch.ToString(CultureInfo.InvariantCulture),
            ["batch"] = state.Batch.ToString(CultureInfo.InvariantCulture),
            ["optimizer"] = optimizerState.Metadata["optimizer"],
            ["param_groups"] = optimizerState.Metadata["param_groups"],
            ["scheduler"] = scheduler.StateJson(),
            ["loop"] = JsonSerializer.Serialize(state),
            ["backbone"] = setup.Experiment.Backbone.Type,
            ["learner"] = setup.Experiment.Learner?.Type ?? "",
        };
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        CheckpointChecksum.Write(path, p => SafeTensors.Save(p, tensors, metadata));
    }

    private MemberResult Result(TrainingStatus status) =>
        new(seed, directory, status, state.Epoch, state.BestEpoch, state.BestNse);

    public void Dispose()
    {
        optimizer.Dispose();
        model.Dispose();
        generator.Dispose();
    }
}
