namespace Hydro.Core.Metrics;

/// <summary>A metric name that <see cref="MetricCatalog"/> does not know.</summary>
public sealed class UnknownMetricException : KeyNotFoundException
{
    /// <summary>Creates the error for <paramref name="name"/>.</summary>
    public UnknownMetricException(string name, string? suggestion, IReadOnlyList<string> known)
        : base(Describe(name, suggestion, known))
    {
        Name = name;
        Suggestion = suggestion;
        Known = known;
    }

    /// <summary>The name asked for.</summary>
    public string Name { get; }

    /// <summary>The closest known name, if one is close.</summary>
    public string? Suggestion { get; }

    /// <summary>All known names.</summary>
    public IReadOnlyList<string> Known { get; }

    private static string Describe(string name, string? suggestion, IReadOnlyList<string> known) =>
        $"unknown metric '{name}'" + (suggestion is null ? "" : $" — did you mean '{suggestion}'?")
        + $" Known metrics: {string.Join(", ", known)}.";
}
