namespace Hydro.Host.Tests.Support;

/// <summary>
/// The runs examples/pretrain-simulated.yaml and examples/finetune-observed.yaml start from, made once per test process
/// as their comments say (hydro simulate, then hydro train of the pre-training, one epoch), and the environment
/// variables the two files read pointed at them (HYDRO_SIMULATION, HYDRO_OUTPUT_DIR, HYDRO_INIT_FROM, HYDRO_EPOCHS).
/// </summary>
internal static class PretrainChain
{
    private static readonly Lazy<string> Folder = new(Make, LazyThreadSafetyMode.ExecutionAndPublication);

    // Both chains set HYDRO_INIT_FROM, HYDRO_SIMULATION …: each Ensure sets this chain's values again, so that the
    // chain made last does not point the other chain's examples at its runs.
    private static readonly Dictionary<string, string> Variables = [];

    /// <summary>The example files that need these runs.</summary>
    public static bool Needs(string example) => example is "pretrain-simulated.yaml" or "finetune-observed.yaml";

    /// <summary>Makes the runs (once) and sets the variables; returns the folder holding them.</summary>
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
        var root = Path.Combine(Path.GetTempPath(), $"hydro-pretrain-chain-{Guid.NewGuid():N}");
        var examples = Path.Combine(TestPaths.RepositoryRoot, "examples");
        var bound = TimeSpan.FromMinutes(3);
        var simulation = Path.Combine(root, "simulation");
        var simulate = HydroRunner.Run(HydroRunner.WithBuiltIns, bound, "simulate", Path.Combine(examples, "hbv-simulate.yaml"),
            "--start", "1988-01-01", "--end", "1999-12-31", "--out", simulation);
        Assert.True(simulate.Exit == 0, simulate.ToString());
        Set("HYDRO_SIMULATION", simulation);
        Set("HYDRO_OUTPUT_DIR", Path.Combine(root, "runs"));
        Set("HYDRO_EPOCHS", "1");
        var train = HydroRunner.Run(HydroRunner.WithBuiltIns, bound, "train", Path.Combine(examples, "pretrain-simulated.yaml"), "--no-evaluate");
        Assert.True(train.Exit == 0, train.ToString());
        Set("HYDRO_INIT_FROM", Directory.GetDirectories(Path.Combine(root, "runs"), "pretrain_simulated_*").Single());
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
