using Hydro.Abstractions.Contracts;

namespace Hydro.Plugins.Data.CamelsUs;

/// <summary>
/// Finds a CAMELS-US distribution's files by gauge id, whatever the <c>&lt;HUC2&gt;</c> sub-folders:
/// <c>basin_mean_forcing/&lt;product&gt;/**/&lt;id&gt;_lump_*_forcing_leap.txt</c>,
/// <c>usgs_streamflow/**/&lt;id&gt;_streamflow_qc.txt</c>,
/// <c>model_output_&lt;product&gt;/**/&lt;id&gt;_&lt;seed&gt;_model_output.txt</c> and
/// <c>camels_attributes_v2.0/camels_{clim,geol,hydro,name,soil,topo,vege}.txt</c>.
/// </summary>
internal sealed class CamelsLayout
{
    /// <summary>The seven attribute tables of CAMELS v2.0.</summary>
    public static readonly string[] AttributeTables = ["clim", "geol", "hydro", "name", "soil", "topo", "vege"];

    private readonly Lazy<Dictionary<string, string>> streamflow;
    private readonly Lazy<Dictionary<string, string>> modelOutput;

    /// <summary>Indexes the forcing files of <paramref name="forcing"/> (the others on first use).</summary>
    /// <exception cref="DataException">Missing root or forcing folder, or two forcing files for one basin.</exception>
    public CamelsLayout(string root, CamelsForcing forcing, int seed)
    {
        if (string.IsNullOrWhiteSpace(root) || !Directory.Exists(root))
        {
            throw new DataException($"camels_us: data_dir '{root}' is not a directory (expected the CAMELS-US root with basin_mean_forcing/, usgs_streamflow/, camels_attributes_v2.0/)");
        }

        Root = root;
        Product = forcing switch
        {
            CamelsForcing.Daymet => "daymet",
            CamelsForcing.Maurer => "maurer",
            CamelsForcing.MaurerExtended => "maurer_extended",
            CamelsForcing.Nldas => "nldas",
            _ => throw new ArgumentOutOfRangeException(nameof(forcing)),
        };
        ForcingDirectory = Path.Combine(root, "basin_mean_forcing", Product);
        if (!Directory.Exists(ForcingDirectory))
        {
            throw new DataException($"camels_us: forcing '{Product}' needs the folder {ForcingDirectory}, which does not exist");
        }

        Forcing = Index(ForcingDirectory, "*_lump_*_forcing_leap.txt", name => name[..name.IndexOf('_', StringComparison.Ordinal)]);
        if (Forcing.Count == 0)
        {
            throw new DataException($"camels_us: no <id>_lump_*_forcing_leap.txt files under {ForcingDirectory}");
        }

        streamflow = new(() => Index(Path.Combine(root, "usgs_streamflow"), "*_streamflow_qc.txt", name => name[..name.IndexOf('_', StringComparison.Ordinal)]));
        var seedText = seed.ToString("00", System.Globalization.CultureInfo.InvariantCulture);
        ModelOutputDirectory = Path.Combine(root, $"model_output_{Product}");
        modelOutput = new(() => Index(ModelOutputDirectory, $"*_{seedText}_model_output.txt", name => name[..name.IndexOf('_', StringComparison.Ordinal)]));
        AttributeDirectory = Path.Combine(root, "camels_attributes_v2.0");
    }

    /// <summary>The root folder.</summary>
    public string Root { get; }

    /// <summary>Forcing product folder name.</summary>
    public string Product { get; }

    /// <summary>Where the forcing files are.</summary>
    public string ForcingDirectory { get; }

    /// <summary>Where the SAC-SMA outputs are.</summary>
    public string ModelOutputDirectory { get; }

    /// <summary>Where the attribute tables are.</summary>
    public string AttributeDirectory { get; }

    /// <summary>Forcing file by gauge id.</summary>
    public Dictionary<string, string> Forcing { get; }

    /// <summary>Streamflow file by gauge id.</summary>
    public IReadOnlyDictionary<string, string> Streamflow => streamflow.Value;

    /// <summary>SAC-SMA output file by gauge id.</summary>
    public IReadOnlyDictionary<string, string> ModelOutput => modelOutput.Value;

    private static Dictionary<string, string> Index(string directory, string pattern, Func<string, string> idOf)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!Directory.Exists(directory))
        {
            return result;
        }

        foreach (var file in Directory.EnumerateFiles(directory, pattern, SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var id = idOf(Path.GetFileName(file));
            if (!result.TryAdd(id, file))
            {
                throw new DataException($"camels_us: two files for basin {id}: {result[id]} and {file}; keep one");
            }
        }

        return result;
    }
}
