using System.Globalization;
using System.Runtime.CompilerServices;

namespace Hydro.Core.Tests.Metrics;

/// <summary>The real data (<c>HYDRO_TEST_DATA</c>, default <c>../shared/data</c> from the repository root), read simply.</summary>
internal static class TestData
{
    public static string Folder()
    {
        var configured = Environment.GetEnvironmentVariable("HYDRO_TEST_DATA");
        var folder = string.IsNullOrEmpty(configured) ? Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared", "data")) : configured;
        if (!Directory.Exists(folder))
        {
            throw new InvalidOperationException(
                $"test data folder '{folder}' does not exist: set HYDRO_TEST_DATA to the shared data folder (e.g. /work/shared/data)");
        }

        return folder;
    }

    /// <summary>This folder in the source tree.</summary>
    public static string SourceFolder([CallerFilePath] string callerFile = "") => Path.GetDirectoryName(callerFile)!;

    /// <summary>A CAMELS SAC-SMA model output file: MOD_RUN as the simulation, OBS_RUN as the observation.</summary>
    public static (double[] Sim, double[] Obs) SacSma(string relativePath)
    {
        var lines = File.ReadAllLines(Path.Combine(Folder(), relativePath)).Where(l => l.Trim().Length > 0).ToArray();
        var header = lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        int simColumn = Array.IndexOf(header, "MOD_RUN"), obsColumn = Array.IndexOf(header, "OBS_RUN");
        Assert.True(simColumn >= 0 && obsColumn >= 0, $"{relativePath}: no MOD_RUN/OBS_RUN columns");
        var rows = lines.Skip(1).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray();
        return (rows.Select(r => Parse(r[simColumn])).ToArray(), rows.Select(r => Parse(r[obsColumn])).ToArray());
    }

    /// <summary>A Caravan CSV's <c>streamflow</c> column as the observation (empty cells are NaN); sim[t] = 0.9·obs[t−1] + 0.1.</summary>
    public static (double[] Sim, double[] Obs) CaravanLagged(string relativePath)
    {
        var lines = File.ReadAllLines(Path.Combine(Folder(), relativePath)).Where(l => l.Length > 0).ToArray();
        var column = Array.IndexOf(lines[0].Split(','), "streamflow");
        Assert.True(column >= 0, $"{relativePath}: no streamflow column");
        var obs = lines.Skip(1).Select(l => l.Split(',')[column]).Select(v => v.Length == 0 ? double.NaN : Parse(v)).ToArray();
        var sim = new double[obs.Length];
        sim[0] = double.NaN;
        for (var t = 1; t < obs.Length; t++)
        {
            sim[t] = (0.9 * obs[t - 1]) + 0.1;
        }

        return (sim, obs);
    }

    private static double Parse(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string RepositoryRoot([CallerFilePath] string callerFile = "")
    {
        var folder = Path.GetDirectoryName(callerFile);
        while (folder is not null && !File.Exists(Path.Combine(folder, "Framework.sln")))
        {
            folder = Path.GetDirectoryName(folder);
        }

        return folder ?? throw new InvalidOperationException($"no Framework.sln above {callerFile}");
    }
}
