using Hydro.Abstractions.Contracts;
using Hydro.Torch;
using static Hydro.Plugins.Tests.Fhnn.FhnnFixtures;

namespace Hydro.Plugins.Tests.Fhnn;

public class FhnnGradientTests
{
    [Fact]
    public void ParameterGradientsMatchFiniteDifferencesInFloat64()
    {
        using var scope = torch.NewDisposeScope();
        using var model = Model();
        model.to(ScalarType.Float64);
        using var batch = MakeBatch(ScalarType.Float64);
        var weights = torch.randn([Basins, History + Horizon, 1], torch.Generator(11), ScalarType.Float64);
        Tensor Loss() => (model.Forward(batch, null).Prediction * weights).sum();

        Loss().backward();
        const double step = 1e-6;
        var names = new List<string>();
        foreach (var (name, parameter) in model.named_parameters())
        {
            names.Add(name);
            var analytic = parameter.grad!.data<double>();
            var count = parameter.numel();
            foreach (var i in new[] { 0L, count / 2, count - 1 }.Distinct())
            {
                using var noGrad = torch.no_grad();
                var element = parameter.reshape(-1).narrow(0, i, 1);
                element.add_(step);
                var plus = Loss().item<double>();
                element.add_(-2 * step);
                var minus = Loss().item<double>();
                element.add_(step);
                var numeric = (plus - minus) / (2 * step);
                Assert.True(Math.Abs(analytic[i] - numeric) <= 1e-7 + (1e-5 * Math.Abs(numeric)), $"{name}[{i}]: autograd {analytic[i]}, finite difference {numeric}");
            }
        }

        // Every part of the model was checked: both directions of each level, the MLP, the initial states, the forward LSTM, the head.
        foreach (var part in new[] { "scale1.forward.", "scale3.backward.", "scale7.forward.", "scale7.backward.", "latent_mlp.0.", "latent_mlp.2.", "initial_h.", "initial_c.", "forecaster.", "head." })
        {
            Assert.Contains(names, n => n.StartsWith(part, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void InputGradientsMatchFiniteDifferencesInFloat64()
    {
        using var template = MakeBatch(ScalarType.Float64, history: 8, seed: 6);
        using var small = Model(options: Options(scales: [1, 2, 4]));
        small.to(ScalarType.Float64);
        var dynamic = template.Dynamic.contiguous().data<double>();
        var statics = template.Static!.contiguous().data<double>();
        Tensor Loss(Tensor prediction) => (prediction * torch.arange(1.0, 12.0, 1.0, ScalarType.Float64).reshape(1, 11, 1)).sum();
        Support.FiniteDifference.Check(
            d => Loss(small.Forward(new Batch { Dynamic = d, Static = template.Static, Horizon = Horizon, Basins = template.Basins, DynamicNames = template.DynamicNames }, null).Prediction),
            dynamic,
            template.Dynamic.shape);
        Support.FiniteDifference.Check(
            s => Loss(small.Forward(new Batch { Dynamic = template.Dynamic, Static = s, Horizon = Horizon, Basins = template.Basins, DynamicNames = template.DynamicNames }, null).Prediction),
            statics,
            template.Static.shape);
    }

    [Fact]
    public void NoGradientFlowsToTheObservedChannelsAfterTheIssueTime()
    {
        using var scope = torch.NewDisposeScope();
        using var model = Model();
        using var template = MakeBatch(ScalarType.Float64);
        model.to(ScalarType.Float64);
        var dynamic = template.Dynamic.clone().requires_grad_();
        model.Forward(With(template, dynamic), null).Prediction.sum().backward();
        var grad = dynamic.grad!;
        Assert.All(grad.narrow(1, History, Horizon).narrow(2, 2, 2).data<double>(), g => Assert.Equal(0.0, g));
        Assert.Contains(grad.narrow(1, History, Horizon).narrow(2, 0, 2).data<double>(), g => g != 0);
        Assert.Contains(grad.narrow(1, History - 1, 1).narrow(2, 2, 1).data<double>(), g => g != 0);
    }
}
