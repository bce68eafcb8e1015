"""Golden values for nn: modules (forward and backward w.r.t. input and every parameter), functional ops, LSTM states.

Module cases: the module is built right after torch.manual_seed(seed) (so its default initialisation can be compared
too), run on a seeded input, and backpropagated with seeded upstream gradients for every output.
Run: /usr/bin/python3 tests/Hydro.Torch.Tests/Golden/make_nn.py
"""
import torch
import torch.nn as nn
import torch.nn.functional as F

from golden_common import enc, write

cases = []


def randn(g, *shape, dtype=torch.float32):
    return torch.randn(tuple(shape), generator=g, dtype=dtype)


def module_case(name, seed, kind, args, x_shape, states=None):
    """states: None, or the shapes of extra state inputs (h0, c0) / (h, c)."""
    torch.manual_seed(seed)
    m = getattr(nn, kind)(**args)
    g = torch.Generator().manual_seed(seed + 1000)
    x = randn(g, *x_shape).requires_grad_()
    extra = [randn(g, *s).requires_grad_() for s in states] if states else []
    if kind == "LSTM":
        out, (h, c) = m(x, tuple(extra)) if extra else m(x)
        outputs = [out, h, c]
    elif kind == "LSTMCell":
        h, c = m(x, tuple(extra)) if extra else m(x)
        outputs = [h, c]
    else:
        outputs = [m(x)]
    grad_out = [randn(g, *o.shape) for o in outputs]
    torch.autograd.backward(outputs, grad_out)
    cases.append({
        "name": name,
        "kind": kind,
        "seed": seed,
        "args": args,
        "param_names": [n for n, _ in m.named_parameters()],
        "state": {k: enc(v) for k, v in m.state_dict().items()},
        "inputs": [enc(x)] + [enc(e) for e in extra],
        "outputs": [enc(o) for o in outputs],
        "grad_out": [enc(go) for go in grad_out],
        "input_grads": [enc(x.grad)] + [enc(e.grad) for e in extra],
        "param_grads": {n: enc(p.grad) for n, p in m.named_parameters()},
    })


module_case("linear", 1, "Linear", {"in_features": 5, "out_features": 3}, [4, 5])
module_case("linear_nobias_3d", 2, "Linear", {"in_features": 3, "out_features": 2, "bias": False}, [2, 3, 3])
module_case("conv1d_groups", 3, "Conv1d",
            {"in_channels": 4, "out_channels": 6, "kernel_size": 3, "stride": 2, "padding": 1, "groups": 2}, [2, 4, 9])
module_case("conv1d_dilation_nobias", 4, "Conv1d",
            {"in_channels": 3, "out_channels": 2, "kernel_size": 3, "dilation": 2, "bias": False}, [1, 3, 10])
module_case("conv1d_same", 5, "Conv1d",
            {"in_channels": 2, "out_channels": 3, "kernel_size": 4, "padding": "same"}, [2, 2, 7])
module_case("conv2d_square", 6, "Conv2d",
            {"in_channels": 2, "out_channels": 3, "kernel_size": 3, "padding": 1}, [1, 2, 5, 5])
module_case("conv2d_groups_stride", 7, "Conv2d",
            {"in_channels": 4, "out_channels": 4, "kernel_size": [3, 2], "stride": [2, 1], "padding": [1, 0],
             "groups": 2}, [2, 4, 6, 5])
module_case("lstm_2layer_batch_first_states", 8, "LSTM",
            {"input_size": 3, "hidden_size": 4, "num_layers": 2, "batch_first": True}, [2, 5, 3],
            states=[[2, 2, 4], [2, 2, 4]])
module_case("lstm_2layer_time_first", 9, "LSTM",
            {"input_size": 3, "hidden_size": 4, "num_layers": 2}, [5, 2, 3])
module_case("lstm_nobias", 10, "LSTM", {"input_size": 2, "hidden_size": 3, "bias": False}, [4, 1, 2])
module_case("lstm_unbatched", 11, "LSTM", {"input_size": 2, "hidden_size": 3, "batch_first": True}, [4, 2])
module_case("lstmcell_states", 12, "LSTMCell", {"input_size": 3, "hidden_size": 4}, [2, 3], states=[[2, 4], [2, 4]])
module_case("lstmcell_zero", 13, "LSTMCell", {"input_size": 3, "hidden_size": 4}, [2, 3])


# ---- LSTM per-step states: a manual PyTorch loop over the gate equations ----------------------------

def lstm_states_case(name, seed, args, x_shape, with_states):
    torch.manual_seed(seed)
    m = nn.LSTM(**args)
    g = torch.Generator().manual_seed(seed + 1000)
    x = randn(g, *x_shape)
    L, H = args["num_layers"], args["hidden_size"]
    bf = args.get("batch_first", False)
    xs = x.transpose(0, 1) if bf else x  # [T, B, F]
    B = xs.shape[1]
    h0 = randn(g, L, B, H) if with_states else torch.zeros(L, B, H)
    c0 = randn(g, L, B, H) if with_states else torch.zeros(L, B, H)
    layer_in = xs
    with torch.no_grad():
        for l in range(L):
            w_ih, w_hh = getattr(m, f"weight_ih_l{l}"), getattr(m, f"weight_hh_l{l}")
            b = getattr(m, f"bias_ih_l{l}") + getattr(m, f"bias_hh_l{l}")
            h, c = h0[l], c0[l]
            hs, cs = [], []
            for t in range(layer_in.shape[0]):
                i, f, gg, o = (layer_in[t] @ w_ih.T + h @ w_hh.T + b).chunk(4, dim=1)
                c = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(gg)
                h = torch.sigmoid(o) * torch.tanh(c)
                hs.append(h)
                cs.append(c)
            layer_in = torch.stack(hs)
            c_seq = torch.stack(cs)
        fused, _ = m(x, (h0, c0))
    h_seq = layer_in.transpose(0, 1) if bf else layer_in
    c_seq = c_seq.transpose(0, 1) if bf else c_seq
    assert torch.allclose(h_seq, fused, atol=1e-6)
    cases.append({
        "name": name, "kind": "LSTMStates", "seed": seed, "args": args,
        "state": {k: enc(v) for k, v in m.state_dict().items()},
        "inputs": [enc(x)] + ([enc(h0), enc(c0)] if with_states else []),
        "outputs": [enc(h_seq), enc(c_seq)],
    })


lstm_states_case("states_2layer_batch_first", 20, {"input_size": 3, "hidden_size": 4, "num_layers": 2,
                                                  "batch_first": True}, [2, 6, 3], True)
lstm_states_case("states_2layer_time_first", 21, {"input_size": 2, "hidden_size": 3, "num_layers": 2}, [5, 3, 2], False)


# ---- functional ops: forward and gradient w.r.t. the input ------------------------------------------------

def fn_case(name, fn, kwargs, x_shape, target=False, seed=0):
    g = torch.Generator().manual_seed(100 + seed)
    x = randn(g, *x_shape).requires_grad_()
    args = [x]
    if target:
        args.append(randn(g, *x_shape))
    y = getattr(F, fn)(*args, **kwargs)
    go = randn(g, *y.shape)
    y.backward(go)
    cases.append({
        "name": name, "kind": "functional", "fn": fn, "kwargs": kwargs,
        "inputs": [enc(a) for a in args], "outputs": [enc(y)], "grad_out": [enc(go)], "input_grads": [enc(x.grad)],
    })


fn_case("avg_pool1d", "avg_pool1d", {"kernel_size": 3, "stride": 2, "padding": 1}, [2, 3, 8], seed=1)
fn_case("avg_pool1d_ceil_nopad", "avg_pool1d", {"kernel_size": 2, "ceil_mode": True, "count_include_pad": False},
        [1, 2, 7], seed=2)
fn_case("avg_pool2d", "avg_pool2d", {"kernel_size": 2}, [1, 2, 4, 6], seed=3)
fn_case("avg_pool2d_stride_pad", "avg_pool2d", {"kernel_size": 3, "stride": 2, "padding": 1}, [2, 1, 5, 5], seed=4)
fn_case("max_pool1d", "max_pool1d", {"kernel_size": 3, "stride": 2, "padding": 1}, [2, 3, 8], seed=5)
fn_case("max_pool1d_dilation", "max_pool1d", {"kernel_size": 2, "dilation": 2}, [1, 2, 9], seed=6)
fn_case("max_pool2d", "max_pool2d", {"kernel_size": 2}, [1, 2, 4, 6], seed=7)
fn_case("max_pool2d_stride_pad", "max_pool2d", {"kernel_size": 3, "stride": 2, "padding": 1}, [2, 1, 5, 5], seed=8)
for i, red in enumerate(["mean", "sum", "none"]):
    fn_case(f"mse_loss_{red}", "mse_loss", {"reduction": red}, [3, 4], target=True, seed=10 + i)
    fn_case(f"l1_loss_{red}", "l1_loss", {"reduction": red}, [3, 4], target=True, seed=20 + i)
    fn_case(f"smooth_l1_loss_{red}", "smooth_l1_loss", {"reduction": red, "beta": 0.5}, [3, 4], target=True,
            seed=30 + i)
    fn_case(f"huber_loss_{red}", "huber_loss", {"reduction": red, "delta": 0.7}, [3, 4], target=True, seed=40 + i)
fn_case("relu", "relu", {}, [3, 4], seed=50)
fn_case("sigmoid", "sigmoid", {}, [3, 4], seed=51)
fn_case("tanh", "tanh", {}, [3, 4], seed=52)
fn_case("softplus", "softplus", {"beta": 2.0, "threshold": 1.5}, [3, 4], seed=53)
fn_case("elu", "elu", {"alpha": 0.8}, [3, 4], seed=54)
fn_case("leaky_relu", "leaky_relu", {"negative_slope": 0.1}, [3, 4], seed=55)
fn_case("gelu", "gelu", {}, [3, 4], seed=56)
fn_case("gelu_tanh", "gelu", {"approximate": "tanh"}, [3, 4], seed=57)
fn_case("silu", "silu", {}, [3, 4], seed=58)
fn_case("softmax", "softmax", {"dim": 1}, [3, 4], seed=59)
fn_case("log_softmax", "log_softmax", {"dim": 0}, [3, 4], seed=60)
fn_case("layer_norm", "layer_norm", {"normalized_shape": [4]}, [3, 4], seed=61)

# orthogonal_ draws a normal sample and QR-decomposes it: same generator stream, same matrix.
for name, shape in [("orthogonal_tall", [5, 3]), ("orthogonal_wide", [2, 6])]:
    w = torch.empty(*shape)
    torch.manual_seed(77)
    nn.init.orthogonal_(w, gain=1.5)
    cases.append({"name": name, "kind": "orthogonal", "seed": 77, "outputs": [enc(w)]})

write("nn", cases)
