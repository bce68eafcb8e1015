#!/usr/bin/python3
"""Writes the small NetCDF inputs of Hydro.NetCdf's tests into DIR with netCDF4 (an independent writer).

usage: make_fixtures.py DIR
cf.nc       NetCDF-4: packed short/byte, missing_value, _FillValue, char and NC_STRING ids, noleap and 360_day
            time axes, a (x, y, time) variable in the "wrong" order, an unlimited dimension
classic.nc  NetCDF-3 classic: packed short and fixed-width char ids
badtime.nc  time variables with an unknown calendar, unparsable units, no units
"""
import os
import sys

import netCDF4
import numpy as np


def cf(path):
    with netCDF4.Dataset(path, "w", format="NETCDF4") as nc:
        nc.Conventions = "CF-1.8"
        nc.title = "Hydro.NetCdf test fixture"
        nc.createDimension("time", 5)
        nc.createDimension("station", 3)
        nc.createDimension("strlen", 6)
        nc.createDimension("y", 2)
        nc.createDimension("x", 4)
        nc.createDimension("rec", None)

        v = nc.createVariable("packed_short", "i2", ("time", "station"), fill_value=-32767)
        v.set_auto_maskandscale(False)
        v.scale_factor = np.float32(0.01)
        v.add_offset = np.float32(10.0)
        v.units = "mm"
        v[:] = np.array([[0, 1, -32767], [100, -100, 2500], [-32767, 32000, -32000], [5, 6, 7], [8, 9, 10]], "i2")

        v = nc.createVariable("packed_byte", "i1", ("time", "station"), fill_value=-128)
        v.set_auto_maskandscale(False)
        v.scale_factor = 0.5
        v.add_offset = -1.0
        v[:] = np.array([[0, 1, -128], [127, -127, 3], [4, 5, 6], [7, 8, 9], [-128, -128, 1]], "i1")

        v = nc.createVariable("missing_float", "f4", ("time", "station"), fill_value=False)
        v.missing_value = np.float32(-999.0)
        v[:] = np.array([[1.5, -999, 2.5], [3, 4, -999], [5, 6, 7], [8, 9, 10], [11, 12, 13]], "f4")

        v = nc.createVariable("fill_double", "f8", ("time", "station"), fill_value=-9999.0)
        v.set_auto_mask(False)
        v[:] = np.array([[0.125, -9999, 1e-3], [2, 3, 4], [5, 6, 7], [8, 9, 10], [11, 12, -9999]])

        v = nc.createVariable("ids_char", "S1", ("station", "strlen"))
        v[:] = netCDF4.stringtochar(np.array(["A1", "B22", "C33333"], "S6"))
        v = nc.createVariable("ids_string", str, ("station",))
        v[:] = np.array(["Y3204040", "été-1", ""], dtype=object)

        v = nc.createVariable("counts", "i4", ("station",))
        v[:] = [7, -8, 2147483647]

        v = nc.createVariable("t_noleap", "f8", ("time",))
        v.units = "days since 2001-02-27"
        v.calendar = "noleap"
        v[:] = [0, 1, 2, 3, 4]
        v = nc.createVariable("t_360", "f8", ("time",))
        v.units = "days since 2000-02-28 00:00:00"
        v.calendar = "360_day"
        v[:] = [0, 1, 2, 3, 4]
        v = nc.createVariable("t_hours", "i4", ("time",))
        v.units = "hours since 2000-02-28T22:00:00Z"
        v.calendar = "proleptic_gregorian"
        v[:] = [0, 1, 2, 3, 26]

        v = nc.createVariable("grid_wrong", "f4", ("x", "y", "time"))
        v[:] = np.arange(40, dtype="f4").reshape(4, 2, 5)
        v = nc.createVariable("rec_var", "f4", ("rec",))
        v[0:4] = [1, 2, 3, 4]
        v = nc.createVariable("scalar", "f8", ())
        v.assignValue(42.5)


def classic(path):
    with netCDF4.Dataset(path, "w", format="NETCDF3_CLASSIC") as nc:
        nc.createDimension("station", 2)
        nc.createDimension("strlen", 4)
        v = nc.createVariable("q", "i2", ("station",), fill_value=np.int16(-1))
        v.set_auto_maskandscale(False)
        v.scale_factor = 0.1
        v[:] = np.array([123, -1], "i2")
        v = nc.createVariable("ids", "S1", ("station", "strlen"))
        v[:] = netCDF4.stringtochar(np.array(["ab", "wxyz"], "S4"))


def badtime(path):
    with netCDF4.Dataset(path, "w", format="NETCDF4") as nc:
        nc.createDimension("time", 2)
        for name, units, calendar in [("t_lunar", "days since 2000-01-01", "lunar"),
                                      ("t_badunits", "days after 2000-01-01", None),
                                      ("t_months", "months since 2000-01-01", None),
                                      ("t_badepoch", "days since 2001-02-29", "standard"),
                                      ("t_nounits", None, None)]:
            v = nc.createVariable(name, "f8", ("time",))
            if units:
                v.units = units
            if calendar:
                v.calendar = calendar
            v[:] = [0, 1]


if __name__ == "__main__":
    folder = sys.argv[1]
    cf(os.path.join(folder, "cf.nc"))
    classic(os.path.join(folder, "classic.nc"))
    badtime(os.path.join(folder, "badtime.nc"))
    print("OK")
