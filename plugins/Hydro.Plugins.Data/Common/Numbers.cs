using System.Globalization;

namespace Hydro.Plugins.Data.Common;

/// <summary>
/// Parses numbers straight from UTF-8 bytes. Plain decimals (<c>-10.59</c>, <c>31185.97</c>, <c>0</c>) take an exact
/// fast path; anything else (exponents, long mantissas) goes through the runtime's parser, so results are always
/// the correctly rounded value.
/// </summary>
/// <remarks>
/// One rule for every dataset: a value must be a finite number that fits float32 (|x| ≤ 3.4028235e38), because
/// every tensor is float32. <c>inf</c>, <c>Infinity</c>, <c>-Infinity</c> and overflowing numbers such as
/// <c>1e39</c> are refused (the parse fails and <see cref="Problem"/> says why), never read as missing. Missing is
/// spelt <c>NA</c>/<c>NaN</c> (and, per dataset, an empty field or a declared marker such as <c>-999</c>).
/// </remarks>
internal static class Numbers
{
    private static readonly float[] FloatPowers = [1e0f, 1e1f, 1e2f, 1e3f, 1e4f, 1e5f, 1e6f, 1e7f, 1e8f, 1e9f, 1e10f];

    private static readonly double[] DoublePowers =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22,
    ];

    /// <summary>True for tokens that mean "no value": <c>NA</c>, <c>NaN</c>, <c>nan</c> (any case).</summary>
    public static bool IsMissingToken(ReadOnlySpan<byte> s) =>
        s.Length is 2 or 3 && (System.Text.Ascii.EqualsIgnoreCase(s, "NA"u8) || System.Text.Ascii.EqualsIgnoreCase(s, "NaN"u8));

    /// <summary>
    /// Parses a float32; <c>NA</c>/<c>NaN</c> give NaN. False when the text is not a number or is not finite in
    /// float32 (<c>inf</c>, <c>Infinity</c>, <c>1e39</c>).
    /// </summary>
    public static bool TryParseFloat(ReadOnlySpan<byte> s, out float value)
    {
        // Clinger's fast path: an integer mantissa below 2^24 divided by an exact power of ten (≤ 10^10) is a single
        // correctly rounded float operation.
        if (TrySplitDecimal(s, out var mantissa, out var scale, out var negative) && mantissa < (1L << 24) && scale <= 10)
        {
            var v = mantissa / FloatPowers[scale];
            value = negative ? -v : v;
            return true;
        }

        if (IsMissingToken(s))
        {
            value = float.NaN;
            return true;
        }

        return float.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && !s.IsEmpty && float.IsFinite(value);
    }

    /// <summary>
    /// Parses a float64; <c>NA</c>/<c>NaN</c> give NaN. False when the text is not a number, or is infinite or beyond
    /// the float32 range (the value ends in a float32 tensor).
    /// </summary>
    public static bool TryParseDouble(ReadOnlySpan<byte> s, out double value)
    {
        if (TrySplitDecimal(s, out var mantissa, out var scale, out var negative) && mantissa < (1L << 53) && scale <= 22)
        {
            var v = mantissa / DoublePowers[scale];
            value = negative ? -v : v;
            return true;
        }

        if (IsMissingToken(s))
        {
            value = double.NaN;
            return true;
        }

        return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && !s.IsEmpty && float.IsFinite((float)value);
    }

    /// <summary>
    /// Why a field that <see cref="TryParseFloat"/> refused is not a usable value, for messages:
    /// <c>'x' is not a number</c>, or that it is not finite in float32 and what to write instead.
    /// </summary>
    public static string Problem(ReadOnlySpan<byte> s) =>
        IsNonFinite(s)
            ? $"{DataErrors.Show(s)} is not finite in float32 (infinite, or beyond ±3.4e38); fix the value, or write NaN if it is missing"
            : $"{DataErrors.Show(s)} is not a number";

    /// <summary>
    /// True for a number that is not finite in float32: <c>inf</c>, <c>Infinity</c> (any sign or case)
    /// or a finite decimal beyond ±3.4028235e38 such as <c>1e39</c>.
    /// </summary>
    public static bool IsNonFinite(ReadOnlySpan<byte> s)
    {
        var unsigned = s.Length > 0 && (s[0] == (byte)'-' || s[0] == (byte)'+') ? s[1..] : s;
        if (System.Text.Ascii.EqualsIgnoreCase(unsigned, "inf"u8) || System.Text.Ascii.EqualsIgnoreCase(unsigned, "infinity"u8))
        {
            return true;
        }

        return !s.IsEmpty && float.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var f) && float.IsInfinity(f);
    }

    /// <summary>Parses a non-negative integer of at most 9 digits.</summary>
    public static bool TryParseInt(ReadOnlySpan<byte> s, out int value)
    {
        value = 0;
        if (s.IsEmpty || s.Length > 9)
        {
            return false;
        }

        foreach (var c in s)
        {
            var d = c - (byte)'0';
            if ((uint)d > 9)
            {
                return false;
            }

            value = (value * 10) + d;
        }

        return true;
    }

    /// <summary>Splits <c>[-+]digits[.digits]</c> into mantissa and decimal places; false for any other form.</summary>
    private static bool TrySplitDecimal(ReadOnlySpan<byte> s, out long mantissa, out int scale, out bool negative)
    {
        mantissa = 0;
        scale = 0;
        negative = false;
        var i = 0;
        if (s.Length > 0 && (s[0] == (byte)'-' || s[0] == (byte)'+'))
        {
            negative = s[0] == (byte)'-';
            i = 1;
        }

        var digits = 0;
        var dot = false;
        for (; i < s.Length; i++)
        {
            var c = s[i];
            if (c == (byte)'.' && !dot)
            {
                dot = true;
                continue;
            }

            var d = c - (byte)'0';
            if ((uint)d > 9 || digits >= 17)
            {
                return false;
            }

            mantissa = (mantissa * 10) + d;
            digits++;
            if (dot)
            {
                scale++;
            }
        }

        return digits > 0;
    }
}
