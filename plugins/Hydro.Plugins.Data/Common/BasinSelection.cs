using Hydro.Abstractions.Contracts;

namespace Hydro.Plugins.Data.Common;

/// <summary>Resolves the <c>basins</c> / <c>basin_file</c> options against the basins a dataset has files for.</summary>
internal static class BasinSelection
{
    /// <summary>
    /// The selected basins: the <paramref name="basins"/> list, or the ids in <paramref name="basinFile"/> (one per
    /// line; blank lines and <c>#</c> comments skipped), or all <paramref name="available"/> basins when neither is
    /// given. Every selected id must be available.
    /// </summary>
    /// <exception cref="DataException">Both options given, unreadable basin file, repeated or unknown basin.</exception>
    public static IReadOnlyList<string> Resolve(IReadOnlyList<string>? basins, string? basinFile, IReadOnlyCollection<string> available, string what)
    {
        if (basins is { Count: > 0 } && basinFile is not null)
        {
            throw new DataException("give either 'basins' or 'basin_file', not both");
        }

        if (basinFile is null && basins is not { Count: > 0 })
        {
            return [.. available.Order(StringComparer.Ordinal)];
        }

        var known = available as ISet<string> ?? new HashSet<string>(available, StringComparer.Ordinal);
        var result = new List<string>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string id, string where)
        {
            if (!known.Contains(id))
            {
                throw new DataException($"{where}: basin '{id}' has no {what}");
            }

            if (!seen.TryAdd(id, where))
            {
                throw new DataException($"{where}: basin '{id}' is listed twice (also at {seen[id]})");
            }

            result.Add(id);
        }

        if (basinFile is not null)
        {
            string[] lines;
            try
            {
                lines = File.ReadAllLines(basinFile);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new DataException($"basin_file '{basinFile}' cannot be read: {e.Message}");
            }

            for (var i = 0; i < lines.Length; i++)
            {
                var id = lines[i].Split('#')[0].Trim();
                if (id.Length > 0)
                {
                    Add(id, $"{basinFile}:{i + 1}");
                }
            }

            if (result.Count == 0)
            {
                throw new DataException($"basin_file '{basinFile}' lists no basins");
            }
        }
        else
        {
            for (var i = 0; i < basins!.Count; i++)
            {
                Add(basins[i].Trim(), $"basins[{i}]");
            }
        }

        return result;
    }
}
