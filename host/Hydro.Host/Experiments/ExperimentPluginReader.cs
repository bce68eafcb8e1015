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

                parser.SkipThisAndNestedEvents();
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
                parser.SkipThisAndNestedEvents();
                continue;
            }

            string? file = null;
            string? sha256 = null;
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var key = parser.TryConsume<Scalar>(out var k) ? k.Value : null;
                if (key is null)
                {
                    parser.SkipThisAndNestedEvents();
                    parser.SkipThisAndNestedEvents();
                    continue;
                }

                if (parser.TryConsume<Scalar>(out var value))
                {
                    file = key == "path" ? value.Value : file;
                    sha256 = key == "sha256" ? value.Value : sha256;
                }
                else
                {
                    parser.SkipThisAndNestedEvents();
                }
            }

            if (!string.IsNullOrEmpty(file))
            {
                plugins.Add(new DeclaredPlugin(file, sha256, (int)entry.Start.Line, (int)entry.Start.Column));
            }
        }

        return plugins;
    }
}
