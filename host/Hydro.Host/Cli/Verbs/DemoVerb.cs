using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;

namespace Hydro.Host.Cli.Verbs;

/// <summary><c>hydro demo</c>: trains a small LSTM on generated data (see <see cref="Demo"/>).</summary>
internal static partial class DemoVerb
{
    public static Command Create(IServiceProvider services)
    {
        var defaults = new DemoOptions();
        var epochs = new Option<int>("--epochs")
        {
            Description = "Training epochs, 1 to 1000.",
            DefaultValueFactory = _ => defaults.Epochs,
        };
        epochs.Validators.Add(r =>
        {
            // Tokens, not the value: a token that is no integer at all is reported by the parser itself.
            if (r.Tokens is [var token] && int.TryParse(token.Value, CultureInfo.InvariantCulture, out var value) && value is < 1 or > 1000)
            {
                r.AddError($"--epochs must be within 1..1000, got {value}");
            }
        });
        var seed = new Option<ulong>("--seed")
        {
            Description = "Seed of the data generator and the weights.",
            DefaultValueFactory = _ => defaults.Seed,
        };
        var device = new Option<string>("--device")
        {
            Description = "cpu, cuda or cuda:N.",
            DefaultValueFactory = _ => defaults.Device,
        };
        device.Validators.Add(r =>
        {
            if (r.Tokens is [var token] && !DevicePattern().IsMatch(token.Value))
            {
                r.AddError($"--device must be cpu, cuda or cuda:N, got '{token.Value}'");
            }
        });
        var command = new Command("demo", "Train a small LSTM rainfall-runoff model on generated data (no download) and "
            + "report the test NSE.")
        {
            epochs,
            seed,
            device,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var options = new DemoOptions { Epochs = parse.GetValue(epochs), Seed = parse.GetValue(seed), Device = parse.GetValue(device)! };
            var console = services.GetRequiredService<CliConsole>();
            return Task.FromResult(Demo.Run(options, console.Out, cancellationToken));
        });
        return command;
    }

    [GeneratedRegex("^(cpu|cuda(:[0-9]+)?)$")]
    private static partial Regex DevicePattern();
}
