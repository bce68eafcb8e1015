using Hydro.Core.Plugins;

namespace Hydro.Core.Tests.Plugins;

public sealed class PluginLockTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("hydro-lock-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Write_then_read_gives_the_entries_sorted_by_name()
    {
        var path = Path.Combine(folder, PluginLock.FileName);
        var b = new PluginLockEntry("Lab.B", "2.0.0", "/p/b/Lab.B.dll", new string('b', 64));
        var a = new PluginLockEntry("Lab.A", "1.0.0+abc", "/p/a/Lab.A.dll", new string('a', 64));

        new PluginLock([b, a]).Write(path);
        var read = PluginLock.Read(path);

        Assert.Equal([a, b], read.Plugins);
        Assert.Equal(b, read.Find("Lab.B"));
        Assert.Equal([PluginLock.FileName], Directory.GetFiles(folder).Select(Path.GetFileName)); // no temporary left
    }

    [Fact]
    public void The_file_is_stable_indented_json()
    {
        var path = Path.Combine(folder, PluginLock.FileName);
        new PluginLock([new PluginLockEntry("Lab.A", "1.0.0", "/p/Lab.A.dll", new string('a', 64))]).Write(path);

        Assert.Equal($$"""
            {
              "plugins": [
                {
                  "name": "Lab.A",
                  "version": "1.0.0",
                  "path": "/p/Lab.A.dll",
                  "sha256": "{{new string('a', 64)}}"
                }
              ]
            }

            """, File.ReadAllText(path));
    }

    [Fact]
    public void Writing_again_replaces_the_file()
    {
        var path = Path.Combine(folder, PluginLock.FileName);
        new PluginLock([new PluginLockEntry("Lab.A", "1.0.0", "/a", "aa")]).Write(path);
        new PluginLock([]).Write(path);

        Assert.Empty(PluginLock.Read(path).Plugins);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{ "plugins": [ { "name": "Lab.A", "version": "1" } ] }""")]
    [InlineData("""{ "plugins": [], "extra": 1 }""")]
    public void A_broken_file_is_an_error_naming_it(string text)
    {
        var path = Path.Combine(folder, PluginLock.FileName);
        File.WriteAllText(path, text);

        var error = Assert.Throws<InvalidDataException>(() => PluginLock.Read(path));
        Assert.StartsWith($"{path} is not a valid plugins.lock: ", error.Message, StringComparison.Ordinal);
    }
}
