using Hydro.Torch.Optim;
using Hydro.Torch.Serialization;
using Hydro.Torch.Tests.Support;

namespace Hydro.Torch.Tests.Optim;

/// <summary>SGD, Adam and AdamW trajectories over 100 steps against PyTorch 1.13 (make_optim.py).</summary>
public class OptimizerGoldenTests
{
    public static IEnumerable<object[]> Cases => OptimProblem.Names();

    [Theory]
    [MemberData(nameof(Cases))]
    public void TrajectoryMatchesPyTorch(string name)
    {
        var problem = new OptimProblem(Golden.Case("optim", name));
        using var scope = torch.NewDisposeScope();
        var ps = problem.InitialParams();
        using var optimizer = problem.MakeOptimizer(ps);
        var records = problem.Records();
        problem.Run(optimizer, ps, 1, 100, step =>
        {
            if (records.TryGetValue(step, out var expected))
            {
                problem.ExpectRecord(ps, expected, step);
            }
        });
    }

    [Theory]
    [InlineData("adam_amsgrad")]
    [InlineData("adamw")]
    [InlineData("adam_groups")]
    [InlineData("adam_missing_grads")]
    [InlineData("sgd_momentum_dampening_wd")]
    [InlineData("sgd_nesterov")]
    [InlineData("adam_float32")]
    public void ResumedFromSafeTensorsContinuesTheExactTrajectory(string name)
    {
        var problem = new OptimProblem(Golden.Case("optim", name));
        using var scope = torch.NewDisposeScope();

        var straight = problem.InitialParams();
        using (var optimizer = problem.MakeOptimizer(straight))
        {
            problem.Run(optimizer, straight, 1, 100);
        }

        var path = Path.Combine(Path.GetTempPath(), $"hydro-optim-{Guid.NewGuid():N}.safetensors");
        try
        {
            var first = problem.InitialParams();
            using (var optimizer = problem.MakeOptimizer(first))
            {
                problem.Run(optimizer, first, 1, 50);
                using var state = optimizer.state_dict();
                var all = new Dictionary<string, Tensor>(state.Tensors) { ["param.0"] = first[0], ["param.1"] = first[1] };
                SafeTensors.Save(path, all, state.Metadata);
            }

            // A new process would start here: parameters and optimiser state come from the file only.
            var (tensors, metadata) = SafeTensors.Load(path);
            var resumed = new[] { tensors["param.0"].requires_grad_(), tensors["param.1"].requires_grad_() };
            using (var optimizer = problem.MakeOptimizer(resumed))
            {
                optimizer.load_state_dict(new OptimizerStateDict(tensors, metadata));
                problem.Run(optimizer, resumed, 51, 100);
            }

            for (var i = 0; i < 2; i++)
            {
                Assert.Equal(straight[i].to(ScalarType.Float64).data<double>(), resumed[i].to(ScalarType.Float64).data<double>());
            }

            problem.ExpectRecord(resumed, problem.Records()[100], 100);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
