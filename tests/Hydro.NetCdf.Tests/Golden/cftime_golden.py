#!/usr/bin/python3
"""Golden values for Hydro.NetCdf's CF time decoding and encoding, from netCDF4.num2date / date2num (cftime).

Run from this folder with Debian's python3 (python3-netcdf4):  /usr/bin/python3 cftime_golden.py
It rewrites cftime_golden.json next to it; the tests compare CfTimeUnits against every case.
"""
import json
import os

import cftime
import netCDF4

CALENDARS = ["standard", "gregorian", "proleptic_gregorian", "noleap", "365_day",
             "all_leap", "366_day", "360_day", "julian"]

# Offsets cross 28/29 Feb and 1 March of leap and non-leap years (1900: leap only in julian, 2000: leap in
# gregorian too, 2001: never), year ends, negative offsets, and fractions.
DAY_VALUES = [-800.5, -366, -365, -1, 0, 0.25, 58, 59, 60, 365, 366, 424, 425, 1155, 1156, 1500, 36524.75, 73049]
CASES = [
    ("days since 1899-12-31", DAY_VALUES),
    ("days since 1999-12-31 00:00:00", DAY_VALUES),
    ("days since 2000-2-28", [0, 1, 2, 3, 365, 366, 1460, 1461]),
    ("hours since 2014-09-15 00:00:00", [0, 1, 23, 24, 2951, 3.5, -24, 4 * 8784 + 7]),
    ("hours since 1999-12-31T18:00:00Z", [0, 6, 1422, 1446, 1470, 8790]),
    ("hours since 2000-01-01 00:00:00 +06:00", [0, 1, 1416, 1440]),
    ("minutes since 2000-02-28 23:00", [0, 59, 60, 61, 1440 + 60, 2880 + 60]),
    ("seconds since 1970-01-01 00:00:00", [0, 1, 86399, 951782400, 951868800, 1e9, -1e9]),
    ("days since 1582-10-01", [0, 3, 4, 5, 14, 20]),
    ("days since 1582-10-15", [-1, -10, -11, 0, 1]),
]


def iso(d):
    return "%04d-%02d-%02d %02d:%02d:%02d.%06d" % (d.year, d.month, d.day, d.hour, d.minute, d.second, d.microsecond)


def main():
    decode = []
    for calendar in CALENDARS:
        for units, values in CASES:
            if units.startswith("days since 1582") and calendar not in ("standard", "gregorian"):
                continue
            try:
                dates = [iso(d) for d in netCDF4.num2date(values, units, calendar, only_use_cftime_datetimes=True)]
            except ValueError as e:  # e.g. 1999-12-31 in 360_day: the tests expect our error too
                dates = None
                print("expected error:", units, calendar, e)
            decode.append({"units": units, "calendar": calendar, "values": list(values), "dates": dates})

    encode = []
    for calendar in CALENDARS:
        for units, fields in [
            ("days since 1980-01-01", [(1980, 1, 1), (1980, 2, 29), (1980, 3, 1), (2000, 12, 30), (2014, 9, 15)]),
            ("hours since 2014-09-15 00:00:00", [(2014, 9, 15, 1), (2015, 1, 15, 23), (2016, 2, 28, 12)]),
            ("seconds since 1970-01-01", [(1970, 1, 1, 0, 0, 1), (2000, 2, 28, 23, 59, 59)]),
        ]:
            dates = []
            for f in fields:
                try:
                    dates.append(cftime.datetime(*f, calendar=calendar))
                except ValueError:  # 29 February in noleap: the decode cases cover such errors
                    pass
            numbers = netCDF4.date2num(dates, units, calendar)
            encode.append({"units": units, "calendar": calendar, "dates": [iso(d) for d in dates],
                           "values": [float(x) for x in numbers]})

    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "cftime_golden.json")
    with open(out, "w") as f:
        json.dump({"generator": "cftime " + cftime.__version__ + ", netCDF4 " + netCDF4.__version__,
                   "decode": decode, "encode": encode}, f, indent=1)
        f.write("\n")
    print("wrote", out, len(decode), "decode cases,", len(encode), "encode cases")


if __name__ == "__main__":
    main()
