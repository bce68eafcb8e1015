namespace Hydro.Core.Metrics;

/// <summary>
/// One metric's value for one basin, or why it is undefined (then <see cref="Value"/> is NaN).
/// Converts implicitly to <see cref="double"/>, so callers that only want the number can ignore the reason.
/// </summary>
public readonly record struct MetricResult
{
    private MetricResult(double value, string? reason)
    {
        Value = value;
        Reason = reason;
    }

    /// <summary>The metric's value; NaN when undefined.</summary>
    public double Value { get; }

    /// <summary>Why the metric is undefined (e.g. "fewer than 2 valid time steps"); null when defined.</summary>
    public string? Reason { get; }

    /// <summary>True when <see cref="Value"/> is a number.</summary>
    public bool IsDefined => Reason is null;

    /// <summary>A defined value; a non-finite value becomes undefined with a reason saying so.</summary>
    public static MetricResult Of(double value) =>
        double.IsFinite(value) ? new MetricResult(value, null) : Undefined($"the computation gave {value}");

    /// <summary>An undefined value (NaN) with the reason.</summary>
    public static MetricResult Undefined(string reason) => new(double.NaN, reason);

    /// <summary>The value (NaN when undefined).</summary>
    public static implicit operator double(MetricResult result) => result.Value;

    /// <summary>The value (NaN when undefined).</summary>
    public double ToDouble() => Value;

    /// <summary>The value in the invariant culture, or <c>NaN (reason)</c>.</summary>
    public override string ToString() =>
        IsDefined ? Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : $"NaN ({Reason})";
}
