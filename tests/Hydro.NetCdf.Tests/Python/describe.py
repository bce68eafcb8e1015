#!/usr/bin/python3
"""The independent reader for Hydro.NetCdf's tests: describes a NetCDF file as JSON on stdout.

usage: describe.py FILE [VAR[:START,..:COUNT,..]] ...

dims, global attributes and, per variable, dims, dtype, raw attributes and zlib level come from netCDF4; the
values of each VAR requested come from xarray's CF decoding (fill/missing -> NaN, scale/offset applied, times
decoded and printed 'YYYY-MM-DD HH:MM:SS.ffffff'), flattened row-major, NaN as null. START/COUNT select a window.
"""
import json
import math
import sys

import netCDF4
import numpy as np
import xarray as xr


def plain(value):
    if isinstance(value, (np.ndarray, list, tuple)):
        return [plain(v) for v in np.asarray(value).tolist()] if not isinstance(value, (list, tuple)) else [plain(v) for v in value]
    if isinstance(value, (np.floating, float)):
        return None if math.isnan(value) else float(value)
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, bytes):
        return value.decode()
    return value


def iso(value):
    if isinstance(value, np.datetime64):
        return str(np.datetime_as_string(value, unit="us")).replace("T", " ")
    return "%04d-%02d-%02d %02d:%02d:%02d.%06d" % (value.year, value.month, value.day, value.hour, value.minute,
                                                  value.second, value.microsecond)


def main():
    path = sys.argv[1]
    out = {"dims": {}, "unlimited": [], "global": {}, "vars": {}, "reads": []}
    with netCDF4.Dataset(path) as nc:
        nc.set_auto_mask(False)
        for name, dim in nc.dimensions.items():
            out["dims"][name] = len(dim)
            if dim.isunlimited():
                out["unlimited"].append(name)
        out["format"] = nc.data_model
        out["global"] = {k: plain(nc.getncattr(k)) for k in nc.ncattrs()}
        for name, var in nc.variables.items():
            filters = var.filters() or {}
            out["vars"][name] = {"dims": list(var.dimensions), "dtype": str(var.dtype),
                                 "attrs": {k: plain(var.getncattr(k)) for k in var.ncattrs()},
                                 "zlib": bool(filters.get("zlib")), "complevel": int(filters.get("complevel") or 0)}
    ds = xr.open_dataset(path, use_cftime=None)
    for request in sys.argv[2:]:
        parts = request.split(":")
        da = ds[parts[0]]
        if len(parts) == 3:
            start = [int(s) for s in parts[1].split(",")]
            count = [int(c) for c in parts[2].split(",")]
            da = da.isel({d: slice(s, s + c) for d, s, c in zip(da.dims, start, count)})
        values = da.values.ravel()
        if values.dtype.kind == "M" or values.dtype == object and len(values) and hasattr(values[0], "calendar"):
            flat = [iso(v) for v in values]
        else:
            flat = [plain(v) for v in values.tolist()]
        out["reads"].append({"var": parts[0], "shape": list(da.shape), "values": flat})
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
