using System.Globalization;

namespace Hydro.Torch;

/// <summary>The kind of device; values are libtorch's <c>c10::DeviceType</c> codes.</summary>
public enum DeviceType
{
    CPU = 0,
    CUDA = 1,
}

/// <summary>A device such as <c>cpu</c> or <c>cuda:0</c>.</summary>
public sealed record Device(DeviceType type, int index = -1)
{
    /// <summary>The host.</summary>
    public static readonly Device CPU = new(DeviceType.CPU);

    /// <summary>The current CUDA device.</summary>
    public static readonly Device CUDA = new(DeviceType.CUDA);

    /// <summary>Parses <c>cpu</c>, <c>cuda</c> or <c>cuda:N</c>.</summary>
    /// <exception cref="ArgumentException">Any other text.</exception>
    public static Device Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Trim().ToLowerInvariant().Split(':');
        var type = parts[0] switch
        {
            "cpu" => DeviceType.CPU,
            "cuda" => DeviceType.CUDA,
            _ => throw new ArgumentException($"unknown device '{text}': expected cpu, cuda or cuda:N", nameof(text)),
        };
        if (parts.Length == 1)
        {
            return new Device(type);
        }

        if (parts.Length == 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            return new Device(type, index);
        }

        throw new ArgumentException($"unknown device '{text}': expected cpu, cuda or cuda:N", nameof(text));
    }

    /// <inheritdoc/>
    public override string ToString() =>
        (type == DeviceType.CPU ? "cpu" : "cuda") + (index >= 0 ? ":" + index.ToString(CultureInfo.InvariantCulture) : string.Empty);
}
