namespace Hydro.Torch.Tests.Support;

/// <summary>Assertions on tensors against expected values.</summary>
public static class Expect
{
    /// <summary>Asserts equal shape and element-wise |a−e| ≤ atol + rtol·|e| (NaN equals NaN).</summary>
    public static void Close(Tensor actual, long[] expectedShape, double[] expected, double rtol = 1e-5, double atol = 1e-6, string? what = null)
    {
        Assert.Equal(expectedShape, actual.shape);
        using var scope = torch.NewDisposeScope();
        var values = actual.to(ScalarType.Float64).data<double>();
        Close(values, expected, rtol, atol, what);
    }

    /// <summary>Asserts element-wise |a−e| ≤ atol + rtol·|e| (NaN equals NaN, infinities must match).</summary>
    public static void Close(double[] actual, double[] expected, double rtol = 1e-5, double atol = 1e-6, string? what = null)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            var (a, e) = (actual[i], expected[i]);
            if (double.IsNaN(e) && double.IsNaN(a))
            {
                continue;
            }

            if (double.IsInfinity(e) && a == e)
            {
                continue;
            }

            var ok = Math.Abs(a - e) <= atol + rtol * Math.Abs(e);
            Assert.True(ok, $"{what ?? "value"}[{i}]: got {a:R}, expected {e:R} (rtol {rtol}, atol {atol})");
        }
    }
}
