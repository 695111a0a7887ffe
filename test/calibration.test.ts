/**
 * Calibration statistics: the dyadic histogram is exact and order-independent, percentile and entropy
 * ranges match independent computations (a sort, and onnxruntime's own get_entropy_threshold run in
 * Python: scripts/fixtures/entropy_golden.py), and calibrating through onnxruntime keeps a fixed-size
 * state whatever the number of samples.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { augmentedForCalibration, calibrate, withGrams } from '../src/check/calibrate.js';
import { calibrationSource } from '../src/check/calibration-inputs.js';
import { ChannelMoments, DyadicHistogram, ENTROPY_FLOOR_PERCENTILE, MinMaxStat, createStat, entropyRange, entropyWindow, guardedEntropyRange, percentileRange } from '../src/runtime/calibration-stats.js';
import { seededRandom } from '../src/runtime/auto-inputs.js';
import { loadModel } from '../src/onnx/model-io.js';
import { FIXTURES } from './helpers/fixture-parity.js';
import { graph, model as makeModel, node, valueInfo } from './helpers/builder.js';
import { DataType } from '../src/onnx/dtype.js';
import { saveModel } from '../src/onnx/model-io.js';
import { runModelOnce } from '../src/runtime/ort-runner.js';
import { tensorValues, type NamedTensor } from '../src/runtime/named-tensor.js';

function gaussian(n: number, seed: number, scale = 1): Float32Array {
  const rand = seededRandom(seed);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = scale * Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  return out;
}

test('dyadic histogram: growing merges bins exactly as binning everything at the final radius', () => {
  const chunks = [gaussian(5000, 1, 0.3), gaussian(5000, 2, 2), gaussian(5000, 3, 9)];
  const grown = new DyadicHistogram(256);
  for (const c of chunks) grown.add(c);
  const reversed = new DyadicHistogram(256);
  for (const c of [...chunks].reverse()) reversed.add(c);
  assert.deepEqual([...grown.counts], [...reversed.counts]);
  assert.equal(grown.radius, reversed.radius);
  // Independent: bin each value once at the final radius.
  const direct = new Float64Array(256);
  const r = grown.radius;
  for (const c of chunks) for (const v of c) direct[Math.min(255, Math.floor(((v + r) / (2 * r)) * 256))]!++;
  assert.deepEqual([...grown.counts], [...direct]);
  assert.equal(grown.total, 15000);
  assert.ok(r >= 9 && Math.log2(r) % 1 === 0, `radius ${r} is a power of two covering the data`);
});

test('percentile range brackets the sorted-data quantiles within one bin', () => {
  const data = gaussian(100_000, 7, 1.5);
  const h = new DyadicHistogram();
  h.add(data);
  const sorted = Float64Array.from(data).sort();
  const p = 99.9;
  const r = percentileRange(h, p);
  const cut = (100 - p) / 200;
  const lo = sorted[Math.floor(cut * sorted.length)]!;
  const hi = sorted[Math.ceil((1 - cut) * sorted.length) - 1]!;
  const bin = (2 * h.radius) / h.bins;
  assert.ok(Math.abs(r.min - lo) <= bin, `min ${r.min} vs quantile ${lo}`);
  assert.ok(Math.abs(r.max - hi) <= bin, `max ${r.max} vs quantile ${hi}`);
  const sym = percentileRange(h, p, true);
  assert.equal(sym.min <= 0 && sym.max >= 0, true);
});

test('entropy window matches onnxruntime get_entropy_threshold on its own histograms', () => {
  const cases = JSON.parse(readFileSync(path.join(FIXTURES, 'calibration', 'entropy-golden.json'), 'utf8')) as
    { name: string; hist: number[]; start: number; end: number; lo: number }[];
  for (const c of cases) {
    const w = entropyWindow(Float64Array.from(c.hist));
    assert.equal(w.end, c.end, `${c.name}: end edge`);
    // ORT clamps the low edge to the data's minimum (0 after a ReLU), which hides the window's start.
    if (c.lo < 0) assert.equal(w.start, c.start, `${c.name}: start edge`);
  }
});

test('entropy calibration never cuts inside the 99.999th-percentile range, and keeps the KL window when wider', () => {
  const h = new DyadicHistogram();
  h.add(gaussian(50_000, 9, 2));
  const g = guardedEntropyRange(h);
  const p = percentileRange(h, ENTROPY_FLOOR_PERCENTILE);
  const e = entropyRange(h);
  assert.ok(g.min <= p.min && g.max >= p.max && g.min <= e.min && g.max >= e.max);
  assert.ok(g.min === Math.min(p.min, e.min) && g.max === Math.max(p.max, e.max));
});

test('min-max statistic over chunks equals that of all values', () => {
  const s = new MinMaxStat();
  const a = gaussian(1000, 4);
  const b = gaussian(1000, 5, 3);
  s.add(a);
  s.add(b);
  const all = [...a, ...b];
  assert.deepEqual(s.range(), { min: Math.min(...all), max: Math.max(...all) });
});

test('calibrate through onnxruntime: same ranges in any sample order, state size flat in the sample count', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'calib-'));
  const loaded = loadModel(path.join(FIXTURES, 'cnn-static.onnx'));
  try {
    const model = loaded.model;
    const tensors = ['image', ...model.graph!.node.filter((n) => n.opType === 'Relu' || n.opType === 'Concat').map((n) => n.output[0]!)];
    const run = (samples: number, method: 'minmax' | 'entropy', seed = 11) =>
      calibrate({ model, tensors, method, source: calibrationSource({ inputs: 'auto', samples, seed }, model), tmpDir: dir, threads: 1 });
    const five = await run(5, 'entropy');
    const fifty = await run(50, 'entropy');
    assert.equal(five.samples, 5);
    assert.equal(fifty.samples, 50);
    assert.equal(five.stateBytes, fifty.stateBytes, 'histogram state does not grow with samples');
    assert.equal(five.synthetic, true);
    for (const t of tensors) {
      const r = fifty.ranges.get(t)!;
      assert.ok(Number.isFinite(r.min) && Number.isFinite(r.max) && r.max > r.min, `${t}: ${JSON.stringify(r)}`);
    }
    // A ReLU output never goes below 0.
    const relu = tensors[1]!;
    assert.ok(fifty.ranges.get(relu)!.min >= 0);
    // Min-max over samples 11..15 is the union of single-sample calibrations, whatever their order.
    const whole = await run(5, 'minmax');
    const singles = await Promise.all([15, 13, 11, 14, 12].map((seed) => run(1, 'minmax', seed)));
    for (const t of tensors) {
      const min = Math.min(...singles.map((s) => s.ranges.get(t)!.min));
      const max = Math.max(...singles.map((s) => s.ranges.get(t)!.max));
      assert.deepEqual(whole.ranges.get(t), { min, max }, t);
    }
  } finally {
    loaded.external.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('calibrate: min-max reduced inside onnxruntime equals the min-max of the fetched values, NaN, ±Inf and empty samples included', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'calib-'));
  try {
    // log(x) is NaN below 0 and -Inf at 0, where onnxruntime's ReduceMin/Max are not to be trusted;
    // relu and sqrt(|x|) stay finite; the shape is int64 and gets no range.
    const m = makeModel(graph({
      node: [
        node('Log', ['x'], ['log']), node('Relu', ['x'], ['relu']), node('Abs', ['x'], ['abs']), node('Sqrt', ['abs'], ['sqrt']),
        node('Shape', ['x'], ['shape']), node('Add', ['relu', 'sqrt'], ['y']),
      ],
      input: [valueInfo('x', DataType.FLOAT, ['n'])],
      output: [valueInfo('y', DataType.FLOAT, ['n'])],
    }), 13);
    const file = path.join(dir, 'm.onnx');
    saveModel(augmentedForCalibration(m, ['log', 'relu', 'sqrt']).model, file);
    const feed = (values: number[]): NamedTensor[] => [{ name: 'x', type: 'float32', dims: [values.length], data: new Uint8Array(Float32Array.from(values).buffer) }];
    const feeds = [feed([1, 2, 3.5]), feed([2.7, -1, 0.5, 20]), feed([]), feed([0, 7, 1e-3]), feed([2, 9, 0.5])];
    const tensors = ['x', 'log', 'relu', 'sqrt', 'shape', 'y'];
    const r = await calibrate({ model: m, tensors, method: 'minmax', tmpDir: dir, threads: 1, source: { synthetic: false, from: 'test', samples: () => feeds } });
    // Independent: every value onnxruntime computes, NaN left out.
    const seen = new Map<string, number[]>([['x', feeds.flatMap((f) => [...new Float32Array((f[0]!.data as Uint8Array).buffer)])]]);
    for (const f of feeds) {
      const out = await runModelOnce(file, f, { outputNames: ['log', 'relu', 'sqrt', 'y'] });
      for (const o of out.outputs) seen.set(o.name, [...(seen.get(o.name) ?? []), ...[...(tensorValues(o) as Float32Array)].filter((v) => !Number.isNaN(v))]);
    }
    for (const [name, values] of seen) assert.deepEqual(r.ranges.get(name), { min: Math.min(...values), max: Math.max(...values) }, name);
    // Histograms come over with their in-graph min and max: the same ranges as folding each sample's
    // values whole (NaN and -Inf samples take that path).
    const hist = await calibrate({ model: m, tensors, method: 'percentile', tmpDir: dir, threads: 1, source: { synthetic: false, from: 'test', samples: () => feeds } });
    const whole = new Map(['x', 'log', 'relu', 'sqrt'].map((t) => [t, createStat('percentile')]));
    for (const f of feeds) {
      whole.get('x')!.add(new Float32Array((f[0]!.data as Uint8Array).buffer));
      const out = await runModelOnce(file, f, { outputNames: ['log', 'relu', 'sqrt'] });
      for (const o of out.outputs) whole.get(o.name)!.add(tensorValues(o) as Float32Array);
    }
    for (const [name, stat] of whole) assert.deepEqual(hist.ranges.get(name), stat.range(), name);
    // log's -Inf leaves its histogram range not finite, as its min-max is (the node then stays float).
    assert.equal(hist.ranges.get('log')!.min, -Infinity);
    assert.equal(r.ranges.get('log')!.min, -Infinity);
    assert.ok(!r.ranges.has('shape'), 'an int64 tensor gets no range');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('calibrate: channel moments from Gram blocks computed in onnxruntime equal ChannelMoments over the fetched values; a sample with NaN or -Inf is read in full and counts them as 0', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'calib-'));
  try {
    const K = 64;
    // relu stays finite; lg = log|x| is -Inf where x is 0 (the third sample has one), NaN nowhere.
    const m = makeModel(graph({
      node: [node('Relu', ['x'], ['relu']), node('Abs', ['x'], ['abs']), node('Log', ['abs'], ['lg']), node('Add', ['relu', 'lg'], ['y'])],
      input: [valueInfo('x', DataType.FLOAT, [1, 'n', K])],
      output: [valueInfo('y', DataType.FLOAT, [1, 'n', K])],
    }), 13);
    const feed = (rows: number, seed: number, zeroAt?: number): NamedTensor[] => {
      const v = gaussian(rows * K, seed, 2);
      if (zeroAt !== undefined) v[zeroAt] = 0;
      return [{ name: 'x', type: 'float32', dims: [1, rows, K], data: new Uint8Array(v.buffer) }];
    };
    const feeds = [feed(130, 1), feed(5, 2), feed(40, 3, 77), feed(70, 4)];
    const moments = ['x', 'relu', 'lg'];
    const channels = new Map(moments.map((t) => [t, K]));
    // Blocks of 16, and a block wider than the 64 channels (gptq's span over a smaller K: one block of all).
    for (const B of [16, 96]) {
      const r = await calibrate({ model: m, tensors: [], moments, momentBlock: B, channels, method: 'minmax', tmpDir: dir, threads: 1, source: { synthetic: false, from: 'test', samples: () => feeds } });
      // Independent: ChannelMoments over every value onnxruntime computes (JavaScript, double sums).
      const file = path.join(dir, 'plain.onnx');
      saveModel(augmentedForCalibration(m, moments).model, file);
      const want = new Map(moments.map((t) => [t, new ChannelMoments(K, B)]));
      for (const f of feeds) {
        want.get('x')!.add(new Float32Array((f[0]!.data as Uint8Array).slice().buffer));
        const out = await runModelOnce(file, f, { outputNames: ['relu', 'lg'] });
        for (const o of out.outputs) want.get(o.name)!.add(tensorValues(o) as Float32Array);
      }
      for (const [name, w] of want) {
        const got = r.moments.get(name)!;
        assert.equal(got.rows, 245, name);
        assert.equal(got.block, B);
        // float32 sums over a sample's rows: within 1e-5 of √(E[x_i²]·E[x_j²]), the scale of Σ|x_i·x_j|.
        const diag = w.means();
        const close = (a: Float32Array, b: Float32Array, scale: (i: number) => number, what: string) => a.forEach((v, i) => {
          assert.ok(Number.isFinite(b[i]!) && Math.abs(b[i]! - v) <= 1e-5 * scale(i), `${name} ${what}[${i}]: ${b[i]} vs ${v}`);
        });
        close(diag, got.second, (i) => diag[i]!, 'E[x²]');
        close(w.firstMeans(), got.first!, (i) => Math.sqrt(diag[i]!), 'E[x]');
        close(w.blockMeans(), got.cross!, (at) => {
          const i = Math.floor(at / B);
          const j = i - (i % B) + (at % B);
          return j < K ? Math.sqrt(diag[i]! * diag[j]!) : 1; // past K: zeros on both sides
        }, 'E[xxᵀ]');
      }
      // The ranges come with them, reduced in the graph.
      assert.equal(r.ranges.get('lg')!.min, -Infinity);
      assert.ok(r.ranges.get('relu')!.min >= 0);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('withGrams: onnxruntime computes each block\'s XᵀX and each channel\'s sum over all rows of a [batch, seq, K] tensor, and the view\'s rows', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'calib-'));
  try {
    const [K, B, N, S] = [48, 16, 2, 3];
    // ReduceSum's axes: an attribute at opset 11, an input at 13.
    for (const opset of [11, 13]) {
      const m = makeModel(graph({ node: [node('Relu', ['x'], ['y'])], input: [valueInfo('x', DataType.FLOAT, [N, S, K])], output: [valueInfo('y', DataType.FLOAT, [N, S, K])] }), opset);
      const { model: g, outputs } = withGrams(m, [{ name: 'x', channels: K, block: B }]);
      const file = path.join(dir, `g${opset}.onnx`);
      saveModel(g, file);
      const x = gaussian(N * S * K, 5);
      const o = outputs.get('x')!;
      const out = await runModelOnce(file, [{ name: 'x', type: 'float32', dims: [N, S, K], data: new Uint8Array(x.buffer) }], { outputNames: [o.out, o.shape, o.sum] });
      const gram = tensorValues(out.outputs[0]!) as Float32Array;
      assert.deepEqual(out.outputs[0]!.dims, [K / B, B, B]);
      assert.deepEqual([...(tensorValues(out.outputs[1]!) as BigInt64Array)].map(Number), [N * S, K / B, B]);
      const sums = tensorValues(out.outputs[2]!) as Float32Array;
      for (let c = 0; c < K; c++) {
        let s = 0;
        for (let r = 0; r < N * S; r++) s += x[r * K + c]!;
        assert.ok(Math.abs(sums[c]! - s) <= 1e-5 * (Math.abs(s) + 1), `opset ${opset} channel ${c}: ${sums[c]} vs ${s}`);
      }
      for (let blk = 0; blk < K / B; blk++) {
        for (let i = 0; i < B; i++) {
          for (let j = 0; j < B; j++) {
            let s = 0;
            for (let r = 0; r < N * S; r++) s += x[r * K + blk * B + i]! * x[r * K + blk * B + j]!;
            assert.ok(Math.abs(gram[(blk * B + i) * B + j]! - s) <= 1e-5 * (Math.abs(s) + 1), `block ${blk} (${i}, ${j})`);
          }
        }
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
