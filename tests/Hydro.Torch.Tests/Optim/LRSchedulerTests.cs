using System.Text.Json;
using Hydro.Torch.Optim;
using Hydro.Torch.Tests.Support;

namespace Hydro.Torch.Tests.Optim;

/// <summary>Learning-rate sequences over 30 epochs against PyTorch 1.13 (make_optim.py, sched_* cases).</summary>
public class LRSchedulerTests
{
    public static IEnumerable<object[]> Cases =>
        Golden.Cases("optim").Where(kv => kv.Value.TryGetProperty("scheduler", out _)).Select(kv => new object[] { kv.Key });

    [Theory]
    [MemberData(nameof(Cases))]
    public void LearningRatesMatchPyTorch(string name)
    {
        var c = Golden.Case("optim", name);
        using var scope = torch.NewDisposeScope();
        var (optimizer, step, lastLr) = Make(c);
        using var _ = optimizer;
        var expected = c.GetProperty("lrs").EnumerateArray().Select(e => e.EnumerateArray().Select(x => x.GetDouble()).ToArray()).ToArray();
        Expect.Close(lastLr(), expected[0], 1e-13, 0, "initial lr");
        for (var epoch = 1; epoch <= 30; epoch++)
        {
            optimizer.step();
            step(epoch - 1);
            Expect.Close(optimizer.param_groups.Select(g => g.lr).ToArray(), expected[epoch], 1e-13, 0, $"lr after epoch {epoch}");
            Expect.Close(lastLr(), expected[epoch], 1e-13, 0, $"get_last_lr after epoch {epoch}");
        }
    }

    [Theory]
    [InlineData("sched_steplr")]
    [InlineData("sched_exponentiallr")]
    [InlineData("sched_cosine")]
    [InlineData("sched_plateau_min_rel")]
    public void ResumedSchedulerContinuesTheSameSequence(string name)
    {
        var c = Golden.Case("optim", name);
        using var scope = torch.NewDisposeScope();
        var expected = c.GetProperty("lrs").EnumerateArray().Select(e => e.EnumerateArray().Select(x => x.GetDouble()).ToArray()).ToArray();

        var (first, step, _, state) = MakeWithState(c);
        for (var epoch = 1; epoch <= 13; epoch++)
        {
            step(epoch - 1);
        }

        using var optimizerState = first.state_dict();
        var schedulerState = state.Save();
        first.Dispose();

        var (second, step2, lastLr2, state2) = MakeWithState(c);
        using var _ = second;
        second.load_state_dict(optimizerState);
        state2.Load(schedulerState);
        Expect.Close(lastLr2(), expected[13], 1e-13, 0, "get_last_lr after loading");
        for (var epoch = 14; epoch <= 30; epoch++)
        {
            step2(epoch - 1);
            Expect.Close(lastLr2(), expected[epoch], 1e-13, 0, $"lr after epoch {epoch} (resumed)");
        }
    }

    [Fact]
    public void StateDictNamesTheSchedulerAndRejectsAnother()
    {
        using var scope = torch.NewDisposeScope();
        using var opt = optim.SGD([torch.zeros(2).requires_grad_()], lr: 0.1);
        var steplr = optim.lr_scheduler.StepLR(opt, 3, 0.5);
        var state = steplr.state_dict();
        Assert.Equal("StepLR", state["scheduler"]);
        var exp = optim.lr_scheduler.ExponentialLR(opt, 0.9);
        Assert.Throws<ArgumentException>(() => exp.load_state_dict(state));
        Assert.Throws<ArgumentException>(() => optim.lr_scheduler.ReduceLROnPlateau(opt, factor: 1.0));
        Assert.Throws<ArgumentException>(() => optim.lr_scheduler.ReduceLROnPlateau(opt, mode: "up"));
    }

    [Fact]
    public void ResumingWithLastEpochNeedsInitialLr()
    {
        using var scope = torch.NewDisposeScope();
        using var opt = optim.SGD([torch.zeros(2).requires_grad_()], lr: 0.1);
        Assert.Throws<ArgumentException>(() => optim.lr_scheduler.StepLR(opt, 3, last_epoch: 4));
        opt.param_groups[0].initial_lr = 0.1;
        var s = optim.lr_scheduler.StepLR(opt, 3, gamma: 0.5, last_epoch: 5);
        Assert.Equal(6, s.last_epoch);
        Assert.Equal(0.05, opt.param_groups[0].lr, 15);
    }

    private static (Optimizer Optimizer, Action<int> Step, Func<double[]> LastLr) Make(JsonElement c)
    {
        var (o, s, l, _) = MakeWithState(c);
        return (o, s, l);
    }

    /// <summary>The golden setup: SGD over two groups (lr 0.1 and 0.05) and the case's scheduler.</summary>
    private static (Optimizer Optimizer, Action<int> Step, Func<double[]> LastLr, SchedulerState State) MakeWithState(JsonElement c)
    {
        var p0 = torch.zeros(2).requires_grad_();
        var p1 = torch.zeros(3).requires_grad_();
        var opt = optim.SGD([new ParamGroup([p0]), new ParamGroup([p1], lr: 0.05)], lr: 0.1);
        var kw = c.GetProperty("kwargs");
        double D(string k, double d) => kw.TryGetProperty(k, out var v) ? v.GetDouble() : d;
        int I(string k) => kw.GetProperty(k).GetInt32();
        string S(string k) => kw.GetProperty(k).GetString()!;
        switch (c.GetProperty("scheduler").GetString())
        {
            case "StepLR":
                {
                    var s = optim.lr_scheduler.StepLR(opt, I("step_size"), D("gamma", 0.1));
                    return (opt, _ => s.step(), s.get_last_lr, new SchedulerState(s.state_dict, s.load_state_dict));
                }

            case "ExponentialLR":
                {
                    var s = optim.lr_scheduler.ExponentialLR(opt, D("gamma", 0.1));
                    return (opt, _ => s.step(), s.get_last_lr, new SchedulerState(s.state_dict, s.load_state_dict));
                }

            case "CosineAnnealingLR":
                {
                    var s = optim.lr_scheduler.CosineAnnealingLR(opt, I("T_max"), D("eta_min", 0));
                    return (opt, _ => s.step(), s.get_last_lr, new SchedulerState(s.state_dict, s.load_state_dict));
                }

            case "ReduceLROnPlateau":
                {
                    var metrics = c.GetProperty("metrics").EnumerateArray().Select(x => x.GetDouble()).ToArray();
                    var s = optim.lr_scheduler.ReduceLROnPlateau(opt, S("mode"), D("factor", 0.1), I("patience"), D("threshold", 1e-4), S("threshold_mode"), I("cooldown"), D("min_lr", 0));
                    return (opt, i => s.step(metrics[i]), s.get_last_lr, new SchedulerState(s.state_dict, s.load_state_dict));
                }

            default:
                throw new InvalidDataException("unknown scheduler");
        }
    }

    /// <summary>Save/load of a scheduler's state through a safetensors-style string map.</summary>
    private sealed record SchedulerState(Func<Dictionary<string, string>> Save, Action<IReadOnlyDictionary<string, string>> Load);
}
