using System.Text;

namespace Hydro.Plugins.Data.Common;

/// <summary>
/// One attribute table (<c>;</c>- or <c>,</c>-separated, a header row, one row per basin, key column
/// <c>gauge_id</c>). A column is numeric when every value parses as a number or is empty/<c>NA</c>/<c>NaN</c>
/// (those become NaN); any other column is categorical and remembers one of its values for messages.
/// </summary>
internal sealed class AttributeTable
{
    private readonly Dictionary<string, int> rows;
    private readonly float[][] numeric;
    private readonly (string Value, int Line)?[] categorical;

    private AttributeTable(string file, string[] columns, Dictionary<string, int> rows, float[][] numeric, (string, int)?[] categorical, int lastLine)
    {
        File = file;
        Columns = columns;
        this.rows = rows;
        this.numeric = numeric;
        this.categorical = categorical;
        LastLine = lastLine;
    }

    /// <summary>The file read.</summary>
    public string File { get; }

    /// <summary>Column names, key column excluded.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Number of the file's last line (for messages about absent basins).</summary>
    public int LastLine { get; }

    /// <summary>The basin keys, in file order.</summary>
    public IEnumerable<string> Keys => rows.OrderBy(r => r.Value).Select(r => r.Key);

    /// <summary>True when the column holds only numbers and missing values.</summary>
    public bool IsNumeric(int column) => categorical[column] is null;

    /// <summary>A non-numeric value of a categorical column and its line.</summary>
    public (string Value, int Line) Example(int column) => categorical[column]!.Value;

    /// <summary>Row index of a basin, or −1.</summary>
    public int RowOf(string basin) => rows.TryGetValue(basin, out var r) ? r : -1;

    /// <summary>The value of a numeric column for a row.</summary>
    public float Value(int column, int row) => numeric[column][row];

    /// <summary>Reads a table.</summary>
    /// <exception cref="Hydro.Abstractions.Contracts.DataException">Missing key column, wrong column count, repeated basin.</exception>
    public static AttributeTable Read(string path, byte delimiter, string keyColumn = "gauge_id")
    {
        var data = DataFiles.Read(path);
        var reader = new LineReader(data);
        Span<Range> ranges = stackalloc Range[1024];
        if (!reader.TryRead(out var headerLine) || LineReader.IsBlank(headerLine))
        {
            throw DataErrors.At(path, 1, "missing header row");
        }

        var width = Fields.SplitDelimited(headerLine, delimiter, ranges);
        if (width > ranges.Length)
        {
            throw DataErrors.At(path, 1, $"{width} columns; at most {ranges.Length} are supported");
        }

        var names = new string[width];
        for (var i = 0; i < width; i++)
        {
            names[i] = Encoding.UTF8.GetString(headerLine[ranges[i]]);
        }

        var key = Array.IndexOf(names, keyColumn);
        if (key < 0)
        {
            throw DataErrors.At(path, 1, $"no '{keyColumn}' column in the header (separator '{(char)delimiter}')");
        }

        var columns = names.Where((_, i) => i != key).ToArray();
        var values = new List<float>[columns.Length];
        var categorical = new (string, int)?[columns.Length];
        for (var c = 0; c < columns.Length; c++)
        {
            values[c] = [];
        }

        var rows = new Dictionary<string, int>(StringComparer.Ordinal);
        var rowLines = new List<int>();
        while (reader.TryRead(out var line))
        {
            if (LineReader.IsBlank(line))
            {
                continue;
            }

            var n = Fields.SplitDelimited(line, delimiter, ranges);
            if (n != width)
            {
                throw DataErrors.At(path, reader.LineNumber, $"expected {width} columns as in the header, found {n}");
            }

            var id = Encoding.UTF8.GetString(line[ranges[key]]);
            if (!rows.TryAdd(id, rows.Count))
            {
                throw DataErrors.At(path, reader.LineNumber, $"basin '{id}' repeated (first on line {rowLines[rows[id]]})");
            }

            rowLines.Add(reader.LineNumber);
            for (int f = 0, c = 0; f < width; f++)
            {
                if (f == key)
                {
                    continue;
                }

                var field = line[ranges[f]];
                if (field.IsEmpty)
                {
                    values[c].Add(float.NaN);
                }
                else if (Numbers.TryParseFloat(field, out var v))
                {
                    values[c].Add(v);
                }
                else if (Numbers.IsNonFinite(field))
                {
                    // The one rule of Numbers: a non-finite value is an error, never a categorical value or missing.
                    throw DataErrors.At(path, reader.LineNumber, $"column '{columns[c]}' (basin {id}): {Numbers.Problem(field)}");
                }
                else
                {
                    values[c].Add(float.NaN);
                    categorical[c] ??= (Encoding.UTF8.GetString(field).Trim(), reader.LineNumber);
                }

                c++;
            }
        }

        return new AttributeTable(path, columns, rows, [.. values.Select(v => v.ToArray())], categorical, reader.LineNumber);
    }
}
