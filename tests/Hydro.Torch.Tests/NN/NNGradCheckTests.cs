using Hydro.Torch.Tests.Support;

namespace Hydro.Torch.Tests.NN;

/// <summary>Finite-difference gradient checks in float64 for every differentiable nn op.</summary>
public class NNGradCheckTests
{
    private static Tensor R(ulong seed, params long[] shape) => torch.randn(shape, torch.Generator(seed), ScalarType.Float64);

    [Fact]
    public void Linear() => GradCheck.Check(a => nn.functional.linear(a[0], a[1], a[2]), [R(1, 3, 4), R(2, 2, 4), R(3, 2)]);

    [Fact]
    public void LinearWithoutBias() => GradCheck.Check(a => nn.functional.linear(a[0], a[1]), [R(1, 2, 3, 4), R(2, 2, 4)]);

    [Fact]
    public void Conv1dGroupsStridePadding() =>
        GradCheck.Check(a => nn.functional.conv1d(a[0], a[1], a[2], stride: 2, padding: 1, dilation: 1, groups: 2), [R(4, 2, 4, 7), R(5, 4, 2, 3), R(6, 4)]);

    [Fact]
    public void Conv1dSameDilation() =>
        GradCheck.Check(a => nn.functional.conv1d(a[0], a[1], a[2], 1, "same", dilation: 2), [R(7, 1, 2, 6), R(8, 3, 2, 3), R(9, 3)]);

    [Fact]
    public void Conv2dGroupsStridePadding() =>
        GradCheck.Check(a => nn.functional.conv2d(a[0], a[1], a[2], (2, 1), (1, 0), groups: 2), [R(10, 1, 4, 5, 4), R(11, 2, 2, 3, 2), R(12, 2)]);

    [Fact]
    public void Conv2dSquare() =>
        GradCheck.Check(a => nn.functional.conv2d(a[0], a[1], null, stride: 1, padding: 1), [R(13, 1, 2, 4, 4), R(14, 2, 2, 3, 3)]);

    [Fact]
    public void Pools()
    {
        GradCheck.Check(a => nn.functional.avg_pool1d(a[0], 3, 2, 1), [R(15, 2, 2, 7)]);
        GradCheck.Check(a => nn.functional.avg_pool2d(a[0], (2, 3), (1, 2), (1, 1), count_include_pad: false), [R(16, 1, 2, 4, 5)]);
        GradCheck.Check(a => nn.functional.max_pool1d(a[0], 2, 1, 1), [R(17, 2, 2, 6)]);
        GradCheck.Check(a => nn.functional.max_pool2d(a[0], 2, 1, 0, 2), [R(18, 1, 2, 5, 5)]);
    }

    [Theory]
    [InlineData("mean")]
    [InlineData("sum")]
    [InlineData("none")]
    public void Losses(string reduction)
    {
        Tensor[] xy = [R(19, 3, 4), R(20, 3, 4)];
        GradCheck.Check(a => nn.functional.mse_loss(a[0], a[1], reduction), xy);
        GradCheck.Check(a => nn.functional.l1_loss(a[0], a[1], reduction), xy);
        GradCheck.Check(a => nn.functional.smooth_l1_loss(a[0], a[1], reduction, 0.5), xy);
        GradCheck.Check(a => nn.functional.huber_loss(a[0], a[1], reduction, 0.7), xy);
    }

    [Fact]
    public void Activations()
    {
        Tensor[] x = [R(21, 3, 4)];
        GradCheck.Check(a => nn.functional.relu(a[0]), x);
        GradCheck.Check(a => nn.functional.sigmoid(a[0]), x);
        GradCheck.Check(a => nn.functional.tanh(a[0]), x);
        GradCheck.Check(a => nn.functional.softplus(a[0], 2, 1.5), x);
        GradCheck.Check(a => nn.functional.elu(a[0], 0.8), x);
        GradCheck.Check(a => nn.functional.leaky_relu(a[0], 0.1), x);
        GradCheck.Check(a => nn.functional.gelu(a[0]), x);
        GradCheck.Check(a => nn.functional.silu(a[0]), x);
        GradCheck.Check(a => nn.functional.softmax(a[0], 1), x);
        GradCheck.Check(a => nn.functional.log_softmax(a[0], 0), x);
        GradCheck.Check(a => nn.functional.layer_norm(a[0], [4], a[1], a[2]), [R(22, 3, 4), R(23, 4), R(24, 4)]);
    }

    [Fact]
    public void DropoutWithAFixedMask() =>
        GradCheck.Check(a => nn.functional.dropout(a[0], 0.3, true, torch.Generator(5)), [R(25, 4, 5)]);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void LstmInputStatesAndWeights(bool batchFirst)
    {
        // 2 layers, input 2, hidden 3, T = 3, B = 2: gradients w.r.t. input, h0, c0 and all eight weights.
        Tensor[] inputs =
        [
            batchFirst ? R(30, 2, 3, 2) : R(30, 3, 2, 2), R(31, 2, 2, 3), R(32, 2, 2, 3),
            R(33, 12, 2), R(34, 12, 3), R(35, 12), R(36, 12),
            R(37, 12, 3), R(38, 12, 3), R(39, 12), R(40, 12),
        ];
        GradCheck.Check(a => torch.lstm(a[0], (a[1], a[2]), a[3..], true, 2, 0, false, batchFirst).output, inputs);
        GradCheck.Check(a => torch.lstm(a[0], (a[1], a[2]), a[3..], true, 2, 0, false, batchFirst).c_n, inputs);
    }

    [Fact]
    public void LstmStepByStepCellStates()
    {
        Tensor[] inputs = [R(41, 2, 3, 2), R(42, 2, 2, 3), R(43, 2, 2, 3), R(44, 12, 2), R(45, 12, 3), R(46, 12, 3), R(47, 12, 3)];
        GradCheck.Check(a => torch.LstmStates(a[0], (a[1], a[2]), a[3..], false, 2, 0, false, true).c, inputs);
    }

    [Fact]
    public void LstmCell()
    {
        Tensor[] inputs = [R(50, 2, 3), R(51, 2, 4), R(52, 2, 4), R(53, 16, 3), R(54, 16, 4), R(55, 16), R(56, 16)];
        GradCheck.Check(a => torch.lstm_cell(a[0], (a[1], a[2]), a[3], a[4], a[5], a[6]).h, inputs);
        GradCheck.Check(a => torch.lstm_cell(a[0], (a[1], a[2]), a[3], a[4], a[5], a[6]).c, inputs);
    }
}
