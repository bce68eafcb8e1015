using System.Text.Json;
using Hydro.Core.Metrics;

namespace Hydro.Core.Tests.Metrics;

/// <summary>
/// Every catalog metric on real series against metrics_numpy.json, written by the independent numpy script
/// metrics_numpy.py (its header has the command to regenerate) from the same data files.
/// </summary>
public sealed class NumpyGoldenTests
{
    public static TheoryData<string> Cases() => [.. Golden().EnumerateObject().Select(p => p.Name)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesNumpy(string name)
    {
        var golden = Golden().GetProperty(name);
        var file = golden.GetProperty("file").GetString()!;
        var (sim, obs) = golden.GetProperty("kind").GetString() switch
        {
            "sacsma" => TestData.SacSma(file),
            "lag1" => TestData.CaravanLagged(file),
            var kind => throw new InvalidOperationException($"unknown case kind '{kind}'"),
        };
        Assert.Equal(golden.GetProperty("steps").GetInt32(), obs.Length);
        var expected = golden.GetProperty("metrics");
        Assert.Equal(expected.GetProperty("valid").GetDouble(), obs.Zip(sim).Count(p => double.IsFinite(p.First) && double.IsFinite(p.Second)));

        var failures = new List<string>();
        foreach (var metric in MetricCatalog.Names)
        {
            var want = expected.GetProperty(metric).GetDouble();
            var got = MetricCatalog.Compute(metric, sim, obs);
            if (!got.IsDefined || Math.Abs(got.Value - want) > 1e-9 * Math.Max(Math.Abs(want), 1e-3))
            {
                failures.Add($"{metric}: numpy {want:R}, Hydro {got}");
            }
        }

        Assert.True(failures.Count == 0, $"{name}: " + string.Join("; ", failures));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void FindsTheSamePeaks(string name)
    {
        var golden = Golden().GetProperty(name);
        var file = golden.GetProperty("file").GetString()!;
        var (sim, obs) = golden.GetProperty("kind").GetString() == "sacsma" ? TestData.SacSma(file) : TestData.CaravanLagged(file);
        var valid = obs.Where((o, t) => double.IsFinite(o) && double.IsFinite(sim[t])).ToArray();
        var mean = valid.Average();
        var std = Math.Sqrt(valid.Sum(v => (v - mean) * (v - mean)) / valid.Length);
        Assert.Equal(golden.GetProperty("metrics").GetProperty("peaks").GetDouble(), PeakFinder.Find(valid, HydroMetrics.PeakDistance, std).Length);
    }

    private static JsonElement Golden() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(TestData.SourceFolder(), "metrics_numpy.json"))).RootElement;
}
