using Hydro.Torch;

namespace Hydro.Abstractions.Contracts;

/// <summary>Shape checks with messages that say which tensor, what was expected and what came.</summary>
public static class Shapes
{
    /// <summary>Throws <see cref="ArgumentException"/> unless <paramref name="tensor"/> has exactly <paramref name="expected"/> (−1 = any).</summary>
    public static void Require(Tensor tensor, string what, params long[] expected)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        ArgumentNullException.ThrowIfNull(expected);
        var actual = tensor.shape;
        var ok = actual.Length == expected.Length;
        for (var i = 0; ok && i < actual.Length; i++)
        {
            ok = expected[i] < 0 || expected[i] == actual[i];
        }

        if (!ok)
        {
            var want = string.Join(", ", expected.Select(e => e < 0 ? "*" : e.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            throw new ArgumentException($"{what} has shape [{string.Join(", ", actual)}], expected [{want}]");
        }
    }
}
