namespace Hydro.Torch.Tests.Ops;

/// <summary>Views, errors, negative dims and splitting semantics of the shape ops.</summary>
public class ShapeBehaviourTests
{
    private static Tensor Arange(params long[] shape)
    {
        var n = shape.Aggregate(1L, (a, b) => a * b);
        return torch.arange(n).to(ScalarType.Float32).reshape(shape);
    }

    [Fact]
    public void ViewsShareStorageWithTheirBase()
    {
        using var scope = torch.NewDisposeScope();
        var x = Arange(2, 3);
        var v = x.view(6);
        v.masked_fill_(torch.tensor(new[] { false, true, false, false, false, true }), -1.0);
        Assert.Equal(new float[] { 0, -1, 2, 3, 4, -1 }, x.data<float>());

        var tr = x.t();
        Assert.False(tr.is_contiguous());
        Assert.Equal(new long[] { 1, 3 }, tr.stride());
        tr.masked_fill_(torch.tensor(new[] { true, false }), 7.0); // column 0 of x^T is row 0 of x
        Assert.Equal(new float[] { 7, 7, 7, 3, 4, -1 }, x.data<float>());

        var flat = x.flatten();
        var perm = x.permute(1, 0).unsqueeze(0).squeeze(0);
        flat.masked_fill_(torch.tensor(new[] { false, false, false, true, false, false }), 9.0);
        Assert.Equal(9f, x[1, 0].item<float>());
        Assert.Equal(9f, perm[0, 1].item<float>());
    }

    [Fact]
    public void ExpandIsAViewWithZeroStride()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.tensor(new float[] { 1, 2, 3 }, [3, 1]);
        var e = x.expand(3, 4);
        Assert.Equal(new long[] { 3, 4 }, e.shape);
        Assert.Equal(new long[] { 1, 0 }, e.stride());
        Assert.Equal(new long[] { 2, 3, 4 }, x.expand_as(torch.zeros(2, 3, 4)).shape);
        Assert.Equal(new long[] { 3, 2 }, x.broadcast_to(3, 2).shape);
        var r = x.repeat(1, 4);
        Assert.Equal(new long[] { 4, 1 }, r.stride()); // repeat copies
    }

    [Fact]
    public void SplitPiecesAreViewsOfTheInput()
    {
        using var scope = torch.NewDisposeScope();
        var x = Arange(5);
        var parts = x.split(2);
        Assert.Equal(new long[] { 2, 2, 1 }, parts.Select(p => p.size(0)));
        parts[1].masked_fill_(torch.ones([2], ScalarType.Bool), 0.0);
        Assert.Equal(new float[] { 0, 1, 0, 0, 4 }, x.data<float>());
    }

    [Fact]
    public void SplitChunkAndUnbindSizes()
    {
        using var scope = torch.NewDisposeScope();
        var x = Arange(7, 2);
        Assert.Equal(new long[] { 1, 4, 2 }, x.split([1, 4, 2]).Select(p => p.size(0)));
        Assert.Equal(new long[] { 3, 3, 1 }, x.chunk(3).Select(p => p.size(0)));
        Assert.Equal(new long[] { 4, 3 }, torch.chunk(x, 2, 0).Select(p => p.size(0)));
        Assert.Equal(2, torch.unbind(x, -1).Length);
        Assert.Equal(new long[] { 7 }, x.unbind(1)[0].shape);
        Assert.Equal(new long[] { 2, 2, 2, 1 }, torch.split(x, 2L, 0).Select(p => p.size(0)));
        var ex = Assert.Throws<TorchException>(() => x.split([1, 1]));
        Assert.Contains("split_with_sizes expects split_sizes to sum exactly to 7", ex.Message);
    }

    [Fact]
    public void NegativeDimsCountFromTheEnd()
    {
        using var scope = torch.NewDisposeScope();
        var x = Arange(2, 3, 4);
        Assert.Equal(new long[] { 2, 3, 4, 1 }, x.unsqueeze(-1).shape);
        Assert.Equal(new long[] { 2, 3, 1, 4 }, x.unsqueeze(-2).shape);
        Assert.Equal(new long[] { 2, 4, 3 }, x.transpose(-1, -2).shape);
        Assert.Equal(new long[] { 4, 2, 3 }, x.permute(-1, 0, 1).shape);
        Assert.Equal(new long[] { 2, 12 }, x.flatten(-2).shape);
        Assert.Equal(new long[] { 2, 3, 1 }, x.narrow(-1, -1, 1).squeeze(-1).unsqueeze(-1).shape);
        Assert.Equal(new long[] { 4, 2, 3 }, x.movedim(-1, 0).shape);
        Assert.Equal(new long[] { 2, 3, 8 }, torch.cat([x, x], -1).shape);
        Assert.Equal(new long[] { 2, 3, 4, 2 }, torch.stack([x, x], -1).shape);
    }

    [Fact]
    public void BadShapesThrowLibtorchMessagesAndTheProcessGoesOn()
    {
        using var scope = torch.NewDisposeScope();
        var x = Arange(3, 4);
        var ex = Assert.Throws<TorchException>(() => x.reshape(5, 2));
        Assert.Contains("shape '[5, 2]' is invalid for input of size 12", ex.Message);
        ex = Assert.Throws<TorchException>(() => x.t().view(12));
        Assert.Contains("view size is not compatible with input tensor's size and stride", ex.Message);
        ex = Assert.Throws<TorchException>(() => x.expand(2, 3));
        Assert.Contains("The expanded size of the tensor (3) must match the existing size (4)", ex.Message);
        ex = Assert.Throws<TorchException>(() => x.squeeze(3));
        Assert.Contains("Dimension out of range", ex.Message);
        ex = Assert.Throws<TorchException>(() => torch.cat(Array.Empty<Tensor>()));
        Assert.Contains("expected a non-empty list of Tensors", ex.Message);
        ex = Assert.Throws<TorchException>(() => torch.stack([torch.zeros(2), torch.zeros(3)]));
        Assert.Contains("stack expects each tensor to be equal size", ex.Message);
        Assert.Throws<ArgumentException>(() => x.movedim([0, 1], [1]));

        // After the errors, the same tensors and new ones still work.
        Assert.Equal(new long[] { 4, 3 }, x.t().reshape(4, 3).shape);
        Assert.Equal(66.0, x.flatten().data<float>().Sum());
    }

    [Fact]
    public void CatPromotesDtypes()
    {
        using var scope = torch.NewDisposeScope();
        var i = torch.tensor(new long[] { 1, 2 });
        var f = torch.tensor(new float[] { 0.5f });
        var c = torch.cat(new[] { i, f });
        Assert.Equal(ScalarType.Float32, c.dtype);
        Assert.Equal(new float[] { 1, 2, 0.5f }, c.data<float>());
        Assert.Equal(ScalarType.Int64, torch.concat([i, i]).dtype);
    }

    [Fact]
    public void RollAndFlipOnAllDims()
    {
        using var scope = torch.NewDisposeScope();
        var x = Arange(2, 3);
        Assert.Equal(new float[] { 4, 5, 0, 1, 2, 3 }, x.roll(2).data<float>());
        Assert.Equal(new float[] { 2, 0, 1, 5, 3, 4 }, torch.roll(x, 1, -1).data<float>());
        Assert.Equal(new float[] { 5, 4, 3, 2, 1, 0 }, torch.flip(x, 0, 1).data<float>());
        Assert.Equal(new long[] { 2, 3 }, x.reshape_as(torch.zeros(6).reshape(2, 3)).shape);
    }

    [Fact]
    public void SplitResultsBelongToTheDisposeScope()
    {
        var x = Arange(6);
        Tensor[] parts;
        using (var scope = torch.NewDisposeScope())
        {
            parts = x.split(2);
            Assert.Equal(3, scope.Count);
        }

        Assert.All(parts, p => Assert.True(p.IsDisposed));
        Assert.False(x.IsDisposed);
        Assert.Equal(15f, x.data<float>().Sum());
        x.Dispose();
    }
}
