using System.Globalization;
using Hydro.Abstractions.Components;
using Hydro.Abstractions.Contracts;
using Hydro.Torch;

namespace Hydro.Plugins.Attention.HydroTrace;

/// <summary>The checks of <c>hydrotrace</c>'s options, context and batches, with messages that name the option or tensor.</summary>
internal static class HydroTraceValidation
{
    /// <summary>Rejects options out of range and a context without gridded inputs or targets.</summary>
    /// <exception cref="ArgumentException">Naming the option and the value seen.</exception>
    public static void Validate(HydroTraceOptions options, ComponentContext context)
    {
        Range("hidden_channels", options.HiddenChannels, 1, 256);
        Range("kernel_size", options.KernelSize, 1, 15);
        if (options.KernelSize % 2 == 0)
        {
            throw new ArgumentException($"hydrotrace: kernel_size must be odd (so that 'same' padding is symmetric), got {options.KernelSize}", nameof(options));
        }

        Range("head_hidden", options.HeadHidden, 0, 4096);
        Range("position_resolution", options.PositionResolution, 0, 64);
        Range("input_lag", options.InputLag, 0, 365);
        if (options.Dropout is < 0 or > 0.95 || double.IsNaN(options.Dropout))
        {
            throw new ArgumentException(Invariant($"hydrotrace: dropout must be in 0..0.95, got {options.Dropout}"), nameof(options));
        }

        if (options.InitialForgetBias is < -100 or > 100 || double.IsNaN(options.InitialForgetBias))
        {
            throw new ArgumentException(Invariant($"hydrotrace: initial_forget_bias must be in -100..100, got {options.InitialForgetBias}"), nameof(options));
        }

        if (context.GriddedInputs.Count == 0)
        {
            throw new ArgumentException("hydrotrace needs gridded inputs: list them under inputs.gridded", nameof(context));
        }

        if (context.Targets.Count == 0)
        {
            throw new ArgumentException("hydrotrace needs at least one target: list it under 'targets' in the experiment", nameof(context));
        }
    }

    /// <summary>
    /// The batch's gridded inputs [B, T, C, H, W] and mask [B, H, W]; <see cref="Backbone{TOptions}"/> has already checked
    /// them against the context, this adds the window's length against the lag.
    /// </summary>
    /// <exception cref="ArgumentException">T ≤ input_lag.</exception>
    public static (Tensor Gridded, Tensor Mask) Gridded(Batch batch, int inputLag)
    {
        if (batch.Steps <= inputLag)
        {
            throw new ArgumentException(
                $"hydrotrace: the window has {batch.Steps} steps but input_lag is {inputLag}: training.sequence_length must be greater than input_lag");
        }

        return (batch.Gridded!, batch.GriddedMask!);
    }

    private static void Range(string name, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            throw new ArgumentException($"hydrotrace: {name} must be in {min}..{max}, got {value}", nameof(value));
        }
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
