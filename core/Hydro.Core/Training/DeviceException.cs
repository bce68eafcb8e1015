namespace Hydro.Core.Training;

/// <summary>The experiment's <c>device</c> does not exist on this machine or build (a user's choice, not a crash).</summary>
public sealed class DeviceException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DeviceException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public DeviceException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public DeviceException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
