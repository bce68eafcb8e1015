using Hydro.Torch;

namespace Hydro.Plugins.Lstm.EaLstm;

/// <summary>
/// The time-varying part of the EA-LSTM: forget, output and cell-input gates from the dynamic inputs and h[t−1], and
/// the recurrence that writes into the cell state through a fixed input gate.
/// </summary>
/// <remarks>
/// Kratzert et al. (2019, eq. 7–12), with <c>i</c> given:
/// <c>[f, o, g][t] = x_d[t] W_ih + h[t−1] W_hh + b</c>, <c>c[t] = σ(f) ⊙ c[t−1] + i ⊙ tanh(g)</c>,
/// <c>h[t] = σ(o) ⊙ tanh(c[t])</c>, from h[0] = c[0] = 0. Parameters: <c>weight_ih</c> [F, 3H], <c>weight_hh</c> [H, 3H],
/// <c>bias</c> [3H], gate blocks in the order f, o, g (the layout of the authors' published code as we know it, so that
/// <c>x W</c> needs no transpose). Initialisation as there: W_ih orthogonal, W_hh three identity blocks, b = 0 but the
/// forget block, which is set to the initial forget bias.
/// </remarks>
internal sealed class DynamicGates : nn.Module
{
    private readonly nn.Parameter weightIh;
    private readonly nn.Parameter weightHh;
    private readonly nn.Parameter bias;
    private readonly long hidden;

    /// <summary>Creates the gate weights; W_ih is drawn from <paramref name="generator"/>.</summary>
    public DynamicGates(long inputs, long hidden, double initialForgetBias, Generator? generator)
        : base(nameof(DynamicGates))
    {
        this.hidden = hidden;
        using (var scope = torch.NewDisposeScope())
        {
            weightIh = new nn.Parameter(nn.init.orthogonal_(torch.empty([inputs, 3 * hidden]), generator: generator));
            weightHh = new nn.Parameter(torch.ones([hidden]).diag().repeat(1, 3).contiguous());
            var b = torch.zeros([3 * hidden]);
            nn.init.constant_(b.narrow(0, 0, hidden), initialForgetBias);
            bias = new nn.Parameter(b);
        }

        register_parameter("weight_ih", weightIh);
        register_parameter("weight_hh", weightHh);
        register_parameter(nameof(bias), bias);
    }

    /// <summary>Runs the recurrence over every step.</summary>
    /// <param name="dynamic">Dynamic inputs x_d [B, T, F].</param>
    /// <param name="inputGate">The per-basin input gate i ∈ (0, 1) [B, H], the same at every step.</param>
    /// <returns>h[t] and c[t] after each step, [B, T, H] each.</returns>
    public (Tensor h, Tensor c) Run(Tensor dynamic, Tensor inputGate)
    {
        using var scope = torch.NewDisposeScope();
        var steps = dynamic.size(1);
        var h2 = 2 * hidden;

        // One matmul projects the inputs of all steps; each step then adds one [B, H] × [H, 3H] product. The steps are
        // taken with unbind, whose backward is one stack: select(1, t) would allocate a full [B, T, 3H] gradient per step.
        var projected = (dynamic.matmul(weightIh) + bias).unbind(1);
        var hs = new Tensor[steps];
        var cs = new Tensor[steps];
        Tensor? h = null, c = null;
        for (var t = 0; t < steps; t++)
        {
            var x = projected[t];
            var gates = h is null ? x : x + h.matmul(weightHh);
            var fo = gates.narrow(1, 0, h2).sigmoid();
            var written = inputGate * gates.narrow(1, h2, hidden).tanh();
            c = c is null ? written : (fo.narrow(1, 0, hidden) * c) + written;
            h = fo.narrow(1, hidden, hidden) * c.tanh();
            hs[t] = h;
            cs[t] = c;
        }

        return (torch.stack(hs, 1).MoveToOuterDisposeScope(), torch.stack(cs, 1).MoveToOuterDisposeScope());
    }
}
