// Element-wise math, comparisons, activations and matrix products (managed side: Tensor.Math.cs,
// Tensor.InPlace.cs, torch.Math.cs). Families of ops with the same signature share one entry point and
// an op code; the codes must match the enums in Native/NativeMethods.Math.cs.
#include "common.h"

#include <stdexcept>

namespace {

// A number as a 0-dim tensor flagged as a "wrapped number", so that it promotes like a Python scalar
// (int64 tensor / 2.5 → float; float32 tensor * 2.0 stays float32).
at::Tensor wrapped(const at::Scalar& s, const at::Device& device) {
    auto t = c10::scalar_to_tensor(s, device);
    t.unsafeGetTensorImpl()->set_wrapped_number(true);
    return t;
}

c10::optional<c10::string_view> rounding(const char* mode) {
    return mode ? c10::optional<c10::string_view>(c10::string_view(mode)) : c10::nullopt;
}

c10::optional<at::Scalar> opt(ht_scalar s, int32_t has) {
    return has ? c10::optional<at::Scalar>(ht::scalar(s)) : c10::nullopt;
}

c10::optional<at::Tensor> opt(ht_tensor t) { return t ? c10::optional<at::Tensor>(*t) : c10::nullopt; }

[[noreturn]] void unknown(const char* family, int32_t op) {
    throw std::invalid_argument(std::string("hydro_torch: unknown ") + family + " op code " + std::to_string(op));
}

// ---- unary (UnaryOp) ---------------------------------------------------------------------

at::Tensor unary(const at::Tensor& t, int32_t op) {
    switch (op) {
        case 0: return at::neg(t);
        case 1: return at::exp(t);
        case 2: return at::log(t);
        case 3: return at::log10(t);
        case 4: return at::log1p(t);
        case 5: return at::expm1(t);
        case 6: return at::sqrt(t);
        case 7: return at::rsqrt(t);
        case 8: return at::abs(t);
        case 9: return at::sign(t);
        case 10: return at::sigmoid(t);
        case 11: return at::tanh(t);
        case 12: return at::relu(t);
        case 13: return at::lgamma(t);
        case 14: return at::digamma(t);
        case 15: return at::erf(t);
        case 16: return at::sin(t);
        case 17: return at::cos(t);
        case 18: return at::floor(t);
        case 19: return at::ceil(t);
        case 20: return at::round(t);
        case 21: return at::reciprocal(t);
        case 22: return at::square(t);
        case 23: return at::isnan(t);
        case 24: return at::isfinite(t);
        case 25: return at::logical_not(t);
        case 26: return at::bitwise_not(t);
        case 27: return at::log2(t);
        case 28: return at::trunc(t);
        case 29: return at::tan(t);
        case 30: return at::erfc(t);
        case 31: return at::isinf(t);
        case 32: return at::exp2(t);
    }
    unknown("unary", op);
}

void unary_(at::Tensor& t, int32_t op) {
    switch (op) {
        case 0: t.neg_(); return;
        case 1: t.exp_(); return;
        case 2: t.log_(); return;
        case 6: t.sqrt_(); return;
        case 8: t.abs_(); return;
        case 10: t.sigmoid_(); return;
        case 11: t.tanh_(); return;
        case 12: t.relu_(); return;
        case 18: t.floor_(); return;
        case 19: t.ceil_(); return;
        case 20: t.round_(); return;
        case 21: t.reciprocal_(); return;
        case 22: t.square_(); return;
        case 28: t.trunc_(); return;
        case 33: t.zero_(); return;
    }
    unknown("in-place unary", op);
}

// ---- binary tensor ⊕ tensor (BinaryOp) ---------------------------------------------------

at::Tensor binary(const at::Tensor& a, const at::Tensor& b, int32_t op) {
    switch (op) {
        case 0: return at::mul(a, b);
        case 1: return at::pow(a, b);
        case 2: return at::eq(a, b);
        case 3: return at::ne(a, b);
        case 4: return at::lt(a, b);
        case 5: return at::le(a, b);
        case 6: return at::gt(a, b);
        case 7: return at::ge(a, b);
        case 8: return at::logical_and(a, b);
        case 9: return at::logical_or(a, b);
        case 10: return at::logical_xor(a, b);
        case 11: return at::bitwise_and(a, b);
        case 12: return at::bitwise_or(a, b);
        case 13: return at::bitwise_xor(a, b);
        case 14: return at::minimum(a, b);
        case 15: return at::maximum(a, b);
        case 16: return at::clamp_min(a, b);
        case 17: return at::clamp_max(a, b);
        case 18: return at::matmul(a, b);
        case 19: return at::mm(a, b);
        case 20: return at::bmm(a, b);
        case 21: return at::outer(a, b);
        case 22: return at::dot(a, b);
        case 23: return at::remainder(a, b);
        case 24: return at::fmod(a, b);
        case 25: return at::atan2(a, b);
    }
    unknown("binary", op);
}

// tensor ⊕ number; ops without a Scalar overload in libtorch use a wrapped-number tensor.
at::Tensor binary(const at::Tensor& a, const at::Scalar& s, int32_t op) {
    switch (op) {
        case 0: return at::mul(a, s);
        case 1: return at::pow(a, s);
        case 2: return at::eq(a, s);
        case 3: return at::ne(a, s);
        case 4: return at::lt(a, s);
        case 5: return at::le(a, s);
        case 6: return at::gt(a, s);
        case 7: return at::ge(a, s);
        case 16: return at::clamp_min(a, s);
        case 17: return at::clamp_max(a, s);
        case 23: return at::remainder(a, s);
        case 24: return at::fmod(a, s);
    }
    return binary(a, wrapped(s, a.device()), op);
}

void binary_(at::Tensor& a, const at::Tensor& b, int32_t op) {
    switch (op) {
        case 0: a.mul_(b); return;
        case 1: a.pow_(b); return;
        case 16: a.clamp_min_(b); return;
        case 17: a.clamp_max_(b); return;
        case 23: a.remainder_(b); return;
        case 24: a.fmod_(b); return;
        case 100: a.copy_(b); return;
        case 101: a.fill_(b); return;
    }
    unknown("in-place binary", op);
}

void binary_(at::Tensor& a, const at::Scalar& s, int32_t op) {
    switch (op) {
        case 0: a.mul_(s); return;
        case 1: a.pow_(s); return;
        case 16: a.clamp_min_(s); return;
        case 17: a.clamp_max_(s); return;
        case 23: a.remainder_(s); return;
        case 24: a.fmod_(s); return;
        case 101: a.fill_(s); return;
    }
    unknown("in-place binary", op);
}

}  // namespace

HT_API ht_tensor ht_unary(ht_tensor t, int32_t op) { HT_TENSOR(unary(*t, op)) }
HT_API int32_t ht_unary_(ht_tensor t, int32_t op) { HT_STATUS({ unary_(*t, op); }) }

HT_API ht_tensor ht_binary(ht_tensor a, ht_tensor b, int32_t op) { HT_TENSOR(binary(*a, *b, op)) }
HT_API ht_tensor ht_binary_scalar(ht_tensor a, ht_scalar b, int32_t op) { HT_TENSOR(binary(*a, ht::scalar(b), op)) }
// number ⊕ tensor (the reflected operators: 2 - t, 2 / t, 2 ** t, 2 < t …).
HT_API ht_tensor ht_scalar_binary(ht_scalar a, ht_tensor b, int32_t op) {
    HT_TENSOR(op == 1 ? at::pow(ht::scalar(a), *b) : binary(wrapped(ht::scalar(a), b->device()), *b, op))
}
HT_API int32_t ht_binary_(ht_tensor a, ht_tensor b, int32_t op) { HT_STATUS({ binary_(*a, *b, op); }) }
HT_API int32_t ht_binary_scalar_(ht_tensor a, ht_scalar b, int32_t op) { HT_STATUS({ binary_(*a, ht::scalar(b), op); }) }

// ---- add / sub with alpha, div with rounding mode -----------------------------------------

HT_API ht_tensor ht_add(ht_tensor a, ht_tensor b, ht_scalar alpha) { HT_TENSOR(at::add(*a, *b, ht::scalar(alpha))) }
HT_API ht_tensor ht_add_scalar(ht_tensor a, ht_scalar b, ht_scalar alpha) {
    HT_TENSOR(at::add(*a, ht::scalar(b), ht::scalar(alpha)))
}
HT_API ht_tensor ht_sub(ht_tensor a, ht_tensor b, ht_scalar alpha) { HT_TENSOR(at::sub(*a, *b, ht::scalar(alpha))) }
HT_API ht_tensor ht_sub_scalar(ht_tensor a, ht_scalar b, ht_scalar alpha) {
    HT_TENSOR(at::sub(*a, ht::scalar(b), ht::scalar(alpha)))
}
// b - alpha * a (number minus tensor).
HT_API ht_tensor ht_rsub_scalar(ht_tensor a, ht_scalar b, ht_scalar alpha) {
    HT_TENSOR(at::rsub(*a, ht::scalar(b), ht::scalar(alpha)))
}
HT_API int32_t ht_add_(ht_tensor a, ht_tensor b, ht_scalar alpha) { HT_STATUS({ a->add_(*b, ht::scalar(alpha)); }) }
HT_API int32_t ht_add_scalar_(ht_tensor a, ht_scalar b, ht_scalar alpha) {
    HT_STATUS({ a->add_(ht::scalar(b), ht::scalar(alpha)); })
}
HT_API int32_t ht_sub_(ht_tensor a, ht_tensor b, ht_scalar alpha) { HT_STATUS({ a->sub_(*b, ht::scalar(alpha)); }) }
HT_API int32_t ht_sub_scalar_(ht_tensor a, ht_scalar b, ht_scalar alpha) {
    HT_STATUS({ a->sub_(ht::scalar(b), ht::scalar(alpha)); })
}

// rounding_mode: NULL (true division), "trunc" or "floor".
HT_API ht_tensor ht_div(ht_tensor a, ht_tensor b, const char* mode) { HT_TENSOR(at::div(*a, *b, rounding(mode))) }
HT_API ht_tensor ht_div_scalar(ht_tensor a, ht_scalar b, const char* mode) {
    HT_TENSOR(at::div(*a, ht::scalar(b), rounding(mode)))
}
HT_API ht_tensor ht_scalar_div(ht_scalar a, ht_tensor b, const char* mode) {
    HT_TENSOR(at::div(wrapped(ht::scalar(a), b->device()), *b, rounding(mode)))
}
HT_API int32_t ht_div_(ht_tensor a, ht_tensor b, const char* mode) { HT_STATUS({ a->div_(*b, rounding(mode)); }) }
HT_API int32_t ht_div_scalar_(ht_tensor a, ht_scalar b, const char* mode) {
    HT_STATUS({ a->div_(ht::scalar(b), rounding(mode)); })
}

// ---- clamp, where, lerp, addcmul/addcdiv, activations with parameters --------------------

HT_API ht_tensor ht_clamp(ht_tensor t, ht_scalar min, int32_t has_min, ht_scalar max, int32_t has_max) {
    HT_TENSOR(at::clamp(*t, opt(min, has_min), opt(max, has_max)))
}
HT_API ht_tensor ht_clamp_tensor(ht_tensor t, ht_tensor min, ht_tensor max) { HT_TENSOR(at::clamp(*t, opt(min), opt(max))) }
HT_API int32_t ht_clamp_(ht_tensor t, ht_scalar min, int32_t has_min, ht_scalar max, int32_t has_max) {
    HT_STATUS({ t->clamp_(opt(min, has_min), opt(max, has_max)); })
}
HT_API int32_t ht_clamp_tensor_(ht_tensor t, ht_tensor min, ht_tensor max) { HT_STATUS({ t->clamp_(opt(min), opt(max)); }) }

// where(cond, a, b) with either branch a tensor (non-NULL handle) or a number.
HT_API ht_tensor ht_where(ht_tensor cond, ht_tensor a, ht_scalar sa, ht_tensor b, ht_scalar sb) {
    HT_TENSOR(a && b   ? at::where(*cond, *a, *b)
              : a      ? at::where(*cond, *a, ht::scalar(sb))
              : b      ? at::where(*cond, ht::scalar(sa), *b)
                       : at::where(*cond, ht::scalar(sa), ht::scalar(sb)))
}

HT_API ht_tensor ht_lerp(ht_tensor t, ht_tensor end, ht_tensor weight, ht_scalar w) {
    HT_TENSOR(weight ? at::lerp(*t, *end, *weight) : at::lerp(*t, *end, ht::scalar(w)))
}
HT_API int32_t ht_lerp_(ht_tensor t, ht_tensor end, ht_tensor weight, ht_scalar w) {
    HT_STATUS({
        if (weight)
            t->lerp_(*end, *weight);
        else
            t->lerp_(*end, ht::scalar(w));
    })
}

// div = 0: self + value * t1 * t2 (addcmul); div = 1: self + value * t1 / t2 (addcdiv).
HT_API ht_tensor ht_addc(ht_tensor t, ht_tensor t1, ht_tensor t2, ht_scalar value, int32_t div) {
    HT_TENSOR(div ? at::addcdiv(*t, *t1, *t2, ht::scalar(value)) : at::addcmul(*t, *t1, *t2, ht::scalar(value)))
}
HT_API int32_t ht_addc_(ht_tensor t, ht_tensor t1, ht_tensor t2, ht_scalar value, int32_t div) {
    HT_STATUS({
        if (div)
            t->addcdiv_(*t1, *t2, ht::scalar(value));
        else
            t->addcmul_(*t1, *t2, ht::scalar(value));
    })
}

HT_API ht_tensor ht_softplus(ht_tensor t, ht_scalar beta, ht_scalar threshold) {
    HT_TENSOR(at::softplus(*t, ht::scalar(beta), ht::scalar(threshold)))
}
HT_API ht_tensor ht_elu(ht_tensor t, ht_scalar alpha) { HT_TENSOR(at::elu(*t, ht::scalar(alpha))) }

// NaN → nan; +inf → posinf and −inf → neginf where given (has_* != 0), else the dtype's extremes.
HT_API ht_tensor ht_nan_to_num(ht_tensor t, double nan, double posinf, int32_t has_posinf, double neginf,
                               int32_t has_neginf) {
    HT_TENSOR(at::nan_to_num(*t, nan, has_posinf ? c10::optional<double>(posinf) : c10::nullopt,
                             has_neginf ? c10::optional<double>(neginf) : c10::nullopt))
}
