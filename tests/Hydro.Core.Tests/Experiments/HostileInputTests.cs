using System.Text;
using Hydro.Core.Experiments;

namespace Hydro.Core.Tests.Experiments;

/// <summary>Inputs generated at test time because they are too large to check in.</summary>
public sealed class HostileInputTests
{
    private static ExperimentLoader Loader() => new(TestCatalog.Create());

    [Fact]
    public void FiftyMegabyteFileIsRefusedByItsSize()
    {
        var path = Path.Combine(Path.GetTempPath(), $"hydro-50mb-{Guid.NewGuid():N}.yaml");
        try
        {
            using (var stream = File.Create(path))
            {
                var line = Encoding.UTF8.GetBytes("key_0000000: some value that repeats to fill fifty megabytes\n");
                for (long written = 0; written < 50L * 1024 * 1024; written += line.Length)
                {
                    stream.Write(line);
                }
            }

            var result = LoaderAssert.LoadWithin(() => Loader().Load(path));
            var error = Assert.Single(result.Errors);
            Assert.Equal(1, error.Line);
            Assert.Contains("MiB", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void FiftyMegabyteTextIsRefusedByItsSize()
    {
        var text = new string('a', 50 * 1024 * 1024);
        var result = LoaderAssert.LoadWithin(() => Loader().LoadText(text, "big.yaml"));
        Assert.StartsWith("big.yaml:1:1:", Assert.Single(result.Errors).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void HugeAliasBombStopsAtTheNodeLimit()
    {
        // 30 levels of 50 aliases each: 50^30 nodes if expanded.
        var yaml = new StringBuilder("l0: &l0 [" + string.Join(",", Enumerable.Repeat("\"lol\"", 50)) + "]\n");
        for (var i = 1; i < 30; i++)
        {
            yaml.Append($"l{i}: &l{i} [").AppendJoin(",", Enumerable.Repeat($"*l{i - 1}", 50)).Append("]\n");
        }

        var result = LoaderAssert.LoadWithin(() => Loader().LoadText(yaml.ToString(), "bomb.yaml"));
        var error = Assert.Single(result.Errors);
        Assert.Contains("expands to more than", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void HundredThousandOpeningBracketsStopAtTheDepthLimit()
    {
        var result = LoaderAssert.LoadWithin(() => Loader().LoadText("a: " + new string('[', 100_000), "deep.yaml"));
        Assert.Contains("deeper than 64", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NineMegabytesOfKeysStopAtTheNodeLimit()
    {
        var yaml = new StringBuilder();
        for (var i = 0; yaml.Length < 9 * 1024 * 1024; i++)
        {
            yaml.Append('k').Append(i).Append(": value\n");
        }

        var result = LoaderAssert.LoadWithin(() => Loader().LoadText(yaml.ToString(), "many.yaml"));
        Assert.Contains("expands to more than 50000 nodes", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RandomBytesNeverThrow()
    {
        var random = new Random(1234);
        var loader = Loader();
        for (var i = 0; i < 200; i++)
        {
            var bytes = new byte[random.Next(1, 400)];
            random.NextBytes(bytes);
            var text = new string([.. Encoding.Latin1.GetString(bytes).Select(c => c < ' ' && c != '\n' ? ' ' : c)]);
            var result = loader.LoadText(text, "random.yaml");
            Assert.False(result.Succeeded);
            LoaderAssert.NoStackTraces(result);
        }
    }

    [Fact]
    public void MutatedValidFilesNeverThrow()
    {
        var valid = File.ReadAllText(ExperimentFiles.Output("valid.yaml"));
        var random = new Random(42);
        var loader = Loader();
        const string Alphabet = ":-[]{}&*!|>'\"%@` #,?\n ax1";
        for (var i = 0; i < 500; i++)
        {
            var chars = valid.ToCharArray();
            for (var k = 0; k < 3; k++)
            {
                chars[random.Next(chars.Length)] = Alphabet[random.Next(Alphabet.Length)];
            }

            var result = loader.LoadText(new string(chars), "mutated.yaml");
            LoaderAssert.NoStackTraces(result);
        }
    }
}
