using Hydro.Torch.Tests.Support;

namespace Hydro.Torch.Tests.Optim;

/// <summary>nn.utils.clip_grad_norm_ and clip_grad_value_ against PyTorch 1.13 (make_optim.py, clip_* cases).</summary>
public class ClipGradTests
{
    public static IEnumerable<object[]> Cases =>
        Golden.Cases("optim").Where(kv => kv.Value.TryGetProperty("kind", out _)).Select(kv => new object[] { kv.Key });

    [Theory]
    [MemberData(nameof(Cases))]
    public void ClippingMatchesPyTorch(string name)
    {
        var c = Golden.Case("optim", name);
        using var scope = torch.NewDisposeScope();
        var grads = c.GetProperty("grads").EnumerateArray().Select(e => Golden.ToTensor(e)).ToArray();
        var dtype = grads[0].dtype;
        var ps = new[]
        {
            torch.zeros([3, 4], dtype, requires_grad: true),
            torch.zeros([4], dtype, requires_grad: true),
            torch.zeros([2], dtype, requires_grad: true), // no gradient: ignored
        };
        ps[0].grad = grads[0];
        ps[1].grad = grads[1];
        var (rtol, atol) = dtype == ScalarType.Float32 ? (1e-6, 1e-7) : (1e-13, 1e-15);
        if (c.GetProperty("kind").GetString() == "norm")
        {
            var normType = c.GetProperty("norm_type").ValueKind == System.Text.Json.JsonValueKind.String
                ? double.PositiveInfinity
                : c.GetProperty("norm_type").GetDouble();
            var total = nn.utils.clip_grad_norm_(ps, c.GetProperty("max_norm").GetDouble(), normType);
            Expect.Close([total], [c.GetProperty("total").GetDouble()], rtol, atol, "total norm");
        }
        else
        {
            nn.utils.clip_grad_value_(ps, c.GetProperty("clip_value").GetDouble());
        }

        var clipped = c.GetProperty("clipped").EnumerateArray().ToArray();
        for (var i = 0; i < 2; i++)
        {
            Expect.Close(ps[i].grad!, Golden.Shape(clipped[i]), Golden.Values(clipped[i]), rtol, atol, $"grad {i}");
        }

        Assert.Null(ps[2].grad);
    }

    [Fact]
    public void NoGradientsGiveZeroNormAndNonFiniteNormCanBeAnError()
    {
        using var scope = torch.NewDisposeScope();
        var p = torch.zeros([2], ScalarType.Float64, requires_grad: true);
        Assert.Equal(0.0, nn.utils.clip_grad_norm_([p], 1.0));
        p.grad = torch.tensor(new[] { double.NaN, 1.0 });
        Assert.True(double.IsNaN(nn.utils.clip_grad_norm_([p], 1.0)));
        var e = Assert.Throws<TorchException>(() => nn.utils.clip_grad_norm_([p], 1.0, error_if_nonfinite: true));
        Assert.Contains("non-finite", e.Message, StringComparison.Ordinal);
    }
}
