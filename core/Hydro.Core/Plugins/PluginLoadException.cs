namespace Hydro.Core.Plugins;

/// <summary>
/// A plugin could not be loaded: the message names the plugin, the problem and what to do. One exception may carry
/// several failures (<see cref="Errors"/>), since loading reports every plugin's problems together.
/// </summary>
public sealed class PluginLoadException : Exception
{
    /// <summary>A failure of one plugin; the message reads <c>plugin NAME: PROBLEM</c>.</summary>
    /// <param name="pluginName">The plugin's assembly name (or its folder name when no assembly was found).</param>
    /// <param name="problem">What went wrong and what to do.</param>
    /// <param name="innerException">The underlying exception, if any.</param>
    public PluginLoadException(string pluginName, string problem, Exception? innerException = null)
        : base($"plugin {pluginName}: {problem}", innerException)
    {
        PluginName = pluginName;
        Errors = [this];
    }

    private PluginLoadException(IReadOnlyList<PluginLoadException> errors)
        : base($"{errors.Count} plugin errors:{Environment.NewLine}"
            + string.Join(Environment.NewLine, errors.Select(e => "  " + e.Message)))
    {
        PluginName = string.Join(", ", errors.Select(e => e.PluginName).Distinct(StringComparer.Ordinal));
        Errors = errors;
    }

    /// <summary>The plugin that failed; for a combined exception, the failing plugins separated by commas.</summary>
    public string PluginName { get; }

    /// <summary>Every single failure this exception stands for (just itself unless combined).</summary>
    public IReadOnlyList<PluginLoadException> Errors { get; }

    /// <summary>One exception for several failures: the only one if there is one, else a combined one listing all.</summary>
    /// <exception cref="ArgumentException"><paramref name="errors"/> is empty.</exception>
    public static PluginLoadException Combine(IReadOnlyList<PluginLoadException> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.Count switch
        {
            0 => throw new ArgumentException("At least one error is needed.", nameof(errors)),
            1 => errors[0],
            _ => new PluginLoadException(errors.SelectMany(e => e.Errors).ToArray()),
        };
    }
}
