"""Trained sentence encoders from PyPI wheels → ONNX, for `npm run bench -- peers` (bench only).

Run with Debian's torch 1.13: /usr/bin/python3 bench/peers/export_encoders.py MODEL_DIR OUT.onnx {bert,mpnet}
MODEL_DIR is a sentence-transformers folder (config.json + model.safetensors) unpacked by fetch_models.py.
No `transformers` here: the two architectures are restated in plain torch after Hugging Face's
modeling_bert.py / modeling_mpnet.py (eager attention, erf GELU, additive mask of finfo.min), loaded
from the safetensors file read by hand (8-byte header length, JSON header, raw little-endian data).
Outputs: last_hidden_state and sentence_embedding (masked mean pooling, as the models' 1_Pooling does).
"""
import json
import math
import struct
import sys

import numpy as np
import torch
from torch import nn

DTYPES = {"F32": np.float32, "I64": np.int64}


def read_safetensors(path):
    with open(path, "rb") as f:
        n = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(n))
        raw = f.read()
    out = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        a, b = info["data_offsets"]
        arr = np.frombuffer(raw[a:b], dtype=DTYPES[info["dtype"]]).reshape(info["shape"])
        out[name] = torch.from_numpy(arr.copy())
    return out


def linear(sd, prefix):
    w = sd[prefix + ".weight"]
    m = nn.Linear(w.shape[1], w.shape[0])
    m.weight.data = w
    m.bias.data = sd[prefix + ".bias"]
    return m


def layer_norm(sd, prefix, eps):
    w = sd[prefix + ".weight"]
    m = nn.LayerNorm(w.shape[0], eps=eps)
    m.weight.data = w
    m.bias.data = sd[prefix + ".bias"]
    return m


def gelu(x):
    return x * 0.5 * (1.0 + torch.erf(x / math.sqrt(2.0)))


class Layer(nn.Module):
    """One post-LN encoder layer; names differ between BERT and MPNet, the maths does not."""

    def __init__(self, sd, p, names, heads, eps):
        super().__init__()
        self.q, self.k, self.v, self.o = (linear(sd, p + n) for n in names["qkvo"])
        self.ln1 = layer_norm(sd, p + names["ln1"], eps)
        self.fc1 = linear(sd, p + "intermediate.dense")
        self.fc2 = linear(sd, p + "output.dense")
        self.ln2 = layer_norm(sd, p + "output.LayerNorm", eps)
        self.heads = heads

    def forward(self, x, mask_add, bias):
        b, s, h = x.shape
        d = h // self.heads

        def split(t):
            return t.view(b, s, self.heads, d).transpose(1, 2)

        q, k, v = split(self.q(x)), split(self.k(x)), split(self.v(x))
        scores = torch.matmul(q, k.transpose(-1, -2)) / math.sqrt(d)
        if bias is not None:
            scores = scores + bias
        probs = torch.softmax(scores + mask_add, dim=-1)
        ctx = torch.matmul(probs, v).transpose(1, 2).reshape(b, s, h)
        x = self.ln1(self.o(ctx) + x)
        return self.ln2(self.fc2(gelu(self.fc1(x))) + x)


def mpnet_buckets(s, num_buckets=32, max_distance=128):
    """modeling_mpnet.relative_position_bucket for a [s, s] grid of memory − context positions."""
    pos = torch.arange(s)
    n = -(pos[None, :] - pos[:, None])
    half = num_buckets // 2
    ret = (n < 0).long() * half
    n = torch.abs(n)
    max_exact = half // 2
    large = max_exact + (torch.log(n.float() / max_exact) / math.log(max_distance / max_exact) * (half - max_exact)).long()
    large = torch.clamp(large, max=half - 1)
    return ret + torch.where(n < max_exact, n, large)


class Encoder(nn.Module):
    def __init__(self, sd, kind, cfg):
        super().__init__()
        self.kind = kind
        heads = cfg["num_attention_heads"]
        eps = cfg.get("layer_norm_eps", 1e-12)
        self.words = nn.Embedding.from_pretrained(sd["embeddings.word_embeddings.weight"], freeze=True)
        self.positions = nn.Embedding.from_pretrained(sd["embeddings.position_embeddings.weight"], freeze=True)
        self.ln = layer_norm(sd, "embeddings.LayerNorm", eps)
        if kind == "bert":
            self.types = nn.Embedding.from_pretrained(sd["embeddings.token_type_embeddings.weight"], freeze=True)
            names = {"qkvo": ["attention.self.query", "attention.self.key", "attention.self.value", "attention.output.dense"], "ln1": "attention.output.LayerNorm"}
        else:
            self.rel = nn.Embedding.from_pretrained(sd["encoder.relative_attention_bias.weight"], freeze=True)
            names = {"qkvo": ["attention.attn.q", "attention.attn.k", "attention.attn.v", "attention.attn.o"], "ln1": "attention.LayerNorm"}
        self.pad = cfg.get("pad_token_id", 0)
        self.layers = nn.ModuleList(Layer(sd, f"encoder.layer.{i}.", names, heads, eps) for i in range(cfg["num_hidden_layers"]))

    def forward(self, input_ids, attention_mask, token_type_ids=None):
        s = input_ids.shape[1]
        if self.kind == "bert":
            pos = torch.arange(s).unsqueeze(0)
            x = self.words(input_ids) + self.positions(pos) + self.types(token_type_ids)
            bias = None
        else:
            # create_position_ids_from_input_ids: padding keeps padding_idx, real tokens count from it + 1.
            real = (input_ids != self.pad).long()
            pos = torch.cumsum(real, dim=1) * real + self.pad
            x = self.words(input_ids) + self.positions(pos)
            bias = self.rel(mpnet_buckets(s)).permute(2, 0, 1).unsqueeze(0)
        x = self.ln(x)
        m = attention_mask[:, None, None, :].float()
        mask_add = (1.0 - m) * torch.finfo(torch.float32).min
        for layer in self.layers:
            x = layer(x, mask_add, bias)
        w = attention_mask.unsqueeze(-1).float()
        pooled = (x * w).sum(1) / torch.clamp(w.sum(1), min=1e-9)
        return x, pooled


def main():
    model_dir, out, kind = sys.argv[1:4]
    cfg = json.load(open(f"{model_dir}/config.json"))
    sd = read_safetensors(f"{model_dir}/model.safetensors")
    enc = Encoder(sd, kind, cfg).eval()
    ids = torch.tensor([[101 if kind == "bert" else 0, 7592, 2088, 102 if kind == "bert" else 2]])
    mask = torch.ones_like(ids)
    names = ["input_ids", "attention_mask"] + (["token_type_ids"] if kind == "bert" else [])
    args = (ids, mask) + ((torch.zeros_like(ids),) if kind == "bert" else ())
    axes = {n: {0: "batch", 1: "sequence"} for n in names}
    axes.update({"last_hidden_state": {0: "batch", 1: "sequence"}, "sentence_embedding": {0: "batch"}})
    with torch.no_grad():
        torch.onnx.export(enc, args, out, input_names=names, output_names=["last_hidden_state", "sentence_embedding"],
                          dynamic_axes=axes, opset_version=17, do_constant_folding=True)
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
