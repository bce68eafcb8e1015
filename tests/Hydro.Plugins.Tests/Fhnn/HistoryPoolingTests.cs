using Hydro.Plugins.Lstm.Fhnn;
using Hydro.Torch;

namespace Hydro.Plugins.Tests.Fhnn;

public class HistoryPoolingTests
{
    [Theory]
    [InlineData(65, 1, 65)]
    [InlineData(65, 7, 9)]
    [InlineData(65, 30, 2)]
    [InlineData(30, 30, 1)]
    [InlineData(17, 3, 5)]
    public void HasFloorOfHistoryOverScaleSteps(int history, int scale, long blocks)
    {
        using var scope = torch.NewDisposeScope();
        Assert.Equal([2L, blocks, 3], HistoryPooling.Pool(torch.zeros(2, history, 3), scale).shape);
    }

    [Fact]
    public void BlocksOfARampEndAtTheIssueTime()
    {
        using var scope = torch.NewDisposeScope();

        // x[t] = t over L = 40 steps: at scale 7 the 5 leftover steps 0..4 are dropped, the blocks are 5..11, …, 33..39
        // with means 8, 15, 22, 29, 36 (the last block ends at step 39, the issue time).
        var ramp = torch.arange(0.0, 40.0, 1.0, ScalarType.Float64).reshape(1, 40, 1);
        Assert.Equal([8.0, 15, 22, 29, 36], HistoryPooling.Pool(ramp, 7).data<double>());
        Assert.Equal([24.5], HistoryPooling.Pool(ramp, 30).data<double>());
        Assert.Equal(Enumerable.Range(0, 40).Select(t => (double)t), HistoryPooling.Pool(ramp, 1).data<double>());
    }

    [Fact]
    public void ASpikeInTheLeftoverIsDroppedAndOneAtTheIssueTimeLandsInTheLastBlock()
    {
        using var scope = torch.NewDisposeScope();
        var early = new double[40];
        early[4] = 7;
        var late = new double[40];
        late[39] = 7;
        Assert.Equal([0.0, 0, 0, 0, 0], HistoryPooling.Pool(torch.tensor(early, [1, 40, 1]), 7).data<double>());
        Assert.Equal([0.0, 0, 0, 0, 1], HistoryPooling.Pool(torch.tensor(late, [1, 40, 1]), 7).data<double>());

        // Step 5 is the first step of the first block.
        var first = new double[40];
        first[5] = 7;
        Assert.Equal([1.0, 0, 0, 0, 0], HistoryPooling.Pool(torch.tensor(first, [1, 40, 1]), 7).data<double>());
    }

    [Fact]
    public void EqualsHandComputedBlockMeansPerRowAndChannel()
    {
        using var scope = torch.NewDisposeScope();
        const int B = 3, L = 23, F = 2, S = 5;
        var x = torch.randn([B, L, F], torch.Generator(3), ScalarType.Float64);
        var values = x.data<double>();
        var pooled = HistoryPooling.Pool(x, S).data<double>();
        const int blocks = L / S, offset = L - (blocks * S);
        for (var b = 0; b < B; b++)
        {
            for (var j = 0; j < blocks; j++)
            {
                for (var f = 0; f < F; f++)
                {
                    var sum = 0.0;
                    for (var t = offset + (j * S); t < offset + ((j + 1) * S); t++)
                    {
                        sum += values[(((b * L) + t) * F) + f];
                    }

                    Assert.Equal(sum / S, pooled[(((b * blocks) + j) * F) + f], 12);
                }
            }
        }
    }

    [Fact]
    public void RejectsAHistoryShorterThanOneBlock()
    {
        using var scope = torch.NewDisposeScope();
        var e = Assert.Throws<ArgumentException>(() => HistoryPooling.Pool(torch.zeros(1, 6, 1), 7));
        Assert.Equal("a history of 6 steps holds no block of 7 steps", e.Message);
    }
}
