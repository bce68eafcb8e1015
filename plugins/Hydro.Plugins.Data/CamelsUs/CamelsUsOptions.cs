using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Hydro.Plugins.Data.CamelsUs;

/// <summary>Options of the <c>camels_us</c> dataset.</summary>
public sealed class CamelsUsOptions
{
    /// <summary>
    /// The CAMELS-US root: holds <c>basin_mean_forcing/</c>, <c>usgs_streamflow/</c>, <c>camels_attributes_v2.0/</c>
    /// and optionally <c>model_output_daymet/</c>, as in the distribution.
    /// </summary>
    [Required]
    [Description("CAMELS-US root directory (basin_mean_forcing/, usgs_streamflow/, camels_attributes_v2.0/, model_output_daymet/).")]
    public string DataDir { get; init; } = string.Empty;

    /// <summary>Which meteorological forcing product the forcing variables come from.</summary>
    [Description("Forcing product: daymet, maurer, maurer_extended or nldas.")]
    public CamelsForcing Forcing { get; init; } = CamelsForcing.Daymet;

    /// <summary>USGS gauge ids (8 digits) to use; all basins with a forcing file when neither this nor <see cref="BasinFile"/> is set.</summary>
    [Description("Gauge ids to use (default: every basin with a forcing file).")]
    [MinLength(1)]
    public IReadOnlyList<string>? Basins { get; init; }

    /// <summary>A text file with one gauge id per line (blank lines and # comments ignored).</summary>
    [Description("File with one gauge id per line.")]
    public string? BasinFile { get; init; }

    /// <summary>Which calibration seed's SAC-SMA output (<c>&lt;id&gt;_&lt;seed&gt;_model_output.txt</c>) the <c>sacsma_*</c> variables read.</summary>
    [Range(0, 99)]
    [Description("Seed of the SAC-SMA model output files used for the sacsma_* variables (00-99).")]
    public int SacsmaSeed { get; init; } = 5;

    /// <summary>Directory for binary copies of parsed files, keyed by file hash; none when absent.</summary>
    [Description("Directory for binary copies of parsed files (keyed by SHA-256 of the file); no cache when absent.")]
    public string? CacheDir { get; init; }
}

/// <summary>The CAMELS-US basin-mean forcing products.</summary>
public enum CamelsForcing
{
    /// <summary>Daymet (<c>basin_mean_forcing/daymet</c>).</summary>
    Daymet,

    /// <summary>Maurer et al. 2002 (<c>basin_mean_forcing/maurer</c>); tmax = tmin = daily mean.</summary>
    Maurer,

    /// <summary>Maurer extended to 2014 (<c>basin_mean_forcing/maurer_extended</c>).</summary>
    MaurerExtended,

    /// <summary>NLDAS-2 (<c>basin_mean_forcing/nldas</c>); tmax = tmin = daily mean.</summary>
    Nldas,
}
