// Shape ops (views, permutations, broadcasting) and joining/splitting. Entry points: ht_sh_*.
#include "common.h"

namespace {

template <typename F>
ht_tensor_list list_of(F&& f) { HT_LIST(f()) }

}  // namespace

// ---- views and copies of one tensor -----------------------------------------------------

HT_API ht_tensor ht_sh_reshape(ht_tensor t, const int64_t* shape, int32_t n) {
    HT_TENSOR(at::reshape(*t, ht::dims(shape, n)))
}
HT_API ht_tensor ht_sh_view(ht_tensor t, const int64_t* shape, int32_t n) { HT_TENSOR(t->view(ht::dims(shape, n))) }
HT_API ht_tensor ht_sh_flatten(ht_tensor t, int64_t start_dim, int64_t end_dim) {
    HT_TENSOR(at::flatten(*t, start_dim, end_dim))
}
HT_API ht_tensor ht_sh_unflatten(ht_tensor t, int64_t dim, const int64_t* sizes, int32_t n) {
    HT_TENSOR(t->unflatten(dim, ht::dims(sizes, n)))
}
HT_API ht_tensor ht_sh_permute(ht_tensor t, const int64_t* dims, int32_t n) {
    HT_TENSOR(at::permute(*t, ht::dims(dims, n)))
}
HT_API ht_tensor ht_sh_transpose(ht_tensor t, int64_t dim0, int64_t dim1) { HT_TENSOR(at::transpose(*t, dim0, dim1)) }
HT_API ht_tensor ht_sh_t(ht_tensor t) { HT_TENSOR(at::t(*t)) }
HT_API ht_tensor ht_sh_movedim(ht_tensor t, const int64_t* src, const int64_t* dst, int32_t n) {
    HT_TENSOR(at::movedim(*t, ht::dims(src, n), ht::dims(dst, n)))
}
HT_API ht_tensor ht_sh_unsqueeze(ht_tensor t, int64_t dim) { HT_TENSOR(at::unsqueeze(*t, dim)) }
HT_API ht_tensor ht_sh_squeeze(ht_tensor t) { HT_TENSOR(at::squeeze(*t)) }
HT_API ht_tensor ht_sh_squeeze_dim(ht_tensor t, int64_t dim) { HT_TENSOR(at::squeeze(*t, dim)) }
HT_API ht_tensor ht_sh_expand(ht_tensor t, const int64_t* shape, int32_t n) {
    HT_TENSOR(t->expand(ht::dims(shape, n)))
}
HT_API ht_tensor ht_sh_broadcast_to(ht_tensor t, const int64_t* shape, int32_t n) {
    HT_TENSOR(at::broadcast_to(*t, ht::dims(shape, n)))
}
HT_API ht_tensor ht_sh_repeat(ht_tensor t, const int64_t* repeats, int32_t n) {
    HT_TENSOR(t->repeat(ht::dims(repeats, n)))
}
HT_API ht_tensor ht_sh_flip(ht_tensor t, const int64_t* dims, int32_t n) { HT_TENSOR(at::flip(*t, ht::dims(dims, n))) }
HT_API ht_tensor ht_sh_roll(ht_tensor t, const int64_t* shifts, int32_t ns, const int64_t* dims, int32_t nd) {
    HT_TENSOR(at::roll(*t, ht::dims(shifts, ns), ht::dims(dims, nd)))
}

// ---- joining ----------------------------------------------------------------------------

HT_API ht_tensor ht_sh_cat(const ht_tensor* ts, int32_t n, int64_t dim) {
    HT_TENSOR(at::cat(ht::tensors(ts, n), dim))
}
HT_API ht_tensor ht_sh_stack(const ht_tensor* ts, int32_t n, int64_t dim) {
    HT_TENSOR(at::stack(ht::tensors(ts, n), dim))
}

// ---- splitting (results are lists of views) -----------------------------------------------

HT_API ht_tensor_list ht_sh_split(ht_tensor t, int64_t size, int64_t dim) {
    return list_of([&] { return at::split(*t, size, dim); });
}
HT_API ht_tensor_list ht_sh_split_with_sizes(ht_tensor t, const int64_t* sizes, int32_t n, int64_t dim) {
    return list_of([&] { return at::split_with_sizes(*t, ht::dims(sizes, n), dim); });
}
HT_API ht_tensor_list ht_sh_chunk(ht_tensor t, int64_t chunks, int64_t dim) {
    return list_of([&] { return at::chunk(*t, chunks, dim); });
}
HT_API ht_tensor_list ht_sh_unbind(ht_tensor t, int64_t dim) {
    return list_of([&] { return at::unbind(*t, dim); });
}
