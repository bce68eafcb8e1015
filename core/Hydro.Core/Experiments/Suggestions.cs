namespace Hydro.Core.Experiments;

/// <summary>"Did you mean": the closest valid name by optimal-string-alignment distance (≤ 2) or by prefix.</summary>
internal static class Suggestions
{
    public static string? Closest(string seen, IEnumerable<string> choices)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var choice in choices)
        {
            var distance = Distance(seen.ToLowerInvariant(), choice.ToLowerInvariant());
            var limit = Math.Min(2, Math.Max(1, choice.Length / 3));
            var isPrefix = seen.Length >= 3 && (choice.StartsWith(seen, StringComparison.OrdinalIgnoreCase)
                || seen.StartsWith(choice, StringComparison.OrdinalIgnoreCase));
            if ((distance <= limit || isPrefix) && distance < bestDistance)
            {
                best = choice;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>"a, b or c" for messages.</summary>
    public static string List(IEnumerable<string> choices)
    {
        var items = choices.Select(c => $"'{c}'").ToList();
        return items.Count switch
        {
            0 => "(none registered)",
            1 => items[0],
            _ => string.Join(", ", items.Take(items.Count - 1)) + " or " + items[^1],
        };
    }

    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
