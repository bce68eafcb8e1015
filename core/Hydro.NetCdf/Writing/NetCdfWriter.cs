using Hydro.NetCdf.Native;

namespace Hydro.NetCdf;

/// <summary>
/// Writes a NetCDF-4 file with CF-1.8 metadata. The file is built under a temporary name beside the target and
/// renamed onto it by <see cref="Commit"/>; disposing without committing deletes it, so the target is either the old
/// file or the complete new one, never half-written. Define dimensions, variables and attributes first, then write
/// values (<c>_FillValue</c> cannot be set after a variable has data).
/// </summary>
/// <example>
/// <code>
/// using var w = NetCdfWriter.Create("out.nc");
/// w.DefineTime("time", dates, CfTimeUnits.Create(CfTimeUnit.Days, dates[0]));
/// w.DefineGrid(x, y, crs: input.Variable("crs"));
/// w.WriteField(new CfField("attention", values, "1", "spatial attention weight"), "time", "y", "x");
/// w.Commit();
/// </code>
/// </example>
public sealed partial class NetCdfWriter : IDisposable
{
    // Attributes that CF requires in the variable's own type (CF-1.8 §2.5.1, §3.5).
    private static readonly HashSet<string> TypedAttributes =
        ["_FillValue", "missing_value", "valid_min", "valid_max", "valid_range", "flag_values", "flag_masks"];

    private readonly string temporary;
    private readonly int deflateLevel;
    private readonly Dictionary<string, (int Id, int Length, bool Unlimited)> dimensions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Id, NetCdfType Type, string[] Dimensions)> variables = new(StringComparer.Ordinal);
    private int ncid;
    private bool open;
    private bool committed;

    private NetCdfWriter(string path, string temporary, int ncid, int deflateLevel)
    {
        Path = path;
        this.temporary = temporary;
        this.ncid = ncid;
        this.deflateLevel = deflateLevel;
        open = true;
    }

    /// <summary>The target path (the file appears there at <see cref="Commit"/>).</summary>
    public string Path { get; }

    /// <summary>
    /// Starts a NetCDF-4 file for <paramref name="path"/> with <c>Conventions = "CF-1.8"</c>.
    /// </summary>
    /// <param name="path">The target file; replaced at <see cref="Commit"/> if it exists.</param>
    /// <param name="deflateLevel">zlib level 0..9 (with byte shuffle) for numeric variables with dimensions; 0 = none.</param>
    public static NetCdfWriter Create(string path, int deflateLevel = 4)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentOutOfRangeException.ThrowIfNegative(deflateLevel);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(deflateLevel, 9);
        var full = System.IO.Path.GetFullPath(path);
        var directory = System.IO.Path.GetDirectoryName(full)!;
        if (!Directory.Exists(directory))
        {
            throw new NetCdfException(path, null, $"cannot write: the directory {directory} does not exist.");
        }

        var temporary = System.IO.Path.Combine(directory, $".{System.IO.Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        NetCdfException.Check(Nc.Create(temporary, out var id), path, null, "creating the file");
        var writer = new NetCdfWriter(path, temporary, id, deflateLevel);
        writer.SetGlobalAttribute("Conventions", "CF-1.8");
        return writer;
    }

    /// <summary>Defines a fixed-length dimension.</summary>
    public void DefineDimension(string name, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        DefineDimension(name, length, unlimited: false);
    }

    /// <summary>Defines an unlimited (record) dimension; its length grows with the values written along it.</summary>
    public void DefineUnlimitedDimension(string name) => DefineDimension(name, 0, unlimited: true);

    /// <summary>Defines a variable over existing dimensions (outermost first); numeric variables are compressed.</summary>
    public void DefineVariable(string name, NetCdfType type, params string[] dimensions)
    {
        ThrowIfClosed();
        if (variables.ContainsKey(name))
        {
            throw new ArgumentException($"variable '{name}' is already defined in {Path}.", nameof(name));
        }

        var ids = dimensions.Select(d => this.dimensions.TryGetValue(d, out var x) ? x.Id
            : throw new ArgumentException($"variable '{name}': dimension '{d}' is not defined (define it first).", nameof(dimensions))).ToArray();
        Check(Nc.DefVar(ncid, name, (int)type, ids, out var varid), name, $"defining {name}({string.Join(", ", dimensions)})");
        if (deflateLevel > 0 && dimensions.Length > 0 && type is not (NetCdfType.String or NetCdfType.Char))
        {
            Check(Nc.DefDeflate(ncid, varid, deflateLevel), name, "setting zlib compression");
        }

        variables[name] = (varid, type, dimensions);
    }

    /// <summary>Sets a text attribute of a variable.</summary>
    public void SetAttribute(string variable, string name, string value) =>
        Check(Nc.PutAttText(ncid, VariableId(variable), name, value), variable, $"writing attribute '{name}'");

    /// <summary>
    /// Sets a numeric attribute of a variable: in the variable's type for <c>_FillValue</c>, <c>missing_value</c>,
    /// <c>valid_*</c> and <c>flag_*</c> (as CF requires), else as double.
    /// </summary>
    public void SetAttribute(string variable, string name, params double[] values)
    {
        var type = TypedAttributes.Contains(name) ? variables[CheckedVariable(variable)].Type : NetCdfType.Double;
        SetTypedAttribute(variable, name, type, values);
    }

    /// <summary>Sets a numeric attribute of a variable stored in <paramref name="type"/> (e.g. a float scale_factor).</summary>
    public void SetTypedAttribute(string variable, string name, NetCdfType type, params double[] values) =>
        Check(Nc.PutAttDoubles(ncid, VariableId(variable), name, (int)type, values), variable, $"writing attribute '{name}'");

    /// <summary>Sets a global text attribute (title, history, source…).</summary>
    public void SetGlobalAttribute(string name, string value)
    {
        ThrowIfClosed();
        Check(Nc.PutAttText(ncid, Nc.Global, name, value), null, $"writing global attribute '{name}'");
    }

    /// <summary>Copies every attribute of a variable read from another file (e.g. the grid mapping <c>crs</c>).</summary>
    public void CopyAttributes(NetCdfVariable source, string target)
    {
        ArgumentNullException.ThrowIfNull(source);
        foreach (var a in source.Attributes.Values)
        {
            if (a.IsText)
            {
                SetAttribute(target, a.Name, a.Text!);
            }
            else
            {
                // _FillValue and friends must match the target variable's type; others keep their stored type.
                var type = TypedAttributes.Contains(a.Name) ? variables[CheckedVariable(target)].Type : a.Type;
                SetTypedAttribute(target, a.Name, type, [.. a.Numbers]);
            }
        }
    }

    /// <summary>
    /// Finishes the file and renames it onto <see cref="Path"/> (replacing an existing file).
    /// </summary>
    public void Commit()
    {
        ThrowIfClosed();
        open = false;
        Check(Nc.Close(ncid), null, "closing (flushing) the file");
        File.Move(temporary, Path, overwrite: true);
        committed = true;
    }

    /// <summary>Closes the file; if <see cref="Commit"/> was not called, deletes the temporary file.</summary>
    public void Dispose()
    {
        if (open)
        {
            open = false;
            Nc.Close(ncid);
            ncid = -1;
        }

        if (!committed && File.Exists(temporary))
        {
            File.Delete(temporary);
        }
    }

    /// <summary>The target path.</summary>
    public override string ToString() => Path;

    private void DefineDimension(string name, int length, bool unlimited)
    {
        ThrowIfClosed();
        if (dimensions.ContainsKey(name))
        {
            throw new ArgumentException($"dimension '{name}' is already defined in {Path}.", nameof(name));
        }

        Check(Nc.DefDim(ncid, name, unlimited ? Nc.Unlimited : length, out var id), null, $"defining dimension '{name}'");
        dimensions[name] = (id, length, unlimited);
    }

    private string CheckedVariable(string variable)
    {
        ThrowIfClosed();
        return variables.ContainsKey(variable) ? variable
            : throw new ArgumentException($"variable '{variable}' is not defined in {Path} (define it first).", nameof(variable));
    }

    private int VariableId(string variable) => variables[CheckedVariable(variable)].Id;

    private void Check(int status, string? variable, string action) =>
        NetCdfException.Check(status, Path, variable, action);

    private void ThrowIfClosed()
    {
        if (!open)
        {
            throw new InvalidOperationException($"the writer for {Path} is already committed or disposed.");
        }
    }
}
