using Hydro.Abstractions.Contracts;

namespace Hydro.Core.Tests.Data;

/// <summary>A dataset over hand-written arrays: per basin [days, F] inputs, [S] statics and [days, K] targets from <see cref="Start"/>.</summary>
internal sealed class ArrayDataset(DateTime start, Dictionary<string, (float[,] Dynamic, float[] Static, float[,] Targets)> basins) : IDataset
{
    public DateTime Start { get; } = start;

    public Dictionary<string, (float[,] Dynamic, float[] Static, float[,] Targets)> Data { get; } = basins;

    public int Loads { get; private set; }

    public DatasetDescription Describe() =>
        new(Data.Keys.ToList(), [], Start, Start.AddDays(Data.Values.First().Dynamic.GetLength(0) - 1));

    public BasinSeries Load(string basin, DataRequest request)
    {
        Loads++;
        if (!Data.TryGetValue(basin, out var d))
        {
            throw new DataException($"no basin {basin}");
        }

        var from = request.Start.DayNumber - Start.DayNumber;
        var rows = request.End.DayNumber - request.Start.DayNumber + 1;
        return new BasinSeries(basin, request.Start, Slice(d.Dynamic, from, rows), d.Static, Slice(d.Targets, from, rows));
    }

    public void Dispose()
    {
    }

    public static float[,] Column(params float[] values)
    {
        var a = new float[values.Length, 1];
        for (var i = 0; i < values.Length; i++)
        {
            a[i, 0] = values[i];
        }

        return a;
    }

    private static float[,] Slice(float[,] a, int from, int rows)
    {
        var r = new float[rows, a.GetLength(1)];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < a.GetLength(1); j++)
            {
                r[i, j] = a[from + i, j];
            }
        }

        return r;
    }
}
