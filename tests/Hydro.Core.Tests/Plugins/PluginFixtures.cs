using System.Diagnostics;

namespace Hydro.Core.Tests.Plugins;

/// <summary>
/// Builds the plugin projects of tests/Fixtures once per test run (one <c>dotnet build</c> of Fixtures.slnx, the
/// projects in parallel) into a temporary folder, against this test host's own Hydro.Abstractions.dll.
/// </summary>
public sealed class PluginFixtures : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "hydro-plugin-fixtures-" + Guid.NewGuid().ToString("N"));

    public PluginFixtures()
    {
        var solution = Path.Combine(FindRepositoryRoot(), "tests", "Fixtures", "Fixtures.slnx");
        Build(solution, root);
    }

    /// <summary>The output folder of a fixture project (its main .dll, .deps.json and private dependencies).</summary>
    public string Folder(string project) => Path.Combine(root, "bin", project, "release");

    /// <summary>The main assembly of a fixture plugin.</summary>
    public string Dll(string project) => Path.Combine(Folder(project), project + ".dll");

    /// <summary>A copy of a fixture's output folder that a test may change.</summary>
    public string CopyOf(string project)
    {
        var copy = Path.Combine(root, "copies", Guid.NewGuid().ToString("N"), project);
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.EnumerateFiles(Folder(project)))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        return copy;
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    private static void Build(string solution, string artifacts)
    {
        var hostBin = AppContext.BaseDirectory;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            ArgumentList =
            {
                "build", solution, "-c", "Release", "-nologo", "-v:q", "-nodeReuse:false",
                $"-p:ArtifactsPath={artifacts}/", $"-p:HydroBin={hostBin}",
                // Fixtures are throw-away: skip what only costs time.
                "-p:RunAnalyzers=false", "-p:GenerateDocumentationFile=false", "-p:DebugType=none",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // `dotnet test` passes MSBuild settings of its own build to the test host; the fixtures' build wants none.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToArray())
        {
            start.Environment.Remove(key);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"building the plugin fixtures failed ({process.ExitCode}):\n{output.Result}\n{errors.Result}");
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "tests", "Fixtures", "Fixtures.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no tests/Fixtures/Fixtures.slnx above {AppContext.BaseDirectory}");
    }
}

[CollectionDefinition(Name)]
public sealed class PluginFixturesGroup : ICollectionFixture<PluginFixtures>
{
    public const string Name = "Plugin fixtures";
}
