using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Hydro.Plugins.Hbv.Slots;

/// <summary>The neural module that replaces one process slot's equation.</summary>
[Description("A neural module in place of the slot's equation.")]
public sealed class SlotOptions
{
    /// <summary>The module type.</summary>
    [Description("Module type: mlp (tanh hidden layers, sigmoid output scaled to the water the process may move).")]
    public SlotModuleType Type { get; init; } = SlotModuleType.Mlp;

    /// <summary>Units per hidden layer, 1–1024.</summary>
    [Description("Units of each hidden layer, 1 to 1024.")]
    [Range(1, 1024)]
    public int HiddenSize { get; init; } = 16;

    /// <summary>Hidden layers, 1–4.</summary>
    [Description("Number of hidden layers, 1 to 4.")]
    [Range(1, 4)]
    public int NumLayers { get; init; } = 1;
}
