using System.Globalization;

namespace Hydro.Torch.Tests.Memory;

/// <summary>A training loop inside dispose scopes must not leak native memory.</summary>
/// <remarks>
/// Runs alone (its own non-parallel collection): other tests allocating in the same process would move its resident
/// size. The allocators (glibc arenas, libtorch's thread pool, the GC heap) settle during the first couple of
/// thousand steps, and single readings jitter by a few MB, so the end is the median of the last readings.
/// </remarks>
[Collection(nameof(TrainingMemoryTests))]
[CollectionDefinition(nameof(TrainingMemoryTests), DisableParallelization = true)]
public class TrainingMemoryTests
{
    private const int WarmupSteps = 2_000;
    private const int Steps = WarmupSteps + 10_000;
    private const int EndReadings = 5;
    private const int ReadingEvery = 250;

    [Fact]
    public void TenThousandLstmStepsKeepResidentMemoryFlat()
    {
        using var lstm = new nn.LSTM(4, 16, batch_first: true, generator: torch.Generator(1));
        using var head = new nn.Linear(16, 1, generator: torch.Generator(2));
        var optimizer = optim.Adam(lstm.parameters().Concat(head.parameters()), lr: 1e-3);
        using var x = torch.randn([8, 20, 4], torch.Generator(3));
        using var y = torch.randn([8, 1], torch.Generator(4));

        long afterWarmup = 0;
        var endReadings = new List<long>();
        var leftInScope = 0;
        for (var step = 1; step <= Steps; step++)
        {
            using (var scope = torch.NewDisposeScope())
            {
                optimizer.zero_grad();
                var (output, _) = lstm.call(x);
                var loss = nn.functional.mse_loss(head.call(output.select(1, -1)), y);
                loss.backward();
                optimizer.step();
                leftInScope = scope.Count;
            }

            if (step == WarmupSteps)
            {
                afterWarmup = ResidentBytes();
            }
            else if (step > Steps - (EndReadings * ReadingEvery) && step % ReadingEvery == 0)
            {
                endReadings.Add(ResidentBytes());
            }
        }

        endReadings.Sort();
        var end = endReadings[endReadings.Count / 2];
        var growth = (double)(end - afterWarmup) / afterWarmup;
        Assert.True(leftInScope > 0, "the step created no tensors in its scope: the test measures nothing");
        Assert.True(growth < 0.05, string.Create(CultureInfo.InvariantCulture,
            $"resident memory grew {growth:P1} from {afterWarmup / 1e6:F1} MB after {WarmupSteps} warm-up steps to {end / 1e6:F1} MB (median of the last {EndReadings} readings) after {Steps - WarmupSteps} more"));
    }

    /// <summary>VmRSS of this process, after a full garbage collection (managed garbage is not a leak).</summary>
    private static long ResidentBytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        var kb = long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return kb * 1024;
    }
}
