namespace Hydro.Plugins.Hbv.Slots;

/// <summary>The neural modules a process slot can hold instead of its equation.</summary>
public enum SlotModuleType
{
    /// <summary>A small fully connected network with tanh hidden layers and a sigmoid output.</summary>
    Mlp,
}
