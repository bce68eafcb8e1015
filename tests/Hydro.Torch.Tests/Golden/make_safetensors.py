"""Writes from_python.safetensors (read by Serialization/SafeTensorsTests.cs) and safetensors.json (its expected
contents, also used by check_safetensors.py).

The file is written with the `safetensors` package when it is importable, otherwise by the plain-Python writer
below (Debian has no python3-safetensors); both follow https://github.com/huggingface/safetensors.

Run: /usr/bin/python3 tests/Hydro.Torch.Tests/Golden/make_safetensors.py
"""
import json
import os
import struct

import torch

from golden_common import HERE, enc, write

DTYPES = {torch.float64: "F64", torch.float32: "F32", torch.int64: "I64", torch.bool: "BOOL"}
METADATA = {"format": "pt", "source": "make_safetensors.py", "unit": "Abfluss m³/s"}


def tensors():
    g = torch.Generator().manual_seed(5)
    return {
        "weights.f32": torch.randn(3, 4, generator=g),
        "bias.f64": torch.randn(5, generator=g, dtype=torch.float64),
        "scalar.f64": torch.tensor(3.141592653589793, dtype=torch.float64),
        "special.f64": torch.tensor([1.5, float("inf"), float("-inf"), float("nan")], dtype=torch.float64),
        "counts.i64": torch.tensor([[0, -1, 2**40], [-(2**62), 7, 123456789]], dtype=torch.int64),
        "mask.bool": torch.tensor([True, False, False, True, True]),
        "empty.f32": torch.zeros(0, 3),
    }


def save_plain(path, data, metadata):
    """The format by hand: u64 header length, JSON header padded with spaces to 8 bytes, then the data."""
    items = sorted(data.items(), key=lambda kv: (-kv[1].element_size(), kv[0]))
    header, blobs, offset = {"__metadata__": metadata}, [], 0
    for name, t in items:
        b = t.contiguous().numpy().tobytes() if t.numel() else b""
        header[name] = {"dtype": DTYPES[t.dtype], "shape": list(t.shape), "data_offsets": [offset, offset + len(b)]}
        blobs.append(b)
        offset += len(b)
    h = json.dumps(header, separators=(",", ":")).encode("utf-8")
    h += b" " * (-len(h) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(h)))
        f.write(h)
        for b in blobs:
            f.write(b)


if __name__ == "__main__":
    data = tensors()
    path = os.path.join(HERE, "from_python.safetensors")
    try:
        from safetensors.torch import save_file
        save_file(data, path, metadata=METADATA)
        how = "safetensors"
    except ImportError:
        save_plain(path, data, METADATA)
        how = "plain Python writer"
    print(f"wrote {path} with the {how}")
    write("safetensors", [{"name": k, "tensor": enc(v)} for k, v in data.items()]
          + [{"name": "__metadata__", "metadata": METADATA}])
