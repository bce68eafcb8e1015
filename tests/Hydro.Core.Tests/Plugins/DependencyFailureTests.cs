using System.Reflection;
using Hydro.Core.Plugins;

namespace Hydro.Core.Tests.Plugins;

public sealed class DependencyFailureTests
{
    [Fact]
    public void A_missing_private_dependency_says_to_ship_it()
    {
        var missing = new FileNotFoundException("Could not load file or assembly 'Lab.Numerics, Version=3.0.0.0'.",
            "Lab.Numerics, Version=3.0.0.0, Culture=neutral, PublicKeyToken=null");

        var error = DependencyFailure.Describe("Lab.Plugin", missing);

        Assert.NotNull(error);
        Assert.Equal("plugin Lab.Plugin: dependency Lab.Numerics could not be loaded: Could not load file or assembly "
            + "'Lab.Numerics, Version=3.0.0.0'.; put Lab.Numerics.dll beside the plugin or publish it with its dependencies "
            + "(dotnet publish)", error.Message);
        Assert.Same(missing, error.InnerException);
    }

    [Fact]
    public void A_shared_dependency_says_to_build_against_the_hosts_version()
    {
        var missing = new FileLoadException("Version mismatch.", "Microsoft.Extensions.Options, Version=99.0.0.0");

        var error = DependencyFailure.Describe("Lab.Plugin", missing);

        Assert.Contains("dependency Microsoft.Extensions.Options could not be loaded: Version mismatch.; Microsoft.Extensions.Options "
            + "is shared with the host", error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_type_load_failure_names_the_first_missing_assembly()
    {
        var failure = new ReflectionTypeLoadException([null], [new FileNotFoundException("gone", "Lab.Io, Version=1.0.0.0")]);

        Assert.Contains("dependency Lab.Io could not be loaded", DependencyFailure.Describe("Lab.Plugin", failure)!.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Other_exceptions_are_not_dependency_failures() =>
        Assert.Null(DependencyFailure.Describe("Lab.Plugin", new InvalidOperationException("bug")));
}
