/**
 * `fuse` in auto mode (issue 13): with `objective: latency` a model with attention also gets the fuse
 * recipes (fuse alone, fuse before int8), and a search builds and judges them like any other recipe;
 * for `size`, or on a model without a Softmax, the list stays as it was.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startOrtHost } from '../src/runtime/ort-runner.js';
import { loadModel } from '../src/onnx/model-io.js';
import { autoCompress } from '../src/pipeline/auto.js';
import { recipesFor, recipeStages } from '../src/pipeline/auto-candidates.js';

const BERT = path.resolve('test/fixtures/fuse/bert-tiny.onnx');
const host = startOrtHost();
const dir = mkdtempSync(path.join(tmpdir(), 'fuse-auto-'));
after(async () => {
  await host.close();
  rmSync(dir, { recursive: true, force: true });
});

test('recipesFor: latency adds fuse, fuse → int8 on a model with attention, before fp16; size and CNNs keep their list', () => {
  const bert = loadModel(BERT).model;
  const size = recipesFor(bert).map((r) => r.label);
  const latency = recipesFor(bert, { latency: true });
  assert.deepEqual(latency.map((r) => r.label), [...size.slice(0, -1), 'fuse', 'fuse, int8 per-tensor', 'fuse, int8 per-channel, reduce-range', 'fp16']);
  const fuse = latency.filter((r) => r.label.startsWith('fuse'));
  assert.deepEqual(fuse.map((r) => recipeStages(r)), [
    ['dedup', 'prune', 'fuse'],
    ['dedup', 'prune', 'fuse', 'quantize-int8'],
    ['dedup', 'prune', 'fuse', { 'quantize-int8': { 'per-channel': true, 'reduce-range': true } }],
  ]);
  assert.ok(fuse.every((r) => !r.excludable), 'fuse packs Q/K/V into a new weight: no per-layer fallback by base names');
  const cnn = loadModel(path.resolve('test/fixtures/cnn-tiny.onnx')).model;
  assert.deepEqual(recipesFor(cnn, { latency: true }).map((r) => r.label), recipesFor(cnn).map((r) => r.label));
});

test('autoCompress with objective latency builds and judges the fuse recipes on a BERT export', async () => {
  const parity = { inputs: 'auto', samples: 2, seed: 0, dims: {}, thresholds: { cosine: 0.98, where: {} }, outputs: {} };
  const r = await autoCompress(BERT, path.join(dir, 'bert.slim.onnx'), { host, parity, latency: { runs: 3, warmup: 1, threads: 1 }, objective: 'latency' });
  const fused = r.auto.candidates.filter((c) => c.recipe.startsWith('fuse'));
  assert.deepEqual(fused.map((c) => c.recipe), ['fuse', 'fuse, int8 per-tensor', 'fuse, int8 per-channel, reduce-range']);
  // fuse alone changes outputs by float rounding only: it passes with a timed p50.
  const alone = fused[0]!;
  assert.equal(alone.status, 'passed', JSON.stringify(alone));
  assert.ok(alone.latency && alone.latency.p50Ms > 0);
});
