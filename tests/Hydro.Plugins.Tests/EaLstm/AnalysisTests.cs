using Hydro.Abstractions.Contracts;
using Hydro.Core.Analysis;
using Hydro.Torch;
using static Hydro.Plugins.Tests.EaLstm.EaLstmBackboneTests;

namespace Hydro.Plugins.Tests.EaLstm;

/// <summary>The analyses of core/Hydro.Core/Analysis on a real EA-LSTM.</summary>
public class AnalysisTests
{
    [Fact]
    public void MorrisSensitivityOfTheEaLstmEqualsFiniteDifferences()
    {
        using var scope = torch.NewDisposeScope();
        using var model = Model(dropout: 0);
        model.to(ScalarType.Float64);
        model.eval();
        using var batch = MakeBatch(ScalarType.Float64);
        var morris = new MorrisSensitivity(["area", "elev_mean"]);
        const int first = 4;
        morris.Add(model, batch, firstStep: first);
        var result = morris.Result();
        Assert.All(model.parameters(), p => Assert.True(p.requires_grad));

        var statics = batch.Static!.data<double>();
        double[] Predict(double[] s)
        {
            using var inner = torch.NewDisposeScope();
            using var noGrad = torch.no_grad();
            var b = new Batch { Dynamic = batch.Dynamic, Static = torch.tensor(s, [3, 2]), Basins = batch.Basins, DynamicNames = batch.DynamicNames };
            return model.Forward(b, null).Prediction.data<double>();
        }

        const double h = 1e-6;
        const int steps = 7;
        for (var row = 0; row < 3; row++)
        {
            for (var i = 0; i < 2; i++)
            {
                var plus = (double[])statics.Clone();
                var minus = (double[])statics.Clone();
                plus[(row * 2) + i] += h;
                minus[(row * 2) + i] -= h;
                var (p, m) = (Predict(plus), Predict(minus));
                var expected = Enumerable.Range(first, steps - first).Average(t => Math.Abs((p[(row * steps) + t] - m[(row * steps) + t]) / (2 * h)));
                Assert.Equal(expected, result.Values[row, i], 1e-7);
            }
        }
    }

    [Fact]
    public void TheInputGateEmbeddingClustersAndProbes()
    {
        using var scope = torch.NewDisposeScope();
        using var model = Model();
        model.eval();
        using var batch = MakeBatch();
        var embedding = model.Embedding(batch);
        var clustering = KMeans.Fit(embedding, 2, new Random(1));
        Assert.Equal(3, clustering.Labels.Count);
        using var states = model.ForwardStates(batch, null);
        var cells = states.Cell.reshape(-1, 5);
        var top = CellCorrelation.Top(cells, cells.select(1, 3), 1);
        Assert.Equal(3, top[0].Cell);
        Assert.Equal(1.0, top[0].R, 1e-9);
    }
}
