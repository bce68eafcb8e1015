using Hydro.Host.Cli;
using Microsoft.Extensions.Logging;

namespace Hydro.Host.Logging;

/// <summary>
/// Writes log lines to the command line's error writer (stderr for the real process), synchronously, so that they
/// keep their order relative to the verb's own error messages and in-process tests can read them.
/// </summary>
internal sealed class ErrorWriterLoggerProvider(CliConsole console, LogLevelSwitch level) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Logger(console.Error, level, Shorten(categoryName));

    public void Dispose()
    {
    }

    private static string Shorten(string category) => category[(category.LastIndexOf('.') + 1)..];

    private sealed class Logger(TextWriter writer, LogLevelSwitch level, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= level.Minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var tag = logLevel switch
            {
                LogLevel.Trace => "trace",
                LogLevel.Debug => "debug",
                LogLevel.Information => "info",
                LogLevel.Warning => "warning",
                LogLevel.Error => "error",
                _ => "critical",
            };
            lock (writer)
            {
                writer.WriteLine($"hydro: {tag}: [{category}] {formatter(state, exception)}");
                if (exception is not null)
                {
                    writer.WriteLine(exception.ToString());
                }
            }
        }
    }
}
