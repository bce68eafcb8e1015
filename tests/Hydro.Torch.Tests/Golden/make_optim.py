"""Golden values for Optim/: optimiser trajectories, LR schedules and gradient clipping (PyTorch 1.13).

Optimiser problem: two parameters p0 [3, 4] and p1 [4] with the separable loss
    L = sum_i a_i (p_i - c_i)^2 + 0.1 p_i^4,   so   dL/dp = 2 a (p - c) + 0.4 p^3.
The gradient is computed element by element in Python floats (IEEE double, the same arithmetic as the C# test),
then set as .grad, so any difference between C# and PyTorch comes from the optimiser step alone.
Parameters are recorded after steps 1, 10, 20, ..., 100.

Run: /usr/bin/python3 tests/Hydro.Torch.Tests/Golden/make_optim.py
"""
import torch

from golden_common import enc, write

STEPS = 100
RECORD = [1] + list(range(10, STEPS + 1, 10))


def problem(dtype):
    g = torch.Generator().manual_seed(7)
    p0 = torch.randn(3, 4, generator=g, dtype=torch.float64)
    p1 = torch.randn(4, generator=g, dtype=torch.float64)
    a0 = torch.rand(3, 4, generator=g, dtype=torch.float64) + 0.5
    a1 = torch.rand(4, generator=g, dtype=torch.float64) + 0.5
    c0 = torch.randn(3, 4, generator=g, dtype=torch.float64)
    c1 = torch.randn(4, generator=g, dtype=torch.float64)
    return [p0.to(dtype), p1.to(dtype)], [a0, a1], [c0, c1]


def grad_of(p, a, c):
    """2 a (p - c) + 0.4 p^3 in Python floats, element by element (mirrored exactly by the C# test)."""
    pv, av, cv = p.detach().reshape(-1).tolist(), a.reshape(-1).tolist(), c.reshape(-1).tolist()
    g = [2.0 * ai * (pi - ci) + 0.4 * pi * pi * pi for pi, ai, ci in zip(pv, av, cv)]
    return torch.tensor(g, dtype=p.dtype).reshape(p.shape)


def trajectory(name, opt_name, kwargs, dtype=torch.float64, groups=None, drop_grad=False):
    params, a, c = problem(dtype)
    init = [p.clone() for p in params]
    params = [p.clone().requires_grad_() for p in params]
    cls = getattr(torch.optim, opt_name)
    if groups is None:
        opt = cls(params, **kwargs)
    else:
        opt = cls([dict(params=[params[i]], **extra) for i, extra in groups], **kwargs)
    record = []
    for step in range(1, STEPS + 1):
        opt.zero_grad(set_to_none=True)
        for i, p in enumerate(params):
            if drop_grad and i == 1 and step % 2 == 0:
                continue
            p.grad = grad_of(p, a[i], c[i])
        opt.step()
        if step in RECORD:
            record.append({"step": step, "params": [enc(p) for p in params]})
    case = {
        "name": name,
        "optimizer": opt_name,
        "kwargs": {k: list(v) if isinstance(v, tuple) else v for k, v in kwargs.items()},
        "dtype": "float32" if dtype == torch.float32 else "float64",
        "drop_grad": drop_grad,
        "init": [enc(p) for p in init],
        "a": [enc(x) for x in a],
        "c": [enc(x) for x in c],
        "record": record,
    }
    if groups is not None:
        case["groups"] = [{"param": i, **{k: list(v) if isinstance(v, tuple) else v for k, v in extra.items()}}
                          for i, extra in groups]
    return case


def optimiser_cases():
    return [
        trajectory("sgd_plain", "SGD", dict(lr=0.05)),
        trajectory("sgd_momentum_dampening_wd", "SGD", dict(lr=0.02, momentum=0.9, dampening=0.1, weight_decay=0.01)),
        trajectory("sgd_nesterov", "SGD", dict(lr=0.02, momentum=0.9, nesterov=True, weight_decay=0.01)),
        trajectory("adam", "Adam", dict(lr=0.05)),
        trajectory("adam_wd", "Adam", dict(lr=0.05, betas=(0.8, 0.99), eps=1e-6, weight_decay=0.1)),
        trajectory("adam_amsgrad", "Adam", dict(lr=0.05, weight_decay=0.01, amsgrad=True)),
        trajectory("adamw", "AdamW", dict(lr=0.05)),
        trajectory("adamw_amsgrad", "AdamW", dict(lr=0.05, weight_decay=0.1, amsgrad=True)),
        trajectory("adam_float32", "Adam", dict(lr=0.05), dtype=torch.float32),
        trajectory("adam_groups", "Adam", dict(lr=0.05), groups=[(0, {}), (1, dict(lr=0.01, betas=(0.8, 0.99)))]),
        trajectory("adam_missing_grads", "Adam", dict(lr=0.05, amsgrad=True), drop_grad=True),
        trajectory("sgd_missing_grads", "SGD", dict(lr=0.02, momentum=0.9), drop_grad=True),
    ]


METRICS = [1.0, 0.9, 0.85, 0.86, 0.86, 0.849, 0.85, 0.85, 0.85, 0.85, 0.7, 0.71, 0.72, 0.73, 0.74,
           0.75, 0.69, 0.69, 0.69, 0.69, 0.69, 0.69, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5]


def schedule(name, sched_name, kwargs, metrics=None):
    p = [torch.zeros(2, requires_grad=True), torch.zeros(3, requires_grad=True)]
    opt = torch.optim.SGD([{"params": [p[0]]}, {"params": [p[1]], "lr": 0.05}], lr=0.1)
    sched = getattr(torch.optim.lr_scheduler, sched_name)(opt, **kwargs)
    lrs = [[g["lr"] for g in opt.param_groups]]
    for epoch in range(30):
        opt.step()
        if metrics is None:
            sched.step()
        else:
            sched.step(metrics[epoch])
        lrs.append([g["lr"] for g in opt.param_groups])
    case = {"name": name, "scheduler": sched_name, "kwargs": kwargs, "lrs": lrs}
    if metrics is not None:
        case["metrics"] = metrics
    return case


def scheduler_cases():
    return [
        schedule("steplr", "StepLR", dict(step_size=7, gamma=0.5)),
        schedule("exponentiallr", "ExponentialLR", dict(gamma=0.9)),
        schedule("cosine", "CosineAnnealingLR", dict(T_max=10, eta_min=0.001)),
        schedule("cosine_no_min", "CosineAnnealingLR", dict(T_max=7)),
        schedule("plateau_min_rel", "ReduceLROnPlateau",
                 dict(mode="min", factor=0.5, patience=2, threshold=1e-2, threshold_mode="rel", cooldown=1, min_lr=0.004),
                 METRICS),
        schedule("plateau_max_abs", "ReduceLROnPlateau",
                 dict(mode="max", factor=0.3, patience=1, threshold=0.05, threshold_mode="abs", cooldown=0, min_lr=0.0),
                 [-m for m in METRICS]),
    ]


def clip_cases():
    cases = []
    for dtype in (torch.float64, torch.float32):
        dn = "float64" if dtype == torch.float64 else "float32"
        for norm_type in (2.0, 1.0, 3.0, float("inf")):
            for max_norm in (1.0, 100.0):
                g = torch.Generator().manual_seed(11)
                grads = [torch.randn(3, 4, generator=g, dtype=dtype), torch.randn(4, generator=g, dtype=dtype) * 3]
                ps = [torch.zeros(3, 4, dtype=dtype, requires_grad=True), torch.zeros(4, dtype=dtype, requires_grad=True),
                      torch.zeros(2, dtype=dtype, requires_grad=True)]
                ps[0].grad, ps[1].grad = grads[0].clone(), grads[1].clone()
                total = torch.nn.utils.clip_grad_norm_(ps, max_norm, norm_type)
                cases.append({
                    "name": f"norm_{dn}_{norm_type}_{max_norm}",
                    "kind": "norm", "max_norm": max_norm, "norm_type": "inf" if norm_type == float("inf") else norm_type,
                    "grads": [enc(x) for x in grads], "total": total.item(), "clipped": [enc(p.grad) for p in ps[:2]],
                })
        g = torch.Generator().manual_seed(12)
        grads = [torch.randn(3, 4, generator=g, dtype=dtype), torch.randn(4, generator=g, dtype=dtype) * 3]
        ps = [torch.zeros(3, 4, dtype=dtype, requires_grad=True), torch.zeros(4, dtype=dtype, requires_grad=True)]
        ps[0].grad, ps[1].grad = grads[0].clone(), grads[1].clone()
        torch.nn.utils.clip_grad_value_(ps, 0.75)
        cases.append({"name": f"value_{dn}", "kind": "value", "clip_value": 0.75,
                      "grads": [enc(x) for x in grads], "clipped": [enc(p.grad) for p in ps]})
    return cases


if __name__ == "__main__":
    write("optim", optimiser_cases() + [dict(c, name="sched_" + c["name"]) for c in scheduler_cases()]
          + [dict(c, name="clip_" + c["name"]) for c in clip_cases()])
