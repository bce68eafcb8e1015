using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Hydro.Torch;
using Hydro.Torch.Benchmarks;

// Hydro.Torch benchmark: the same work in C# and in PyTorch (bench_torch.py, run as a child process on the
// same libtorch, machine and thread count), printed as a table of medians and ratios C# / PyTorch.
//   dotnet run -c Release --project tests/Hydro.Torch.Benchmarks [-- --device cuda --threads 2 --python /usr/bin/python3]
var options = BenchOptions.Parse(args);
if (options.Threads > 0)
{
    torch.set_num_threads(options.Threads);
}

var device = Device.Parse(options.Device);
Console.WriteLine($"libtorch {torch.version}, {torch.get_num_threads()} threads, device {device}");

var python = RunPython(options);
var csharp = new Dictionary<string, double>
{
    ["op_chain"] = Bench.Median(options.Repeats, () => Bench.OpChain(options.Ops, device), warmup: () => Bench.OpChain(1000, device)),
};
using (var lstm = new Bench.LstmStep(device, options.Batch, options.Seq, options.Inputs, options.Hidden))
{
    csharp["lstm_step"] = Bench.Median(options.LstmSteps, lstm.Run, warmup: lstm.Run);
}

Console.WriteLine();
Console.WriteLine($"| case | Hydro.Torch (C#) ms | PyTorch {python.Version} (Python) ms | ratio C#/Python |");
Console.WriteLine("|---|---:|---:|---:|");
foreach (var (name, label) in new[] { ("op_chain", $"(a) {options.Ops} small ops + backward"), ("lstm_step", $"(b) LSTM step b{options.Batch} s{options.Seq} i{options.Inputs} h{options.Hidden}") })
{
    var c = csharp[name];
    var p = python.Times[name];
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {label} ({device}) | {c:F1} | {p:F1} | {c / p:F2} |"));
}

static (string Version, Dictionary<string, double> Times) RunPython(BenchOptions o)
{
    var script = Path.Combine(AppContext.BaseDirectory, "bench_torch.py");
    var psi = new ProcessStartInfo(o.Python)
    {
        RedirectStandardOutput = true,
        UseShellExecute = false,
    };
    foreach (var a in new[]
    {
        script, "--device", o.Device, "--threads", o.Threads.ToString(CultureInfo.InvariantCulture),
        "--ops", o.Ops.ToString(CultureInfo.InvariantCulture), "--repeats", o.Repeats.ToString(CultureInfo.InvariantCulture),
        "--lstm-steps", o.LstmSteps.ToString(CultureInfo.InvariantCulture), "--batch", o.Batch.ToString(CultureInfo.InvariantCulture),
        "--seq", o.Seq.ToString(CultureInfo.InvariantCulture), "--inputs", o.Inputs.ToString(CultureInfo.InvariantCulture),
        "--hidden", o.Hidden.ToString(CultureInfo.InvariantCulture),
    })
    {
        psi.ArgumentList.Add(a);
    }

    using var process = Process.Start(psi) ?? throw new InvalidOperationException($"cannot start {o.Python}");
    var output = process.StandardOutput.ReadToEnd();
    process.WaitForExit();
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"{o.Python} bench_torch.py failed with exit code {process.ExitCode}");
    }

    using var json = JsonDocument.Parse(output.Trim().Split('\n')[^1]);
    var times = new Dictionary<string, double>
    {
        ["op_chain"] = json.RootElement.GetProperty("op_chain").GetDouble(),
        ["lstm_step"] = json.RootElement.GetProperty("lstm_step").GetDouble(),
    };
    return (json.RootElement.GetProperty("torch").GetString() ?? "?", times);
}
