using Hydro.Abstractions.Components;
using Hydro.Abstractions.Contracts;
using Hydro.Torch;

[assembly: HydroPlugin(typeof(Hydro.Host.TestPlugin.Plugin))]

namespace Hydro.Host.TestPlugin;

// Only their declarations matter to `hydro validate`, `plugins` and `schema`: the host tests never build them, except
// the dataset's description, which `validate` checks the file against.

[Component("synthetic", typeof(SyntheticDatasetOptions), Summary = "Synthetic basins.")]
public sealed class SyntheticDataset(SyntheticDatasetOptions options) : IDataset
{
    public SyntheticDatasetOptions Options { get; } = options;

    /// <summary>Basins s000.., the variables of the built-in synthetic dataset, daily from <c>start</c> to 2000-12-31.</summary>
    public DatasetDescription Describe() => new(
        [.. Enumerable.Range(0, Options.Basins).Select(i => $"s{i:000}")],
        [
            new("prcp", "mm/day", false), new("tmean", "°C", false), new("pet", "mm/day", false), new("streamflow", "mm/day", false),
            new("area", "km2", true), new("elev_mean", "m", true), new("aridity", "-", true),
        ],
        Options.Start.ToDateTime(TimeOnly.MinValue),
        new DateTime(2000, 12, 31));

    public BasinSeries Load(string basin, DataRequest request) => throw new NotSupportedException("test component");

    public void Dispose()
    {
    }
}

[Component("lstm", typeof(SampleLstmOptions), Summary = "A sample LSTM.")]
public sealed class SampleLstm(SampleLstmOptions options) : IBackbone
{
    public SampleLstmOptions Options { get; } = options;

    public nn.Module Network => throw new NotSupportedException("test component");

    public ParameterRequest? Parameters => null;

    public BackboneOutputs Forward(Batch batch, Tensor? parameters) => throw new NotSupportedException("test component");

    public void Dispose()
    {
    }
}

[Component("mlp", typeof(SampleMlpOptions))]
public sealed class SampleMlp(SampleMlpOptions options) : IParameterLearner
{
    public SampleMlpOptions Options { get; } = options;

    public nn.Module Network => throw new NotSupportedException("test component");

    public Tensor Forward(Batch batch, ParameterRequest request) => throw new NotSupportedException("test component");

    public void Dispose()
    {
    }
}

[Component("nse", typeof(SampleNseOptions), Summary = "Basin-averaged NSE loss.")]
public sealed class SampleNse : ILoss
{
    public Tensor Compute(Tensor prediction, Tensor observation, Tensor mask, BasinStatistics? statistics) => prediction;
}

[Component("mse", typeof(SampleNseOptions))]
public sealed class SampleMse : ILoss
{
    public Tensor Compute(Tensor prediction, Tensor observation, Tensor mask, BasinStatistics? statistics) => prediction;
}

public sealed class Plugin : IHydroPlugin
{
    public void Register(IComponentRegistry registry) =>
        registry.Add<SyntheticDataset>().Add<SampleLstm>().Add<SampleMlp>().Add<SampleNse>().Add<SampleMse>();
}
