/**
 * dedup: structure after the stage, and bit-identical onnxruntime outputs before and after, on models
 * built here (each one a trap: shadowing, graph inputs, graph outputs, dtype reinterpretations) and on
 * the real exported fixtures.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import { decodeTensor } from '../src/onnx/codec.js';
import { DataType, ORT_TYPE } from '../src/onnx/dtype.js';
import { loadModel, saveModel } from '../src/onnx/model-io.js';
import { tensorBytes, makeTensor } from '../src/onnx/tensor.js';
import type { GraphProto, ModelProto, TensorProto } from '../src/onnx/types.js';
import { analyzeDuplicates, dedupStage, type DedupDetails } from '../src/stages/dedup.js';
import { isTransposeOf } from '../src/stages/dedup-transpose.js';
import { floatTensor, graph, int64Tensor, model, node, randomFloats, valueInfo } from './helpers/builder.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'dedup-test-'));
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));
let files = 0;

const F = DataType.FLOAT;
const floats = (name: string, dims: number[], seed: number) =>
  floatTensor(name, dims, randomFloats(dims.reduce((a, b) => a * b, 1), seed));

type Feeds = Record<string, ort.Tensor>;

/** Typed array of an ORT type over a copy of `bytes` (aligned). */
function ortTensor(type: string, dims: number[], bytes: Uint8Array): ort.Tensor {
  const buf = new Uint8Array(bytes).buffer;
  const arrays: Record<string, (b: ArrayBuffer) => ort.Tensor['data']> = {
    float32: (b) => new Float32Array(b), int64: (b) => new BigInt64Array(b), int32: (b) => new Int32Array(b),
    bool: (b) => new Uint8Array(b), uint8: (b) => new Uint8Array(b), float64: (b) => new Float64Array(b),
  };
  const make = arrays[type];
  if (!make) throw new Error(`test helper: no ORT array for ${type}`);
  return new ort.Tensor(type as 'float32', make(buf) as Float32Array, dims);
}

const fromProto = (t: TensorProto) => ortTensor(ORT_TYPE[t.dataType!]!, t.dims, tensorBytes(t));

async function run(file: string, feeds: Feeds): Promise<Record<string, { type: string; dims: readonly number[]; bytes: Buffer }>> {
  const session = await ort.InferenceSession.create(file);
  try {
    const out = await session.run(feeds);
    return Object.fromEntries(Object.entries(out).map(([name, t]) => {
      const d = t.data as Float32Array;
      return [name, { type: t.type, dims: t.dims, bytes: Buffer.from(d.buffer, d.byteOffset, d.byteLength) }];
    }));
  } finally {
    await session.release();
  }
}

function save(m: ModelProto): string {
  const file = path.join(tmp, `m${files++}.onnx`);
  saveModel(m, file);
  return file;
}

/** Saves `m`, dedups it in place, saves again; returns both files and the stage details. */
async function dedup(m: ModelProto): Promise<{ before: string; after: string; details: DedupDetails }> {
  const before = save(m);
  const analysis = analyzeDuplicates(m);
  const outcome = await dedupStage({}).run(m, { tmpDir: tmp, log: () => {} });
  const details = outcome.details as unknown as DedupDetails;
  assert.equal(details.bytesSaved, analysis.reclaimableBytes, 'stage and analysis agree on bytes');
  assert.equal(details.groups, analysis.groups.length);
  assert.equal(details.transposedTies, analysis.transposedTies.length);
  return { before, after: save(outcome.model), details };
}

/** Outputs of both files are identical bit for bit, for every feed set. */
async function assertSameOutputs(before: string, after: string, feedSets: Feeds[]): Promise<void> {
  for (const feeds of feedSets) {
    const a = await run(before, feeds);
    const b = await run(after, feeds);
    assert.deepEqual(Object.keys(b).sort(), Object.keys(a).sort());
    for (const name of Object.keys(a)) {
      assert.equal(b[name]!.type, a[name]!.type, name);
      assert.deepEqual(b[name]!.dims, a[name]!.dims, name);
      assert.ok(b[name]!.bytes.equals(a[name]!.bytes), `output '${name}' differs`);
    }
  }
}

const names = (g: GraphProto) => g.initializer.map((t) => t.name);
const x44 = () => ({ x: ortTensor('float32', [4, 4], new Uint8Array(randomFloats(16, 99).buffer)) });

// ------------------------------------------------------------------------------------------ merges

test('identical initializers merge into the first; a different one stays', async () => {
  const m = model(graph({
    node: [
      node('MatMul', ['x', 'W1'], ['a']), node('MatMul', ['a', 'W2'], ['b']),
      node('Add', ['b', 'W3'], ['c']), node('Mul', ['c', 'W4'], ['y']),
    ],
    initializer: [floats('W1', [4, 4], 1), floats('W2', [4, 4], 1), floats('W3', [4, 4], 1), floats('W4', [4, 4], 2)],
    input: [valueInfo('x', F, [4, 4])], output: [valueInfo('y', F, [4, 4])],
    valueInfo: [valueInfo('a', F, [4, 4]), valueInfo('W2', F, [4, 4])],
  }));
  const { before, after, details } = await dedup(m);
  assert.deepEqual(names(m.graph!), ['W1', 'W4']);
  assert.deepEqual(m.graph!.node.map((n) => n.input[1]), ['W1', 'W1', 'W1', 'W4']);
  assert.deepEqual(m.graph!.valueInfo.map((v) => v.name), ['a'], 'value_info of a removed name is dropped');
  assert.equal(details.merged, 2);
  assert.deepEqual(details.byKind.initializer, { merged: 2, bytes: 2 * 64 });
  assert.equal(details.bytesSaved, 128);
  await assertSameOutputs(before, after, [x44()]);
});

test('a Constant node equal to an initializer is removed; the initializer is kept', async () => {
  const b = floats('B', [4], 3);
  const m = model(graph({
    node: [
      node('Constant', [], ['C'], { value: { ...floats('', [4], 3) } }),
      node('Add', ['x', 'C'], ['a']), node('Sub', ['a', 'B'], ['y']),
    ],
    initializer: [b],
    input: [valueInfo('x', F, [4, 4])], output: [valueInfo('y', F, [4, 4])],
  }));
  const { before, after, details } = await dedup(m);
  assert.deepEqual(names(m.graph!), ['B']);
  assert.deepEqual(m.graph!.node.map((n) => n.opType), ['Add', 'Sub']);
  assert.deepEqual(m.graph!.node[0]!.input, ['x', 'B']);
  assert.deepEqual(details.byKind.constant, { merged: 1, bytes: 16 });
  await assertSameOutputs(before, after, [x44()]);
});

test('Constant nodes merge across storage forms (value_ints vs an int64 value tensor); the kept one moves first', async () => {
  const m = model(graph({
    node: [
      node('Reshape', ['x', 'S1'], ['a']),
      node('Constant', [], ['S1'], {}, { attribute: [{ ...attrInts('value_ints', [2, 8]) }] }),
      node('Constant', [], ['S2'], { value: int64Tensor('', [2], [2, 8]) }),
      node('Reshape', ['a', 'S2'], ['b']),
      node('Constant', [], ['S3'], { value: int64Tensor('', [2], [8, 2]) }),
      node('Reshape', ['b', 'S3'], ['y']),
    ],
    input: [valueInfo('x', F, [4, 4])], output: [valueInfo('y', F, [8, 2])],
  }));
  // Reshape reads S1 before the Constant defining it: ORT sorts; ours must leave a sorted graph.
  m.graph!.node.unshift(m.graph!.node.splice(1, 1)[0]!);
  const { before, after, details } = await dedup(m);
  const ops = m.graph!.node.map((n) => `${n.opType}:${n.output[0]}`);
  assert.deepEqual(ops, ['Constant:S1', 'Reshape:a', 'Reshape:b', 'Constant:S3', 'Reshape:y']);
  assert.deepEqual(m.graph!.node[2]!.input, ['a', 'S1']);
  assert.deepEqual(details.byKind.constant, { merged: 1, bytes: 16 });
  await assertSameOutputs(before, after, [x44()]);
});

function attrInts(name: string, ints: number[]) {
  return { name, type: 7, ints: ints.map(BigInt), floats: [], strings: [], tensors: [], graphs: [], sparseTensors: [], typeProtos: [] };
}

// ----------------------------------------------------------------------------------- subgraphs

/** If(cond) with a branch computing `x @ W + b` from whatever `then`/`else` define. */
function branch(name: string, out: string, w: string, b: string, parts: Partial<GraphProto>, extraNodes = 0): GraphProto {
  const nodes = parts.node ?? [];
  return graph({
    name, ...parts,
    node: [...nodes.slice(0, nodes.length - extraNodes), node('MatMul', ['x', w], [`${out}_m`]), node('Add', [`${out}_m`, b], [out]), ...nodes.slice(nodes.length - extraNodes)],
    output: [valueInfo(out, F, [4, 4])],
  });
}

test('identical weights in both branches of an If are lifted to the graph holding the If', async () => {
  const thenG = branch('then', 't_y', 'tW', 'tb', { initializer: [floats('tW', [4, 4], 5), floats('tb', [4], 6)], node: [] });
  const elseG = branch('else', 'e_y', 'eW', 'eb', {
    node: [
      node('Constant', [], ['eW'], { value: floats('', [4, 4], 5) }),
      node('Constant', [], ['eb'], { value: floats('', [4], 7) }),
    ],
  });
  const m = model(graph({
    node: [node('If', ['cond'], ['y'], { then_branch: thenG, else_branch: elseG })],
    input: [valueInfo('cond', DataType.BOOL, []), valueInfo('x', F, [4, 4])], output: [valueInfo('y', F, [4, 4])],
  }));
  const { before, after, details } = await dedup(m);
  assert.deepEqual(names(m.graph!), ['tW_shared'], 'one copy, in the main graph, under a fresh name');
  assert.deepEqual(names(thenG), ['tb']);
  assert.deepEqual(elseG.node.map((n) => n.opType), ['Constant', 'MatMul', 'Add']);
  assert.equal(thenG.node[0]!.input[1], 'tW_shared');
  assert.equal(elseG.node[1]!.input[1], 'tW_shared');
  assert.equal(details.liftedTensors, 1);
  assert.deepEqual(details.byKind.lifted, { merged: 1, bytes: 64 });
  const cond = (v: boolean) => ortTensor('bool', [], Uint8Array.of(v ? 1 : 0));
  await assertSameOutputs(before, after, [{ ...x44(), cond: cond(true) }, { ...x44(), cond: cond(false) }]);
});

test('copies in two branches of an inner If are lifted only as far as that inner If\'s graph', async () => {
  const innerThen = branch('it', 'it_y', 'iW1', 'ib', { initializer: [floats('iW1', [4, 4], 8), floats('ib', [4], 9)], node: [] });
  const innerElse = branch('ie', 'ie_y', 'iW2', 'ib', { initializer: [floats('iW2', [4, 4], 8)], node: [] });
  const outerThen = graph({
    name: 'outer_then',
    node: [node('If', ['cond'], ['ot_y'], { then_branch: innerThen, else_branch: innerElse })],
    initializer: [floats('ib', [4], 9)],
    output: [valueInfo('ot_y', F, [4, 4])],
  });
  const outerElse = graph({ name: 'outer_else', node: [node('Identity', ['x'], ['oe_y'])], output: [valueInfo('oe_y', F, [4, 4])] });
  const m = model(graph({
    node: [node('If', ['cond'], ['y'], { then_branch: outerThen, else_branch: outerElse })],
    input: [valueInfo('cond', DataType.BOOL, []), valueInfo('x', F, [4, 4])], output: [valueInfo('y', F, [4, 4])],
  }));
  const { before, after, details } = await dedup(m);
  assert.deepEqual(names(m.graph!), []);
  assert.deepEqual(names(outerThen).sort(), ['iW1_shared', 'ib'], 'lifted into the nearest enclosing graph');
  assert.deepEqual([names(innerThen), names(innerElse)], [[], []], 'inner ib shadowed the outer ib; equal bytes, so it goes');
  assert.equal(innerThen.node[1]!.input[1], 'ib');
  assert.equal(details.merged, 2);
  const cond = (v: boolean) => ortTensor('bool', [], Uint8Array.of(v ? 1 : 0));
  await assertSameOutputs(before, after, [{ ...x44(), cond: cond(true) }, { ...x44(), cond: cond(false) }]);
});

test('a subgraph-local name that shadows an outer name keeps its own value', async () => {
  // Main: X and Y are equal (bytes A); U and W are equal (bytes C). The then-branch defines its own X
  // (bytes B) and its own U (bytes D). Keeping X would rename Y→X, and the branch's reads of Y would
  // then see the branch's X: the stage must keep Y instead. Renaming W→U must not enter the branch.
  const thenG = graph({
    name: 'then',
    node: [
      node('Add', ['x', 'X'], ['t1']), node('Add', ['t1', 'Y'], ['t2']),
      node('Add', ['t2', 'U'], ['t3']), node('Add', ['t3', 'W'], ['t_y']),
    ],
    initializer: [floats('X', [4], 12), floats('U', [4], 13)],
    output: [valueInfo('t_y', F, [4, 4])],
  });
  const elseG = graph({
    name: 'else',
    node: [node('Add', ['x', 'X'], ['e1']), node('Add', ['e1', 'W'], ['e_y'])],
    output: [valueInfo('e_y', F, [4, 4])],
  });
  const m = model(graph({
    node: [node('If', ['cond'], ['y'], { then_branch: thenG, else_branch: elseG }), node('Mul', ['y', 'U'], ['z'])],
    initializer: [floats('X', [4], 10), floats('Y', [4], 10), floats('U', [4], 11), floats('W', [4], 11)],
    input: [valueInfo('cond', DataType.BOOL, []), valueInfo('x', F, [4, 4])], output: [valueInfo('z', F, [4, 4])],
  }));
  const { before, after } = await dedup(m);
  assert.deepEqual(names(m.graph!), ['Y', 'U']);
  assert.deepEqual(thenG.node.map((n) => n.input[1]), ['X', 'Y', 'U', 'U'], 'branch-local X and U untouched; W now reads outer U? no: shadowed');
  assert.deepEqual(elseG.node.map((n) => n.input[1]), ['Y', 'U']);
  const cond = (v: boolean) => ortTensor('bool', [], Uint8Array.of(v ? 1 : 0));
  await assertSameOutputs(before, after, [{ ...x44(), cond: cond(true) }, { ...x44(), cond: cond(false) }]);
});
