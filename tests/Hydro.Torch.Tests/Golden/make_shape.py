"""Golden values of the shape and indexing ops: /usr/bin/python3 tests/Hydro.Torch.Tests/Golden/make_shape.py

Each case: {"name", "op", "args": {plain parameters}, "prep": how the input "x" is made non-contiguous
("none" | "t": transpose(-1, -2) | "step": x[..., ::2]), "inputs": {name: tensor}, "outputs": [tensors],
and for differentiable ops "upstream": [one gradient per output] and "grads": {input name: d(sum out·up)/d input}}.
The op names are dispatched by ShapeGoldenTests.Run; keep the two in step.
"""
import torch

from golden_common import enc, write

torch.manual_seed(20240501)
cases = []


def prep(x, how):
    if how == "t":
        return x.transpose(-1, -2)
    if how == "step":
        return x[..., ::2]
    return x


def run(op, x=None, args=None, others=None, p="none"):
    """Applies op (as the C# side will) to prepared x and the other inputs; returns a list of outputs."""
    a = args or {}
    o = others or {}
    if x is not None:
        x = prep(x, p)
    if op == "reshape":
        return [x.reshape(a["shape"])]
    if op == "view":
        return [x.view(a["shape"])]
    if op == "flatten":
        return [x.flatten(a["start"], a["end"])]
    if op == "unflatten":
        return [x.unflatten(a["dim"], a["sizes"])]
    if op == "permute":
        return [x.permute(a["dims"])]
    if op == "transpose":
        return [x.transpose(a["dim0"], a["dim1"])]
    if op == "t":
        return [x.t()]
    if op == "movedim":
        return [x.movedim(a["source"], a["destination"])]
    if op == "unsqueeze":
        return [x.unsqueeze(a["dim"])]
    if op == "squeeze":
        return [x.squeeze()]
    if op == "squeeze_dim":
        return [x.squeeze(a["dim"])]
    if op == "expand":
        return [x.expand(a["sizes"])]
    if op == "broadcast_to":
        return [x.broadcast_to(a["shape"])]
    if op == "repeat":
        return [x.repeat(a["repeats"])]
    if op == "flip":
        return [x.flip(a["dims"])]
    if op == "roll":
        return [x.roll(a["shifts"], a["dims"])]
    if op == "cat":
        return [torch.cat([x] + [o[k] for k in sorted(o)], a["dim"])]
    if op == "stack":
        return [torch.stack([x] + [o[k] for k in sorted(o)], a["dim"])]
    if op == "split":
        return list(x.split(a["size"], a["dim"]))
    if op == "split_sizes":
        return list(x.split(a["sizes"], a["dim"]))
    if op == "chunk":
        return list(x.chunk(a["chunks"], a["dim"]))
    if op == "unbind":
        return list(x.unbind(a["dim"]))
    if op == "narrow":
        return [x.narrow(a["dim"], a["start"], a["length"])]
    if op == "slice":
        idx = [slice(None)] * x.dim()
        idx[a["dim"]] = slice(a.get("start"), a.get("end"), a["step"])
        return [x[tuple(idx)]]
    if op == "select":
        return [x.select(a["dim"], a["index"])]
    if op == "select_leading":
        return [x[tuple(a["indices"])]]
    if op == "index_select":
        return [x.index_select(a["dim"], o["index"])]
    if op == "gather":
        return [x.gather(a["dim"], o["index"])]
    if op == "take":
        return [x.take(o["index"])]
    if op == "scatter":
        return [x.scatter(a["dim"], o["index"], o["src"])]
    if op == "scatter_value":
        return [x.scatter(a["dim"], o["index"], a["value"])]
    if op == "scatter_add":
        return [x.scatter_add(a["dim"], o["index"], o["src"])]
    if op == "scatter_reduce":
        return [x.scatter_reduce(a["dim"], o["index"], o["src"], a["reduce"], include_self=a["include_self"])]
    if op == "index_add":
        return [x.index_add(a["dim"], o["index"], o["source"], alpha=a["alpha"])]
    if op == "masked_fill":
        return [x.masked_fill(o["mask"], a["value"])]
    if op == "masked_fill_tensor":
        return [x.masked_fill(o["mask"], o["value"])]
    if op == "masked_select":
        return [x.masked_select(o["mask"])]
    if op == "index_mask":
        return [x[o["mask"]]]
    if op == "index_long":
        return [x[o["index"]]]
    if op == "index_multi":  # x[i0, :, i2]
        return [x[o["i0"], :, o["i2"]]]
    if op == "index_put":
        return [x.clone().index_put_((o["index"],), o["values"], accumulate=a["accumulate"])]
    if op == "index_put_mask_scalar":
        return [x.clone().index_put_((o["mask"],), torch.tensor(a["value"], dtype=x.dtype))]
    if op == "nonzero":
        return [x.nonzero()]
    if op == "argwhere":
        return [x.argwhere()]
    if op == "where_cond":
        return list(torch.where(x))
    if op == "tril":
        return [x.tril(a["diagonal"])]
    if op == "triu":
        return [x.triu(a["diagonal"])]
    if op == "diag":
        return [x.diag(a["diagonal"])]
    if op == "diagonal":
        return [x.diagonal(a["offset"], a["dim1"], a["dim2"])]
    raise ValueError(op)


def case(name, op, x, args=None, others=None, p="none", grad=True):
    others = others or {}
    leaves = {}
    if grad:
        x = x.detach().clone().requires_grad_()
        leaves["x"] = x
        for k, v in others.items():
            if v.is_floating_point():
                others[k] = v.detach().clone().requires_grad_()
                leaves[k] = others[k]
    outs = run(op, x, args, others, p)
    c = {"name": name, "op": op, "args": args or {}, "prep": p,
         "inputs": {"x": enc(x), **{k: enc(v) for k, v in others.items()}},
         "outputs": [enc(o) for o in outs]}
    if grad:
        ups = [torch.randn(o.shape, dtype=o.dtype) for o in outs]
        gs = torch.autograd.grad(outs, list(leaves.values()), ups, allow_unused=True)
        c["upstream"] = [enc(u) for u in ups]
        c["grads"] = {k: enc(g if g is not None else torch.zeros_like(v)) for (k, v), g in zip(leaves.items(), gs)}
    cases.append(c)


f32 = lambda *s: torch.randn(*s)  # noqa: E731
f64 = lambda *s: torch.randn(*s, dtype=torch.float64)  # noqa: E731
i64 = lambda *s: torch.randint(-5, 6, s)  # noqa: E731
bools = lambda *s: torch.rand(*s) > 0.5  # noqa: E731

# ---- reshaping -------------------------------------------------------------------------------------
case("reshape_2x3_to_3x2", "reshape", f32(2, 3), {"shape": [3, 2]})
case("reshape_infer_t", "reshape", f32(3, 4), {"shape": [-1]}, p="t")
case("reshape_int64", "reshape", i64(2, 6), {"shape": [3, -1, 2]}, grad=False)
case("view_3d", "view", f64(2, 3, 4), {"shape": [6, 4]})
case("flatten_all", "flatten", f32(2, 3, 4), {"start": 0, "end": -1})
case("flatten_neg_t", "flatten", f32(2, 3, 4), {"start": -2, "end": -1}, p="t")
case("unflatten", "unflatten", f32(2, 12), {"dim": -1, "sizes": [3, -1]})
case("permute_neg", "permute", f32(2, 3, 4), {"dims": [-1, 0, 1]})
case("permute_bool", "permute", bools(2, 3, 4), {"dims": [2, 1, 0]}, grad=False)
case("transpose", "transpose", f32(2, 3, 4), {"dim0": 0, "dim1": -1})
case("t_2d", "t", f32(3, 5))
case("movedim", "movedim", f32(2, 3, 4), {"source": [0], "destination": [-1]})
case("unsqueeze_neg", "unsqueeze", f32(2, 3), {"dim": -1})
case("unsqueeze_0_t", "unsqueeze", f32(2, 3), {"dim": 0}, p="t")
case("squeeze_all", "squeeze", f32(1, 3, 1, 2))
case("squeeze_dim", "squeeze_dim", f32(1, 3, 1, 2), {"dim": -2})
case("squeeze_dim_noop", "squeeze_dim", f32(2, 3), {"dim": 0})
case("expand", "expand", f32(3, 1), {"sizes": [2, 3, 4]})
case("expand_keep", "expand", f64(1, 4), {"sizes": [3, -1]})
case("broadcast_to", "broadcast_to", f32(4), {"shape": [2, 3, 4]})
case("repeat", "repeat", f32(2, 3), {"repeats": [2, 1, 3]})
case("repeat_int64", "repeat", i64(3), {"repeats": [2, 2]}, grad=False)
case("flip", "flip", f32(2, 3, 4), {"dims": [0, -1]})
case("flip_t", "flip", f32(3, 4), {"dims": [1]}, p="t")
case("roll", "roll", f32(3, 4), {"shifts": [1, -2], "dims": [0, 1]})
case("roll_flat", "roll", f32(2, 3), {"shifts": [2], "dims": []})

# ---- joining and splitting -------------------------------------------------------------------------
case("cat_dim0", "cat", f32(2, 3), {"dim": 0}, {"y1": f32(1, 3), "y2": f32(4, 3)})
case("cat_neg_t", "cat", f32(3, 2), {"dim": -1}, {"y1": f32(2, 5)}, p="t")
case("cat_int64", "cat", i64(2), {"dim": 0}, {"y1": i64(3)}, grad=False)
case("stack_dim1", "stack", f32(2, 3), {"dim": 1}, {"y1": f32(2, 3), "y2": f32(2, 3)})
case("stack_neg", "stack", f64(4), {"dim": -1}, {"y1": f64(4)})
case("split_size", "split", f32(5, 2), {"size": 2, "dim": 0})
case("split_size_neg_t", "split", f32(4, 3), {"size": 3, "dim": -1}, p="t")
case("split_sizes", "split_sizes", f32(2, 6), {"sizes": [1, 3, 2], "dim": 1})
case("chunk", "chunk", f32(7, 2), {"chunks": 3, "dim": 0})
case("unbind", "unbind", f32(2, 3), {"dim": -1})
case("unbind_bool", "unbind", bools(3, 2), {"dim": 0}, grad=False)

# ---- views by index ------------------------------------------------------------------------------
case("narrow", "narrow", f32(4, 5), {"dim": 1, "start": 1, "length": 3})
case("narrow_neg_start_t", "narrow", f32(4, 5), {"dim": -1, "start": -3, "length": 2}, p="t")
case("slice_step", "slice", f32(3, 8), {"dim": 1, "start": 1, "end": 7, "step": 2})
case("slice_open", "slice", f32(6, 2), {"dim": 0, "start": -4, "end": None, "step": 3})
case("slice_clamped", "slice", f32(3, 4), {"dim": -1, "start": None, "end": 100, "step": 1}, p="step")
case("select", "select", f32(3, 4), {"dim": 0, "index": 1})
case("select_neg", "select", f32(3, 4, 2), {"dim": -2, "index": -1}, p="t")
case("select_int64", "select", i64(3, 4), {"dim": 1, "index": 2}, grad=False)
case("select_leading", "select_leading", f32(3, 4, 2), {"indices": [1, -1]})

# ---- gathers and scatters ----------------------------------------------------------------------
case("index_select", "index_select", f32(4, 3), {"dim": 0}, {"index": torch.tensor([3, 0, 3, 1])})
case("index_select_neg_t", "index_select", f32(3, 4), {"dim": -1}, {"index": torch.tensor([2, 0])}, p="t")
case("gather", "gather", f32(3, 4), {"dim": 1}, {"index": torch.tensor([[0, 0, 3], [1, 2, 1], [3, 3, 0]])})
case("gather_dim0_t", "gather", f64(3, 4), {"dim": 0}, {"index": torch.tensor([[1, 0, 3], [3, 2, 1]])}, p="t")
case("take", "take", f32(3, 4), {}, {"index": torch.tensor([[0, 11], [5, 5]])})
case("scatter", "scatter", f32(3, 5), {"dim": 1},
     {"index": torch.tensor([[0, 4], [2, 1], [3, 0]]), "src": f32(3, 2)})
case("scatter_value", "scatter_value", f32(3, 4), {"dim": 0, "value": 2.5}, {"index": torch.tensor([[2, 0, 1, 1]])})
case("scatter_add", "scatter_add", f32(3, 4), {"dim": -1},
     {"index": torch.tensor([[0, 0, 3], [1, 1, 1], [2, 3, 2]]), "src": f32(3, 3)})
case("scatter_reduce_sum", "scatter_reduce", f64(4), {"dim": 0, "reduce": "sum", "include_self": False},
     {"index": torch.tensor([0, 1, 0, 1, 2, 0]), "src": f64(6)})
case("scatter_reduce_mean", "scatter_reduce", f64(4), {"dim": 0, "reduce": "mean", "include_self": True},
     {"index": torch.tensor([0, 1, 0, 1, 2, 0]), "src": f64(6)})
case("scatter_reduce_amax", "scatter_reduce", f32(2, 3), {"dim": 1, "reduce": "amax", "include_self": True},
     {"index": torch.tensor([[0, 2, 2, 0], [1, 1, 0, 2]]), "src": f32(2, 4)}, grad=False)
case("index_add", "index_add", f32(4, 3), {"dim": 0, "alpha": 2.0},
     {"index": torch.tensor([0, 2, 0]), "source": f32(3, 3)})

# ---- masks and advanced indexing -------------------------------------------------------------------
case("masked_fill", "masked_fill", f32(3, 4), {"value": -1.5}, {"mask": bools(3, 4)})
case("masked_fill_broadcast_t", "masked_fill", f32(3, 4), {"value": 0.0}, {"mask": bools(3)}, p="t")
case("masked_fill_int64", "masked_fill", i64(2, 3), {"value": 7}, {"mask": bools(2, 3)}, grad=False)
case("masked_fill_tensor", "masked_fill_tensor", f64(2, 3), {}, {"mask": bools(2, 3), "value": torch.tensor(0.75, dtype=torch.float64)})
case("masked_select", "masked_select", f32(3, 4), {}, {"mask": bools(3, 4)})
case("masked_select_broadcast", "masked_select", f32(2, 3), {}, {"mask": bools(3)}, p="none")
case("index_mask", "index_mask", f32(3, 4), {}, {"mask": bools(3, 4)})
case("index_mask_rows", "index_mask", f32(4, 2), {}, {"mask": torch.tensor([True, False, True, True])})
case("index_mask_int64", "index_mask", i64(5), {}, {"mask": bools(5)}, grad=False)
case("index_long", "index_long", f32(4, 3), {}, {"index": torch.tensor([3, -1, 0, 3])})
case("index_long_2d_t", "index_long", f32(3, 4), {}, {"index": torch.tensor([[0, 1], [3, 2]])}, p="t")
case("index_multi", "index_multi", f32(3, 2, 4), {}, {"i0": torch.tensor([0, 2, 2]), "i2": torch.tensor([1, 3, 0])})
case("index_put", "index_put", f32(5, 2), {"accumulate": False}, {"index": torch.tensor([4, 0]), "values": f32(2, 2)})
case("index_put_accumulate", "index_put", f32(4), {"accumulate": True},
     {"index": torch.tensor([1, 1, 3]), "values": f32(3)})
case("index_put_mask_scalar", "index_put_mask_scalar", f32(3, 3), {"value": 9.0}, {"mask": bools(3, 3)})
case("nonzero", "nonzero", torch.tensor([[0.0, 1.5, 0.0], [2.0, 0.0, -1.0]]), grad=False)
case("nonzero_bool", "nonzero", bools(2, 2, 3), grad=False)
case("argwhere_int64", "argwhere", torch.tensor([0, 3, 0, -2]), grad=False)
case("where_cond", "where_cond", bools(3, 4), grad=False)
case("where_cond_float_3d", "where_cond", torch.tensor([[[0.0, 1.0], [2.0, 0.0]]]), grad=False)

# ---- triangles and diagonals ----------------------------------------------------------------------
case("tril", "tril", f32(4, 4), {"diagonal": 0})
case("tril_neg_batch", "tril", f32(2, 3, 4), {"diagonal": -1})
case("triu_pos_t", "triu", f32(3, 5), {"diagonal": 1}, p="t")
case("triu_int64", "triu", i64(3, 3), {"diagonal": 0}, grad=False)
case("diag_vector", "diag", f32(3), {"diagonal": 1})
case("diag_matrix", "diag", f32(3, 4), {"diagonal": -1})
case("diagonal", "diagonal", f32(2, 3, 3), {"offset": 0, "dim1": 1, "dim2": 2})

write("shape", cases)
