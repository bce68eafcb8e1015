namespace Hydro.NetCdf.Tests.Support;

/// <summary>The inputs of make_fixtures.py (written once per test class that uses them), in a temp folder.</summary>
public sealed class Fixtures : IDisposable
{
    private readonly TempDirectory dir = new();

    public Fixtures() => Python.Run("make_fixtures.py", dir.Path);

    public string Cf => dir.File("cf.nc");

    public string Classic => dir.File("classic.nc");

    public string BadTime => dir.File("badtime.nc");

    public void Dispose() => dir.Dispose();
}
