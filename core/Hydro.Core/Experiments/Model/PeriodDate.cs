using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hydro.Core.Experiments.Model;

/// <summary>
/// A period bound as the experiment file gives it: a date (<c>2014-09-15</c>) or a date and time
/// (<c>2014-09-15T06:00</c>, ISO 8601). A start given as a date is the day's first step (midnight); an end given as a
/// date is the day's last step (<see cref="AsEnd"/>), so a daily experiment covers the same days as before and an
/// hourly period <c>2014-09-15..2014-09-20</c> covers whole days, up to 2014-09-20T23:00.
/// </summary>
/// <param name="Value">The date (at midnight) or the date and time.</param>
/// <param name="HasTime">True when a time of day was given.</param>
[JsonConverter(typeof(PeriodDateJsonConverter))]
public readonly record struct PeriodDate(DateTime Value, bool HasTime)
{
    private static readonly string[] TimeFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"];

    /// <summary>Line of the value in the experiment file (1-based; 0 when not read from a file).</summary>
    public int Line { get; init; }

    /// <summary>Column of the value in the experiment file.</summary>
    public int Column { get; init; }

    /// <summary>A date alone (midnight, end-of-day rule for an end).</summary>
    public static PeriodDate FromDateOnly(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), false);

    /// <summary>A date and time (used as it is, start or end).</summary>
    public static PeriodDate FromDateTime(DateTime time) => new(time, true);

    /// <summary>See <see cref="FromDateOnly"/>.</summary>
    public static implicit operator PeriodDate(DateOnly date) => FromDateOnly(date);

    /// <summary>See <see cref="FromDateTime"/>.</summary>
    public static implicit operator PeriodDate(DateTime time) => FromDateTime(time);

    /// <summary>Parses <c>YYYY-MM-DD</c>, <c>YYYY-MM-DDTHH:MM</c> or <c>YYYY-MM-DDTHH:MM:SS</c>.</summary>
    public static bool TryParse(string? text, out PeriodDate date)
    {
        var t = text?.Trim() ?? "";
        if (DateOnly.TryParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            date = FromDateOnly(d);
            return true;
        }

        if (DateTime.TryParseExact(t, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt))
        {
            date = FromDateTime(dt);
            return true;
        }

        date = default;
        return false;
    }

    /// <summary>The first step: the value itself (a date alone is its midnight).</summary>
    public DateTime AsStart => Value;

    /// <summary>
    /// The last step for a dataset of step <paramref name="step"/>: the value itself when a time was given or the step
    /// is a day or longer, else the last step of the day (<c>date + 1 day − step</c>: 23:00 for hourly data).
    /// </summary>
    public DateTime AsEnd(TimeSpan step) => HasTime || step >= TimeSpan.FromDays(1) ? Value : Value.AddDays(1) - step;

    /// <summary><c>YYYY-MM-DD</c>, or <c>YYYY-MM-DDTHH:MM</c> when a time was given.</summary>
    public override string ToString() =>
        Value.ToString(HasTime ? (Value.Second == 0 ? "yyyy-MM-dd'T'HH:mm" : "yyyy-MM-dd'T'HH:mm:ss") : "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Where the value stands in the experiment file (<c>line:column</c>), or empty when unknown.</summary>
    internal string Where => Line > 0 ? $"{Line}:{Column}" : "";
}

/// <summary>Writes a <see cref="PeriodDate"/> as the text the file gave (config.json).</summary>
internal sealed class PeriodDateJsonConverter : JsonConverter<PeriodDate>
{
    public override PeriodDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        PeriodDate.TryParse(reader.GetString(), out var d) ? d : throw new JsonException($"'{reader.GetString()}' is not a date YYYY-MM-DD or YYYY-MM-DDTHH:MM");

    public override void Write(Utf8JsonWriter writer, PeriodDate value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}
