using Hydro.Abstractions.Contracts;

namespace Hydro.Plugins.Data.Common;

/// <summary>The attribute tables of a dataset, looked up by column name.</summary>
internal sealed class AttributeSet
{
    private readonly Dictionary<string, List<(AttributeTable Table, int Column)>> byName = new(StringComparer.Ordinal);

    /// <summary>Indexes the tables' columns.</summary>
    public AttributeSet(IReadOnlyList<AttributeTable> tables)
    {
        Tables = tables;
        foreach (var table in tables)
        {
            for (var c = 0; c < table.Columns.Count; c++)
            {
                if (!byName.TryGetValue(table.Columns[c], out var list))
                {
                    byName[table.Columns[c]] = list = [];
                }

                list.Add((table, c));
            }
        }
    }

    /// <summary>The tables.</summary>
    public IReadOnlyList<AttributeTable> Tables { get; }

    /// <summary>
    /// Numeric column names found in exactly one table, in table order; a numeric column with a few bad cells is
    /// listed too (so that asking for it names the bad cell instead of "not a variable").
    /// </summary>
    public IEnumerable<string> NumericColumns =>
        Tables.SelectMany(t => t.Columns.Where((_, c) => t.IsNumeric(c) || t.HasBadCells(c))).Where(n => byName[n].Count == 1);

    /// <summary>True when the name is an attribute column (numeric or not).</summary>
    public bool Contains(string name) => byName.ContainsKey(name);

    /// <summary>The values of the named numeric attributes for a basin (NaN where the table has NA).</summary>
    /// <exception cref="DataException">Unknown, ambiguous or categorical name, or basin absent from a table.</exception>
    public float[] Values(string basin, IReadOnlyList<string> names)
    {
        var result = new float[names.Count];
        for (var i = 0; i < names.Count; i++)
        {
            var (table, column) = Resolve(names[i]);
            var row = table.RowOf(basin);
            if (row < 0)
            {
                throw DataErrors.In(table.File, $"basin '{basin}' has no row (lines 2–{table.LastLine} searched), so static attribute '{names[i]}' cannot be loaded");
            }

            result[i] = table.Value(column, row);
        }

        return result;
    }

    /// <summary>Checks that every name is a usable numeric attribute.</summary>
    /// <exception cref="DataException">Unknown, ambiguous or categorical name.</exception>
    public void Validate(IReadOnlyList<string> names)
    {
        foreach (var name in names)
        {
            _ = Resolve(name);
        }
    }

    /// <summary>
    /// Checks the requested names that are columns of the tables (unknown names are left to the caller's own message):
    /// each must be unambiguous and numeric in every row.
    /// </summary>
    /// <exception cref="DataException">A requested column that is ambiguous, a text column, or has a non-numeric cell.</exception>
    public void CheckRequested(IReadOnlyList<string> names)
    {
        foreach (var name in names.Where(Contains))
        {
            _ = Resolve(name);
        }
    }

    private (AttributeTable Table, int Column) Resolve(string name)
    {
        if (!byName.TryGetValue(name, out var list))
        {
            var known = NumericColumns.ToList();
            var near = known.Where(k => k.Contains(name, StringComparison.OrdinalIgnoreCase) || name.Contains(k, StringComparison.OrdinalIgnoreCase)).Take(5).ToList();
            throw new DataException($"unknown static attribute '{name}'" + (near.Count > 0 ? $"; did you mean {string.Join(", ", near.Select(n => $"'{n}'"))}?" : string.Empty)
                + $" The attribute tables ({string.Join(", ", Tables.Select(t => Path.GetFileName(t.File)))}) have {known.Count} numeric columns.");
        }

        if (list.Count > 1)
        {
            throw new DataException($"static attribute '{name}' is ambiguous: it is a column of {string.Join(" and ", list.Select(l => l.Table.File))}");
        }

        var (table, column) = list[0];
        if (table.HasBadCells(column))
        {
            var (value, line, basin) = table.Example(column);
            var (numbers, texts) = table.Counts(column);
            throw DataErrors.At(table.File, line, $"column '{name}' (basin {basin}): '{value}' is not a number, but static attribute '{name}' is numeric "
                + $"({numbers} number(s), {texts} non-numeric cell(s)); correct the value, or leave the cell empty or NA for a missing value");
        }

        if (!table.IsNumeric(column))
        {
            var (value, line, basin) = table.Example(column);
            var numeric = table.Columns.Where((_, c) => table.IsNumeric(c));
            throw DataErrors.At(table.File, line, $"static attribute '{name}' is categorical (column '{name}', basin {basin}: value '{value}'), not numeric, and categorical attributes are not encoded; numeric columns of this table: {string.Join(", ", numeric)}");
        }

        return list[0];
    }
}
