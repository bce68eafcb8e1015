// Reductions and scans (managed side: Tensor.Reductions.cs). dtype < 0 means "no dtype given"; dims with
// ndim < 0 mean "all dimensions". Op codes must match ReduceOp in Native/NativeMethods.Math.cs.
#include "common.h"

#include <stdexcept>

namespace {

c10::optional<at::ScalarType> dtype_of(int32_t dtype) {
    return dtype < 0 ? c10::nullopt : c10::optional<at::ScalarType>(static_cast<at::ScalarType>(dtype));
}

// Reductions over a list of dims with keepdim; all dims when ndim < 0.
at::Tensor reduce(const at::Tensor& t, int32_t op, const int64_t* d, int32_t nd, bool keepdim, int32_t dtype) {
    const bool all = nd < 0;
    std::vector<int64_t> every;
    if (all) {
        for (int64_t i = 0; i < t.dim(); ++i) every.push_back(i);
    }
    at::IntArrayRef dims = all ? at::IntArrayRef(every) : ht::dims(d, nd);
    switch (op) {
        case 0: return all && !keepdim ? at::sum(t, dtype_of(dtype)) : at::sum(t, dims, keepdim, dtype_of(dtype));
        case 1: return all && !keepdim ? at::mean(t, dtype_of(dtype)) : at::mean(t, dims, keepdim, dtype_of(dtype));
        case 2: return at::nansum(t, dims, keepdim, dtype_of(dtype));
        case 3: return at::nanmean(t, dims, keepdim, dtype_of(dtype));
        case 4: return at::amin(t, dims, keepdim);
        case 5: return at::amax(t, dims, keepdim);
        case 6: return at::logsumexp(t, dims, keepdim);
        case 7: return at::count_nonzero(t, dims);
    }
    throw std::invalid_argument("hydro_torch: unknown reduction op code " + std::to_string(op));
}

}  // namespace

HT_API ht_tensor ht_reduce(ht_tensor t, int32_t op, const int64_t* dims, int32_t ndim, int32_t keepdim, int32_t dtype) {
    HT_TENSOR(reduce(*t, op, dims, ndim, keepdim != 0, dtype))
}

// Standard deviation (var = 0) or variance (var = 1), Bessel-corrected when unbiased.
HT_API ht_tensor ht_std_var(ht_tensor t, int32_t var, const int64_t* dims, int32_t ndim, int32_t unbiased,
                            int32_t keepdim) {
    HT_TENSOR(([&] {
        at::OptionalIntArrayRef d = ndim < 0 ? at::OptionalIntArrayRef() : at::OptionalIntArrayRef(ht::dims(dims, ndim));
        return var ? at::var(*t, d, unbiased != 0, keepdim != 0) : at::std(*t, d, unbiased != 0, keepdim != 0);
    })())
}

// Vector p-norm over dims (all when ndim < 0); p may be ±inf.
HT_API ht_tensor ht_norm(ht_tensor t, double p, const int64_t* dims, int32_t ndim, int32_t keepdim) {
    HT_TENSOR(([&] {
        at::OptionalIntArrayRef d = ndim < 0 ? at::OptionalIntArrayRef() : at::OptionalIntArrayRef(ht::dims(dims, ndim));
        return at::linalg_vector_norm(*t, p, d, keepdim != 0);
    })())
}

// min (max = 0) or max (max = 1) of all elements.
HT_API ht_tensor ht_min_max_all(ht_tensor t, int32_t max) { HT_TENSOR(max ? at::max(*t) : at::min(*t)) }

// (values, indices) of min or max along one dim.
HT_API ht_tensor_list ht_min_max_dim(ht_tensor t, int32_t max, int64_t dim, int32_t keepdim) {
    try {
        auto r = max ? at::max(*t, dim, keepdim != 0) : at::min(*t, dim, keepdim != 0);
        return new std::vector<at::Tensor>{std::get<0>(r), std::get<1>(r)};
    } catch (const c10::Error& e) {
        ht::set_error(e.what_without_backtrace());
    } catch (const std::exception& e) {
        ht::set_error(e.what());
    }
    return nullptr;
}

// argmin (max = 0) or argmax (max = 1), over all elements when has_dim = 0.
HT_API ht_tensor ht_arg_min_max(ht_tensor t, int32_t max, int64_t dim, int32_t has_dim, int32_t keepdim) {
    HT_TENSOR(([&] {
        auto d = has_dim ? c10::optional<int64_t>(dim) : c10::nullopt;
        return max ? at::argmax(*t, d, keepdim != 0) : at::argmin(*t, d, keepdim != 0);
    })())
}

HT_API ht_tensor ht_prod(ht_tensor t, int64_t dim, int32_t has_dim, int32_t keepdim, int32_t dtype) {
    HT_TENSOR(has_dim ? at::prod(*t, dim, keepdim != 0, dtype_of(dtype)) : at::prod(*t, dtype_of(dtype)))
}

// cumsum (prod = 0) or cumprod (prod = 1) along dim.
HT_API ht_tensor ht_cum(ht_tensor t, int32_t prod, int64_t dim, int32_t dtype) {
    HT_TENSOR(prod ? at::cumprod(*t, dim, dtype_of(dtype)) : at::cumsum(*t, dim, dtype_of(dtype)))
}

// all (any = 0) or any (any = 1), over all elements when has_dim = 0.
HT_API ht_tensor ht_all_any(ht_tensor t, int32_t any, int64_t dim, int32_t has_dim, int32_t keepdim) {
    HT_TENSOR(has_dim ? (any ? at::any(*t, dim, keepdim != 0) : at::all(*t, dim, keepdim != 0))
                      : (any ? at::any(*t) : at::all(*t)))
}
