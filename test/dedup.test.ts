/**
 * dedup: structure after the stage, and bit-identical onnxruntime outputs before and after, on models
 * built here (each one a trap: shadowing, graph inputs, graph outputs, dtype reinterpretations) and on
 * the real exported fixtures.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import { DataType } from '../src/onnx/dtype.js';
import { loadModel, saveModel } from '../src/onnx/model-io.js';
import { makeTensor } from '../src/onnx/tensor.js';
import type { GraphProto, ModelProto, TensorProto } from '../src/onnx/types.js';
import { analyzeDuplicates, dedupStage, type DedupDetails } from '../src/stages/dedup.js';
import { isTransposeOf } from '../src/stages/dedup-transpose.js';
import { floatTensor, graph, int64Tensor, model, node, randomFloats, valueInfo } from './helpers/builder.js';
import { FIXTURES } from './helpers/fixture-parity.js';
import { runOrt, testInputSets, type Feeds } from './helpers/ort-run.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'dedup-test-'));
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));
let files = 0;

const F = DataType.FLOAT;
const floats = (name: string, dims: number[], seed: number) =>
  floatTensor(name, dims, randomFloats(dims.reduce((a, b) => a * b, 1), seed));

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
    const a = await runOrt(before, feeds);
    const b = await runOrt(after, feeds);
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
  const innerThen = branch('it', 'it_y', 'iW1', 'ob', { initializer: [floats('iW1', [4, 4], 8)], node: [] });
  const innerElse = branch('ie', 'ie_y', 'iW2', 'ob', { initializer: [floats('iW2', [4, 4], 8)], node: [] });
  const outerThen = graph({
    name: 'outer_then',
    node: [node('If', ['cond'], ['ot_y'], { then_branch: innerThen, else_branch: innerElse })],
    initializer: [floats('ob', [4], 9)],
    output: [valueInfo('ot_y', F, [4, 4])],
  });
  const outerElse = graph({ name: 'outer_else', node: [node('Identity', ['x'], ['oe_y'])], output: [valueInfo('oe_y', F, [4, 4])] });
  const m = model(graph({
    node: [node('If', ['cond'], ['y'], { then_branch: outerThen, else_branch: outerElse })],
    input: [valueInfo('cond', DataType.BOOL, []), valueInfo('x', F, [4, 4])], output: [valueInfo('y', F, [4, 4])],
  }));
  const { before, after, details } = await dedup(m);
  assert.deepEqual(names(m.graph!), []);
  assert.deepEqual(names(outerThen), ['ob', 'iW1_shared'], 'lifted into the nearest enclosing graph');
  assert.deepEqual([names(innerThen), names(innerElse)], [[], []]);
  assert.deepEqual([innerThen.node[0]!.input, innerElse.node[0]!.input], [['x', 'iW1_shared'], ['x', 'iW1_shared']]);
  assert.equal(details.merged, 1);
  const cond = (v: boolean) => ortTensor('bool', [], Uint8Array.of(v ? 1 : 0));
  await assertSameOutputs(before, after, [{ ...x44(), cond: cond(true) }, { ...x44(), cond: cond(false) }]);
});

test('a subgraph-local name that shadows an outer name is left alone; other copies still merge', async () => {
  // Main: X and Y are equal, P and Q are equal. The then-branch defines its own X (other bytes). onnx's
  // checker forbids such shadowing and onnxruntime resolves it inconsistently (here the branch's X
  // loses to the outer X), so neither X may be renamed or removed; Y has no partner left, P and Q merge.
  const thenG = graph({
    name: 'then',
    node: [
      node('Add', ['x', 'X'], ['t1']), node('Add', ['t1', 'Y'], ['t2']),
      node('Add', ['t2', 'P'], ['t3']), node('Add', ['t3', 'Q'], ['t_y']),
    ],
    initializer: [floats('X', [4], 12)],
    output: [valueInfo('t_y', F, [4, 4])],
  });
  const elseG = graph({
    name: 'else',
    node: [node('Add', ['x', 'X'], ['e1']), node('Add', ['e1', 'Q'], ['e_y'])],
    output: [valueInfo('e_y', F, [4, 4])],
  });
  const m = model(graph({
    node: [node('If', ['cond'], ['y'], { then_branch: thenG, else_branch: elseG }), node('Mul', ['y', 'Q'], ['z'])],
    initializer: [floats('X', [4], 10), floats('Y', [4], 10), floats('P', [4], 11), floats('Q', [4], 11)],
    input: [valueInfo('cond', DataType.BOOL, []), valueInfo('x', F, [4, 4])], output: [valueInfo('z', F, [4, 4])],
  }));
  const { before, after, details } = await dedup(m);
  assert.deepEqual(names(m.graph!), ['X', 'Y', 'P']);
  assert.deepEqual(names(thenG), ['X']);
  assert.deepEqual(thenG.node.map((n) => n.input[1]), ['X', 'Y', 'P', 'P']);
  assert.deepEqual(elseG.node.map((n) => n.input[1]), ['X', 'P']);
  assert.deepEqual(m.graph!.node[1]!.input, ['y', 'P']);
  assert.equal(details.merged, 1);
  const cond = (v: boolean) => ortTensor('bool', [], Uint8Array.of(v ? 1 : 0));
  await assertSameOutputs(before, after, [{ ...x44(), cond: cond(true) }, { ...x44(), cond: cond(false) }]);
});

test('a Constant in a Loop body equal to an outer initializer is removed; the body reads the outer copy', async () => {
  const body = graph({
    name: 'body',
    node: [
      node('Constant', [], ['Wb'], { value: floats('', [4], 60) }),
      node('Identity', ['cond_in'], ['cond_out']),
      node('Add', ['acc', 'Wb'], ['acc_out']),
    ],
    input: [valueInfo('i', DataType.INT64, []), valueInfo('cond_in', DataType.BOOL, []), valueInfo('acc', F, [4, 4])],
    output: [valueInfo('cond_out', DataType.BOOL, []), valueInfo('acc_out', F, [4, 4])],
  });
  const m = model(graph({
    node: [node('Add', ['x', 'W'], ['x1']), node('Loop', ['M', '', 'x1'], ['y'], { body })],
    initializer: [floats('W', [4], 60), int64Tensor('M', [], [3])],
    input: [valueInfo('x', F, [4, 4])], output: [valueInfo('y', F, [4, 4])],
  }));
  const { before, after, details } = await dedup(m);
  assert.deepEqual(body.node.map((n) => n.opType), ['Identity', 'Add']);
  assert.deepEqual(body.node[1]!.input, ['acc', 'W']);
  assert.deepEqual(details.byKind.constant, { merged: 1, bytes: 16 });
  await assertSameOutputs(before, after, [x44()]);
});

test('many same-shaped payloads that agree on sampled bytes are still told apart byte for byte', () => {
  // 12 different uint8 [1024] payloads differing only at bytes 1 and 1000 (never sampled by the
  // fingerprint), 3 copies of each: past the direct-compare limit the rest are bucketed by hash.
  const payload = (v: number) => {
    const b = new Uint8Array(1024);
    b[1] = v;
    b[1000] = 255 - v;
    return b;
  };
  const inits: TensorProto[] = [];
  for (let copy = 0; copy < 3; copy++) for (let v = 0; v < 12; v++) inits.push(makeTensor(`u${v}_${copy}`, DataType.UINT8, [1024], payload(v)));
  const m = model(graph({ node: [], initializer: inits, input: [], output: [] }));
  const { groups } = analyzeDuplicates(m);
  assert.equal(groups.length, 12);
  for (const g of groups) {
    assert.equal(g.count, 3);
    const v = g.names[0]!.split('_')[0];
    assert.deepEqual(g.names, [`${v}_0`, `${v}_1`, `${v}_2`]);
  }
});

test('IR 3 (initializers must be graph inputs): copies merge into an existing Constant, nothing new is lifted', async () => {
  const k = (name: string, seed: number) => node('Constant', [], [name], { value: floats('', [4], seed) });
  const thenG = graph({ name: 'then', node: [k('T', 70), k('TU', 71), node('Add', ['x', 'T'], ['t1']), node('Add', ['t1', 'TU'], ['t_y'])], output: [valueInfo('t_y', F, [4, 4])] });
  const elseG = graph({ name: 'else', node: [k('E', 70), k('EU', 71), node('Sub', ['x', 'E'], ['e1']), node('Sub', ['e1', 'EU'], ['e_y'])], output: [valueInfo('e_y', F, [4, 4])] });
  const m = model(graph({
    node: [
      node('If', ['cond'], ['y0'], { then_branch: thenG, else_branch: elseG }),
      k('C1', 70), node('Mul', ['y0', 'C1'], ['y1']), k('C2', 70), node('Mul', ['y1', 'C2'], ['y']),
    ],
    input: [valueInfo('cond', DataType.BOOL, []), valueInfo('x', F, [4, 4])], output: [valueInfo('y', F, [4, 4])],
  }), 8);
  m.irVersion = 3;
  const { before, after, details } = await dedup(m);
  assert.deepEqual(m.graph!.initializer, []);
  assert.deepEqual(m.graph!.node.map((n) => n.output[0]), ['C1', 'y0', 'y1', 'y']);
  assert.deepEqual(thenG.node.map((n) => n.output[0]), ['TU', 't1', 't_y'], 'TU and EU have no copy in an enclosing graph: kept');
  assert.deepEqual(elseG.node[1]!.input, ['x', 'C1']);
  assert.equal(details.merged, 3);
  const cond = (v: boolean) => ortTensor('bool', [], Uint8Array.of(v ? 1 : 0));
  await assertSameOutputs(before, after, [{ ...x44(), cond: cond(true) }, { ...x44(), cond: cond(false) }]);
});

// ------------------------------------------------------------------------------------- interface

test('a duplicate that is a graph output stays defined: kept, or re-emitted by an Identity', async () => {
  const m = model(graph({
    node: [node('Add', ['x', 'W1'], ['y'])],
    initializer: [floats('W1', [4], 20), floats('O1', [4], 20), floats('O2', [4], 20)],
    input: [valueInfo('x', F, [4, 4])],
    output: [valueInfo('y', F, [4, 4]), valueInfo('O1', F, [4]), valueInfo('O2', F, [4])],
  }));
  const { before, after, details } = await dedup(m);
  assert.deepEqual(names(m.graph!), ['O1'], 'an output name is the copy kept');
  assert.deepEqual(m.graph!.node.map((n) => `${n.opType}(${n.input.join(',')})->${n.output[0]}`), ['Identity(O1)->O2', 'Add(x,O1)->y']);
  assert.deepEqual(m.graph!.output.map((o) => o.name), ['y', 'O1', 'O2']);
  assert.equal(details.identities, 1);
  await assertSameOutputs(before, after, [{ x: x44().x }]);
});

test('an initializer that is also a graph input is an overridable default and is never merged', async () => {
  const m = model(graph({
    node: [node('Add', ['x', 'W1'], ['a']), node('Add', ['a', 'W2'], ['b']), node('Add', ['b', 'W3'], ['y'])],
    initializer: [floats('W1', [4], 30), floats('W2', [4], 30), floats('W3', [4], 31)],
    input: [valueInfo('x', F, [4, 4]), valueInfo('W1', F, [4])],
    output: [valueInfo('y', F, [4, 4])],
  }));
  assert.deepEqual(analyzeDuplicates(m), { groups: [], transposedTies: [], reclaimableBytes: 0 });
  const { before, after, details } = await dedup(m);
  assert.deepEqual(names(m.graph!), ['W1', 'W2', 'W3']);
  assert.equal(details.merged, 0);
  const override = ortTensor('float32', [4], new Uint8Array(Float32Array.of(1, 2, 3, 4).buffer));
  await assertSameOutputs(before, after, [x44(), { ...x44(), W1: override }]);
});

test('different dtype or dims with the same bytes are not merged', async () => {
  const bytes = new Uint8Array(randomFloats(4, 40).buffer);
  const m = model(graph({
    node: [
      node('Add', ['x', 'A'], ['a']), node('Add', ['a', 'B'], ['b']),
      node('Cast', ['I'], ['i'], { to: F }), node('Add', ['b', 'i'], ['y']),
    ],
    initializer: [
      makeTensor('A', F, [4], bytes), makeTensor('B', F, [1, 4], bytes), makeTensor('I', DataType.INT32, [4], bytes),
    ],
    input: [valueInfo('x', F, [4, 4])], output: [valueInfo('y', F, [4, 4])],
  }));
  const { before, after, details } = await dedup(m);
  assert.deepEqual(names(m.graph!), ['A', 'B', 'I']);
  assert.equal(details.merged, 0);
  await assertSameOutputs(before, after, [x44()]);
});

// --------------------------------------------------------------------------------- transposed ties

test('isTransposeOf: exact check for 1-, 2-, 4- and 8-byte elements, aligned or not', () => {
  const x = Uint8Array.of(1, 2, 3, 4, 5, 6); // [2,3] of uint8
  assert.ok(isTransposeOf(x, Uint8Array.of(1, 4, 2, 5, 3, 6), 2, 3, 1));
  assert.ok(!isTransposeOf(x, Uint8Array.of(1, 4, 2, 5, 3, 7), 2, 3, 1));
  const f = randomFloats(12 * 70, 3); // [12,70] floats; compare to a hand-made transpose at an odd offset
  const t = new Float32Array(70 * 12);
  for (let i = 0; i < 12; i++) for (let j = 0; j < 70; j++) t[j * 12 + i] = f[i * 70 + j]!;
  const odd = new Uint8Array(t.byteLength + 1);
  odd.set(new Uint8Array(t.buffer), 1);
  assert.ok(isTransposeOf(new Uint8Array(f.buffer), odd.subarray(1), 12, 70, 4));
  t[69 * 12 + 11] = 0; // last element only: samples miss nothing, the full check must catch it
  assert.ok(!isTransposeOf(new Uint8Array(f.buffer), new Uint8Array(t.buffer), 12, 70, 4));
  // 8-byte elements (word pairs) and 2-byte elements at an odd offset (byte by byte), via a byte-level reference.
  const transposeBytes = (b: Uint8Array, rows: number, cols: number, w: number, pad = 0) => {
    const out = new Uint8Array(b.length + pad);
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) out.set(b.subarray((i * cols + j) * w, (i * cols + j + 1) * w), pad + (j * rows + i) * w);
    return out.subarray(pad);
  };
  const i64 = new Uint8Array(BigInt64Array.from({ length: 30 * 9 }, (_, k) => BigInt(k) * 1_000_003n).buffer);
  const t64 = transposeBytes(i64, 30, 9, 8);
  assert.ok(isTransposeOf(i64, t64, 30, 9, 8));
  t64[t64.length - 3] = t64[t64.length - 3]! ^ 1;
  assert.ok(!isTransposeOf(i64, t64, 30, 9, 8));
  const h = new Uint8Array(randomFloats(70, 4).buffer); // [14,10] of 2-byte elements
  assert.ok(isTransposeOf(h, transposeBytes(h, 14, 10, 2, 1), 14, 10, 2));
  assert.ok(!isTransposeOf(h, transposeBytes(h, 10, 14, 2, 1), 14, 10, 2), 'the wrong orientation is not a transpose');
});

test('a tied transposed copy becomes Transpose(kept) under its own name', async () => {
  const table = randomFloats(10 * 4, 50);
  const tableT = new Float32Array(40);
  for (let i = 0; i < 10; i++) for (let j = 0; j < 4; j++) tableT[j * 10 + i] = table[i * 4 + j]!;
  const m = model(graph({
    node: [node('Gather', ['E', 'ids'], ['h']), node('MatMul', ['h', 'ET'], ['y'])],
    initializer: [floatTensor('E', [10, 4], table), floatTensor('ET', [4, 10], tableT)],
    input: [valueInfo('ids', DataType.INT64, [3])], output: [valueInfo('y', F, [3, 10])],
  }));
  const analysis = analyzeDuplicates(m);
  assert.deepEqual(analysis.transposedTies, [{ dtype: 'float', kept: 'E', keptDims: [10, 4], transposed: 'ET', transposedDims: [4, 10], bytes: 160 }]);
  const { before, after, details } = await dedup(m);
  assert.deepEqual(names(m.graph!), ['E']);
  const t = m.graph!.node[0]!;
  assert.deepEqual([t.opType, t.input, t.output, t.attribute[0]!.ints], ['Transpose', ['E'], ['ET'], [1n, 0n]]);
  assert.deepEqual(details.byKind.transposed, { merged: 1, bytes: 160 });
  const ids = ortTensor('int64', [3], new Uint8Array(BigInt64Array.of(0n, 7n, 9n).buffer));
  await assertSameOutputs(before, after, [{ ids }]);
});

// ------------------------------------------------------------------------------------ fixtures

/** Each test_data_set_N's inputs, fed by the model's graph input names. */
const fixtureFeeds = (name: string, m: ModelProto): Feeds[] => testInputSets(path.join(FIXTURES, `${name}.data`), m.graph!);

async function dedupFixture(name: string) {
  const file = path.join(FIXTURES, `${name}.onnx`);
  const { model: m, external } = loadModel(file);
  const feeds = fixtureFeeds(name, m);
  const analysis = analyzeDuplicates(m, external);
  const outcome = await dedupStage({}).run(m, { external, tmpDir: tmp, log: () => {} });
  const details = outcome.details as unknown as DedupDetails;
  assert.equal(details.bytesSaved, analysis.reclaimableBytes);
  const after = save(outcome.model);
  await assertSameOutputs(file, after, feeds);
  return { details, before: statSync(file).size, after: statSync(after).size, model: outcome.model };
}

test('albert-tiny (per-use copies, weights in Constant nodes) shrinks to about the size of the shared export', async () => {
  const shared = statSync(path.join(FIXTURES, 'albert-tiny.shared.onnx')).size;
  const { details, before, after } = await dedupFixture('albert-tiny');
  // README of scripts/fixtures: 16 groups of byte-identical weight tensors in the bloated model.
  assert.ok(details.groups >= 16);
  assert.ok(before - after >= 665_000, `${before} -> ${after}`);
  assert.ok(after < shared * 1.02 && after > shared * 0.9, `${after} vs shared ${shared}`);
});

test('gpt-tiny: the transposed copy of the tied embedding is found and replaced', async () => {
  const { details, before, after, model: m } = await dedupFixture('gpt-tiny');
  assert.equal(details.transposedTies, 1);
  assert.equal(details.byKind.transposed.bytes, 500 * 64 * 4);
  const t = m.graph!.node.find((n) => n.opType === 'Transpose' && n.output[0] === 'lm_head.weight_transposed');
  assert.deepEqual(t?.input, ['wte.weight']);
  assert.ok(before - after >= 128_000, `${before} -> ${after}`);
});

test('vad-if: branch weights (initializers in one branch, Constant nodes in the other) are lifted', async () => {
  const { details, before, after, model: m } = await dedupFixture('vad-if');
  assert.equal(details.liftedTensors, 2);
  assert.deepEqual(details.byKind.lifted, { merged: 2, bytes: 64 * 64 * 4 + 64 * 4 });
  assert.equal(m.graph!.initializer.length, 2);
  assert.ok(before - after >= 16_640, `${before} -> ${after}`);
});
