using Hydro.Torch;

namespace Hydro.Plugins.Tests.Support;

/// <summary>Central finite differences of a scalar function of one float64 tensor, against its autograd gradient.</summary>
public static class FiniteDifference
{
    /// <summary>Asserts that the gradient of <paramref name="f"/> at <paramref name="x"/> matches (f(x+h) − f(x−h)) / 2h.</summary>
    public static void Check(Func<Tensor, Tensor> f, double[] x, long[] shape, double h = 1e-6, double tolerance = 1e-7)
    {
        using var scope = torch.NewDisposeScope();
        var leaf = torch.tensor(x, shape, requires_grad: true);
        f(leaf).backward();
        var analytic = leaf.grad!.data<double>();
        for (var i = 0; i < x.Length; i++)
        {
            var plus = (double[])x.Clone();
            var minus = (double[])x.Clone();
            plus[i] += h;
            minus[i] -= h;
            var numeric = (Value(f, plus, shape) - Value(f, minus, shape)) / (2 * h);
            Assert.True(Math.Abs(analytic[i] - numeric) <= tolerance + 1e-5 * Math.Abs(numeric),
                $"d/dx[{i}]: autograd {analytic[i]}, finite difference {numeric}");
        }
    }

    private static double Value(Func<Tensor, Tensor> f, double[] x, long[] shape)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        return f(torch.tensor(x, shape)).item<double>();
    }
}
