using System.Globalization;

namespace Hydro.Attention.Benchmarks;

/// <summary>Command-line options of the benchmark (defaults: the sizes of the hydrotrace issue, one thread as Hydro's default).</summary>
internal sealed record BenchOptions
{
    public string Device { get; init; } = "cpu";
    public int Threads { get; init; } = 1;
    public string Python { get; init; } = "/usr/bin/python3";
    public int Repeats { get; init; } = 5;
    public int Batch { get; init; } = 16;
    public int Steps { get; init; } = 7;
    public int Channels { get; init; } = 8;
    public int Grid { get; init; } = 64;
    public int Hidden { get; init; } = 4;

    public static BenchOptions Parse(string[] args)
    {
        var o = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            o = args[i] switch
            {
                "--device" => o with { Device = value },
                "--threads" => o with { Threads = Int(value) },
                "--python" => o with { Python = value },
                "--repeats" => o with { Repeats = Int(value) },
                "--batch" => o with { Batch = Int(value) },
                "--steps" => o with { Steps = Int(value) },
                "--channels" => o with { Channels = Int(value) },
                "--grid" => o with { Grid = Int(value) },
                "--hidden" => o with { Hidden = Int(value) },
                _ => throw new ArgumentException($"unknown option {args[i]}; known: --device --threads --python --repeats --batch --steps --channels --grid --hidden"),
            };
            i++;
        }

        return o;
    }

    /// <summary>The same options as arguments of bench_hydrotrace.py.</summary>
    public IEnumerable<string> PythonArguments() =>
    [
        "--device", Device, "--threads", S(Threads), "--repeats", S(Repeats), "--batch", S(Batch), "--steps", S(Steps),
        "--channels", S(Channels), "--grid", S(Grid), "--hidden", S(Hidden),
    ];

    private static string S(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static int Int(string s) => int.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture);
}
