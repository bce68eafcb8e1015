using System.Diagnostics;
using Hydro.Abstractions.Components;
using Hydro.Abstractions.Contracts;

namespace Hydro.Data.Benchmarks;

/// <summary>The Hydro side: load every basin through the dataset API, then normalise with train-period statistics.</summary>
internal static class DataBench
{
    /// <summary>CAMELS basins with both a Daymet forcing file and a streamflow file.</summary>
    public static IReadOnlyList<string> CamelsBasins(string data)
    {
        static HashSet<string> Ids(string dir, string pattern) =>
            [.. Directory.EnumerateFiles(dir, pattern, SearchOption.AllDirectories).Select(f => Path.GetFileName(f).Split('_')[0])];
        var root = Path.Combine(data, "camels_us");
        var forcing = Ids(Path.Combine(root, "basin_mean_forcing", "daymet"), "*_lump_cida_forcing_leap.txt");
        forcing.IntersectWith(Ids(Path.Combine(root, "usgs_streamflow"), "*_streamflow_qc.txt"));
        return [.. forcing.Order(StringComparer.Ordinal)];
    }

    public static void Camels(string data, IReadOnlyList<string> basins)
    {
        using var dataset = new Hydro.Plugins.Data.CamelsUs.CamelsUsDataset(
            new Hydro.Plugins.Data.CamelsUs.CamelsUsOptions { DataDir = Path.Combine(data, "camels_us"), Basins = basins },
            new ComponentContext());
        var request = new DataRequest(["prcp", "srad", "tmax", "tmin", "vp"], ["area_gages2", "elev_mean", "p_mean"], ["streamflow"], new DateTime(1980, 1, 1), new DateTime(2014, 12, 31));
        Normalise([.. basins.Select(b => dataset.Load(b, request))], new DateTime(1980, 10, 1), new DateTime(1995, 9, 30));
    }

    public static void Caravan(string data)
    {
        using var dataset = new Hydro.Plugins.Data.Caravan.CaravanDataset(new Hydro.Plugins.Data.Caravan.CaravanOptions { DataDir = Path.Combine(data, "caravan") }, new ComponentContext());
        var request = new DataRequest(["total_precipitation_sum", "temperature_2m_mean", "potential_evaporation_sum"], ["area", "p_mean", "aridity"], ["streamflow"], new DateTime(1981, 1, 1), new DateTime(2014, 12, 31));
        var basins = dataset.Describe().Basins;
        Normalise([.. basins.Select(b => dataset.Load(b, request))], new DateTime(1981, 10, 1), new DateTime(1995, 9, 30));
    }

    /// <summary>Median wall time in ms of <paramref name="repeats"/> runs after one warm-up.</summary>
    public static double Median(int repeats, Action run)
    {
        run();
        var times = new double[repeats];
        for (var i = 0; i < repeats; i++)
        {
            var watch = Stopwatch.StartNew();
            run();
            times[i] = watch.Elapsed.TotalMilliseconds;
        }

        Array.Sort(times);
        return times[repeats / 2];
    }

    /// <summary>Mean and sample std per column over the train rows of all basins (NaN skipped), then (x − mean) / std in place.</summary>
    private static void Normalise(IReadOnlyList<BasinSeries> series, DateTime trainStart, DateTime trainEnd)
    {
        var first = trainStart.DayNumber - series[0].Start.DayNumber;
        var last = trainEnd.DayNumber - series[0].Start.DayNumber;
        NormaliseColumns([.. series.Select(s => s.Dynamic)], first, last);
        NormaliseColumns([.. series.Select(s => s.Targets)], first, last);
        var statics = new float[series.Count, series[0].Static.Length];
        for (var b = 0; b < series.Count; b++)
        {
            for (var s = 0; s < statics.GetLength(1); s++)
            {
                statics[b, s] = series[b].Static[s];
            }
        }

        NormaliseColumns([statics], 0, series.Count - 1);
    }

    private static void NormaliseColumns(IReadOnlyList<float[,]> arrays, int first, int last)
    {
        var width = arrays[0].GetLength(1);
        var sum = new double[width];
        var sumSq = new double[width];
        var count = new long[width];
        foreach (var a in arrays)
        {
            for (var t = first; t <= last; t++)
            {
                for (var f = 0; f < width; f++)
                {
                    var v = a[t, f];
                    if (!float.IsNaN(v))
                    {
                        sum[f] += v;
                        sumSq[f] += (double)v * v;
                        count[f]++;
                    }
                }
            }
        }

        var mean = new float[width];
        var scale = new float[width];
        for (var f = 0; f < width; f++)
        {
            var m = sum[f] / count[f];
            mean[f] = (float)m;
            scale[f] = (float)(1.0 / Math.Sqrt((sumSq[f] - (count[f] * m * m)) / (count[f] - 1)));
        }

        foreach (var a in arrays)
        {
            for (var t = 0; t < a.GetLength(0); t++)
            {
                for (var f = 0; f < width; f++)
                {
                    a[t, f] = (a[t, f] - mean[f]) * scale[f];
                }
            }
        }
    }
}
