namespace Hydro.Host.Tests.Support;

/// <summary>
/// The real test data (../shared/data): <c>HYDRO_TEST_DATA</c> when set, else <c>../shared/data</c> beside the
/// repository. Missing data fails the test with the place looked at; nothing is skipped.
/// </summary>
internal static class TestData
{
    public static string Root
    {
        get
        {
            var env = Environment.GetEnvironmentVariable("HYDRO_TEST_DATA");
            var path = Path.GetFullPath(!string.IsNullOrEmpty(env) ? env : Path.Combine(TestPaths.RepositoryRoot, "..", "shared", "data"));
            return Directory.Exists(Path.Combine(path, "camels_us"))
                ? path
                : throw new InvalidOperationException($"Test data not found: no camels_us/ in '{path}' (set HYDRO_TEST_DATA, default ../shared/data beside the repository)");
        }
    }

    public static string CamelsUs => Path.Combine(Root, "camels_us");

    public static string Caravan => Path.Combine(Root, "caravan");
}
