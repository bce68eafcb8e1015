namespace Hydro.Plugins.Data.Synthetic;

/// <summary>
/// SplitMix64 (Steele, Lea &amp; Flood 2014): a tiny generator whose output is fixed by its algorithm, unlike
/// <see cref="Random"/>, whose sequence .NET does not promise to keep. One stream per (seed, basin, purpose).
/// </summary>
internal sealed class SplitMix64(ulong state)
{
    /// <summary>A stream for one purpose of one basin: independent of every other (seed, basin, purpose).</summary>
    public static SplitMix64 For(int seed, int basin, Stream purpose) =>
        new(Mix(Mix(Mix(unchecked((ulong)seed)) ^ unchecked((ulong)basin)) ^ (ulong)purpose));

    /// <summary>Next 64 random bits.</summary>
    public ulong Next()
    {
        state = unchecked(state + 0x9E3779B97F4A7C15UL);
        return Mix(state);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double Uniform() => (Next() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [<paramref name="low"/>, <paramref name="high"/>).</summary>
    public double Uniform(double low, double high) => low + (high - low) * Uniform();

    /// <summary>Standard normal (Box–Muller, one of the pair).</summary>
    public double Normal() => Math.Sqrt(-2 * Math.Log(1 - Uniform())) * Math.Cos(2 * Math.PI * Uniform());

    /// <summary>Exponential with the given mean.</summary>
    public double Exponential(double mean) => -mean * Math.Log(1 - Uniform());

    private static ulong Mix(ulong z)
    {
        unchecked
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>What a stream is used for; changing one use never shifts another's numbers.</summary>
    internal enum Stream : ulong
    {
        /// <summary>Attributes, climate and model parameters.</summary>
        Profile = 1,

        /// <summary>Daily weather.</summary>
        Weather = 2,

        /// <summary>Observation noise.</summary>
        Noise = 3,

        /// <summary>Missing observation days.</summary>
        Gaps = 4,

        /// <summary><c>synthetic_grid</c>: the basin mask.</summary>
        GridMask = 5,

        /// <summary><c>synthetic_grid</c>: daily weather fields.</summary>
        GridWeather = 6,

        /// <summary><c>synthetic_grid</c>: the noise channels.</summary>
        GridNoise = 7,
    }
}
