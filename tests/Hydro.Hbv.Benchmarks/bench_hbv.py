"""The PyTorch side of the hbv benchmark: the HBV of plugins/Hydro.Plugins.Hbv (models.md section 2, delta variant,
nmul components, gamma routing) written op by op, with the inputs of HbvStepBench.cs.

Prints one JSON object {"torch": version, "all_grad": {"ms", "loss"}, "warmup": {"ms", "loss"}}. By hand:
    /usr/bin/python3 tests/Hydro.Hbv.Benchmarks/bench_hbv.py --threads 2
"""
import argparse
import json
import math
import time

import torch

# Name, min, max in the order of HbvParameterLayout (defaults of HbvParameterRanges).
RANGES = [("BETA", 1.0, 6.0), ("FC", 50.0, 1000.0), ("K0", 0.05, 0.9), ("K1", 0.01, 0.5), ("K2", 0.001, 0.2),
          ("LP", 0.2, 1.0), ("PERC", 0.0, 10.0), ("UZL", 0.0, 100.0), ("TT", -2.5, 2.5), ("CFMAX", 0.5, 10.0),
          ("CFR", 0.0, 0.1), ("CWH", 0.0, 0.2), ("BETAET", 0.3, 5.0), ("ROUTE_A", 0.0, 2.9), ("ROUTE_THETA", 0.0, 6.5)]
INITIAL = 1e-3
FLOOR = 1e-5
UH_LENGTH = 15


def forcing(basins, days, device):
    x = torch.zeros(basins, days, 3, dtype=torch.float64)
    t = torch.arange(days, dtype=torch.float64)
    season = 2 * math.pi * t / 365.0
    for b in range(basins):
        x[b, :, 0] = torch.clamp(12 * torch.sin(0.37 * t + b) - 4, min=0)
        x[b, :, 1] = 12 * torch.sin(season - 1.8) + 4 + 0.02 * b
        x[b, :, 2] = 2.5 + 2 * torch.sin(season - 1.8)
    return x.float().to(device)


def raw_values(basins, parameters, nmul, device):
    i = torch.arange(basins * parameters * nmul, dtype=torch.float64)
    return (1.5 * torch.sin(0.7 * i)).float().reshape(basins, parameters, nmul).to(device).requires_grad_()


def step(s, p, t, ep, k):
    snow, liquid, sm, uz, lz = s
    snowfall = torch.where(t < k["TT"], p, torch.zeros((), dtype=p.dtype))
    rain = p - snowfall
    melt = torch.minimum(k["CFMAX"] * (t - k["TT"]).relu(), snow)
    refreeze = torch.minimum(k["CFR"] * k["CFMAX"] * (k["TT"] - t).relu(), liquid)
    snow = snow + snowfall + refreeze - melt
    liquid = liquid + melt - refreeze
    tosoil = (liquid - k["CWH"] * snow).relu()
    liquid = liquid - tosoil
    water = rain + tosoil
    wet = (sm / k["FC"]).pow(k["BETA"]).clamp(0.0, 1.0)
    recharge = water * wet
    sm = sm + water - recharge
    excess = (sm - k["FC"]).relu()
    sm = sm - excess
    ratio = sm / (k["LP"] * k["FC"])
    evapf = ratio.pow(k["BETAET"]).clamp(0.0, 1.0)
    sm_after = (sm - ep * evapf).clamp_min(FLOOR)
    et = sm - sm_after
    uz = uz + recharge + excess
    perc = torch.minimum(uz, k["PERC"])
    uz = uz - perc
    q0 = k["K0"] * (uz - k["UZL"]).relu()
    uz = uz - q0
    q1 = k["K1"] * uz
    uz = uz - q1
    lz = lz + perc
    q2 = k["K2"] * lz
    lz = lz - q2
    return (snow, liquid, sm_after, uz, lz), (q0, q1, q2, et)


def hbv(x, parameters, warmup):
    b, days, _ = x.shape
    nmul = parameters.shape[3]
    p, t, ep = x[:, :, 0:1], x[:, :, 1:2], x[:, :, 2:3]
    last = parameters[:, days - 1]
    k = {name: last[:, i] for i, (name, _, _) in enumerate(RANGES)}
    s = tuple(torch.full((b, nmul), INITIAL, dtype=x.dtype, device=x.device) for _ in range(5))
    collected = [[] for _ in range(9)]

    def run(day, s):
        s, f = step(s, p[:, day], t[:, day], ep[:, day], k)
        for i, v in enumerate(f + s):
            collected[i].append(v)
        return s

    with torch.no_grad():
        for day in range(warmup):
            s = run(day, s)
    s = tuple(v.detach() for v in s)
    for day in range(warmup, days):
        s = run(day, s)
    series = [torch.stack(c, 1).mean(2) for c in collected]
    runoff = series[0] + series[1] + series[2]
    a = k["ROUTE_A"].mean(1).relu() + 0.1
    theta = k["ROUTE_THETA"].mean(1).relu() + 0.5
    s_mid = torch.arange(0.5, UH_LENGTH, 1.0, dtype=x.dtype, device=x.device).unsqueeze(0)
    a, theta = a.unsqueeze(1), theta.unsqueeze(1)
    log = (a - 1) * s_mid.log() - s_mid / theta - a.lgamma() - a * theta.log()
    w = log.exp()
    w = w / w.sum(1, keepdim=True)
    padded = torch.cat([torch.zeros(1, b, UH_LENGTH - 1, dtype=x.dtype, device=x.device), runoff.unsqueeze(0)], 2)
    routed = torch.nn.functional.conv1d(padded, w.flip(1).unsqueeze(1), groups=b)
    return routed.squeeze(0)


def training_step(x, raw, minimum, span, warmup, device):
    raw.grad = None
    days = x.shape[1]
    parameters = (minimum + raw.sigmoid() * span).unsqueeze(1).expand(raw.shape[0], days, raw.shape[1], raw.shape[2])
    q = hbv(x, parameters, warmup)
    loss = (q[:, warmup:] - 1.0).square().mean()
    loss.backward()
    if device != "cpu":
        torch.cuda.synchronize()
    return loss.item()


def median_ms(fn, repeats):
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000.0)
    times.sort()
    return times[len(times) // 2]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--device", default="cpu")
    ap.add_argument("--threads", type=int, default=0)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--basins", type=int, default=100)
    ap.add_argument("--days", type=int, default=730)
    ap.add_argument("--nmul", type=int, default=16)
    ap.add_argument("--warmup", type=int, default=365)
    a = ap.parse_args()
    if a.threads > 0:
        torch.set_num_threads(a.threads)
    x = forcing(a.basins, a.days, a.device)
    minimum = torch.tensor([r[1] for r in RANGES], device=a.device).unsqueeze(1)
    span = torch.tensor([r[2] - r[1] for r in RANGES], device=a.device).unsqueeze(1)
    result = {"torch": torch.__version__}
    for name, warmup in (("all_grad", 0), ("warmup", a.warmup)):
        raw = raw_values(a.basins, len(RANGES), a.nmul, a.device)
        loss = training_step(x, raw, minimum, span, warmup, a.device)
        ms = median_ms(lambda: training_step(x, raw, minimum, span, warmup, a.device), a.repeats)
        result[name] = {"ms": ms, "loss": loss}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
