using Hydro.Torch.Tests.Support;

namespace Hydro.Torch.Tests.NN;

/// <summary>Module tree, modes, moves, state dicts, ownership and errors.</summary>
public class ModuleBehaviourTests
{
    private sealed class Model : nn.Module<Tensor, Tensor>
    {
        public Model(nn.Linear shared)
            : base(nameof(Model))
        {
            Lstm = new nn.LSTM(3, 4, num_layers: 2, batch_first: true, dropout: 0.5, generator: torch.Generator(1));
            Head = shared;
            register_module("lstm", Lstm);
            register_module("head", Head);
            register_module("again", Head);
            register_buffer("scale", torch.ones([1]));
            register_buffer("cache", torch.zeros([2]), persistent: false);
        }

        public nn.LSTM Lstm { get; }

        public nn.Linear Head { get; }

        public override Tensor forward(Tensor input)
        {
            var (output, _) = Lstm.call(input);
            return Head.call(output);
        }
    }

    private static Model NewModel() => new(new nn.Linear(4, 1, generator: torch.Generator(2)));

    [Fact]
    public void NamedParametersFollowPyTorchNamesAndOrderWithoutDuplicates()
    {
        using var m = NewModel();
        string[] lstm = ["weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0", "weight_ih_l1", "weight_hh_l1", "bias_ih_l1", "bias_hh_l1"];
        Assert.Equal(lstm.Select(n => "lstm." + n).Append("head.weight").Append("head.bias"), m.named_parameters().Select(p => p.name));
        Assert.Equal(10, m.parameters().Count());
        Assert.Equal(["", "lstm", "head"], m.named_modules().Select(x => x.name));
        Assert.Equal(["lstm", "head"], m.named_children().Select(x => x.name));
        Assert.Equal(["scale", "cache"], m.named_buffers().Select(x => x.name));

        // state_dict: parameters then persistent buffers of each module, then children; shared modules under each name.
        Assert.Equal(
            new[] { "scale" }.Concat(lstm.Select(n => "lstm." + n)).Concat(["head.weight", "head.bias", "again.weight", "again.bias"]),
            m.state_dict().Keys);
        Assert.Same(m.Head.weight, m.get_parameter("head.weight"));
        Assert.Same(m.Lstm, m.get_submodule("lstm"));
        Assert.Null(m.get_parameter("head.nothing"));
    }

    [Fact]
    public void RegisteringANameTwiceAsDifferentKindsFails()
    {
        using var m = NewModel();
        Assert.Throws<ArgumentException>(() => m.register_parameter("lstm", null));
        Assert.Throws<ArgumentException>(() => m.register_buffer("a.b", null));
    }

    [Fact]
    public void TrainAndEvalPropagateAndToggleDropout()
    {
        using var scope = torch.NewDisposeScope();
        using var m = NewModel();
        var x = torch.randn([2, 6, 3], torch.Generator(3));
        Assert.True(m.training && m.Lstm.training && m.Head.training);

        m.eval();
        Assert.False(m.training || m.Lstm.training || m.Head.training);
        var a = m.call(x).data<float>();
        var b = m.call(x).data<float>();
        Assert.Equal(a, b);

        m.train();
        Assert.True(m.Lstm.training);
        var c = m.call(x).data<float>();
        Assert.NotEqual(a, c);

        using var dropout = new nn.Dropout(0.5, torch.Generator(4));
        var ones = torch.ones([1000]);
        var dropped = dropout.call(ones).data<float>();
        Assert.All(dropped, v => Assert.True(v == 0 || v == 2));
        Assert.InRange(dropped.Count(v => v == 0), 400, 600);
        dropout.eval();
        Assert.All(dropout.call(ones).data<float>(), v => Assert.Equal(1f, v));
    }

    [Fact]
    public void ToFloat64KeepsTheParameterObjectsAndConvertsGradients()
    {
        using var scope = torch.NewDisposeScope();
        using var m = NewModel();
        var before = m.parameters().ToList();
        var x = torch.randn([2, 5, 3], torch.Generator(5));
        m.call(x).backward(torch.ones([2, 5, 1]));
        var expected = NNGoldenTests.Values(m.Head.weight);

        m.to(ScalarType.Float64);
        var after = m.parameters().ToList();
        Assert.Equal(before.Count, after.Count);
        Assert.All(before.Zip(after), p => Assert.Same(p.First, p.Second));
        Assert.All(after, p => Assert.Equal(ScalarType.Float64, p.dtype));
        Assert.All(after, p => Assert.Equal(ScalarType.Float64, p.grad!.dtype));
        Assert.All(after, p => Assert.True(p.requires_grad && p.is_leaf));
        Assert.Equal(ScalarType.Float64, m.get_buffer("scale")!.dtype);
        Assert.Equal(expected, NNGoldenTests.Values(m.Head.weight));

        // Gradients keep flowing into the same objects.
        m.zero_grad();
        Assert.Null(m.Head.weight.grad);
        m.call(x.to(ScalarType.Float64)).backward(torch.ones([2, 5, 1], ScalarType.Float64));
        Assert.All(before, p => Assert.Equal(ScalarType.Float64, p.grad!.dtype));
    }

    [Fact]
    public void StateDictRoundTripReproducesTheOutputs()
    {
        using var scope = torch.NewDisposeScope();
        using var a = new nn.Sequential(new nn.Linear(3, 5, generator: torch.Generator(6)), new nn.Tanh(), new nn.Linear(5, 2, generator: torch.Generator(7)));
        using var b = new nn.Sequential(new nn.Linear(3, 5), new nn.Tanh(), new nn.Linear(5, 2));
        Assert.Equal(["0.weight", "0.bias", "2.weight", "2.bias"], a.state_dict().Keys);
        var result = b.load_state_dict(a.state_dict());
        Assert.Empty(result.missing_keys);
        Assert.Empty(result.unexpected_keys);
        var x = torch.randn([4, 3], torch.Generator(8));
        Assert.Equal(a.call(x).data<float>(), b.call(x).data<float>());
        Assert.Null(b.get_parameter("0.weight")!.grad);
    }

    [Fact]
    public void LoadStateDictListsMissingUnexpectedAndMismatchedKeys()
    {
        using var scope = torch.NewDisposeScope();
        using var m = new nn.Linear(3, 2, generator: torch.Generator(9));
        var original = m.weight.data<float>();
        var state = new Dictionary<string, Tensor> { ["weight"] = torch.zeros([2, 3]), ["extra"] = torch.zeros([1]) };

        var e = Assert.Throws<ArgumentException>(() => m.load_state_dict(state));
        Assert.Contains("Missing key(s) in state_dict: \"bias\"", e.Message, StringComparison.Ordinal);
        Assert.Contains("Unexpected key(s) in state_dict: \"extra\"", e.Message, StringComparison.Ordinal);
        Assert.Equal(original, m.weight.data<float>());

        state["weight"] = torch.zeros([3, 2]);
        e = Assert.Throws<ArgumentException>(() => m.load_state_dict(state, strict: false));
        Assert.Contains("size mismatch for weight", e.Message, StringComparison.Ordinal);

        state["weight"] = torch.zeros([2, 3], ScalarType.Float64);
        var result = m.load_state_dict(state, strict: false);
        Assert.Equal(["bias"], result.missing_keys);
        Assert.Equal(["extra"], result.unexpected_keys);
        Assert.All(m.weight.data<float>(), v => Assert.Equal(0f, v));
        Assert.Equal(ScalarType.Float32, m.weight.dtype);
        Assert.True(m.weight.is_leaf && m.weight.requires_grad);
    }

    [Fact]
    public void AWrongInputShapeThrowsAndTheModuleKeepsWorking()
    {
        using var scope = torch.NewDisposeScope();
        using var linear = new nn.Linear(3, 2);
        Assert.Throws<TorchException>(() => linear.call(torch.zeros([4, 5])));
        Assert.Equal([4L, 2L], linear.call(torch.zeros([4, 3])).shape);

        using var lstm = new nn.LSTM(3, 4, num_layers: 2);
        var e = Assert.Throws<TorchException>(() => lstm.call(torch.zeros([5, 2, 7])));
        Assert.Contains("input_size", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<TorchException>(() => lstm.call(torch.zeros([5, 2, 3]), (torch.zeros([1, 2, 4]), torch.zeros([1, 2, 4]))));
        Assert.Contains("Expected hidden[0] size", e.Message, StringComparison.Ordinal);
        var (output, (h, c)) = lstm.call(torch.zeros([5, 2, 3]));
        Assert.Equal([5L, 2L, 4L], output.shape);
        Assert.Equal([2L, 2L, 4L], h.shape);
        Assert.Equal([2L, 2L, 4L], c.shape);

        using var conv = new nn.Conv2d(2, 3, 3);
        Assert.Throws<TorchException>(() => conv.call(torch.zeros([1, 5, 8, 8])));
        Assert.Equal([1L, 3L, 6L, 6L], conv.call(torch.zeros([1, 2, 8, 8])).shape);
        Assert.Throws<TorchException>(() => nn.functional.mse_loss(torch.zeros([2, 3]), torch.zeros([4, 5])));
        Assert.Throws<ArgumentException>(() => nn.functional.mse_loss(torch.zeros([2]), torch.zeros([2]), "average"));
    }

    [Fact]
    public void ParametersOutliveTheScopeTheyWereMadeInAndDieWithTheModule()
    {
        nn.Linear m;
        using (var scope = torch.NewDisposeScope())
        {
            m = new nn.Linear(3, 2);
            _ = m.call(torch.ones([1, 3]));
            Assert.Equal(2, scope.Count); // the input and y: no parameter, no temporary of the constructor
        }

        Assert.False(m.weight.IsDisposed);
        Assert.Equal([2L, 3L], m.weight.shape);
        m.Dispose();
        Assert.True(m.weight.IsDisposed && m.bias!.IsDisposed);
        m.Dispose();
    }

    [Fact]
    public void ATrainingLoopInAScopeLeavesNothingBehind()
    {
        using var lstm = new nn.LSTM(2, 3, batch_first: true, generator: torch.Generator(10));
        using var x = torch.randn([2, 4, 2], torch.Generator(11));
        for (var i = 0; i < 3; i++)
        {
            using var scope = torch.NewDisposeScope();
            var (output, _) = lstm.call(x);
            nn.functional.mse_loss(output, torch.zeros([2, 4, 3])).backward();
            Assert.True(scope.Count > 0);
        }

        Assert.All(lstm.parameters(), p => Assert.False(p.IsDisposed));
        using var g = lstm.flat_weights[0].grad;
        Assert.NotNull(g);
    }

    [Fact]
    public void SequentialChainsAndNamesItsLayers()
    {
        using var scope = torch.NewDisposeScope();
        var l1 = new nn.Linear(2, 3, generator: torch.Generator(12));
        var l2 = new nn.Linear(3, 1, generator: torch.Generator(13));
        using var seq = new nn.Sequential(l1, new nn.ReLU(), l2, new nn.Identity(), new nn.Flatten(0));
        Assert.Equal(["0", "1", "2", "3", "4"], seq.named_children().Select(c => c.name));
        var x = torch.randn([4, 2], torch.Generator(14));
        var manual = l2.call(nn.functional.relu(l1.call(x))).data<float>();
        var y = seq.call(x);
        Assert.Equal([4L], y.shape);
        Assert.Equal(manual, y.data<float>());
        Assert.Same(l2, seq[2]);
    }

    [Fact]
    public void LstmCellAndUnbatchedInput()
    {
        using var scope = torch.NewDisposeScope();
        using var cell = new nn.LSTMCell(3, 2, generator: torch.Generator(15));
        var (h, c) = cell.call(torch.ones([3]));
        Assert.Equal([2L], h.shape);
        Assert.Equal([2L], c.shape);
        var (hb, _) = cell.call(torch.ones([1, 3]), (torch.zeros([1, 2]), torch.zeros([1, 2])));
        Expect.Close(hb, [1, 2], h.to(ScalarType.Float64).data<double>(), 1e-6, 1e-7);
    }
}
