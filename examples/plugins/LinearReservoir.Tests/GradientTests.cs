using Hydro.Abstractions.Contracts;
using Hydro.Torch;

namespace LinearReservoir.Tests;

/// <summary>The engine's autograd through the time loop: against the hand derivative and finite differences.</summary>
public sealed class GradientTests
{
    [Fact]
    public void Gradient_of_the_pulse_response_matches_the_hand_derivative()
    {
        // P = [10, 0, 0], S_0 = 0: Q = [0, 10k, 10k(1 − k)], so dQ/dk = [0, 10, 10 − 20k] and dk/draw = k(1 − k).
        // k = 0.5: dQ/draw = [0, 2.5, 0]; with weights [1, 2, 3] the gradient is 2·2.5 = 5.
        using var backbone = Reservoirs.Create(initialK: 0.5);
        using var batch = Reservoirs.Batch([[10, 0, 0]]);
        using var outputs = backbone.Forward(batch, null);
        using var weights = torch.tensor(new float[] { 1, 2, 3 }, [1, 3, 1]);
        using var objective = (outputs.Prediction * weights).sum();
        objective.backward();

        Assert.Equal(5.0, backbone.RawK.grad!.item<float>(), 5);
    }

    [Fact]
    public void Gradient_wrt_raw_k_matches_central_finite_differences()
    {
        using var scope = torch.NewDisposeScope();
        using var backbone = Reservoirs.Create(initialK: 0.3, initialStorage: 5);
        backbone.to(ScalarType.Float64);
        var generator = torch.Generator(7);
        var rain = torch.rand([3, 20], generator, ScalarType.Float64) * 10;
        var rows = Reservoirs.Rows(rain.unsqueeze(2));
        using var batch = Reservoirs.Batch(rows, ScalarType.Float64);
        var flowWeights = torch.randn([3, 20, 1], generator, ScalarType.Float64);
        var storageWeights = torch.randn([3, 20, 1], generator, ScalarType.Float64);

        double Objective()
        {
            using var inner = torch.NewDisposeScope();
            using var outputs = backbone.Forward(batch, null);
            var value = (outputs.Prediction * flowWeights).sum() + (outputs.Extras["storage"].Value * storageWeights).sum();
            if (torch.is_grad_enabled())
            {
                value.backward();
            }

            return value.item<double>();
        }

        Objective();
        var analytic = backbone.RawK.grad!.item<double>();

        const double eps = 1e-6;
        var raw = backbone.RawK.item<double>();
        double At(double value)
        {
            using var noGrad = torch.no_grad();
            backbone.RawK.fill_(value);
            return Objective();
        }

        var numeric = (At(raw + eps) - At(raw - eps)) / (2 * eps);
        At(raw);

        Assert.True(Math.Abs(analytic) > 1, $"the check needs a gradient well away from zero, got {analytic}");
        Assert.True(Math.Abs(analytic - numeric) <= 1e-6 * Math.Abs(numeric), $"analytic {analytic}, finite differences {numeric}");
    }

    [Fact]
    public void Training_recovers_the_k_that_generated_the_flow()
    {
        // Flow simulated with k = 0.3; start from k = 0.1 and fit with Adam on the MSE.
        var rain = new[] { new double[] { 12, 0, 0, 5, 0, 20, 0, 0, 0, 3, 0, 0, 8, 0, 0, 0 } };
        using var truth = Reservoirs.Create(initialK: 0.3);
        using var batch = Reservoirs.Batch(rain);
        BackboneOutputs observed;
        using (torch.no_grad())
        {
            observed = truth.Forward(batch, null);
        }

        using var backbone = Reservoirs.Create(initialK: 0.1);
        using var optimizer = optim.Adam(backbone.parameters(), lr: 0.05);
        for (var step = 0; step < 300; step++)
        {
            using var scope = torch.NewDisposeScope();
            optimizer.zero_grad();
            using var outputs = backbone.Forward(batch, null);
            var loss = (outputs.Prediction - observed.Prediction).square().mean();
            loss.backward();
            optimizer.step();
        }

        using var k = backbone.RawK.sigmoid();
        observed.Dispose();
        Assert.Equal(0.3, k.item<float>(), 3);
    }
}
