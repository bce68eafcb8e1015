namespace Hydro.Core.Runs;

/// <summary>A run directory cannot be used: missing or damaged files, a config that no longer loads, a missing checkpoint.</summary>
public sealed class RunException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RunException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public RunException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public RunException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>A checkpoint that cannot be read (truncated, overwritten): the reader's message names the file.</summary>
    internal static RunException DamagedCheckpoint(InvalidDataException e) =>
        new($"{e.Message}: the checkpoint is damaged (truncated or overwritten, e.g. by a full disk); delete it to resume from the previous checkpoint, or train again", e);
}
