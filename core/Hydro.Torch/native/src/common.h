// Shared by every source of the shim: the C ABI conventions.
//
// * A tensor crosses the boundary as an opaque pointer to a heap-allocated at::Tensor (ht_tensor);
//   the managed side owns it and frees it with ht_free.
// * No C++ exception crosses the boundary. Every entry point catches, stores the message in a
//   thread-local buffer (ht_last_error) and returns a failure value: NULL for pointers, -1 for status.
// * Scalars cross as ht_scalar so that int64 and double keep PyTorch's type-promotion rules.
#pragma once
#include "pch.h"

#define HT_API extern "C" __attribute__((visibility("default")))

typedef at::Tensor* ht_tensor;
typedef std::vector<at::Tensor>* ht_tensor_list;

typedef struct {
    double d;
    int64_t i;
    int32_t kind;  // 0 = double, 1 = int64, 2 = bool
} ht_scalar;

namespace ht {

void set_error(const char* message);
void clear_error();

inline at::Scalar scalar(ht_scalar s) {
    switch (s.kind) {
        case 1: return at::Scalar(s.i);
        case 2: return at::Scalar(s.i != 0);
        default: return at::Scalar(s.d);
    }
}

inline ht_tensor wrap(at::Tensor&& t) { return new at::Tensor(std::move(t)); }
inline ht_tensor wrap(const at::Tensor& t) { return new at::Tensor(t); }

inline at::IntArrayRef dims(const int64_t* p, int n) { return at::IntArrayRef(p, static_cast<size_t>(n)); }

inline std::vector<at::Tensor> tensors(const ht_tensor* p, int n) {
    std::vector<at::Tensor> v;
    v.reserve(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) v.push_back(*p[i]);
    return v;
}

inline c10::Device device(int32_t type, int32_t index) {
    return c10::Device(static_cast<c10::DeviceType>(type), static_cast<c10::DeviceIndex>(index));
}

inline at::TensorOptions options(int32_t dtype, int32_t device_type, int32_t device_index, bool requires_grad = false) {
    return at::TensorOptions()
        .dtype(static_cast<at::ScalarType>(dtype))
        .device(device(device_type, device_index))
        .requires_grad(requires_grad);
}

}  // namespace ht

// Wrap a body that yields an at::Tensor: returns a new handle, or NULL with the error stored.
#define HT_TENSOR(expr)                                                   \
    try {                                                                 \
        return ht::wrap(expr);                                            \
    } catch (const c10::Error& e) {                                       \
        ht::set_error(e.what_without_backtrace());                        \
    } catch (const std::exception& e) {                                   \
        ht::set_error(e.what());                                          \
    }                                                                     \
    return nullptr;

// Wrap a body that yields a std::vector<at::Tensor>: returns a new list (consumed by Tensor.FromList), or NULL
// with the error stored.
#define HT_LIST(expr)                                                     \
    try {                                                                 \
        return new std::vector<at::Tensor>(expr);                         \
    } catch (const c10::Error& e) {                                       \
        ht::set_error(e.what_without_backtrace());                        \
    } catch (const std::exception& e) {                                   \
        ht::set_error(e.what());                                          \
    }                                                                     \
    return nullptr;

// Wrap a statement block: returns 0, or -1 with the error stored.
#define HT_STATUS(block)                                                  \
    try {                                                                 \
        block;                                                            \
        return 0;                                                         \
    } catch (const c10::Error& e) {                                       \
        ht::set_error(e.what_without_backtrace());                        \
    } catch (const std::exception& e) {                                   \
        ht::set_error(e.what());                                          \
    }                                                                     \
    return -1;
