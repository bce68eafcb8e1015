"""Checks that a safetensors file written by Hydro.Torch (C#) loads in Python with the expected contents.

Usage: /usr/bin/python3 tests/Hydro.Torch.Tests/Golden/check_safetensors.py FILE
FILE must hold the tensors and metadata of safetensors.json (SafeTensorsTests.PythonReadsFileWrittenByCSharp writes
such a file). Loads with the `safetensors` package when it is importable, otherwise with a plain-Python parser of
the format plus torch.frombuffer, and says which. Prints OK and exits 0, or prints the mismatches and exits 1.
"""
import json
import math
import os
import struct
import sys

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
DTYPES = {"F64": torch.float64, "F32": torch.float32, "F16": torch.float16, "BF16": torch.bfloat16,
          "I64": torch.int64, "I32": torch.int32, "I16": torch.int16, "I8": torch.int8, "U8": torch.uint8,
          "BOOL": torch.bool}


def load_plain(path):
    with open(path, "rb") as f:
        raw = f.read()
    (n,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8:8 + n].decode("utf-8"))
    data = raw[8 + n:]
    metadata = header.pop("__metadata__", {})
    tensors, end = {}, 0
    for name, info in header.items():
        begin, stop = info["data_offsets"]
        end = max(end, stop)
        dtype = DTYPES[info["dtype"]]
        if stop == begin:
            tensors[name] = torch.empty(info["shape"], dtype=dtype)
        else:
            buf = bytearray(data[begin:stop])
            tensors[name] = torch.frombuffer(buf, dtype=dtype).reshape(info["shape"]).clone()
    assert end == len(data), f"data section has {len(data)} bytes, tensors end at {end}"
    assert n % 8 == 0, f"header length {n} is not a multiple of 8"
    return tensors, metadata


def load(path):
    try:
        from safetensors import safe_open
    except ImportError:
        return load_plain(path) + ("plain Python parser + torch.frombuffer",)
    with safe_open(path, framework="pt") as f:
        return {k: f.get_tensor(k) for k in f.keys()}, (f.metadata() or {}), "safetensors package"


def same(a, b):
    if a.dtype != b.dtype or list(a.shape) != list(b.shape):
        return False
    if a.dtype.is_floating_point:
        return all((math.isnan(x) and math.isnan(y)) or x == y for x, y in zip(a.reshape(-1).tolist(), b.reshape(-1).tolist()))
    return torch.equal(a, b)


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    tensors, metadata, how = load(sys.argv[1])
    with open(os.path.join(HERE, "safetensors.json")) as f:
        cases = json.load(f)["cases"]
    dtypes = {"float32": torch.float32, "float64": torch.float64, "int64": torch.int64, "bool": torch.bool}
    errors = []
    for c in cases:
        if c["name"] == "__metadata__":
            if metadata != c["metadata"]:
                errors.append(f"metadata {metadata} != {c['metadata']}")
            continue
        e = c["tensor"]
        vals = [float("nan") if v is None else float(v) if isinstance(v, str) else v for v in e["data"]]
        expected = torch.tensor(vals, dtype=dtypes[e["dtype"]]).reshape(e["shape"])
        got = tensors.get(c["name"])
        if got is None:
            errors.append(f"missing tensor {c['name']}")
        elif not same(got, expected):
            errors.append(f"tensor {c['name']}: got {got.dtype} {list(got.shape)} {got}, expected {expected}")
    extra = set(tensors) - {c["name"] for c in cases}
    if extra:
        errors.append(f"unexpected tensors {sorted(extra)}")
    if errors:
        print(f"FAILED (read with {how}):")
        for e in errors:
            print("  " + e)
        return 1
    print(f"OK: {len(tensors)} tensors and {len(metadata)} metadata entries match (read with {how})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
