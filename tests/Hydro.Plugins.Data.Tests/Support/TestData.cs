namespace Hydro.Plugins.Data.Tests.Support;

/// <summary>
/// The real test data (../shared/data, see its README): <c>HYDRO_TEST_DATA</c> when set, else <c>../shared/data</c>
/// beside the repository root. Missing data fails the test with the places looked at; nothing is skipped.
/// </summary>
internal static class TestData
{
    public static string Root
    {
        get
        {
            var env = Environment.GetEnvironmentVariable("HYDRO_TEST_DATA");
            var repo = RepositoryRoot();
            var path = !string.IsNullOrEmpty(env) ? Path.GetFullPath(env) : Path.GetFullPath(Path.Combine(repo ?? ".", "..", "shared", "data"));
            if (!Directory.Exists(Path.Combine(path, "camels_us")) || !Directory.Exists(Path.Combine(path, "caravan")))
            {
                throw new InvalidOperationException(
                    $"Test data not found: looked for camels_us/ and caravan/ in '{path}' "
                    + (string.IsNullOrEmpty(env) ? $"(default ../shared/data relative to the repository root '{repo ?? "not found"}'; set HYDRO_TEST_DATA to override)" : "(from HYDRO_TEST_DATA)"));
            }

            return path;
        }
    }

    public static string CamelsUs => Path.Combine(Root, "camels_us");

    public static string Caravan => Path.Combine(Root, "caravan");

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
