// Tensor lifecycle, properties, creation and data access.
#include "common.h"

#include <cstring>

HT_API void ht_free(ht_tensor t) { delete t; }

HT_API int32_t ht_ndim(ht_tensor t) { return static_cast<int32_t>(t->dim()); }

HT_API void ht_shape(ht_tensor t, int64_t* out) {
    auto sizes = t->sizes();
    for (size_t i = 0; i < sizes.size(); ++i) out[i] = sizes[i];
}

HT_API void ht_strides(ht_tensor t, int64_t* out) {
    auto strides = t->strides();
    for (size_t i = 0; i < strides.size(); ++i) out[i] = strides[i];
}

HT_API int64_t ht_numel(ht_tensor t) { return t->numel(); }
HT_API int32_t ht_dtype(ht_tensor t) { return static_cast<int32_t>(t->scalar_type()); }
HT_API int32_t ht_device_type(ht_tensor t) { return static_cast<int32_t>(t->device().type()); }
HT_API int32_t ht_device_index(ht_tensor t) { return t->device().index(); }
HT_API int32_t ht_is_contiguous(ht_tensor t) { return t->is_contiguous() ? 1 : 0; }
HT_API int32_t ht_defined(ht_tensor t) { return t->defined() ? 1 : 0; }
HT_API void* ht_data_ptr(ht_tensor t) { return t->data_ptr(); }

// ---- creation ---------------------------------------------------------------------------

HT_API ht_tensor ht_empty(const int64_t* shape, int32_t ndim, int32_t dtype, int32_t dev, int32_t idx, int32_t rg) {
    HT_TENSOR(torch::empty(ht::dims(shape, ndim), ht::options(dtype, dev, idx, rg)))
}
HT_API ht_tensor ht_zeros(const int64_t* shape, int32_t ndim, int32_t dtype, int32_t dev, int32_t idx, int32_t rg) {
    HT_TENSOR(torch::zeros(ht::dims(shape, ndim), ht::options(dtype, dev, idx, rg)))
}
HT_API ht_tensor ht_ones(const int64_t* shape, int32_t ndim, int32_t dtype, int32_t dev, int32_t idx, int32_t rg) {
    HT_TENSOR(torch::ones(ht::dims(shape, ndim), ht::options(dtype, dev, idx, rg)))
}
HT_API ht_tensor ht_full(const int64_t* shape, int32_t ndim, ht_scalar value, int32_t dtype, int32_t dev, int32_t idx,
                         int32_t rg) {
    HT_TENSOR(torch::full(ht::dims(shape, ndim), ht::scalar(value), ht::options(dtype, dev, idx, rg)))
}
HT_API ht_tensor ht_arange(ht_scalar start, ht_scalar end, ht_scalar step, int32_t dtype, int32_t dev, int32_t idx) {
    HT_TENSOR(at::arange(ht::scalar(start), ht::scalar(end), ht::scalar(step), ht::options(dtype, dev, idx)))
}
HT_API ht_tensor ht_linspace(double start, double end, int64_t steps, int32_t dtype, int32_t dev, int32_t idx) {
    HT_TENSOR(at::linspace(start, end, steps, ht::options(dtype, dev, idx)))
}

// Copies `bytes` bytes from host memory into a new CPU tensor, then moves it to the device.
HT_API ht_tensor ht_from_data(const void* data, const int64_t* shape, int32_t ndim, int32_t dtype, int32_t dev,
                              int32_t idx) {
    HT_TENSOR(([&] {
        auto t = at::empty(ht::dims(shape, ndim), at::TensorOptions().dtype(static_cast<at::ScalarType>(dtype)));
        std::memcpy(t.data_ptr(), data, t.nbytes());
        auto target = ht::device(dev, idx);
        return target.is_cpu() ? t : t.to(target);
    })())
}

// Shares host memory without a copy; `deleter(context)` is called when libtorch releases it.
HT_API ht_tensor ht_from_blob(void* data, const int64_t* shape, int32_t ndim, int32_t dtype,
                              void (*deleter)(void*), void* context) {
    HT_TENSOR(at::from_blob(
        data, ht::dims(shape, ndim), [deleter, context](void*) { deleter(context); },
        at::TensorOptions().dtype(static_cast<at::ScalarType>(dtype))))
}

// Copies the tensor's elements (any device, any layout) into `out` as a contiguous CPU block.
HT_API int32_t ht_copy_to(ht_tensor t, void* out, int64_t bytes) {
    HT_STATUS({
        auto c = t->detach().to(at::kCPU).contiguous();
        if (static_cast<int64_t>(c.nbytes()) != bytes)
            throw std::runtime_error("copy_to: destination holds " + std::to_string(bytes) + " bytes, tensor needs " +
                                     std::to_string(c.nbytes()));
        std::memcpy(out, c.data_ptr(), c.nbytes());
    })
}

HT_API int32_t ht_item(ht_tensor t, double* out) {
    HT_STATUS({ *out = t->item().toDouble(); })
}

HT_API int32_t ht_item_long(ht_tensor t, int64_t* out) {
    HT_STATUS({ *out = t->item().toLong(); })
}

HT_API ht_tensor ht_to(ht_tensor t, int32_t dtype, int32_t dev, int32_t idx, int32_t copy) {
    HT_TENSOR(t->to(ht::device(dev, idx), static_cast<at::ScalarType>(dtype), /*non_blocking=*/false, copy != 0))
}

HT_API ht_tensor ht_clone(ht_tensor t) { HT_TENSOR(t->clone()) }
HT_API ht_tensor ht_contiguous(ht_tensor t) { HT_TENSOR(t->contiguous()) }
HT_API ht_tensor ht_alias(ht_tensor t) { HT_TENSOR(at::Tensor(*t)) }

HT_API int32_t ht_to_string(ht_tensor t, char* buffer, int32_t capacity) {
    try {
        std::ostringstream os;
        os << *t;
        auto s = os.str();
        int32_t n = static_cast<int32_t>(std::min<size_t>(s.size(), static_cast<size_t>(capacity - 1)));
        std::memcpy(buffer, s.data(), static_cast<size_t>(n));
        buffer[n] = 0;
        return static_cast<int32_t>(s.size());
    } catch (const std::exception& e) {
        ht::set_error(e.what());
        return -1;
    }
}

// ---- tensor lists (results of split, chunk, lstm …) -------------------------------------

HT_API int32_t ht_list_size(ht_tensor_list l) { return static_cast<int32_t>(l->size()); }
HT_API ht_tensor ht_list_take(ht_tensor_list l, int32_t i) { HT_TENSOR(std::move((*l)[static_cast<size_t>(i)])) }
HT_API void ht_list_free(ht_tensor_list l) { delete l; }
