using Hydro.Abstractions.Contracts;
using Hydro.Core.Data;
using Hydro.Core.Experiments;
using Hydro.Core.Experiments.Model;

namespace Hydro.Core.Tests.Experiments;

/// <summary>Period bounds: a date or a date and time, the end-of-day rule, the step grid, output stamps.</summary>
public sealed class PeriodDateTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Theory]
    [InlineData("2014-09-15", 2014, 9, 15, 0, 0, false)]
    [InlineData("2014-09-15T06:00", 2014, 9, 15, 6, 0, true)]
    [InlineData("2014-09-15T06:30:00", 2014, 9, 15, 6, 30, true)]
    public void DatesAndDateTimesParse(string text, int y, int m, int d, int h, int min, bool hasTime)
    {
        Assert.True(PeriodDate.TryParse(text, out var p));
        Assert.Equal((new DateTime(y, m, d, h, min, 0), hasTime), (p.Value, p.HasTime));
    }

    [Theory]
    [InlineData("2014-13-01")]
    [InlineData("2014-09-15 06:00")]
    [InlineData("2014-09-15T25:00")]
    [InlineData("15/09/2014")]
    public void OtherTextIsRefused(string text) => Assert.False(PeriodDate.TryParse(text, out _));

    [Fact]
    public void AnEndGivenAsADateIsTheLastStepOfThatDay()
    {
        var end = PeriodDate.FromDateOnly(new DateOnly(2014, 9, 20));
        Assert.Equal(new DateTime(2014, 9, 20), end.AsEnd(TimeSteps.Day));
        Assert.Equal(new DateTime(2014, 9, 20, 23, 0, 0), end.AsEnd(Hour));
        Assert.Equal(new DateTime(2014, 9, 20, 23, 45, 0), end.AsEnd(TimeSpan.FromMinutes(15)));
        var explicitEnd = PeriodDate.FromDateTime(new DateTime(2014, 9, 20));
        Assert.Equal(new DateTime(2014, 9, 20), explicitEnd.AsEnd(Hour));
        Assert.Equal(new DateTime(2014, 9, 15), PeriodDate.FromDateOnly(new DateOnly(2014, 9, 15)).AsStart);
    }

    [Fact]
    public void TheLoaderKeepsTheFormAndTheLineOfEachBound()
    {
        var yaml = File.ReadAllText(ExperimentFiles.Output("valid.yaml"))
            .Replace("train: {start: 1981-01-01", "train: {start: 1981-01-01T06:00", StringComparison.Ordinal);
        Assert.Contains("1981-01-01T06:00", yaml, StringComparison.Ordinal);
        var result = new ExperimentLoader(TestCatalog.Create()).LoadText(yaml);
        Assert.True(result.Succeeded, result.ToString());
        var train = result.Experiment!.Options.Periods.Train;
        Assert.True(train.Start.HasTime);
        Assert.False(train.End.HasTime);
        Assert.Equal("1981-01-01T06:00", train.Start.ToString());
        var line = yaml.Split('\n').ToList().FindIndex(l => l.Contains("1981-01-01T06:00", StringComparison.Ordinal)) + 1;
        Assert.Equal(line, train.Start.Line);
    }

    [Fact]
    public void AnOffGridBoundNamesTheFileLineAndPathAndTheNearestSteps()
    {
        var data = new DatasetDescription(["a"], [], new DateTime(2014, 1, 1), new DateTime(2014, 12, 31, 23, 0, 0)) { Step = Hour };
        var period = new PeriodOptions { Start = new DateTime(2014, 9, 15, 6, 30, 0), End = new DateOnly(2014, 9, 20) };
        period = new PeriodOptions { Start = period.Start with { Line = 7, Column = 20 }, End = period.End };
        var e = Assert.Throws<DataException>(() => TimeSteps.Resolve(period, "test", data, "exp.yaml"));
        Assert.Equal("exp.yaml:7:20: periods.test.start: 2014-09-15T06:30 is not on the dataset's time grid (a step every 1 hour from 2014-01-01T00:00); "
            + "use 2014-09-15T06:00 or 2014-09-15T07:00", e.Message);

        var whole = new PeriodOptions { Start = new DateOnly(2014, 9, 15), End = new DateOnly(2014, 9, 20) };
        Assert.Equal((new DateTime(2014, 9, 15), new DateTime(2014, 9, 20, 23, 0, 0)), TimeSteps.Resolve(whole, "test", data, "exp.yaml"));
    }

    [Fact]
    public void StampsAreDatesForDailyDataAndDateTimesOtherwise()
    {
        Assert.Equal("2014-09-15", TimeSteps.Format(new DateTime(2014, 9, 15), TimeSteps.Day));
        Assert.Equal("2014-09-15T00:00", TimeSteps.Format(new DateTime(2014, 9, 15), Hour));
        Assert.Equal("2014-09-15T23:00", TimeSteps.Format(new DateTime(2014, 9, 15, 23, 0, 0), Hour));
        Assert.Equal(("P1D", "PT1H"), (TimeSteps.Iso(TimeSteps.Day), TimeSteps.Iso(Hour)));
        Assert.Equal(72, TimeSteps.Count(new DateTime(2014, 9, 18), new DateTime(2014, 9, 20, 23, 0, 0), Hour));
    }
}
