"""Golden values for the hydrotrace backbone (plugins/Hydro.Plugins.Attention), read by Attention/HydroTraceGoldenTests.cs.

A PyTorch twin written from the equations in HydroTraceBackbone's <remarks>, deliberately not in the C# layout: one
plain (ungrouped) ConvLSTM per input channel in a Python loop, the grouped weights cut into per-channel pieces, and the
pooling as a broadcast sum. Weights are drawn from a seeded generator in float64 and stored under the C# state-dict
names; the float32 cases use the same weights rounded to float32 and compute in float32.

Writes hydrotrace.safetensors beside itself: for case P, tensors "P/state/<name>" (weights), "P/in/<name>" (inputs),
"P/out/<name>" (expected outputs), "P/grad/<name>" (gradients of sum(prediction · R) w.r.t. each weight and the
gridded input, float64 cases only); metadata "P" holds the options as JSON.
Run from the repository root: /usr/bin/python3 tests/Hydro.Plugins.Tests/Attention/Golden/make_hydrotrace.py
"""
import json
import os
import struct

import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
CODES = {torch.float64: "F64", torch.float32: "F32", torch.bool: "BOOL"}


def save(path, tensors, metadata):
    """The safetensors format by hand (Debian has no python3-safetensors): u64 header size, JSON header, data."""
    header, blobs, offset = {"__metadata__": metadata}, [], 0
    for name, t in tensors.items():
        b = t.detach().contiguous().numpy().tobytes()
        header[name] = {"dtype": CODES[t.dtype], "shape": list(t.shape), "data_offsets": [offset, offset + len(b)]}
        blobs.append(b)
        offset += len(b)
    h = json.dumps(header, separators=(",", ":")).encode()
    h += b" " * (-len(h) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(h)))
        f.write(h)
        for b in blobs:
            f.write(b)


def weights(g, C, Hc, k, K, head_hidden, spatial, feature, forget_bias, position=0):
    """State dict under the C# names, float64, drawn from g (scaled so that the gates are not saturated)."""
    w = {
        "convlstm.input_conv.weight": torch.randn(4 * C * Hc, 1, k, k, generator=g, dtype=torch.float64) * 0.5,
        "convlstm.input_conv.bias": torch.randn(4 * C * Hc, generator=g, dtype=torch.float64) * 0.3,
        "convlstm.hidden_conv.weight": torch.randn(4 * C * Hc, Hc, k, k, generator=g, dtype=torch.float64) * 0.3,
    }
    w["convlstm.input_conv.bias"].view(C, 4, Hc)[:, 1, :] += forget_bias
    if spatial:
        w["spatial.score.weight"] = torch.randn(1, C * Hc, 1, 1, generator=g, dtype=torch.float64)
        w["spatial.score.bias"] = torch.randn(1, generator=g, dtype=torch.float64) * 0.3
        if position > 0:
            w["spatial.position"] = torch.randn(position, position, generator=g, dtype=torch.float64)
    if feature:
        w["feature.weight"] = torch.randn(C, Hc, generator=g, dtype=torch.float64)
        w["feature.bias"] = torch.randn(C, generator=g, dtype=torch.float64) * 0.3
    width = C * Hc
    if head_hidden > 0:
        w["hidden.weight"] = torch.randn(head_hidden, width, generator=g, dtype=torch.float64) * 0.5
        w["hidden.bias"] = torch.randn(head_hidden, generator=g, dtype=torch.float64) * 0.3
        width = head_hidden
    w["head.weight"] = torch.randn(K, width, generator=g, dtype=torch.float64) * 0.5
    w["head.bias"] = torch.randn(K, generator=g, dtype=torch.float64) * 0.3
    return w


def cell(w, c_idx, Hc, k, x_c, h_c, c_c):
    """Channel c_idx's own ConvLSTM step: x_c [B, 1, H, W], h_c, c_c [B, Hc, H, W]; gates i, f, g, o."""
    rows = slice(4 * Hc * c_idx, 4 * Hc * (c_idx + 1))
    z = F.conv2d(x_c, w["convlstm.input_conv.weight"][rows], w["convlstm.input_conv.bias"][rows], padding=k // 2)
    z = z + F.conv2d(h_c, w["convlstm.hidden_conv.weight"][rows], padding=k // 2)
    i, f, g, o = z.chunk(4, dim=1)
    c_next = torch.sigmoid(f) * c_c + torch.sigmoid(i) * torch.tanh(g)
    return c_next, torch.sigmoid(o)


def forward(w, x, mask, C, Hc, k, lag, spatial, feature):
    """x [B, T, C, H, W], mask [B, H, W] bool → prediction [B, T, K], A [B, T, H, W], alpha [B, T, C]."""
    B, T, _, H, W = x.shape
    m = mask.to(x.dtype)
    S = T - lag
    h = [torch.zeros(B, Hc, H, W, dtype=x.dtype) for _ in range(C)]
    c = [torch.zeros(B, Hc, H, W, dtype=x.dtype) for _ in range(C)]
    preds, maps, alphas = [], [], []
    for t in range(S):
        for ch in range(C):
            c_next, o = cell(w, ch, Hc, k, (x[:, t, ch] * m).unsqueeze(1), h[ch], c[ch])
            c[ch] = c_next * m.unsqueeze(1)
            h[ch] = o * torch.tanh(c[ch])
        states = torch.cat(h, dim=1)  # [B, C*Hc, H, W], channel c*Hc + j
        if spatial:
            score = F.conv2d(states, w["spatial.score.weight"], w["spatial.score.bias"])[:, 0]
            if "spatial.position" in w:
                p = w["spatial.position"][None, None]
                score = score + F.interpolate(p, size=(H, W), mode="bilinear", align_corners=False)[0, 0]
            a = torch.sigmoid(score) * m
        else:
            a = m.clone()
        pooled = (states * a.unsqueeze(1)).sum(dim=(2, 3)) / a.sum(dim=(1, 2)).unsqueeze(1)
        pooled = pooled.view(B, C, Hc)
        if feature:
            alpha = torch.softmax((pooled * w["feature.weight"]).sum(-1) + w["feature.bias"], dim=-1)
        else:
            alpha = torch.full((B, C), 1.0 / C, dtype=x.dtype)
        z = (pooled * alpha.unsqueeze(-1)).reshape(B, C * Hc)
        if "hidden.weight" in w:
            z = torch.relu(F.linear(z, w["hidden.weight"], w["hidden.bias"]))
        preds.append(F.linear(z, w["head.weight"], w["head.bias"]))
        maps.append(a)
        alphas.append(alpha)

    def lagged(values):
        v = torch.stack(values, dim=1)
        return torch.cat([torch.zeros((B, lag) + v.shape[2:], dtype=v.dtype), v], dim=1)

    return lagged(preds), lagged(maps), lagged(alphas)


def make_mask(g, B, H, W):
    """Irregular basins: a random blob per row, with at least one cell inside and one outside."""
    mask = torch.rand(B, H, W, generator=g) < 0.6
    mask[:, 0, 0] = False
    mask[:, H // 2, W // 2] = True
    return mask


def main():
    tensors, meta = {}, {}

    # The bare cell: one step from given states, no mask.
    g = torch.Generator().manual_seed(11)
    C, Hc, k, B, H, W = 3, 2, 3, 2, 5, 4
    w = weights(g, C, Hc, k, 1, 0, False, False, 1.0)
    x = torch.randn(B, C, H, W, generator=g, dtype=torch.float64)
    h0 = torch.randn(B, C * Hc, H, W, generator=g, dtype=torch.float64)
    c0 = torch.randn(B, C * Hc, H, W, generator=g, dtype=torch.float64)
    hs, cs = [], []
    for ch in range(C):
        sl = slice(Hc * ch, Hc * (ch + 1))
        c_next, o = cell(w, ch, Hc, k, x[:, ch:ch + 1], h0[:, sl], c0[:, sl])
        cs.append(c_next)
        hs.append(o * torch.tanh(c_next))
    for name in ("convlstm.input_conv.weight", "convlstm.input_conv.bias", "convlstm.hidden_conv.weight"):
        tensors[f"cell/state/{name}"] = w[name]
    tensors["cell/in/x"], tensors["cell/in/h"], tensors["cell/in/c"] = x, h0, c0
    tensors["cell/out/h"], tensors["cell/out/c"] = torch.cat(hs, 1), torch.cat(cs, 1)
    meta["cell"] = json.dumps({"channels": C, "hidden_channels": Hc, "kernel_size": k})

    # Whole backbones: (name, seed, options, B, T, C, H, W, K).
    cases = [
        ("full", 21, dict(hidden_channels=2, kernel_size=3, head_hidden=5, input_lag=1, spatial_attention=True,
                          feature_attention=True, position_resolution=3), 2, 5, 3, 6, 5, 2),
        ("plain", 22, dict(hidden_channels=3, kernel_size=5, head_hidden=0, input_lag=0, spatial_attention=False,
                           feature_attention=False, position_resolution=4), 3, 4, 2, 7, 6, 1),
        ("lag2", 23, dict(hidden_channels=1, kernel_size=1, head_hidden=4, input_lag=2, spatial_attention=True,
                          feature_attention=False, position_resolution=0), 2, 6, 4, 4, 4, 1),
        # A map finer than the grid along one axis (downsampling) and coarser along the other.
        ("position", 24, dict(hidden_channels=2, kernel_size=3, head_hidden=0, input_lag=0, spatial_attention=True,
                              feature_attention=True, position_resolution=5), 2, 3, 2, 7, 4, 1),
    ]
    for name, seed, o, B, T, C, H, W, K in cases:
        g = torch.Generator().manual_seed(seed)
        Hc, k = o["hidden_channels"], o["kernel_size"]
        w = weights(g, C, Hc, k, K, o["head_hidden"], o["spatial_attention"], o["feature_attention"], 1.0,
                    o["position_resolution"] if o["spatial_attention"] else 0)
        x = torch.randn(B, T, C, H, W, generator=g, dtype=torch.float64)
        mask = make_mask(g, B, H, W)
        x = x * mask[:, None, None].to(x.dtype)  # as the core serves it: 0 outside the mask
        r = torch.randn(B, T, K, generator=g, dtype=torch.float64)
        for dtype, tag in ((torch.float64, name), (torch.float32, name + "_f32")):
            wd = {n: v.to(dtype).requires_grad_() for n, v in w.items()}
            xd = x.to(dtype).requires_grad_()
            pred, a, alpha = forward(wd, xd, mask, C, Hc, k, o["input_lag"], o["spatial_attention"], o["feature_attention"])
            for n, v in wd.items():
                tensors[f"{tag}/state/{n}"] = v
            tensors[f"{tag}/in/gridded"], tensors[f"{tag}/in/mask"] = xd, mask
            tensors[f"{tag}/out/prediction"], tensors[f"{tag}/out/spatial_attention"] = pred, a
            tensors[f"{tag}/out/feature_attention"] = alpha
            if dtype == torch.float64:
                tensors[f"{tag}/in/r"] = r
                (pred * r).sum().backward()
                for n, v in wd.items():
                    tensors[f"{tag}/grad/{n}"] = v.grad
                tensors[f"{tag}/grad/gridded"] = xd.grad
            meta[tag] = json.dumps(dict(o, batch=B, steps=T, channels=C, height=H, width=W, targets=K))

    meta["torch"] = torch.__version__
    path = os.path.join(HERE, "hydrotrace.safetensors")
    save(path, tensors, meta)
    print(f"wrote {len(tensors)} tensors to {path}")


if __name__ == "__main__":
    main()
