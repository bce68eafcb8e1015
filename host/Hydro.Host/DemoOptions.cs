namespace Hydro.Host;

/// <summary>Options of <c>hydro demo</c>.</summary>
internal sealed record DemoOptions
{
    /// <summary>Training epochs (1–1000).</summary>
    public int Epochs { get; init; } = 30;

    /// <summary>Seed of the data generator and the weights.</summary>
    public ulong Seed { get; init; } = 42;

    /// <summary>cpu, cuda or cuda:N.</summary>
    public string Device { get; init; } = "cpu";
}
