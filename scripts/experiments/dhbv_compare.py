#!/usr/bin/python3
"""Tables of docs/experiments/dhbv-camels.md from trained and evaluated Hydro runs.

    /usr/bin/python3 scripts/experiments/dhbv_compare.py --camels ../shared/data/camels_us \
        static=runs/camels_dev_dhbv_delta16_<stamp> dynamic=runs/camels_dev_dhbv_dynamic_<stamp> ...

For each run (LABEL=RUN): median and mean test NSE over basins and the count of basins with NSE <= 0; for runs whose
predictions have Q0, Q1, Q2 (hbv), the Pearson correlation across basins between the simulated baseflow share
mean(Q2) / mean(Q0 + Q1 + Q2) and CAMELS' baseflow_index; and, on the basins that have SAC-SMA output in the data
(model_output_daymet), the NSE of SAC-SMA's MOD_RUN against the same observations on the same days next to each
run's NSE there. Reads results/<period>/ (default test) as hydro evaluate writes it.
"""
import argparse
import glob
import os

import numpy as np
import pandas as pd


def nse(sim, obs):
    ok = np.isfinite(sim) & np.isfinite(obs)
    sim, obs = sim[ok], obs[ok]
    return 1 - np.sum((sim - obs) ** 2) / np.sum((obs - obs.mean()) ** 2)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--camels", required=True)
    parser.add_argument("--period", default="test")
    parser.add_argument("runs", nargs="+", help="LABEL=RUN_DIRECTORY")
    a = parser.parse_args()
    hydro = pd.read_csv(os.path.join(a.camels, "camels_attributes_v2.0", "camels_hydro.txt"), sep=";", dtype={"gauge_id": str})
    bfi = hydro.set_index("gauge_id")["baseflow_index"]
    sacsma = {os.path.basename(f).split("_")[0]: f for f in glob.glob(os.path.join(a.camels, "model_output_daymet", "**", "*_05_model_output.txt"), recursive=True)}

    print("| model | basins | median NSE | mean NSE | NSE <= 0 | corr(Q2/Q, BFI) |")
    print("|---|---|---|---|---|---|")
    by_label = {}
    for item in a.runs:
        label, run = item.split("=", 1)
        results = os.path.join(run, "results", a.period)
        metrics = pd.read_csv(os.path.join(results, "metrics.csv"), dtype={"basin": str}).set_index("basin")
        by_label[label] = (results, metrics)
        corr = ""
        shares = {}
        for basin in metrics.index:
            p = pd.read_csv(os.path.join(results, "predictions", basin + ".csv"))
            if {"Q0", "Q1", "Q2"} <= set(p.columns):
                shares[basin] = p["Q2"].mean() / (p["Q0"] + p["Q1"] + p["Q2"]).mean()
        if shares:
            s = pd.Series(shares)
            corr = f"{np.corrcoef(s.values, bfi.loc[s.index].values)[0, 1]:.3f} ({len(s)} basins)"
        n = metrics["nse"]
        print(f"| {label} | {n.count()} | {n.median():.3f} | {n.mean():.3f} | {(n <= 0).sum()} | {corr} |")

    print()
    print("| basin | SAC-SMA NSE | " + " | ".join(by_label) + " |")
    print("|---|---|" + "---|" * len(by_label))
    for basin, path in sorted(sacsma.items()):
        out = pd.read_csv(path, sep=r"\s+")
        out.index = pd.to_datetime(dict(year=out.YR, month=out.MNTH, day=out.DY)).dt.strftime("%Y-%m-%d")
        row = []
        sac = ""
        for label, (results, metrics) in by_label.items():
            f = os.path.join(results, "predictions", basin + ".csv")
            if not os.path.exists(f):
                row.append("")
                continue
            p = pd.read_csv(f).set_index("date")
            days = p.index.intersection(out.index)
            obs = p.loc[days, "streamflow_obs"].to_numpy(float)
            if not sac:
                sac = f"{nse(out.loc[days, 'MOD_RUN'].to_numpy(float), obs):.3f} ({len(days)} days)"
            row.append(f"{nse(p.loc[days, 'streamflow_sim'].to_numpy(float), obs):.3f}")
        if sac:
            print(f"| {basin} | {sac} | " + " | ".join(row) + " |")
        else:
            print(f"| {basin} | (not predicted by these runs) |" + " |" * len(by_label))


if __name__ == "__main__":
    main()
