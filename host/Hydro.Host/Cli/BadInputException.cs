namespace Hydro.Host.Cli;

/// <summary>
/// A problem the user can fix (a missing file, a bad option value): the message is printed as it is, without a stack
/// trace, and the command exits with <see cref="ExitCodes.BadInput"/>. Each line of the message is one error.
/// </summary>
internal sealed class BadInputException : Exception
{
    public BadInputException(string message)
        : base(message)
    {
    }

    public BadInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public BadInputException()
    {
    }
}
