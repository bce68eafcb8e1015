using Hydro.Plugins.Attention.HydroTrace;
using Hydro.Plugins.Tests.Support;
using Hydro.Torch;
using static Hydro.Plugins.Tests.Attention.HydroTraceFixtures;

namespace Hydro.Plugins.Tests.Attention;

/// <summary>Autograd through the whole backbone against central finite differences, in float64.</summary>
public class HydroTraceGradientTests
{
    private const long B = 2, T = 4, C = 2, H = 4, W = 3;

    private static HydroTraceBackbone Model64(bool spatial = true, bool feature = true)
    {
        var model = Model(new HydroTraceOptions { HiddenChannels = 2, HeadHidden = 3, Dropout = 0, SpatialAttention = spatial, FeatureAttention = feature }, channels: C, seed: 3);
        model.to(ScalarType.Float64);
        return model;
    }

    /// <summary>A smooth scalar of the prediction that weighs every scored step differently.</summary>
    private static Tensor Loss(HydroTraceBackbone model, Tensor gridded, Tensor mask)
    {
        using var batch = Batch(gridded.alias(), mask.alias());
        var prediction = model.Forward(batch, null).Prediction;
        var weights = torch.linspace(0.5, 1.5, T, ScalarType.Float64).view(1, T, 1);
        return (prediction * weights).square().sum();
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void GradientsWithRespectToTheGriddedInputsMatchFiniteDifferences(bool spatial, bool feature)
    {
        using var scope = torch.NewDisposeScope();
        using var model = Model64(spatial, feature);
        using var batch = MakeBatch(B, T, C, H, W, seed: 4, dtype: ScalarType.Float64);
        var mask = batch.GriddedMask!;
        FiniteDifference.Check(x => Loss(model, x, mask), batch.Gridded!.data<double>(), [B, T, C, H, W]);
    }

    [Theory]
    [InlineData("convlstm.input_conv.weight")]
    [InlineData("convlstm.input_conv.bias")]
    [InlineData("convlstm.hidden_conv.weight")]
    [InlineData("spatial.score.weight")]
    [InlineData("spatial.score.bias")]
    [InlineData("feature.weight")]
    [InlineData("feature.bias")]
    [InlineData("hidden.weight")]
    [InlineData("head.weight")]
    [InlineData("head.bias")]
    public void GradientsWithRespectToWeightsMatchFiniteDifferences(string name)
    {
        using var scope = torch.NewDisposeScope();
        using var model = Model64();
        using var batch = MakeBatch(B, T, C, H, W, seed: 4, dtype: ScalarType.Float64);
        Tensor gridded = batch.Gridded!, mask = batch.GriddedMask!;
        var parameter = model.named_parameters().Single(p => p.name == name).parameter;
        Loss(model, gridded, mask).backward();
        var analytic = parameter.grad!.data<double>();
        var flat = parameter.view(-1);

        // Up to six entries spread over the tensor: every one would cost two forward passes.
        var count = flat.size(0);
        foreach (var i in Enumerable.Range(0, 6).Select(k => k * count / 6).Distinct())
        {
            const double step = 1e-6;
            double Shifted(double by)
            {
                using var inner = torch.NewDisposeScope();
                using var noGrad = torch.no_grad();
                flat.narrow(0, i, 1).add_(by);
                var value = Loss(model, gridded, mask).item<double>();
                flat.narrow(0, i, 1).sub_(by);
                return value;
            }

            var numeric = (Shifted(step) - Shifted(-step)) / (2 * step);
            Assert.True(Math.Abs(analytic[i] - numeric) <= 1e-7 + (1e-5 * Math.Abs(numeric)), $"{name}[{i}]: autograd {analytic[i]}, finite difference {numeric}");
        }
    }
}
