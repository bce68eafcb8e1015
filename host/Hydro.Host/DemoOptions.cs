using System.Globalization;

namespace Hydro.Host;

/// <summary>Options of <c>hydro demo</c>.</summary>
internal sealed record DemoOptions
{
    /// <summary>Training epochs (1–1000).</summary>
    public int Epochs { get; init; } = 30;

    /// <summary>Seed of the data generator and the weights.</summary>
    public ulong Seed { get; init; } = 42;

    /// <summary>cpu, cuda or cuda:N.</summary>
    public string Device { get; init; } = "cpu";

    public static DemoOptions Parse(string[] args)
    {
        var o = new DemoOptions();
        for (var i = 0; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length)
            {
                throw new ArgumentException($"{args[i]} needs a value");
            }

            var v = args[i + 1];
            o = args[i] switch
            {
                "--epochs" => o with { Epochs = int.Parse(v, CultureInfo.InvariantCulture) is var e and >= 1 and <= 1000 ? e : throw new ArgumentException($"--epochs must be within 1..1000, got {v}") },
                "--seed" => o with { Seed = ulong.Parse(v, CultureInfo.InvariantCulture) },
                "--device" => o with { Device = v },
                _ => throw new ArgumentException($"unknown option {args[i]}; known: --epochs --seed --device"),
            };
        }

        return o;
    }
}
