using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Hydro.Plugins.Data.Caravan;

/// <summary>Options of the <c>caravan</c> dataset.</summary>
public sealed class CaravanOptions
{
    /// <summary>The Caravan root: holds <c>timeseries/csv/&lt;subset&gt;/</c> and <c>attributes/&lt;subset&gt;/</c>.</summary>
    [Required]
    [Description("Caravan root directory (timeseries/csv/<subset>/, attributes/<subset>/).")]
    public string DataDir { get; init; } = string.Empty;

    /// <summary>The Caravan subset (source data set), e.g. <c>camels</c>, <c>camelsgb</c>, <c>hysets</c>.</summary>
    [Description("Caravan subset folder name, e.g. camels.")]
    [RegularExpression("^[A-Za-z0-9_-]+$")]
    public string Subset { get; init; } = "camels";

    /// <summary>Basin ids as in Caravan (<c>camels_01022500</c>); all basins with a time series file when neither this nor <see cref="BasinFile"/> is set.</summary>
    [Description("Basin ids (e.g. camels_01022500); default: every basin with a time series file.")]
    [MinLength(1)]
    public IReadOnlyList<string>? Basins { get; init; }

    /// <summary>A text file with one basin id per line (blank lines and # comments ignored).</summary>
    [Description("File with one basin id per line.")]
    public string? BasinFile { get; init; }

    /// <summary>Directory for binary copies of parsed files, keyed by file hash; none when absent.</summary>
    [Description("Directory for binary copies of parsed files (keyed by SHA-256 of the file); no cache when absent.")]
    public string? CacheDir { get; init; }
}
