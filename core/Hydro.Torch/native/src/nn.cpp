// nn: parameters, layers (linear, convolution, pooling, LSTM), activations, losses, dropout and init helpers.
// Entry points carry the prefix ht_nn_ so that they never clash with other areas' names.
#include "common.h"

namespace {

c10::optional<at::Tensor> opt(ht_tensor t) { return t ? c10::optional<at::Tensor>(*t) : c10::nullopt; }

c10::optional<at::Generator> gen(at::Generator* g) {
    return g ? c10::optional<at::Generator>(*g) : c10::nullopt;
}

std::string shape_str(at::IntArrayRef s) {
    std::ostringstream os;
    os << s;
    return os.str();
}

// at::lstm's flat weights for one layer: w_ih, w_hh[, b_ih, b_hh].
struct LstmArgs {
    at::Tensor input;  // always batched
    at::Tensor h0, c0;
    std::vector<at::Tensor> params;
    bool has_biases;
    int64_t num_layers;
    bool batch_first;
    bool unbatched;
};

// Validates shapes like torch.nn.LSTM does (with its messages) and adds the batch dimension to unbatched input.
LstmArgs lstm_args(ht_tensor input, ht_tensor h0, ht_tensor c0, const ht_tensor* params, int32_t n_params,
                   int32_t has_biases, int64_t num_layers, int32_t batch_first) {
    LstmArgs a;
    a.params = ht::tensors(params, n_params);
    a.has_biases = has_biases != 0;
    a.num_layers = num_layers;
    a.batch_first = batch_first != 0;
    const int64_t per_layer = a.has_biases ? 4 : 2;
    TORCH_CHECK(num_layers >= 1 && static_cast<int64_t>(a.params.size()) == per_layer * num_layers,
                "lstm: expected ", per_layer * num_layers, " weight tensors for ", num_layers, " layers, got ",
                a.params.size());
    const int64_t input_size = a.params[0].size(1);
    const int64_t hidden_size = a.params[1].size(1);
    TORCH_CHECK(input->dim() == 2 || input->dim() == 3, "LSTM: Expected input to be 2-D or 3-D but received ",
                input->dim(), "-D tensor");
    TORCH_CHECK(input->size(-1) == input_size, "input.size(-1) must be equal to input_size. Expected ", input_size,
                ", got ", input->size(-1));
    a.unbatched = input->dim() == 2;
    a.input = a.unbatched ? input->unsqueeze(a.batch_first ? 0 : 1) : *input;
    const int64_t batch = a.input.size(a.batch_first ? 0 : 1);
    TORCH_CHECK((h0 == nullptr) == (c0 == nullptr), "lstm: give both h0 and c0, or neither");
    std::vector<int64_t> expected{num_layers, batch, hidden_size};
    if (h0) {
        a.h0 = a.unbatched ? h0->unsqueeze(1) : *h0;
        a.c0 = a.unbatched ? c0->unsqueeze(1) : *c0;
        TORCH_CHECK(a.h0.sizes() == at::IntArrayRef(expected), "Expected hidden[0] size ", shape_str(expected),
                    ", got ", shape_str(a.h0.sizes()));
        TORCH_CHECK(a.c0.sizes() == at::IntArrayRef(expected), "Expected hidden[1] size ", shape_str(expected),
                    ", got ", shape_str(a.c0.sizes()));
    } else {
        a.h0 = at::zeros(expected, a.input.options());
        a.c0 = at::zeros(expected, a.input.options());
    }
    return a;
}

at::Tensor unbatch(const at::Tensor& t, bool unbatched, int64_t dim) { return unbatched ? t.squeeze(dim) : t; }

}  // namespace

// ---- parameters and in-place helpers -----------------------------------------------------

// A new leaf sharing the data of t (torch.nn.Parameter(t)).
HT_API ht_tensor ht_nn_parameter(ht_tensor t, int32_t requires_grad) {
    HT_TENSOR(t->detach().requires_grad_(requires_grad != 0))
}
// param.data = data: swaps the storage (device and dtype too) while keeping the tensor's identity.
HT_API int32_t ht_nn_set_data(ht_tensor t, ht_tensor data) { HT_STATUS({ t->set_data(*data); }) }
HT_API int32_t ht_nn_copy_(ht_tensor dst, ht_tensor src) {
    HT_STATUS({
        at::NoGradGuard no_grad;
        dst->copy_(*src);
    })
}
HT_API int32_t ht_nn_fill_(ht_tensor t, ht_scalar value) {
    HT_STATUS({
        at::NoGradGuard no_grad;
        t->fill_(ht::scalar(value));
    })
}
// Fills t with a (semi-)orthogonal matrix from the QR decomposition of a normal sample, like nn.init.orthogonal_.
HT_API int32_t ht_nn_orthogonal_(ht_tensor t, double gain, at::Generator* g) {
    HT_STATUS({
        at::NoGradGuard no_grad;
        TORCH_CHECK(t->dim() >= 2, "Only tensors with 2 or more dimensions are supported");
        if (t->numel() == 0) return 0;
        const int64_t rows = t->size(0);
        const int64_t cols = t->numel() / rows;
        auto flat = at::empty({rows, cols}, t->options()).normal_(0, 1, gen(g));
        if (rows < cols) flat = flat.t();
        auto qr = at::linalg_qr(flat);
        auto q = std::get<0>(qr);
        auto d = at::diagonal(std::get<1>(qr), 0, -2, -1).sign();
        q = q * d;
        if (rows < cols) q = q.t();
        t->copy_(q.reshape(t->sizes()));
        t->mul_(gain);
    })
}

// ---- layers ------------------------------------------------------------------------------

HT_API ht_tensor ht_nn_linear(ht_tensor x, ht_tensor w, ht_tensor b) { HT_TENSOR(at::linear(*x, *w, opt(b))) }

// n-d convolution (n = 1 or 2 from the length of the arrays); padding_mode: 0 = numbers, 1 = "same", 2 = "valid".
HT_API ht_tensor ht_nn_conv(ht_tensor x, ht_tensor w, ht_tensor b, const int64_t* stride, const int64_t* padding,
                            const int64_t* dilation, int32_t n, int64_t groups, int32_t padding_mode) {
    HT_TENSOR(([&] {
        auto s = ht::dims(stride, n);
        auto d = ht::dims(dilation, n);
        if (padding_mode != 0) {
            const char* mode = padding_mode == 1 ? "same" : "valid";
            return n == 1 ? at::conv1d(*x, *w, opt(b), s, mode, d, groups) : at::conv2d(*x, *w, opt(b), s, mode, d, groups);
        }
        auto p = ht::dims(padding, n);
        return n == 1 ? at::conv1d(*x, *w, opt(b), s, p, d, groups) : at::conv2d(*x, *w, opt(b), s, p, d, groups);
    })())
}

HT_API ht_tensor ht_nn_avg_pool(ht_tensor x, const int64_t* kernel, const int64_t* stride, const int64_t* padding,
                                int32_t n, int32_t ceil_mode, int32_t count_include_pad) {
    HT_TENSOR(n == 1 ? at::avg_pool1d(*x, ht::dims(kernel, n), ht::dims(stride, n), ht::dims(padding, n),
                                      ceil_mode != 0, count_include_pad != 0)
                     : at::avg_pool2d(*x, ht::dims(kernel, n), ht::dims(stride, n), ht::dims(padding, n),
                                      ceil_mode != 0, count_include_pad != 0))
}

HT_API ht_tensor ht_nn_max_pool(ht_tensor x, const int64_t* kernel, const int64_t* stride, const int64_t* padding,
                                const int64_t* dilation, int32_t n, int32_t ceil_mode) {
    HT_TENSOR(n == 1 ? at::max_pool1d(*x, ht::dims(kernel, n), ht::dims(stride, n), ht::dims(padding, n),
                                      ht::dims(dilation, n), ceil_mode != 0)
                     : at::max_pool2d(*x, ht::dims(kernel, n), ht::dims(stride, n), ht::dims(padding, n),
                                      ht::dims(dilation, n), ceil_mode != 0))
}

HT_API ht_tensor ht_nn_flatten(ht_tensor x, int64_t start_dim, int64_t end_dim) {
    HT_TENSOR(at::flatten(*x, start_dim, end_dim))
}

HT_API ht_tensor ht_nn_layer_norm(ht_tensor x, const int64_t* shape, int32_t n, ht_tensor w, ht_tensor b, double eps) {
    HT_TENSOR(at::layer_norm(*x, ht::dims(shape, n), opt(w), opt(b), eps))
}

// torch.lstm: [output, h_n, c_n]. Zero initial states when h0/c0 are NULL; 2-D input is one unbatched sequence.
HT_API ht_tensor_list ht_nn_lstm(ht_tensor input, ht_tensor h0, ht_tensor c0, const ht_tensor* params, int32_t n_params,
                                 int32_t has_biases, int64_t num_layers, double dropout, int32_t train,
                                 int32_t batch_first) {
    HT_LIST(([&] {
        auto a = lstm_args(input, h0, c0, params, n_params, has_biases, num_layers, batch_first);
        auto r = at::lstm(a.input, {a.h0, a.c0}, a.params, a.has_biases, num_layers, dropout, train != 0,
                          /*bidirectional=*/false, a.batch_first);
        return std::vector<at::Tensor>{unbatch(std::get<0>(r), a.unbatched, a.batch_first ? 0 : 1),
                                       unbatch(std::get<1>(r), a.unbatched, 1), unbatch(std::get<2>(r), a.unbatched, 1)};
    })())
}

// Like ht_nn_lstm, but also returns the last layer's cell state at every step: [h_seq, c_seq, h_n, c_n].
// The layers below the last run fused; the last runs step by step through at::lstm_cell.
HT_API ht_tensor_list ht_nn_lstm_states(ht_tensor input, ht_tensor h0, ht_tensor c0, const ht_tensor* params,
                                        int32_t n_params, int32_t has_biases, int64_t num_layers, double dropout,
                                        int32_t train, int32_t batch_first) {
    HT_LIST(([&] {
        auto a = lstm_args(input, h0, c0, params, n_params, has_biases, num_layers, batch_first);
        const int64_t per_layer = a.has_biases ? 4 : 2;
        const int64_t last = num_layers - 1;
        auto x = a.batch_first ? a.input.transpose(0, 1) : a.input;  // [T, B, F]
        std::vector<at::Tensor> h_n, c_n;
        if (last > 0) {
            std::vector<at::Tensor> lower(a.params.begin(), a.params.begin() + per_layer * last);
            auto r = at::lstm(x, {a.h0.narrow(0, 0, last), a.c0.narrow(0, 0, last)}, lower, a.has_biases, last,
                              dropout, train != 0, false, false);
            x = at::dropout(std::get<0>(r), dropout, train != 0);
            h_n.push_back(std::get<1>(r));
            c_n.push_back(std::get<2>(r));
        }
        const auto* w = &a.params[static_cast<size_t>(per_layer * last)];
        c10::optional<at::Tensor> b_ih = a.has_biases ? c10::optional<at::Tensor>(w[2]) : c10::nullopt;
        c10::optional<at::Tensor> b_hh = a.has_biases ? c10::optional<at::Tensor>(w[3]) : c10::nullopt;
        auto h = a.h0[last];
        auto c = a.c0[last];
        std::vector<at::Tensor> hs, cs;
        for (int64_t t = 0; t < x.size(0); ++t) {
            auto r = at::lstm_cell(x[t], {h, c}, w[0], w[1], b_ih, b_hh);
            h = std::get<0>(r);
            c = std::get<1>(r);
            hs.push_back(h);
            cs.push_back(c);
        }
        const int64_t time_dim = a.batch_first ? 1 : 0;
        auto h_seq = at::stack(hs, time_dim);
        auto c_seq = at::stack(cs, time_dim);
        h_n.push_back(h.unsqueeze(0));
        c_n.push_back(c.unsqueeze(0));
        const int64_t batch_dim = a.batch_first ? 0 : 1;
        return std::vector<at::Tensor>{unbatch(h_seq, a.unbatched, batch_dim), unbatch(c_seq, a.unbatched, batch_dim),
                                       unbatch(at::cat(h_n, 0), a.unbatched, 1),
                                       unbatch(at::cat(c_n, 0), a.unbatched, 1)};
    })())
}

// torch.lstm_cell: [h, c]; zero states when h/c are NULL; 1-D input is one unbatched sample.
HT_API ht_tensor_list ht_nn_lstm_cell(ht_tensor input, ht_tensor h, ht_tensor c, ht_tensor w_ih, ht_tensor w_hh,
                                      ht_tensor b_ih, ht_tensor b_hh) {
    HT_LIST(([&] {
        TORCH_CHECK(input->dim() == 1 || input->dim() == 2, "LSTMCell: Expected input to be 1-D or 2-D but received ",
                    input->dim(), "-D tensor");
        TORCH_CHECK(input->size(-1) == w_ih->size(1), "input has inconsistent input_size: got ", input->size(-1),
                    " expected ", w_ih->size(1));
        TORCH_CHECK((h == nullptr) == (c == nullptr), "lstm_cell: give both h and c, or neither");
        const bool unbatched = input->dim() == 1;
        auto x = unbatched ? input->unsqueeze(0) : *input;
        std::vector<int64_t> expected{x.size(0), w_hh->size(1)};
        at::Tensor hx, cx;
        if (h) {
            hx = unbatched ? h->unsqueeze(0) : *h;
            cx = unbatched ? c->unsqueeze(0) : *c;
            TORCH_CHECK(hx.sizes() == at::IntArrayRef(expected), "Expected hidden size ", shape_str(expected),
                        ", got ", shape_str(hx.sizes()));
            TORCH_CHECK(cx.sizes() == at::IntArrayRef(expected), "Expected cell size ", shape_str(expected), ", got ",
                        shape_str(cx.sizes()));
        } else {
            hx = at::zeros(expected, x.options());
            cx = at::zeros(expected, x.options());
        }
        auto r = at::lstm_cell(x, {hx, cx}, *w_ih, *w_hh, opt(b_ih), opt(b_hh));
        return std::vector<at::Tensor>{unbatch(std::get<0>(r), unbatched, 0), unbatch(std::get<1>(r), unbatched, 0)};
    })())
}

// ---- activations ---------------------------------------------------------------------------

HT_API ht_tensor ht_nn_silu(ht_tensor x) { HT_TENSOR(at::silu(*x)) }
HT_API ht_tensor ht_nn_gelu(ht_tensor x, int32_t tanh_approximation) {
    HT_TENSOR(at::gelu(*x, tanh_approximation ? "tanh" : "none"))
}
HT_API ht_tensor ht_nn_leaky_relu(ht_tensor x, double slope) { HT_TENSOR(at::leaky_relu(*x, slope)) }
HT_API ht_tensor ht_nn_softmax(ht_tensor x, int64_t dim) { HT_TENSOR(at::softmax(*x, dim)) }
HT_API ht_tensor ht_nn_log_softmax(ht_tensor x, int64_t dim) { HT_TENSOR(at::log_softmax(*x, dim)) }

// Inverted dropout; with an explicit generator the mask is drawn from it (at::dropout has no generator argument).
HT_API ht_tensor ht_nn_dropout(ht_tensor x, double p, int32_t train, at::Generator* g) {
    HT_TENSOR(([&] {
        TORCH_CHECK(p >= 0 && p <= 1, "dropout probability has to be between 0 and 1, but got ", p);
        if (!train || p == 0) return *x;  // identity (a new handle to the same tensor), as F.dropout
        if (!g) return at::dropout(*x, p, true);
        if (p == 1) return *x * 0;
        auto mask = at::empty_like(*x, at::MemoryFormat::Contiguous).bernoulli_(1 - p, gen(g)).div_(1 - p);
        return *x * mask;
    })())
}

// ---- losses (reduction: 0 none, 1 mean, 2 sum as at::Reduction) --------------------------------

HT_API ht_tensor ht_nn_mse_loss(ht_tensor x, ht_tensor y, int64_t reduction) {
    HT_TENSOR(at::mse_loss(*x, *y, reduction))
}
HT_API ht_tensor ht_nn_l1_loss(ht_tensor x, ht_tensor y, int64_t reduction) { HT_TENSOR(at::l1_loss(*x, *y, reduction)) }
HT_API ht_tensor ht_nn_smooth_l1_loss(ht_tensor x, ht_tensor y, int64_t reduction, double beta) {
    HT_TENSOR(at::smooth_l1_loss(*x, *y, reduction, beta))
}
HT_API ht_tensor ht_nn_huber_loss(ht_tensor x, ht_tensor y, int64_t reduction, double delta) {
    HT_TENSOR(at::huber_loss(*x, *y, reduction, delta))
}
