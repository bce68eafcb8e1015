using System.Text;

namespace Hydro.Plugins.Data.Common;

/// <summary>
/// One attribute table (<c>;</c>- or <c>,</c>-separated, a header row, one row per basin, key column
/// <c>gauge_id</c>). A column is numeric when every value parses as a number or is empty/<c>NA</c>/<c>NaN</c>
/// (those become NaN); any other column is categorical and remembers one of its values for messages.
/// </summary>
/// <remarks>
/// The rule for a column that mixes numbers and text: when more of its non-missing cells are numbers than text it is a
/// numeric column with bad cells (<see cref="HasBadCells"/>): still listed as a numeric attribute, and refused, naming
/// its first bad cell, when an experiment asks for it. Otherwise it is a text column (e.g. CAMELS
/// <c>high_prec_timing</c>, <c>dom_land_cover</c>), never refused unless an experiment asks for it as a static input.
/// </remarks>
internal sealed class AttributeTable
{
    private readonly Dictionary<string, int> rows;
    private readonly float[][] numeric;
    private readonly (string Value, int Line, string Basin)?[] categorical;
    private readonly int[] numbers;
    private readonly int[] texts;

    private AttributeTable(string file, string[] columns, Dictionary<string, int> rows, float[][] numeric, (string, int, string)?[] categorical, int[] numbers, int[] texts, int lastLine)
    {
        this.numbers = numbers;
        this.texts = texts;
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

    /// <summary>
    /// True when the column holds some text cells but more numbers than text: a numeric column with bad cells
    /// (a typo such as <c>abc</c> for a value), listed as numeric but refused when requested.
    /// </summary>
    public bool HasBadCells(int column) => categorical[column] is not null && numbers[column] > texts[column];

    /// <summary>Number of cells of the column that are numbers and that are text (missing cells in neither).</summary>
    public (int Numbers, int Texts) Counts(int column) => (numbers[column], texts[column]);

    /// <summary>The first non-numeric value of a column, its line and its basin.</summary>
    public (string Value, int Line, string Basin) Example(int column) => categorical[column]!.Value;

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
        var categorical = new (string, int, string)?[columns.Length];
        var numbers = new int[columns.Length];
        var texts = new int[columns.Length];
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
                    numbers[c] += float.IsNaN(v) ? 0 : 1;
                }
                else if (Numbers.IsNonFinite(field))
                {
                    // The one rule of Numbers: a non-finite value is an error, never a categorical value or missing.
                    throw DataErrors.At(path, reader.LineNumber, $"column '{columns[c]}' (basin {id}): {Numbers.Problem(field)}");
                }
                else
                {
                    values[c].Add(float.NaN);
                    texts[c]++;
                    categorical[c] ??= (Encoding.UTF8.GetString(field).Trim(), reader.LineNumber, id);
                }

                c++;
            }
        }

        return new AttributeTable(path, columns, rows, [.. values.Select(v => v.ToArray())], categorical, numbers, texts, reader.LineNumber);
    }
}
