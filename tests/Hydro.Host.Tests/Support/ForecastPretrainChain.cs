using System.Globalization;
using System.Text;

namespace Hydro.Host.Tests.Support;

/// <summary>
/// What examples/camels-dev-forecast-pretrain.yaml and examples/camels-dev-forecast-finetune.yaml start from, made once
/// per test process and small: a simulation folder for one CAMELS-US basin (predictions/&lt;basin&gt;.csv with a
/// <c>streamflow_sim</c> column, a seasonal curve in place of δHBV; the other basins are uncovered, so masked), then one
/// epoch of 64 windows of the pre-training on it; the environment variables the two files read (HYDRO_SIMULATION,
/// CAMELS_US_DIR, CAMELS_BASIN_FILE, HYDRO_OUTPUT_DIR, HYDRO_INIT_FROM, HYDRO_EPOCHS, HYDRO_SAMPLES) point at them.
/// </summary>
internal static class ForecastPretrainChain
{
    private const string Basin = "01022500";

    private static readonly Lazy<string> Folder = new(Make, LazyThreadSafetyMode.ExecutionAndPublication);

    // Both chains set HYDRO_INIT_FROM, HYDRO_SIMULATION …: each Ensure sets this chain's values again, so that the
    // chain made last does not point the other chain's examples at its runs.
    private static readonly Dictionary<string, string> Variables = [];

    /// <summary>The example files that need these runs.</summary>
    public static bool Needs(string example) => example is "camels-dev-forecast-pretrain.yaml" or "camels-dev-forecast-finetune.yaml";

    /// <summary>Makes the folder and the run (once) and sets the variables; returns the folder holding them.</summary>
    public static string Ensure()
    {
        var folder = Folder.Value;
        lock (Variables)
        {
            foreach (var (name, value) in Variables)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }

        return folder;
    }

    private static string Make()
    {
        var root = Path.Combine(Path.GetTempPath(), $"hydro-forecast-chain-{Guid.NewGuid():N}");
        var simulation = Path.Combine(root, "simulation");
        Directory.CreateDirectory(Path.Combine(simulation, "predictions"));
        var csv = new StringBuilder("date,streamflow_sim\n");
        for (var d = new DateTime(1997, 10, 1); d <= new DateTime(2010, 9, 30); d = d.AddDays(1))
        {
            csv.Append(CultureInfo.InvariantCulture, $"{d:yyyy-MM-dd},{2 + Math.Sin(2 * Math.PI * d.DayOfYear / 365.25):F4}\n");
        }

        File.WriteAllText(Path.Combine(simulation, "predictions", $"{Basin}.csv"), csv.ToString());
        Set("HYDRO_SIMULATION", simulation);
        // Both resolve relative to the working directory when unset; these are the same files, found from anywhere.
        Set("CAMELS_US_DIR", TestData.CamelsUs);
        Set("CAMELS_BASIN_FILE", Path.Combine(TestData.CamelsUs, "basins_daymet.txt"));
        Set("HYDRO_OUTPUT_DIR", Path.Combine(root, "runs"));
        Set("HYDRO_EPOCHS", "1");
        Set("HYDRO_SAMPLES", "64");
        var examples = Path.Combine(TestPaths.RepositoryRoot, "examples");
        var train = HydroRunner.Run(HydroRunner.WithBuiltIns, TimeSpan.FromMinutes(3), "train", Path.Combine(examples, "camels-dev-forecast-pretrain.yaml"), "--no-evaluate");
        Assert.True(train.Exit == 0, train.ToString());
        Set("HYDRO_INIT_FROM", Directory.GetDirectories(Path.Combine(root, "runs"), "camels_dev_forecast_pretrain_*").Single());
        return root;
    }

    private static void Set(string name, string value)
    {
        lock (Variables)
        {
            Variables[name] = value;
        }

        Environment.SetEnvironmentVariable(name, value);
    }
}
