using System.Globalization;
using Hydro.Plugins.Data.Common;
using Hydro.Plugins.Data.Tests.Support;

namespace Hydro.Plugins.Data.Tests.Common;

/// <summary>Issue 19, groups 4 and 6: a damaged cache entry must neither change the data nor fail with a raw message.</summary>
public sealed class TableCacheDamageTests : IDisposable
{
    private readonly TempDirectory dir = new();
    private readonly List<string> warnings = [];
    private int parses;

    public void Dispose() => dir.Dispose();

    [Fact]
    public void A_flipped_byte_in_the_values_is_detected_reparsed_and_rewritten()
    {
        var (source, entry, good) = Prime();
        var damaged = good.ToArray();
        damaged[damaged.Length - 32 - 5] ^= 0x40; // inside the last column's floats, before the checksum
        File.WriteAllBytes(entry, damaged);

        var table = Cache().Get(source, "test1", Parse);

        AssertTheParsedValues(table);
        Assert.Equal(2, parses);
        Assert.Equal(good, File.ReadAllBytes(entry));
        var warning = Assert.Single(warnings);
        Assert.Contains(entry, warning, StringComparison.Ordinal);
        Assert.Contains("checksum mismatch", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_entry_is_reparsed_and_rewritten()
    {
        var (source, entry, good) = Prime();
        File.WriteAllBytes(entry, good[..(good.Length / 2)]);

        var table = Cache().Get(source, "test1", Parse);

        AssertTheParsedValues(table);
        Assert.Equal(good, File.ReadAllBytes(entry));
        Assert.Contains(entry, Assert.Single(warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void A_damaged_length_field_is_reparsed_without_a_raw_error()
    {
        var (source, entry, good) = Prime();
        var damaged = good.ToArray();
        damaged[16 + 4 + 3] = 0x7f; // the payload's row count: 2^31-ish rows, "Array dimensions exceeded supported range" before
        File.WriteAllBytes(entry, damaged);

        var table = Cache().Get(source, "test1", Parse);

        AssertTheParsedValues(table);
        Assert.Equal(good, File.ReadAllBytes(entry));
        Assert.Contains("checksum mismatch", Assert.Single(warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void An_intact_entry_is_read_back_without_parsing_or_warning()
    {
        var (source, _, _) = Prime();

        var table = Cache().Get(source, "test1", Parse);

        AssertTheParsedValues(table);
        Assert.Equal(1, parses);
        Assert.Empty(warnings);
    }

    private (string Source, string Entry, byte[] Good) Prime()
    {
        var source = Path.Combine(dir.Path, "table.txt");
        File.WriteAllLines(source, Enumerable.Range(0, 50).Select(i => string.Create(CultureInfo.InvariantCulture, $"{i * 0.5f} {i * i}")));
        Cache().Get(source, "test1", Parse);
        var entry = Directory.GetFiles(Path.Combine(dir.Path, "cache"), "*.bin").Single();
        Assert.Equal(1, parses);
        return (source, entry, File.ReadAllBytes(entry));
    }

    private TableCache Cache() => new(Path.Combine(dir.Path, "cache"), warnings.Add);

    private DailyTable Parse(byte[] bytes)
    {
        parses++;
        var rows = System.Text.Encoding.UTF8.GetString(bytes).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(' ').Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();
        return new DailyTable("table.txt", ["a", "b"], 7000, rows.Length, [[.. rows.Select(r => r[0])], [.. rows.Select(r => r[1])]], [1.5, 2.5]);
    }

    private static void AssertTheParsedValues(DailyTable table)
    {
        Assert.Equal(["a", "b"], table.Columns);
        Assert.Equal(7000, table.FirstDay);
        Assert.Equal(50, table.Length);
        Assert.Equal(Enumerable.Range(0, 50).Select(i => i * 0.5f), table.Column(0));
        Assert.Equal(Enumerable.Range(0, 50).Select(i => (float)(i * i)), table.Column(1));
    }
}
