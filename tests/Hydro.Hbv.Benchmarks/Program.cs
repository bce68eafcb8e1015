using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Hydro.Hbv.Benchmarks;
using Hydro.Torch;

// hbv benchmark: one training step (forward + backward) of the differentiable HBV in C#, then the same HBV written
// op by op in PyTorch (bench_hbv.py, a child process on the same libtorch, machine and thread count); medians and the
// ratio C# / PyTorch as a table, and both losses, which must agree. --python none runs the C# side alone.
//   dotnet run -c Release --project tests/Hydro.Hbv.Benchmarks [-- --threads 2 --basins 100 --days 730 --nmul 16 --warmup 365]
var options = BenchOptions.Parse(args);
if (options.Threads > 0)
{
    torch.set_num_threads(options.Threads);
}

var device = Device.Parse(options.Device);
Console.WriteLine($"libtorch {torch.version}, {torch.get_num_threads()} threads, device {device}");
var cases = new[] { ("all_grad", 0), ("warmup", options.Warmup) };

var python = options.Python == "none"
    ? (Version: "-", Times: cases.ToDictionary(c => c.Item1, _ => (Ms: double.NaN, Loss: double.NaN)))
    : RunPython(options);
var csharp = new Dictionary<string, (double Ms, double Loss)>();
foreach (var (name, warmup) in cases)
{
    using var bench = new HbvStepBench(device, options.Basins, options.Days, options.Nmul, warmup);
    var loss = bench.Run();
    csharp[name] = (Median(options.Repeats, () => bench.Run()), loss);
}

Console.WriteLine();
Console.WriteLine($"| case | Hydro (C#) ms | PyTorch {python.Version} (Python) ms | ratio C#/Python | loss C# | loss Python |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|");
foreach (var (name, warmup) in cases)
{
    var (c, lc) = csharp[name];
    var (p, lp) = python.Times[name];
    var label = $"hbv step b{options.Basins} t{options.Days} nmul{options.Nmul}, warm-up {warmup} d";
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {label} ({device}) | {c:F0} | {p:F0} | {c / p:F2} | {lc:G6} | {lp:G6} |"));
}

static double Median(int repeats, Action run)
{
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

static (string Version, Dictionary<string, (double Ms, double Loss)> Times) RunPython(BenchOptions o)
{
    var script = Path.Combine(AppContext.BaseDirectory, "bench_hbv.py");
    var psi = new ProcessStartInfo(o.Python) { RedirectStandardOutput = true, UseShellExecute = false };

    foreach (var a in new[]
    {
        script, "--device", o.Device, "--threads", o.Threads.ToString(CultureInfo.InvariantCulture),
        "--repeats", o.Repeats.ToString(CultureInfo.InvariantCulture), "--basins", o.Basins.ToString(CultureInfo.InvariantCulture),
        "--days", o.Days.ToString(CultureInfo.InvariantCulture), "--nmul", o.Nmul.ToString(CultureInfo.InvariantCulture),
        "--warmup", o.Warmup.ToString(CultureInfo.InvariantCulture),
    })
    {
        psi.ArgumentList.Add(a);
    }

    using var process = Process.Start(psi) ?? throw new InvalidOperationException($"cannot start {o.Python}");
    var output = process.StandardOutput.ReadToEnd();
    process.WaitForExit();
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"{o.Python} bench_hbv.py failed with exit code {process.ExitCode}");
    }

    using var json = JsonDocument.Parse(output.Trim().Split('\n')[^1]);
    var times = new Dictionary<string, (double, double)>();
    foreach (var name in new[] { "all_grad", "warmup" })
    {
        var entry = json.RootElement.GetProperty(name);
        times[name] = (entry.GetProperty("ms").GetDouble(), entry.GetProperty("loss").GetDouble());
    }

    return (json.RootElement.GetProperty("torch").GetString() ?? "?", times);
}
