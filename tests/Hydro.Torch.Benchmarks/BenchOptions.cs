using System.Globalization;

namespace Hydro.Torch.Benchmarks;

/// <summary>Command-line options of the benchmark program (defaults: the sizes named in the engine's issue).</summary>
internal sealed record BenchOptions
{
    public string Device { get; init; } = "cpu";
    public int Threads { get; init; } = Environment.ProcessorCount;
    public string Python { get; init; } = "/usr/bin/python3";
    public int Ops { get; init; } = 20_000;
    public int Repeats { get; init; } = 5;
    public int LstmSteps { get; init; } = 5;
    public int Batch { get; init; } = 256;
    public int Seq { get; init; } = 270;
    public int Inputs { get; init; } = 32;
    public int Hidden { get; init; } = 256;

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
                "--ops" => o with { Ops = Int(value) },
                "--repeats" => o with { Repeats = Int(value) },
                "--lstm-steps" => o with { LstmSteps = Int(value) },
                "--batch" => o with { Batch = Int(value) },
                "--seq" => o with { Seq = Int(value) },
                "--inputs" => o with { Inputs = Int(value) },
                "--hidden" => o with { Hidden = Int(value) },
                _ => throw new ArgumentException($"unknown option {args[i]}; known: --device --threads --python --ops --repeats --lstm-steps --batch --seq --inputs --hidden"),
            };
            i++;
        }

        return o;
    }

    private static int Int(string s) => int.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture);
}
