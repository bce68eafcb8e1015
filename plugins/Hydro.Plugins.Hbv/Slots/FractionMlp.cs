using Hydro.Torch;

namespace Hydro.Plugins.Hbv.Slots;

/// <summary>
/// The neural module of a process slot: features [..., F] → a fraction in (0, 1) [...]. A slot multiplies it by the
/// water its process may move, so the replacement can never create or destroy water.
/// </summary>
/// <remarks>
/// <c>Linear(F, H) → tanh → (Linear(H, H) → tanh)^(layers−1) → Linear(H, 1) → sigmoid</c>; weights from the context's
/// seeded generator (PyTorch's default initialisation), submodule <c>net</c>.
/// </remarks>
internal sealed class FractionMlp : nn.Module<Tensor, Tensor>
{
    private readonly nn.Sequential net;

    public FractionMlp(int features, SlotOptions options, Generator? generator)
        : base(nameof(FractionMlp))
    {
        ArgumentNullException.ThrowIfNull(options);
        net = new nn.Sequential(new nn.Linear(features, options.HiddenSize, generator: generator), new nn.Tanh());
        for (var i = 1; i < options.NumLayers; i++)
        {
            net.append(new nn.Linear(options.HiddenSize, options.HiddenSize, generator: generator)).append(new nn.Tanh());
        }

        net.append(new nn.Linear(options.HiddenSize, 1, generator: generator));
        register_module(nameof(net), net);
    }

    /// <summary>Features [..., F] → fraction [...] in (0, 1).</summary>
    public override Tensor forward(Tensor input)
    {
        using var scope = torch.NewDisposeScope();
        return net.forward(input).squeeze(-1).sigmoid().MoveToOuterDisposeScope();
    }
}
