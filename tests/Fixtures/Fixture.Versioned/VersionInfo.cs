namespace Fixture.Versioned;

/// <summary>Says which copy of the library answered.</summary>
public static class VersionInfo
{
    public static string Version => typeof(VersionInfo).Assembly.GetName().Version!.ToString();
}
