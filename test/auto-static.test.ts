/**
 * The per-layer fallback of `strategy: auto` on static int8 recipes (calibration given): a static layer is
 * a weight node with the activations it feeds (auto-static-layers.ts), probed one at a time, and every
 * build after the first reuses the calibrated ranges of the same float model (CalibrationCache).
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { encodeModel } from '../src/onnx/codec.js';
import { DataType } from '../src/onnx/dtype.js';
import { loadModel } from '../src/onnx/model-io.js';
import { startOrtHost } from '../src/runtime/ort-runner.js';
import { autoCompress } from '../src/pipeline/auto.js';
import { quantizedLayers } from '../src/pipeline/auto-candidates.js';
import { isStaticRecipe, staticLayerGroups } from '../src/pipeline/auto-static-layers.js';
import { sensitivityMethod } from '../src/pipeline/auto-sensitivity.js';
import { compressModel } from '../src/pipeline/compress.js';
import { floatTensor, graph, model, node, randomFloats, valueInfo } from './helpers/builder.js';

const dir = mkdtempSync(path.join(tmpdir(), 'onnx-diet-auto-static-'));
const host = startOrtHost();
after(async () => {
  await host.close();
  rmSync(dir, { recursive: true, force: true });
});

const C = 8;

/**
 * `layers` blocks of 1×1 Conv `conv<i>` → Mul by a per-channel constant `mul<i>` → Relu `relu<i>` (none
 * after the last), [1, 8, 8, 8]. In block `sensitive`, the Conv's channel 0 carries a bias of 500 that its
 * Mul multiplies by 0: dead in float, but the Conv's output is quantized over [−3, 500], about 2 per
 * uint8 step, so the other seven channels (±3) lose almost everything. Only that block's own tensors
 * carry the 500: the block back in float is the whole fix.
 */
function chain(file: string, layers: number, sensitive: number): string {
  const initializer = [];
  const nodes = [];
  let x = 'x';
  for (let i = 1; i <= layers; i++) {
    const bias = randomFloats(C, 100 + i, 0.1);
    const scale = Float32Array.from(randomFloats(C, 200 + i, 0.25), (v) => 1 + v);
    if (i === sensitive) { bias[0] = 500; scale[0] = 0; }
    initializer.push(floatTensor(`w${i}`, [C, C, 1, 1], randomFloats(C * C, i, Math.sqrt(6 / C))), floatTensor(`b${i}`, [C], bias), floatTensor(`s${i}`, [1, C, 1, 1], scale));
    nodes.push(node('Conv', [x, `w${i}`, `b${i}`], [`c${i}`], {}, { name: `conv${i}` }));
    const last = i === layers;
    nodes.push(node('Mul', [`c${i}`, `s${i}`], [last ? 'features' : `m${i}`], {}, { name: `mul${i}` }));
    if (!last) {
      nodes.push(node('Relu', [`m${i}`], [`r${i}`], {}, { name: `relu${i}` }));
      x = `r${i}`;
    }
  }
  writeFileSync(file, encodeModel(model(graph({
    node: nodes, initializer,
    input: [valueInfo('x', DataType.FLOAT, [1, C, 8, 8])], output: [valueInfo('features', DataType.FLOAT, [1, C, 8, 8])],
  }), 13)));
  return file;
}

test('staticLayerGroups: each weight node takes the static-quantizable nodes it feeds, up to the next weight node', async () => {
  const source = chain(path.join(dir, 'groups.onnx'), 3, 0);
  const base = loadModel(source).model;
  const q = path.join(dir, 'groups.static.onnx');
  await compressModel(source, q, { stages: [{ 'quantize-int8': { activations: 'static', 'per-channel': true } }], digest: false, calibration: { inputs: 'auto', samples: 4, method: 'minmax' } });
  const { layers } = quantizedLayers(base, loadModel(q).model);
  assert.deepEqual(layers, [1, 2, 3].map((i) => ({ weight: `w${i}`, nodes: [`conv${i}`] })), 'the weight-bearing layers, as dynamic recipes see them');
  // Relu is not a static op (it folds into its producer's range), so it is not listed: excluding the Mul keeps it float.
  assert.deepEqual(staticLayerGroups(base, layers), [1, 2, 3].map((i) => ({ weight: `w${i}`, nodes: [`conv${i}`, `mul${i}`] })));
  assert.equal(isStaticRecipe({ label: 's', stage: 'quantize-int8', options: { activations: 'static' }, excludable: true }), true);
  assert.equal(isStaticRecipe({ label: 'd', stage: 'quantize-int8', options: {}, excludable: true }), false);
  assert.equal(sensitivityMethod(3, true).method, 'one-at-a-time');
  assert.equal(sensitivityMethod(3).method, 'all-but-one');
});

test('static recipe with one sensitive block: the fallback ranks that block first, keeps exactly it in float and passes; calibration runs once', async () => {
  const source = chain(path.join(dir, 'sensitive.onnx'), 5, 3);
  const result = await autoCompress(source, path.join(dir, 'sensitive.slim.onnx'), {
    host, objective: 'latency', latency: { runs: 2, warmup: 1, threads: 1 },
    parity: { inputs: 'auto', samples: 4, seed: 0, dims: {}, thresholds: { where: {} }, outputs: {} },
    calibration: { inputs: 'auto', samples: 32, method: 'minmax' },
  });
  const auto = result.auto;
  const recipe = 'int8 static per-channel';
  const plain = auto.candidates.find((c) => c.recipe === recipe && c.floatLayers.length === 0)!;
  assert.equal(plain.status, 'failed', 'the premise: static int8 of every block fails the default cosine 0.99');
  assert.ok(plain.parity!.outputs[0]!.cosine < 0.98, `plain static cosine ${plain.parity!.outputs[0]!.cosine}`);

  const s = auto.sensitivity.find((x) => x.recipe === recipe)!;
  assert.equal(s.method, 'one-at-a-time');
  assert.equal(s.complete, true);
  assert.deepEqual(s.layers.map((l) => l.weight).slice(0, 1), ['w3'], JSON.stringify(s.layers));
  assert.deepEqual(s.layers[0]!.nodes, ['conv3', 'mul3']);

  // Probes that happened to be the fastest passing model stay listed too: the fallback's answer has the fewest.
  const fixed = auto.candidates.filter((c) => c.recipe === recipe && c.status === 'passed').sort((a, b) => a.floatLayers.length - b.floatLayers.length);
  assert.ok(fixed.length > 0, 'a static candidate with float layers passes');
  assert.deepEqual(fixed[0]!.floatLayers, ['conv3', 'mul3'], 'the fewest: exactly the sensitive block');
  assert.ok(fixed[0]!.parity!.outputs[0]!.cosine >= 0.99);
  const stages = fixed[0]!.stages.at(-1) as Record<string, { exclude?: string[] }>;
  assert.deepEqual(stages['quantize-int8']!.exclude, ['conv3', 'mul3'], 'the stage list says which nodes stay float');

  // One calibration of the float model per opset the static recipes need (13 per-channel, 11 per-tensor);
  // every other build reused one.
  assert.equal(auto.calibrations?.run, 2);
  assert.ok(auto.calibrations!.reused >= 10, JSON.stringify(auto.calibrations));
  if (auto.candidates[auto.chosen] === fixed[0]) {
    assert.match(auto.layers![0]!.why, /^rank 1 of 5 by sensitivity \(one-at-a-time/);
  }
});
