using Hydro.Host.Tests.Support;

namespace Hydro.Host.Tests.Cli;

public sealed class HelpTests
{
    [Theory]
    [InlineData(new[] { "--help" }, new[] { "validate", "plugins", "schema", "demo", "--verbose" })]
    [InlineData(new[] { "validate", "--help" }, new[] { "FILE", "--verbose" })]
    [InlineData(new[] { "plugins", "--help" }, new[] { "--json", "--plugin" })]
    [InlineData(new[] { "schema", "--help" }, new[] { "--out", "--plugin" })]
    [InlineData(new[] { "demo", "--help" }, new[] { "--epochs", "--seed", "--device" })]
    [InlineData(new[] { "--help" }, new[] { "sensitivity", "embedding", "probe" })]
    [InlineData(new[] { "sensitivity", "--help" }, new[] { "RUN", "--period", "--seed", "--scored-steps", "--out" })]
    [InlineData(new[] { "embedding", "--help" }, new[] { "--k-max", "--restarts", "--signatures", "--seed" })]
    [InlineData(new[] { "probe", "--help" }, new[] { "--target", "--from-run", "--column", "--fit-period", "--test-period", "--where", "--basins", "--states" })]
    [InlineData(new[] { "--help" }, new[] { "simulate", "recovery" })]
    [InlineData(new[] { "simulate", "--help" }, new[] { "SOURCE", "--basins", "--start", "--end", "--period", "--out" })]
    [InlineData(new[] { "recovery", "--help" }, new[] { "RUN", "--period", "--prefix", "--out" })]
    [InlineData(new[] { "--help" }, new[] { "attention" })]
    [InlineData(new[] { "attention", "--help" }, new[] { "RUN", "--period", "--epoch", "--seed", "--device", "--out" })]
    public void HelpExitsZeroAndNamesTheOptions(string[] args, string[] names)
    {
        var run = HydroRunner.Run(HydroRunner.WithTestPlugin, args);

        Assert.True(run.Exit == 0, run.ToString());
        Assert.All(names, n => Assert.Contains(n, run.Out, StringComparison.Ordinal));
        Assert.Contains("Usage:", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownVerbIsBadInput()
    {
        var run = HydroRunner.Run(HydroRunner.WithTestPlugin, "frobnicate", "x.yaml");

        Assert.True(run.Exit == 2, run.ToString());
        Assert.Contains("'frobnicate'", run.Err, StringComparison.Ordinal);
        Assert.Contains("hydro --help", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void NoVerbIsBadInput()
    {
        var run = HydroRunner.Run(HydroRunner.WithTestPlugin);

        Assert.True(run.Exit == 2, run.ToString());
        Assert.Contains("Required command was not provided", run.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("plugins", "--no-such-option")]
    [InlineData("demo", "--epochs", "0")]
    [InlineData("demo", "--epochs", "many")]
    [InlineData("demo", "--device", "tpu")]
    public void CommandLineErrorsAreBadInputWithoutStackTraces(params string[] args)
    {
        var run = HydroRunner.Run(HydroRunner.WithTestPlugin, args);

        Assert.True(run.Exit == 2, run.ToString());
        Assert.StartsWith("hydro: ", run.Err, StringComparison.Ordinal);
        Assert.Contains($"hydro {args[0]} --help", run.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Err, StringComparison.Ordinal);
    }
}
