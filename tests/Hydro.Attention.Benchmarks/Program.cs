using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Hydro.Attention.Benchmarks;
using Hydro.Torch;

// hydrotrace benchmark: one training step in C# and, in the same run, the same model in PyTorch (bench_hydrotrace.py as
// a child process on the same libtorch, machine and thread count); prints medians, their ratio and peak memory.
//   dotnet run -c Release --project tests/Hydro.Attention.Benchmarks [-- --threads 1 --repeats 5 --device cpu]
// Both sides spend most of a step in page faults when glibc hands the large freed tensors back to the kernel; run with
//   MALLOC_MMAP_THRESHOLD_=17179869184 MALLOC_TRIM_THRESHOLD_=17179869184 MALLOC_TOP_PAD_=1073741824
// in the environment (inherited by the Python child) to measure the model instead of the allocator.
var options = BenchOptions.Parse(args);
torch.set_num_threads(options.Threads);
var device = Device.Parse(options.Device);
Console.WriteLine($"libtorch {torch.version}, {torch.get_num_threads()} threads, device {device}");

var python = RunPython(options);
(double Wall, double Cpu) csharp;
using (var step = new TrainingStep(options, device))
{
    csharp = step.Median(options.Repeats);
}

var peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
var label = $"hydrotrace step b{options.Batch} t{options.Steps} c{options.Channels} {options.Grid}×{options.Grid} hc{options.Hidden} ({device})";
Console.WriteLine();
Console.WriteLine($"| {label} | C# | PyTorch {python.Version} | ratio C#/PyTorch |");
Console.WriteLine("|---|---:|---:|---:|");
Console.WriteLine(Row("wall ms per step (median)", csharp.Wall, python.Ms));
Console.WriteLine(Row("CPU ms per step (median)", csharp.Cpu, python.CpuMs));
Console.WriteLine(Row("peak memory MiB", peak, python.PeakMib));
Console.WriteLine($"Median of {options.Repeats} steps after one warm-up step each; CPU time is user + system of the process; peak memory per process (C#: VmHWM via Process.PeakWorkingSet64; Python: getrusage maxrss).");

static string Row(string what, double c, double p) => string.Create(CultureInfo.InvariantCulture, $"| {what} | {c:F0} | {p:F0} | {c / p:F2} |");

static (string Version, double Ms, double CpuMs, double PeakMib) RunPython(BenchOptions o)
{
    var psi = new ProcessStartInfo(o.Python) { RedirectStandardOutput = true, UseShellExecute = false };
    psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "bench_hydrotrace.py"));
    foreach (var a in o.PythonArguments())
    {
        psi.ArgumentList.Add(a);
    }

    using var process = Process.Start(psi) ?? throw new InvalidOperationException($"cannot start {o.Python}");
    var output = process.StandardOutput.ReadToEnd();
    process.WaitForExit();
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"{o.Python} bench_hydrotrace.py failed with exit code {process.ExitCode}");
    }

    using var json = JsonDocument.Parse(output.Trim().Split('\n')[^1]);
    var root = json.RootElement;
    return (root.GetProperty("torch").GetString() ?? "?", root.GetProperty("step_ms").GetDouble(), root.GetProperty("cpu_ms").GetDouble(), root.GetProperty("maxrss_kib").GetDouble() / 1024.0);
}
