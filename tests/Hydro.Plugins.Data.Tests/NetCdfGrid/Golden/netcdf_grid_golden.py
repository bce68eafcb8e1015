"""Golden values for NetCdfGridDatasetTests, read independently with xarray/numpy from ../shared/data/grid.

Run from this folder with Debian's python3 (xarray, netCDF4, numpy):
    /usr/bin/python3 netcdf_grid_golden.py [DATA_ROOT]
It writes netcdf_grid_golden.json (checked in): grid windows, basin_mask means and raw discharge for a few steps.
"""
import json
import os
import sys

import numpy as np
import xarray as xr

root = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("HYDRO_TEST_DATA", "../../../../../shared/data")


def nan_list(a):
    return [None if np.isnan(v) else float(v) for v in np.asarray(a, dtype=np.float64).ravel()]


out = {}
# (file, first step of the window, steps): Lez covers its outlet's missing days 30..33 (2012-08-31..09-03);
# Cance covers the all-NaN hour 2014-12-19 00:00 (step 2280).
for name, t0, steps in [("lez", 28, 8), ("cance", 2278, 4)]:
    d = xr.open_dataset(os.path.join(root, "grid", name + ".nc"))
    times = d.time.values[t0:t0 + steps]
    mask = d.basin_mask.values != 0
    entry = {
        "start": str(np.datetime_as_string(times[0], unit="m")),
        "t0": t0,
        "steps": steps,
        "first": str(np.datetime_as_string(d.time.values[0], unit="m")),
        "last": str(np.datetime_as_string(d.time.values[-1], unit="m")),
        "gauges": [str(g) for g in d.gauge_id.values],
        "areas": [float(a) for a in d.gauge_area.values],
        "mask_cells": int(mask.sum()),
        "height": int(d.sizes["y"]),
        "width": int(d.sizes["x"]),
        "x": [float(v) for v in d.x.values],
        "y": [float(v) for v in d.y.values],
        "mask": [int(v) for v in mask.ravel()],
    }
    for var in ["precipitation", "pet"]:
        window = d[var].values[t0:t0 + steps]  # [T, H, W]
        entry[var] = nan_list(window)
        # Mean over the outlet's basin_mask in float64, NaN when any masked cell is missing.
        entry[var + "_mean"] = nan_list(window[:, mask].astype(np.float64).mean(axis=1))
    entry["discharge"] = nan_list(d.discharge.values[t0:t0 + steps, :])  # [T, G]
    out[name] = entry

with open("netcdf_grid_golden.json", "w") as f:
    json.dump(out, f, separators=(",", ":"))
