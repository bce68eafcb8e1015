using System.Globalization;

namespace Hydro.Hbv.Benchmarks;

/// <summary>Command-line options of the benchmark (defaults: the sizes named in the issue).</summary>
internal sealed record BenchOptions
{
    public string Device { get; init; } = "cpu";
    public int Threads { get; init; } = Environment.ProcessorCount;
    public string Python { get; init; } = "/usr/bin/python3";
    public int Repeats { get; init; } = 5;
    public int Basins { get; init; } = 100;
    public int Days { get; init; } = 730;
    public int Nmul { get; init; } = 16;
    public int Warmup { get; init; } = 365;

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
                "--basins" => o with { Basins = Int(value) },
                "--days" => o with { Days = Int(value) },
                "--nmul" => o with { Nmul = Int(value) },
                "--warmup" => o with { Warmup = Int(value) },
                _ => throw new ArgumentException($"unknown option {args[i]}; known: --device --threads --python --repeats --basins --days --nmul --warmup"),
            };
            i++;
        }

        return o;
    }

    private static int Int(string s) => int.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture);
}
