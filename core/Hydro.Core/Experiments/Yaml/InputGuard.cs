using System.Buffers;
using System.Text.Unicode;

namespace Hydro.Core.Experiments.Yaml;

/// <summary>
/// Checks the raw file before the YAML parser sees it: size, encoding, binary content, tabs in indentation.
/// These are the inputs on which a parser is slow or its messages are obscure.
/// </summary>
internal static class InputGuard
{
    private const int MaxReported = 10;

    /// <summary>Decodes UTF-8 (a BOM is dropped); null when the bytes are not text.</summary>
    public static string? Decode(ReadOnlySpan<byte> bytes, ErrorSink errors)
    {
        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            var (line, column) = Position(bytes[..nul]);
            errors.Add(line, column, "", "text file", "\\0",
                "the file contains NUL bytes: it is binary, not a YAML text file");
            return null;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        var chars = new char[bytes.Length];
        var status = Utf8.ToUtf16(bytes, chars, out var read, out var written, replaceInvalidSequences: false);
        if (status == OperationStatus.Done)
        {
            return new string(chars, 0, written);
        }

        var (l, c) = Position(bytes[..read]);
        errors.Add(l, c, "", "UTF-8", null, "the file is not valid UTF-8 text (binary data, or saved in another encoding)");
        return null;
    }

    /// <summary>Reports control characters and tabs used for indentation; true when there were none.</summary>
    public static bool CheckText(string text, ErrorSink errors)
    {
        var before = errors.Count;
        var line = 1;
        var lineStart = 0;
        var inIndent = true;
        for (var i = 0; i < text.Length && errors.Count - before < MaxReported; i++)
        {
            var ch = text[i];
            if (ch == '\n')
            {
                line++;
                lineStart = i + 1;
                inIndent = true;
                continue;
            }

            if (ch == '\t' && inIndent && !RestIsBlank(text, i))
            {
                errors.Add(line, i - lineStart + 1, "", "no tabs in indentation", "\\t",
                    "a tab is used for indentation; YAML indents with spaces only");
                inIndent = false;
                continue;
            }

            if (char.IsControl(ch) && ch is not ('\t' or '\r'))
            {
                errors.Add(line, i - lineStart + 1, "", "text file", $"\\u{(int)ch:X4}",
                    "the file contains a control character: it is binary, not a YAML text file");
                return false;
            }

            if (ch != ' ')
            {
                inIndent = false;
            }
        }

        return errors.Count == before;
    }

    private static bool RestIsBlank(string text, int from)
    {
        for (var i = from; i < text.Length && text[i] != '\n'; i++)
        {
            if (text[i] is not (' ' or '\t' or '\r'))
            {
                return false;
            }
        }

        return true;
    }

    private static (int Line, int Column) Position(ReadOnlySpan<byte> before)
    {
        var line = before.Count((byte)'\n') + 1;
        var lastNewline = before.LastIndexOf((byte)'\n');
        return (line, before.Length - lastNewline);
    }
}
