namespace Hydro.Torch.Tests.Support;

/// <summary>
/// Finite-difference gradient check in float64, like torch.autograd.gradcheck: for a random cotangent v, the
/// analytic vector–Jacobian product (backward with gradient v) must equal the central difference of ⟨f(x), v⟩.
/// </summary>
public static class GradCheck
{
    /// <summary>Checks the gradient of <paramref name="f"/> w.r.t. every float64 input.</summary>
    /// <param name="f">The function; must not dispose its inputs.</param>
    /// <param name="inputs">float64 inputs (non-float inputs such as indices are passed through unchanged).</param>
    public static void Check(Func<Tensor[], Tensor> f, Tensor[] inputs, double eps = 1e-6, double rtol = 1e-4, double atol = 1e-6)
    {
        using var scope = torch.NewDisposeScope();
        var leaves = inputs.Select(x => x.dtype == ScalarType.Float64 ? x.detach().clone().requires_grad_() : x).ToArray();
        var output = f(leaves);
        var cotangent = torch.randn(output.shape, torch.Generator(1234), ScalarType.Float64);
        var v = cotangent.data<double>();
        output.backward(cotangent);

        for (var k = 0; k < leaves.Length; k++)
        {
            if (leaves[k].dtype != ScalarType.Float64)
            {
                continue;
            }

            var analytic = leaves[k].grad?.data<double>() ?? new double[leaves[k].numel()];
            var x = inputs[k].detach().clone().to(ScalarType.Float64).data<double>();
            var numeric = new double[x.Length];
            for (var i = 0; i < x.Length; i++)
            {
                var saved = x[i];
                x[i] = saved + eps;
                var plus = Dot(f, leaves, k, x, v);
                x[i] = saved - eps;
                var minus = Dot(f, leaves, k, x, v);
                x[i] = saved;
                numeric[i] = (plus - minus) / (2 * eps);
            }

            Expect.Close(analytic, numeric, rtol, atol, $"d/d(input {k})");
        }
    }

    private static double Dot(Func<Tensor[], Tensor> f, Tensor[] leaves, int k, double[] x, double[] v)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var args = (Tensor[])leaves.Clone();
        args[k] = torch.tensor(x, leaves[k].shape);
        var y = f(args).data<double>();
        var sum = 0.0;
        for (var i = 0; i < y.Length; i++)
        {
            sum += y[i] * v[i];
        }

        return sum;
    }
}
