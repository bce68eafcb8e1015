namespace Hydro.Core.Models;

/// <summary>The experiment's model cannot be built or loaded: learner and backbone do not fit, or a checkpoint does not match.</summary>
public sealed class ModelException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ModelException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ModelException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public ModelException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
