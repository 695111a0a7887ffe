/**
 * The fp16 stage on the ops where a naive float32 → float16 rewrite gives a model onnxruntime cannot
 * load or run. Each case was found by running the stage over the ONNX backend test suite
 * (`npm run conformance -- --lossy`); here each is built in code and run in onnxruntime-node next to
 * its original, so the test says what goes in and what must come out.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import { convertFloatTensor, feedsFor, inputTypes } from '../src/runtime/feed-types.js';
import type { NamedTensor } from '../src/runtime/named-tensor.js';
import { compareModels } from '../src/pipeline/compare.js';
import { decodeModel, encodeModel } from '../src/onnx/codec.js';
import { DataType } from '../src/onnx/dtype.js';
import type { ModelProto, NodeProto } from '../src/onnx/types.js';
import { fromFloat16Bits } from '../src/stages/fp16-numerics.js';
import { fp16Stage } from '../src/stages/fp16.js';
import { floatTensor, graph, int64Tensor, model, node, randomFloats, valueInfo } from './helpers/builder.js';
import { FIXTURES } from './helpers/fixture-parity.js';
import { loadModel } from '../src/onnx/model-io.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'onnx-diet-fp16-ops-'));
const ctx = { tmpDir: tmp, log: () => {} };

/** Float values of an ORT output (float16 widened). */
function values(t: ort.Tensor): number[] {
  return t.type === 'float16' ? Array.from(t.data as Uint16Array, fromFloat16Bits) : Array.from(t.data as ArrayLike<number>, Number);
}

/** A feed in the type the session declares (float16 inputs of a model without keep-io-types). */
function feedFor(s: ort.InferenceSession, name: string, v: Float32Array, dims: number[]): ort.Tensor {
  const meta = s.inputMetadata.find((m) => m.name === name)!;
  if (meta.isTensor && meta.type === 'float16') {
    const c = convertFloatTensor({ name, type: 'float32', dims, data: new Uint8Array(v.buffer) }, 'float16');
    return new ort.Tensor('float16', new Uint16Array((c.data as Uint8Array).slice().buffer), dims);
  }
  return new ort.Tensor('float32', v, dims);
}

/**
 * Runs `m` and its fp16 conversion on the same float input `x` and returns both results per output;
 * asserts onnxruntime loads and runs the converted model and the outputs keep their shapes.
 */
async function bothRuns(m: ModelProto, x: Float32Array, dims: number[], options: Record<string, unknown> = {}) {
  const before = encodeModel(m);
  const half = decodeModel(before);
  const { details } = await fp16Stage(options).run(half, ctx);
  const after = encodeModel(half);
  const sessions = [await ort.InferenceSession.create(before), await ort.InferenceSession.create(after)];
  const [a, b] = await Promise.all(sessions.map((s) => s.run({ x: feedFor(s, 'x', x, dims) })));
  for (const name of Object.keys(a!)) assert.deepEqual(b![name]!.dims, a![name]!.dims, name);
  return { original: a!, converted: b!, model: decodeModel(after), details, types: Object.fromEntries(Object.entries(b!).map(([k, v]) => [k, v.type])) };
}

function assertClose(a: number[], b: number[], tol: number, what: string) {
  assert.equal(a.length, b.length, what);
  a.forEach((v, i) => assert.ok(Math.abs(v - b[i]!) <= tol * Math.max(1, Math.abs(v)), `${what}[${i}]: ${v} vs ${b[i]}`));
}

/** The node that computes `output` in the converted model. */
const producer = (m: ModelProto, output: string): NodeProto => m.graph!.node.find((n) => n.output.includes(output))!;
/** The Cast feeding input `i` of `n`, if any: a blocked node reads float32 through one. */
const castTo = (m: ModelProto, n: NodeProto, i: number): bigint | undefined => {
  const p = producer(m, n.input[i]!);
  return p?.opType === 'Cast' ? p.attribute[0]!.i : undefined;
};

const x = randomFloats(12, 7, 2);

test('Celu (float32 only in every opset) computes in float32 between Casts', async () => {
  const m = model(graph({
    node: [node('Mul', ['x', 'w'], ['h']), node('Celu', ['h'], ['y'], { alpha: { float: 1.5 } }, { name: 'celu' })],
    input: [valueInfo('x', DataType.FLOAT, [3, 4])], output: [valueInfo('y', DataType.FLOAT, [3, 4])],
    initializer: [floatTensor('w', [4], [0.5, -1, 2, 0.25])],
  }), 13);
  const r = await bothRuns(m, x, [3, 4]);
  const celu = producer(r.model, 'y'); // a float32 output: Celu writes it directly
  assert.equal(celu.opType, 'Celu');
  assert.equal(castTo(r.model, celu, 0), BigInt(DataType.FLOAT)); // Mul ran in float16
  assertClose(values(r.original.y!), values(r.converted.y!), 2e-3, 'y');
});

test('IsInf is blocked before opset 20 (float/double only) and converted from 20 on', async () => {
  for (const opset of [13, 20]) {
    const m = model(graph({
      node: [node('Mul', ['x', 'w'], ['h']), node('IsInf', ['h'], ['y'], {}, { name: 'isinf' })],
      input: [valueInfo('x', DataType.FLOAT, [3, 4])], output: [valueInfo('y', DataType.BOOL, [3, 4])],
      initializer: [floatTensor('w', [1], [2])],
    }), opset);
    const r = await bothRuns(m, x, [3, 4]);
    const isinf = r.model.graph!.node.find((n) => n.opType === 'IsInf')!;
    assert.equal(castTo(r.model, isinf, 0), opset < 20 ? BigInt(DataType.FLOAT) : undefined, `opset ${opset}`);
    assert.deepEqual(Array.from(r.converted.y!.data as Uint8Array), Array.from(r.original.y!.data as Uint8Array), `opset ${opset}`);
  }
});

test('ScatterND with a reduction stays float32 (onnxruntime refuses float16 there); without one it converts', async () => {
  for (const reduction of ['add', 'none']) {
    const m = model(graph({
      node: [node('ScatterND', ['x', 'idx', 'upd'], ['y'], reduction === 'none' ? {} : { reduction }, { name: 'scatter' })],
      input: [valueInfo('x', DataType.FLOAT, [3, 4])], output: [valueInfo('y', DataType.FLOAT, [3, 4])],
      initializer: [int64Tensor('idx', [2, 1], [0, 2]), floatTensor('upd', [2, 4], [1, 2, 3, 4, 5, 6, 7, 8])],
    }), 16);
    const r = await bothRuns(m, x, [3, 4]);
    const scatter = r.model.graph!.node.find((n) => n.opType === 'ScatterND')!;
    // Blocked: it reads the float32 input x itself; converted: through the entry Cast to float16.
    assert.equal(scatter.input[0], reduction === 'add' ? 'x' : 'x_fp16', reduction);
    assert.equal(castTo(r.model, scatter, 0), reduction === 'add' ? undefined : BigInt(DataType.FLOAT16), reduction);
    assert.equal(r.model.graph!.initializer.find((t) => t.name === 'upd')!.dataType, reduction === 'add' ? DataType.FLOAT : DataType.FLOAT16, reduction);
    assertClose(values(r.original.y!), values(r.converted.y!), 2e-3, reduction);
  }
});

test('sequences stay float32: the sequence ops compute between Casts, If passes a sequence through unchanged', async () => {
  const branch = (name: string, pick: number) => graph({
    name, node: [node('SequenceAt', ['seq', `k${pick}`], [`${name}_out`], {}, { name: `${name}_at` })],
    output: [valueInfo(`${name}_out`, DataType.FLOAT)],
    initializer: [int64Tensor(`k${pick}`, [], [pick])],
  });
  const m = model(graph({
    node: [
      node('Mul', ['x', 'w'], ['h']),
      node('SequenceConstruct', ['h', 'x'], ['seq'], {}, { name: 'construct' }),
      node('ReduceSum', ['x'], ['total'], { keepdims: 0 }),
      node('Greater', ['total', 'zero'], ['cond']),
      node('If', ['cond'], ['picked'], { then_branch: branch('then', 0), else_branch: branch('else', 1) }, { name: 'if' }),
      node('Add', ['picked', 'w'], ['y']),
    ],
    input: [valueInfo('x', DataType.FLOAT, [3, 4])], output: [valueInfo('y', DataType.FLOAT, [3, 4])],
    initializer: [floatTensor('w', [4], [0.5, -1, 2, 0.25]), floatTensor('zero', [], [0])],
  }), 17);
  const r = await bothRuns(m, x, [3, 4]);
  const construct = r.model.graph!.node.find((n) => n.opType === 'SequenceConstruct')!;
  assert.equal(castTo(r.model, construct, 0), BigInt(DataType.FLOAT));
  assertClose(values(r.original.y!), values(r.converted.y!), 2e-3, 'y');
});

test('an opset-1 model is moved to opset 11 for its Casts (Cast-1 takes a string); one with an op that changed meaning is left as it is', async () => {
  const softplus = model(graph({
    node: [node('Softplus', ['x'], ['y'])],
    input: [valueInfo('x', DataType.FLOAT, [3, 4])], output: [valueInfo('y', DataType.FLOAT, [3, 4])],
  }), 1);
  softplus.irVersion = 3;
  const r = await bothRuns(softplus, x, [3, 4]);
  assert.deepEqual(r.model.opsetImport.map((o) => o.version), [11]);
  assertClose(values(r.original.y!), values(r.converted.y!), 2e-3, 'y');

  // Upsample-1 became Upsample-7 with other inputs: moving the opset would change the model's meaning.
  const upsample = model(graph({
    node: [node('Upsample', ['x'], ['y'], { height_scale: { float: 2 }, width_scale: { float: 2 } })],
    input: [valueInfo('x', DataType.FLOAT, [1, 1, 3, 4])], output: [valueInfo('y', DataType.FLOAT, [1, 1, 6, 8])],
  }), 1);
  upsample.irVersion = 3;
  const bytes = encodeModel(upsample);
  const m = decodeModel(bytes);
  const { details } = await fp16Stage({}).run(m, ctx);
  assert.match(String(details.notApplied), /^opset 1 < 11 and Upsample changed meaning by opset 11; re-export with opset ≥ 11$/);
  assert.deepEqual(encodeModel(m), bytes);
});

test('a model without float values is left alone (no opset move, no Casts)', async () => {
  const m = model(graph({
    node: [node('Not', ['x'], ['y'])],
    input: [valueInfo('x', DataType.BOOL, [3])], output: [valueInfo('y', DataType.BOOL, [3])],
  }), 1);
  const bytes = encodeModel(m);
  const half = decodeModel(bytes);
  await fp16Stage({}).run(half, ctx);
  assert.deepEqual(encodeModel(half), bytes);
});

test('keep-io-types: false: LayerNormalization\'s float32 Mean is cast, and ops whose output type defaults to float32 are told float16', async () => {
  const m = model(graph({
    node: [
      node('LayerNormalization', ['x', 'gamma', 'beta'], ['y', 'mean'], { axis: -1 }, { name: 'ln' }),
      node('Shape', ['x'], ['shape']),
      node('ConstantOfShape', ['shape'], ['zeros']), // no value: float32 zeros
      node('Add', ['y', 'zeros'], ['y2']),
      node('HannWindow', ['four'], ['window']), // no output_datatype: float32
      node('Mul', ['y2', 'window'], ['out']),
    ],
    input: [valueInfo('x', DataType.FLOAT, [3, 4])],
    output: [valueInfo('out', DataType.FLOAT, [3, 4]), valueInfo('mean', DataType.FLOAT, [3, 1])],
    initializer: [floatTensor('gamma', [4], [1, 2, 0.5, 1]), floatTensor('beta', [4], [0, 0.1, 0, -0.1]), int64Tensor('four', [], [4])],
  }), 17);
  const r = await bothRuns(m, x, [3, 4], { 'keep-io-types': false });
  assert.deepEqual(r.types, { out: 'float16', mean: 'float16' });
  assert.equal(producer(r.model, 'mean').opType, 'Cast'); // from LayerNormalization's float32 statistic
  assertClose(values(r.original.out!), values(r.converted.out!), 5e-3, 'out');
  assertClose(values(r.original.mean!), values(r.converted.mean!), 2e-3, 'mean');
});

test('quantized ops keep float32 scales: QLinearMatMul is blocked', async () => {
  const m = model(graph({
    node: [
      node('QuantizeLinear', ['x', 'xs', 'xz'], ['xq']),
      node('QLinearMatMul', ['xq', 'xs', 'xz', 'wq', 'ws', 'wz', 'ys', 'yz'], ['yq'], {}, { name: 'qmm' }),
      node('DequantizeLinear', ['yq', 'ys', 'yz'], ['y']),
    ],
    input: [valueInfo('x', DataType.FLOAT, [3, 4])], output: [valueInfo('y', DataType.FLOAT, [3, 2])],
    initializer: [
      floatTensor('xs', [], [0.02]), { ...int64Tensor('xz', [], [0]), dataType: DataType.UINT8, rawData: new Uint8Array([128]) },
      { ...int64Tensor('wq', [4, 2], [0]), dataType: DataType.UINT8, dims: [4, 2], rawData: new Uint8Array([130, 120, 140, 110, 128, 128, 150, 100]) },
      floatTensor('ws', [], [0.05]), { ...int64Tensor('wz', [], [0]), dataType: DataType.UINT8, rawData: new Uint8Array([128]) },
      floatTensor('ys', [], [0.01]), { ...int64Tensor('yz', [], [0]), dataType: DataType.UINT8, rawData: new Uint8Array([128]) },
    ],
  }), 13);
  const r = await bothRuns(m, x, [3, 4]);
  for (const s of ['xs', 'ws', 'ys']) assert.equal(r.model.graph!.initializer.find((t) => t.name === s)!.dataType, DataType.FLOAT, s);
  assert.equal(castTo(r.model, r.model.graph!.node.find((n) => n.opType === 'QLinearMatMul')!, 0), undefined); // uint8 in, no Cast
  assert.deepEqual(values(r.converted.y!), values(r.original.y!)); // all float32/uint8 end to end: bit for bit
});

test('feedsFor converts float feeds to the float type a model declares, once per sample; other types pass through', () => {
  const f32 = (v: number[]): NamedTensor => ({ name: 'x', type: 'float32', dims: [v.length], data: new Uint8Array(Float32Array.from(v).buffer) });
  const ids: NamedTensor = { name: 'ids', type: 'int64', dims: [1], data: new Uint8Array(8) };
  const x32 = f32([1, 0.1, -2, 70000]);
  const [half, same] = feedsFor([x32, ids], inputTypes([{ name: 'x', isTensor: true, type: 'float16', dims: [4] }, { name: 'ids', isTensor: true, type: 'int64', dims: [1] }]));
  assert.equal(half!.type, 'float16');
  // fp16 bits by hand: 1 = 0x3c00; 0.1 → 0x2e66 (nearest); −2 = 0xc000; 70000 > 65504 → +inf 0x7c00
  assert.deepEqual(Array.from(new Uint16Array((half!.data as Uint8Array).slice().buffer)), [0x3c00, 0x2e66, 0xc000, 0x7c00]);
  assert.equal(same, ids);
  assert.equal(feedsFor([x32], inputTypes([{ name: 'x', isTensor: true, type: 'float16', dims: [4] }]))[0], half, 'converted once');
  assert.equal(feedsFor([x32], inputTypes([{ name: 'x', isTensor: true, type: 'float32', dims: [4] }]))[0], x32);
});

test('parity of an fp16 model without keep-io-types: float16 inputs fed, float16 outputs compared by value', async () => {
  const src = path.join(FIXTURES, 'cnn-tiny.onnx');
  const half = loadModel(src).model;
  await fp16Stage({ 'keep-io-types': false }).run(half, ctx);
  const file = path.join(tmp, 'cnn-tiny.fp16.onnx');
  writeFileSync(file, encodeModel(half));
  assert.equal(half.graph!.input[0]!.type!.tensorType!.elemType, DataType.FLOAT16);
  const report = await compareModels(src, file, { parity: { inputs: 'auto', samples: 2, seed: 0, dims: {}, thresholds: { where: {} }, outputs: {} }, latency: false });
  const p = report.models[0]!.parity!;
  assert.equal(p.error, undefined);
  assert.equal(p.passed, true, JSON.stringify(p));
  assert.ok(p.outputs[0]!.cosine > 0.999 && p.outputs[0]!.maxAbs > 0, JSON.stringify(p.outputs[0]));
});

test('Cast pairs the stage would leave between float32 places are cut: blocked ops at the boundary and back to back run in float32, bit for bit', async () => {
  // y = Min(Max(x, lo), hi) · w + b: Max and Min are blocked (onnxconverter-common's list); x comes in and
  // meets Max in float32; Max feeds Min in float32; only Min → Mul crosses into float16.
  const m = model(graph({
    node: [
      node('Max', ['x', 'lo'], ['a'], {}, { name: 'max' }), node('Min', ['a', 'hi'], ['c'], {}, { name: 'min' }),
      node('Mul', ['c', 'w'], ['d']), node('Add', ['d', 'b'], ['y']), node('Max', ['c', 'lo'], ['z'], {}, { name: 'max2' }),
    ],
    input: [valueInfo('x', DataType.FLOAT, [3, 4])],
    output: [valueInfo('y', DataType.FLOAT, [3, 4]), valueInfo('z', DataType.FLOAT, [3, 4])],
    initializer: [floatTensor('lo', [1], [-1]), floatTensor('hi', [1], [1.5]), floatTensor('w', [4], [0.5, 2, -1, 3]), floatTensor('b', [4], [0.1, 0.2, 0.3, 0.4])],
  }), 13);
  const r = await bothRuns(m, x, [3, 4]);
  // One Cast into float16 (for Mul), one back out for y; Max, Min and max2 read and write float32 directly.
  assert.deepEqual(r.model.graph!.node.map((n) => n.opType), ['Max', 'Min', 'Cast', 'Mul', 'Add', 'Max', 'Cast']);
  assert.deepEqual(producer(r.model, 'z').name, 'max2', 'z is written by max2 itself, no Cast round trip');
  assert.deepEqual(Array.from(r.converted.z!.data as Float32Array), Array.from(r.original.z!.data as Float32Array), 'z is bit-identical');
  assertClose(values(r.original.y!), values(r.converted.y!), 2e-3, 'y');
  assert.equal(r.details.castsInserted, 2);
});
