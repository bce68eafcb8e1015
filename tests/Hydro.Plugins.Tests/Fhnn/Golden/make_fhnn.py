"""Golden values of the fhnn backbone, computed with PyTorch's own bidirectional nn.LSTM.

An independent implementation of the model described in plugins/Hydro.Plugins.Lstm/README.md (fhnn): the history is
pooled into blocks that end at the issue time, one nn.LSTM(bidirectional=True) per scale from the coarsest down (each
finer level also reads the coarser summaries), an MLP to the latents, and an LSTM over the horizon started from
linear maps of z. Weights, inputs, prediction, latents and the gradient of a weighted sum of the prediction with
respect to the dynamic inputs are written to fhnn.json in float64.

Regenerate from the repository root with:
    /usr/bin/python3 tests/Hydro.Plugins.Tests/Fhnn/Golden/make_fhnn.py
"""
import json
import os

import torch
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
torch.set_default_dtype(torch.float64)

B, L, H = 2, 17, 3
FORCINGS, CHANNELS, STATICS, TARGETS = 2, 4, 2, 1
HIDDEN, FORWARD_HIDDEN, LATENT = 3, 4, 2
SCALES = [1, 3, 7]


def enc(t):
    t = t.detach().contiguous()
    return {"shape": list(t.shape), "data": t.reshape(-1).tolist()}


def pool(x, s):
    """Means of blocks of s steps, the last one ending at the last step; leftover steps at the start dropped."""
    n = x.shape[1] // s
    r = x.shape[1] - n * s
    return torch.stack([x[:, r + j * s:r + (j + 1) * s].mean(1) for j in range(n)], 1)


class Fhnn(nn.Module):
    def __init__(self):
        super().__init__()
        summary = 2 * HIDDEN
        self.levels = nn.ModuleList(
            nn.LSTM(CHANNELS + STATICS + (len(SCALES) - 1 - k) * summary, HIDDEN, batch_first=True, bidirectional=True)
            for k in range(len(SCALES)))
        self.latent_mlp = nn.Sequential(nn.Linear(len(SCALES) * summary, HIDDEN), nn.Tanh(), nn.Linear(HIDDEN, len(SCALES) * LATENT))
        self.initial_h = nn.Linear(len(SCALES) * LATENT, FORWARD_HIDDEN)
        self.initial_c = nn.Linear(len(SCALES) * LATENT, FORWARD_HIDDEN)
        self.forecaster = nn.LSTM(FORCINGS + STATICS + len(SCALES) * LATENT, FORWARD_HIDDEN, batch_first=True)
        self.head = nn.Linear(FORWARD_HIDDEN, TARGETS)

    def latents(self, dynamic, static):
        history = dynamic[:, :L]
        summaries = [None] * len(SCALES)
        for k in reversed(range(len(SCALES))):
            pooled = pool(history, SCALES[k])
            n = pooled.shape[1]
            parts = [pooled, static[:, None, :].expand(-1, n, -1)]
            parts += [summaries[j][:, None, :].expand(-1, n, -1) for j in range(k + 1, len(SCALES))]
            _, (h_n, _) = self.levels[k](torch.cat(parts, 2))
            summaries[k] = torch.cat([h_n[0], h_n[1]], 1)  # forward after the newest step, backward after the oldest
        return self.latent_mlp(torch.cat(summaries, 1))

    def forward(self, dynamic, static):
        z = self.latents(dynamic, static)
        x = torch.cat([dynamic[:, L:, :FORCINGS], static[:, None, :].expand(-1, H, -1), z[:, None, :].expand(-1, H, -1)], 2)
        out, _ = self.forecaster(x, (torch.tanh(self.initial_h(z))[None], self.initial_c(z)[None]))
        forecast = self.head(out)
        return torch.cat([torch.zeros(B, L, TARGETS), forecast], 1), z

    def hydro_state(self):
        """The state dict under the C# module's names (scale{s}.forward/backward for each direction of a level)."""
        state = {}
        for k, s in enumerate(SCALES):
            for name, value in self.levels[k].state_dict().items():
                direction = "backward" if name.endswith("_reverse") else "forward"
                state[f"scale{s}.{direction}.{name.removesuffix('_reverse')}"] = value
        for name, value in self.state_dict().items():
            if not name.startswith("levels."):
                state[name] = value
        return state


def main():
    torch.manual_seed(20240729)
    model = Fhnn()
    with torch.no_grad():
        for p in model.parameters():
            p.uniform_(-0.6, 0.6)
    forcings = torch.randn(B, L + H, FORCINGS)
    observed = torch.randn(B, L + H, 1)
    flag = torch.cat([torch.ones(B, L, 1), torch.zeros(B, H, 1)], 1)
    dynamic = torch.cat([forcings, observed * flag, flag], 2).requires_grad_()
    static = torch.randn(B, STATICS)
    weights = torch.randn(B, L + H, TARGETS)
    prediction, z = model(dynamic, static)
    (prediction * weights).sum().backward()
    case = {
        "torch": torch.__version__,
        "scales": SCALES, "hidden_size": HIDDEN, "forward_hidden_size": FORWARD_HIDDEN, "latent_size": LATENT, "horizon": H,
        "state": {k: enc(v) for k, v in model.hydro_state().items()},
        "dynamic": enc(dynamic), "static": enc(static), "weights": enc(weights),
        "prediction": enc(prediction), "latents": enc(z), "dynamic_grad": enc(dynamic.grad),
    }
    path = os.path.join(HERE, "fhnn.json")
    with open(path, "w") as f:
        json.dump(case, f, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
