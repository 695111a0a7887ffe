/**
 * quantize-int8 on models built in code and on the exported fixtures: outputs load and run in
 * onnxruntime-node and stay close to fp32, ORT fuses the emitted pattern, shared weights are quantized
 * once, subgraphs and outer-scope captures are handled, options and opset rules hold.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import { decodeModel, encodeModel } from '../src/onnx/codec.js';
import { DataType } from '../src/onnx/dtype.js';
import { forEachGraph } from '../src/onnx/graph.js';
import { loadModel } from '../src/onnx/model-io.js';
import { tensorBytes, tensorFloat32 } from '../src/onnx/tensor.js';
import type { GraphProto, ModelProto, TensorProto } from '../src/onnx/types.js';
import { createStage } from '../src/stages/registry.js';
import { DEFAULT_MIN_ELEMENTS, parseInt8Options, quantizeInt8 } from '../src/stages/quantize-int8.js';
import { floatTensor, graph, model, node, randomFloats, valueInfo } from './helpers/builder.js';
import { cosine } from './helpers/fixture-parity.js';
import { float32Values, readTestInputs, runOrt, type Feeds } from './helpers/ort-run.js';

const F = DataType.FLOAT;

function copy(m: ModelProto): ModelProto {
  return decodeModel(encodeModel(m));
}

/** Runs both models on `feeds`; returns the cosine of each output. */
async function compare(fp32: Uint8Array, quantized: Uint8Array, feeds: Feeds): Promise<Record<string, number>> {
  const [r0, r1] = [await runOrt(fp32, feeds), await runOrt(quantized, feeds)];
  const out: Record<string, number> = {};
  for (const k of Object.keys(r0)) out[k] = cosine(float32Values(r0[k]!), float32Values(r1[k]!));
  return out;
}

/** Op counts (domain:op, all graphs) of the model ORT saves after optimizing at `level`. */
async function optimizedOps(bytes: Uint8Array, level: 'extended' | 'all' = 'extended'): Promise<Record<string, number>> {
  const dir = mkdtempSync(path.join(tmpdir(), 'q8-'));
  try {
    const file = path.join(dir, 'opt.onnx');
    await ort.InferenceSession.create(bytes, { optimizedModelFilePath: file, graphOptimizationLevel: level });
    const ops: Record<string, number> = {};
    forEachGraph(decodeModel(readFileSync(file)), ({ graph: g }) => {
      for (const n of g.node) { const k = `${n.domain || ''}:${n.opType}`; ops[k] = (ops[k] ?? 0) + 1; }
    });
    return ops;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const fused = (ops: Record<string, number>) =>
  (ops['com.microsoft:DynamicQuantizeMatMul'] ?? 0) + (ops['com.microsoft:MatMulIntegerToFloat'] ?? 0);

/** Quantized weights (int8 tensors of rank ≥ 2; zero points are int8 too but scalars or vectors). */
function int8Initializers(m: ModelProto): TensorProto[] {
  const out: TensorProto[] = [];
  forEachGraph(m, ({ graph: g }) => out.push(...g.initializer.filter((t) => t.dataType === DataType.INT8 && t.dims.length >= 2)));
  return out;
}

/**
 * Bell-shaped weights (a sum of four uniforms), like trained ones. Uniform weights put most int8 values
 * near ±127, where ORT's u8×s8 kernel on AVX2 without VNNI saturates its 16-bit pair sums (see the
 * reduce-range test below); trained weights rarely do.
 */
function weights(n: number, seed: number, std: number): Float32Array {
  const u = [0, 1, 2, 3].map((k) => randomFloats(n, seed * 10 + k));
  return Float32Array.from(u[0]!, (_, i) => (std / 1.15) * (u[0]![i]! + u[1]![i]! + u[2]![i]! + u[3]![i]!));
}

function xFeed(dims: number[], seed: number): ort.Tensor {
  return new ort.Tensor('float32', randomFloats(dims.reduce((a, b) => a * b), seed), dims);
}

// ------------------------------------------------------------------------------------ built models

/** x[2,64] → MatMul(W) → MatMul(W') with W' a differently named copy of W, plus a bias Add(b, ·). */
function sharedWeightModel(): ModelProto {
  const w = weights(64 * 64, 7, 0.2);
  return model(graph({
    node: [
      node('MatMul', ['x', 'W'], ['h']),
      node('Add', ['b', 'h'], ['hb']),
      node('MatMul', ['hb', 'W_copy'], ['y']),
    ],
    initializer: [floatTensor('W', [64, 64], w), floatTensor('W_copy', [64, 64], w), floatTensor('b', [64], randomFloats(64, 8, 0.1))],
    input: [valueInfo('x', F, [2, 64])],
    output: [valueInfo('y', F, [2, 64])],
  }));
}

test('a weight shared by two MatMuls (even under two names) is quantized once; ORT runs and fuses it', async () => {
  const m = sharedWeightModel();
  const fp32 = encodeModel(m);
  const { details } = quantizeInt8(m, parseInt8Options({}));
  assert.equal(int8Initializers(m).length, 1);
  assert.equal(details.tensorsQuantized, 1);
  assert.equal(details.sharedReuses, 1);
  assert.deepEqual(details.quantizedByOp, { MatMul: 2 });
  assert.equal(m.graph!.initializer.filter((t) => t.dataType === F && t.dims.length === 2).length, 0, 'float weights removed');
  // The emitted pattern, in order, for the first MatMul.
  assert.deepEqual(m.graph!.node.slice(0, 5).map((n) => n.opType), ['DynamicQuantizeLinear', 'MatMulInteger', 'Cast', 'Mul', 'Mul']);
  // The bias Add was turned to Add(·, b) so ORT folds it into the fused node.
  assert.equal(m.graph!.node.find((n) => n.opType === 'Add')!.input[1], 'b');
  const q = encodeModel(m);
  const cos = await compare(fp32, q, { x: xFeed([2, 64], 3) });
  assert.ok(cos.y! >= 0.99, `cosine ${cos.y}`);
  const ops = await optimizedOps(q);
  assert.equal(fused(ops), 2, JSON.stringify(ops));
  assert.equal(ops[':MatMulInteger'] ?? 0, 0);
  assert.equal(ops[':Add'] ?? 0, 0, 'bias folded into the fused node');
});

test('the int8 tensor holds ORT numerics (hand-checked: absmax 127 gives scale 1, ties to even)', () => {
  const w = new Float32Array(32 * 32);
  w[0] = 127; w[1] = 2.5; w[2] = -3.5; w[3] = 0.5; w[4] = -127;
  const m = model(graph({
    node: [node('MatMul', ['x', 'W'], ['y'])],
    initializer: [floatTensor('W', [32, 32], w)],
    input: [valueInfo('x', F, [1, 32])],
    output: [valueInfo('y', F, [1, 32])],
  }));
  quantizeInt8(m, parseInt8Options({}));
  const [q] = int8Initializers(m);
  assert.deepEqual([...new Int8Array(tensorBytes(q!).slice(0, 6).buffer)], [127, 2, -4, 0, -127, 0]);
  const scale = m.graph!.initializer.find((t) => t.name === 'W_scale')!;
  assert.equal(new Float32Array(tensorBytes(scale).slice().buffer)[0], 1);
});

test('Gemm: alpha, beta, transA, transB; a weight other nodes read stays float for them', async () => {
  const b = weights(48 * 32, 11, 0.3); // stored [N=48, K=32], used with transB
  const m = model(graph({
    node: [
      node('Gemm', ['xt', 'B', 'C'], ['g'], { alpha: { float: 0.5 }, beta: { float: 2 }, transA: 1, transB: 1 }),
      node('ReduceSum', ['B'], ['bsum'], { keepdims: 0 }),
      node('Add', ['g', 'bsum'], ['y']),
    ],
    initializer: [floatTensor('B', [48, 32], b), floatTensor('C', [48], randomFloats(48, 12, 0.5))],
    input: [valueInfo('xt', F, [32, 4])],
    output: [valueInfo('y', F, [4, 48])],
  }));
  const fp32 = encodeModel(m);
  const { details } = quantizeInt8(m, parseInt8Options({}));
  assert.deepEqual(details.quantizedByOp, { Gemm: 1 });
  assert.ok(m.graph!.initializer.some((t) => t.name === 'B' && t.dataType === F), 'B still there for ReduceSum');
  const q = encodeModel(m);
  const cos = await compare(fp32, q, { xt: xFeed([32, 4], 5) });
  assert.ok(cos.y! >= 0.99, `cosine ${cos.y}`);
  assert.equal(fused(await optimizedOps(q)), 1);
});

test('If branches: weights in a Constant node, a branch initializer and an outer-scope capture', async () => {
  const w = weights(32 * 32, 21, 0.2);
  const w2 = weights(32 * 32, 22, 0.2);
  const thenG = graph({
    name: 'then',
    node: [
      node('Constant', [], ['Wc'], { value: floatTensor('Wc', [32, 32], w) }),
      node('MatMul', ['x', 'Wc'], ['t1']),
      node('MatMul', ['t1', 'Wouter'], ['t_out']),
    ],
    output: [valueInfo('t_out', F)],
  });
  const elseG = graph({
    name: 'else',
    node: [node('MatMul', ['x', 'Wi'], ['e_out'])],
    initializer: [floatTensor('Wi', [32, 32], w)],
    output: [valueInfo('e_out', F)],
  });
  const m = model(graph({
    node: [node('If', ['cond'], ['y'], { then_branch: thenG, else_branch: elseG })],
    initializer: [floatTensor('Wouter', [32, 32], w2)],
    input: [valueInfo('cond', DataType.BOOL, []), valueInfo('x', F, [2, 32])],
    output: [valueInfo('y', F, [2, 32])],
  }));
  const fp32 = encodeModel(m);
  const { details } = quantizeInt8(m, parseInt8Options({}));
  assert.deepEqual(details.quantizedByOp, { MatMul: 3 });
  assert.equal(details.tensorsQuantized, 2, 'identical weights in both branches quantized once');
  assert.equal(int8Initializers(m).length, 2);
  assert.equal(thenG.node.some((n) => n.opType === 'Constant'), false, 'the float Constant is gone');
  assert.equal(elseG.initializer.length, 0);
  const q = encodeModel(m);
  for (const c of [true, false]) {
    const cos = await compare(fp32, q, { cond: new ort.Tensor('bool', [c], []), x: xFeed([2, 32], 9) });
    assert.ok(cos.y! >= 0.99, `branch ${c}: cosine ${cos.y}`);
  }
  assert.equal(fused(await optimizedOps(q)), 3);
});

test('tied embedding: Gather(E) and MatMul(Transpose(E)) share one int8 table', async () => {
  const e = weights(100 * 32, 31, 0.5);
  const m = model(graph({
    node: [
      node('Gather', ['E', 'ids'], ['h']),
      node('Identity', ['E'], ['E_alias']),
      node('Transpose', ['E_alias'], ['Et'], { perm: [1, 0] }),
      node('MatMul', ['h', 'Et'], ['logits']),
    ],
    initializer: [floatTensor('E', [100, 32], e)],
    input: [valueInfo('ids', DataType.INT64, [1, 5])],
    output: [valueInfo('logits', F, [1, 5, 100])],
  }));
  const fp32 = encodeModel(m);
  const { details } = quantizeInt8(m, parseInt8Options({}));
  assert.deepEqual(details.quantizedByOp, { Gather: 1, MatMul: 1 });
  assert.equal(int8Initializers(m).length, 1);
  assert.equal(m.graph!.initializer.some((t) => t.dataType === F && t.dims.length === 2), false);
  const q = encodeModel(m);
  const ids = new ort.Tensor('int64', BigInt64Array.from([1n, 5n, 42n, 99n, 0n]), [1, 5]);
  const cos = await compare(fp32, q, { ids });
  assert.ok(cos.logits! >= 0.99, `cosine ${cos.logits}`);
  // ORT folds the int8 Transpose at load, then fuses with the constant weight.
  assert.equal(fused(await optimizedOps(q)), 1);
});

test('reduce-range (7-bit weights) avoids the AVX2 u8×s8 saturation on uniform weights', async () => {
  const w = randomFloats(64 * 64, 7, 0.2);
  const m = model(graph({
    node: [node('MatMul', ['x', 'W'], ['y'])],
    initializer: [floatTensor('W', [64, 64], w)],
    input: [valueInfo('x', F, [2, 64])],
    output: [valueInfo('y', F, [2, 64])],
  }));
  const fp32 = encodeModel(m);
  quantizeInt8(m, parseInt8Options({ 'reduce-range': true }));
  const scale = m.graph!.initializer.find((t) => t.name === 'W_scale')!;
  let absmax = 0;
  for (const v of w) absmax = Math.max(absmax, Math.abs(v));
  // Reduced int8 range is [-64, 64]: scale = 2·absmax / 128 (float32 difference, float64 divide).
  assert.equal(new Float32Array(tensorBytes(scale).slice().buffer)[0], Math.fround(Math.fround(2 * absmax) / 128));
  const cos = await compare(fp32, encodeModel(m), { x: xFeed([2, 64], 3) });
  assert.ok(cos.y! >= 0.999, `cosine ${cos.y}`);
});

test('options: exclude globs, min-elements, ops, weight-type, bad values', () => {
  const m = sharedWeightModel();
  m.graph!.node[0]!.name = 'encoder/layer.0/MatMul';
  const { details } = quantizeInt8(m, parseInt8Options({ exclude: ['encoder/*'] }));
  assert.deepEqual(details.quantizedByOp, { MatMul: 1 });
  assert.deepEqual(details.skipped, [{ node: 'encoder/layer.0/MatMul', op: 'MatMul', reason: 'excluded by option' }]);
  // An unnamed node is named by its first output, in `exclude` and in the report.
  const unnamed = sharedWeightModel();
  unnamed.graph!.node[0]!.name = '';
  const out0 = unnamed.graph!.node[0]!.output[0]!;
  const byOutput = quantizeInt8(unnamed, parseInt8Options({ exclude: [out0] })).details;
  assert.deepEqual(byOutput.skipped, [{ node: out0, op: 'MatMul', reason: 'excluded by option' }]);

  const small = sharedWeightModel();
  const r = quantizeInt8(small, parseInt8Options({ 'min-elements': 4097 }));
  assert.equal(r.details.quantizedNodes, 0);
  assert.match((r.details.skipped as { reason: string }[])[0]!.reason, /4096 elements, fewer than min-elements 4097/);
  assert.equal(DEFAULT_MIN_ELEMENTS, 1024);

  const u8 = sharedWeightModel();
  quantizeInt8(u8, parseInt8Options({ 'weight-type': 'uint8', 'per-channel': true }));
  const qu = u8.graph!.initializer.filter((t) => t.dataType === DataType.UINT8 && t.dims.length === 2);
  assert.equal(qu.length, 1);
  assert.deepEqual(u8.graph!.initializer.find((t) => t.name?.endsWith('_scale'))!.dims, [64]);

  assert.equal(quantizeInt8(sharedWeightModel(), parseInt8Options({ ops: ['Gather'] })).details.quantizedNodes, 0);
  assert.throws(() => parseInt8Options({ ops: ['Softmax'] }), /cannot quantize op 'Softmax'/);
  assert.throws(() => parseInt8Options({ 'weight-type': 'int4' }), /weight-type must be int8 or uint8/);
  assert.throws(() => parseInt8Options({ perChannel: true }), /unknown option 'perChannel'/);
  assert.throws(() => parseInt8Options({ 'min-elements': -1 }), /min-elements/);
  assert.equal(createStage({ 'quantize-int8': { 'per-channel': true } }).name, 'quantize-int8');
});

test('opset below 11 is raised when every op keeps its meaning, refused otherwise', async () => {
  const m = sharedWeightModel();
  m.opsetImport[0]!.version = 9;
  const fp32 = encodeModel(m);
  const { details } = quantizeInt8(m, parseInt8Options({}));
  assert.deepEqual(details.opset, { from: 9, to: 11 });
  assert.equal(m.opsetImport[0]!.version, 11);
  const cos = await compare(fp32, encodeModel(m), { x: xFeed([2, 64], 4) });
  assert.ok(cos.y! >= 0.99);

  const old = sharedWeightModel();
  old.opsetImport[0]!.version = 9;
  old.graph!.node.push(node('Upsample', ['y', 'scales'], ['z'], { mode: 'nearest' }));
  // Upsample changed meaning by 11: the opset upgrader rewrites it (to Resize) and the MatMuls quantize.
  const r = quantizeInt8(old, parseInt8Options({}));
  assert.equal(r.details.quantizedNodes, 2);
  assert.deepEqual([(r.details.opsetUpgrade as { from: number }).from, (r.details.opsetUpgrade as { to: number }).to], [9, 11]);
  assert.ok(!old.graph!.node.some((n) => n.opType === 'Upsample'));
});

test('a NaN weight is skipped with a reason; constants on the left are not candidates', () => {
  const w = randomFloats(32 * 32, 2);
  w[5] = NaN;
  const m = model(graph({
    node: [node('MatMul', ['x', 'W'], ['h']), node('MatMul', ['W2', 'h'], ['y'])],
    initializer: [floatTensor('W', [32, 32], w), floatTensor('W2', [32, 32], randomFloats(32 * 32, 3))],
    input: [valueInfo('x', F, [32, 32])],
    output: [valueInfo('y', F, [32, 32])],
  }));
  const { details } = quantizeInt8(m, parseInt8Options({}));
  assert.equal(details.quantizedNodes, 0);
  assert.deepEqual((details.skipped as { reason: string }[]).map((s) => s.reason), ['weight holds NaN or Infinity']);
});

// ------------------------------------------------------------------------------------------ fixtures

const fixtureFeeds = (name: string, g: GraphProto) => readTestInputs(path.join('test/fixtures', `${name}.data`, 'test_data_set_0'), g);

const FIXTURES: { file: string; data: string; options: Record<string, unknown>; fusedAtLeast: number }[] = [
  { file: 'albert-tiny.shared.onnx', data: 'albert-tiny', options: {}, fusedAtLeast: 38 },
  { file: 'albert-tiny.shared.onnx', data: 'albert-tiny', options: { 'per-channel': true, 'weight-type': 'uint8' }, fusedAtLeast: 38 },
  { file: 'gpt-tiny.onnx', data: 'gpt-tiny', options: {}, fusedAtLeast: 9 },
  { file: 'cnn-tiny.onnx', data: 'cnn-tiny', options: { ops: ['Conv', 'Gemm'], 'min-elements': 0, 'per-channel': true }, fusedAtLeast: 1 },
];

for (const fx of FIXTURES) {
  test(`fixture ${fx.file} ${JSON.stringify(fx.options)}: smaller, runs, cosine ≥ 0.99, fused`, async () => {
    const { model: m, fileBytes } = loadModel(path.join('test/fixtures', fx.file));
    const fp32 = encodeModel(copy(m));
    const { details } = await createStage({ 'quantize-int8': fx.options }).run(m, { tmpDir: tmpdir(), log: () => {} });
    const q = encodeModel(m);
    const cos = await compare(fp32, q, fixtureFeeds(fx.data, m.graph!));
    for (const [k, c] of Object.entries(cos)) assert.ok(c >= 0.99, `${k}: cosine ${c}`);
    assert.ok(q.length < fileBytes * 0.55, `${fileBytes} → ${q.length} bytes`);
    const ops = await optimizedOps(q, 'all');
    assert.ok(fused(ops) >= fx.fusedAtLeast, JSON.stringify(ops));
    if (fx.options.ops) assert.equal((details.quantizedByOp as Record<string, number>).Conv, 3);
    console.log(`# ${fx.file} ${JSON.stringify(fx.options)}: ${fileBytes} → ${q.length} bytes, cosine ${Object.values(cos).map((c) => c.toFixed(5)).join(',')}`);
  });
}

test('a weight the albert fixture shares across its 6 layers is stored once', () => {
  const { model: m } = loadModel('test/fixtures/albert-tiny.shared.onnx');
  const { details } = quantizeInt8(m, parseInt8Options({}));
  // 7 distinct layer/projection weights + pooler + 2 embedding tables; 30 more MatMuls reuse them.
  assert.equal(details.tensorsQuantized, 10);
  assert.equal(int8Initializers(m).length, 10);
  assert.equal(details.sharedReuses, 30);
});

// ------------------------------------------------------------------------------- Conv weight-only

test('conv-mode weight-only: int8 weights through DequantizeLinear into a float Conv, each weight within half a step', async () => {
  for (const perChannel of [true, false]) {
    const { model: m, fileBytes } = loadModel('test/fixtures/cnn-tiny.onnx');
    const fp32 = encodeModel(copy(m));
    const floats = new Map(m.graph!.initializer.filter((t) => t.dataType === DataType.FLOAT).map((t) => [t.name, tensorFloat32(t)]));
    const convWeights = m.graph!.node.filter((n) => n.opType === 'Conv').map((n) => n.input[1]!);
    const { details } = await createStage({ 'quantize-int8': { ops: ['Conv'], 'min-elements': 0, 'conv-mode': 'weight-only', 'per-channel': perChannel } })
      .run(m, { tmpDir: tmpdir(), log: () => {} });
    assert.equal((details.quantizedByOp as Record<string, number>).Conv, 3);
    const g = m.graph!;
    const byName = new Map(g.initializer.map((t) => [t.name, t]));
    const convs = g.node.filter((n) => n.opType === 'Conv');
    assert.equal(g.node.filter((n) => n.opType === 'ConvInteger').length, 0);
    convs.forEach((conv, k) => {
      const dq = g.node.find((n) => n.output[0] === conv.input[1])!;
      assert.equal(dq.opType, 'DequantizeLinear');
      assert.deepEqual(dq.attribute.map((a) => [a.name, Number(a.i)]), perChannel ? [['axis', 0]] : []);
      // Dequantized by hand, (q − zero point) · scale: every weight within half a quantization step.
      const [q, scale, zp] = dq.input.map((name) => byName.get(name)!);
      assert.equal(q!.dataType, DataType.INT8);
      const qs = new Int8Array(Uint8Array.from(tensorBytes(q!)).buffer);
      const scales = tensorFloat32(scale!);
      const zps = new Int8Array(Uint8Array.from(tensorBytes(zp!)).buffer);
      const original = floats.get(convWeights[k])!;
      const perOut = qs.length / scales.length;
      for (let i = 0; i < qs.length; i++) {
        const c = Math.floor(i / perOut);
        const step = scales[c]!;
        assert.ok(Math.abs((qs[i]! - zps[c]!) * step - original[i]!) <= step / 2 + 1e-7, `${convWeights[k]}[${i}]`);
      }
    });
    const q = encodeModel(m);
    const cos = await compare(fp32, q, fixtureFeeds('cnn-tiny', g));
    for (const [k, c] of Object.entries(cos)) assert.ok(c >= 0.999, `${k}: cosine ${c}`);
    assert.ok(q.length < fileBytes, `${fileBytes} → ${q.length}`);
  }
});

test('conv-mode weight-only per-channel needs opset 13 (DequantizeLinear\'s axis): the upgrader moves the model there, or the Conv is skipped saying why', () => {
  const conv = (opset: number) => model(graph({
    node: [node('Conv', ['x', 'W'], ['y'], { kernel_shape: [3, 3] })],
    input: [valueInfo('x', F, [1, 4, 8, 8])], output: [valueInfo('y', F, [1, 8, 6, 6])],
    initializer: [floatTensor('W', [8, 4, 3, 3], randomFloats(8 * 4 * 9, 5))],
  }), opset);
  const options = (perChannel: boolean) => parseInt8Options({ ops: ['Conv'], 'conv-mode': 'weight-only', 'per-channel': perChannel, 'min-elements': 0 });
  const upgraded = conv(11);
  const old = quantizeInt8(upgraded, options(true)).details;
  assert.equal(old.quantizedNodes, 1);
  assert.deepEqual(old.opsetUpgrade, { from: 11, to: 13, why: "per-channel weight-only Conv needs DequantizeLinear's axis (opset 13)", rewritten: {} });
  assert.equal(upgraded.opsetImport[0]!.version, 13);
  // A model the upgrader refuses (a local function importing the default domain): skipped, both reasons kept.
  const refused = conv(11);
  refused.functions.push({ name: 'f', domain: 'local', input: [], output: [], attribute: [], attributeProto: [], node: [], opsetImport: [{ domain: '', version: 11 }], valueInfo: [], metadataProps: [] } as unknown as ModelProto['functions'][number]);
  const r = quantizeInt8(refused, options(true)).details;
  assert.match((r.opsetUpgrade as { refused: string }).refused, /cannot upgrade the default-domain opset 11 → 13: .*local functions/);
  assert.deepEqual((r.skipped as { reason: string }[]).map((s) => s.reason), ["per-channel weight-only Conv needs DequantizeLinear's axis (opset 13); the model imports opset 11"]);
  assert.equal(refused.opsetImport[0]!.version, 11, 'unchanged');
  assert.equal(quantizeInt8(conv(11), options(false)).details.quantizedNodes, 1);
  assert.equal(quantizeInt8(conv(11), options(false)).details.opsetUpgrade, undefined, 'per-tensor needs no upgrade');
  assert.equal(quantizeInt8(conv(13), options(true)).details.quantizedNodes, 1);
  assert.throws(() => parseInt8Options({ 'conv-mode': 'fast' }), /conv-mode/);
});

test('Conv is per-channel unless per-channel is set: weights whose channels differ 1000× in scale keep every channel', async () => {
  // As after folding a BatchNormalization: output channel c scaled by 10^(−3c/7), so one scale for the
  // tensor leaves the small channels no levels at all.
  const w = randomFloats(8 * 4 * 9, 5).map((v, i) => v * 10 ** (-3 * Math.floor(i / 36) / 7));
  const conv = () => model(graph({
    node: [node('Conv', ['x', 'W'], ['y'], { kernel_shape: [3, 3] })],
    input: [valueInfo('x', F, [1, 4, 8, 8])], output: [valueInfo('y', F, [1, 8, 6, 6])],
    initializer: [floatTensor('W', [8, 4, 3, 3], w)],
  }), 13);
  const base = { ops: ['Conv'], 'conv-mode': 'weight-only', 'min-elements': 0 };
  assert.equal(parseInt8Options(base).convPerChannel, true);
  assert.equal(parseInt8Options(base).perChannel, false, 'MatMul and Gemm stay per-tensor by default');
  assert.equal(parseInt8Options({ ...base, 'per-channel': false }).convPerChannel, false);
  assert.equal(parseInt8Options({ 'weight-type': 'uint8' }).convPerChannel, false, 'ConvInteger takes no per-channel uint8 zero points');
  const x = floatTensor('x', [1, 4, 8, 8], randomFloats(256, 6));
  const fp32 = encodeModel(conv());
  const perChannel = conv();
  quantizeInt8(perChannel, parseInt8Options(base));
  const dq = perChannel.graph!.node.find((n) => n.opType === 'DequantizeLinear')!;
  assert.deepEqual(dq.attribute.map((a) => [a.name, Number(a.i)]), [['axis', 0]]);
  const perTensor = conv();
  quantizeInt8(perTensor, parseInt8Options({ ...base, 'per-channel': false }));
  // Per output channel: the cosine of the smallest channel's outputs.
  const channel = async (bytes: Uint8Array) => float32Values(Object.values(await runOrt(bytes, { x }))[0]!).slice(7 * 36);
  const want = await channel(fp32);
  const [pc, pt] = [cosine(want, await channel(encodeModel(perChannel))), cosine(want, await channel(encodeModel(perTensor)))];
  assert.ok(pc >= 0.999, `per-channel: smallest channel cosine ${pc}`);
  assert.ok(!(pt >= 0.9), `per-tensor loses it: ${pt}`);
});
