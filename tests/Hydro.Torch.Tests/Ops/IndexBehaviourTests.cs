namespace Hydro.Torch.Tests.Ops;

/// <summary>Indexers, in-place semantics, errors and where/nonzero of the indexing ops.</summary>
public class IndexBehaviourTests
{
    private static Tensor Arange(long rows, long cols) => torch.arange(rows * cols).to(ScalarType.Float32).reshape(rows, cols);

    [Fact]
    public void LeadingIndexerSelectsViewsAndAssignsThroughThem()
    {
        using var scope = torch.NewDisposeScope();
        var x = Arange(3, 4);
        Assert.Equal(new long[] { 4 }, x[1].shape);
        Assert.Equal(11f, x[-1, -1].item<float>());
        Assert.Equal(6f, x[1, 2].item<float>());
        Assert.Equal(0, x[1, 2].dim());

        x[0] = torch.tensor(new float[] { -1, -2, -3, -4 });
        x[2, 1] = torch.tensor(100.0);
        x[1] = torch.tensor(0.5); // broadcast
        Assert.Equal(new float[] { -1, -2, -3, -4, 0.5f, 0.5f, 0.5f, 0.5f, 8, 100, 10, 11 }, x.data<float>());

        var row = x[2];
        row[0] = torch.tensor(-8.0); // a write into the view reaches the base
        Assert.Equal(-8f, x[2, 0].item<float>());
    }

    [Fact]
    public void MaskIndexerGetsAndSets()
    {
        using var scope = torch.NewDisposeScope();
        var x = Arange(2, 3);
        var mask = torch.tensor(new[] { true, false, true, false, false, true }, [2, 3]);
        Assert.Equal(new float[] { 0, 2, 5 }, x[mask].data<float>());
        Assert.Equal(x[mask].data<float>(), x.masked_select(mask).data<float>());

        x[mask] = torch.tensor(new float[] { 10, 20, 30 });
        Assert.Equal(new float[] { 10, 1, 20, 3, 4, 30 }, x.data<float>());
        x[mask] = torch.tensor(-1.0); // one value for all
        Assert.Equal(new float[] { -1, 1, -1, 3, 4, -1 }, x.data<float>());
        x.index_put_([mask], 2.5);
        Assert.Equal(new float[] { 2.5f, 1, 2.5f, 3, 4, 2.5f }, x.data<float>());

        var rows = torch.tensor(new[] { false, true });
        Assert.Equal(new long[] { 1, 3 }, x[rows].shape);
    }

    [Fact]
    public void LongIndexerSelectsRowsAndAccumulates()
    {
        using var scope = torch.NewDisposeScope();
        var x = Arange(3, 2);
        var idx = torch.tensor(new long[] { 2, -3, 2 });
        Assert.Equal(new float[] { 4, 5, 0, 1, 4, 5 }, x[idx].data<float>());

        var acc = torch.zeros(3);
        acc.index_put_([torch.tensor(new long[] { 1, 1, 0 })], torch.tensor(new float[] { 1, 2, 3 }), accumulate: true);
        Assert.Equal(new float[] { 3, 3, 0 }, acc.data<float>());

        var ex = Assert.Throws<TorchException>(() => x[torch.tensor(new long[] { 5 })]);
        Assert.Contains("index 5 is out of bounds for dimension 0 with size 3", ex.Message);
    }

    [Fact]
    public void InPlaceOpsReturnTheSameTensorAndCopiesLeaveTheInputAlone()
    {
        using var scope = torch.NewDisposeScope();
        var x = Arange(2, 2);
        var mask = torch.tensor(new[] { true, false, false, true }, [2, 2]);
        var copy = x.masked_fill(mask, 9.0);
        Assert.Equal(new float[] { 0, 1, 2, 3 }, x.data<float>());
        Assert.Equal(new float[] { 9, 1, 2, 9 }, copy.data<float>());

        var count = DisposeScope.Current!.Count;
        Assert.Same(x, x.masked_fill_(mask, 9.0));
        Assert.Same(x, x.masked_fill_(mask, torch.tensor(8.0)));
        Assert.Same(x, x.scatter_(1, torch.tensor(new long[] { 1, 0 }, [2, 1]), -1.0));
        Assert.Same(x, x.index_put_([torch.tensor(new long[] { 0 })], torch.tensor(5.0)));
        Assert.Same(x, x.tril_());
        Assert.Same(x, x.triu_());
        Assert.Equal(count + 4, DisposeScope.Current!.Count); // only the 4 argument tensors, no extra handles
        Assert.Equal(new float[] { 5, 0, 0, 8 }, x.data<float>());
    }

    [Fact]
    public void IntegerTensorsKeepTheirDtype()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.tensor(new long[] { 1, 2, 3 });
        var filled = x.masked_fill(torch.tensor(new[] { false, true, false }), 7);
        Assert.Equal(ScalarType.Int64, filled.dtype);
        Assert.Equal(new long[] { 1, 7, 3 }, filled.data<long>());
        var b = torch.tensor(new[] { true, false, true });
        Assert.Equal(new[] { true, true }, b[b].data<bool>());
    }

    [Fact]
    public void WhereWithOneArgumentGivesOneIndexTensorPerDim()
    {
        using var scope = torch.NewDisposeScope();
        var cond = torch.tensor(new[] { false, true, true, false, false, true }, [2, 3]);
        var idx = torch.where(cond);
        Assert.Equal(2, idx.Length);
        Assert.All(idx, t => Assert.Equal(ScalarType.Int64, t.dtype));
        Assert.Equal(new long[] { 0, 0, 1 }, idx[0].data<long>());
        Assert.Equal(new long[] { 1, 2, 2 }, idx[1].data<long>());

        var nz = cond.nonzero();
        Assert.Equal(new long[] { 3, 2 }, nz.shape);
        Assert.Equal(new long[] { 0, 1, 0, 2, 1, 2 }, nz.data<long>());
        Assert.Equal(nz.data<long>(), torch.argwhere(cond).data<long>());

        var cube = torch.zeros(2, 2, 2);
        Assert.Equal(3, torch.where(cube).Length);
        Assert.Equal(0, torch.where(cube)[0].numel());
    }

    [Fact]
    public void OutOfRangeSelectAndNarrowThrowLibtorchMessages()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.zeros(3, 4);
        var ex = Assert.Throws<TorchException>(() => x.select(0, 5));
        Assert.Contains("select(): index 5 out of range for tensor of size [3, 4] at dimension 0", ex.Message);
        ex = Assert.Throws<TorchException>(() => x[3]);
        Assert.Contains("out of range", ex.Message);
        ex = Assert.Throws<TorchException>(() => x.narrow(1, 2, 5));
        Assert.Contains("start (2) + length (5) exceeds dimension size (4)", ex.Message);
        ex = Assert.Throws<TorchException>(() => x.index_select(0, torch.tensor(new long[] { 7 })));
        Assert.Contains("index out of range in self", ex.Message);
        ex = Assert.Throws<TorchException>(() => x.gather(1, torch.tensor(new long[] { 9 }, [1, 1])));
        Assert.Contains("index 9 is out of bounds for dimension 1 with size 4", ex.Message);
        ex = Assert.Throws<TorchException>(() => x[0] = torch.zeros(5));
        Assert.Contains("must match the size of tensor b", ex.Message);

        // The process and the tensor are fine afterwards.
        Assert.Equal(new long[] { 4 }, x.select(0, -3).shape);
        Assert.Equal(new long[] { 3, 2 }, x.narrow(1, 2, 2).shape);
    }

    [Fact]
    public void InPlaceIndexingOfALeafThatRequiresGradFails()
    {
        using var scope = torch.NewDisposeScope();
        var w = torch.zeros([3], requires_grad: true);
        var ex = Assert.Throws<TorchException>(() => w.index_put_([torch.tensor(new long[] { 0 })], torch.tensor(1.0)));
        Assert.Contains("a leaf Variable that requires grad is being used in an in-place operation", ex.Message);
        using (torch.no_grad())
        {
            w.index_put_([torch.tensor(new long[] { 0 })], 1.0);
        }

        Assert.Equal(new float[] { 1, 0, 0 }, w.data<float>());
    }

    [Fact]
    public void SliceFollowsPythonSemantics()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.arange(10).to(ScalarType.Float32);
        Assert.Equal(new float[] { 1, 3, 5 }, x.slice(0, 1, 7, 2).data<float>());
        Assert.Equal(new float[] { 7, 8, 9 }, x.slice(0, -3, null).data<float>());
        Assert.Equal(new float[] { 0, 4, 8 }, x.slice(0, null, 100, 4).data<float>());
        Assert.Equal(0, x.slice(0, 5, 2).numel());
        x.slice(0, 0, 2).masked_fill_(torch.ones([2], ScalarType.Bool), -1.0);
        Assert.Equal(-1f, x[1].item<float>());
    }

    [Fact]
    public void ScatterGatherAndIndexAddAgree()
    {
        using var scope = torch.NewDisposeScope();
        var src = torch.tensor(new float[] { 1, 2, 3, 4 });
        var idx = torch.tensor(new long[] { 0, 2, 0, 1 });
        Assert.Equal(new float[] { 4, 4, 2 }, torch.zeros(3).scatter_add(0, idx, src).data<float>());
        Assert.Equal(new float[] { 4, 4, 2 }, torch.zeros(3).index_add(0, idx, src).data<float>());
        Assert.Equal(new float[] { 8, 8, 4 }, torch.index_add(torch.zeros(3), 0, idx, src, 2).data<float>());
        Assert.Equal(new float[] { 3, 4, 2 }, torch.zeros(3).scatter_reduce(0, idx, src, "amax", include_self: false).data<float>());
        Assert.Equal(new float[] { 1, 3, 1, 2 }, src.gather(0, idx).data<float>());
        Assert.Equal(new float[] { 1, 3, 1, 2 }, torch.take(src, idx).data<float>());
        Assert.Throws<TorchException>(() => torch.zeros(3).scatter_reduce(0, idx, src, "median"));
    }

    [Fact]
    public void TrianglesAndDiagonals()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.ones(3, 3);
        Assert.Equal(new float[] { 1, 0, 0, 1, 1, 0, 1, 1, 1 }, torch.tril(x).data<float>());
        Assert.Equal(new float[] { 0, 1, 1, 0, 0, 1, 0, 0, 0 }, torch.triu(x, 1).data<float>());
        var d = torch.diag(torch.tensor(new float[] { 1, 2 }));
        Assert.Equal(new float[] { 1, 0, 0, 2 }, d.data<float>());
        Assert.Equal(new float[] { 1, 2 }, torch.diagonal(d).data<float>());
        d.diagonal().masked_fill_(torch.ones([2], ScalarType.Bool), 5.0); // diagonal() is a view
        Assert.Equal(new float[] { 5, 0, 0, 5 }, d.data<float>());
    }
}
