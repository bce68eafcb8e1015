using System.Diagnostics;
using Hydro.Abstractions.Components;
using Hydro.Abstractions.Contracts;
using Hydro.Plugins.Attention.HydroTrace;
using Hydro.Torch;
using Hydro.Torch.Optim;

namespace Hydro.Attention.Benchmarks;

/// <summary>
/// One training step of hydrotrace with default options but input_lag 0 (all T steps run through the ConvLSTM): forward,
/// MSE of the last step's prediction, backward, Adam. Mirrors bench_hydrotrace.py.
/// </summary>
internal sealed class TrainingStep : IDisposable
{
    private readonly HydroTraceBackbone model;
    private readonly Optimizer optimizer;
    private readonly Batch batch;
    private readonly Tensor target;
    private readonly Device device;

    public TrainingStep(BenchOptions o, Device device)
    {
        this.device = device;
        var context = new ComponentContext
        {
            GriddedInputs = [.. Enumerable.Range(0, o.Channels).Select(c => $"grid{c}")],
            Targets = ["streamflow"],
            Device = device,
            Generator = torch.Generator(0),
        };
        model = new HydroTraceBackbone(new HydroTraceOptions { HiddenChannels = o.Hidden, InputLag = 0 }, context);
        optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        var g = torch.Generator(1);
        var mask = Disc(o.Batch, o.Grid).to(device);
        batch = new Batch
        {
            Dynamic = torch.zeros([o.Batch, o.Steps, 0], device: device),
            Gridded = torch.randn([o.Batch, o.Steps, o.Channels, o.Grid, o.Grid], g).to(device) * mask.unsqueeze(1).unsqueeze(1),
            GriddedMask = mask,
            Basins = [.. Enumerable.Range(0, o.Batch).Select(i => $"b{i}")],
            DynamicNames = [],
        };
        target = torch.randn([o.Batch, 1], g).to(device);
    }

    /// <summary>The basin mask of the benchmark: a disc of radius 0.45·grid around the centre, as in bench_hydrotrace.py.</summary>
    public static Tensor Disc(int basins, int grid)
    {
        var cells = new bool[basins * grid * grid];
        for (var i = 0; i < cells.Length; i++)
        {
            double y = (i / grid % grid) - ((grid - 1) / 2.0), x = (i % grid) - ((grid - 1) / 2.0);
            cells[i] = (x * x) + (y * y) <= 0.45 * 0.45 * grid * grid;
        }

        return torch.tensor(cells, [basins, grid, grid]);
    }

    public void Run()
    {
        using var scope = torch.NewDisposeScope();
        optimizer.zero_grad();
        using var outputs = model.Forward(batch, null);
        var loss = nn.functional.mse_loss(outputs.Prediction.select(1, -1), target);
        loss.backward();
        optimizer.step();
        if (device.type == DeviceType.CUDA)
        {
            torch.cuda.synchronize();
        }
    }

    /// <summary>
    /// Medians of the wall time and of the process's CPU time (user + system), in milliseconds, of <paramref name="repeats"/>
    /// steps after one warm-up step. CPU time is what to compare on a machine shared with other work.
    /// </summary>
    public (double Wall, double Cpu) Median(int repeats)
    {
        Run();
        var wall = new double[repeats];
        var cpu = new double[repeats];
        using var process = Process.GetCurrentProcess();
        for (var i = 0; i < repeats; i++)
        {
            process.Refresh();
            var c0 = process.TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            Run();
            wall[i] = sw.Elapsed.TotalMilliseconds;
            process.Refresh();
            cpu[i] = (process.TotalProcessorTime - c0).TotalMilliseconds;
        }

        Array.Sort(wall);
        Array.Sort(cpu);
        return (wall[repeats / 2], cpu[repeats / 2]);
    }

    public void Dispose()
    {
        model.Dispose();
        batch.Dispose();
        target.Dispose();
    }
}
