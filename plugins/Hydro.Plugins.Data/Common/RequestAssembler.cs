using Hydro.Abstractions.Contracts;

namespace Hydro.Plugins.Data.Common;

/// <summary>Turns a <see cref="DataRequest"/> into a <see cref="BasinSeries"/> from per-variable daily series.</summary>
internal static class RequestAssembler
{
    /// <summary>
    /// Checks the request, then fills one row per day of the inclusive period for every dynamic input and target
    /// (NaN outside a series' days) and reads the statics.
    /// </summary>
    /// <exception cref="DataException">Unknown basin or variable, empty period, or any error of the loaders.</exception>
    public static BasinSeries Assemble(
        string dataset,
        string basin,
        DataRequest request,
        IReadOnlySet<string> basins,
        IReadOnlyCollection<string> dynamicNames,
        Func<string, Series> series,
        Func<IReadOnlyList<string>, float[]> statics)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!basins.Contains(basin))
        {
            throw new DataException($"{dataset}: basin '{basin}' is not among the {basins.Count} selected basins" + Suggest(basin, basins));
        }

        if (request.End < request.Start)
        {
            throw new DataException($"{dataset}: period end {request.End:yyyy-MM-dd} is before its start {request.Start:yyyy-MM-dd}");
        }

        foreach (var name in request.Dynamic.Concat(request.Targets))
        {
            if (!dynamicNames.Contains(name))
            {
                throw new DataException($"{dataset}: unknown time series variable '{name}'" + Suggest(name, dynamicNames)
                    + $" Time series variables: {string.Join(", ", dynamicNames)}.");
            }
        }

        if (request.Start.TimeOfDay != TimeSpan.Zero || request.End.TimeOfDay != TimeSpan.Zero)
        {
            throw new DataException($"{dataset}: the data is daily (one row per date, stamped at midnight); the requested period {request.Start:yyyy-MM-dd'T'HH:mm}..{request.End:yyyy-MM-dd'T'HH:mm} is not");
        }

        var start = DateOnly.FromDateTime(request.Start).DayNumber;
        var rows = DateOnly.FromDateTime(request.End).DayNumber - start + 1;
        var dynamic = Fill(request.Dynamic, rows, start, series);
        var targets = Fill(request.Targets, rows, start, series);
        var values = request.Static.Count == 0 ? [] : statics(request.Static);
        return new BasinSeries(basin, request.Start, dynamic, values, targets);
    }

    /// <summary>"; did you mean 'x'?" for the closest name by edit distance, or nothing.</summary>
    public static string Suggest(string seen, IEnumerable<string> choices)
    {
        var best = choices.Select(c => (c, d: Distance(seen, c))).OrderBy(x => x.d).FirstOrDefault();
        return best.c is not null && best.d <= Math.Max(2, seen.Length / 3) ? $"; did you mean '{best.c}'?" : ".";
    }

    private static float[,] Fill(IReadOnlyList<string> names, int rows, int start, Func<string, Series> series)
    {
        var result = new float[rows, names.Count];
        for (var f = 0; f < names.Count; f++)
        {
            var s = series(names[f]);
            DailyTable.CopyInto(s.Values, s.FirstDay, start, result, f);
        }

        return result;
    }

    private static int Distance(string a, string b)
    {
        var d = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            d[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            var previous = d[0];
            d[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var current = d[j];
                d[j] = Math.Min(Math.Min(d[j] + 1, d[j - 1] + 1), previous + (a[i - 1] == b[j - 1] ? 0 : 1));
                previous = current;
            }
        }

        return d[b.Length];
    }
}
