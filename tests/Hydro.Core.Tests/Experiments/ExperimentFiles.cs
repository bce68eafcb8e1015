using System.Runtime.CompilerServices;

namespace Hydro.Core.Tests.Experiments;

/// <summary>Locates the test data: copied next to the test assembly, and in the source tree for regeneration.</summary>
internal static class ExperimentFiles
{
    public static string Output(params string[] parts) =>
        Path.Combine([AppContext.BaseDirectory, "Experiments", .. parts]);

    /// <summary>This folder in the source tree (compile-time path; used only to rewrite checked-in files).</summary>
    public static string Source([CallerFilePath] string callerFile = "") => Path.GetDirectoryName(callerFile)!;
}
