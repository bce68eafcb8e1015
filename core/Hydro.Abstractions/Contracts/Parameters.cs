namespace Hydro.Abstractions.Contracts;

/// <summary>A physical parameter a backbone needs (e.g. HBV's field capacity), with its admissible range.</summary>
/// <param name="Name">Short name as in the model's equations (e.g. <c>FC</c>).</param>
/// <param name="Min">Lower bound of the physical range.</param>
/// <param name="Max">Upper bound of the physical range.</param>
/// <param name="Dynamic">True when the parameter may vary in time (learned per time step), false when static per basin.</param>
/// <param name="Unit">Unit of the parameter (<c>-</c> for dimensionless).</param>
/// <param name="Description">One line for listings.</param>
public sealed record ParameterSpec(string Name, double Min, double Max, bool Dynamic = false, string Unit = "-", string? Description = null)
{
    /// <summary>Maps a value in [0, 1] to the physical range: <c>Min + u·(Max − Min)</c>.</summary>
    public double Scale(double unit) => Min + unit * (Max - Min);
}

/// <summary>What a parameter learner must produce for a backbone.</summary>
/// <param name="Parameters">The parameters, in output order.</param>
/// <param name="Components">Parallel model components per basin (the δ-model's <c>nmul</c>), ≥ 1.</param>
public sealed record ParameterRequest(IReadOnlyList<ParameterSpec> Parameters, int Components = 1);
