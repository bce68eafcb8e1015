namespace Hydro.Host.Cli;

/// <summary>
/// Turns Ctrl+C into cancellation of the running verb; a second Ctrl+C ends the process at once. A Ctrl+C that
/// arrives after the verb has finished (the source is disposed, the process is exiting) is ignored instead of
/// throwing <see cref="ObjectDisposedException"/> on the signal thread.
/// </summary>
internal sealed class ConsoleCancellation : IDisposable
{
    private readonly Lock gate = new();
    private readonly CancellationTokenSource stop = new();
    private bool disposed;

    /// <summary>Cancelled by the first Ctrl+C.</summary>
    public CancellationToken Token => stop.Token;

    /// <summary>Handles one Ctrl+C.</summary>
    /// <returns>True to keep the process running (the verb winds down, or it has finished and the process exits with its own code); false to end it now.</returns>
    public bool OnCancelKey()
    {
        lock (gate)
        {
            if (disposed)
            {
                return true;
            }

            var first = !stop.IsCancellationRequested;
            stop.Cancel();
            return first;
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        lock (gate)
        {
            disposed = true;
            stop.Dispose();
        }
    }
}
