using Hydro.Torch;

namespace Hydro.Plugins.Hbv.Slots;

/// <summary>What the soil's effective-rainfall process sees at one step; every tensor is [B, nmul].</summary>
/// <param name="Water">Water entering the soil, Pr + tosoil (mm/day).</param>
/// <param name="SoilMoisture">SM before the step's input (mm).</param>
/// <param name="FieldCapacity">FC (mm).</param>
/// <param name="Beta">BETA (-).</param>
internal sealed record EffectiveRainfallInputs(Tensor Water, Tensor SoilMoisture, Tensor FieldCapacity, Tensor Beta);

/// <summary>
/// The <c>effective_rainfall</c> slot: the part of the water entering the soil that recharges the upper zone, in
/// [0, Pr + tosoil] whichever implementation fills it.
/// </summary>
internal abstract class EffectiveRainfall(string name) : nn.Module<EffectiveRainfallInputs, Tensor>(name)
{
    /// <summary>The slot filled by the HBV equation, or by the neural module <paramref name="options"/> describes.</summary>
    public static EffectiveRainfall Create(SlotOptions? options, (double Min, double Max) fc, (double Min, double Max) beta, Generator? generator) =>
        options is null ? new BetaFunction() : new Neural(options, fc, beta, generator);

    /// <summary>HBV's beta function: <c>recharge = (Pr + tosoil) · clamp((SM / FC)^BETA, 0, 1)</c> (Bergström 1992).</summary>
    private sealed class BetaFunction() : EffectiveRainfall(nameof(BetaFunction))
    {
        public override Tensor forward(EffectiveRainfallInputs input)
        {
            using var scope = torch.NewDisposeScope();
            var wet = (input.SoilMoisture / input.FieldCapacity).pow(input.Beta).clamp(0.0, 1.0);
            return (input.Water * wet).MoveToOuterDisposeScope();
        }
    }

    /// <summary>
    /// Feng et al. (2022), option C: <c>recharge = sigmoid(NN(FC, BETA, SM, SM/FC, Pr + tosoil)) · (Pr + tosoil)</c>,
    /// the features scaled as <see cref="ProcessSlot.Hbv"/> lists them so that they are O(1).
    /// </summary>
    private sealed class Neural : EffectiveRainfall
    {
        private readonly FractionMlp mlp;
        private readonly (double Min, double Max) fc;
        private readonly (double Min, double Max) beta;

        public Neural(SlotOptions options, (double Min, double Max) fc, (double Min, double Max) beta, Generator? generator)
            : base(nameof(Neural))
        {
            this.fc = fc;
            this.beta = beta;
            mlp = new FractionMlp(5, options, generator);
            register_module(nameof(mlp), mlp);
        }

        public override Tensor forward(EffectiveRainfallInputs input)
        {
            using var scope = torch.NewDisposeScope();
            var features = torch.stack(
            [
                (input.FieldCapacity - fc.Min) / (fc.Max - fc.Min),
                (input.Beta - beta.Min) / (beta.Max - beta.Min),
                input.SoilMoisture / fc.Max,
                input.SoilMoisture / input.FieldCapacity,
                input.Water.log1p(),
            ], -1);
            return (mlp.forward(features) * input.Water).MoveToOuterDisposeScope();
        }
    }
}
