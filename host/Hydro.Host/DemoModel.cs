using Hydro.Torch;

namespace Hydro.Host;

/// <summary>LSTM over [batch, time, inputs] → last hidden state → linear → [batch, 1].</summary>
internal sealed class DemoModel : nn.Module<Tensor, Tensor>
{
    private readonly nn.LSTM lstm;
    private readonly nn.Linear head;

    public DemoModel(int inputs, int hidden, Generator generator)
        : base(nameof(DemoModel))
    {
        lstm = new nn.LSTM(inputs, hidden, batch_first: true, generator: generator);
        head = new nn.Linear(hidden, 1, generator: generator);
        register_module("lstm", lstm);
        register_module("head", head);
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = torch.NewDisposeScope();
        var (output, _) = lstm.call(input);
        return head.call(output.select(1, -1)).MoveToOuterDisposeScope();
    }
}
