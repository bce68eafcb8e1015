using Hydro.Plugins.Losses.Kge;
using Hydro.Plugins.Tests.Support;
using Hydro.Torch;
using static Hydro.Plugins.Tests.Losses.LossData;

namespace Hydro.Plugins.Tests.Losses;

public class KgeLossTests
{
    private static KgeLoss Loss(KgeGrouping over = KgeGrouping.Sample) => new(new KgeOptions { Over = over, Eps = 1e-12 });

    /// <summary>√((r − 1)² + (α − 1)² + (β − 1)²) with population moments, by plain loops.</summary>
    private static double Distance(double[] sim, double[] obs)
    {
        var n = sim.Length;
        double ms = sim.Average(), mo = obs.Average();
        double vs = 0, vo = 0, c = 0;
        for (var i = 0; i < n; i++)
        {
            vs += (sim[i] - ms) * (sim[i] - ms) / n;
            vo += (obs[i] - mo) * (obs[i] - mo) / n;
            c += (sim[i] - ms) * (obs[i] - mo) / n;
        }

        var r = c / Math.Sqrt(vs * vo);
        var alpha = Math.Sqrt(vs / vo);
        var beta = ms / mo;
        return Math.Sqrt(((r - 1) * (r - 1)) + ((alpha - 1) * (alpha - 1)) + ((beta - 1) * (beta - 1)));
    }

    [Fact]
    public void ClosedFormCasesPerSample()
    {
        using var scope = torch.NewDisposeScope();
        long[] shape = [3, 4, 1];
        // Row 0: sim = 2·obs → r = 1, α = 2, β = 2: 1 − KGE = √2. Row 1: sim = obs + 2.5 → r = 1, α = 1, β = 2: 1.
        // Row 2: sim = obs reversed → r = −1, α = 1, β = 1: 2.
        var prediction = F(shape, 2, 4, 6, 8, 3.5f, 4.5f, 5.5f, 6.5f, 4, 3, 2, 1);
        var observation = F(shape, 1, 2, 3, 4, 1, 2, 3, 4, 1, 2, 3, 4);
        var mask = torch.ones([3, 4, 1]).gt(0);
        Assert.Equal((Math.Sqrt(2) + 1 + 2) / 3, Loss().Compute(prediction, observation, mask, null).item<double>(), 1e-5);
    }

    [Fact]
    public void BatchPoolsEveryObservedEntry()
    {
        using var scope = torch.NewDisposeScope();
        long[] shape = [2, 4, 1];
        float[] sim = [2, 4, 6, 8, 3.5f, 4.5f, 5.5f, 6.5f];
        float[] obs = [1, 2, 3, 4, 1, 2, float.NaN, 4];
        var mask = M(shape, true, true, true, true, true, true, false, true);
        var expected = Distance([2, 4, 6, 8, 3.5, 4.5, 6.5], [1, 2, 3, 4, 1, 2, 4]);
        Assert.Equal(expected, Loss(KgeGrouping.Batch).Compute(F(shape, sim), F(shape, obs), mask, null).item<double>(), 1e-5);
    }

    [Fact]
    public void MasksEntriesAndLeavesOutRowsWithoutAKge()
    {
        using var scope = torch.NewDisposeScope();
        long[] shape = [4, 4, 1];
        var prediction = F(shape,
            1.5f, 2, 9, 3.5f,
            1, 1, 1, 1,
            5, 1, 2, 3,
            7, 7, 7, 7);
        var observation = F(shape,
            1, float.NaN, 2, 3,
            2, 2, 2, 2,
            4, float.NaN, float.NaN, float.NaN,
            1, 2, 3, 4);
        var mask = observation.isnan().logical_not();
        // Row 0: days 0, 2, 3 observed. Row 1: constant observations (no α). Row 2: one observation. Row 3: a
        // constant simulation gives r = 0, α = √ε/σ_o ≈ 0, β = 7/2.5 → counted.
        var row0 = Distance([1.5, 9, 3.5], [1, 2, 3]);
        var row3 = Math.Sqrt(1 + 1 + Math.Pow((7 / 2.5) - 1, 2));
        var loss = Loss().Compute(prediction, observation, mask, null).item<double>();
        Assert.Equal((row0 + row3) / 2, loss, 1e-5);
    }

    [Fact]
    public void GradientMatchesFiniteDifferencesInFloat64()
    {
        var observation = new double[] { 1, 2.5, double.NaN, 4, 0.5, 3, 2, 1.5, 0.2, 0.9, double.NaN, 2 };
        foreach (var over in new[] { KgeGrouping.Sample, KgeGrouping.Batch })
        {
            FiniteDifference.Check(
                p =>
                {
                    var o = torch.tensor(observation, [3, 4, 1]);
                    return new KgeLoss(new KgeOptions { Over = over }).Compute(p, o, o.isnan().logical_not(), null);
                },
                [1.2, 2.0, 3, 3.1, 0.4, 2.2, 2.9, 1, 0.3, 1.4, 5, 1.7],
                [3, 4, 1]);
        }
    }

    [Fact]
    public void APerfectFitGivesZeroWithAFiniteGradient()
    {
        using var scope = torch.NewDisposeScope();
        long[] shape = [2, 3, 1];
        var prediction = F(shape, 1, 2, 4, 3, 1, 2).requires_grad_();
        var loss = Loss().Compute(prediction, F(shape, 1, 2, 4, 3, 1, 2), torch.ones([2, 3, 1]).gt(0), null);
        Assert.Equal(0.0, loss.item<double>(), 6);
        loss.backward();
        Assert.All(prediction.grad!.data<float>(), g => Assert.True(float.IsFinite(g)));
    }

    [Fact]
    public void ABatchWithoutObservationsGivesZeroWithAZeroGradient()
    {
        using var scope = torch.NewDisposeScope();
        long[] shape = [2, 3, 1];
        var prediction = F(shape, 1, 2, 4, 3, 1, 2).requires_grad_();
        var loss = Loss().Compute(prediction, F(shape, 0, 0, 0, 0, 0, 0), torch.zeros([2, 3, 1]).gt(0), null);
        Assert.Equal(0.0, loss.item<double>());
        loss.backward();
        Assert.All(prediction.grad!.data<float>(), g => Assert.Equal(0f, g));
    }

    [Fact]
    public void OneObservedStepPerRowIsAnErrorPerSampleButWorksOverTheBatch()
    {
        using var scope = torch.NewDisposeScope();
        long[] shape = [3, 2, 1];
        var prediction = F(shape, 0, 1, 0, 2, 0, 4);
        var observation = F(shape, 0, 1.5f, 0, 2, 0, 3);
        var mask = M(shape, false, true, false, true, false, true);
        var e = Assert.Throws<ArgumentException>(() => Loss().Compute(prediction, observation, mask, null));
        Assert.Contains("predict_last_n", e.Message);
        Assert.Contains("over: batch", e.Message);
        Assert.Equal(Distance([1, 2, 4], [1.5, 2, 3]), Loss(KgeGrouping.Batch).Compute(prediction, observation, mask, null).item<double>(), 1e-5);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(2.0)]
    public void RejectsEpsOutOfRange(double eps) =>
        Assert.Contains("eps", Assert.Throws<ArgumentException>(() => new KgeLoss(new KgeOptions { Eps = eps })).Message);
}
