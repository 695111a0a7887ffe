/**
 * The quantizer registry and what the schemes share: one slot table read by every reader, one Gemm
 * reading (gemm.ts) with the one scheme-specific case (beta·C on a computed C), one content identity
 * (content-identity.ts) and one tensor store with its two placements (tensor-pool.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import { encodeModel } from '../src/onnx/codec.js';
import { DataType } from '../src/onnx/dtype.js';
import { mainScopes, type GraphScope } from '../src/onnx/graph.js';
import { tensorFloat32 } from '../src/onnx/tensor.js';
import { quantizedLayers } from '../src/pipeline/auto-candidates.js';
import { analyzeModel } from '../src/report/inspect.js';
import { ContentMap, contentDigest, DigestMemo, fingerprint, sameBytes } from '../src/stages/content-identity.js';
import { DefinitionIndex } from '../src/stages/quant/constant-weight.js';
import { gemmPlan, gemmWeight, scaledBias } from '../src/stages/quant/gemm.js';
import { DEFAULT_MIN_ELEMENTS, opsWith, QUANT_OPS, quantOpOf, WEIGHT_SLOTS, weightOf, type QuantOp } from '../src/stages/quant/registry.js';
import { STATIC_RULES } from '../src/stages/quant/static-ops.js';
import { TensorPool } from '../src/stages/quant/tensor-pool.js';
import { quantizeInt4Stage } from '../src/stages/quantize-int4.js';
import { DEFAULT_MIN_ELEMENTS as INT8_MIN, parseInt8Options, quantizeInt8 } from '../src/stages/quantize-int8.js';
import { floatTensor, graph, model, node, randomFloats, valueInfo } from './helpers/builder.js';
import { cosine } from './helpers/fixture-parity.js';
import { runFirstOutput } from './helpers/ort-run.js';

const F = DataType.FLOAT;

const ctx = { tmpDir: mkdtempSync(path.join(tmpdir(), 'onnx-diet-registry-')), log: () => {} };

test('registry: one slot table — rows, static rules, inspect and auto read the same slots', () => {
  assert.deepEqual(WEIGHT_SLOTS, { MatMul: 1, Gemm: 1, Gather: 0, Conv: 1 });
  for (const [op, row] of Object.entries(QUANT_OPS)) assert.equal(WEIGHT_SLOTS[op as keyof typeof WEIGHT_SLOTS], row.weight, op);
  for (const [op, rule] of Object.entries(STATIC_RULES)) {
    if (rule.weight) assert.equal(rule.weight.input, WEIGHT_SLOTS[op as keyof typeof WEIGHT_SLOTS], `static ${op}`);
  }
  assert.deepEqual(opsWith('int8'), ['MatMul', 'Gemm', 'Gather', 'Conv']);
  assert.deepEqual(opsWith('int8WeightOnly'), ['Conv']);
  assert.deepEqual(opsWith('int4'), ['MatMul', 'Gemm', 'Gather']);
  assert.equal(INT8_MIN, DEFAULT_MIN_ELEMENTS);
  assert.equal(quantOpOf(node('MatMul', ['a', 'b'], ['c'])), QUANT_OPS.MatMul);
  assert.equal(quantOpOf(node('MatMul', ['a', 'b'], ['c'], {}, { domain: 'com.example' })), undefined, 'another domain’s op');
  assert.equal(quantOpOf(node('constructor', [], ['c'])), undefined, 'no prototype keys');

  // inspect counts a weight in the slot (and only there); auto finds quantized layers by the same slots.
  const g = graph({
    node: [node('Gather', ['T', 'ids'], ['e']), node('MatMul', ['e', 'W'], ['y']), node('Add', ['y', 'A'], ['z'])],
    initializer: [floatTensor('T', [64, 32], randomFloats(64 * 32, 1)), floatTensor('W', [32, 32], randomFloats(32 * 32, 2)), floatTensor('A', [32, 32], randomFloats(32 * 32, 3))],
    input: [valueInfo('ids', DataType.INT64, [2])],
    output: [valueInfo('z', F)],
  });
  const q = analyzeModel(model(g)).quantizable;
  assert.deepEqual(q.ops, ['MatMul', 'Gemm', 'Gather', 'Conv']);
  assert.equal(q.minElements, DEFAULT_MIN_ELEMENTS);
  assert.equal(q.tensors, 2, 'T (Gather slot 0) and W (MatMul slot 1); A is read by an Add');
  const base = model(structuredClone(g));
  const quantized = model(structuredClone(g));
  quantizeInt8(quantized, parseInt8Options({}));
  assert.deepEqual(quantizedLayers(base, quantized).layers.map((l) => l.weight).sort(), ['T', 'W']);
});

/** Gemm(x, B, C) with the given attributes; C a constant [N] or, when `cInput`, a graph input. */
function gemmModel(attrs: Record<string, { float: number } | number>, cInput = false) {
  const b = randomFloats(48 * 32, 11, 0.3);
  const c = randomFloats(48, 12, 0.5);
  return {
    c,
    m: model(graph({
      node: [node('Gemm', ['x', 'B', 'C'], ['y'], attrs, { name: 'gemm' })],
      initializer: [floatTensor('B', [32, 48], b), ...(cInput ? [] : [floatTensor('C', [48], c)])],
      input: [valueInfo('x', F, [4, 32]), ...(cInput ? [valueInfo('C', F, [48])] : [])],
      output: [valueInfo('y', F, [4, 48])],
    })),
  };
}

test('gemm.ts: one reading of Gemm — transB view, alpha, transA and what becomes of beta·C', () => {
  const plan = (attrs: Record<string, { float: number } | number>, cInput = false) => {
    const { m } = gemmModel(attrs, cInput);
    const scope = mainScopes(m)[0]!;
    const n = m.graph!.node[0]!;
    return { p: gemmPlan(n, scope, new DefinitionIndex()), w: gemmWeight(n, scope, new DefinitionIndex()), n, scope };
  };
  assert.equal(plan({}).w!.transposed, false);
  assert.equal(plan({ transB: 1 }).w!.transposed, true, 'transB: the node sees Bᵀ');
  const { p: d } = plan({});
  assert.deepEqual([d.alpha, d.beta, d.transA, d.bias.kind], [1, 1, false, 'as-is']);
  assert.equal(plan({ beta: { float: 0 } }).p.bias.kind, 'none');
  assert.equal(plan({ beta: { float: 0.5 } }, true).p.bias.kind, 'computed');
  const scaled = plan({ beta: { float: 0.5 }, alpha: { float: 2 }, transA: 1 });
  assert.deepEqual([scaled.p.alpha, scaled.p.transA, scaled.p.bias.kind], [2, true, 'scaled']);
  const { c } = gemmModel({});
  const want = Float32Array.from(c, (v) => Math.fround(Math.fround(v) * 0.5));
  assert.deepEqual(scaledBias((scaled.p.bias as { c: Parameters<typeof scaledBias>[0] }).c, 0.5), want);
  // The registry's weightOf for Gemm is gemm.ts's view, for both schemes.
  const t = plan({ transB: 1 });
  assert.equal(weightOf(QUANT_OPS.Gemm as QuantOp, t.n, t.scope, new DefinitionIndex())!.transposed, true);
});

test('one Gemm path: beta·C on a computed C — int8 scales it with a Mul (onnxruntime agrees), int4 leaves the node', async () => {
  const x = new ort.Tensor('float32', randomFloats(4 * 32, 5), [4, 32]);
  const cFeed = randomFloats(48, 6, 0.5);
  const run = (m: ReturnType<typeof gemmModel>['m'], c: Float32Array) =>
    runFirstOutput(encodeModel(m), { x, C: new ort.Tensor('float32', c, [48]) });
  const want = await run(gemmModel({ beta: { float: 0.5 } }, true).m, cFeed);

  const m8 = gemmModel({ beta: { float: 0.5 } }, true).m;
  const r8 = quantizeInt8(m8, parseInt8Options({}));
  assert.deepEqual(r8.details.quantizedByOp, { Gemm: 1 });
  const mul = m8.graph!.node.find((n) => n.opType === 'Mul' && n.input[0] === 'C')!;
  assert.ok(mul, 'C is scaled by a Mul');
  const beta = m8.graph!.initializer.find((t) => t.name === mul.input[1])!;
  assert.deepEqual([...tensorFloat32(beta)], [0.5]);
  const got = await run(m8, cFeed);
  assert.ok(cosine(got, want) > 0.99, `int8 cosine ${cosine(got, want)}`);
  // The bias is added in float after the integer product: feeding C against feeding zeros moves each
  // output by exactly beta·C (to float rounding).
  const unbiased = await run(m8, new Float32Array(48));
  for (let i = 0; i < got.length; i++) assert.ok(Math.abs(got[i]! - unbiased[i]! - 0.5 * cFeed[i % 48]!) < 1e-5, `output ${i}`);

  const m4 = gemmModel({ beta: { float: 0.5 } }, true).m;
  const r4 = await quantizeInt4Stage({}).run(m4, ctx);
  assert.deepEqual(r4.details.skipped, [{ node: 'gemm', op: 'Gemm', reason: 'beta 0.5 on a C that is not a float constant' }]);
  assert.equal(m4.graph!.node[0]!.opType, 'Gemm');
  // A constant C is folded into one new constant by both.
  const c8 = gemmModel({ beta: { float: 0.5 } }).m;
  quantizeInt8(c8, parseInt8Options({}));
  assert.ok(!c8.graph!.node.some((n) => n.opType === 'Mul' && n.input.includes('C')) && !c8.graph!.initializer.some((t) => t.name === 'C'), 'C replaced by beta·C');
  const c4 = gemmModel({ beta: { float: 0.5 } }).m;
  const r4c = await quantizeInt4Stage({}).run(c4, ctx);
  assert.equal(r4c.details.fromGemm, 1);
  const added = c4.graph!.initializer.find((t) => t.name === 'C_scaled')!;
  assert.deepEqual(tensorFloat32(added), Float32Array.from(gemmModel({}).c, (v) => Math.fround(v * 0.5)));
});

test('content identity: fingerprint, digest and byte compare; ContentMap is exact on look-alikes', () => {
  // SHA-256("abc"), FIPS 180-2 appendix B.1, in base64.
  assert.equal(contentDigest(Buffer.from('abc')), 'ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=');
  assert.equal(contentDigest(Buffer.from('c'), 'ab'), contentDigest(Buffer.from('abc')), 'the prefix is hashed first');
  assert.ok(sameBytes(Uint8Array.of(1, 2, 3), Buffer.from([1, 2, 3])));
  assert.ok(!sameBytes(Uint8Array.of(1, 2, 3), Uint8Array.of(1, 2)));
  // Two 64 KiB payloads that differ in one byte between the sampled runs: same fingerprint, other content.
  const a = new Uint8Array(65536);
  const b = new Uint8Array(65536);
  b[20] = 7; // samples at k · 65535 / 63: bytes 0, 1040, …
  assert.equal(fingerprint(a), fingerprint(b));
  assert.notEqual(fingerprint(Uint8Array.of(1)), fingerprint(Uint8Array.of(2)), 'small payloads are taken whole');
  const map = new ContentMap<string>();
  map.set('k', a, 'A');
  assert.equal(map.get('k', b), undefined, 'a look-alike is not the same content');
  assert.equal(map.get('other', a.slice()), undefined, 'the key is part of the content');
  let reads = 0;
  map.set('k', b, 'B', () => { reads++; return b.slice(); });
  assert.equal(map.get('k', b.slice()), 'B', 'found through a payload read again');
  assert.ok(reads > 0);
  assert.equal(map.get('k', a.slice()), 'A');
  assert.equal(map.size, 2);
  const memo = new DigestMemo<object>();
  const owner = {};
  assert.equal(memo.of(owner, a), contentDigest(a));
  assert.equal(memo.of(owner, b), contentDigest(a), 'remembered per object');
});

test('tensor store: intern puts one copy in the main graph; a group sits next to its weight and moves up when read from outside', () => {
  const sub1 = graph({ name: 'then', node: [] });
  const sub2 = graph({ name: 'else', node: [] });
  const main = graph({ node: [node('If', ['cond'], ['y'], { then_branch: sub1, else_branch: sub2 })] });
  const root: GraphScope = { graph: main, depth: 0 };
  const owner = main.node[0]!;
  const s1: GraphScope = { graph: sub1, parent: root, owner, depth: 1 };
  const s2: GraphScope = { graph: sub2, parent: root, owner, depth: 1 };
  const names = new Set<string>(['w_q']);
  const pool = new TensorPool(root, names, false);
  const bytes = new Uint8Array(Float32Array.of(1, 2).buffer);
  const n1 = pool.intern('w_scale', F, [2], bytes);
  assert.equal(pool.intern('other', F, [2], bytes.slice()), n1, 'same content, one tensor');
  assert.notEqual(pool.intern('w_scale', F, [1, 2], bytes), n1, 'other dims, other tensor');
  assert.deepEqual(main.initializer.map((t) => t.name), ['w_scale', 'w_scale_1']);
  const make = () => ({ base: 'w', suffixes: ['_q', '_s'], parts: [{ dataType: DataType.UINT8, dims: [2], raw: Uint8Array.of(1, 2) }, { dataType: F, dims: [], raw: bytes.subarray(0, 4) }] });
  const g = pool.group('key', s1, make);
  assert.deepEqual(g.names, ['w_q_1', 'w_s'], 'fresh names');
  assert.deepEqual(sub1.initializer.map((t) => t.name), ['w_q_1', 'w_s']);
  assert.equal(pool.group('key', s1, make), g);
  assert.equal(sub1.initializer.length, 2, 'read again from its own graph: stays');
  pool.group('key', s2, make);
  assert.deepEqual([sub1.initializer.length, main.initializer.map((t) => t.name)], [0, ['w_scale', 'w_scale_1', 'w_q_1', 'w_s']], 'read from a sibling: moved to the main graph');
  assert.deepEqual([pool.groupCount, pool.groupsReused, pool.tensorsAdded, pool.bytesAdded], [1, 2, 4, 8 + 8 + 2 + 4]);
  // Before IR 4: everything in the main graph, declared as its inputs too.
  const old = graph({ node: [] });
  const sub = graph({ name: 'b', node: [] });
  const oldPool = new TensorPool({ graph: old, depth: 0 }, new Set(), true);
  oldPool.group('k', { graph: sub, parent: { graph: old, depth: 0 }, depth: 1 }, make);
  assert.deepEqual([sub.initializer.length, old.initializer.map((t) => t.name), old.input.map((v) => v.name)], [0, ['w_q', 'w_s'], ['w_q', 'w_s']]);
});

test('content-keyed across schemes: the same weight under two names is quantized and stored once', async () => {
  const w = randomFloats(64 * 64, 31, 0.2);
  const build = () => model(graph({
    node: [node('MatMul', ['x', 'W1'], ['h']), node('MatMul', ['h', 'W2'], ['y'])],
    initializer: [floatTensor('W1', [64, 64], w), floatTensor('W2', [64, 64], w)],
    input: [valueInfo('x', F, [2, 64])],
    output: [valueInfo('y', F, [2, 64])],
  }));
  const m8 = build();
  const r8 = quantizeInt8(m8, parseInt8Options({}));
  assert.deepEqual([r8.details.quantizedNodes, r8.details.tensorsQuantized, r8.details.sharedReuses], [2, 1, 1]);
  const m4 = build();
  const r4 = await quantizeInt4Stage({}).run(m4, ctx);
  assert.deepEqual([r4.details.matmulNBits, r4.details.tensorsQuantized, r4.details.sharedReuses], [2, 1, 1]);
  const [a, b] = m4.graph!.node;
  assert.deepEqual(a!.input.slice(1), b!.input.slice(1), 'both MatMulNBits read the same tensors');
  // One set of codes and one of zero points (asymmetric, the default), each stored once.
  const u8 = m4.graph!.initializer.filter((t) => t.dataType === DataType.UINT8);
  assert.deepEqual(u8.map((t) => /_(Q4|zero_points)$/.exec(t.name ?? '')?.[1]).sort(), ['Q4', 'zero_points']);
});
