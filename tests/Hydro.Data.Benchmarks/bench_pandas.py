"""pandas reference for Hydro.Data.Benchmarks: the same loading and normalisation on the same files.

Prints one JSON line: pandas version, median ms per case, peak RSS (resource.getrusage maxrss, KiB).
"""
import argparse
import glob
import json
import os
import resource
import time

import numpy as np
import pandas as pd

CFS_TO_M3S = 0.028316846592


def camels(root, basins, dyn, statics, start, end, train):
    days = pd.date_range(start, end, freq="D")
    attrs = pd.concat(
        [pd.read_csv(os.path.join(root, "camels_attributes_v2.0", f"camels_{t}.txt"), sep=";", dtype={"gauge_id": str}).set_index("gauge_id")
         for t in ("clim", "topo")], axis=1)
    frames = {}
    for b in basins:
        fpath = glob.glob(os.path.join(root, "basin_mean_forcing", "daymet", "*", f"{b}_lump_cida_forcing_leap.txt"))[0]
        with open(fpath) as fh:
            fh.readline(); fh.readline(); area = int(fh.readline())
        f = pd.read_csv(fpath, sep=r"\s+", skiprows=3)
        f.index = pd.to_datetime(dict(year=f["Year"], month=f["Mnth"], day=f["Day"]))
        f.columns = [c.split("(")[0].lower() for c in f.columns]
        qpath = glob.glob(os.path.join(root, "usgs_streamflow", "*", f"{b}_streamflow_qc.txt"))[0]
        q = pd.read_csv(qpath, sep=r"\s+", header=None, names=["id", "year", "month", "day", "q", "flag"])
        q.index = pd.to_datetime(q[["year", "month", "day"]])
        qv = q["q"].where((q["flag"] != "M") & (q["q"] >= 0))
        df = f[dyn].reindex(days)
        df["streamflow"] = (qv * CFS_TO_M3S * 86400 * 1000 / area).reindex(days)
        frames[b] = df.astype(np.float32)
    static = attrs.loc[basins, statics].astype(np.float32)
    return normalise(frames, static, train)


def caravan(root, dyn, statics, start, end, train):
    days = pd.date_range(start, end, freq="D")
    attrs = pd.concat([pd.read_csv(p).set_index("gauge_id") for p in sorted(glob.glob(os.path.join(root, "attributes", "camels", "*.csv")))], axis=1)
    frames = {}
    for p in sorted(glob.glob(os.path.join(root, "timeseries", "csv", "camels", "*.csv*"))):
        b = os.path.basename(p).split(".")[0]
        df = pd.read_csv(p, parse_dates=["date"], index_col="date")
        frames[b] = df[dyn + ["streamflow"]].reindex(days).astype(np.float32)
    static = attrs.loc[list(frames), statics].astype(np.float32)
    return normalise(frames, static, train)


def normalise(frames, static, train):
    all_train = pd.concat([df.loc[train[0]:train[1]] for df in frames.values()])
    mean, std = all_train.mean(), all_train.std()
    out = {b: (df - mean) / std for b, df in frames.items()}
    s = (static - static.mean()) / static.std()
    return out, s


def median_ms(fn, repeats):
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return float(np.median(times))


def main():
    a = argparse.ArgumentParser()
    a.add_argument("--data", required=True)
    a.add_argument("--camels-basins", required=True)
    a.add_argument("--repeats", type=int, default=3)
    o = a.parse_args()
    basins = [x for x in open(o.camels_basins).read().split() if x]
    cu = os.path.join(o.data, "camels_us")
    times = {
        "camels_us": median_ms(lambda: camels(cu, basins, ["prcp", "srad", "tmax", "tmin", "vp"], ["area_gages2", "elev_mean", "p_mean"],
                                              "1980-01-01", "2014-12-31", ("1980-10-01", "1995-09-30")), o.repeats),
        "caravan": median_ms(lambda: caravan(os.path.join(o.data, "caravan"),
                                             ["total_precipitation_sum", "temperature_2m_mean", "potential_evaporation_sum"], ["area", "p_mean", "aridity"],
                                             "1981-01-01", "2014-12-31", ("1981-10-01", "1995-09-30")), o.repeats),
    }
    print(json.dumps({"version": pd.__version__, "times": times, "maxrss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))


if __name__ == "__main__":
    main()
