using Hydro.Torch.Optim;
using Hydro.Torch.Tests.Support;

namespace Hydro.Torch.Tests.Optim;

/// <summary>Optimiser behaviour beyond the golden trajectories: ownership, validation, groups, state dicts.</summary>
public class OptimizerBehaviourTests
{
    [Fact]
    public void StateSurvivesTheDisposeScopesOfTheSteps()
    {
        var problem = new OptimProblem(Golden.Case("optim", "adam_amsgrad"));
        using var outer = torch.NewDisposeScope();
        var ps = problem.InitialParams();
        Optimizer optimizer;
        using (torch.NewDisposeScope())
        {
            // Created inside a scope that ends before the optimiser is used: its state must not belong to the scope.
            optimizer = problem.MakeOptimizer(ps);
        }

        using (optimizer)
        {
            var records = problem.Records();
            problem.Run(optimizer, ps, 1, 100, step =>
            {
                if (records.TryGetValue(step, out var expected))
                {
                    problem.ExpectRecord(ps, expected, step);
                }
            });
            var countBefore = outer.Count;
            problem.Run(optimizer, ps, 101, 101);
            Assert.Equal(countBefore, outer.Count);
        }

        Assert.Throws<ObjectDisposedException>(() => optimizer.step());
    }

    [Fact]
    public void ZeroGradDropsOrZeroesGradients()
    {
        using var scope = torch.NewDisposeScope();
        var p = torch.ones([3], ScalarType.Float64, requires_grad: true);
        using var opt = optim.SGD([p], lr: 0.1);
        p.grad = torch.ones([3], ScalarType.Float64);
        opt.zero_grad(set_to_none: false);
        Assert.Equal(new double[3], p.grad!.data<double>());
        opt.zero_grad();
        Assert.Null(p.grad);
        opt.step(); // no gradient: nothing happens
        Assert.Equal(new[] { 1.0, 1.0, 1.0 }, p.data<double>());
        using var state = opt.state_dict();
        Assert.Empty(state.Tensors);
    }

    [Fact]
    public void SettingTheGroupLrChangesTheStep()
    {
        using var scope = torch.NewDisposeScope();
        var p = torch.ones([2], ScalarType.Float64, requires_grad: true);
        using var opt = optim.SGD([p], lr: 0.1);
        p.grad = torch.tensor(new[] { 1.0, -2.0 });
        opt.step();
        Assert.Equal(new[] { 0.9, 1.2 }, p.data<double>());
        opt.param_groups[0].lr = 0.0;
        opt.step();
        Assert.Equal(new[] { 0.9, 1.2 }, p.data<double>());
        ((SGDOptions)opt.param_groups[0].options).maximize = true;
        opt.param_groups[0].lr = 0.5;
        opt.step();
        Expect.Close(p.data<double>(), [1.4, 0.2], 0, 1e-15);
    }

    [Fact]
    public void MaximizeWithNegatedGradientsFollowsTheMinimisingTrajectory()
    {
        using var scope = torch.NewDisposeScope();
        var a = torch.tensor(new[] { 0.5, -1.5, 2.0 }, requires_grad: true);
        var b = torch.tensor(new[] { 0.5, -1.5, 2.0 }, requires_grad: true);
        using var min = optim.Adam([a], lr: 0.1, amsgrad: true);
        using var max = optim.Adam([b], lr: 0.1, amsgrad: true, maximize: true);
        for (var i = 0; i < 20; i++)
        {
            var g = a.data<double>().Select(v => 2 * v - 1).ToArray();
            a.grad = torch.tensor(g);
            b.grad = torch.tensor(b.data<double>().Select(v => -(2 * v - 1)).ToArray());
            min.step();
            max.step();
        }

        Assert.Equal(a.data<double>(), b.data<double>());
    }

    [Fact]
    public void InvalidArgumentsAreRejected()
    {
        using var scope = torch.NewDisposeScope();
        var p = torch.zeros([2], requires_grad: true);
        Assert.Throws<ArgumentException>(() => optim.SGD([p], lr: -1));
        Assert.Throws<ArgumentException>(() => optim.SGD([p], lr: 0.1, nesterov: true));
        Assert.Throws<ArgumentException>(() => optim.SGD([p], lr: 0.1, momentum: 0.9, dampening: 0.1, nesterov: true));
        Assert.Throws<ArgumentException>(() => optim.Adam([p], betas: (1.0, 0.999)));
        Assert.Throws<ArgumentException>(() => optim.Adam([p], betas: (0.9, -0.1)));
        Assert.Throws<ArgumentException>(() => optim.Adam([p], eps: -1));
        Assert.Throws<ArgumentException>(() => optim.AdamW([p], weight_decay: -1));
        Assert.Throws<ArgumentException>(() => optim.Adam(Array.Empty<Tensor>()));
        Assert.Throws<ArgumentException>(() => optim.Adam([new ParamGroup([p]), new ParamGroup([p])]));
        Assert.Throws<ArgumentException>(() => optim.Adam([p.clone()]));
        Assert.Throws<ArgumentException>(() => optim.Adam([new ParamGroup([p], options: new SGDOptions())]));
    }

    [Fact]
    public void GroupsTakeDefaultsAndCanBeAddedLater()
    {
        using var scope = torch.NewDisposeScope();
        var p = torch.zeros([2], requires_grad: true);
        var q = torch.zeros([3], requires_grad: true);
        using var opt = optim.AdamW([p], lr: 0.01, betas: (0.8, 0.9));
        Assert.Equal(0.01, opt.param_groups[0].lr);
        var o = (AdamOptions)opt.param_groups[0].options;
        Assert.Equal((0.8, 0.9), o.betas);
        Assert.Equal(1e-2, o.weight_decay);
        opt.add_param_group(new ParamGroup([q], lr: 0.5));
        Assert.Equal(2, opt.param_groups.Count);
        Assert.Equal(0.5, opt.param_groups[1].lr);
        Assert.NotSame(opt.param_groups[0].options, opt.param_groups[1].options);
        Assert.Throws<ArgumentException>(() => opt.add_param_group(new ParamGroup([q])));
    }

    [Fact]
    public void StateDictHasPyTorchNamesAndLoadChecksCompatibility()
    {
        var problem = new OptimProblem(Golden.Case("optim", "adam_amsgrad"));
        using var scope = torch.NewDisposeScope();
        var ps = problem.InitialParams();
        using var opt = problem.MakeOptimizer(ps);
        problem.Run(opt, ps, 1, 3);
        using var state = opt.state_dict();
        Assert.Equal(
            ["state.0.exp_avg", "state.0.exp_avg_sq", "state.0.max_exp_avg_sq", "state.0.step", "state.1.exp_avg", "state.1.exp_avg_sq", "state.1.max_exp_avg_sq", "state.1.step"],
            state.Tensors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(3.0, state.Tensors["state.1.step"].item<double>());
        Assert.Equal("Adam", state.Metadata["optimizer"]);
        Assert.Contains("\"amsgrad\":true", state.Metadata["param_groups"], StringComparison.Ordinal);

        // Another optimiser type, other shapes, other group sizes.
        using var sgd = optim.SGD(ps, lr: 0.1);
        Assert.Throws<ArgumentException>(() => sgd.load_state_dict(state));
        var other = new[] { torch.zeros([4, 3], ScalarType.Float64, requires_grad: true), torch.zeros([4], ScalarType.Float64, requires_grad: true) };
        using var wrongShape = optim.Adam(other);
        Assert.Throws<ArgumentException>(() => wrongShape.load_state_dict(state));
        using var oneParam = optim.Adam([torch.zeros([3, 4], ScalarType.Float64, requires_grad: true)]);
        Assert.Throws<ArgumentException>(() => oneParam.load_state_dict(state));

        // Loading copies: the loaded optimiser does not share state with the saved one, and takes its hyper-parameters.
        var copy = ps.Select(p => p.detach().clone().requires_grad_()).ToArray();
        using var loaded = optim.Adam(copy, lr: 123);
        loaded.load_state_dict(state);
        Assert.Equal(0.05, loaded.param_groups[0].lr);
        Assert.True(((AdamOptions)loaded.param_groups[0].options).amsgrad);
        problem.Run(opt, ps, 4, 4);
        using var loadedState = loaded.state_dict();
        Assert.Equal(3.0, loadedState.Tensors["state.0.step"].item<double>());
        Assert.NotEqual(state.Tensors["state.0.exp_avg"].data<double>(), loadedState.Tensors["state.0.exp_avg"].data<double>());
    }
}
