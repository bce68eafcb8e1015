namespace Hydro.Torch.Tests;

public class TensorBasicsTests
{
    [Fact]
    public void FactoriesReportShapeDtypeAndDevice()
    {
        using var scope = torch.NewDisposeScope();
        var z = torch.zeros([2, 3], ScalarType.Float64);
        Assert.Equal(new long[] { 2, 3 }, z.shape);
        Assert.Equal(ScalarType.Float64, z.dtype);
        Assert.Equal(Device.CPU.type, z.device.type);
        Assert.Equal(6, z.numel());
        Assert.All(z.data<double>(), v => Assert.Equal(0.0, v));
    }

    [Fact]
    public void ArrayRoundTripKeepsValuesAndShape()
    {
        using var scope = torch.NewDisposeScope();
        var values = new float[] { 1, 2, 3, 4, 5, 6 };
        var t = torch.tensor(values, [3, 2]);
        Assert.Equal(new long[] { 3, 2 }, t.shape);
        Assert.Equal(values, t.data<float>());
        Assert.Throws<ArgumentException>(() => t.data<double>());
        Assert.Throws<ArgumentException>(() => torch.tensor(values, [4, 2]));
    }

    [Fact]
    public void FromArraySharesMemory()
    {
        using var scope = torch.NewDisposeScope();
        var values = new double[] { 1, 2, 3 };
        var t = torch.from_array(values);
        values[1] = 42;
        Assert.Equal(42.0, t.data<double>()[1]);
        t.AsSpan<double>()[2] = -1;
        Assert.Equal(-1.0, values[2]);
    }

    [Fact]
    public void DisposeScopeFreesEverythingExceptMovedOut()
    {
        Tensor kept;
        Tensor dropped;
        using (var outer = torch.NewDisposeScope())
        {
            using (var inner = torch.NewDisposeScope())
            {
                dropped = torch.ones(3);
                kept = torch.ones(3).MoveToOuterDisposeScope();
                Assert.Equal(1, inner.Count);
            }

            Assert.True(dropped.IsDisposed);
            Assert.False(kept.IsDisposed);
            Assert.Equal(1, outer.Count);
        }

        Assert.True(kept.IsDisposed);
    }

    [Fact]
    public void FactoriesHonourRequiresGrad()
    {
        using var scope = torch.NewDisposeScope();
        Assert.True(torch.zeros([2], requires_grad: true).requires_grad);
        Assert.True(torch.ones([2], requires_grad: true).requires_grad);
        Assert.True(torch.full([2], 3.0, requires_grad: true).requires_grad);
        Assert.True(torch.randn([2], null, requires_grad: true).requires_grad);
        Assert.True(torch.rand([2], null, requires_grad: true).requires_grad);
        Assert.True(torch.empty([2], requires_grad: true).is_leaf);
        Assert.False(torch.zeros([2]).requires_grad);
    }

    [Fact]
    public void GradModeScopeRestoresPreviousState()
    {
        Assert.True(torch.is_grad_enabled());
        using (torch.no_grad())
        {
            Assert.False(torch.is_grad_enabled());
            using (torch.enable_grad())
            {
                Assert.True(torch.is_grad_enabled());
            }

            Assert.False(torch.is_grad_enabled());
        }

        Assert.True(torch.is_grad_enabled());
    }

    [Fact]
    public void SeedsMakeDrawsRepeatable()
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(7);
        var a = torch.randn(5).data<float>();
        torch.manual_seed(7);
        var b = torch.randn(5).data<float>();
        Assert.Equal(a, b);

        using var g1 = torch.Generator(3);
        using var g2 = torch.Generator(3);
        Assert.Equal(torch.rand([4], g1).data<float>(), torch.rand([4], g2).data<float>());
    }

    [Fact]
    public void LibtorchErrorsBecomeTorchExceptionsAndTheProcessKeepsWorking()
    {
        using var scope = torch.NewDisposeScope();
        var ex = Assert.Throws<TorchException>(() => torch.ones(2, 3).to(Device.CUDA));
        Assert.False(string.IsNullOrWhiteSpace(ex.Message));
        Assert.Equal(6, torch.ones(2, 3).numel());
    }
}
