using Hydro.Abstractions.Contracts;
using Hydro.Core.Data;
using Hydro.Core.Runs;
using Hydro.Torch;

namespace Hydro.Core.Analysis.Runs;

/// <summary>
/// <c>hydro embedding</c>: what the model learned about catchment similarity (Kratzert et al. 2019, Sect. 3.4). The
/// per-basin embedding of an <see cref="IRecurrentBackbone"/> (the EA-LSTM's input gate) and, for comparison, the
/// standardised static attributes are clustered by k-means for k = 2..15; k is chosen by the highest mean silhouette
/// (Fig. 9), and each clustering's share of the variance of hydrological signatures is reported (η², Fig. 10).
/// </summary>
/// <remarks>
/// One member is analysed (the first, or the one chosen with <c>--seed</c>): embedding coordinates are not comparable
/// across seeds. The embedding comes from each basin's window that ends on the period's last day. A backbone without an
/// embedding (<c>lstm</c> concatenates the attributes to every step; a backbone that does not implement
/// <see cref="IRecurrentBackbone"/>) is not an error: the attributes are still clustered, and the report says why the
/// embedding is missing. Basins with a missing attribute or no complete input window are left out of both spaces, so that
/// both clusterings cover the same basins.
/// </remarks>
public static class EmbeddingAnalysis
{
    /// <summary>The <c>format</c> of its <c>summary.json</c>.</summary>
    public const string Format = "hydro.embedding/1";

    /// <summary>The 13 hydrological signatures of CAMELS' <c>camels_hydro.txt</c> (Addor et al. 2017), the default of <see cref="EmbeddingRequest.Signatures"/>.</summary>
    public static readonly IReadOnlyList<string> CamelsSignatures =
    [
        "q_mean", "runoff_ratio", "slope_fdc", "baseflow_index", "stream_elas", "q5", "q95", "high_q_freq", "high_q_dur",
        "low_q_freq", "low_q_dur", "zero_q_freq", "hfd_mean",
    ];

    /// <summary>Computes the clusterings and writes <c>embedding.csv</c>, <c>attributes.csv</c>, <c>k_sweep.csv</c>, <c>labels.csv</c>, <c>signatures.csv</c> and <c>summary.json</c>.</summary>
    /// <exception cref="RunException">No static inputs, bad k range or restarts, unknown signature, too few basins.</exception>
    /// <exception cref="DataException">The data cannot be read.</exception>
    public static EmbeddingReport Run(TrainedRun run, EmbeddingRequest? request = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        request ??= new EmbeddingRequest();
        var o = run.Experiment.Options;
        AnalysisSetup.RequireStatics(run, "embedding");
        Check(request);
        var periodName = request.Period ?? "train";
        var (_, end) = run.PeriodOf(periodName);
        var member = AnalysisSetup.Member(run);
        var device = AnalysisSetup.Device(run, request.Device);
        var warnings = new List<string>();
        using var data = run.OpenData(device);
        var signatures = Signatures(data.Description, request.Signatures, warnings);

        // One window per basin, ending on the period's last day: its statics (standardised) and its embedding.
        var store = data.Load(periodName, end, end, perBasin: false, observations: false, cancellationToken: request.CancellationToken);
        var l = o.Training.SequenceLength;
        var windows = new List<WindowRef>();
        for (var i = 0; i < store.Basins.Count; i++)
        {
            var ends = WindowSampler.TilingEndIndices(store.Basins[i], l, 1);
            if (ends.Length > 0)
            {
                windows.Add(new WindowRef(i, ends[^1]));
            }
            else
            {
                warnings.Add($"basin {store.Basins[i].Basin}: a missing attribute or input in the {l} days to {end:yyyy-MM-dd}; left out");
            }
        }

        var basins = windows.Select(w => store.Basins[w.Basin].Basin).ToList();
        if (basins.Count < 3)
        {
            throw new RunException($"clustering needs at least 3 basins with complete attributes and inputs; {basins.Count} have them");
        }

        var maxK = Math.Min(request.MaxK, basins.Count - 1);
        if (request.MinK > maxK)
        {
            throw new RunException($"min k {request.MinK} is more than basins − 1 = {basins.Count - 1}: a silhouette needs a cluster with two basins");
        }

        using var scope = torch.NewDisposeScope();
        var batcher = run.Batcher(store, device, predictLastN: 1);
        var (statics, embedding) = Embed(run, member, batcher, windows, device, warnings, request.CancellationToken);
        request.CancellationToken.ThrowIfCancellationRequested();
        var attributes = Sweep("attributes", statics, request, maxK);
        var embedded = embedding is null ? null : Sweep("embedding", embedding, request, maxK);
        request.CancellationToken.ThrowIfCancellationRequested();
        var values = signatures.Count == 0 ? null : data.Statics(signatures, end, basins, request.CancellationToken);
        var variance = signatures.SelectMany((name, j) => attributes.Sweep.Select(c =>
        {
            var v = basins.Select(b => (double)values![b][j]).ToArray();
            return new SignatureVariance(name, c.K, embedded is null ? double.NaN : VarianceExplained.ByClusters(v, embedded.At(c.K).Clustering.Labels),
                VarianceExplained.ByClusters(v, c.Clustering.Labels));
        })).ToList();

        var output = request.OutputDirectory ?? AnalysisFiles.DefaultFolder(run, "embedding");
        var report = new EmbeddingReport(Path.GetFullPath(output), member.Seed, basins, embedded, attributes, variance, warnings);
        var matrices = (Statics: Host(statics), Embedding: embedding is null ? null : Host(embedding));
        AtomicDirectory.Create(output, dir => EmbeddingFiles.Write(dir, run, member, report, o.Inputs.Static, matrices.Statics, matrices.Embedding, signatures), replace: true);
        return report;
    }

    /// <summary>The standardised statics [N, S] and the embedding [N, E] (null when the backbone has none).</summary>
    private static (Tensor Statics, Tensor? Embedding) Embed(TrainedRun run, RunMember member, Batcher batcher, List<WindowRef> windows, Device device,
        List<string> warnings, CancellationToken ct)
    {
        var batchSize = run.Experiment.Options.Training.BatchSize;
        var models = run.LoadModels(device, [member]);
        var model = models[0];
        try
        {
            var recurrent = model.Backbone as IRecurrentBackbone;
            var type = run.Experiment.Backbone.Type;
            var statics = new List<Tensor>();
            var embedding = new List<Tensor>();
            using var noGrad = torch.no_grad();
            foreach (var chunk in windows.Chunk(batchSize))
            {
                ct.ThrowIfCancellationRequested();
                var batch = batcher.Build(chunk);
                statics.Add(batch.Static!.to(ScalarType.Float64));
                if (recurrent?.Embedding(batch) is { } e)
                {
                    embedding.Add(e.detach().to(ScalarType.Float64));
                }
            }

            if (recurrent is null)
            {
                warnings.Add($"backbone '{type}' does not expose recurrent states (IRecurrentBackbone), so it has no embedding to cluster; only the attributes were clustered");
            }
            else if (embedding.Count == 0)
            {
                warnings.Add($"backbone '{type}' has no per-basin embedding ({(type == "lstm" ? "lstm feeds the attributes to every step" : "its Embedding returns null")}); "
                    + "only the attributes were clustered — use ealstm for a learned catchment embedding");
            }

            return (torch.cat([.. statics], 0).cpu(), embedding.Count == 0 ? null : torch.cat([.. embedding], 0).cpu());
        }
        finally
        {
            model.Dispose();
        }
    }

    private static ClusteredSpace Sweep(string name, Tensor points, EmbeddingRequest request, int maxK)
    {
        var sweep = ClusterSweep.Run(points, new Random(request.RandomSeed), request.MinK, maxK, request.Restarts);
        var best = sweep.OrderByDescending(c => c.Silhouette.Mean).ThenBy(c => c.K).First();
        return new ClusteredSpace(name, (int)points.size(1), sweep, best.K);
    }

    private static List<string> Signatures(DatasetDescription description, IReadOnlyList<string>? asked, List<string> warnings)
    {
        var statics = description.Variables.Where(v => v.Static).Select(v => v.Name).ToList();
        if (asked is null)
        {
            var present = CamelsSignatures.Where(statics.Contains).ToList();
            if (present.Count == 0)
            {
                warnings.Add("the dataset has none of the CAMELS signatures (camels_hydro.txt); no variance explained is reported — name static variables with --signatures");
            }

            return present;
        }

        var known = description.Variables.ToDictionary(v => v.Name, StringComparer.Ordinal);
        foreach (var name in asked)
        {
            if (!known.TryGetValue(name, out var info))
            {
                throw new RunException(AnalysisSetup.Unknown("signature", name, statics) + "; signatures are static variables of the dataset");
            }

            if (!info.Static)
            {
                throw new RunException($"signature '{name}' is a time series of the dataset; signatures are static variables (one value per basin), e.g. {string.Join(", ", CamelsSignatures.Take(3))}");
            }
        }

        return [.. asked.Distinct(StringComparer.Ordinal)];
    }

    private static void Check(EmbeddingRequest request)
    {
        if (request.MinK < 2 || request.MaxK < request.MinK)
        {
            throw new RunException($"k range: need 2 ≤ min k ≤ max k, got {request.MinK}..{request.MaxK}");
        }

        if (request.Restarts < 1)
        {
            throw new RunException($"restarts must be at least 1, got {request.Restarts}");
        }
    }

    private static double[,] Host(Tensor t)
    {
        var flat = t.contiguous().data<double>();
        var (n, d) = ((int)t.size(0), (int)t.size(1));
        var grid = new double[n, d];
        Buffer.BlockCopy(flat, 0, grid, 0, flat.Length * sizeof(double));
        return grid;
    }
}
