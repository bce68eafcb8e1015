using Hydro.Abstractions.Components;
using Hydro.Abstractions.Contracts;
using Hydro.Plugins.Hbv.Hbv;
using Hydro.Torch;

namespace Hydro.Hbv.Benchmarks;

/// <summary>
/// One training step of hbv without a learner: raw values [B, P, nmul] → sigmoid → parameter ranges → repeated over
/// T → hbv (delta, routing, nmul components) → MSE against 1 mm/day on the scored days → backward. Inputs are smooth
/// closed-form series, identical in bench_hbv.py, so that both sides compute the same loss.
/// </summary>
internal sealed class HbvStepBench : IDisposable
{
    private readonly HbvBackbone hbv;
    private readonly Batch batch;
    private readonly Tensor raw;
    private readonly Tensor minimum;
    private readonly Tensor span;
    private readonly Device device;
    private readonly int warmup;

    public HbvStepBench(Device device, int basins, int days, int nmul, int warmup)
    {
        this.device = device;
        this.warmup = warmup;
        var context = new ComponentContext { DynamicInputs = ["prcp", "tmean", "pet"], Targets = ["streamflow"], Warmup = warmup, Device = device };
        hbv = new HbvBackbone(new HbvOptions { Nmul = nmul }, context);
        var specs = hbv.Parameters.Parameters;
        var forcing = Forcing(basins, days);
        var physical = torch.tensor(forcing, [basins, days, 3], device);
        batch = new Batch { Dynamic = physical.clone(), DynamicPhysical = physical, Basins = [.. Enumerable.Range(0, basins).Select(b => $"b{b}")], DynamicNames = ["prcp", "tmean", "pet"] };
        raw = torch.tensor(Raw(basins, specs.Count, nmul), [basins, specs.Count, nmul], device, requires_grad: true);
        minimum = torch.tensor(specs.Select(s => (float)s.Min).ToArray(), [specs.Count, 1], device);
        span = torch.tensor(specs.Select(s => (float)(s.Max - s.Min)).ToArray(), [specs.Count, 1], device);
    }

    /// <summary>P, T, Ep [B, T, 3]: the formulas of bench_hbv.py.</summary>
    public static float[] Forcing(int basins, int days)
    {
        var x = new float[basins * days * 3];
        for (var b = 0; b < basins; b++)
        {
            for (var t = 0; t < days; t++)
            {
                var o = ((b * days) + t) * 3;
                var season = 2 * Math.PI * t / 365.0;
                x[o] = (float)Math.Max(0, (12 * Math.Sin((0.37 * t) + b)) - 4);
                x[o + 1] = (float)((12 * Math.Sin(season - 1.8)) + 4 + (0.02 * b));
                x[o + 2] = (float)(2.5 + (2 * Math.Sin(season - 1.8)));
            }
        }

        return x;
    }

    /// <summary>Raw (pre-sigmoid) parameter values [B, P, nmul].</summary>
    public static float[] Raw(int basins, int parameters, int nmul)
    {
        var x = new float[basins * parameters * nmul];
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = (float)(1.5 * Math.Sin(0.7 * i));
        }

        return x;
    }

    /// <summary>Forward + backward; returns the loss.</summary>
    public double Run()
    {
        using var scope = torch.NewDisposeScope();
        raw.zero_grad();
        var steps = batch.Steps;
        var parameters = (minimum + (raw.sigmoid() * span)).unsqueeze(1).expand(raw.size(0), steps, raw.size(1), raw.size(2));
        using var outputs = hbv.Forward(batch, parameters);
        var scored = outputs.Prediction.narrow(1, warmup, steps - warmup);
        var loss = (scored - 1.0).square().mean();
        loss.backward();
        if (device.type == DeviceType.CUDA)
        {
            torch.cuda.synchronize();
        }

        return loss.item<float>();
    }

    public void Dispose()
    {
        hbv.Dispose();
        batch.Dispose();
        raw.Dispose();
        minimum.Dispose();
        span.Dispose();
    }
}
