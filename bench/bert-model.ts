/**
 * A BERT-base-sized encoder built in code (no downloads): the graph torch.onnx.export writes for
 * bert-base-uncased, with seeded normal(0, 0.02) weights as in BERT's initializer. Bell-shaped weights
 * matter: uniform ones put many values near ±max, where ORT's non-VNNI int8 kernel (u8×s8 pairs summed
 * in int16) saturates — see quant/numerics.ts.
 *
 * Shape: word embeddings 30522×768, 512 positions, 2 token types, LayerNormalization (opset 17), 12 layers
 * of self-attention (12 heads of 64) and a 3072-wide GELU (Erf form, the pattern ORT's GeluFusion and
 * BiasGelu fusion match), then a tanh pooler. ~110 M parameters, ~440 MB of float32.
 * Inputs: input_ids, attention_mask (int64 [batch, seq]); outputs last_hidden_state, pooler_output.
 */
import { DataType } from '../src/onnx/dtype.js';
import type { ModelProto, NodeProto, TensorProto } from '../src/onnx/types.js';
import { floatTensor, graph, int64Tensor, model, node, valueInfo } from '../test/helpers/builder.js';
import { makeTensor } from '../src/onnx/tensor.js';

export interface BertShape {
  vocab: number;
  positions: number;
  hidden: number;
  heads: number;
  intermediate: number;
  layers: number;
}

export const BERT_BASE: BertShape = { vocab: 30522, positions: 512, hidden: 768, heads: 12, intermediate: 3072, layers: 12 };

/** Seeded normal(0, std) floats: xorshift32 uniforms through Box-Muller, two normals per pair. */
export function normalFloats(n: number, seed: number, std: number): Float32Array {
  const out = new Float32Array(n);
  let s = (Math.imul(seed + 1, 2654435761) >>> 0) || 1;
  const uniform = () => {
    s ^= s << 13; s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5; s >>>= 0;
    return (s + 0.5) / 4294967296; // in (0, 1): log() below stays finite
  };
  for (let i = 0; i < n; i += 2) {
    const r = std * Math.sqrt(-2 * Math.log(uniform()));
    const a = 2 * Math.PI * uniform();
    out[i] = r * Math.cos(a);
    if (i + 1 < n) out[i + 1] = r * Math.sin(a);
  }
  return out;
}

function filled(n: number, value: number): Float32Array {
  return new Float32Array(n).fill(value);
}

function f32(name: string, dims: number[], data: Float32Array): TensorProto {
  return makeTensor(name, DataType.FLOAT, dims, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
}

/** Builds the encoder; `shape` defaults to BERT-base. Weights differ per tensor (seeded by creation order). */
export function bertModel(shape: BertShape = BERT_BASE, seed = 1): ModelProto {
  const { vocab, positions, hidden: H, heads, intermediate: I, layers } = shape;
  const nodes: NodeProto[] = [];
  const inits: TensorProto[] = [];
  let seq = seed;
  const weight = (name: string, dims: number[]) => {
    inits.push(f32(name, dims, normalFloats(dims.reduce((a, b) => a * b, 1), seq++, 0.02)));
    return name;
  };
  // BERT's init: biases and LayerNorm beta 0, gamma 1. dedup folds these identical tensors, as it would
  // in a freshly initialised checkpoint; they are < 0.1 % of the bytes either way.
  const constant = (name: string, n: number, value: number) => {
    inits.push(f32(name, [n], filled(n, value)));
    return name;
  };
  const add = (op: string, inputs: string[], out: string, attrs: Parameters<typeof node>[3] = {}) => {
    nodes.push(node(op, inputs, [out], attrs, { name: out }));
    return out;
  };
  const layerNorm = (x: string, prefix: string) =>
    add('LayerNormalization', [x, constant(`${prefix}.weight`, H, 1), constant(`${prefix}.bias`, H, 0)], `${prefix}.out`, { axis: -1, epsilon: { float: 1e-12 } });
  const linear = (x: string, prefix: string, k: number, n: number) =>
    add('Add', [add('MatMul', [x, weight(`${prefix}.weight`, [k, n])], `${prefix}.mm`), constant(`${prefix}.bias`, n, 0)], `${prefix}.out`);

  inits.push(
    int64Tensor('const.heads_shape', [4], [0, 0, heads, H / heads]),
    int64Tensor('const.merge_shape', [3], [0, 0, H]),
    int64Tensor('const.zero', [], [0]),
    int64Tensor('const.one', [], [1]),
    int64Tensor('const.one_1d', [1], [1]),
    int64Tensor('const.two_1d', [1], [2]),
    floatTensor('const.f_one', [], [1]),
    floatTensor('const.mask_min', [], [-10000]),
    floatTensor('const.sqrt_d', [], [Math.sqrt(H / heads)]),
    floatTensor('const.sqrt2', [], [Math.SQRT2]),
    floatTensor('const.half', [], [0.5]),
  );

  // Embeddings: word + position (Range over the sequence length) + token type 0, then LayerNorm.
  const words = add('Gather', [weight('embeddings.word_embeddings.weight', [vocab, H]), 'input_ids'], 'embeddings.words');
  const seqLen = add('Gather', [add('Shape', ['input_ids'], 'embeddings.ids_shape'), 'const.one'], 'embeddings.seq_len', { axis: 0 });
  const posIds = add('Range', ['const.zero', seqLen, 'const.one'], 'embeddings.position_ids');
  const pos = add('Gather', [weight('embeddings.position_embeddings.weight', [positions, H]), posIds], 'embeddings.positions');
  const type0 = add('Gather', [weight('embeddings.token_type_embeddings.weight', [2, H]), 'const.zero'], 'embeddings.token_type');
  let x = layerNorm(add('Add', [add('Add', [words, pos], 'embeddings.sum1'), type0], 'embeddings.sum'), 'embeddings.LayerNorm');

  // Extended mask as the HF export writes it: (1 - mask[:, None, None, :]) * -10000.
  const mask4d = add('Unsqueeze', [add('Unsqueeze', ['attention_mask', 'const.one_1d'], 'mask.unsqueezed1'), 'const.two_1d'], 'mask.unsqueezed');
  const maskF = add('Cast', [mask4d], 'mask.float', { to: DataType.FLOAT });
  const maskAdd = add('Mul', [add('Sub', ['const.f_one', maskF], 'mask.inverted'), 'const.mask_min'], 'mask.additive');

  for (let l = 0; l < layers; l++) {
    const p = `encoder.layer.${l}`;
    const split = (t: string, name: string, perm: number[]) =>
      add('Transpose', [add('Reshape', [t, 'const.heads_shape'], `${p}.attention.${name}.heads`)], `${p}.attention.${name}.t`, { perm });
    const q = split(linear(x, `${p}.attention.self.query`, H, H), 'q', [0, 2, 1, 3]);
    const k = split(linear(x, `${p}.attention.self.key`, H, H), 'k', [0, 2, 3, 1]);
    const v = split(linear(x, `${p}.attention.self.value`, H, H), 'v', [0, 2, 1, 3]);
    const scores = add('Add', [add('Div', [add('MatMul', [q, k], `${p}.attention.qk`), 'const.sqrt_d'], `${p}.attention.scaled`), maskAdd], `${p}.attention.masked`);
    const probs = add('Softmax', [scores], `${p}.attention.probs`, { axis: -1 });
    const ctx = add('Transpose', [add('MatMul', [probs, v], `${p}.attention.context`)], `${p}.attention.context.t`, { perm: [0, 2, 1, 3] });
    const merged = add('Reshape', [ctx, 'const.merge_shape'], `${p}.attention.merged`);
    const attnOut = linear(merged, `${p}.attention.output.dense`, H, H);
    x = layerNorm(add('Add', [attnOut, x], `${p}.attention.residual`), `${p}.attention.output.LayerNorm`);
    // GELU, Erf form: x * 0.5 * (1 + erf(x / sqrt 2)) — the node order torch exports and ORT fuses.
    const h = linear(x, `${p}.intermediate.dense`, H, I);
    const erf = add('Erf', [add('Div', [h, 'const.sqrt2'], `${p}.gelu.div`)], `${p}.gelu.erf`);
    const gelu = add('Mul', [add('Mul', [h, add('Add', [erf, 'const.f_one'], `${p}.gelu.add`)], `${p}.gelu.mul`), 'const.half'], `${p}.gelu.out`);
    const ffnOut = linear(gelu, `${p}.output.dense`, I, H);
    x = layerNorm(add('Add', [ffnOut, x], `${p}.output.residual`), `${p}.output.LayerNorm`);
  }
  nodes.push(node('Identity', [x], ['last_hidden_state'], {}, { name: 'last_hidden_state' }));
  const first = add('Gather', [x, 'const.zero'], 'pooler.first_token', { axis: 1 });
  nodes.push(node('Tanh', [linear(first, 'pooler.dense', H, H)], ['pooler_output'], {}, { name: 'pooler_output' }));

  return model(graph({
    name: 'bert_base_bench',
    node: nodes,
    initializer: inits,
    input: [valueInfo('input_ids', DataType.INT64, ['batch', 'seq']), valueInfo('attention_mask', DataType.INT64, ['batch', 'seq'])],
    output: [valueInfo('last_hidden_state', DataType.FLOAT, ['batch', 'seq', H]), valueInfo('pooler_output', DataType.FLOAT, ['batch', H])],
  }), 17);
}

/** Number of float parameters (elements of float initializers). */
export function parameterCount(m: ModelProto): number {
  return m.graph!.initializer.filter((t) => t.dataType === DataType.FLOAT).reduce((n, t) => n + t.dims.reduce((a, b) => a * b, 1), 0);
}
