using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Hydro.Core.Experiments.Model;

/// <summary>A plugin folder or assembly named by the experiment (<c>plugins:</c>).</summary>
public sealed class PluginReference
{
    /// <summary>Folder or assembly path, relative to the experiment file.</summary>
    [Required]
    [Description("Plugin folder or assembly, relative to the experiment file.")]
    public string Path { get; init; } = "";

    /// <summary>Expected SHA-256 of the assembly (64 hex digits); loading fails on a mismatch.</summary>
    [RegularExpression("^[0-9a-fA-F]{64}$")]
    [Description("Expected SHA-256 of the plugin assembly (64 hex digits); loading fails on a mismatch.")]
    public string? Sha256 { get; init; }
}
