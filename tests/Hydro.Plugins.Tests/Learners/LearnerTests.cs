using Hydro.Abstractions.Components;
using Hydro.Abstractions.Contracts;
using Hydro.Plugins.Lstm.Learners;
using Hydro.Torch;

namespace Hydro.Plugins.Tests.Learners;

public sealed class LearnerTests
{
    private static readonly ParameterRequest Mixed = new([new("FC", 50, 1000, Unit: "mm"), new("BETA", 1, 6, Dynamic: true), new("K0", 0.05, 0.9)], 4);
    private static readonly ParameterRequest Static = new([new("FC", 50, 1000), new("K0", 0.05, 0.9)], 3);

    private static ComponentContext Context(ParameterRequest request, IReadOnlyList<string>? basins = null, Generator? generator = null) => new()
    {
        DynamicInputs = ["prcp", "tmean"],
        StaticInputs = ["area", "aridity", "elev_mean"],
        Targets = ["streamflow"],
        Parameters = request,
        Basins = basins,
        Generator = generator,
    };

    private static Batch Batch(string[] basins, int steps = 20)
    {
        using var generator = torch.Generator(1);
        return new Batch
        {
            Dynamic = torch.randn([basins.Length, steps, 2], generator),
            Static = torch.randn([basins.Length, 3], generator),
            Basins = basins,
            DynamicNames = ["prcp", "tmean"],
        };
    }

    private static void InRange(Tensor parameters, ParameterRequest request)
    {
        for (var p = 0; p < request.Parameters.Count; p++)
        {
            var values = parameters.select(2, p);
            var spec = request.Parameters[p];
            Assert.True(values.ge(spec.Min).all().item<bool>() && values.le(spec.Max).all().item<bool>(), $"{spec.Name} outside [{spec.Min}, {spec.Max}]");
            // Not collapsed to one end: the sigmoid of an untrained network sits inside the range.
            Assert.True(values.std().item<float>() > 0 || request.Components == 1, $"{spec.Name} has no spread");
        }
    }

    private static bool ConstantOverTime(Tensor values) => values.eq(values.narrow(1, values.size(1) - 1, 1)).all().item<bool>();

    [Fact]
    public void LstmGivesEveryParameterPerStepScaledIntoItsRangeAndHoldsStaticOnesAtTheLastStep()
    {
        using var scope = torch.NewDisposeScope();
        using var generator = torch.Generator(5);
        using var learner = new LstmLearner(new LstmLearnerOptions { HiddenSize = 16, Dropout = 0 }, Context(Mixed, generator: generator));
        using var batch = Batch(["a", "b", "c"]);
        var parameters = ((IParameterLearner)learner).Forward(batch, Mixed);
        Assert.Equal([3L, 20, 3, 4], parameters.shape);
        InRange(parameters, Mixed);
        Assert.True(ConstantOverTime(parameters.select(2, 0)));
        Assert.True(ConstantOverTime(parameters.select(2, 2)));
        Assert.False(ConstantOverTime(parameters.select(2, 1)));
        // The static value is the last step's: the same as what a dynamic parameter would give there.
        var all = new ParameterRequest([.. Mixed.Parameters.Select(p => p with { Dynamic = true })], 4);
        using var generator2 = torch.Generator(5);
        using var twin = new LstmLearner(new LstmLearnerOptions { HiddenSize = 16, Dropout = 0 }, Context(all, generator: generator2));
        var dynamic = ((IParameterLearner)twin).Forward(batch, all);
        Assert.Equal(dynamic.select(1, 19).data<float>(), parameters.select(1, 19).data<float>());
        Assert.Equal(dynamic.select(2, 1).data<float>(), parameters.select(2, 1).data<float>());
        Assert.Equal(["lstm.weight_ih_l0", "lstm.weight_hh_l0", "lstm.bias_ih_l0", "lstm.bias_hh_l0", "head.weight", "head.bias"], learner.named_parameters().Select(p => p.name));
        Assert.Equal([12L, 16], learner.get_parameter("head.weight")!.shape);
    }

    [Fact]
    public void MlpMapsAttributesToOneParameterSetPerBasinAndRefusesDynamicParameters()
    {
        using var scope = torch.NewDisposeScope();
        using var generator = torch.Generator(2);
        using var learner = new MlpLearner(new MlpLearnerOptions { HiddenSize = 8, NumLayers = 2 }, Context(Static, generator: generator));
        using var batch = Batch(["a", "b"], steps: 7);
        var parameters = ((IParameterLearner)learner).Forward(batch, Static);
        Assert.Equal([2L, 7, 2, 3], parameters.shape);
        InRange(parameters, Static);
        Assert.True(ConstantOverTime(parameters));

        var e = Assert.Throws<ArgumentException>(() => new MlpLearner(new MlpLearnerOptions(), Context(Mixed)));
        Assert.Contains("the backbone wants dynamic parameters [BETA], but the mlp learner sees only static attributes", e.Message);
        var none = Assert.Throws<ArgumentException>(() => new MlpLearner(new MlpLearnerOptions(), Context(Static) with { StaticInputs = [] }));
        Assert.Contains("list them under 'inputs.static'", none.Message);
        var bad = Assert.Throws<ArgumentException>(() => new MlpLearner(new MlpLearnerOptions { HiddenSize = 0, NumLayers = 9 }, Context(Static)));
        Assert.Contains("hidden_size must be in 1..4096, got 0; num_layers must be in 1..8, got 9", bad.Message);
    }

    [Fact]
    public void FreeHoldsOneParameterSetPerTrainingBasinAndMapsBatchRowsToThem()
    {
        using var scope = torch.NewDisposeScope();
        using var generator = torch.Generator(3);
        using var learner = new FreeLearner(new FreeLearnerOptions(), Context(Static, ["syn_002", "syn_000", "syn_001"], generator));
        Assert.Equal(["syn_000", "syn_001", "syn_002"], learner.Basins);
        Assert.Equal([3L, 6], learner.get_parameter("raw")!.shape);

        using var batch = Batch(["syn_002", "syn_000", "syn_002"], steps: 5);
        var parameters = ((IParameterLearner)learner).Forward(batch, Static);
        Assert.Equal([3L, 5, 2, 3], parameters.shape);
        InRange(parameters, Static);
        Assert.True(ConstantOverTime(parameters));
        Assert.Equal(parameters.select(0, 0).data<float>(), parameters.select(0, 2).data<float>());
        Assert.NotEqual(parameters.select(0, 0).data<float>(), parameters.select(0, 1).data<float>());

        // Row r of the table is basin r: scaling it by hand gives the learner's output for that basin.
        var raw = learner.get_parameter("raw")!.detach();
        var fc = raw.select(0, 2).narrow(0, 0, 3).sigmoid() * 950 + 50;
        Assert.Equal(fc.data<float>(), parameters.select(0, 0).select(0, 0).select(0, 0).data<float>());

        // Gradients reach only the rows of the batch's basins.
        parameters.sum().backward();
        var grad = learner.get_parameter("raw")!.grad!.abs().sum(1).data<float>();
        Assert.True(grad[0] > 0 && grad[2] > 0);
        Assert.Equal(0, grad[1]);
    }

    [Fact]
    public void FreeRejectsUnknownBasinsMissingBasinListsAndDynamicParameters()
    {
        using var scope = torch.NewDisposeScope();
        using var learner = new FreeLearner(new FreeLearnerOptions(), Context(Static, ["syn_000", "syn_001"]));
        using var batch = Batch(["syn_001", "syn_007"]);
        var e = Assert.Throws<ArgumentException>(() => ((IParameterLearner)learner).Forward(batch, Static));
        Assert.Contains("basin 'syn_007' has no parameters; it holds the 2 training basins (syn_000, syn_001)", e.Message);
        Assert.Contains("use the lstm or mlp learner to regionalise", e.Message);

        var none = Assert.Throws<ArgumentException>(() => new FreeLearner(new FreeLearnerOptions(), Context(Static)));
        Assert.Contains("needs the list of training basins", none.Message);
        var dynamic = Assert.Throws<ArgumentException>(() => new FreeLearner(new FreeLearnerOptions(), Context(Mixed, ["a"])));
        Assert.Contains("dynamic parameters [BETA]", dynamic.Message);
    }

    [Fact]
    public void AZeroSpreadStartsEveryParameterMidRange()
    {
        using var scope = torch.NewDisposeScope();
        using var learner = new FreeLearner(new FreeLearnerOptions { InitialSpread = 0 }, Context(Static, ["a"]));
        using var batch = Batch(["a"], steps: 2);
        var parameters = ((IParameterLearner)learner).Forward(batch, Static);
        Assert.All(parameters.select(2, 0).data<float>(), v => Assert.Equal(525, v, 3));
        Assert.All(parameters.select(2, 1).data<float>(), v => Assert.Equal(0.475, v, 5));
    }

    [Fact]
    public void LearnersNeedTheBackbonesRequestAndCheckEveryCallAgainstIt()
    {
        var missing = Assert.Throws<ArgumentException>(() => new LstmLearner(new LstmLearnerOptions(), Context(Static) with { Parameters = null }));
        Assert.Contains("built without a parameter request", missing.Message);

        using var scope = torch.NewDisposeScope();
        using var learner = new LstmLearner(new LstmLearnerOptions { HiddenSize = 4 }, Context(Static));
        using var batch = Batch(["a"]);
        var other = Assert.Throws<ArgumentException>(() => ((IParameterLearner)learner).Forward(batch, Mixed));
        Assert.Contains("built for [FC, K0] × 3 components but asked for [FC, BETA (dynamic), K0] × 4 components", other.Message);
    }
}
