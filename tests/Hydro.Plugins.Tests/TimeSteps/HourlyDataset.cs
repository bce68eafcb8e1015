using System.ComponentModel.DataAnnotations;
using Hydro.Abstractions.Components;
using Hydro.Abstractions.Contracts;

namespace Hydro.Plugins.Tests.TimeSteps;

/// <summary>Options of the hourly test dataset.</summary>
public sealed class HourlyDatasetOptions
{
    [Range(1, 10)]
    public int Basins { get; init; } = 2;

    [Range(1, 10_000)]
    public int Hours { get; init; } = 24 * 12;
}

/// <summary>
/// Hourly data stamped at the end of each hour, 2014-09-10T00:00 onwards: rain r(t) is a deterministic pulse train and
/// flow q(t) = 0.5·r(t − 1 h) + 0.1·b, so one hour of lag is visible only at an hourly step (nothing may be aggregated).
/// </summary>
[Component("hourly_test", typeof(HourlyDatasetOptions))]
public sealed class HourlyDataset(HourlyDatasetOptions options, ComponentContext context) : IDataset
{
    public static readonly DateTime First = new(2014, 9, 10);

    public ComponentContext Context { get; } = context;

    /// <summary>Every request, for checks on what the core asked for.</summary>
    public static List<DataRequest> Requests { get; } = [];

    public static double Rain(int hour) => hour % 7 == 0 ? 4 + (hour % 5) : 0.2 * (hour % 3);

    public static double Flow(int hour, int basin) => (0.5 * Rain(hour - 1)) + (0.1 * basin);

    public DatasetDescription Describe() =>
        new([.. Enumerable.Range(0, options.Basins).Select(b => $"h{b}")], [new("rain", "mm/h", false), new("flow", "mm/h", false)],
            First, First.AddHours(options.Hours - 1))
        { Step = TimeSpan.FromHours(1) };

    public BasinSeries Load(string basin, DataRequest request)
    {
        lock (Requests)
        {
            Requests.Add(request);
        }

        var b = basin[1] - '0';
        var first = (int)(request.Start - First).TotalHours;
        var rows = (int)(request.End - request.Start).TotalHours + 1;
        var dynamic = new float[rows, request.Dynamic.Count];
        var targets = new float[rows, request.Targets.Count];
        for (var r = 0; r < rows; r++)
        {
            for (var j = 0; j < request.Dynamic.Count; j++)
            {
                dynamic[r, j] = (float)Rain(first + r);
            }

            for (var j = 0; j < request.Targets.Count; j++)
            {
                targets[r, j] = (float)Flow(first + r, b);
            }
        }

        return new BasinSeries(basin, request.Start, dynamic, [], targets);
    }

    public void Dispose()
    {
    }
}
