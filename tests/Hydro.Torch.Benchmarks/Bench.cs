using System.Diagnostics;
using Hydro.Torch.Optim;

namespace Hydro.Torch.Benchmarks;

/// <summary>The C# side of each benchmark case; mirrors bench_torch.py line for line.</summary>
internal static class Bench
{
    /// <summary>Median wall time in milliseconds of <paramref name="repeats"/> runs after one warm-up.</summary>
    public static double Median(int repeats, Action run, Action warmup)
    {
        warmup();
        var times = new double[repeats];
        for (var i = 0; i < repeats; i++)
        {
            var sw = Stopwatch.StartNew();
            run();
            times[i] = sw.Elapsed.TotalMilliseconds;
        }

        Array.Sort(times);
        return times[repeats / 2];
    }

    /// <summary>Forward + backward through <paramref name="ops"/> tiny alternating ops (per-op overhead).</summary>
    public static void OpChain(int ops, Device device)
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.linspace(-1, 1, 16, device: device).requires_grad_();
        var y = x;
        for (var i = 0; i < ops; i++)
        {
            y = i % 2 == 0 ? y * 0.999 : y + 0.001;
        }

        y.sum().backward();
        if (device.type == DeviceType.CUDA)
        {
            torch.cuda.synchronize();
        }
    }

    /// <summary>One training step of an LSTM regression: LSTM → last step → linear → MSE → Adam.</summary>
    public sealed class LstmStep : IDisposable
    {
        private readonly nn.LSTM lstm;
        private readonly nn.Linear head;
        private readonly Optimizer optimizer;
        private readonly Tensor x;
        private readonly Tensor y;
        private readonly Device device;

        public LstmStep(Device device, int batch, int seq, int inputs, int hidden)
        {
            this.device = device;
            torch.manual_seed(0);
            lstm = new nn.LSTM(inputs, hidden, batch_first: true);
            head = new nn.Linear(hidden, 1);
            lstm.to(device);
            head.to(device);
            optimizer = optim.Adam(lstm.parameters().Concat(head.parameters()), lr: 1e-3);
            x = torch.randn([batch, seq, inputs], device: device);
            y = torch.randn([batch, 1], device: device);
        }

        public void Run()
        {
            using var scope = torch.NewDisposeScope();
            optimizer.zero_grad();
            var (output, _) = lstm.call(x);
            var prediction = head.call(output.select(1, -1));
            var loss = nn.functional.mse_loss(prediction, y);
            loss.backward();
            optimizer.step();
            if (device.type == DeviceType.CUDA)
            {
                torch.cuda.synchronize();
            }
        }

        public void Dispose()
        {
            lstm.Dispose();
            head.Dispose();
            x.Dispose();
            y.Dispose();
        }
    }
}
