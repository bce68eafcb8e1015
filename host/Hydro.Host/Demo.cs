using System.Diagnostics;
using Hydro.Torch;

namespace Hydro.Host;

/// <summary>
/// <c>hydro demo</c>: a self-contained rainfall–runoff exercise on generated data (no download). A two-store
/// linear-reservoir "truth" turns synthetic rain and temperature into streamflow; an LSTM learns it from 60-day
/// windows (sequence-to-one) and is scored by NSE on a held-out final year.
/// </summary>
internal static class Demo
{
    private const int Days = 8 * 365;
    private const int TestDays = 365;
    private const int Window = 60;

    public static int Run(DemoOptions options, TextWriter log, CancellationToken cancellationToken = default)
    {
        var device = Device.Parse(options.Device);
        var (forcing, flow) = Generate(options.Seed);
        torch.manual_seed(options.Seed);

        using var model = new DemoModel(inputs: 2, hidden: 32, torch.Generator(options.Seed));
        model.to(device);
        var optimizer = optim.Adam(model.parameters(), lr: 1e-2);
        using var data = torch.tensor(forcing, [Days, 2]).to(device);
        using var target = torch.tensor(flow, [Days, 1]).to(device);

        var trainEnd = Days - TestDays;
        using var rng = torch.Generator(options.Seed + 1);
        var sw = Stopwatch.StartNew();
        for (var epoch = 1; epoch <= options.Epochs; epoch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            model.train();
            double sum = 0;
            var batches = 0;
            using var order = torch.randperm(trainEnd - Window, rng);
            var starts = order.data<long>();
            for (var b = 0; b + 64 <= starts.Length; b += 64)
            {
                using var scope = torch.NewDisposeScope();
                var (x, y) = Batch(data, target, starts.AsSpan(b, 64));
                optimizer.zero_grad();
                var loss = nn.functional.mse_loss(model.call(x), y);
                loss.backward();
                optimizer.step();
                sum += loss.item<double>();
                batches++;
            }

            if (epoch == 1 || epoch % 5 == 0 || epoch == options.Epochs)
            {
                log.WriteLine($"epoch {epoch,3}/{options.Epochs}  train MSE {sum / batches:F4}  ({sw.Elapsed.TotalSeconds:F1} s)");
            }
        }

        var nse = Evaluate(model, data, target, trainEnd);
        log.WriteLine($"test NSE over the last {TestDays} days: {nse:F3}");
        return 0;
    }

    /// <summary>Windows ending at start+Window−1: inputs [batch, Window, 2], targets [batch, 1].</summary>
    private static (Tensor X, Tensor Y) Batch(Tensor data, Tensor target, ReadOnlySpan<long> starts)
    {
        var xs = new Tensor[starts.Length];
        var ys = new Tensor[starts.Length];
        for (var i = 0; i < starts.Length; i++)
        {
            xs[i] = data.narrow(0, starts[i], Window);
            ys[i] = target.select(0, starts[i] + Window - 1);
        }

        return (torch.stack(xs), torch.stack(ys));
    }

    private static double Evaluate(DemoModel model, Tensor data, Tensor target, int from)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        model.eval();
        var starts = Enumerable.Range(from - Window + 1, Days - from).Select(i => (long)i).ToArray();
        var (x, y) = Batch(data, target, starts);
        var sim = model.call(x).cpu().data<float>();
        var obs = y.cpu().data<float>();
        var mean = obs.Average();
        double num = 0, den = 0;
        for (var i = 0; i < obs.Length; i++)
        {
            num += (sim[i] - obs[i]) * (sim[i] - obs[i]);
            den += (obs[i] - mean) * (obs[i] - mean);
        }

        return 1 - num / den;
    }

    /// <summary>Synthetic forcing (rain mm/d, temperature °C, standardised) and two-reservoir flow (scaled).</summary>
    private static (float[] Forcing, float[] Flow) Generate(ulong seed)
    {
        var random = new Random((int)(seed % int.MaxValue));
        var forcing = new float[Days * 2];
        var flow = new float[Days];
        double fast = 0, slow = 0, snow = 0;
        for (var t = 0; t < Days; t++)
        {
            var temperature = 10 - 12 * Math.Cos(2 * Math.PI * t / 365.25) + 3 * Normal(random);
            var rain = random.NextDouble() < 0.3 ? -Math.Log(1 - random.NextDouble()) * 8 : 0;
            var snowfall = temperature < 0 ? rain : 0;
            var melt = Math.Min(snow, Math.Max(temperature, 0) * 2);
            snow += snowfall - melt;
            var water = rain - snowfall + melt;
            fast += 0.6 * water;
            slow += 0.4 * water;
            var q = 0.3 * fast + 0.02 * slow;
            fast *= 0.7;
            slow *= 0.98;
            forcing[2 * t] = (float)(rain / 8);
            forcing[(2 * t) + 1] = (float)(temperature / 10);
            flow[t] = (float)(q / 3);
        }

        return (forcing, flow);
    }

    private static double Normal(Random r) => Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());
}
