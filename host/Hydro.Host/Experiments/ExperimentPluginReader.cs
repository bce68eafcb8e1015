using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Hydro.Host.Experiments;

/// <summary>
/// Reads the <c>plugins:</c> list of an experiment file before the file is loaded: the loader needs a catalog that
/// already holds the plugins' components. Only that list is looked at, by walking parser events (no tree is built, so
/// deep or hostile files cost nothing); anything unusual yields no plugins and the loader then reports the real errors
/// with their positions.
/// </summary>
internal static class ExperimentPluginReader
{
    private const long MaxBytes = 10 * 1024 * 1024;

    // As the loader's default MaxDepth: deeper files are the loader's to refuse. Without the bound, skipping a
    // 400 KB value of nested brackets took minutes (YamlDotNet's scanner does work per open bracket per token).
    private const int MaxDepth = 64;

    public static IReadOnlyList<DeclaredPlugin> Read(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists || info.Length > MaxBytes)
            {
                return [];
            }

            using var reader = new StreamReader(path, new UTF8Encoding(false, throwOnInvalidBytes: true));
            var parser = new Parser(reader);
            parser.Consume<StreamStart>();
            if (!parser.TryConsume<DocumentStart>(out _) || !parser.TryConsume<MappingStart>(out _))
            {
                return [];
            }

            while (!parser.Accept<MappingEnd>(out _))
            {
                if (!parser.TryConsume<Scalar>(out var key))
                {
                    return [];
                }

                if (key.Value == "plugins")
                {
                    return ReadList(parser);
                }

                if (!Skip(parser))
                {
                    return [];
                }
            }

            return [];
        }
#pragma warning disable CA1031 // advisory only: YamlDotNet may throw more than YamlException on broken input, and the loader reports it
        catch (Exception)
#pragma warning restore CA1031
        {
            return [];
        }
    }

    private static List<DeclaredPlugin> ReadList(IParser parser)
    {
        var plugins = new List<DeclaredPlugin>();
        if (!parser.TryConsume<SequenceStart>(out _))
        {
            return plugins;
        }

        while (!parser.TryConsume<SequenceEnd>(out _))
        {
            if (!parser.TryConsume<MappingStart>(out var entry))
            {
                if (!Skip(parser))
                {
                    return plugins;
                }

                continue;
            }

            string? file = null;
            string? sha256 = null;
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var key = parser.TryConsume<Scalar>(out var k) ? k.Value : null;
                if (key is null)
                {
                    if (!Skip(parser) || !Skip(parser))
                    {
                        return plugins;
                    }

                    continue;
                }

                if (parser.TryConsume<Scalar>(out var value))
                {
                    file = key == "path" ? value.Value : file;
                    sha256 = key == "sha256" ? value.Value : sha256;
                }
                else if (!Skip(parser))
                {
                    return plugins;
                }
            }

            if (!string.IsNullOrEmpty(file))
            {
                plugins.Add(new DeclaredPlugin(file, sha256, (int)entry.Start.Line, (int)entry.Start.Column));
            }
        }

        return plugins;
    }

    /// <summary>Skips one node and its children, like <c>SkipThisAndNestedEvents</c>, but false (stop reading) when it nests deeper than <see cref="MaxDepth"/>.</summary>
    private static bool Skip(IParser parser)
    {
        var depth = 0;
        do
        {
            depth += parser.Consume<ParsingEvent>().NestingIncrease;
            if (depth > MaxDepth)
            {
                return false;
            }
        }
        while (depth > 0);

        return true;
    }
}
