// Optimiser steps and gradient clipping: one native call per parameter group and step.
//
// The loops mirror PyTorch 1.13's single-tensor (for-loop) implementations op for op (torch/optim/sgd.py
// _single_tensor_sgd, adam.py _single_tensor_adam, adamw.py _single_tensor_adamw, nn/utils/clip_grad.py), so
// that trajectories agree with PyTorch to the last bit where the same kernels run.
//
// Optimiser state lives in at::Tensor objects owned by the managed optimiser. A state slot starts undefined
// (ht_optim_undefined) and is filled here, in place, the first time its parameter has a gradient, exactly when
// PyTorch creates its per-parameter state.
#include "common.h"

#include <cmath>

HT_API ht_tensor ht_optim_undefined() { return new at::Tensor(); }
HT_API int32_t ht_optim_defined(ht_tensor t) { return t->defined() ? 1 : 0; }

// SGD with momentum, dampening, weight decay, Nesterov and maximize. `bufs[i]` is the momentum buffer of
// params[i] (only used when momentum != 0).
HT_API int32_t ht_optim_sgd_step(const ht_tensor* params, int32_t n, const ht_tensor* bufs, double lr,
                                 double momentum, double dampening, double weight_decay, int32_t nesterov,
                                 int32_t maximize) {
    HT_STATUS({
        at::NoGradGuard no_grad;
        for (int32_t i = 0; i < n; ++i) {
            at::Tensor& param = *params[i];
            const at::Tensor& grad = param.grad();
            if (!grad.defined()) continue;
            at::Tensor d_p = maximize ? at::neg(grad) : grad;
            if (weight_decay != 0) d_p = d_p.add(param, weight_decay);
            if (momentum != 0) {
                at::Tensor& buf = *bufs[i];
                if (!buf.defined()) {
                    buf = at::clone(d_p).detach();
                } else {
                    buf.mul_(momentum).add_(d_p, 1 - dampening);
                }
                d_p = nesterov ? d_p.add(buf, momentum) : buf;
            }
            param.add_(d_p, -lr);
        }
    })
}

// Adam (decoupled = 0) or AdamW (decoupled = 1). `steps[i]` is the step count of params[i], incremented here
// for every parameter that has a gradient (PyTorch keeps it as a float tensor; the values are the same).
HT_API int32_t ht_optim_adam_step(const ht_tensor* params, int32_t n, const ht_tensor* exp_avgs,
                                  const ht_tensor* exp_avg_sqs, const ht_tensor* max_exp_avg_sqs, double* steps,
                                  double lr, double beta1, double beta2, double eps, double weight_decay,
                                  int32_t amsgrad, int32_t decoupled, int32_t maximize) {
    HT_STATUS({
        at::NoGradGuard no_grad;
        for (int32_t i = 0; i < n; ++i) {
            at::Tensor& param = *params[i];
            const at::Tensor& g = param.grad();
            if (!g.defined()) continue;
            if (g.is_sparse()) throw std::runtime_error("Adam does not support sparse gradients");
            at::Tensor& exp_avg = *exp_avgs[i];
            at::Tensor& exp_avg_sq = *exp_avg_sqs[i];
            if (!exp_avg.defined()) {
                exp_avg = at::zeros_like(param, at::MemoryFormat::Preserve);
                exp_avg_sq = at::zeros_like(param, at::MemoryFormat::Preserve);
                steps[i] = 0;
            }
            if (amsgrad && !max_exp_avg_sqs[i]->defined())
                *max_exp_avg_sqs[i] = at::zeros_like(param, at::MemoryFormat::Preserve);

            at::Tensor grad = maximize ? at::neg(g) : g;
            steps[i] += 1;
            if (decoupled) {
                param.mul_(1 - lr * weight_decay);
            } else if (weight_decay != 0) {
                grad = grad.add(param, weight_decay);
            }

            exp_avg.mul_(beta1).add_(grad, 1 - beta1);
            exp_avg_sq.mul_(beta2).addcmul_(grad, grad, 1 - beta2);

            const double step = steps[i];
            const double bias_correction1 = 1 - std::pow(beta1, step);
            const double bias_correction2 = 1 - std::pow(beta2, step);
            const double step_size = lr / bias_correction1;
            const double bias_correction2_sqrt = std::sqrt(bias_correction2);

            at::Tensor denom;
            if (amsgrad) {
                at::Tensor& max_sq = *max_exp_avg_sqs[i];
                at::maximum_out(max_sq, max_sq, exp_avg_sq);
                denom = (max_sq.sqrt() / bias_correction2_sqrt).add_(eps);
            } else {
                denom = (exp_avg_sq.sqrt() / bias_correction2_sqrt).add_(eps);
            }
            param.addcdiv_(exp_avg, denom, -step_size);
        }
    })
}

// Scales all gradients so that their joint norm is at most max_norm; writes the norm before clipping.
HT_API int32_t ht_optim_clip_grad_norm(const ht_tensor* params, int32_t n, double max_norm, double norm_type,
                                       int32_t error_if_nonfinite, double* total_out) {
    HT_STATUS({
        at::NoGradGuard no_grad;
        std::vector<at::Tensor> grads;
        for (int32_t i = 0; i < n; ++i) {
            const at::Tensor& g = params[i]->grad();
            if (g.defined()) grads.push_back(g);
        }
        if (grads.empty()) {
            *total_out = 0;
            return 0;
        }
        const auto device = grads[0].device();
        std::vector<at::Tensor> norms;
        norms.reserve(grads.size());
        at::Tensor total;
        if (std::isinf(norm_type)) {
            for (const auto& g : grads) norms.push_back(g.detach().abs().max().to(device));
            total = norms.size() == 1 ? norms[0] : at::max(at::stack(norms));
        } else {
            for (const auto& g : grads) {
                auto d = g.detach();
                std::vector<int64_t> all(static_cast<size_t>(d.dim()));
                for (size_t k = 0; k < all.size(); ++k) all[k] = static_cast<int64_t>(k);
                norms.push_back(at::norm(d, at::Scalar(norm_type), all, false).to(device));
            }
            auto stacked = at::stack(norms);
            total = at::norm(stacked, at::Scalar(norm_type), std::vector<int64_t>{0}, false);
        }
        *total_out = total.item().toDouble();
        if (error_if_nonfinite && !std::isfinite(*total_out))
            throw std::runtime_error("The total norm of order " + std::to_string(norm_type) +
                                     " for gradients from `parameters` is non-finite, so it cannot be clipped. To "
                                     "disable this error and scale the gradients by the non-finite norm anyway, set "
                                     "`error_if_nonfinite=False`");
        // Python: max_norm / (total_norm + 1e-6) is Tensor.__rdiv__, i.e. reciprocal() * max_norm.
        auto clip_coef = (total + 1e-6).reciprocal() * max_norm;
        auto clamped = at::clamp(clip_coef, c10::nullopt, at::Scalar(1.0));
        for (auto& g : grads) g.detach().mul_(clamped.to(g.device()));
    })
}

// Clamps every gradient element into [-clip_value, clip_value].
HT_API int32_t ht_optim_clip_grad_value(const ht_tensor* params, int32_t n, double clip_value) {
    HT_STATUS({
        at::NoGradGuard no_grad;
        for (int32_t i = 0; i < n; ++i) {
            const at::Tensor& g = params[i]->grad();
            if (g.defined()) g.detach().clamp_(-clip_value, clip_value);
        }
    })
}
