"""The PyTorch side of the Hydro.Torch benchmark: the same work as Program.cs, on the same libtorch.

Prints one JSON object {"case": milliseconds, ...}. Run by the benchmark program; by hand:
    /usr/bin/python3 tests/Hydro.Torch.Benchmarks/bench_torch.py --device cpu --threads 2
"""
import argparse
import json
import time

import torch


def op_chain(n_ops, device):
    """Forward + backward through n_ops tiny alternating ops on a 16-element tensor (per-op overhead)."""
    x = torch.linspace(-1, 1, 16, device=device).requires_grad_()
    y = x
    for i in range(n_ops):
        y = y * 0.999 if i % 2 == 0 else y + 0.001
    y.sum().backward()
    if device != "cpu":
        torch.cuda.synchronize()
    return x.grad


def lstm_setup(device, batch, seq, inputs, hidden):
    torch.manual_seed(0)
    lstm = torch.nn.LSTM(inputs, hidden, batch_first=True).to(device)
    head = torch.nn.Linear(hidden, 1).to(device)
    params = list(lstm.parameters()) + list(head.parameters())
    opt = torch.optim.Adam(params, lr=1e-3)
    x = torch.randn(batch, seq, inputs, device=device)
    y = torch.randn(batch, 1, device=device)
    return lstm, head, opt, x, y


def lstm_step(lstm, head, opt, x, y, device):
    opt.zero_grad(set_to_none=True)
    out, _ = lstm(x)
    pred = head(out[:, -1, :])
    loss = torch.nn.functional.mse_loss(pred, y)
    loss.backward()
    opt.step()
    if device != "cpu":
        torch.cuda.synchronize()
    return loss.item()


def timed(fn, repeats):
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000.0)
    times.sort()
    return times[len(times) // 2]  # median


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--device", default="cpu")
    ap.add_argument("--threads", type=int, default=0)
    ap.add_argument("--ops", type=int, default=20000)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--lstm-steps", type=int, default=5)
    ap.add_argument("--batch", type=int, default=256)
    ap.add_argument("--seq", type=int, default=270)
    ap.add_argument("--inputs", type=int, default=32)
    ap.add_argument("--hidden", type=int, default=256)
    a = ap.parse_args()
    if a.threads > 0:
        torch.set_num_threads(a.threads)
    result = {}
    op_chain(1000, a.device)  # warm-up
    result["op_chain"] = timed(lambda: op_chain(a.ops, a.device), a.repeats)
    lstm, head, opt, x, y = lstm_setup(a.device, a.batch, a.seq, a.inputs, a.hidden)
    lstm_step(lstm, head, opt, x, y, a.device)  # warm-up
    result["lstm_step"] = timed(lambda: lstm_step(lstm, head, opt, x, y, a.device), a.lstm_steps)
    result["torch"] = torch.__version__
    result["threads"] = torch.get_num_threads()
    print(json.dumps(result))


if __name__ == "__main__":
    main()
