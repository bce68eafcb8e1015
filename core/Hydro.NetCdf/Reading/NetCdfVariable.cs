namespace Hydro.NetCdf;

/// <summary>A variable of a NetCDF file: its type, dimensions (outermost first) and attributes.</summary>
public sealed class NetCdfVariable
{
    internal NetCdfVariable(int id, string name, NetCdfType type, IReadOnlyList<string> dimensions,
        IReadOnlyList<int> shape, IReadOnlyDictionary<string, NetCdfAttribute> attributes)
    {
        Id = id;
        Name = name;
        Type = type;
        Dimensions = dimensions;
        Shape = shape;
        Attributes = attributes;
    }

    internal int Id { get; }

    /// <summary>The variable name.</summary>
    public string Name { get; }

    /// <summary>The stored type (packed variables are Short/Byte with <c>scale_factor</c>/<c>add_offset</c>).</summary>
    public NetCdfType Type { get; }

    /// <summary>Dimension names, outermost first, e.g. <c>[time, y, x]</c>.</summary>
    public IReadOnlyList<string> Dimensions { get; }

    /// <summary>The current length of each dimension, in the order of <see cref="Dimensions"/>.</summary>
    public IReadOnlyList<int> Shape { get; }

    /// <summary>The attributes by name.</summary>
    public IReadOnlyDictionary<string, NetCdfAttribute> Attributes { get; }

    /// <summary>The number of elements (1 for a scalar).</summary>
    public long Size => Shape.Aggregate(1L, (a, b) => a * b);

    /// <summary>A text attribute, or null when absent or numeric.</summary>
    public string? Text(string attribute) => Attributes.GetValueOrDefault(attribute)?.Text;

    /// <summary>A numeric attribute's values, or null when absent or text.</summary>
    public IReadOnlyList<double>? Numbers(string attribute) =>
        Attributes.GetValueOrDefault(attribute) is { IsText: false } a ? a.Numbers : null;

    /// <summary><c>name(dim1, dim2)</c>.</summary>
    public override string ToString() => $"{Name}({string.Join(", ", Dimensions)})";
}
