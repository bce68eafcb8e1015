using Microsoft.Extensions.Logging;

namespace Hydro.Host.Logging;

/// <summary>The lowest level written; raised by <c>--verbose</c> once the command line is parsed.</summary>
internal sealed class LogLevelSwitch
{
    public LogLevel Minimum { get; set; } = LogLevel.Warning;
}
