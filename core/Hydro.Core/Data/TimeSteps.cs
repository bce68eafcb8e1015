using System.Globalization;
using Hydro.Abstractions.Contracts;
using Hydro.Core.Experiments.Model;

namespace Hydro.Core.Data;

/// <summary>
/// Time stamps on a dataset's step grid (DESIGN "Time steps"): row i of a series is stamped <c>Start + i·Step</c>;
/// nothing is aggregated, every count (rows, windows, warm-up, history) is in steps.
/// </summary>
public static class TimeSteps
{
    /// <summary>One day, the step of daily data and the default.</summary>
    public static readonly TimeSpan Day = TimeSpan.FromDays(1);

    /// <summary>Whether stamps of step <paramref name="step"/> are written as dates alone (whole days).</summary>
    public static bool IsDaily(TimeSpan step) => step.Ticks > 0 && step.Ticks % TimeSpan.TicksPerDay == 0;

    /// <summary>How output files and messages write a stamp: <c>yyyy-MM-dd</c> for daily data, <c>yyyy-MM-ddTHH:mm</c> for sub-daily data.</summary>
    public static string Format(DateTime time, TimeSpan step) =>
        time.ToString(IsDaily(step) && time.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The number of steps from <paramref name="from"/> to <paramref name="to"/>, both included (0 when <paramref name="to"/> is before).</summary>
    public static int Count(DateTime from, DateTime to, TimeSpan step) => to < from ? 0 : checked((int)((to - from).Ticks / step.Ticks) + 1);

    /// <summary>Steps from <paramref name="from"/> to <paramref name="to"/> (negative when before).</summary>
    public static int Between(DateTime from, DateTime to, TimeSpan step) => checked((int)((to - from).Ticks / step.Ticks));

    /// <summary>Whether <paramref name="time"/> is a whole number of steps from <paramref name="origin"/>.</summary>
    public static bool OnGrid(DateTime time, DateTime origin, TimeSpan step) => (time - origin).Ticks % step.Ticks == 0;

    /// <summary>The step in words for messages: <c>1 day</c>, <c>1 hour</c>, <c>15 minutes</c>.</summary>
    public static string Describe(TimeSpan step) => step switch
    {
        _ when IsDaily(step) => Plural(step.Days, "day"),
        _ when step.Ticks % TimeSpan.TicksPerHour == 0 => Plural((int)step.TotalHours, "hour"),
        _ when step.Ticks % TimeSpan.TicksPerMinute == 0 => Plural((int)step.TotalMinutes, "minute"),
        _ => Plural((int)step.TotalSeconds, "second"),
    };

    /// <summary>The step as an ISO 8601 duration for JSON records: <c>P1D</c>, <c>PT1H</c>, <c>PT15M</c>.</summary>
    public static string Iso(TimeSpan step) => System.Xml.XmlConvert.ToString(step);

    /// <summary>
    /// The stamps of the first and last step of <paramref name="period"/> for <paramref name="data"/> (a date alone as
    /// an end is the day's last step), checked against the dataset's step grid.
    /// </summary>
    /// <param name="period">The period as the experiment gives it.</param>
    /// <param name="name">train, validation, test (names the YAML path in errors).</param>
    /// <param name="data">The dataset's description (step and first stamp).</param>
    /// <param name="file">The experiment file, for errors.</param>
    /// <exception cref="DataException">A bound is not on the step grid; the message names the file, line and YAML path.</exception>
    public static (DateTime Start, DateTime End) Resolve(PeriodOptions period, string name, DatasetDescription data, string? file)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(data);
        var (start, end) = period.Resolve(data.Step);
        CheckOnGrid(period.Start, start, $"periods.{name}.start", data, file);
        CheckOnGrid(period.End, end, $"periods.{name}.end", data, file);
        return (start, end);
    }

    /// <summary>Throws when <paramref name="resolved"/> is off the dataset's step grid.</summary>
    /// <exception cref="DataException">Off the grid; names the file, line and <paramref name="path"/>.</exception>
    public static void CheckOnGrid(PeriodDate given, DateTime resolved, string path, DatasetDescription data, string? file)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (OnGrid(resolved, data.First, data.Step))
        {
            return;
        }

        var before = data.First + TimeSpan.FromTicks((resolved - data.First).Ticks / data.Step.Ticks * data.Step.Ticks);
        before = before > resolved ? before - data.Step : before;
        var where = string.Join(":", new[] { file, given.Line > 0 ? given.Where : null }.Where(s => !string.IsNullOrEmpty(s)));
        throw new DataException($"{(where.Length > 0 ? where + ": " : "")}{path}: {given} is not on the dataset's time grid "
            + $"(a step every {Describe(data.Step)} from {Format(data.First, data.Step)}); use {Format(before, data.Step)} or {Format(before + data.Step, data.Step)}");
    }

    private static string Plural(int n, string unit) => n.ToString(CultureInfo.InvariantCulture) + " " + unit + (n == 1 ? "" : "s");
}
