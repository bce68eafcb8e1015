using Hydro.Torch;

namespace Hydro.Core.Analysis;

/// <summary>Squared Euclidean distances through one matmul, the arithmetic k-means and the silhouette share.</summary>
internal static class PointDistances
{
    /// <summary>‖x_i − c_j‖² [N, K] = ‖x_i‖² − 2 x_i·c_j + ‖c_j‖², clamped at 0 against rounding.</summary>
    /// <param name="x">Points [N, D].</param>
    /// <param name="xNorms">‖x_i‖² [N].</param>
    /// <param name="c">Centres [K, D].</param>
    public static Tensor Squared(Tensor x, Tensor xNorms, Tensor c)
    {
        using var scope = torch.NewDisposeScope();
        var d = xNorms.unsqueeze(1) - (2 * x.matmul(c.t())) + c.square().sum(1).unsqueeze(0);
        return d.clamp_min(0).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The data as float64 [N, D] with the column means subtracted: distances do not change, and centring keeps the
    /// ‖x‖² − 2x·y + ‖y‖² form from cancelling digits when the points lie far from the origin.
    /// </summary>
    public static Tensor Centred(Tensor data, string what)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.dim() != 2 || data.size(0) == 0 || data.size(1) == 0)
        {
            throw new ArgumentException($"{what} must be a non-empty [N, D] matrix, got [{string.Join(", ", data.shape)}]", nameof(data));
        }

        using var scope = torch.NewDisposeScope();
        var x = data.detach().to(ScalarType.Float64);
        if (!x.isfinite().all().item<bool>())
        {
            throw new ArgumentException($"{what} contains NaN or infinite values; drop those rows first", nameof(data));
        }

        return (x - x.mean(0, keepdim: true)).MoveToOuterDisposeScope();
    }
}
