// Indexing ops: slicing views, gathers and scatters, masks, advanced indexing, triangles. Entry points: ht_ix_*.
#include "common.h"

namespace {

template <typename F>
ht_tensor_list list_of(F&& f) { HT_LIST(f()) }

// Advanced-indexing list: a NULL handle stands for a full slice (Python's `:`/None in t[idx, :, idx2]).
c10::List<c10::optional<at::Tensor>> index_list(const ht_tensor* p, int32_t n) {
    c10::List<c10::optional<at::Tensor>> list;
    list.reserve(static_cast<size_t>(n));
    for (int32_t i = 0; i < n; ++i) {
        list.push_back(p[i] ? c10::optional<at::Tensor>(*p[i]) : c10::optional<at::Tensor>());
    }
    return list;
}

// The view t[i0, i1, …] over the leading dims (negative indices count from the end).
at::Tensor select_leading(const at::Tensor& t, const int64_t* idx, int32_t n) {
    at::Tensor r = t;
    for (int32_t i = 0; i < n; ++i) r = at::select(r, 0, idx[i]);
    return r;
}

}  // namespace

// ---- views: narrow, slice, select -------------------------------------------------------

HT_API ht_tensor ht_ix_narrow(ht_tensor t, int64_t dim, int64_t start, int64_t length) {
    HT_TENSOR(at::narrow(*t, dim, start, length))
}
HT_API ht_tensor ht_ix_slice(ht_tensor t, int64_t dim, int32_t has_start, int64_t start, int32_t has_end, int64_t end,
                             int64_t step) {
    HT_TENSOR(at::slice(*t, dim, has_start ? c10::optional<int64_t>(start) : c10::nullopt,
                        has_end ? c10::optional<int64_t>(end) : c10::nullopt, step))
}
HT_API ht_tensor ht_ix_select(ht_tensor t, int64_t dim, int64_t index) { HT_TENSOR(at::select(*t, dim, index)) }
HT_API ht_tensor ht_ix_select_leading(ht_tensor t, const int64_t* idx, int32_t n) {
    HT_TENSOR(select_leading(*t, idx, n))
}
// t[i0, i1, …] = value (broadcast), in place through the view.
HT_API int32_t ht_ix_assign_leading(ht_tensor t, const int64_t* idx, int32_t n, ht_tensor value) {
    HT_STATUS({ select_leading(*t, idx, n).copy_(*value); })
}

// ---- gather / scatter / index_select / index_add ----------------------------------------

HT_API ht_tensor ht_ix_index_select(ht_tensor t, int64_t dim, ht_tensor index) {
    HT_TENSOR(at::index_select(*t, dim, *index))
}
HT_API ht_tensor ht_ix_gather(ht_tensor t, int64_t dim, ht_tensor index) { HT_TENSOR(at::gather(*t, dim, *index)) }
HT_API ht_tensor ht_ix_scatter(ht_tensor t, int64_t dim, ht_tensor index, ht_tensor src, int32_t inplace) {
    HT_TENSOR(inplace ? t->scatter_(dim, *index, *src) : at::scatter(*t, dim, *index, *src))
}
HT_API ht_tensor ht_ix_scatter_value(ht_tensor t, int64_t dim, ht_tensor index, ht_scalar value, int32_t inplace) {
    HT_TENSOR(inplace ? t->scatter_(dim, *index, ht::scalar(value)) : at::scatter(*t, dim, *index, ht::scalar(value)))
}
HT_API ht_tensor ht_ix_scatter_add(ht_tensor t, int64_t dim, ht_tensor index, ht_tensor src, int32_t inplace) {
    HT_TENSOR(inplace ? t->scatter_add_(dim, *index, *src) : at::scatter_add(*t, dim, *index, *src))
}
// reduce: "sum", "prod", "mean", "amax", "amin".
HT_API ht_tensor ht_ix_scatter_reduce(ht_tensor t, int64_t dim, ht_tensor index, ht_tensor src, const char* reduce,
                                      int32_t include_self, int32_t inplace) {
    HT_TENSOR(inplace ? t->scatter_reduce_(dim, *index, *src, reduce, include_self != 0)
                      : at::scatter_reduce(*t, dim, *index, *src, reduce, include_self != 0))
}
HT_API ht_tensor ht_ix_index_add(ht_tensor t, int64_t dim, ht_tensor index, ht_tensor source, ht_scalar alpha,
                                 int32_t inplace) {
    HT_TENSOR(inplace ? t->index_add_(dim, *index, *source, ht::scalar(alpha))
                      : at::index_add(*t, dim, *index, *source, ht::scalar(alpha)))
}

// ---- masks ----------------------------------------------------------------------------------

HT_API ht_tensor ht_ix_masked_fill(ht_tensor t, ht_tensor mask, ht_scalar value, int32_t inplace) {
    HT_TENSOR(inplace ? t->masked_fill_(*mask, ht::scalar(value)) : at::masked_fill(*t, *mask, ht::scalar(value)))
}
HT_API ht_tensor ht_ix_masked_fill_tensor(ht_tensor t, ht_tensor mask, ht_tensor value, int32_t inplace) {
    HT_TENSOR(inplace ? t->masked_fill_(*mask, *value) : at::masked_fill(*t, *mask, *value))
}
HT_API ht_tensor ht_ix_masked_select(ht_tensor t, ht_tensor mask) { HT_TENSOR(at::masked_select(*t, *mask)) }

// ---- advanced indexing --------------------------------------------------------------------

HT_API ht_tensor ht_ix_index(ht_tensor t, const ht_tensor* indices, int32_t n) {
    HT_TENSOR(at::index(*t, index_list(indices, n)))
}
HT_API ht_tensor ht_ix_index_put(ht_tensor t, const ht_tensor* indices, int32_t n, ht_tensor values,
                                 int32_t accumulate, int32_t inplace) {
    HT_TENSOR(inplace ? t->index_put_(index_list(indices, n), *values, accumulate != 0)
                      : at::index_put(*t, index_list(indices, n), *values, accumulate != 0))
}
HT_API ht_tensor ht_ix_index_put_scalar(ht_tensor t, const ht_tensor* indices, int32_t n, ht_scalar value,
                                        int32_t accumulate, int32_t inplace) {
    HT_TENSOR(([&] {
        auto v = at::scalar_tensor(ht::scalar(value), t->options().requires_grad(false));
        return inplace ? t->index_put_(index_list(indices, n), v, accumulate != 0)
                       : at::index_put(*t, index_list(indices, n), v, accumulate != 0);
    })())
}
HT_API ht_tensor ht_ix_nonzero(ht_tensor t) { HT_TENSOR(at::nonzero(*t)) }
HT_API ht_tensor ht_ix_argwhere(ht_tensor t) { HT_TENSOR(at::argwhere(*t)) }
// torch.where(condition): one int64 index tensor per dim of `condition`.
HT_API ht_tensor_list ht_ix_where_cond(ht_tensor condition) {
    return list_of([&] { return at::where(*condition); });
}

// ---- triangles and diagonals ----------------------------------------------------------------

HT_API ht_tensor ht_ix_tril(ht_tensor t, int64_t diagonal, int32_t inplace) {
    HT_TENSOR(inplace ? t->tril_(diagonal) : at::tril(*t, diagonal))
}
HT_API ht_tensor ht_ix_triu(ht_tensor t, int64_t diagonal, int32_t inplace) {
    HT_TENSOR(inplace ? t->triu_(diagonal) : at::triu(*t, diagonal))
}
HT_API ht_tensor ht_ix_diag(ht_tensor t, int64_t diagonal) { HT_TENSOR(at::diag(*t, diagonal)) }
HT_API ht_tensor ht_ix_diagonal(ht_tensor t, int64_t offset, int64_t dim1, int64_t dim2) {
    HT_TENSOR(at::diagonal(*t, offset, dim1, dim2))
}
HT_API ht_tensor ht_ix_take(ht_tensor t, ht_tensor index) { HT_TENSOR(at::take(*t, *index)) }
