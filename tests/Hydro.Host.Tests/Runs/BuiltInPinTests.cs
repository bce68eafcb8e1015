using System.Security.Cryptography;
using Hydro.Host.Cli;
using Hydro.Host.Tests.Support;

namespace Hydro.Host.Tests.Runs;

/// <summary>
/// A run trained with one build of the built-in plugins, then opened after <c>Hydro.Plugins.Lstm.dll</c> changed:
/// <c>evaluate</c>, <c>predict</c>, <c>simulate</c> and <c>resume</c> refuse it (exit 2) as they refuse a changed
/// external plugin, naming the plugin, the file, both hashes and what to do.
/// </summary>
public sealed class BuiltInPinTests : IDisposable
{
    private const string Basin = OneBasinExperiment.Basin;
    private const string Plugin = "Hydro.Plugins.Lstm";
    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    [Fact]
    public void AChangedBuiltInPluginIsRefusedByEveryVerbThatOpensTheRun()
    {
        // A private copy of the host's built-in plugins, so that one of them can be "rebuilt" without touching the host.
        var root = dir.Combine("plugins");
        foreach (var file in Directory.GetFiles(TestPaths.BuiltInPlugins, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(root, Path.GetRelativePath(TestPaths.BuiltInPlugins, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var settings = new HydroCliSettings { BuiltInPluginRoot = root, CrashLogDirectory = dir.Combine("crash") };
        var trained = HydroRunner.Run(settings, TimeSpan.FromMinutes(3), "train", Experiment());
        Assert.True(trained.Exit == 0, trained.ToString()); // its evaluation reopens the run: the unchanged build is accepted
        var run = Directory.GetDirectories(dir.Combine("runs")).Single();

        var dll = Path.Combine(root, Plugin, Plugin + ".dll");
        var before = Sha256(dll);
        Assert.Contains(before, File.ReadAllText(Path.Combine(run, "plugins.lock")), StringComparison.Ordinal);
        Rebuild(dll);
        var after = Sha256(dll);
        Assert.NotEqual(before, after);

        var basins = dir.Combine("basins.txt");
        File.WriteAllText(basins, Basin + "\n");
        string[][] verbs =
        [
            ["evaluate", run],
            ["predict", run, "--basins", basins, "--start", "1986-01-01", "--end", "1986-03-31"],
            ["simulate", run, "--start", "1986-01-01", "--end", "1986-03-31"],
            ["resume", run],
        ];
        foreach (var args in verbs)
        {
            var refused = HydroRunner.Run(settings, TimeSpan.FromMinutes(2), args);
            Assert.True(refused.Exit == 2, $"{args[0]}: {refused}");
            Assert.Contains($"plugin {Plugin}: built-in plugin {dll} has SHA-256 {after}", refused.Err, StringComparison.Ordinal);
            Assert.Contains($"{Path.Combine(run, "plugins.lock")} records {before}", refused.Err, StringComparison.Ordinal);
            Assert.Contains("retrain it with 'hydro train'", refused.Err, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", refused.Err, StringComparison.Ordinal);
        }

        Assert.False(Directory.Exists(Path.Combine(run, "predictions")), "a refused run writes nothing");
    }

    /// <summary>
    /// Changes the assembly's COFF time stamp, as a rebuild from other sources changes the deterministic build's stamp:
    /// the file still loads, only its bytes differ.
    /// </summary>
    private static void Rebuild(string dll)
    {
        var bytes = File.ReadAllBytes(dll);
        var stamp = BitConverter.ToInt32(bytes, 0x3C) + 8; // e_lfanew → "PE\0\0" (4 bytes), machine (2), sections (2), stamp
        bytes[stamp] ^= 0x5A;
        File.WriteAllBytes(dll, bytes);
    }

    private static string Sha256(string file) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)));

    private string Experiment() => OneBasinExperiment.Write(dir, "pinned", TestData.CamelsUs);
}
