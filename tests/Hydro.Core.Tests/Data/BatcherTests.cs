using Hydro.Core.Data;
using Hydro.Torch;

namespace Hydro.Core.Tests.Data;

public sealed class BatcherTests
{
    private const float N = float.NaN;

    [Fact]
    public void BatchHoldsNormalisedAndPhysicalInputsTargetsMaskAndStatistics()
    {
        var day0 = new DateTime(2000, 1, 1);
        var ds = new ArrayDataset(day0, new()
        {
            ["A"] = (ArrayDataset.Column(0, 1, 2, 3, 4, 5), [20], ArrayDataset.Column(1, 2, N, 4, 5, 6)),
            ["B"] = (ArrayDataset.Column(10, 11, 12, 13, 14, 15), [0], ArrayDataset.Column(7, 7, 7, 7, 7, N)),
        });
        var store = BasinStore.Load(ds, ["A", "B"], new(["x"], ["s"], ["y"]), "train", day0.AddDays(1), day0.AddDays(5), historyDays: 1);
        var norm = new Normalizer([new("x", 1, 2)], [new("s", 10, 5)], [new("y", 3, 4)],
            [new BasinTargetStatistics("A", [2.5], [1.5]), new BasinTargetStatistics("B", [7], [0.25])]);
        var batcher = new Batcher(store, norm, sequenceLength: 3, predictLastN: 2);

        using var scope = torch.NewDisposeScope();
        using var batch = batcher.Build([new WindowRef(0, 2), new WindowRef(1, 5)]);
        Assert.Equal([2L, 3, 1], batch.Dynamic.shape);
        Assert.Equal([-0.5f, 0, 0.5f, 6, 6.5f, 7], batch.Dynamic.data<float>());
        Assert.Equal([0f, 1, 2, 13, 14, 15], batch.DynamicPhysical!.data<float>());
        Assert.Equal([2L, 1], batch.Static!.shape);
        Assert.Equal([2f, -2], batch.Static.data<float>());
        Assert.Equal([2L, 3, 1], batch.Target!.shape);
        var target = batch.Target.data<float>();
        Assert.Equal([-0.5f, -0.25f, 1, 1, 1], new[] { target[0], target[1], target[3], target[4], target[3] });
        Assert.True(float.IsNaN(target[2]) && float.IsNaN(target[5]));

        // Row 0 of basin A is history and position 0 is outside the last 2 steps: never scored; NaN targets are never scored.
        Assert.Equal([false, true, false, false, true, false], batch.TargetMask!.data<bool>());
        Assert.Equal([1.5f, 0.25f], batch.Statistics!.TargetStd!.data<float>());
        Assert.Equal([2.5f, 7f], batch.Statistics.TargetMean!.data<float>());
        Assert.Equal(["A", "B"], batch.Basins);
        Assert.Equal(["x"], batch.DynamicNames);
    }

    [Fact]
    public void PhysicalTargetsWhenTheNormaliserSaysSoAndWindowsAreChecked()
    {
        var day0 = new DateTime(2000, 1, 1);
        var ds = new ArrayDataset(day0, new() { ["A"] = (ArrayDataset.Column(0, 1, 2), [], ArrayDataset.Column(1, 2, 3)) });
        var store = BasinStore.Load(ds, ["A"], new(["x"], [], ["y"]), "train", day0, day0.AddDays(2));
        var norm = new Normalizer([new("x", 1, 2)], [], [new("y", 3, 4)], [], normalizeTargets: false);
        var batcher = new Batcher(store, norm, 2, 1);
        using var scope = torch.NewDisposeScope();
        using var batch = batcher.Build([new WindowRef(0, 2)]);
        Assert.Equal([2f, 3], batch.Target!.data<float>());
        Assert.Null(batch.Static);
        Assert.True(float.IsNaN(batch.Statistics!.TargetStd!.data<float>()[0]));
        Assert.Contains("outside", Assert.Throws<ArgumentException>(() => batcher.Prepare([new WindowRef(0, 0)])).Message, StringComparison.Ordinal);
    }
}
