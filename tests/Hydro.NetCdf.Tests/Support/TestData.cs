namespace Hydro.NetCdf.Tests.Support;

/// <summary>
/// The real gridded files (../shared/data/grid, see its README): <c>HYDRO_TEST_DATA</c> when set, else
/// <c>../shared/data</c> beside the repository root. Missing data fails the test with the places looked at.
/// </summary>
internal static class TestData
{
    public static string Lez => Grid("lez.nc");

    public static string Cance => Grid("cance.nc");

    private static string Grid(string file)
    {
        var env = Environment.GetEnvironmentVariable("HYDRO_TEST_DATA");
        var repo = RepositoryRoot();
        var root = !string.IsNullOrEmpty(env) ? Path.GetFullPath(env) : Path.GetFullPath(Path.Combine(repo ?? ".", "..", "shared", "data"));
        var path = Path.Combine(root, "grid", file);
        return File.Exists(path) ? path : throw new InvalidOperationException(
            $"Test data not found: {path} " + (string.IsNullOrEmpty(env)
                ? $"(default ../shared/data relative to the repository root '{repo ?? "not found"}'; set HYDRO_TEST_DATA to override)"
                : "(from HYDRO_TEST_DATA)"));
    }

    private static string? RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Framework.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
