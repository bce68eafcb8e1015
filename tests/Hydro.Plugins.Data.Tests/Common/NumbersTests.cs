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
}
