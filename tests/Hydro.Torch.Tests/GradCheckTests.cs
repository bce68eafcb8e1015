using Hydro.Torch.Tests.Support;

namespace Hydro.Torch.Tests;

public class GradCheckTests
{
    [Fact]
    public void DetectsAWrongGradient()
    {
        // clone() has gradient 1; a function whose forward ignores the input but whose value depends on it through
        // a detached path must fail the check — the checker itself can fail.
        using var scope = torch.NewDisposeScope();
        var x = torch.tensor(new double[] { 0.5, -1.0, 2.0 });
        Assert.ThrowsAny<Exception>(() => GradCheck.Check(a => a[0].detach().clone().requires_grad_(), [x]));
    }

    [Fact]
    public void AcceptsTheIdentity()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.tensor(new double[] { 0.5, -1.0, 2.0 });
        GradCheck.Check(a => a[0].clone(), [x]);
    }
}
