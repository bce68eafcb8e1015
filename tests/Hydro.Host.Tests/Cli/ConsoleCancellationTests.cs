using Hydro.Host.Cli;

namespace Hydro.Host.Tests.Cli;

/// <summary>The Ctrl+C handler of <c>Program.cs</c>: first cancels, second ends, late ones after the verb are harmless.</summary>
public sealed class ConsoleCancellationTests
{
    [Fact]
    public void FirstCtrlCCancelsAndKeepsTheProcessSecondEndsIt()
    {
        using var cancellation = new ConsoleCancellation();
        var token = cancellation.Token;

        Assert.True(cancellation.OnCancelKey());
        Assert.True(token.IsCancellationRequested);
        Assert.False(cancellation.OnCancelKey());
    }

    [Fact]
    public void CtrlCAfterTheVerbFinishedDoesNotThrow()
    {
        var cancellation = new ConsoleCancellation();
        Assert.True(cancellation.OnCancelKey()); // the first Ctrl+C stops the verb ...
        cancellation.Dispose(); // ... which returns, and Program disposes the source while exiting

        Assert.True(cancellation.OnCancelKey()); // the second, 50 ms later: ObjectDisposedException before the fix
        Assert.True(cancellation.OnCancelKey());
    }

    [Fact]
    public async Task CtrlCRacingTheDisposalNeverThrows()
    {
        for (var i = 0; i < 200; i++)
        {
            var cancellation = new ConsoleCancellation();
            using var go = new ManualResetEventSlim();
            var presses = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
            {
                go.Wait();
                cancellation.OnCancelKey();
                cancellation.OnCancelKey();
            })).ToArray();
            var dispose = Task.Run(() =>
            {
                go.Wait();
                cancellation.Dispose();
            });
            go.Set();
            await Task.WhenAll([.. presses, dispose]).WaitAsync(TimeSpan.FromSeconds(10));
        }
    }
}
