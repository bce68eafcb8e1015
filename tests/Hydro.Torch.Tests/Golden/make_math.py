"""Golden values of the math area (Ops/MathGoldenTests.cs): /usr/bin/python3 tests/Hydro.Torch.Tests/Golden/make_math.py

Every case names an op key (the same keys map to C# calls in MathGoldenTests.Ops), its inputs, scalar params,
the outputs, and for differentiable outputs an upstream gradient `grad_out` with the input gradients `grads`
(null for inputs that are not floating point or get no gradient).
"""
import math
import os
import sys

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from golden_common import DTYPES, write  # noqa: E402

G = torch.Generator().manual_seed(20240607)
F32, F64, I64, BOOL = torch.float32, torch.float64, torch.int64, torch.bool
NAN, INF = math.nan, math.inf


def enc(t):
    """golden_common.enc, but float32 values use their shortest float32 repr (smaller files, exact round trip)."""
    t = t.detach().cpu().contiguous()
    data = t.reshape(-1).tolist()
    if t.dtype == F32:
        data = [float(repr(np.float32(v))) for v in data]
    if t.dtype in (F32, F64):
        data = [None if math.isnan(v) else "inf" if v == INF else "-inf" if v == -INF else v for v in data]
    return {"shape": list(t.shape), "dtype": DTYPES[t.dtype], "data": data}


def rnd(shape, dtype=F64, lo=-2.0, hi=2.0):
    """Uniform values rounded to 2 decimals (short JSON), in [lo, hi]."""
    t = torch.rand(shape, generator=G, dtype=F64) * (hi - lo) + lo
    return (torch.round(t * 100) / 100).to(dtype)


def pos(shape, dtype=F64, lo=0.2, hi=3.0):
    return rnd(shape, dtype, lo, hi)


def ints(shape, lo=-5, hi=6):
    return torch.randint(lo, hi, shape, generator=G)


def nonzero_ints(shape):
    t = ints(shape)
    return torch.where(t == 0, torch.ones_like(t), t)


def bools(shape):
    return torch.rand(shape, generator=G) > 0.5


def special(dtype=F64):
    return torch.tensor([NAN, INF, -INF, 0.0, -0.5, 1.5, -2.0, 3.0], dtype=dtype)


def distinct(shape, dtype=F64):
    """A permutation of well separated values: no ties (for min/max gradients)."""
    n = 1
    for s in shape:
        n *= s
    return (torch.randperm(n, generator=G).to(F64) * 0.37 - 1.1).reshape(shape).to(dtype)


# ---- the ops: key -> f(inputs, params); MathGoldenTests.Ops has the same keys ---------------------------------

def _s(p):
    return p["s"]


OPS = {
    # tensor ⊕ tensor
    "add": lambda x, p: torch.add(x[0], x[1], alpha=p.get("alpha", 1)),
    "sub": lambda x, p: torch.sub(x[0], x[1], alpha=p.get("alpha", 1)),
    "mul": lambda x, p: torch.mul(x[0], x[1]),
    "div": lambda x, p: torch.div(x[0], x[1], rounding_mode=p.get("rounding_mode")),
    "remainder": lambda x, p: torch.remainder(x[0], x[1]),
    "fmod": lambda x, p: torch.fmod(x[0], x[1]),
    "pow": lambda x, p: torch.pow(x[0], x[1]),
    "atan2": lambda x, p: torch.atan2(x[0], x[1]),
    "minimum": lambda x, p: torch.minimum(x[0], x[1]),
    "maximum": lambda x, p: torch.maximum(x[0], x[1]),
    "clamp_min": lambda x, p: torch.clamp_min(x[0], x[1]),
    "clamp_max": lambda x, p: torch.clamp_max(x[0], x[1]),
    "matmul": lambda x, p: torch.matmul(x[0], x[1]),
    "mm": lambda x, p: torch.mm(x[0], x[1]),
    "bmm": lambda x, p: torch.bmm(x[0], x[1]),
    "outer": lambda x, p: torch.outer(x[0], x[1]),
    "dot": lambda x, p: torch.dot(x[0], x[1]),
    # operators
    "op+": lambda x, p: x[0] + x[1],
    "op-": lambda x, p: x[0] - x[1],
    "op*": lambda x, p: x[0] * x[1],
    "op/": lambda x, p: x[0] / x[1],
    "op%": lambda x, p: x[0] % x[1],
    "op<": lambda x, p: x[0] < x[1],
    "op<=": lambda x, p: x[0] <= x[1],
    "op>": lambda x, p: x[0] > x[1],
    "op>=": lambda x, p: x[0] >= x[1],
    "op&": lambda x, p: x[0] & x[1],
    "op|": lambda x, p: x[0] | x[1],
    "op^": lambda x, p: x[0] ^ x[1],
    "op~": lambda x, p: ~x[0],
    "op-u": lambda x, p: -x[0],
    # tensor ⊕ number and number ⊕ tensor
    "add_s": lambda x, p: torch.add(x[0], _s(p), alpha=p.get("alpha", 1)),
    "sub_s": lambda x, p: torch.sub(x[0], _s(p), alpha=p.get("alpha", 1)),
    "rsub_s": lambda x, p: torch.rsub(x[0], _s(p)),
    "mul_s": lambda x, p: torch.mul(x[0], _s(p)),
    "div_s": lambda x, p: torch.div(x[0], _s(p), rounding_mode=p.get("rounding_mode")),
    "remainder_s": lambda x, p: torch.remainder(x[0], _s(p)),
    "pow_s": lambda x, p: torch.pow(x[0], _s(p)),
    "spow": lambda x, p: torch.pow(_s(p), x[0]),
    "clamp_min_s": lambda x, p: torch.clamp_min(x[0], _s(p)),
    "clamp_max_s": lambda x, p: torch.clamp_max(x[0], _s(p)),
    "op+s": lambda x, p: x[0] + _s(p),
    "op-s": lambda x, p: x[0] - _s(p),
    "op*s": lambda x, p: x[0] * _s(p),
    "op/s": lambda x, p: x[0] / _s(p),
    "op%s": lambda x, p: x[0] % _s(p),
    "s+op": lambda x, p: _s(p) + x[0],
    "s-op": lambda x, p: _s(p) - x[0],
    "s*op": lambda x, p: _s(p) * x[0],
    "s/op": lambda x, p: _s(p) / x[0],
    "op<s": lambda x, p: x[0] < _s(p),
    "op<=s": lambda x, p: x[0] <= _s(p),
    "op>s": lambda x, p: x[0] > _s(p),
    "op>=s": lambda x, p: x[0] >= _s(p),
    "s<op": lambda x, p: _s(p) < x[0],
    "s<=op": lambda x, p: _s(p) <= x[0],
    "s>op": lambda x, p: _s(p) > x[0],
    "s>=op": lambda x, p: _s(p) >= x[0],
    # parametrised element-wise
    "softplus": lambda x, p: torch.nn.functional.softplus(x[0], p["beta"], p["threshold"]),
    "elu": lambda x, p: torch.nn.functional.elu(x[0], p["alpha"]),
    "nan_to_num": lambda x, p: torch.nan_to_num(x[0], p["nan"], p.get("posinf"), p.get("neginf")),
    "clamp": lambda x, p: torch.clamp(x[0], p.get("min"), p.get("max")),
    "clamp_t": lambda x, p: torch.clamp(x[0], x[1], x[2]),
    "clamp_tmin": lambda x, p: torch.clamp(x[0], min=x[1]),
    "where": lambda x, p: torch.where(x[0], x[1], x[2]),
    "where_sa": lambda x, p: torch.where(x[0], p["a"], x[1]),
    "where_sb": lambda x, p: torch.where(x[0], x[1], p["b"]),
    "where_ss": lambda x, p: torch.where(x[0], p["a"], p["b"]),
    "where_m": lambda x, p: x[1].where(x[0], x[2]),
    "lerp_s": lambda x, p: torch.lerp(x[0], x[1], p["weight"]),
    "lerp_t": lambda x, p: torch.lerp(x[0], x[1], x[2]),
    "addcmul": lambda x, p: torch.addcmul(x[0], x[1], x[2], value=p["value"]),
    "addcdiv": lambda x, p: torch.addcdiv(x[0], x[1], x[2], value=p["value"]),
    # reductions
    "sum": lambda x, p: x[0].sum(p["dim"], p.get("keepdim", False), dtype=dt(p)) if "dim" in p else x[0].sum(dtype=dt(p)),
    "mean": lambda x, p: x[0].mean(p["dim"], p.get("keepdim", False), dtype=dt(p)) if "dim" in p else x[0].mean(dtype=dt(p)),
    "nansum": lambda x, p: torch.nansum(x[0], p["dim"], p.get("keepdim", False)) if "dim" in p else torch.nansum(x[0]),
    "nanmean": lambda x, p: torch.nanmean(x[0], p["dim"], p.get("keepdim", False)) if "dim" in p else torch.nanmean(x[0]),
    "std": lambda x, p: x[0].std(p["dim"], p["unbiased"], p.get("keepdim", False)) if "dim" in p else x[0].std(p["unbiased"]),
    "var": lambda x, p: x[0].var(p["dim"], p["unbiased"], p.get("keepdim", False)) if "dim" in p else x[0].var(p["unbiased"]),
    "min_all": lambda x, p: x[0].min(),
    "max_all": lambda x, p: x[0].max(),
    "min_dim": lambda x, p: tuple(x[0].min(p["dim"], p.get("keepdim", False))),
    "max_dim": lambda x, p: tuple(x[0].max(p["dim"], p.get("keepdim", False))),
    "amin": lambda x, p: torch.amin(x[0], p.get("dim", []), p.get("keepdim", False)),
    "amax": lambda x, p: torch.amax(x[0], p.get("dim", []), p.get("keepdim", False)),
    "argmin": lambda x, p: torch.argmin(x[0], p.get("dim"), p.get("keepdim", False)),
    "argmax": lambda x, p: torch.argmax(x[0], p.get("dim"), p.get("keepdim", False)),
    "prod": lambda x, p: x[0].prod(p["dim"], p.get("keepdim", False)) if "dim" in p else x[0].prod(),
    "cumsum": lambda x, p: torch.cumsum(x[0], p["dim"]),
    "cumprod": lambda x, p: torch.cumprod(x[0], p["dim"]),
    "logsumexp": lambda x, p: torch.logsumexp(x[0], p["dim"], p.get("keepdim", False)),
    "norm": lambda x, p: torch.linalg.vector_norm(x[0], p["p"], p.get("dim"), p.get("keepdim", False)),
    "all": lambda x, p: x[0].all(p["dim"], p.get("keepdim", False)) if "dim" in p else x[0].all(),
    "any": lambda x, p: x[0].any(p["dim"], p.get("keepdim", False)) if "dim" in p else x[0].any(),
    "count_nonzero": lambda x, p: torch.count_nonzero(x[0], p.get("dim")),
    # in-place (on a clone, so that the gradient flows back to the input)
    "add_": lambda x, p: x[0].clone().add_(x[1], alpha=p.get("alpha", 1)),
    "add_s_": lambda x, p: x[0].clone().add_(_s(p), alpha=p.get("alpha", 1)),
    "sub_": lambda x, p: x[0].clone().sub_(x[1], alpha=p.get("alpha", 1)),
    "sub_s_": lambda x, p: x[0].clone().sub_(_s(p)),
    "mul_": lambda x, p: x[0].clone().mul_(x[1]),
    "mul_s_": lambda x, p: x[0].clone().mul_(_s(p)),
    "div_": lambda x, p: x[0].clone().div_(x[1], rounding_mode=p.get("rounding_mode")),
    "div_s_": lambda x, p: x[0].clone().div_(_s(p)),
    "pow_": lambda x, p: x[0].clone().pow_(x[1]),
    "pow_s_": lambda x, p: x[0].clone().pow_(_s(p)),
    "addcmul_": lambda x, p: x[0].clone().addcmul_(x[1], x[2], value=p["value"]),
    "addcdiv_": lambda x, p: x[0].clone().addcdiv_(x[1], x[2], value=p["value"]),
    "clamp_": lambda x, p: x[0].clone().clamp_(p.get("min"), p.get("max")),
    "clamp_t_": lambda x, p: x[0].clone().clamp_(x[1], x[2]),
    "clamp_min_": lambda x, p: x[0].clone().clamp_min_(_s(p)),
    "clamp_max_": lambda x, p: x[0].clone().clamp_max_(_s(p)),
    "lerp_s_": lambda x, p: x[0].clone().lerp_(x[1], p["weight"]),
    "lerp_t_": lambda x, p: x[0].clone().lerp_(x[1], x[2]),
    "copy_": lambda x, p: x[0].clone().copy_(x[1]),
    "fill_": lambda x, p: x[0].clone().fill_(_s(p)),
    "zero_": lambda x, p: x[0].clone().zero_(),
}

UNARY = ["neg", "exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "sqrt", "rsqrt", "reciprocal", "square", "abs",
         "sign", "sigmoid", "tanh", "relu", "lgamma", "digamma", "erf", "erfc", "sin", "cos", "tan", "floor", "ceil",
         "round", "trunc", "isnan", "isinf", "isfinite", "logical_not", "bitwise_not"]
UNARY_INPLACE = ["neg", "exp", "log", "sqrt", "abs", "square", "reciprocal", "sigmoid", "tanh", "relu", "floor",
                 "ceil", "round", "trunc"]
for _u in UNARY:
    OPS[_u] = (lambda name: lambda x, p: getattr(torch, name)(x[0]))(_u)
for _u in UNARY_INPLACE:
    OPS[_u + "_"] = (lambda name: lambda x, p: getattr(x[0].clone(), name + "_")())(_u)
OPS["relu"] = lambda x, p: torch.relu(x[0])


def dt(p):
    return {"float32": F32, "float64": F64, "int64": I64}[p["dtype"]] if "dtype" in p else None


# ---- cases ------------------------------------------------------------------------------------------------

CASES = []


def case(name, op, inputs, grad=True, **params):
    xs = [t.clone().requires_grad_(grad and t.is_floating_point()) for t in inputs]
    out = OPS[op](xs, params)
    outs = out if isinstance(out, tuple) else (out,)
    jparams = {k: ("inf" if v == INF else "-inf" if v == -INF else v) for k, v in params.items()}  # strict JSON
    c = {"name": name, "op": op, "inputs": [enc(t) for t in inputs], "params": jparams,
         "outputs": [enc(o) for o in outs]}
    diff = [x for x in xs if x.requires_grad]
    if grad and diff and outs[0].requires_grad:
        gout = rnd(outs[0].shape, outs[0].dtype)
        grads = iter(torch.autograd.grad(outs[0], diff, gout, allow_unused=True))
        c["grad_out"] = enc(gout)
        c["grads"] = [(lambda g: None if g is None else enc(g))(next(grads)) if x.requires_grad else None for x in xs]
    CASES.append(c)


def binary_cases():
    shapes = [((2, 3), (2, 3)), ((2, 3), (3,)), ((4, 1), (1, 3))]  # same, broadcast row, outer broadcast
    for op in ["add", "sub", "mul", "div", "minimum", "maximum", "atan2", "op+", "op-", "op*", "op/"]:
        for dtype in (F32, F64):
            for i, (sa, sb) in enumerate(shapes):
                a, b = (distinct(sa, dtype), distinct(sb, dtype)) if op in ("minimum", "maximum") else \
                    (rnd(sa, dtype), pos(sb, dtype))
                case(f"{op}_{DTYPES[dtype]}_{i}", op, [a, b])
    case("add_alpha", "add", [rnd((2, 3)), rnd((3,))], alpha=-2.5)
    case("sub_alpha", "sub", [rnd((2, 3)), rnd((3,))], alpha=3)
    # type promotion: int64 ⊕ float32 → float32, int64 / int64 → float32, bool + int64 → int64
    for op in ["add", "sub", "mul", "div", "op/"]:
        case(f"{op}_int_float", op, [ints((2, 3)), pos((2, 3), F32)])
        case(f"{op}_int_int", op, [ints((2, 3)), nonzero_ints((2, 3))])
    case("add_bool_int", "add", [bools((2, 3)), ints((2, 3))])
    case("add_f32_f64", "add", [rnd((2, 3), F32), rnd((3,), F64)])
    for mode in ("trunc", "floor"):
        case(f"div_{mode}_f64", "div", [rnd((2, 3), F64, -5, 5), pos((2, 3), F64)], grad=False, rounding_mode=mode)
        case(f"div_{mode}_int", "div", [ints((2, 3), -9, 10), nonzero_ints((2, 3))], rounding_mode=mode)
        case(f"div_s_{mode}", "div_s", [rnd((2, 3), F32, -5, 5)], grad=False, s=2, rounding_mode=mode)
    case("div_special", "div", [special(), torch.tensor([0.0, 2.0, INF, 0.0, 0.0, -INF, 3.0, NAN], dtype=F64)])
    for op in ["remainder", "fmod", "op%"]:
        case(f"{op}_f64", op, [rnd((2, 3), F64, -5, 5), pos((3,), F64)])
        case(f"{op}_int", op, [ints((2, 3)), nonzero_ints((2, 3))])
    case("pow_f64", "pow", [pos((2, 3)), rnd((3,))])
    case("pow_f32", "pow", [pos((2, 3), F32), rnd((2, 3), F32)])
    case("pow_int", "pow", [ints((2, 3), 0, 5), ints((2, 3), 0, 4)])
    case("pow_int_float", "pow", [ints((2, 3), 1, 5), rnd((2, 3), F32)])
    for op in ["clamp_min", "clamp_max"]:
        case(f"{op}_t", op, [distinct((2, 3)), distinct((3,))])
    case("minimum_nan", "minimum", [special(), torch.zeros(8, dtype=F64)], grad=False)
    case("maximum_nan", "maximum", [special(), torch.zeros(8, dtype=F64)], grad=False)
    case("minimum_int", "minimum", [ints((2, 3)), ints((2, 3))])
    # comparisons and logic (bool results)
    for op in ["op<", "op<=", "op>", "op>="]:
        case(f"{op}_f32", op, [ints((2, 3)).to(F32), ints((3,)).to(F32)])
        case(f"{op}_int_f64", op, [ints((2, 3)), rnd((2, 3))])
        case(f"{op}_nan", op, [special(), torch.zeros(8, dtype=F64)])
    for op in ["op&", "op|", "op^"]:
        case(f"{op}_bool", op, [bools((2, 3)), bools((3,))])
        case(f"{op}_int", op, [ints((2, 3), 0, 8), ints((2, 3), 0, 8)])
    case("op~_bool", "op~", [bools((2, 3))])
    case("op~_int", "op~", [ints((2, 3))])
    for dtype in (F32, F64, I64):
        case(f"op-u_{DTYPES[dtype]}", "op-u", [rnd((2, 3), dtype) if dtype != I64 else ints((2, 3))])


def matrix_cases():
    for dtype in (F32, F64):
        n = DTYPES[dtype]
        case(f"mm_{n}", "mm", [rnd((2, 3), dtype), rnd((3, 4), dtype)])
        case(f"bmm_{n}", "bmm", [rnd((2, 2, 3), dtype), rnd((2, 3, 2), dtype)])
        case(f"matmul_vv_{n}", "matmul", [rnd((3,), dtype), rnd((3,), dtype)])
        case(f"matmul_mv_{n}", "matmul", [rnd((2, 3), dtype), rnd((3,), dtype)])
        case(f"matmul_vm_{n}", "matmul", [rnd((3,), dtype), rnd((3, 2), dtype)])
        case(f"matmul_batch_{n}", "matmul", [rnd((2, 1, 2, 3), dtype), rnd((3, 3, 2), dtype)])
        case(f"outer_{n}", "outer", [rnd((3,), dtype), rnd((2,), dtype)])
        case(f"dot_{n}", "dot", [rnd((4,), dtype), rnd((4,), dtype)])
    case("mm_int", "mm", [ints((2, 3)), ints((3, 2))])


def scalar_cases():
    for dtype in (F32, F64, I64):
        n = DTYPES[dtype]
        x = rnd((2, 3), dtype, 0.5, 3.0) if dtype != I64 else nonzero_ints((2, 3))
        for s in (2, 0.5, -3):
            t = type(s).__name__
            ops = ["add_s", "sub_s", "rsub_s", "mul_s", "div_s", "op+s", "op-s", "op*s", "op/s", "s+op", "s-op",
                   "s*op", "s/op"]
            if s != -3:
                ops += ["op<s", "op<=s", "op>s", "op>=s", "s<op", "s<=op", "s>op", "s>=op", "clamp_min_s", "clamp_max_s"]
            for op in ops:
                case(f"{op}_{n}_{t}{abs(s)}", op, [x], s=s)
        case(f"pow_s_{n}_2", "pow_s", [x], s=2)
        case(f"pow_s_{n}_half", "pow_s", [x.abs() if dtype != I64 else x.abs()], s=0.5)
        case(f"spow_{n}", "spow", [x], s=2.5 if dtype != I64 else 2)
        case(f"remainder_s_{n}", "remainder_s", [x * 3], s=2)
        case(f"op%s_{n}", "op%s", [x * 3], s=-2)
    case("add_s_alpha", "add_s", [rnd((2, 3))], s=1.5, alpha=2)
    case("sub_s_alpha", "sub_s", [rnd((2, 3))], s=1.5, alpha=-2)
    case("mul_s_bool", "mul_s", [bools((2, 3))], s=True)
    case("add_s_bool_int", "add_s", [bools((2, 3))], s=3)


def unary_cases():
    domain = {"log": pos, "log2": pos, "log10": pos, "sqrt": pos, "rsqrt": pos, "reciprocal": pos, "lgamma": pos,
              "digamma": pos, "log1p": lambda s, d: rnd(s, d, -0.9, 3.0)}
    no_grad = {"isnan", "isinf", "isfinite", "logical_not", "bitwise_not", "sign", "floor", "ceil", "round", "trunc"}
    for op in UNARY:
        if op == "bitwise_not":
            case("bitwise_not_int", op, [ints((2, 3))])
            case("bitwise_not_bool", op, [bools((2, 3))])
            continue
        make = domain.get(op, lambda s, d: rnd(s, d, -2.5, 2.5))
        for dtype in (F32, F64):
            case(f"{op}_{DTYPES[dtype]}", op, [make((2, 3), dtype)], grad=op not in no_grad)
        case(f"{op}_special", op, [special()], grad=False)
        if op not in ("lgamma", "digamma", "erf", "erfc", "exp2", "expm1", "log1p", "rsqrt", "sigmoid", "tanh", "sin",
                      "cos", "tan", "log2", "log10", "round", "trunc", "floor", "ceil"):
            case(f"{op}_int", op, [ints((2, 3), 1, 6) if op in domain else ints((2, 3))])
    case("round_halves", "round", [torch.tensor([0.5, 1.5, 2.5, -0.5, -1.5, 2.4999], dtype=F64)])
    case("lgamma_negative", "lgamma", [torch.tensor([-0.5, -1.5, -2.3, 0.3, 7.0], dtype=F64)])
    case("relu_zero", "relu", [torch.tensor([-1.0, 0.0, 2.0], dtype=F64)])
    case("sqrt_negative", "sqrt", [torch.tensor([-1.0, 0.0, 4.0], dtype=F32)], grad=False)


def param_cases():
    for dtype in (F32, F64):
        n = DTYPES[dtype]
        case(f"softplus_{n}", "softplus", [rnd((2, 4), dtype, -4, 4)], beta=1.0, threshold=20.0)
        case(f"softplus_beta_{n}", "softplus", [rnd((2, 4), dtype, -4, 4)], beta=2.0, threshold=3.0)
        case(f"elu_{n}", "elu", [rnd((2, 4), dtype, -3, 3)], alpha=1.0)
        case(f"elu_alpha_{n}", "elu", [rnd((2, 4), dtype, -3, 3)], alpha=0.5)
        case(f"nan_to_num_{n}", "nan_to_num", [special(dtype)], nan=0.0)
        case(f"nan_to_num_all_{n}", "nan_to_num", [special(dtype)], nan=-1.0, posinf=9.0, neginf=-9.0)
        case(f"clamp_both_{n}", "clamp", [rnd((3, 4), dtype, -3, 3)], min=-1.0, max=1.5)
        case(f"clamp_t_{n}", "clamp_t", [rnd((3, 4), dtype), rnd((4,), dtype, -2, -0.05), rnd((3, 1), dtype, 0.05, 2)])
        case(f"where_{n}", "where", [bools((2, 3)), rnd((2, 3), dtype), rnd((3,), dtype)])
        case(f"lerp_s_{n}", "lerp_s", [rnd((2, 3), dtype), rnd((2, 3), dtype)], weight=0.3)
        case(f"lerp_t_{n}", "lerp_t", [rnd((2, 3), dtype), rnd((3,), dtype), rnd((2, 3), dtype, 0, 1)])
        case(f"addcmul_{n}", "addcmul", [rnd((2, 3), dtype), rnd((2, 3), dtype), rnd((3,), dtype)], value=0.5)
        case(f"addcdiv_{n}", "addcdiv", [rnd((2, 3), dtype), rnd((2, 3), dtype), pos((3,), dtype)], value=-2)
    case("clamp_min_only", "clamp", [rnd((3, 4))], min=0.25)
    case("clamp_max_only", "clamp", [rnd((3, 4))], max=-0.25)
    case("clamp_int", "clamp", [ints((3, 4))], min=-2, max=3)
    case("clamp_int_float", "clamp", [ints((3, 4))], min=-1.5, max=2.5)
    case("clamp_nan", "clamp", [special()], min=-1.0, max=1.0, )
    case("clamp_tmin", "clamp_tmin", [rnd((3, 4)), rnd((3, 4))])
    case("where_broadcast", "where", [bools((3, 1)), rnd((1, 4)), rnd((3, 4))])
    case("where_promote", "where", [bools((2, 3)), ints((2, 3)), rnd((2, 3), F32)])
    case("where_sa", "where_sa", [bools((2, 3)), rnd((2, 3))], a=0.5)
    case("where_sb", "where_sb", [bools((2, 3)), rnd((2, 3), F32)], b=-1)
    case("where_sb_int", "where_sb", [bools((2, 3)), ints((2, 3))], b=2.5)
    case("where_ss", "where_ss", [bools((2, 3))], a=1.0, b=-1.0)
    case("where_m", "where_m", [bools((2, 3)), rnd((2, 3)), rnd((2, 3))])


def reduction_cases():
    for dtype in (F32, F64):
        n = DTYPES[dtype]
        x = rnd((2, 3, 4), dtype)
        for op in ("sum", "mean"):
            case(f"{op}_all_{n}", op, [x])
            case(f"{op}_d1_{n}", op, [x], dim=[1])
            case(f"{op}_d02_keep_{n}", op, [x], dim=[0, -1], keepdim=True)
        case(f"sum_dtype_{n}", "sum", [x], dim=[2], dtype="float64")
        for op in ("std", "var"):
            case(f"{op}_all_{n}", op, [x], unbiased=True)
            case(f"{op}_all_biased_{n}", op, [x], unbiased=False)
            case(f"{op}_d2_{n}", op, [x], dim=[2], unbiased=True)
            case(f"{op}_d01_keep_biased_{n}", op, [x], dim=[0, 1], unbiased=False, keepdim=True)
        d = distinct((2, 3, 4), dtype)
        case(f"min_all_{n}", "min_all", [d])
        case(f"max_all_{n}", "max_all", [d])
        case(f"min_dim_{n}", "min_dim", [d], dim=1)
        case(f"max_dim_keep_{n}", "max_dim", [d], dim=-1, keepdim=True)
        case(f"amin_{n}", "amin", [d], dim=[0, 2])
        case(f"amax_keep_{n}", "amax", [d], dim=[1], keepdim=True)
        case(f"amax_all_{n}", "amax", [d])
        case(f"argmin_all_{n}", "argmin", [d])
        case(f"argmax_d1_{n}", "argmax", [d], dim=1)
        case(f"argmax_keep_{n}", "argmax", [d], dim=2, keepdim=True)
        p = rnd((2, 3, 4), dtype, 0.5, 1.5)
        case(f"prod_all_{n}", "prod", [p])
        case(f"prod_d1_{n}", "prod", [p], dim=1)
        case(f"prod_keep_{n}", "prod", [p], dim=-1, keepdim=True)
        case(f"cumsum_{n}", "cumsum", [x], dim=1)
        case(f"cumprod_{n}", "cumprod", [p], dim=-1)
        case(f"logsumexp_{n}", "logsumexp", [x], dim=[1])
        case(f"logsumexp_keep_{n}", "logsumexp", [x], dim=[0, 2], keepdim=True)
        case(f"norm_all_{n}", "norm", [x], p=2.0)
        case(f"norm_d1_{n}", "norm", [x], p=2.0, dim=[1])
        case(f"norm_p1_{n}", "norm", [x], p=1.0, dim=[2], keepdim=True)
        case(f"norm_p3_{n}", "norm", [x], p=3.0, dim=[0, 2])
        case(f"norm_inf_{n}", "norm", [d], p=INF, dim=[2])
    nanx = torch.tensor([[1.0, NAN, 2.0], [NAN, NAN, 4.0]], dtype=F64)
    for op in ("nansum", "nanmean"):
        case(f"{op}_all", op, [nanx])
        case(f"{op}_d1", op, [nanx], dim=[1])
        case(f"{op}_keep", op, [nanx], dim=[0], keepdim=True)
    case("sum_nan", "sum", [nanx], dim=[1])
    case("sum_int", "sum", [ints((3, 4))], dim=[0])
    case("sum_int_all", "sum", [ints((3, 4))])
    case("sum_bool", "sum", [bools((3, 4))])
    case("sum_int_dtype", "sum", [ints((3, 4))], dtype="float32")
    case("mean_int_dtype", "mean", [ints((3, 4))], dim=[1], dtype="float64")
    case("max_dim_int", "max_dim", [ints((3, 4))], dim=0)
    case("max_all_nan", "max_all", [special()], grad=False)
    case("argmax_int", "argmax", [ints((3, 4))], dim=1)
    case("prod_int", "prod", [ints((3, 4), 1, 4)])
    case("cumsum_int", "cumsum", [ints((3, 4))], dim=0)
    case("logsumexp_large", "logsumexp", [torch.tensor([[1000.0, 1000.0], [-1000.0, 0.0]], dtype=F64)], dim=[1])
    for b in (bools((3, 4)), torch.ones(3, 4, dtype=BOOL), ints((3, 4), 0, 3)):
        k = len([c for c in CASES if c["op"] == "all"])
        case(f"all_{k}", "all", [b])
        case(f"all_d1_{k}", "all", [b], dim=1)
        case(f"any_{k}", "any", [b])
        case(f"any_d0_keep_{k}", "any", [b], dim=0, keepdim=True)
        case(f"count_nonzero_{k}", "count_nonzero", [b])
        case(f"count_nonzero_d1_{k}", "count_nonzero", [b], dim=[1])
    case("count_nonzero_float", "count_nonzero", [torch.tensor([[0.0, 1.5], [NAN, 0.0]])], dim=[0, 1])


def inplace_cases():
    for dtype in (F32, F64):
        n = DTYPES[dtype]
        a, b, c = rnd((2, 3), dtype), rnd((3,), dtype), pos((2, 3), dtype)
        case(f"add__{n}", "add_", [a, b], alpha=0.5)
        case(f"add_s__{n}", "add_s_", [a], s=2, alpha=1.5)
        case(f"sub__{n}", "sub_", [a, b], alpha=2)
        case(f"sub_s__{n}", "sub_s_", [a], s=0.25)
        case(f"mul__{n}", "mul_", [a, b])
        case(f"mul_s__{n}", "mul_s_", [a], s=-3)
        case(f"div__{n}", "div_", [a, c])
        case(f"div_floor__{n}", "div_", [a * 4, c], grad=False, rounding_mode="floor")
        case(f"div_s__{n}", "div_s_", [a], s=4)
        case(f"pow__{n}", "pow_", [c, b])
        case(f"pow_s__{n}", "pow_s_", [c], s=1.5)
        case(f"addcmul__{n}", "addcmul_", [a, c, b], value=2)
        case(f"addcdiv__{n}", "addcdiv_", [a, b, c], value=-0.5)
        case(f"clamp__{n}", "clamp_", [a], min=-0.5, max=0.5)
        case(f"clamp_min__{n}", "clamp_", [a], min=0.1)
        case(f"clamp_t__{n}", "clamp_t_", [a, rnd((3,), dtype, -2, -0.05), rnd((2, 1), dtype, 0.05, 2)])
        case(f"clamp_min_s__{n}", "clamp_min_", [a], s=0.2)
        case(f"clamp_max_s__{n}", "clamp_max_", [a], s=-0.2)
        case(f"lerp_s__{n}", "lerp_s_", [a, c], weight=0.75)
        case(f"lerp_t__{n}", "lerp_t_", [a, c, rnd((3,), dtype, 0, 1)])
        case(f"copy__{n}", "copy_", [a, b])
        case(f"fill__{n}", "fill_", [a], s=1.25)
        case(f"zero__{n}", "zero_", [a])
        for u in UNARY_INPLACE:
            x = pos((2, 3), dtype) if u in ("log", "sqrt", "reciprocal") else rnd((2, 3), dtype)
            case(f"{u}__{n}", u + "_", [x], grad=u not in ("floor", "ceil", "round", "trunc"))
    case("copy__int_to_float", "copy_", [rnd((2, 3), F32), ints((2, 3))])
    case("add__int_float_s", "add_s_", [rnd((2, 3), F32)], s=3)
    case("mul_s__int", "mul_s_", [ints((2, 3))], s=3)


if __name__ == "__main__":
    binary_cases()
    matrix_cases()
    scalar_cases()
    unary_cases()
    param_cases()
    reduction_cases()
    inplace_cases()
    names = [c["name"] for c in CASES]
    assert len(names) == len(set(names)), "duplicate case names"
    write("math", CASES)
