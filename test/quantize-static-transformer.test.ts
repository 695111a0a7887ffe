/**
 * Static int8 on a transformer: a two-layer encoder built here (token embedding Gather, self-attention with
 * Q/K/V projections and two heads, GELU feed-forward, LayerNormalization), quantized with
 * `ops: [MatMul, Gather]`. Checked in onnxruntime's optimized graph: every projection runs as an integer
 * MatMul (QLinearMatMul with quantized outputs, MatMulIntegerToFloat with `float-outputs: [MatMul]`), no
 * float MatMul with a constant weight remains, the embedding table is int8; held-out outputs stay close
 * to fp32.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadSamples } from '../src/check/inputs.js';
import { DataType } from '../src/onnx/dtype.js';
import { decodeModel } from '../src/onnx/codec.js';
import { loadModel, saveModel } from '../src/onnx/model-io.js';
import type { ModelProto, NodeProto, TensorProto } from '../src/onnx/types.js';
import { compressModel } from '../src/pipeline/compress.js';
import { UsageError } from '../src/onnx/errors.js';
import { readFileSync } from 'node:fs';
import { quantizeInt8Stage } from '../src/stages/quantize-int8.js';
import { floatTensor, graph, int64Tensor, model, node, randomFloats, valueInfo } from './helpers/builder.js';
import { optimizedOpCounts, worstFirstOutputCosine } from './helpers/ort-graph.js';

const VOCAB = 200;
const H = 64;
const HEADS = 2;
const FFN = 128;

/** The encoder: input_ids [1, seq] → hidden states [1, seq, H]; weights seeded, ~N(0, 1/fan-in)-sized. */
function encoder(layers = 2): ModelProto {
  const nodes: NodeProto[] = [];
  const inits: TensorProto[] = [];
  let seed = 1;
  const w = (name: string, dims: number[], scale: number) => {
    inits.push(floatTensor(name, dims, randomFloats(dims.reduce((a, b) => a * b, 1), seed++, scale)));
    return name;
  };
  const op = (type: string, inputs: string[], out: string, attrs: Parameters<typeof node>[3] = {}) => {
    nodes.push(node(type, inputs, [out], attrs, { name: out }));
    return out;
  };
  const linear = (x: string, p: string, k: number, n: number) => op('Add', [op('MatMul', [x, w(`${p}.w`, [k, n], 1.7 / Math.sqrt(k))], `${p}.mm`), w(`${p}.b`, [n], 0.1)], `${p}.out`);
  const norm = (x: string, p: string) => op('LayerNormalization', [x, w(`${p}.g`, [H], 0.1), w(`${p}.beta`, [H], 0.1)], `${p}.out`, { axis: -1, epsilon: { float: 1e-5 } });
  inits.push(int64Tensor('heads_shape', [4], [0, 0, HEADS, H / HEADS]), int64Tensor('merge_shape', [3], [0, 0, H]));
  inits.push(floatTensor('sqrt_d', [], [Math.sqrt(H / HEADS)]), floatTensor('sqrt2', [], [Math.SQRT2]), floatTensor('one', [], [1]), floatTensor('half', [], [0.5]));
  let x = norm(op('Gather', [w('embeddings', [VOCAB, H], 1), 'input_ids'], 'embedded'), 'emb_ln');
  for (let l = 0; l < layers; l++) {
    const p = `l${l}`;
    const heads = (t: string, name: string, perm: number[]) => op('Transpose', [op('Reshape', [t, 'heads_shape'], `${p}.${name}.r`)], `${p}.${name}.t`, { perm });
    const q = heads(linear(x, `${p}.q`, H, H), 'q', [0, 2, 1, 3]);
    const k = heads(linear(x, `${p}.k`, H, H), 'k', [0, 2, 3, 1]);
    const v = heads(linear(x, `${p}.v`, H, H), 'v', [0, 2, 1, 3]);
    const probs = op('Softmax', [op('Div', [op('MatMul', [q, k], `${p}.qk`), 'sqrt_d'], `${p}.scaled`)], `${p}.probs`, { axis: -1 });
    const ctx = op('Reshape', [op('Transpose', [op('MatMul', [probs, v], `${p}.ctx`)], `${p}.ctx.t`, { perm: [0, 2, 1, 3] }), 'merge_shape'], `${p}.merged`);
    x = norm(op('Add', [linear(ctx, `${p}.o`, H, H), x], `${p}.res1`), `${p}.ln1`);
    const h = linear(x, `${p}.up`, H, FFN);
    const gelu = op('Mul', [op('Mul', [h, op('Add', [op('Erf', [op('Div', [h, 'sqrt2'], `${p}.g.div`)], `${p}.g.erf`), 'one'], `${p}.g.add`)], `${p}.g.mul`), 'half'], `${p}.g.out`);
    x = norm(op('Add', [linear(gelu, `${p}.down`, FFN, H), x], `${p}.res2`), `${p}.ln2`);
  }
  nodes.push(node('Identity', [x], ['hidden'], {}, { name: 'hidden' }));
  return model(graph({
    node: nodes, initializer: inits,
    input: [valueInfo('input_ids', DataType.INT64, [1, 'seq'])],
    output: [valueInfo('hidden', DataType.FLOAT, [1, 'seq', H])],
  }), 17);
}

function withTmp<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(path.join(tmpdir(), 'qst-'));
  return fn(dir).finally(() => rmSync(dir, { recursive: true, force: true }));
}

const STATIC = { activations: 'static', 'per-channel': true, ops: ['MatMul', 'Gather'] };

test('static MatMul on a transformer: onnxruntime runs every projection in integers, the table is int8, held-out cosine ≥ 0.99', () => withTmp(async (dir) => {
  const fp32 = path.join(dir, 'enc.onnx');
  saveModel(encoder(), fp32);
  const projections = 2 * 6;
  const calibration = { inputs: 'auto', samples: 8, dims: { seq: 16 }, method: 'minmax' as const };
  // Held out: seed 99 (calibration draws from its own seed).
  const feeds = loadSamples('auto', loadModel(fp32).model, { samples: 6, seed: 99, dims: { seq: 16 } });
  for (const floatOutputs of [false, true]) {
    const out = path.join(dir, `enc.${floatOutputs}.onnx`);
    const r = await compressModel(fp32, out, { stages: [{ 'quantize-int8': { ...STATIC, ...(floatOutputs ? { 'float-outputs': ['MatMul'] } : {}) } }], digest: false, calibration });
    const d = r.stages[0]!.details as { quantizedByOp: Record<string, number> };
    assert.equal(d.quantizedByOp.Gather, 1);
    assert.equal(d.quantizedByOp.MatMul, projections + 2 * 2, JSON.stringify(d.quantizedByOp));
    const ops = await optimizedOpCounts(out, path.join(dir, `opt.${floatOutputs}.onnx`));
    const integer = floatOutputs ? 'MatMulIntegerToFloat' : 'QLinearMatMul';
    assert.ok((ops[integer] ?? 0) >= projections, `${integer} for every projection: ${JSON.stringify(ops)}`);
    // No float MatMul reads a constant weight in onnxruntime's graph (its DQ would sit in front of it).
    const optimized = decodeModel(readFileSync(path.join(dir, `opt.${floatOutputs}.onnx`)));
    const constants = new Set(optimized.graph!.initializer.map((t) => t.name));
    const floatWeighted = optimized.graph!.node.filter((n) => n.opType === 'MatMul' && (n.domain ?? '') === '' && constants.has(n.input[1]!));
    assert.equal(floatWeighted.length, 0);
    assert.ok(statSync(out).size < 0.35 * statSync(fp32).size, `${statSync(out).size} of ${statSync(fp32).size} bytes`);
    const cos = await worstFirstOutputCosine(fp32, out, feeds);
    assert.ok(cos >= 0.99, `held-out cosine ${cos}`);
  }
}));

test('float-outputs: static only, and only ops static int8 computes in integers', () => {
  assert.throws(() => quantizeInt8Stage({ 'float-outputs': ['MatMul'] }), (e: unknown) => e instanceof UsageError && /float-outputs needs activations: static/.test(e.message));
  assert.throws(() => quantizeInt8Stage({ activations: 'static', 'float-outputs': ['Reshape'] }), (e: unknown) => e instanceof UsageError && /float-outputs: 'Reshape' is not an op/.test(e.message));
  assert.throws(() => quantizeInt8Stage({ activations: 'static', ops: ['Softmax'] }), (e: unknown) => e instanceof UsageError && /supported: .*Gather/.test(e.message));
});
