using System.Globalization;
using Hydro.Core.Training;
using Microsoft.Extensions.Logging;

namespace Hydro.Host.Runs;

/// <summary>
/// What a training shows while it runs, on the error writer: on a terminal one progress line redrawn in place
/// (epoch, batch, loss, ETA); otherwise a plain line at most every <see cref="PlainInterval"/>. Epoch summaries,
/// warnings and the run directory are printed as lines in both cases (this is the trainer's logger).
/// </summary>
internal sealed class TrainingConsole(TextWriter writer, bool terminal) : IProgress<TrainingProgress>, IProgress<(int Done, int Total)>, ILogger
{
    /// <summary>The least time between two plain progress lines.</summary>
    public static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(30);

    private readonly Lock gate = new();
    private DateTime lastPlain = DateTime.MinValue;
    private int lineLength;

    /// <inheritdoc/>
    public void Report(TrainingProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var width = 24;
        var filled = value.Batches == 0 ? width : (int)((long)width * value.Batch / value.Batches);
        var eta = value.Eta is { } e ? Format(e) : "--:--:--";
        var text = string.Create(CultureInfo.InvariantCulture,
            $"seed {value.Seed} epoch {value.Epoch}/{value.Epochs} [{new string('#', filled)}{new string('.', width - filled)}] batch {value.Batch}/{value.Batches} loss {value.Loss:G5} ETA {eta}");
        Progress(text, value.Batch == value.Batches);
    }

    /// <inheritdoc/>
    public void Report((int Done, int Total) value) =>
        Progress(string.Create(CultureInfo.InvariantCulture, $"predicting: {value.Done}/{value.Total} windows"), value.Done == value.Total);

    /// <inheritdoc/>
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    /// <inheritdoc/>
    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    /// <inheritdoc/>
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (!IsEnabled(logLevel))
        {
            return;
        }

        var tag = logLevel >= LogLevel.Warning ? "warning: " : "";
        Line($"hydro: {tag}{formatter(state, exception)}");
    }

    /// <summary>Ends a progress line in place, if one is shown.</summary>
    public void Finish()
    {
        lock (gate)
        {
            if (lineLength > 0)
            {
                writer.WriteLine();
                lineLength = 0;
            }
        }
    }

    private void Line(string text)
    {
        lock (gate)
        {
            if (lineLength > 0)
            {
                writer.Write('\r' + new string(' ', lineLength) + '\r');
                lineLength = 0;
            }

            writer.WriteLine(text);
        }
    }

    private void Progress(string text, bool last)
    {
        lock (gate)
        {
            if (terminal)
            {
                var pad = Math.Max(0, lineLength - text.Length);
                writer.Write('\r' + text + new string(' ', pad));
                lineLength = text.Length;
                writer.Flush();
                return;
            }

            var now = DateTime.UtcNow;
            if (last || now - lastPlain >= PlainInterval)
            {
                lastPlain = now;
                writer.WriteLine("hydro: " + text);
            }
        }
    }

    private static string Format(TimeSpan t) =>
        t.TotalHours >= 100 ? ">99h" : string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours:00}:{t.Minutes:00}:{t.Seconds:00}");
}
