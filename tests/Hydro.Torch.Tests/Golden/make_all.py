"""Regenerates every golden file: /usr/bin/python3 tests/Hydro.Torch.Tests/Golden/make_all.py"""
import glob
import os
import runpy

HERE = os.path.dirname(os.path.abspath(__file__))
for script in sorted(glob.glob(os.path.join(HERE, "make_*.py"))):
    if os.path.basename(script) != "make_all.py":
        runpy.run_path(script, run_name="__main__")
