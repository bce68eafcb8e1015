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
}
