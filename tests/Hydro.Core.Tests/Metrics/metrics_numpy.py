#!/usr/bin/env python3
"""Golden values for Hydro.Core.Metrics, computed with numpy only from the definitions in
shared/science/models.md section 6 (and, where it is silent, Yilmaz et al. 2008 for FHV/FLV/FMS and
Kratzert et al. 2021 for peak timing, with neuralhydrology's default settings). Written from the
definitions, not from neuralhydrology's or Hydro's code; scipy is not used (find_peaks is re-implemented).

Regenerate (from the repository root):
    HYDRO_TEST_DATA=/work/shared/data /usr/bin/python3 tests/Hydro.Core.Tests/Metrics/metrics_numpy.py
It writes metrics_numpy.json next to this file. MetricsGoldenTests.cs reads the same data files and compares.
"""
import json
import math
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
DATA = os.environ.get("HYDRO_TEST_DATA", os.path.join(REPO, "..", "shared", "data"))
SACSMA = "camels_us/model_output_daymet/model_output/flow_timeseries/daymet"

# name -> (file relative to DATA, how sim/obs are made); kept in step with MetricsGoldenTests.cs
CASES = {
    "sacsma_03439000": (f"{SACSMA}/06/03439000_05_model_output.txt", "sacsma"),
    "sacsma_05120500": (f"{SACSMA}/09/05120500_05_model_output.txt", "sacsma"),
    "sacsma_13331500": (f"{SACSMA}/17/13331500_05_model_output.txt", "sacsma"),
    # obs has gaps (empty cells); sim[t] = 0.9 * obs[t-1] + 0.1, sim[0] missing
    "caravan_01022500_lag1": ("caravan/timeseries/csv/camels/camels_01022500.csv", "lag1"),
}


def load(path, kind):
    full = os.path.join(DATA, path)
    if not os.path.exists(full):
        sys.exit(f"missing {full}: set HYDRO_TEST_DATA to the shared data folder")
    if kind == "sacsma":
        with open(full) as f:
            header = f.readline().split()
            rows = [line.split() for line in f if line.strip()]
        sim = np.array([float(r[header.index("MOD_RUN")]) for r in rows])
        obs = np.array([float(r[header.index("OBS_RUN")]) for r in rows])
        return sim, obs
    with open(full) as f:
        header = f.readline().strip().split(",")
        col = header.index("streamflow")
        obs = np.array([float(v) if v != "" else np.nan for v in (line.rstrip("\n").split(",")[col] for line in f)])
    sim = np.full_like(obs, np.nan)
    sim[1:] = 0.9 * obs[:-1] + 0.1
    return sim, obs


def nse(s, o):
    return 1 - np.sum((s - o) ** 2) / np.sum((o - o.mean()) ** 2)


def pearson(s, o):
    ds, do = s - s.mean(), o - o.mean()
    return np.sum(ds * do) / math.sqrt(np.sum(ds ** 2) * np.sum(do ** 2))


def kge(s, o):
    r, a, b = pearson(s, o), s.std() / o.std(), s.mean() / o.mean()
    return 1 - math.sqrt((r - 1) ** 2 + (a - 1) ** 2 + (b - 1) ** 2)


def fdc(x):
    return np.sort(x)[::-1]


def fhv(s, o, h=0.02):
    k = int(np.round(h * len(o)))
    so, ss = fdc(o)[:k], fdc(s)[:k]
    return 100 * np.sum(ss - so) / np.sum(so)


def floored(s, o):
    s, o = s.copy(), o.copy()
    s[s <= 0] = 1e-6
    o[o == 0] = 1e-6
    return s, o


def flv(s, o, l=0.3):
    s, o = floored(s, o)
    start = int(np.round((1 - l) * len(o)))
    ls, lo = np.log(fdc(s)[start:]), np.log(fdc(o)[start:])
    qsl, qol = np.sum(ls - ls.min()), np.sum(lo - lo.min())
    return -100 * (qsl - qol) / (qol + 1e-6)


def fms(s, o, lower=0.2, upper=0.7):
    s, o = floored(s, o)
    i, j = int(np.round(lower * len(o))), int(np.round(upper * len(o)))
    fs, fo = np.log(fdc(s)), np.log(fdc(o))
    return 100 * ((fs[i] - fs[j]) - (fo[i] - fo[j])) / (fo[i] - fo[j] + 1e-6)


def find_peaks(x, distance, min_prominence):
    """scipy.signal.find_peaks(x, distance=..., prominence=min_prominence), reimplemented; exact height ties in
    the distance step are visited later-index first (stable sort)."""
    n = len(x)
    peaks, i = [], 1
    while i < n - 1:  # local maxima; flat tops count once, at their middle (rounded down)
        if x[i - 1] < x[i]:
            j = i + 1
            while j < n - 1 and x[j] == x[i]:
                j += 1
            if x[j] < x[i]:
                peaks.append((i + j - 1) // 2)
                i = j
        i += 1
    keep = [True] * len(peaks)
    for j in np.argsort(np.array([x[p] for p in peaks]), kind="stable")[::-1]:
        if not keep[j]:
            continue
        for k in range(len(peaks)):
            if k != j and abs(peaks[k] - peaks[j]) < distance:
                keep[k] = False
    out = []
    for p, kept in zip(peaks, keep):
        if not kept:
            continue
        left = p
        while left > 0 and x[left - 1] <= x[p]:
            left -= 1
        right = p
        while right < n - 1 and x[right + 1] <= x[p]:
            right += 1
        prominence = x[p] - max(x[left:p + 1].min(), x[p:right + 1].min())
        if prominence >= min_prominence:
            out.append(p)
    return out


def peak_timing(s, o, t, window=3):
    """s, o: valid steps only; t: their original time index (to skip windows across gaps)."""
    errors = []
    for p in find_peaks(o, 100, o.std()):
        if p - window < 0 or p + window >= len(o) or t[p + window] - t[p - window] != 2 * window:
            continue
        if s[p] > s[p - 1] and s[p] > s[p + 1]:
            errors.append(0)
        else:
            errors.append(abs(p - (p - window + int(np.argmax(s[p - window:p + window + 1])))))
    return float(np.mean(errors)) if errors else float("nan")


def metrics(sim, obs):
    valid = np.isfinite(sim) & np.isfinite(obs)
    s, o, t = sim[valid], obs[valid], np.nonzero(valid)[0]
    mse = float(np.mean((s - o) ** 2))
    return {
        "valid": int(valid.sum()),
        "nse": nse(s, o),
        "kge": kge(s, o),
        "mse": mse,
        "rmse": math.sqrt(mse),
        "pbias": 100 * np.sum(s - o) / np.sum(o),
        "pearson_r": pearson(s, o),
        "alpha_nse": s.std() / o.std(),
        "beta_nse": (s.mean() - o.mean()) / o.std(),
        "fhv": fhv(s, o),
        "flv": flv(s, o),
        "fms": fms(s, o),
        "peak_timing": peak_timing(s, o, t),
        "peaks": len(find_peaks(o, 100, o.std())),
    }


def main():
    out = {}
    for name, (path, kind) in CASES.items():
        sim, obs = load(path, kind)
        out[name] = {"file": path, "kind": kind, "steps": len(obs),
                     "metrics": {k: float(v) for k, v in metrics(sim, obs).items()}}
    target = os.path.join(HERE, "metrics_numpy.json")
    with open(target, "w") as f:
        json.dump(out, f, indent=2, sort_keys=False)
        f.write("\n")
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
