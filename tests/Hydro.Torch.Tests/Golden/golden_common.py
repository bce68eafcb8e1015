"""Shared helpers of the golden-value generators (make_*.py in this folder).

Each generator runs PyTorch (Debian's python3-torch, i.e. the same libtorch the shim links) and writes
<area>.json beside itself: {"torch": version, "cases": [{"name": ..., "inputs": {...}, "outputs": {...}, ...}]}.
Tensors are encoded as {"shape": [...], "dtype": "float32|float64|int64|bool", "data": [flat row-major values]}.

Regenerate all golden files from the repository root with:
    /usr/bin/python3 tests/Hydro.Torch.Tests/Golden/make_all.py
"""
import json
import math
import os

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
DTYPES = {torch.float32: "float32", torch.float64: "float64", torch.int64: "int64", torch.bool: "bool"}


def enc(t):
    """Encode a tensor (or a Python number) as JSON."""
    if not isinstance(t, torch.Tensor):
        t = torch.tensor(t)
    t = t.detach().cpu().contiguous()
    data = t.reshape(-1).tolist()
    if t.dtype in (torch.float32, torch.float64):
        data = [None if (isinstance(v, float) and math.isnan(v)) else v for v in data]
        data = ["inf" if v == math.inf else "-inf" if v == -math.inf else v for v in data]
    return {"shape": list(t.shape), "dtype": DTYPES[t.dtype], "data": data}


def write(area, cases):
    path = os.path.join(HERE, area + ".json")
    with open(path, "w") as f:
        json.dump({"torch": torch.__version__, "cases": cases}, f, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {len(cases)} cases to {path}")
