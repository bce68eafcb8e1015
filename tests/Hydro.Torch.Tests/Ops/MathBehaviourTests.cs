namespace Hydro.Torch.Tests.Ops;

/// <summary>Type promotion, in-place semantics, error surfacing and operator behaviour of the math area.</summary>
public class MathBehaviourTests
{
    private static Tensor F32(params float[] v) => torch.tensor(v);

    private static Tensor F64(params double[] v) => torch.tensor(v);

    private static Tensor I64(params long[] v) => torch.tensor(v);

    private static Tensor B(params bool[] v) => torch.tensor(v);

    [Fact]
    public void TypePromotionFollowsPyTorch()
    {
        using var scope = torch.NewDisposeScope();
        Assert.Equal(ScalarType.Float32, (I64(1, 2) + F32(0.5f, 1)).dtype);
        Assert.Equal(ScalarType.Float32, (I64(1, 2) / I64(2, 4)).dtype);
        Assert.Equal(new float[] { 0.5f, 0.5f }, (I64(1, 2) / I64(2, 4)).data<float>());
        Assert.Equal(ScalarType.Int64, I64(7, -7).div(I64(2, 2), rounding_mode: "floor").dtype);
        Assert.Equal(new long[] { 3, -4 }, I64(7, -7).div(2, rounding_mode: "floor").data<long>());
        Assert.Equal(ScalarType.Float32, (I64(1, 2) * 2.5).dtype);
        Assert.Equal(ScalarType.Int64, (I64(1, 2) * 3).dtype);
        Assert.Equal(ScalarType.Float32, (F32(1, 2) * 2.5).dtype);
        Assert.Equal(ScalarType.Float32, (2.5 / I64(1, 2)).dtype);
        Assert.Equal(ScalarType.Float64, (F32(1, 2) + F64(1, 2)).dtype);
        Assert.Equal(ScalarType.Float32, (F32(1, 2) * torch.tensor(2.0, ScalarType.Float64)).dtype);
        Assert.Equal(ScalarType.Int64, (B(true, false) + I64(1, 1)).dtype);
        Assert.Equal(ScalarType.Bool, (B(true, false) + B(true, true)).dtype);
        Assert.Equal(ScalarType.Int64, B(true, false, true).sum().dtype);
        Assert.Equal(ScalarType.Float64, I64(1, 2).sum(dtype: ScalarType.Float64).dtype);
        Assert.Equal(ScalarType.Float32, torch.pow(2.5, I64(1, 2)).dtype);
        Assert.Equal(ScalarType.Float32, torch.where(B(true, false), I64(1, 2), 0.5).dtype);
    }

    [Fact]
    public void ComparisonsAndLogicGiveBool()
    {
        using var scope = torch.NewDisposeScope();
        var x = F32(1, 2, 3);
        foreach (var r in new[] { x < 2, x <= 2, x > 2, x >= 2, 2 < x, x.eq(2), x.ne(x), x.lt(F64(3, 2, 1)), x.isnan() })
        {
            Assert.Equal(ScalarType.Bool, r.dtype);
        }

        Assert.Equal(new[] { false, false, true }, (x > 2).data<bool>());
        Assert.Equal(new[] { true, false, false }, (2 > x).data<bool>());
        Assert.Equal(new[] { false, true, true }, (2 <= x).data<bool>());
        var a = B(true, true, false);
        var b = B(true, false, false);
        Assert.Equal(new[] { true, false, false }, (a & b).data<bool>());
        Assert.Equal(new[] { true, true, false }, (a | b).data<bool>());
        Assert.Equal(new[] { false, true, false }, (a ^ b).data<bool>());
        Assert.Equal(new[] { false, false, true }, (~a).data<bool>());
        Assert.Equal(new[] { false, true, false }, a.logical_and(b.logical_not()).data<bool>());
        Assert.Equal(new[] { true, true, false }, torch.logical_or(a, b).data<bool>());
        Assert.Equal(new[] { true, false, true }, x.ne(2).data<bool>());
    }

    [Fact]
    public void EqualityOperatorsKeepReferenceSemantics()
    {
        Assert.Null(typeof(Tensor).GetMethod("op_Equality"));
        Assert.Null(typeof(Tensor).GetMethod("op_Inequality"));
        using var scope = torch.NewDisposeScope();
        var a = F32(1, 2);
        var b = F32(1, 2);
        var same = a;
        Assert.False(a == b);
        Assert.True(a == same);
        Assert.True(a.eq(b).all().item<bool>());
    }

    [Fact]
    public void ScalarOverloadsKeepTheirKind()
    {
        using var scope = torch.NewDisposeScope();
        var x = I64(1, 2, 4);
        Assert.Equal(new long[] { 3, 4, 6 }, (x + 2).data<long>());
        Assert.Equal(new long[] { 1, 0, -2 }, (2 - x).data<long>());
        Assert.Equal(new long[] { 2, 4, 8 }, (2 * x).data<long>());
        Assert.Equal(new float[] { 2, 1, 0.5f }, (2 / x).data<float>());
        Assert.Equal(new float[] { 1.5f, 2.5f, 4.5f }, (x + 0.5).data<float>());
        Assert.Equal(new long[] { 1, 0, 0 }, (x % 2).data<long>());
        Assert.Equal(new long[] { 1, 4, 16 }, x.pow(2).data<long>());
        Assert.Equal(new long[] { 2, 4, 16 }, torch.pow(2, x).data<long>());
        Assert.Equal(new long[] { -1, -2, -4 }, (-x).data<long>());
        Assert.Equal(new long[] { 2, 3, 5 }, x.add(1L).data<long>());
        Assert.Equal(new long[] { 3, 6, 12 }, x.add(x, alpha: 2).data<long>());
        Assert.Equal(new double[] { 1, 2, 2 }, F64(0.5, 2, 3).clamp(1, 2).data<double>());
        Assert.Equal(new double[] { 1, 2, 3 }, F64(0.5, 2, 3).clamp(min: 1).data<double>());
    }

    [Fact]
    public void ReductionOverloadsResolveLikePyTorch()
    {
        using var scope = torch.NewDisposeScope();
        var m = torch.tensor(new double[] { 1, 5, 3, 4, 2, 6 }, [2, 3]);
        // the literal 0 is a dim (C# would also convert it to any enum, e.g. a dtype: no such overload exists)
        Assert.Equal(new double[] { 5, 7, 9 }, m.sum(0).data<double>());
        Assert.Equal(new double[] { 2.5, 3.5, 4.5 }, m.mean(0).data<double>());
        Assert.Equal(new double[] { 4, 10, 18 }, m.prod(0).data<double>());
        Assert.Equal(ScalarType.Float64, m.prod().dtype);
        Assert.Equal(new double[] { 9, 12 }, m.sum(1).data<double>());
        Assert.Equal(new long[] { 2, 1 }, m.sum([1], keepdim: true).shape);
        Assert.Equal(21.0, m.sum().item<double>());
        Assert.Equal(ScalarType.Float32, m.sum(dtype: ScalarType.Float32).dtype);
        var (values, indices) = m.max(1);
        Assert.Equal(new double[] { 5, 6 }, values.data<double>());
        Assert.Equal(new long[] { 1, 2 }, indices.data<long>());
        Assert.Equal(ScalarType.Int64, indices.dtype);
        Assert.Equal(5L, m.argmax().item<long>());
        Assert.Equal(new long[] { 1, 0, 1 }, m.argmax(0).data<long>());
        Assert.Equal(6L, m.count_nonzero().item<long>());
        Assert.True(m.gt(0).all().item<bool>());
        Assert.False(m.gt(5).all().item<bool>());
        Assert.True(m.gt(5).any().item<bool>());
    }

    [Fact]
    public void InPlaceOpsMutateAndReturnTheSameObject()
    {
        using var scope = torch.NewDisposeScope();
        var t = F64(1, 2, 3);
        var view = t.alias();
        var before = scope.Count;
        Assert.Same(t, t.add_(1));
        Assert.Same(t, t.mul_(F64(2, 2, 2)));
        Assert.Same(t, t.sub_(1, alpha: 2));
        Assert.Same(t, t.div_(2));
        Assert.Same(t, t.addcmul_(F64(1, 1, 1), F64(2, 2, 2), 0.5));
        Assert.Equal(before + 3, scope.Count);
        Assert.Equal(new double[] { 2, 3, 4 }, t.data<double>());
        Assert.Equal(new double[] { 2, 3, 4 }, view.data<double>());
        Assert.Same(t, t.clamp_(max: 3).sqrt_().exp_().neg_().abs_());
        Assert.Same(t, t.zero_());
        Assert.Equal(new double[] { 0, 0, 0 }, view.data<double>());
        Assert.Same(t, t.fill_(7));
        Assert.Same(t, t.copy_(I64(1, 2, 3)));
        Assert.Equal(new double[] { 1, 2, 3 }, t.data<double>());
        Assert.Same(t, t.lerp_(F64(3, 2, 1), 0.5).pow_(2));
        Assert.Equal(new double[] { 4, 4, 4 }, t.data<double>());
    }

    [Fact]
    public void InPlaceOnALeafRequiringGradThrowsLibtorchsMessage()
    {
        using var scope = torch.NewDisposeScope();
        var w = torch.ones([2, 3], requires_grad: true);
        var e = Assert.Throws<TorchException>(() => w.add_(1));
        Assert.Contains("a leaf Variable that requires grad is being used in an in-place operation", e.Message, StringComparison.Ordinal);
        Assert.Throws<TorchException>(() => w.mul_(F32(2, 2, 2)));

        // the optimiser pattern: in place under no_grad is allowed and keeps the leaf
        using (torch.no_grad())
        {
            w.sub_(torch.ones([2, 3]), alpha: 0.5).addcdiv_(torch.ones([2, 3]), torch.full([2, 3], 4.0), 2);
        }

        Assert.True(w.is_leaf);
        Assert.True(w.requires_grad);
        Assert.All(w.data<float>(), v => Assert.Equal(1.0f, v));
    }

    [Fact]
    public void InPlaceOnAValueNeededByBackwardIsReported()
    {
        using var scope = torch.NewDisposeScope();
        var x = F64(1, 4, 9).requires_grad_();
        var y = x.sqrt();
        y.exp_();
        var e = Assert.Throws<TorchException>(() => y.sum().backward());
        Assert.Contains("modified by an inplace operation", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ShapeErrorsCarryLibtorchsTextAndTheProcessKeepsWorking()
    {
        using var scope = torch.NewDisposeScope();
        var e = Assert.Throws<TorchException>(() => torch.ones(2, 3) + torch.ones(2, 4));
        Assert.Contains("The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<TorchException>(() => torch.ones(2, 3).mm(torch.ones(2, 3)));
        Assert.Contains("mat1 and mat2 shapes cannot be multiplied (2x3 and 2x3)", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<TorchException>(() => torch.ones(2).div(torch.ones(2), "round"));
        Assert.Contains("div expected rounding_mode to be one of None, 'trunc', or 'floor' but found 'round'", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<TorchException>(() => I64(1, 2).mean());
        Assert.Contains("mean(): could not infer output dtype", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<TorchException>(() => I64(1, 2).add_(1.5));
        Assert.Contains("result type Float can't be cast to the desired output type Long", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<TorchException>(() => F32(1, 2) & F32(1, 2));
        Assert.Contains("\"bitwise_and_cpu\" not implemented for 'Float'", e.Message, StringComparison.Ordinal);

        // afterwards everything still works and no error is left pending
        Assert.Equal(new float[] { 2, 4 }, (F32(1, 2) * 2).data<float>());
        Assert.Equal(6.0, torch.ones(2, 3).sum().item<double>());
    }

    [Fact]
    public void NullArgumentsThrowArgumentNullException()
    {
        using var scope = torch.NewDisposeScope();
        var x = F32(1, 2);
        Assert.Throws<ArgumentNullException>(() => x.add(null!));
        Assert.Throws<ArgumentNullException>(() => x + (Tensor)null!);
        Assert.Throws<ArgumentNullException>(() => torch.exp(null!));
        Assert.Throws<ArgumentNullException>(() => torch.where(null!, x, x));
    }

    [Fact]
    public void ResultsBelongToTheDisposeScope()
    {
        Tensor r;
        Tensor kept;
        using (var scope = torch.NewDisposeScope())
        {
            var a = F64(1, 2, 3);
            var before = scope.Count;
            r = ((a * 2) + 1).exp().sum();
            var (v, i) = a.max(0);
            Assert.Equal(before + 6, scope.Count);
            kept = (a - 1).MoveToOuterDisposeScope();
            Assert.False(v.IsDisposed || i.IsDisposed);
        }

        Assert.True(r.IsDisposed);
        Assert.False(kept.IsDisposed);
        Assert.Equal(new double[] { 0, 1, 2 }, kept.data<double>());
        kept.Dispose();
    }

    [Fact]
    public void ElementwiseGradientOfMinimumWithTiesMatchesPyTorch()
    {
        // torch.minimum splits the gradient evenly between equal operands.
        using var scope = torch.NewDisposeScope();
        var a = F64(1, 2).requires_grad_();
        var b = F64(1, 3).requires_grad_();
        torch.minimum(a, b).sum().backward();
        Assert.Equal(new double[] { 0.5, 1 }, a.grad!.data<double>());
        Assert.Equal(new double[] { 0.5, 0 }, b.grad!.data<double>());
    }
}
