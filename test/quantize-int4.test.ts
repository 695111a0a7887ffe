import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as ort from 'onnxruntime-node';
import { encodeModel } from '../src/onnx/codec.js';
import { DataType } from '../src/onnx/dtype.js';
import { UsageError } from '../src/onnx/errors.js';
import { attr } from '../src/onnx/graph.js';
import type { ModelProto, TensorProto } from '../src/onnx/types.js';
import { roundToFloat16 } from '../src/stages/fp16-numerics.js';
import { quantizeColumns4, quantizeRows4, roundHalfAway } from '../src/stages/quant/int4-numerics.js';
import { quantizeInt4Stage } from '../src/stages/quantize-int4.js';
import { createStage } from '../src/stages/registry.js';
import { floatTensor, graph, model, node, randomFloats, valueInfo } from './helpers/builder.js';
import { cosine, runStageOnFixture } from './helpers/fixture-parity.js';
import { runFirstOutput } from './helpers/ort-run.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'int4-test-'));
const ctx = { tmpDir: tmp, log: () => {} };

function bytesOf(t: TensorProto | undefined): number[] {
  return [...(t?.rawData ?? [])];
}
function floatsOfTensor(t: TensorProto | undefined): number[] {
  const b = t!.rawData!;
  return [...new Float32Array(b.slice().buffer)];
}
function init(m: ModelProto, suffix: string): TensorProto | undefined {
  return m.graph!.initializer.find((t) => t.name?.endsWith(suffix));
}
const run = (m: ModelProto, feeds: Record<string, ort.Tensor>) => runFirstOutput(encodeModel(m), feeds);

// ---------------------------------------------------------------------------------------- golden

// W is [K=20, N=2]: K pads to 2 blocks of 16. Column 0, block 0 holds -4, -3.5, ..., 3.5: the value of
// largest magnitude is -4, so scale = -(-4)/8 = 0.5, 1/scale = 2, code = v*2 + 8 = 0..15 in order.
// Column 0, block 1 = [1, -1, 0.25, 2]: m = 2, scale = -0.25, 1/scale = -4: codes 4, 12, 7, 0.
// Column 1, block 0 is all zeros: scale 0, every code 8. Block 1 = [8, -0.5, 1.5, 0]: scale -1:
// codes 0, 8.5 → 9 and 6.5 → 7 (round half *away from zero*; half-to-even would give 8 and 6), 8.
const COL0 = [...Array.from({ length: 16 }, (_, i) => -4 + i * 0.5), 1, -1, 0.25, 2];
const COL1 = [...new Array(16).fill(0), 8, -0.5, 1.5, 0];
const W = Array.from({ length: 20 }, (_, k) => [COL0[k]!, COL1[k]!]).flat(); // row-major [K, N]

function goldenMatMul(): ModelProto {
  return model(graph({
    node: [node('MatMul', ['a', 'w'], ['y'])],
    input: [valueInfo('a', DataType.FLOAT, [1, 20])],
    output: [valueInfo('y', DataType.FLOAT, [1, 2])],
    initializer: [floatTensor('w', [20, 2], W)],
  }));
}

test('roundHalfAway is C roundf', () => {
  assert.deepEqual([2.5, -2.5, 0.5, -0.5, 1.4999, 8.5].map(roundHalfAway), [3, -3, 1, -1, 1, 9]);
});

test('symmetric MatMulNBits: packing, scales and padding match the hand computation', async () => {
  const m = goldenMatMul();
  const { details } = await quantizeInt4Stage({ 'block-size': 16, method: 'rtn', symmetric: true }).run(m, ctx);
  const n = m.graph!.node[0]!;
  assert.equal(n.opType, 'MatMulNBits');
  assert.equal(n.domain, 'com.microsoft');
  assert.deepEqual(n.attribute.map((a) => [a.name, Number(a.i)]), [['K', 20], ['N', 2], ['bits', 4], ['block_size', 16]]);
  assert.equal(n.input.length, 3, 'symmetric: no zero_points input, the kernel default 8 applies');
  const b = init(m, '_Q4')!;
  assert.deepEqual(b.dims, [2, 2, 8]);
  assert.equal(b.dataType, DataType.UINT8);
  assert.deepEqual(bytesOf(b), [
    0x10, 0x32, 0x54, 0x76, 0x98, 0xba, 0xdc, 0xfe, // col 0 block 0: codes 0..15, low nibble first
    0xc4, 0x07, 0, 0, 0, 0, 0, 0, //                   col 0 block 1: 4,12 | 7,0 | K padding
    0x88, 0x88, 0x88, 0x88, 0x88, 0x88, 0x88, 0x88, // col 1 block 0: zeros
    0x90, 0x87, 0, 0, 0, 0, 0, 0, //                   col 1 block 1: 0,9 | 7,8
  ]);
  // An all-zero block: MLAS computes -max / 8 with max = +0, which is -0 (harmless: codes are 8).
  assert.deepEqual(floatsOfTensor(init(m, '_scales')), [0.5, -0.25, -0, -1]);
  assert.deepEqual(m.opsetImport.find((o) => o.domain === 'com.microsoft'), { domain: 'com.microsoft', version: 1 });
  assert.equal(m.graph!.initializer.some((t) => t.name === 'w'), false, 'the float weight is gone');
  assert.equal(details.weightBytesBefore, 160);
  assert.equal(details.weightBytesAfter, 32 + 16);

  // ORT reads the layout the same way: y = a · dequant(W), dequant known by hand (only 1.5 → 1 and
  // -0.5 → -1 change in column 1; column 0 is exact).
  const a = randomFloats(20, 3);
  const deq1 = [...new Array(16).fill(0), 8, -1, 1, 0];
  const want = [0, 1].map((c) => a.reduce((s, x, k) => s + x * (c === 0 ? COL0[k]! : deq1[k]!), 0));
  const got = await run(m, { a: new ort.Tensor('float32', a, [1, 20]) });
  for (let c = 0; c < 2; c++) assert.ok(Math.abs(got[c]! - want[c]!) < 1e-4, `column ${c}: ${got[c]} vs ${want[c]}`);
});

test('asymmetric: scale (max-min)/15 and packed zero points (pad nibble 8)', async () => {
  // One column, K = 16: min -3, max 12 → scale 1, zero point 3; code = v + 3, 1.5 + 3 = 4.5 → 5.
  const col = [-3, 12, 0, 1.5, ...new Array(12).fill(0)];
  const m = model(graph({
    node: [node('MatMul', ['a', 'w'], ['y'])],
    input: [valueInfo('a', DataType.FLOAT, [1, 16])],
    output: [valueInfo('y', DataType.FLOAT, [1, 1])],
    initializer: [floatTensor('w', [16, 1], col)],
  }));
  await quantizeInt4Stage({ 'block-size': 16, symmetric: false, method: 'rtn' }).run(m, ctx);
  assert.deepEqual(bytesOf(init(m, '_Q4')), [0xf0, 0x53, 0x33, 0x33, 0x33, 0x33, 0x33, 0x33]);
  assert.deepEqual(floatsOfTensor(init(m, '_scales')), [1]);
  assert.deepEqual(bytesOf(init(m, '_zero_points')), [0x83]);
  assert.equal(m.graph!.node[0]!.input.length, 4);
  const a = randomFloats(16, 5);
  const deq = [-3, 12, 0, 2, ...new Array(12).fill(0)];
  const got = await run(m, { a: new ort.Tensor('float32', a, [1, 16]) });
  assert.ok(Math.abs(got[0]! - a.reduce((s, x, k) => s + x * deq[k]!, 0)) < 1e-4);
});

test('quantizeColumns4 of a [K, N] weight equals quantizeRows4 of its transpose, bit for bit', () => {
  const transpose = (a: Float32Array, rows: number, cols: number) => {
    const t = new Float32Array(a.length);
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) t[c * rows + r] = a[r * cols + c]!;
    return t;
  };
  let seed = 11;
  for (const [k, n] of [[1, 1], [17, 3], [32, 5], [33, 8], [150, 40], [64, 1]] as const) {
    // Mixed magnitudes, exact zeros and a few outliers, so every branch of the numerics is taken.
    const w = randomFloats(k * n, seed++, 2).map((v, i) => (i % 13 === 0 ? 0 : i % 29 === 0 ? v * 50 : v));
    for (const blockSize of [16, 32, 64]) {
      for (const symmetric of [true, false]) {
        for (const padToBlock of [true, false]) {
          for (const storeScale of [Math.fround, roundToFloat16]) {
            const opts = { blockSize, symmetric, padToBlock, storeScale };
            const a = quantizeRows4(transpose(w, k, n), n, k, opts);
            const b = quantizeColumns4(w, k, n, opts);
            const what = `K ${k}, N ${n}, ${JSON.stringify({ blockSize, symmetric, padToBlock, fp16: storeScale !== Math.fround })}`;
            assert.deepEqual(b.data, a.data, what);
            assert.deepEqual(b.scales, a.scales, what);
            assert.deepEqual(b.zeroPoints, a.zeroPoints, what);
          }
        }
      }
    }
  }
});

test('float16 scales are rounded before the reciprocal, as MLAS reads them back', () => {
  // Block max 0.1 → scale -0.1/8 = -0.0125. As fp16 that is -(1 + 614/1024) * 2^-7 = -0.012496948242...,
  // so 1/scale ≈ -80.0195 instead of -80. For v = -0.03124875: v * -80 = 2.4999 → 10.4999 → code 10, but
  // v * -80.0195 = 2.5005 → 10.5005 → code 11.
  const block = Float32Array.of(0.1, -0.03124875, ...new Array(14).fill(0));
  const opts = { blockSize: 16, symmetric: true, padToBlock: true };
  const q32 = quantizeRows4(block, 1, 16, opts);
  const q16 = quantizeRows4(block, 1, 16, { ...opts, storeScale: roundToFloat16 });
  assert.equal(q32.scales[0], Math.fround(-0.0125));
  assert.equal(q16.scales[0], -(1 + 614 / 1024) * 2 ** -7);
  assert.equal(q32.data[0], 0 | (10 << 4));
  assert.equal(q16.data[0], 0 | (11 << 4));
});

// ------------------------------------------------------------------------------------ options

test('options: block size 512 refused with the reason, other bad values refused, 16–256 accepted', () => {
  assert.throws(() => createStage({ 'quantize-int4': { 'block-size': 512 } }), (e: Error) =>
    e instanceof UsageError && /512/.test(e.message) && /CPU MatMulNBits/.test(e.message));
  for (const bad of [8, 48, 1024, 'x']) assert.throws(() => quantizeInt4Stage({ 'block-size': bad }), UsageError);
  assert.throws(() => quantizeInt4Stage({ 'accuracy-level': 5 }), UsageError);
  assert.throws(() => quantizeInt4Stage({ embeddings: 'int2' }), UsageError);
  assert.throws(() => quantizeInt4Stage({ blocksize: 32 }), /unknown option/);
  for (const bs of [16, 32, 64, 128, 256]) assert.equal(quantizeInt4Stage({ 'block-size': bs }).name, 'quantize-int4');
});

test('every accepted block size runs in onnxruntime-node, K not a multiple of the block', async () => {
  const [K, N] = [100, 24];
  const w = randomFloats(K * N, 11, 0.5);
  const a = randomFloats(3 * K, 12);
  const build = () => model(graph({
    node: [node('MatMul', ['a', 'w'], ['y'])],
    input: [valueInfo('a', DataType.FLOAT, [3, K])],
    output: [valueInfo('y', DataType.FLOAT, [3, N])],
    initializer: [floatTensor('w', [K, N], w)],
  }));
  const feeds = { a: new ort.Tensor('float32', a, [3, K]) };
  const want = await run(build(), feeds);
  for (const bs of [16, 32, 64, 128, 256]) {
    for (const level of [0, 4]) {
      const m = build();
      await quantizeInt4Stage({ 'block-size': bs, 'accuracy-level': level }).run(m, ctx);
      assert.equal(Number(attr(m.graph!.node[0]!, 'accuracy_level')?.i), level);
      const got = await run(m, feeds);
      assert.ok(cosine(want, got) > 0.99, `block ${bs} level ${level}: cosine ${cosine(want, got)}`);
    }
  }
});

// ------------------------------------------------------------------------------------ embeddings

test('GatherBlockQuantized: onnxruntime-node runs uint8 data with bits=4, quantize_axis 1 only', async () => {
  // Row 0 = column 0 block 0 of the golden above (exact in 4 bits); row 1 zeros; row 2 random.
  const table = [...COL0.slice(0, 16), ...new Array(16).fill(0), ...randomFloats(16, 9)];
  const build = () => model(graph({
    node: [node('Gather', ['table', 'ids'], ['y'])],
    input: [valueInfo('ids', DataType.INT64, [4])],
    output: [valueInfo('y', DataType.FLOAT, [4, 16])],
    initializer: [floatTensor('table', [3, 16], table)],
  }));
  const m = build();
  const { details } = await quantizeInt4Stage({ 'block-size': 16, symmetric: true }).run(m, ctx);
  const g = m.graph!.node[0]!;
  assert.equal(g.opType, 'GatherBlockQuantized');
  assert.equal(details.gatherBlockQuantized, 1);
  const data = init(m, '_Q4')!;
  assert.deepEqual(data.dims, [3, 8]);
  assert.deepEqual(bytesOf(data).slice(0, 16), [0x10, 0x32, 0x54, 0x76, 0x98, 0xba, 0xdc, 0xfe, 0x88, 0x88, 0x88, 0x88, 0x88, 0x88, 0x88, 0x88]);
  const ids = new ort.Tensor('int64', BigInt64Array.from([0n, 1n, 0n, -3n]), [4]); // -3: negative index = row 0
  const got = await run(m, { ids });
  assert.deepEqual([...got.slice(0, 16)], COL0.slice(0, 16));
  assert.deepEqual([...got.slice(16, 32)], new Array(16).fill(-0)); // (8 - 8) * scale -0
  assert.deepEqual([...got.slice(48, 64)], COL0.slice(0, 16));

  // Asymmetric (the default): a zero_points input, one nibble a block. Row 0 spans [-4, 3.5]: scale
  // 7.5 / 15 = 0.5, zero point 8, exact again; the zero row's zero point is 0 and its scale 0.
  const asym = build();
  await quantizeInt4Stage({ 'block-size': 16 }).run(asym, ctx);
  const ga = asym.graph!.node[0]!;
  assert.equal(ga.input.length, 4);
  assert.deepEqual(init(asym, '_zero_points')!.dims, [3, 1]);
  const gotAsym = await run(asym, { ids });
  assert.deepEqual([...gotAsym.slice(0, 16)], COL0.slice(0, 16));
  assert.deepEqual([...gotAsym.slice(16, 32)].map(Math.abs), new Array(16).fill(0));

  // What the CPU kernel accepts: with uint8 data the quantize axis must be the last one.
  const bad = build();
  await quantizeInt4Stage({ 'block-size': 16, symmetric: true }).run(bad, ctx);
  attr(bad.graph!.node[0]!, 'quantize_axis')!.i = 0n;
  await assert.rejects(run(bad, { ids }), /quantize_axis must be the last dimension|do not match/);
});

test('embeddings option: int8 Gather + DequantizeLinear, none, and odd widths skipped', async () => {
  const build = (d: number) => model(graph({
    node: [node('Gather', ['table', 'ids'], ['y'])],
    input: [valueInfo('ids', DataType.INT64, [2])],
    output: [valueInfo('y', DataType.FLOAT, [2, d])],
    initializer: [floatTensor('table', [10, d], randomFloats(10 * d, 4))],
  }));
  const ids = new ort.Tensor('int64', BigInt64Array.from([3n, 7n]), [2]);
  const want = await run(build(64), { ids });
  const m8 = build(64);
  const r8 = await quantizeInt4Stage({ embeddings: 'int8' }).run(m8, ctx);
  assert.deepEqual(m8.graph!.node.map((n) => n.opType), ['Gather', 'DequantizeLinear']);
  assert.equal(init(m8, '_quantized')!.dataType, DataType.INT8);
  assert.equal(r8.details.gatherInt8, 1);
  assert.ok(cosine(want, await run(m8, { ids })) > 0.999);
  const m4 = build(64);
  const r4 = await quantizeInt4Stage({}).run(m4, ctx);
  assert.ok((r4.details.weightBytesAfter as number) < (r8.details.weightBytesAfter as number), 'int4 is the smaller');
  assert.ok(cosine(want, await run(m4, { ids })) > 0.98);
  const none = build(64);
  const rn = await quantizeInt4Stage({ embeddings: 'none' }).run(none, ctx);
  assert.equal(none.graph!.node[0]!.opType, 'Gather');
  assert.deepEqual(rn.details.skipped, [{ node: 'Gather_y', op: 'Gather', reason: 'embeddings: none' }]);
  const odd = build(33);
  const ro = await quantizeInt4Stage({}).run(odd, ctx);
  assert.match((ro.details.skipped as { reason: string }[])[0]!.reason, /odd/);
});

// ---------------------------------------------------------------------------- sharing, subgraphs

test('identical weights under different names are quantized once and shared; skips say why', async () => {
  const w = randomFloats(64 * 32, 21);
  const m = model(graph({
    node: [
      node('MatMul', ['x', 'w1'], ['h']),
      node('Identity', ['w2'], ['w2_alias']),
      node('MatMul', ['x', 'w2_alias'], ['h2']),
      node('Transpose', ['w3'], ['w3_t']),
      node('MatMul', ['x', 'w3_t'], ['h3']),
      node('MatMul', ['x', 'x_t'], ['h4']),
      node('Add', ['h', 'h2'], ['s']),
      node('Add', ['s', 'h3'], ['y']),
      node('Constant', [], ['x_t'], { value: floatTensor('', [2, 64, 4], randomFloats(512, 2)) }),
    ],
    input: [valueInfo('x', DataType.FLOAT, [2, 64])],
    output: [valueInfo('y', DataType.FLOAT, [2, 32]), valueInfo('h4', DataType.FLOAT)],
    initializer: [floatTensor('w1', [64, 32], w), floatTensor('w2', [64, 32], w), floatTensor('w3', [32, 64], transpose(w, 64, 32))],
  }));
  // Constant after its use is not topological; move it first so ORT accepts the graph.
  m.graph!.node.unshift(m.graph!.node.pop()!);
  const x = new ort.Tensor('float32', randomFloats(128, 22), [2, 64]);
  const want = await run(structuredClone(m), { x });
  const { details } = await quantizeInt4Stage({}).run(m, ctx);
  assert.equal(details.matmulNBits, 3);
  // w1 and w2 share bytes; w3 is w transposed, seen transposed: the same [N, K] rows → also shared.
  assert.equal(details.tensorsQuantized, 2, 'MatMul layout of w (w3 has other bytes, so its own entry)');
  assert.equal(details.sharedReuses, 1);
  const nbits = m.graph!.node.filter((n) => n.opType === 'MatMulNBits');
  assert.equal(nbits[0]!.input[1], nbits[1]!.input[1]);
  assert.deepEqual(m.graph!.initializer.filter((t) => ['w1', 'w2', 'w3'].includes(t.name!)), [], 'float weights are gone');
  assert.equal(m.graph!.node.some((n) => n.opType === 'Identity' || n.opType === 'Transpose'), false);
  assert.deepEqual(details.skipped, [{ node: 'MatMul_h4', op: 'MatMul', reason: 'weight is 3-D, not 2-D' }]);
  const got = await run(m, { x });
  assert.ok(cosine(want, got) > 0.99);
  // w3 through Transpose packs exactly like w: same bytes as the MatMulNBits B of w1.
  const bOf = (i: number) => bytesOf(m.graph!.initializer.find((t) => t.name === nbits[i]!.input[1]));
  assert.deepEqual(bOf(2), bOf(0));
});

function transpose(a: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(rows * cols);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = a[r * cols + c]!;
  return out;
}

// ------------------------------------------------------------------------------------- fixtures

for (const file of ['albert-tiny.shared.onnx', 'gpt-tiny.onnx', 'cnn-tiny.onnx', 'vad-if.onnx']) {
  test(`fixture ${file}: runs in onnxruntime-node, cosine ≥ 0.98, smaller`, async () => {
    const r = await runStageOnFixture(quantizeInt4Stage({}), file, tmp);
    for (const c of r.cosines) assert.ok(c >= 0.98, `cosine ${c}`);
    if (file === 'cnn-tiny.onnx') {
      // Conv stays float (MatMulNBits has no Conv form); the classifier's Gemm is quantized.
      assert.deepEqual([r.details.matmulNBits, r.details.fromGemm], [1, 1]);
      assert.ok(r.bytesAfter < r.bytesBefore, `${r.bytesBefore} → ${r.bytesAfter}`);
    } else {
      assert.ok(r.bytesAfter < r.bytesBefore * 0.45, `${r.bytesBefore} → ${r.bytesAfter}`);
    }
  });
}

// ----------------------------------------------------------------------------- accuracy level speed

test('accuracy-level 0 vs 4 on a MatMul-heavy model (measured, reported as diagnostics)', async (t) => {
  const [S, H, F] = [64, 384, 1536];
  const build = () => model(graph({
    node: [node('MatMul', ['x', 'w1'], ['h']), node('Relu', ['h'], ['r']), node('MatMul', ['r', 'w2'], ['y'])],
    input: [valueInfo('x', DataType.FLOAT, [1, S, H])],
    output: [valueInfo('y', DataType.FLOAT, [1, S, H])],
    initializer: [floatTensor('w1', [H, F], randomFloats(H * F, 31, 0.05)), floatTensor('w2', [F, H], randomFloats(F * H, 32, 0.05))],
  }));
  const x = new ort.Tensor('float32', randomFloats(S * H, 33), [1, S, H]);
  const variants: [string, ModelProto][] = [['fp32', build()]];
  for (const level of [0, 4]) {
    const m = build();
    await quantizeInt4Stage({ 'accuracy-level': level }).run(m, ctx);
    variants.push([`int4 level ${level}`, m]);
  }
  const sessions = await Promise.all(variants.map(([, m]) => ort.InferenceSession.create(encodeModel(m), { intraOpNumThreads: 1 })));
  const times: number[][] = variants.map(() => []);
  const outs: Float32Array[] = [];
  for (let rep = 0; rep < 6; rep++) { // interleaved, first round is warm-up
    for (let i = 0; i < sessions.length; i++) {
      const t0 = performance.now();
      const o = await sessions[i]!.run({ x });
      if (rep > 0) times[i]!.push(performance.now() - t0);
      outs[i] = o['y']!.data as Float32Array;
    }
  }
  await Promise.all(sessions.map((s) => s.release()));
  const median = (a: number[]) => [...a].sort((p, q) => p - q)[a.length >> 1]!;
  variants.forEach(([name], i) => t.diagnostic(`${name}: median ${median(times[i]!).toFixed(2)} ms, cosine vs fp32 ${cosine(outs[0]!, outs[i]!).toFixed(5)}`));
  assert.ok(cosine(outs[0]!, outs[1]!) > 0.99 && cosine(outs[0]!, outs[2]!) > 0.99);
});

// ---------------------------------------------------------------------------------------------- Gemm

test('Gemm (transA/transB, alpha, beta, C) becomes MatMulNBits + Add, computing what the MatMul form computes', async () => {
  const [M, K, N] = [4, 64, 24];
  const B = randomFloats(K * N, 5, 0.3); // row-major [K, N]
  const Bt = new Float32Array(N * K); // [N, K]
  for (let k = 0; k < K; k++) for (let n = 0; n < N; n++) Bt[n * K + k] = B[k * N + n]!;
  const C = randomFloats(N, 6);
  const a = new ort.Tensor('float32', randomFloats(M * K, 7), [M, K]);
  const aT = new ort.Tensor('float32', (() => { const t = new Float32Array(K * M); const v = a.data as Float32Array; for (let m = 0; m < M; m++) for (let k = 0; k < K; k++) t[k * M + m] = v[m * K + k]!; return t; })(), [K, M]);
  const cases = [
    { transA: 0, transB: 0, alpha: 1, beta: 1, withC: true },
    { transA: 0, transB: 1, alpha: 1, beta: 1, withC: true },
    { transA: 0, transB: 1, alpha: 0.5, beta: 2, withC: true },
    { transA: 1, transB: 0, alpha: 1, beta: 1, withC: false },
  ];
  for (const cs of cases) {
    const label = JSON.stringify(cs);
    const gemm = model(graph({
      node: [node('Gemm', ['a', 'B', ...(cs.withC ? ['C'] : [])], ['y'], { transA: cs.transA, transB: cs.transB, alpha: { float: cs.alpha }, beta: { float: cs.beta } }, { name: 'fc' })],
      input: [valueInfo('a', DataType.FLOAT, cs.transA ? [K, M] : [M, K])],
      output: [valueInfo('y', DataType.FLOAT, [M, N])],
      initializer: [floatTensor('B', cs.transB ? [N, K] : [K, N], cs.transB ? Bt : B), floatTensor('C', [N], C)],
    }), 13);
    // The same computation as MatMul (weight alpha·B, bias beta·C as float32 products) + Add.
    const matmul = model(graph({
      node: [node('MatMul', ['a', 'W'], [cs.withC ? 'p' : 'y']), ...(cs.withC ? [node('Add', ['p', 'C2'], ['y'])] : [])],
      input: [valueInfo('a', DataType.FLOAT, [M, K])],
      output: [valueInfo('y', DataType.FLOAT, [M, N])],
      initializer: [floatTensor('W', [K, N], B.map((v) => v * cs.alpha)), floatTensor('C2', [N], C.map((v) => v * cs.beta))],
    }), 13);
    const fp32 = await run(gemm, { a: cs.transA ? aT : a });
    const { details } = await quantizeInt4Stage({ 'block-size': 32 }).run(gemm, ctx);
    await quantizeInt4Stage({ 'block-size': 32 }).run(matmul, ctx);
    assert.deepEqual([details.matmulNBits, details.fromGemm, details.skipped], [1, 1, []], label);
    assert.deepEqual(gemm.graph!.node.map((n) => n.opType), [...(cs.transA ? ['Transpose'] : []), 'MatMulNBits', ...(cs.withC ? ['Add'] : [])], label);
    assert.deepEqual(gemm.graph!.initializer.map((t) => t.name).filter((n) => n === 'B'), [], `${label}: the float weight is gone`);
    const viaGemm = await run(gemm, { a: cs.transA ? aT : a });
    const viaMatMul = await run(matmul, { a });
    assert.deepEqual([...viaGemm], [...viaMatMul], `${label}: same bits as the MatMul form`);
    assert.ok(cosine(fp32, viaGemm) > 0.99, `${label}: cosine ${cosine(fp32, viaGemm)}`);
  }
});

test('Gemm with beta ≠ 1 on a computed C is left alone, and says why', async () => {
  const m = model(graph({
    node: [node('Relu', ['c'], ['c1']), node('Gemm', ['a', 'B', 'c1'], ['y'], { beta: { float: 0.5 } }, { name: 'fc' })],
    input: [valueInfo('a', DataType.FLOAT, [2, 32]), valueInfo('c', DataType.FLOAT, [16])],
    output: [valueInfo('y', DataType.FLOAT, [2, 16])],
    initializer: [floatTensor('B', [32, 16], randomFloats(512, 3))],
  }), 13);
  const { details } = await quantizeInt4Stage({}).run(m, ctx);
  assert.deepEqual(details.skipped, [{ node: 'fc', op: 'Gemm', reason: 'beta 0.5 on a C that is not a float constant' }]);
  assert.equal(m.graph!.node[1]!.opType, 'Gemm');
});
