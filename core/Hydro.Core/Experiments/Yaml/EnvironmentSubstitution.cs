using System.Text;

namespace Hydro.Core.Experiments.Yaml;

/// <summary>
/// Replaces <c>${NAME}</c> and <c>${NAME:-default}</c> in scalar values (the default applies when the
/// variable is unset or empty, as in POSIX shells); <c>$${</c> is a literal <c>${</c>.
/// </summary>
internal static class EnvironmentSubstitution
{
    /// <summary>The substituted text, or null with <paramref name="problem"/> set.</summary>
    public static string? Substitute(string text, Func<string, string?> environment, out string? problem)
    {
        problem = null;
        if (!text.Contains("${", StringComparison.Ordinal))
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '$' && i + 2 < text.Length && text[i + 1] == '$' && text[i + 2] == '{')
            {
                result.Append("${");
                i += 3;
                continue;
            }

            if (text[i] != '$' || i + 1 >= text.Length || text[i + 1] != '{')
            {
                result.Append(text[i++]);
                continue;
            }

            var close = text.IndexOf('}', i + 2);
            if (close < 0)
            {
                problem = "'${' without a closing '}'";
                return null;
            }

            var body = text[(i + 2)..close];
            var sep = body.IndexOf(":-", StringComparison.Ordinal);
            var name = sep < 0 ? body : body[..sep];
            if (!IsName(name))
            {
                problem = $"'${{{body}}}' is not a variable reference: names are letters, digits and '_' (write '$${{' for a literal '${{')";
                return null;
            }

            var value = environment(name);
            if (string.IsNullOrEmpty(value))
            {
                if (sep < 0)
                {
                    problem = $"environment variable '{name}' is not set and has no default (write '${{{name}:-default}}')";
                    return null;
                }

                value = body[(sep + 2)..];
            }

            result.Append(value);
            i = close + 1;
        }

        return result.ToString();
    }

    private static bool IsName(string name) =>
        name.Length > 0 && !char.IsAsciiDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
