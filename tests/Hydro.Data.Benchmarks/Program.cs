using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Hydro.Data.Benchmarks;

// Loads and normalises every development basin of ../shared/data/camels_us (Daymet + streamflow + 3 statics) and
// caravan (160 basins) with Hydro's datasets, and the same with pandas (bench_pandas.py, a child process on the same
// files, in the same run). Prints medians, the speed-up and each process's peak memory.
//   dotnet run -c Release --project tests/Hydro.Data.Benchmarks [-- --data DIR --repeats 3 --python /usr/bin/python3]
var options = BenchOptions.Parse(args);
Console.WriteLine($"data: {options.Data}; {options.Repeats} repeats (median); one thread each side");

var camelsBasins = DataBench.CamelsBasins(options.Data);
var basinFile = Path.Combine(Path.GetTempPath(), $"hydro-bench-basins-{Environment.ProcessId}.txt");
File.WriteAllLines(basinFile, camelsBasins);
try
{
    var python = RunPython(options, basinFile);
    var hydro = new Dictionary<string, double>
    {
        ["camels_us"] = DataBench.Median(options.Repeats, () => DataBench.Camels(options.Data, camelsBasins)),
        ["caravan"] = DataBench.Median(options.Repeats, () => DataBench.Caravan(options.Data)),
    };
    var peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
    var pandasPeak = python.MaxRssKib / 1024.0;

    Console.WriteLine();
    Console.WriteLine($"| case | Hydro ms | pandas {python.Version} ms | speed-up | Hydro peak memory MiB | pandas peak memory MiB |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|");
    foreach (var (name, label) in new[] { ("camels_us", $"camels_us: {camelsBasins.Count} basins, 5 Daymet forcings + streamflow + 3 statics, 1980-2014"), ("caravan", "caravan: 160 basins, 3 forcings + streamflow + 3 statics, 1981-2014") })
    {
        var h = hydro[name];
        var p = python.Times[name];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {label} | {h:F0} | {p:F0} | {p / h:F1}x | {peak:F0} | {pandasPeak:F0} |"));
    }

    Console.WriteLine();
    Console.WriteLine("Peak memory is per process over both cases (Process.PeakWorkingSet64 = VmHWM; Python resource.getrusage maxrss).");
}
finally
{
    File.Delete(basinFile);
}

static (string Version, Dictionary<string, double> Times, double MaxRssKib) RunPython(BenchOptions o, string basinFile)
{
    var psi = new ProcessStartInfo(o.Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
    foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "bench_pandas.py"), "--data", o.Data, "--camels-basins", basinFile, "--repeats", o.Repeats.ToString(CultureInfo.InvariantCulture) })
    {
        psi.ArgumentList.Add(a);
    }

    using var process = Process.Start(psi) ?? throw new InvalidOperationException($"cannot start {o.Python}");
    var stderr = process.StandardError.ReadToEndAsync();
    var output = process.StandardOutput.ReadToEnd();
    process.WaitForExit();
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"{o.Python} bench_pandas.py failed ({process.ExitCode}): {stderr.Result}\n(pandas comes from Debian: apt-get install python3-pandas)");
    }

    using var json = JsonDocument.Parse(output.Trim().Split('\n')[^1]);
    var root = json.RootElement;
    var times = root.GetProperty("times").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble());
    return (root.GetProperty("version").GetString()!, times, root.GetProperty("maxrss_kib").GetDouble());
}
