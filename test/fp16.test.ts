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
import { forEachTensor } from '../src/onnx/graph.js';
import { loadModel } from '../src/onnx/model-io.js';
import type { ModelProto } from '../src/onnx/types.js';
import { clampForFloat16, fromFloat16Bits, toFloat16Bits } from '../src/stages/fp16-numerics.js';
import { fp16Stage } from '../src/stages/fp16.js';
import { floatTensor, graph, model, node, valueInfo } from './helpers/builder.js';
import { cosine, FIXTURES, fixtureDataDir, runStageOnFixture } from './helpers/fixture-parity.js';
import { ortTensor, readTestInputs } from './helpers/ort-run.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'fp16-test-'));
const ctx = { tmpDir: tmp, log: () => {} };

test('float32 → fp16 bits: rounding to nearest even, subnormals, overflow (values from the IEEE 754 layout)', () => {
  const cases: [number, number][] = [
    [1, 0x3c00], [-2, 0xc000], [0.5, 0x3800], [65504, 0x7bff], [0, 0x0000], [-0, 0x8000],
    [65520, 0x7c00], // halfway between 65504 and 2^16: ties to even → overflow → inf
    [65519, 0x7bff],
    [2 ** -24, 0x0001], [2 ** -25, 0x0000], [3 * 2 ** -26, 0x0001], [2 ** -14, 0x0400],
    [1 + 2 ** -11, 0x3c00], // halfway between 1 and 1 + 2^-10: even (1) wins
    [1 + 3 * 2 ** -11, 0x3c02], // halfway between 1+2^-10 and 1+2^-9: even mantissa 2 wins
    [0.1, 0x2e66], [Infinity, 0x7c00], [-Infinity, 0xfc00],
  ];
  for (const [x, bits] of cases) assert.equal(toFloat16Bits(x), bits, `${x}`);
  assert.equal(toFloat16Bits(NaN) & 0x7c00, 0x7c00);
  assert.ok(Number.isNaN(fromFloat16Bits(toFloat16Bits(NaN))));
  assert.equal(fromFloat16Bits(0x2e66), 0.0999755859375);
  assert.equal(fromFloat16Bits(0x0001), 2 ** -24);
});

test('clamp as the converter: finite stays finite, non-zero stays non-zero, sign kept', () => {
  assert.equal(clampForFloat16(1e6), 65504);
  assert.equal(clampForFloat16(-3.4e38), -65504);
  assert.equal(clampForFloat16(1e-10), 2 ** -24);
  assert.equal(clampForFloat16(-1e-12), -(2 ** -24));
  assert.equal(clampForFloat16(Infinity), Infinity);
  assert.equal(clampForFloat16(0), 0);
  assert.equal(clampForFloat16(0.3), 0.3);
});

test('options: unknown keys and bad values refused', () => {
  assert.throws(() => fp16Stage({ 'keep-io': true }), UsageError);
  assert.throws(() => fp16Stage({ 'keep-io-types': 'yes' }), UsageError);
  assert.throws(() => fp16Stage({ 'op-block-list': 3 }), UsageError);
});

function blockModel(): ModelProto {
  // y = Max(x + c, floor) * big: Max is in the default block list; `floor` is read only by Max, so it
  // stays float32; `c` and `big` convert (a constant beyond fp16's range would keep its reader in float32
  // instead: test/fp16-range.test.ts), `c`'s 1e-9 raised to the smallest subnormal.
  return model(graph({
    node: [
      node('Add', ['x', 'c'], ['s']),
      node('Max', ['s', 'floor'], ['m'], {}, { name: 'the_max' }),
      node('Mul', ['m', 'big'], ['y']),
    ],
    input: [valueInfo('x', DataType.FLOAT, [2, 4])],
    output: [valueInfo('y', DataType.FLOAT, [2, 4])],
    initializer: [
      floatTensor('c', [4], [0.25, -0.5, 1e-9, 2]), floatTensor('floor', [4], [0, 0.1, 0, 0.3]),
      floatTensor('big', [], [1e4]),
    ],
    valueInfo: [valueInfo('s', DataType.FLOAT, [2, 4])],
  }));
}

test('block list: Casts around a blocked node, its private initializer stays float32, clamping', async () => {
  const m = blockModel();
  const { details } = await fp16Stage({}).run(m, ctx);
  const g = m.graph!;
  const byName = (n: string) => g.initializer.find((t) => t.name === n)!;
  assert.equal(byName('floor').dataType, DataType.FLOAT);
  assert.equal(byName('c').dataType, DataType.FLOAT16);
  assert.deepEqual([...new Uint16Array(byName('big').rawData!.slice().buffer)], [0x70e2], '1e4 exactly');
  assert.deepEqual([...new Uint16Array(byName('c').rawData!.slice().buffer)], [0x3400, 0xb800, 0x0001, 0x4000], '1e-9 → smallest subnormal');
  assert.deepEqual(g.node.map((n) => n.opType), ['Cast', 'Add', 'Cast', 'Max', 'Cast', 'Mul', 'Cast']);
  const max = g.node.find((n) => n.name === 'the_max')!;
  assert.deepEqual(max.input, ['s_fp32', 'floor']);
  assert.equal(g.valueInfo[0]!.type!.tensorType!.elemType, DataType.FLOAT16);
  assert.equal(g.input[0]!.type!.tensorType!.elemType, DataType.FLOAT, 'keep-io-types');
  assert.equal(details.blockedNodes, 1);
  assert.equal(details.initializersKeptFloat32, 1);
  assert.equal(details.valuesClamped, 1);

  const x = new Float32Array([1, -2, 3, 0.001, 0.5, 0.5, -1, 4]);
  const want = new Float32Array([1.25, -2.5, 3, 2.001, 0.75, 0, 0, 6]).map((v, i) => Math.max(v, [0, 0.1, 0, 0.3][i % 4]!) * 1e4);
  const s = await ort.InferenceSession.create(encodeModel(m));
  assert.deepEqual([...s.inputNames], ['x']);
  const y = (await s.run({ x: new ort.Tensor('float32', x, [2, 4]) }))['y']!;
  assert.equal(y.type, 'float32');
  assert.ok(cosine(y.data as Float32Array, want) > 0.9999);
  await s.release();
});

test('user block lists add to the defaults; keep-io-types false retypes the graph boundary', async () => {
  const m = blockModel();
  await fp16Stage({ 'op-block-list': ['Add'], 'node-block-list': ['Mul_y'], 'keep-io-types': false }).run(m, ctx);
  const g = m.graph!;
  assert.equal(g.input[0]!.type!.tensorType!.elemType, DataType.FLOAT16);
  assert.equal(g.output[0]!.type!.tensorType!.elemType, DataType.FLOAT16);
  // Add, Max and Mul all blocked: every initializer is read only by blocked nodes → all stay float32.
  assert.deepEqual(g.initializer.map((t) => t.dataType), [DataType.FLOAT, DataType.FLOAT, DataType.FLOAT]);
  const s = await ort.InferenceSession.create(encodeModel(m));
  const half = Uint16Array.from([1, -2, 3, 0.001, 0.5, 0.5, -1, 4], toFloat16Bits);
  const y = (await s.run({ x: new ort.Tensor('float16', half, [2, 4]) }))['y']!;
  assert.equal(y.type, 'float16');
  await s.release();
});

for (const file of ['albert-tiny.shared.onnx', 'gpt-tiny.onnx', 'cnn-tiny.onnx', 'vad-if.onnx']) {
  test(`fixture ${file}: runs in onnxruntime-node, cosine ≥ 0.999, about half the size`, async () => {
    const r = await runStageOnFixture(fp16Stage({}), file, tmp);
    for (const c of r.cosines) assert.ok(c >= 0.999, `cosine ${c}`);
    assert.ok(r.bytesAfter < r.bytesBefore * 0.62, `${r.bytesBefore} → ${r.bytesAfter}`);
    let float32 = 0;
    forEachTensor(r.model, (t) => { if (t.dataType === DataType.FLOAT && t.dims.length > 0) float32++; });
    assert.equal(float32, 0, 'no float32 weights left');
  });
}

test('subgraphs: If branches (initializers and Constant nodes) convert', async () => {
  const m = loadModel(path.join(FIXTURES, 'vad-if.onnx')).model;
  await fp16Stage({}).run(m, ctx);
  const branches = m.graph!.node.find((n) => n.opType === 'If')!.attribute.map((a) => a.g!);
  assert.ok(branches[0]!.initializer.every((t) => t.dataType === DataType.FLOAT16));
  assert.ok(branches[1]!.node.filter((n) => n.opType === 'Constant').every((n) => n.attribute[0]!.t!.dataType === DataType.FLOAT16));
  assert.ok(branches.every((b) => b.output[0]!.type!.tensorType!.elemType === DataType.FLOAT16));
});

test('CPU latency fp32 vs fp16 (measured, reported as diagnostics: the stage is for size and GPUs)', async (t) => {
  for (const file of ['gpt-tiny.onnx', 'albert-tiny.shared.onnx']) {
    const src = loadModel(path.join(FIXTURES, file));
    const half = loadModel(path.join(FIXTURES, file)).model;
    await fp16Stage({}).run(half, ctx);
    const feedsProto = readTestInputs(path.join(fixtureDataDir(file), 'test_data_set_0'), src.model.graph!);
    const feeds = Object.fromEntries(Object.entries(feedsProto).map(([k, v]) => [k, ortTensor(v)]));
    const sessions = [
      await ort.InferenceSession.create(src.path, { intraOpNumThreads: 1 }),
      await ort.InferenceSession.create(encodeModel(half), { intraOpNumThreads: 1 }),
    ];
    const times: number[][] = [[], []];
    for (let rep = 0; rep < 12; rep++) {
      for (let i = 0; i < 2; i++) {
        const t0 = performance.now();
        await sessions[i]!.run(feeds);
        if (rep > 1) times[i]!.push(performance.now() - t0);
      }
    }
    await Promise.all(sessions.map((s) => s.release()));
    const med = (a: number[]) => [...a].sort((p, q) => p - q)[a.length >> 1]!;
    t.diagnostic(`${file}: fp32 median ${med(times[0]!).toFixed(3)} ms, fp16 median ${med(times[1]!).toFixed(3)} ms`);
  }
});


