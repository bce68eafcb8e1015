using Hydro.Abstractions.Components;
using Hydro.Abstractions.Contracts;
using Hydro.Plugins.Data.Synthetic;

namespace Hydro.Plugins.Tests.Data;

public class SyntheticDatasetTests
{
    private static readonly DateTime Start = new(1980, 1, 1);
    private static readonly DateTime End = new(1999, 12, 31);

    private static SyntheticDataset Dataset(int seed = 0, int basins = 3, double noise = 0.05) =>
        new(new SyntheticOptions { Seed = seed, Basins = basins, Noise = noise }, new ComponentContext());

    private static DataRequest Request(DateTime? start = null, DateTime? end = null, string[]? dynamic = null, string[]? statics = null, string[]? targets = null) =>
        new(dynamic ?? ["prcp", "tmean", "pet"], statics ?? ["area", "elev_mean", "aridity"], targets ?? ["streamflow"], start ?? Start, end ?? End);

    [Fact]
    public void DescribesBasinsVariablesWithUnitsAndPeriod()
    {
        using var data = Dataset(basins: 12);
        var d = data.Describe();
        Assert.Equal(12, d.Basins.Count);
        Assert.Equal("syn_000", d.Basins[0]);
        Assert.Equal("syn_011", d.Basins[^1]);
        Assert.Equal((Start, End), (d.First, d.Last));
        Assert.Equal(
            ["prcp mm/day False", "tmean °C False", "pet mm/day False", "streamflow mm/day False", "area km2 True", "elev_mean m True", "aridity - True",
                "true_TT °C True", "true_CFMAX mm/°C/day True", "true_CFR - True", "true_CWH - True", "true_FC mm True", "true_BETA - True",
                "true_LP - True", "true_PERC mm/day True", "true_UZL mm True", "true_K0 1/day True", "true_K1 1/day True", "true_K2 1/day True"],
            d.Variables.Select(v => $"{v.Name} {v.Unit} {v.Static}"));
    }

    [Fact]
    public void ReturnsTheRequestedVariablesInRequestOrderForTheInclusivePeriod()
    {
        using var data = Dataset();
        var all = data.Load("syn_001", Request());
        var part = data.Load("syn_001", Request(new DateTime(1985, 3, 1), new DateTime(1985, 3, 31), ["pet", "prcp"], ["aridity"], ["streamflow"]));
        Assert.Equal(new DateTime(1985, 3, 1), part.Start);
        Assert.Equal(31, part.Dynamic.GetLength(0));
        Assert.Equal(2, part.Dynamic.GetLength(1));
        var offset = new DateTime(1985, 3, 1).DayNumber - Start.DayNumber;
        for (var t = 0; t < 31; t++)
        {
            Assert.Equal(all.Dynamic[offset + t, 2], part.Dynamic[t, 0]);
            Assert.Equal(all.Dynamic[offset + t, 0], part.Dynamic[t, 1]);
            Assert.Equal(all.Targets[offset + t, 0], part.Targets[t, 0]);
        }

        Assert.Equal([all.Static[2]], part.Static);
        Assert.Equal(End.DayNumber - Start.DayNumber + 1, all.Targets.GetLength(0));
    }

    [Fact]
    public void TheSameSeedGivesTheSameDataAndAnotherSeedDifferentData()
    {
        using var a = Dataset(seed: 3);
        using var b = Dataset(seed: 3);
        using var c = Dataset(seed: 4);
        var la = a.Load("syn_002", Request());
        var lb = b.Load("syn_002", Request());
        var lc = c.Load("syn_002", Request());
        Assert.Equal(Flat(la.Dynamic), Flat(lb.Dynamic));
        Assert.Equal(Flat(la.Targets), Flat(lb.Targets));
        Assert.Equal(la.Static, lb.Static);
        Assert.NotEqual(Flat(la.Dynamic), Flat(lc.Dynamic));
        Assert.NotEqual(la.Static, lc.Static);
        // Basins of one dataset differ from each other too.
        Assert.NotEqual(Flat(la.Targets), Flat(a.Load("syn_001", Request()).Targets));
    }

    [Fact]
    public void ABasinDoesNotDependOnHowManyBasinsTheDatasetHas()
    {
        using var few = Dataset(basins: 2);
        using var many = Dataset(basins: 50);
        Assert.Equal(Flat(few.Load("syn_001", Request()).Targets), Flat(many.Load("syn_001", Request()).Targets));
    }

    [Fact]
    public void StreamflowHasAboutOnePercentMissingDaysAndForcingsNone()
    {
        using var data = Dataset(basins: 1);
        var s = data.Load("syn_000", Request());
        var q = Flat(s.Targets);
        var missing = q.Count(float.IsNaN) / (double)q.Length;
        Assert.InRange(missing, 0.005, 0.015);
        Assert.DoesNotContain(Flat(s.Dynamic), float.IsNaN);
        Assert.All(q.Where(v => !float.IsNaN(v)), v => Assert.True(v >= 0));
    }

    [Fact]
    public void NoiseIsMultiplicativeAndZeroNoiseGivesTheTruth()
    {
        var days = End.DayNumber - Start.DayNumber + 1;
        var exact = BasinSimulation.Run(0, 1, DateOnly.FromDateTime(Start), days, 0);
        var noisy = BasinSimulation.Run(0, 1, DateOnly.FromDateTime(Start), days, 0.3);
        Assert.Equal(exact.Truth, noisy.Truth);
        for (var t = 0; t < days; t++)
        {
            Assert.True(double.IsNaN(exact.Observed[t]) || exact.Observed[t] == exact.Truth[t]);
        }

        var ratios = Enumerable.Range(0, days).Where(t => exact.Truth[t] > 0.01 && !double.IsNaN(noisy.Observed[t]))
            .Select(t => Math.Log(noisy.Observed[t] / noisy.Truth[t])).ToArray();
        var mean = ratios.Average();
        var std = Math.Sqrt(ratios.Select(r => (r - mean) * (r - mean)).Average());
        Assert.InRange(std, 0.27, 0.33);
        Assert.InRange(mean, -0.045 - 0.02, -0.045 + 0.02);
    }

    [Fact]
    public void StaticAttributesAreWithinTheirRanges()
    {
        using var data = Dataset(basins: 20);
        foreach (var basin in data.Describe().Basins)
        {
            var s = data.Load(basin, Request(new DateTime(1980, 1, 1), new DateTime(1980, 1, 1))).Static;
            Assert.InRange(s[0], 20f, 5000f);
            Assert.InRange(s[1], 50f, 2000f);
            Assert.InRange(s[2], 0.05f, 10f);
        }
    }

    [Fact]
    public void UnknownBasinsAreErrorsListingTheValidOnes()
    {
        using var data = Dataset();
        var e = Assert.Throws<DataException>(() => data.Load("syn_003", Request()));
        Assert.Contains("unknown basin 'syn_003'", e.Message);
        Assert.Contains("syn_000 … syn_002", e.Message);
    }

    [Fact]
    public void UnknownVariablesAreErrorsListingTheValidOnesWithUnits()
    {
        using var data = Dataset();
        var e = Assert.Throws<DataException>(() => data.Load("syn_000", Request(dynamic: ["prcp", "tmax"])));
        Assert.Contains("basin syn_000", e.Message);
        Assert.Contains("'tmax'", e.Message);
        Assert.Contains("prcp (mm/day), tmean (°C), pet (mm/day), streamflow (mm/day)", e.Message);

        var s = Assert.Throws<DataException>(() => data.Load("syn_000", Request(statics: ["slope"])));
        Assert.Contains("area (km2), elev_mean (m), aridity (-)", s.Message);

        var misplaced = Assert.Throws<DataException>(() => data.Load("syn_000", Request(dynamic: ["area"])));
        Assert.Contains("'area' is a static attribute: list it under inputs.static", misplaced.Message);
    }

    [Fact]
    public void PeriodsOutsideTheDataAreErrorsNamingTheDates()
    {
        using var data = Dataset();
        var e = Assert.Throws<DataException>(() => data.Load("syn_000", Request(new DateTime(1979, 12, 31), new DateTime(1985, 1, 1))));
        Assert.Contains("1979-12-31..1985-01-01", e.Message);
        Assert.Contains("1980-01-01..1999-12-31", e.Message);
        Assert.Throws<DataException>(() => data.Load("syn_000", Request(new DateTime(1990, 1, 1), new DateTime(2000, 1, 1))));
        var reversed = Assert.Throws<DataException>(() => data.Load("syn_000", Request(new DateTime(1990, 1, 2), new DateTime(1990, 1, 1))));
        Assert.Contains("ends before it starts", reversed.Message);
    }

    [Fact]
    public void BadOptionsAreRejected()
    {
        var e = Assert.Throws<ArgumentException>(() => new SyntheticDataset(
            new SyntheticOptions { Start = new DateOnly(1990, 1, 1), End = new DateOnly(1989, 1, 1) }, new ComponentContext()));
        Assert.Contains("end (1989-01-01) is before start (1990-01-01)", e.Message);
        Assert.Throws<ArgumentException>(() => new SyntheticDataset(new SyntheticOptions { Basins = 0 }, new ComponentContext()));
        Assert.Throws<ArgumentException>(() => new SyntheticDataset(new SyntheticOptions { Noise = 1.5 }, new ComponentContext()));
    }

    private static float[] Flat(float[,] values) => [.. values.Cast<float>()];
}
