
namespace Hydro.Torch.GpuTests;

/// <summary>Runs only where libtorch sees a CUDA GPU; elsewhere each test is skipped with the reason.</summary>
public class CudaTests
{
    private static void RequireCuda() =>
        Assert.SkipUnless(torch.cuda.is_available(),
            $"no CUDA GPU visible to libtorch {torch.version} (CPU-only build or no device); build the shim against a CUDA libtorch with LIBTORCH_DIR");

    [Fact]
    public void TensorsMoveToTheGpuAndBack()
    {
        RequireCuda();
        using var scope = torch.NewDisposeScope();
        var cpu = torch.randn([4, 5], torch.Generator(1));
        var gpu = cpu.to(new Device(DeviceType.CUDA, 0));
        Assert.Equal(DeviceType.CUDA, gpu.device.type);
        Assert.Equal(0, gpu.device.index);
        Assert.Equal(cpu.data<float>(), gpu.cpu().data<float>());
        Assert.True(torch.cuda.device_count() >= 1);
    }

    [Fact]
    public void GpuArithmeticAndAutogradMatchTheCpu()
    {
        RequireCuda();
        using var scope = torch.NewDisposeScope();
        var x = torch.randn([64, 32], torch.Generator(2), ScalarType.Float64);
        var w = torch.randn([32, 16], torch.Generator(3), ScalarType.Float64);
        var (cpuValue, cpuGrad) = Run(x, w);
        var (gpuValue, gpuGrad) = Run(x.cuda(), w.cuda());
        Assert.Equal(cpuValue, gpuValue, 1e-9);
        for (var i = 0; i < cpuGrad.Length; i++)
        {
            Assert.Equal(cpuGrad[i], gpuGrad[i], 1e-9);
        }

        static (double, double[]) Run(Tensor x, Tensor w)
        {
            var leaf = w.detach().clone().requires_grad_();
            var loss = torch.tanh(torch.matmul(x, leaf)).pow(2).sum();
            loss.backward();
            return (loss.item<double>(), leaf.grad!.cpu().data<double>());
        }
    }

    [Fact]
    public void LstmTrainingStepRunsOnTheGpuAndMatchesTheCpu()
    {
        RequireCuda();
        using var scope = torch.NewDisposeScope();
        var cpuLoss = Step(Device.CPU);
        var gpuLoss = Step(new Device(DeviceType.CUDA, 0));
        Assert.Equal(cpuLoss, gpuLoss, 1e-3);

        static double Step(Device device)
        {
            using var scope = torch.NewDisposeScope();
            using var lstm = new nn.LSTM(8, 16, batch_first: true, generator: torch.Generator(5));
            using var head = new nn.Linear(16, 1, generator: torch.Generator(6));
            lstm.to(device);
            head.to(device);
            var opt = optim.Adam(lstm.parameters().Concat(head.parameters()), lr: 1e-2);
            var x = torch.randn([4, 20, 8], torch.Generator(7)).to(device);
            var y = torch.randn([4, 1], torch.Generator(8)).to(device);
            double last = 0;
            for (var i = 0; i < 5; i++)
            {
                using var step = torch.NewDisposeScope();
                opt.zero_grad();
                var (output, _) = lstm.call(x);
                var loss = nn.functional.mse_loss(head.call(output.select(1, -1)), y);
                loss.backward();
                opt.step();
                last = loss.item<double>();
            }

            Assert.Equal(device.type, lstm.parameters().First().device.type);
            return last;
        }
    }
}
