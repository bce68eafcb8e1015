using Hydro.Abstractions.Contracts;
using Hydro.Core.Data;

namespace Hydro.Core.Tests.Data;

public sealed class NormalizerTests
{
    private const float N = float.NaN;
    private static readonly DateTime Day0 = new(2000, 1, 1);
    private static readonly DataVariables Vars = new(["x"], ["s"], ["y"]);

    // Ten days; the training period is days 3..6, loaded with two days of history (days 1, 2).
    private static ArrayDataset Dataset(float[] x, float[] y, float s = 4) => new(Day0, new()
    {
        ["a"] = (ArrayDataset.Column(x), [s], ArrayDataset.Column(y)),
        ["b"] = (ArrayDataset.Column(x.Select(v => v * 2).ToArray()), [s + 2], ArrayDataset.Column(y.Select(v => v + 1).ToArray())),
    });

    private static Normalizer Fit(ArrayDataset ds) =>
        Normalizer.Fit(BasinStore.Load(ds, ["a", "b"], Vars, "train", Day0.AddDays(3), Day0.AddDays(6), historyDays: 2));

    private static readonly float[] X = [100, 100, 100, 3, 5, N, 9, 100, 100, 100];
    private static readonly float[] Y = [50, 50, 50, 1, N, 2, 3, 50, 50, 50];

    [Fact]
    public void StatisticsAreNanAwareAndFromTheTrainingPeriodOnly()
    {
        var n = Fit(Dataset(X, Y));

        // x over both basins on days 3..6: 3, 5, 9 and 6, 10, 18.
        double[] xs = [3, 5, 9, 6, 10, 18];
        Assert.Equal(xs.Average(), n.Dynamic[0].Mean, 12);
        Assert.Equal(SampleStd(xs), n.Dynamic[0].Std, 12);
        double[] ys = [1, 2, 3, 2, 3, 4];
        Assert.Equal(ys.Average(), n.Targets[0].Mean, 12);
        Assert.Equal(SampleStd(ys), n.Targets[0].Std, 12);
        Assert.Equal(5, n.Static[0].Mean, 12);
        Assert.Equal(SampleStd([4, 6]), n.Static[0].Std, 12);
        Assert.Equal(2, n.ForBasin("a")!.TargetMean[0], 12);
        Assert.Equal(1, n.ForBasin("a")!.TargetStd[0], 12);
        Assert.Equal(3, n.ForBasin("b")!.TargetMean[0], 12);
    }

    [Fact]
    public void ValuesOutsideTheTrainingPeriodDoNotChangeTheStatistics()
    {
        var reference = Fit(Dataset(X, Y)).ToJson();
        var x = (float[])X.Clone();
        var y = (float[])Y.Clone();
        x[1] = -1e6f; // history
        y[2] = 1e6f;
        x[8] = 7e5f; // after the period (e.g. the test period)
        y[9] = -3;
        Assert.Equal(reference, Fit(Dataset(x, y)).ToJson());

        x[4] = 6; // inside: must change (so this test can fail)
        Assert.NotEqual(reference, Fit(Dataset(x, y)).ToJson());
    }

    [Fact]
    public void JsonRoundTripKeepsEveryNumberExactly()
    {
        var n = new Normalizer(
            [new("x", 1.0 / 3, 0.1), new("z", -2.5e-7, double.NaN)],
            [new("s", 1e10, 0)],
            [new("y", Math.PI, Math.E)],
            [new BasinTargetStatistics("01013500", [1.25], [double.NaN]), new BasinTargetStatistics("b", [0.1], [0.2])],
            normalizeTargets: false);
        var path = Path.Combine(Path.GetTempPath(), $"norm-{Guid.NewGuid():N}.json");
        try
        {
            n.Save(path);
            var back = Normalizer.Load(path);
            Assert.Equal(n.Dynamic, back.Dynamic);
            Assert.Equal(n.Static, back.Static);
            Assert.Equal(n.Targets, back.Targets);
            Assert.False(back.NormalizeTargets);
            Assert.Equal(1.25, back.ForBasin("01013500")!.TargetMean[0]);
            Assert.True(double.IsNaN(back.ForBasin("01013500")!.TargetStd[0]));
            Assert.Equal(n.ToJson(), back.ToJson());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ConstantVariableIsCentredOnlyAndMissingVariableIsAnError()
    {
        var constant = new VariableStatistics("c", 2, 0);
        Assert.Equal(1, constant.Scale);
        Assert.Equal(-2f, constant.Normalize(0));

        var e = Assert.Throws<DataException>(() => Fit(Dataset(X.Select(_ => N).ToArray(), Y)));
        Assert.Contains("dynamic input 'x' has no finite value in the training period", e.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidDataException>(() => Normalizer.Load(WriteTemp("{\"format\": \"other\"}")));
    }

    [Fact]
    public void StoreSkipsAndReportsBasinsWithoutObservationsAndLoadsEachBasinOnce()
    {
        var ds = Dataset(X, Y);
        ds.Data["empty"] = (ArrayDataset.Column(X), [1], ArrayDataset.Column(X.Select(_ => N).ToArray()));
        var store = BasinStore.Load(ds, ["a", "empty", "b"], Vars, "train", Day0.AddDays(3), Day0.AddDays(6), historyDays: 2);
        Assert.Equal(["a", "b"], store.Basins.Select(b => b.Basin));
        Assert.Equal(["empty"], store.SkippedBasins);
        Assert.Contains("basin empty: no observed y in the train period 2000-01-04..2000-01-07", Assert.Single(store.Warnings), StringComparison.Ordinal);
        Assert.Equal(3, ds.Loads);
        Assert.Equal(2, store.Basins[0].PeriodStartIndex);
        Assert.Equal(6, store.Basins[0].Steps);
        Assert.Equal(new DateTime(2000, 1, 2), store.Basins[0].Start);

        var e = Assert.Throws<DataException>(() => BasinStore.Load(ds, ["nowhere"], Vars, "train", Day0.AddDays(3), Day0.AddDays(6)));
        Assert.Contains("nowhere", e.Message, StringComparison.Ordinal);
    }

    private static string WriteTemp(string text)
    {
        var p = Path.Combine(Path.GetTempPath(), $"norm-{Guid.NewGuid():N}.json");
        File.WriteAllText(p, text);
        return p;
    }

    private static double SampleStd(double[] v)
    {
        var m = v.Average();
        return Math.Sqrt(v.Sum(x => (x - m) * (x - m)) / (v.Length - 1));
    }
}
