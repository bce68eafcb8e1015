using Hydro.Torch;

namespace Hydro.Plugins.Hbv.Hbv;

/// <summary>The reported series of one window, each [B, T], averaged over the components.</summary>
internal sealed record HbvSeries(Tensor Q0, Tensor Q1, Tensor Q2, Tensor Evapotranspiration, Tensor Snow, Tensor Melt, Tensor SoilMoisture, Tensor UpperZone, Tensor LowerZone)
{
    /// <summary>Collects each day's stores and fluxes [B, nmul]; stacks them once at the end.</summary>
    public sealed class Builder(int steps)
    {
        private readonly List<Tensor>[] lists = [.. Enumerable.Range(0, 9).Select(_ => new List<Tensor>(steps))];

        /// <summary>Keeps the day's reported values (moved out of the day's dispose scope) and returns the stores.</summary>
        public HbvStates Add(HbvStates states, HbvFluxes fluxes)
        {
            Tensor[] day =
            [
                fluxes.Q0, fluxes.Q1, fluxes.Q2, fluxes.Evapotranspiration,
                states.Snow, states.Melt, states.SoilMoisture, states.UpperZone, states.LowerZone,
            ];
            for (var i = 0; i < day.Length; i++)
            {
                lists[i].Add(day[i].MoveToOuterDisposeScope());
            }

            return states;
        }

        /// <summary>The series [B, T] (component means).</summary>
        public HbvSeries Build()
        {
            var s = lists.Select(l => torch.stack(l, 1).mean(2)).ToArray();
            return new HbvSeries(s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], s[8]);
        }
    }
}
