/**
 * The PP-OCR direction classifier (test/fixtures/third-party, opset 9, 35 unfused BatchNormalization) end
 * to end, as a user meets it: quantize-int8 with Conv weight-only upgrades it to opset 13 for per-channel
 * weights and stays close to the original in onnxruntime-node; auto with no config (auto inputs, default
 * parity) folds the BNs, quantizes the convolutions per-channel and passes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadSamples } from '../src/check/inputs.js';
import { tensorProtoFromNamed } from '../src/runtime/named-tensor.js';
import { startOrtHost } from '../src/runtime/ort-runner.js';
import { encodeModel } from '../src/onnx/codec.js';
import { loadModel } from '../src/onnx/model-io.js';
import { autoCompress } from '../src/pipeline/auto.js';
import { createStage } from '../src/stages/registry.js';
import { cosine, FIXTURES } from './helpers/fixture-parity.js';
import { float32Values, runOrt } from './helpers/ort-run.js';

const CLS = path.join(FIXTURES, 'third-party', 'ch_ppocr_mobile_v2.0_cls_infer.onnx');
const ctx = { tmpDir: tmpdir(), log: () => {} };

test('cls: fold-batchnorm then int8 Conv weight-only: opset 9 → 13, per-channel, close to the original', async () => {
  const original = loadModel(CLS).model;
  const m = loadModel(CLS).model;
  await createStage('fold-batchnorm').run(m, ctx);
  const { details } = await createStage({ 'quantize-int8': { ops: ['Conv'], 'conv-mode': 'weight-only' } }).run(m, ctx);
  assert.equal((details.opsetUpgrade as { from: number; to: number }).from, 9);
  assert.equal((details.opsetUpgrade as { from: number; to: number }).to, 13);
  assert.equal((details.quantizedByOp as Record<string, number>).Conv, 27);
  const dqs = m.graph!.node.filter((n) => n.opType === 'DequantizeLinear');
  assert.equal(dqs.length, 27);
  assert.ok(dqs.every((n) => n.attribute.some((a) => a.name === 'axis' && a.i === 0n)), 'per-channel');
  const bytes = encodeModel(m);
  assert.ok(bytes.length < 0.45 * statSync(CLS).size, `${bytes.length} bytes`);
  const samples = loadSamples('auto', original, { samples: 2, seed: 3, dims: { 'p2o.DynamicDimension.1': 48, 'p2o.DynamicDimension.2': 192 } });
  for (const sample of samples) {
    const feeds = Object.fromEntries(sample.map((t) => [t.name, tensorProtoFromNamed(t)]));
    const [a, b] = [await runOrt(encodeModel(original), feeds), await runOrt(bytes, feeds)];
    const c = cosine(float32Values(Object.values(a)[0]!), float32Values(Object.values(b)[0]!));
    assert.ok(c >= 0.99, `cosine ${c}`);
  }
});

test('cls: auto with no config picks fold-batchnorm + int8 with per-channel Conv and passes default parity', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cls-auto-'));
  const host = startOrtHost();
  try {
    const out = path.join(dir, 'cls.auto.onnx');
    const r = await autoCompress(CLS, out, { host });
    const chosen = r.auto.candidates[r.auto.chosen]!;
    assert.equal(chosen.status, 'passed');
    assert.match(chosen.recipe, /^fold-batchnorm, int8 .*Conv weight-only/);
    const int8 = r.stages.find((s) => s.name === 'quantize-int8')!;
    assert.deepEqual((int8.details.opsetUpgrade as { to: number }).to, 13);
    assert.ok(r.compressed.bytes < 0.45 * r.original.bytes, `${r.compressed.bytes} of ${r.original.bytes}`);
  } finally {
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
