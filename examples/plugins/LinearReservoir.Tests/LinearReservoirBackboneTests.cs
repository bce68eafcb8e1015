using Hydro.Torch;

namespace LinearReservoir.Tests;

/// <summary>The recursion Q_t = k·S_t, S_{t+1} = S_t + P_t − Q_t against values worked out by hand.</summary>
public sealed class LinearReservoirBackboneTests
{
    [Fact]
    public void A_pulse_drains_by_half_each_day_when_k_is_one_half()
    {
        // k = 0.5, S_0 = 0, P = [10, 0, 0]:
        //   t=0: Q = 0.5·0  = 0,   S_1 = 0 + 10 − 0   = 10
        //   t=1: Q = 0.5·10 = 5,   S_2 = 10 + 0 − 5   = 5
        //   t=2: Q = 0.5·5  = 2.5, S_3 = 5 + 0 − 2.5  = 2.5
        using var backbone = Reservoirs.Create(initialK: 0.5);
        using var batch = Reservoirs.Batch([[10, 0, 0]]);
        using var outputs = backbone.Forward(batch, null);

        Assert.Equal([1L, 3L, 1L], outputs.Prediction.shape);
        Assert.Equal([0, 5, 2.5], Reservoirs.Rows(outputs.Prediction)[0]);
        var storage = outputs.Extras["storage"];
        Assert.Equal("mm", storage.Unit);
        Assert.Equal([10, 5, 2.5], Reservoirs.Rows(storage.Value)[0]);
    }

    [Fact]
    public void Initial_storage_and_rain_on_later_days_follow_the_recursion_per_basin()
    {
        // Basin 0: k = 0.25, S_0 = 4, P = [0, 2, 0, 8]:
        //   t=0: Q = 1,        S_1 = 4 + 0 − 1             = 3
        //   t=1: Q = 0.75,     S_2 = 3 + 2 − 0.75          = 4.25
        //   t=2: Q = 1.0625,   S_3 = 4.25 − 1.0625         = 3.1875
        //   t=3: Q = 0.796875, S_4 = 3.1875 + 8 − 0.796875 = 10.390625
        // Basin 1: same S_0 and k, no rain: Q_t = 0.25·4·0.75^t, S_{t+1} = 4·0.75^(t+1).
        using var backbone = Reservoirs.Create(initialK: 0.25, initialStorage: 4);
        using var batch = Reservoirs.Batch([[0, 2, 0, 8], [0, 0, 0, 0]]);
        using var outputs = backbone.Forward(batch, null);

        var flow = Reservoirs.Rows(outputs.Prediction);
        var storage = Reservoirs.Rows(outputs.Extras["storage"].Value);
        AssertClose([1, 0.75, 1.0625, 0.796875], flow[0]);
        AssertClose([3, 4.25, 3.1875, 10.390625], storage[0]);
        AssertClose([1, 0.75, 0.5625, 0.421875], flow[1]);
        AssertClose([3, 2.25, 1.6875, 1.265625], storage[1]);
    }

    [Fact]
    public void K_is_the_sigmoid_of_the_trained_raw_parameter()
    {
        using var backbone = Reservoirs.Create(initialK: 0.1);
        var (name, parameter) = Assert.Single(backbone.named_parameters());
        Assert.Equal("raw_k", name);
        Assert.True(parameter.requires_grad);
        Assert.Equal(Math.Log(0.1 / 0.9), parameter.item<float>(), 6);
    }

    [Fact]
    public void The_precipitation_option_picks_the_input_by_name()
    {
        var options = new LinearReservoirOptions { Precipitation = "rain", InitialK = 0.5 };
        using var backbone = new LinearReservoirBackbone(options, Reservoirs.Context(inputs: ["pet", "rain"]));
        using var data = torch.tensor(new float[] { -7, 10, -7, 0 }, [1, 2, 2]);
        using var batch = new Hydro.Abstractions.Contracts.Batch { Dynamic = data.clone(), Basins = ["b"], DynamicNames = ["pet", "rain"] };
        using var outputs = backbone.Forward(batch, null);
        Assert.Equal([0, 5], Reservoirs.Rows(outputs.Prediction)[0]);
    }

    [Fact]
    public void A_precipitation_input_missing_from_the_experiment_is_refused_naming_the_inputs()
    {
        var options = new LinearReservoirOptions { Precipitation = "rain" };
        var error = Assert.Throws<ArgumentException>(() => new LinearReservoirBackbone(options, Reservoirs.Context()));
        Assert.Contains("precipitation input 'rain' is not among the dynamic inputs (tmean, prcp, pet)", error.Message, StringComparison.Ordinal);
        Assert.Contains("inputs.dynamic", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void More_than_one_target_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new LinearReservoirBackbone(new LinearReservoirOptions(), Reservoirs.Context(targets: ["streamflow", "et"])));
        Assert.Contains("predicts one target, the experiment has 2 (streamflow, et)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_batch_with_other_inputs_than_the_context_is_refused_by_the_base_class()
    {
        using var backbone = Reservoirs.Create(initialK: 0.5);
        using var data = torch.zeros(1, 3, 2);
        using var batch = new Hydro.Abstractions.Contracts.Batch { Dynamic = data.clone(), Basins = ["b"], DynamicNames = ["a", "b"] };
        var error = Assert.Throws<ArgumentException>(() => backbone.Forward(batch, null));
        Assert.Contains("batch.Dynamic has shape [1, 3, 2], expected [1, 3, 3]", error.Message, StringComparison.Ordinal);
    }

    internal static void AssertClose(double[] expected, double[] actual, double tolerance = 1e-5)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"[{i}]: expected {expected[i]}, got {actual[i]}");
        }
    }
}
