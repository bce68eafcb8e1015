// Autograd, gradient mode, randomness and devices.
#include "common.h"

HT_API int32_t ht_requires_grad(ht_tensor t) { return t->requires_grad() ? 1 : 0; }
HT_API int32_t ht_set_requires_grad(ht_tensor t, int32_t value) { HT_STATUS({ t->requires_grad_(value != 0); }) }
HT_API int32_t ht_is_leaf(ht_tensor t) { return t->is_leaf() ? 1 : 0; }

HT_API int32_t ht_backward(ht_tensor t, ht_tensor gradient, int32_t retain_graph, int32_t create_graph) {
    HT_STATUS({
        at::Tensor g = gradient ? *gradient : at::Tensor();
        t->backward(g, retain_graph != 0 ? c10::optional<bool>(true) : c10::nullopt, create_graph != 0);
    })
}

// Gradients of `outputs` w.r.t. `inputs` without touching .grad (torch.autograd.grad).
HT_API ht_tensor_list ht_autograd_grad(const ht_tensor* outputs, int32_t n_out, const ht_tensor* grad_outputs,
                                       int32_t n_grad, const ht_tensor* inputs, int32_t n_in, int32_t retain_graph,
                                       int32_t create_graph, int32_t allow_unused) {
    try {
        auto result = torch::autograd::grad(ht::tensors(outputs, n_out), ht::tensors(inputs, n_in),
                                            ht::tensors(grad_outputs, n_grad),
                                            retain_graph != 0 ? c10::optional<bool>(true) : c10::nullopt,
                                            create_graph != 0, allow_unused != 0);
        return new std::vector<at::Tensor>(std::move(result));
    } catch (const c10::Error& e) {
        ht::set_error(e.what_without_backtrace());
    } catch (const std::exception& e) {
        ht::set_error(e.what());
    }
    return nullptr;
}

// The gradient, or NULL (without an error) when it is undefined.
HT_API ht_tensor ht_grad(ht_tensor t) {
    const auto& g = t->grad();
    return g.defined() ? ht::wrap(g) : nullptr;
}

HT_API int32_t ht_set_grad(ht_tensor t, ht_tensor grad) {
    HT_STATUS({ t->mutable_grad() = grad ? *grad : at::Tensor(); })
}

HT_API int32_t ht_zero_grad(ht_tensor t, int32_t set_to_none) {
    HT_STATUS({
        auto& g = t->mutable_grad();
        if (!g.defined()) return 0;
        if (set_to_none) {
            g = at::Tensor();
        } else {
            g = g.detach();
            g.zero_();
        }
    })
}

HT_API int32_t ht_retain_grad(ht_tensor t) { HT_STATUS({ t->retain_grad(); }) }

HT_API ht_tensor ht_detach(ht_tensor t) { HT_TENSOR(t->detach()) }
HT_API int32_t ht_detach_(ht_tensor t) { HT_STATUS({ t->detach_(); }) }

HT_API int32_t ht_grad_enabled() { return at::GradMode::is_enabled() ? 1 : 0; }
HT_API void ht_set_grad_enabled(int32_t enabled) { at::GradMode::set_enabled(enabled != 0); }

// ---- randomness -------------------------------------------------------------------------

HT_API void ht_manual_seed(uint64_t seed) { torch::manual_seed(seed); }

typedef at::Generator* ht_generator;

HT_API ht_generator ht_generator_new(uint64_t seed) {
    try {
        return new at::Generator(at::detail::createCPUGenerator(seed));
    } catch (const std::exception& e) {
        ht::set_error(e.what());
        return nullptr;
    }
}
HT_API void ht_generator_free(ht_generator g) { delete g; }
HT_API int32_t ht_generator_manual_seed(ht_generator g, uint64_t seed) {
    HT_STATUS({
        std::lock_guard<std::mutex> lock(g->mutex());
        g->set_current_seed(seed);
    })
}
HT_API int32_t ht_generator_get_state(ht_generator g, ht_tensor* out) {
    HT_STATUS({
        std::lock_guard<std::mutex> lock(g->mutex());
        *out = ht::wrap(g->get_state());
    })
}
HT_API int32_t ht_generator_set_state(ht_generator g, ht_tensor state) {
    HT_STATUS({
        std::lock_guard<std::mutex> lock(g->mutex());
        g->set_state(*state);
    })
}

static c10::optional<at::Generator> gen(ht_generator g) {
    return g ? c10::optional<at::Generator>(*g) : c10::nullopt;
}

HT_API ht_tensor ht_rand(const int64_t* shape, int32_t ndim, ht_generator g, int32_t dtype, int32_t dev, int32_t idx,
                         int32_t rg) {
    HT_TENSOR(torch::rand(ht::dims(shape, ndim), gen(g), ht::options(dtype, dev, idx, rg)))
}
HT_API ht_tensor ht_randn(const int64_t* shape, int32_t ndim, ht_generator g, int32_t dtype, int32_t dev, int32_t idx,
                          int32_t rg) {
    HT_TENSOR(torch::randn(ht::dims(shape, ndim), gen(g), ht::options(dtype, dev, idx, rg)))
}
HT_API ht_tensor ht_randint(int64_t low, int64_t high, const int64_t* shape, int32_t ndim, ht_generator g,
                            int32_t dtype, int32_t dev, int32_t idx) {
    HT_TENSOR(at::randint(low, high, ht::dims(shape, ndim), gen(g), ht::options(dtype, dev, idx)))
}
HT_API ht_tensor ht_randperm(int64_t n, ht_generator g, int32_t dtype, int32_t dev, int32_t idx) {
    HT_TENSOR(at::randperm(n, gen(g), ht::options(dtype, dev, idx)))
}
// In place: uniform_(from, to) and normal_(mean, std), used by nn.init.
HT_API int32_t ht_uniform_(ht_tensor t, double from, double to, ht_generator g) {
    HT_STATUS({
        at::NoGradGuard no_grad;
        t->uniform_(from, to, gen(g));
    })
}
HT_API int32_t ht_normal_(ht_tensor t, double mean, double std, ht_generator g) {
    HT_STATUS({
        at::NoGradGuard no_grad;
        t->normal_(mean, std, gen(g));
    })
}
HT_API ht_tensor ht_bernoulli(ht_tensor p, ht_generator g) { HT_TENSOR(at::bernoulli(*p, gen(g))) }

// ---- devices and threads ----------------------------------------------------------------

HT_API int32_t ht_cuda_is_available() { return torch::cuda::is_available() ? 1 : 0; }
HT_API int32_t ht_cuda_device_count() { return static_cast<int32_t>(torch::cuda::device_count()); }
HT_API int32_t ht_cuda_synchronize(int32_t index) { HT_STATUS({ torch::cuda::synchronize(index); }) }
HT_API int32_t ht_get_num_threads() { return at::get_num_threads(); }
HT_API void ht_set_num_threads(int32_t n) { at::set_num_threads(n); }
HT_API int32_t ht_torch_version(char* buffer, int32_t capacity) {
    std::string v = TORCH_VERSION;
    int32_t n = static_cast<int32_t>(std::min<size_t>(v.size(), static_cast<size_t>(capacity - 1)));
    std::memcpy(buffer, v.data(), static_cast<size_t>(n));
    buffer[n] = 0;
    return n;
}
