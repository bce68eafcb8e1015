"""The PyTorch side of the hydrotrace benchmark: the model of HydroTraceBackbone written as a PyTorch user would (grouped
convolutions, the same layout and defaults), one training step timed like TrainingStep.cs.

Prints one JSON object {"torch": version, "step_ms": median wall time, "cpu_ms": median process CPU time,
"maxrss_kib": peak RSS}. Run by the benchmark program; by hand:
    /usr/bin/python3 tests/Hydro.Attention.Benchmarks/bench_hydrotrace.py --threads 1
"""
import argparse
import json
import resource
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


class HydroTrace(nn.Module):
    """Depthwise ConvLSTM2D (groups = C, gates i, f, g, o per group) → spatial attention → pooling → feature attention → head."""

    def __init__(self, C, Hc, k=3, head_hidden=32, K=1, forget_bias=1.0):
        super().__init__()
        self.C, self.Hc = C, Hc
        self.input_conv = nn.Conv2d(C, 4 * C * Hc, k, padding=k // 2, groups=C)
        self.hidden_conv = nn.Conv2d(C * Hc, 4 * C * Hc, k, padding=k // 2, groups=C, bias=False)
        with torch.no_grad():
            self.input_conv.bias.view(C, 4, Hc)[:, 1] = forget_bias
        self.score = nn.Conv2d(C * Hc, 1, 1)
        bound = Hc ** -0.5
        self.feature_weight = nn.Parameter(torch.empty(C, Hc).uniform_(-bound, bound))
        self.feature_bias = nn.Parameter(torch.empty(C).uniform_(-bound, bound))
        self.hidden = nn.Linear(C * Hc, head_hidden)
        self.head = nn.Linear(head_hidden, K)

    def forward(self, x, mask):
        B, T, C, H, W = x.shape
        m = mask.to(x.dtype).unsqueeze(1)  # [B, 1, H, W]
        x = x * m.unsqueeze(1)
        gates = self.input_conv(x.reshape(B * T, C, H, W)).view(B, T, -1, H, W).unbind(1)
        h = c = None
        hs = []
        for t in range(T):
            z = gates[t] if h is None else gates[t] + self.hidden_conv(h)
            z = z.view(B, C, 4, self.Hc, H, W)
            s = torch.sigmoid(z)
            written = s[:, :, 0] * torch.tanh(z[:, :, 2])
            c = written if c is None else s[:, :, 1] * c.view(B, C, self.Hc, H, W) + written
            c = c * m.unsqueeze(1)
            h = (s[:, :, 3] * torch.tanh(c)).view(B, C * self.Hc, H, W)
            c = c.view(B, C * self.Hc, H, W)
            hs.append(h)
        states = torch.stack(hs, 1)  # [B, T, C*Hc, H, W]
        a = torch.sigmoid(self.score(states.reshape(B * T, C * self.Hc, H, W))).view(B, T, H, W) * m
        pooled = states.reshape(B, T, C * self.Hc, H * W).matmul(a.reshape(B, T, H * W, 1)).squeeze(-1)
        pooled = (pooled / a.sum((2, 3)).clamp_min(1e-30).unsqueeze(-1)).view(B, T, C, self.Hc)
        alpha = torch.softmax((pooled * self.feature_weight).sum(-1) + self.feature_bias, -1)
        z = (pooled * alpha.unsqueeze(-1)).reshape(B, T, C * self.Hc)
        return self.head(torch.relu(self.hidden(z))), a, alpha


def disc(B, grid):
    """The mask of TrainingStep.Disc: a disc of radius 0.45·grid around the centre."""
    r = torch.arange(grid, dtype=torch.float64) - (grid - 1) / 2.0
    inside = r.view(-1, 1) ** 2 + r.view(1, -1) ** 2 <= (0.45 * grid) ** 2
    return inside.expand(B, grid, grid).clone()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--device", default="cpu")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--steps", type=int, default=7)
    ap.add_argument("--channels", type=int, default=8)
    ap.add_argument("--grid", type=int, default=64)
    ap.add_argument("--hidden", type=int, default=4)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    model = HydroTrace(a.channels, a.hidden).to(a.device)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    mask = disc(a.batch, a.grid).to(a.device)
    x = torch.randn(a.batch, a.steps, a.channels, a.grid, a.grid, device=a.device) * mask[:, None, None]
    y = torch.randn(a.batch, 1, device=a.device)

    def step():
        opt.zero_grad(set_to_none=True)
        prediction, _, _ = model(x, mask)
        loss = F.mse_loss(prediction[:, -1], y)
        loss.backward()
        opt.step()
        if a.device != "cpu":
            torch.cuda.synchronize()

    step()  # warm-up
    times, cpu = [], []
    for _ in range(a.repeats):
        t0, c0 = time.perf_counter(), time.process_time()
        step()
        times.append((time.perf_counter() - t0) * 1000.0)
        cpu.append((time.process_time() - c0) * 1000.0)
    times.sort()
    cpu.sort()
    print(json.dumps({"torch": torch.__version__, "threads": torch.get_num_threads(), "step_ms": times[len(times) // 2],
                      "cpu_ms": cpu[len(cpu) // 2],
                      "maxrss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))


if __name__ == "__main__":
    main()
