using System.Globalization;
using System.Text;
using Hydro.Plugins.Data.Common;

namespace Hydro.Plugins.Data.Tests.Common;

public sealed class NumbersTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("-10.59")]
    [InlineData("31185.97")]
    [InlineData("587675987")]
    [InlineData("0.0283168")]
    [InlineData("1e-3")]
    [InlineData("+2.5")]
    [InlineData("14.543954411664076")]
    [InlineData("-999.00")]
    public void Parses_like_the_runtime(string text)
    {
        Assert.True(Numbers.TryParseFloat(Encoding.ASCII.GetBytes(text), out var f));
        Assert.Equal(float.Parse(text, CultureInfo.InvariantCulture), f);
        Assert.True(Numbers.TryParseDouble(Encoding.ASCII.GetBytes(text), out var d));
        Assert.Equal(double.Parse(text, CultureInfo.InvariantCulture), d);
    }

    [Fact]
    public void Fast_path_is_correctly_rounded_on_random_decimals()
    {
        var random = new Random(7);
        for (var i = 0; i < 200_000; i++)
        {
            var text = (random.NextDouble() * Math.Pow(10, random.Next(-3, 7)) * (random.Next(2) == 0 ? -1 : 1)).ToString("F" + random.Next(0, 8), CultureInfo.InvariantCulture);
            Assert.True(Numbers.TryParseFloat(Encoding.ASCII.GetBytes(text), out var f));
            Assert.Equal(float.Parse(text, CultureInfo.InvariantCulture), f);
            Assert.True(Numbers.TryParseDouble(Encoding.ASCII.GetBytes(text), out var d));
            Assert.Equal(double.Parse(text, CultureInfo.InvariantCulture), d);
        }
    }

    [Theory]
    [InlineData("NA")]
    [InlineData("NaN")]
    [InlineData("nan")]
    public void Missing_tokens_are_NaN(string text)
    {
        Assert.True(Numbers.TryParseFloat(Encoding.ASCII.GetBytes(text), out var f));
        Assert.True(float.IsNaN(f));
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1.2.3")]
    [InlineData("-")]
    [InlineData("12a")]
    public void Rejects_non_numbers(string text) => Assert.False(Numbers.TryParseFloat(Encoding.ASCII.GetBytes(text), out _));

    [Theory]
    [InlineData("inf")]
    [InlineData("-inf")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData("+INFINITY")]
    [InlineData("1e39")]
    [InlineData("-3.5e38")]
    [InlineData("1e400")]
    public void Non_finite_and_float32_overflow_are_refused_not_missing(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        Assert.False(Numbers.TryParseFloat(bytes, out _));
        Assert.False(Numbers.TryParseDouble(bytes, out _));
        Assert.True(Numbers.IsNonFinite(bytes));
        Assert.Equal($"'{text}' is not finite in float32 (infinite, or beyond ±3.4e38); fix the value, or write NaN if it is missing", Numbers.Problem(bytes));
    }

    [Theory]
    [InlineData("3.4028235e38")]
    [InlineData("-3.4028235e38")]
    [InlineData("1e-50")]
    public void The_float32_range_edges_still_parse(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        Assert.True(Numbers.TryParseFloat(bytes, out var f));
        Assert.True(float.IsFinite(f));
        Assert.False(Numbers.IsNonFinite(bytes));
    }

    [Fact]
    public void A_non_number_is_not_called_non_finite() => Assert.Equal("'abc' is not a number", Numbers.Problem("abc"u8));
}
