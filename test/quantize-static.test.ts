/**
 * quantize-int8 with activations: static on the cnn-static fixture (scripts/fixtures/cnn_static.py): the
 * QDQ model runs in onnxruntime, whose optimized graph holds its integer kernels (QLinearConv, QLinearAdd,
 * QLinearConcat, QLinearGlobalAveragePool, QLinearSigmoid, QLinearMul, QGemm) and no float Conv; outputs
 * stay close to fp32 on samples that were not calibrated on; options, opset rules and the config's
 * calibration section hold.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { decodeModel, encodeModel } from '../src/onnx/codec.js';
import { loadModel } from '../src/onnx/model-io.js';
import { loadSamples } from '../src/check/inputs.js';
import { parseConfig } from '../src/config/load.js';
import { ConfigError } from '../src/config/types.js';
import { compressModel } from '../src/pipeline/compress.js';
import { runConfig } from '../src/pipeline/run.js';
import { activationParams, quantizeBias } from '../src/stages/quant/static-qdq.js';
import { FIXTURES } from './helpers/fixture-parity.js';
import { optimizedOpCounts, worstFirstOutputCosine } from './helpers/ort-graph.js';

const CNN = path.join(FIXTURES, 'cnn-static.onnx');

async function optimizedOps(file: string): Promise<Record<string, number>> {
  const dir = mkdtempSync(path.join(tmpdir(), 'qs-opt-'));
  try {
    return await optimizedOpCounts(file, path.join(dir, 'opt.onnx'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Smallest output cosine of `b` against `a` over held-out auto samples (seed 99, not the calibration seed). */
async function heldOutCosine(a: string, b: string, samples = 6): Promise<number> {
  return worstFirstOutputCosine(a, b, loadSamples('auto', loadModel(a).model, { samples, seed: 99, dims: {} }));
}

function withTmp<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(path.join(tmpdir(), 'qs-'));
  return fn(dir).finally(() => rmSync(dir, { recursive: true, force: true }));
}

const staticStage = (opts: Record<string, unknown> = {}) => [{ 'quantize-int8': { activations: 'static', 'per-channel': true, ...opts } }];

test('static int8: onnxruntime fuses every group into its integer kernels; held-out cosine ≥ 0.985', () => withTmp(async (dir) => {
  const out = path.join(dir, 'q.onnx');
  const r = await compressModel(CNN, out, { stages: staticStage(), digest: false, calibration: { inputs: 'auto', samples: 16, method: 'minmax' } });
  const d = r.stages[0]!.details as Record<string, unknown>;
  const { peakRssBytes, ...calibration } = d.calibration as { peakRssBytes: number };
  assert.deepEqual(calibration, { method: 'minmax', samples: 16, inputs: 'auto', synthetic: true, tensors: 16, stateBytes: 256 });
  assert.ok(peakRssBytes > 0);
  assert.equal(d.activationsFolded, 7, 'every ReLU is folded into its producer');
  const ops = await optimizedOps(out);
  for (const [op, n] of Object.entries({ QLinearConv: 8, QLinearAdd: 1, QLinearConcat: 1, QLinearGlobalAveragePool: 2, QLinearSigmoid: 1, QLinearMul: 1, QGemm: 1 })) {
    assert.equal(ops[op], n, `${op} in ${JSON.stringify(ops)}`);
  }
  assert.equal(ops.Conv ?? 0, 0);
  assert.equal(ops.Relu ?? 0, 0);
  // One Q at the input, one DQ at the output: everything between runs on 8-bit values.
  assert.equal(ops.QuantizeLinear, 1);
  assert.equal(ops.DequantizeLinear, 1);
  assert.ok(r.compressed.bytes < 0.37 * r.original.bytes, `${r.compressed.bytes} of ${r.original.bytes}`);
  // Auto image inputs are pictures (flat regions, edges: auto-images.ts), on which this random-weight
  // fixture's min-max ranges gave 0.9892 (0.99+ on per-pixel noise).
  const c = await heldOutCosine(CNN, out);
  assert.ok(c >= 0.985, `held-out cosine ${c}`);
}));

test('static int8: percentile and entropy calibration also hold parity; int8 symmetric activations keep ReLU', () => withTmp(async (dir) => {
  for (const method of ['percentile', 'entropy'] as const) {
    const out = path.join(dir, `${method}.onnx`);
    await compressModel(CNN, out, { stages: staticStage(), digest: false, calibration: { inputs: 'auto', samples: 8, method } });
    const c = await heldOutCosine(CNN, out, 3);
    assert.ok(c >= 0.98, `${method}: held-out cosine ${c}`);
  }
  const out = path.join(dir, 's8.onnx');
  const r = await compressModel(CNN, out, { stages: staticStage({ 'activation-type': 'int8', 'activation-symmetric': true }), digest: false });
  assert.equal((r.stages[0]!.details as Record<string, unknown>).activationsFolded, 0, 'a symmetric zero point is not the bottom of the range');
  assert.ok((await optimizedOps(out)).QLinearConv! > 0);
  assert.ok(await heldOutCosine(CNN, out, 3) >= 0.98);
}));

test('static int8: exclude keeps a node float; the opset upgrader moves opset 12 and 10 to 13 for per-channel; per-tensor runs', () => withTmp(async (dir) => {
  const m = loadModel(CNN).model;
  const firstConv = m.graph!.node.find((n) => n.opType === 'Conv')!;
  const out = path.join(dir, 'x.onnx');
  const r = await compressModel(CNN, out, { stages: staticStage({ exclude: [firstConv.name!] }), digest: false });
  assert.deepEqual((r.stages[0]!.details as { skipped: unknown[] }).skipped, [{ node: firstConv.name, op: 'Conv', reason: 'excluded by option' }]);
  assert.equal((await optimizedOps(out)).QLinearConv, 7);

  const at = (version: number) => {
    const m = decodeModel(readFileSync(CNN));
    m.opsetImport.find((o) => !o.domain)!.version = version;
    const file = path.join(dir, `opset${version}.onnx`);
    writeFileSync(file, encodeModel(m));
    return file;
  };
  // Per-channel needs opset 13: the opset upgrader moves opset 12 and opset 10 models there.
  for (const version of [12, 10]) {
    const moved = path.join(dir, `b${version}.onnx`);
    const bumped = await compressModel(at(version), moved, { stages: staticStage(), digest: false });
    const up = (bumped.stages[0]!.details as { opsetUpgrade: { from: number; to: number } }).opsetUpgrade;
    assert.deepEqual([up.from, up.to], [version, 13]);
    assert.equal((await optimizedOps(moved)).QLinearConv, 8);
  }
  const oldFile = at(10);
  // Per-tensor needs QuantizeLinear only (opset 10 has it; the model moves to 11 as dynamic int8 does).
  const perTensor = path.join(dir, 't.onnx');
  await compressModel(oldFile, perTensor, { stages: staticStage({ 'per-channel': false }), digest: false });
  assert.equal((await optimizedOps(perTensor)).QLinearConv, 8);
}));

test('activation params and int32 bias follow ORT compute_scale_zp and quantize_bias_static', () => {
  // uint8 asymmetric [−1, 3]: scale 4/255, zero point round(0 − (−1)/scale) = 64.
  const p = activationParams(-1, 3, { type: 'uint8', symmetric: false });
  assert.equal(p.scale, Math.fround(4 / 255));
  assert.equal(p.zeroPoint, 64);
  // A ReLU range starts at 0: the zero point is the bottom of the range, which is what lets it fold.
  assert.equal(activationParams(0, 6, { type: 'uint8', symmetric: false }).zeroPoint, 0);
  assert.equal(activationParams(0, 6, { type: 'int8', symmetric: false }).zeroPoint, -128);
  const b = quantizeBias(Float32Array.of(0.5, -0.25), 0.1, Float32Array.of(0.01, 0.02));
  assert.deepEqual([...b.values], [Math.round(0.5 / Math.fround(0.1 * 0.01)), Math.round(-0.25 / Math.fround(0.1 * 0.02))]);
});

test('config calibration: files equal to the parity inputs are refused; run reports calibration and parity samples apart', () => withTmp(async (dir) => {
  const bad = `models:\n  - name: cnn\n    source: m.onnx\n    parity: { inputs: data }\n    calibration: { inputs: data, method: entropy }\n`;
  assert.throws(() => parseConfig(bad, path.join(dir, 'onnx-diet.yml')), (e: unknown) => e instanceof ConfigError && /calibration\.inputs: .*is also the parity inputs/.test(e.message));
  copyFileSync(CNN, path.join(dir, 'm.onnx'));
  const text = `models:\n  - name: cnn\n    source: m.onnx\n    output: out/m.onnx\n    stages: [{ quantize-int8: { activations: static, per-channel: true } }]\n    parity: { samples: 3 }\n    calibration: { samples: 5, method: percentile }\n    latency: false\n`;
  const config = parseConfig(text, path.join(dir, 'onnx-diet.yml'));
  assert.deepEqual({ ...config.models[0]!.calibration, where: undefined }, { inputs: 'auto', samples: 5, method: 'percentile', where: undefined });
  const report = await runConfig(config);
  const m = report.models[0]!;
  assert.equal(m.passed, true);
  assert.deepEqual({ ...m.calibration, parity: { ...m.calibration!.parity } }, { method: 'percentile', samples: 5, inputs: 'auto', synthetic: true, parity: { samples: 3, inputs: 'auto' } });
}));

test('auto: with a calibration section the search tries static int8, judged on the parity samples', () => withTmp(async (dir) => {
  copyFileSync(CNN, path.join(dir, 'm.onnx'));
  // cosine ≥ 0.98: on picture-like auto inputs this random-weight fixture's static int8 gives 0.989.
  const text = `models:\n  - name: cnn\n    source: m.onnx\n    output: out/m.onnx\n    strategy: auto\n    objective: latency\n    parity: { samples: 3, thresholds: { cosine: 0.98 } }\n    calibration: { samples: 6 }\n    latency: { runs: 5, warmup: 1 }\n`;
  const report = await runConfig(parseConfig(text, path.join(dir, 'onnx-diet.yml')));
  const candidates = report.models[0]!.auto!.candidates;
  const labels = candidates.map((c) => c.recipe);
  const stat = candidates.find((c) => c.recipe === 'int8 static per-channel');
  assert.ok(stat, `static recipe tried: ${labels.join(', ')}`);
  // Judged like every recipe: parity on the parity samples (the objective is latency, so it is not
  // skipped for being larger than the weight-only recipes).
  assert.equal(stat.status, 'passed', JSON.stringify(stat));
  assert.ok(stat.parity!.outputs.every((o) => o.cosine >= 0.98));
  assert.ok(labels.indexOf('int8 static per-channel') < labels.indexOf('fp16'));
  // Without calibration samples the search does not calibrate on synthetic data.
  const plain = await runConfig(parseConfig(text.replace('    calibration: { samples: 6 }\n', ''), path.join(dir, 'onnx-diet.yml')));
  assert.ok(!plain.models[0]!.auto!.candidates.some((c) => c.recipe.includes('static')));
}));

test('transformer: int64 shape arithmetic stays float (no range), MatMuls fuse; runs close to fp32', () => withTmp(async (dir) => {
  const gpt = path.join(FIXTURES, 'gpt-tiny.onnx');
  const out = path.join(dir, 'g.onnx');
  const r = await compressModel(gpt, out, { stages: staticStage({ 'per-channel': false }), digest: false, calibration: { inputs: 'auto', samples: 4, method: 'minmax' } });
  const d = r.stages[0]!.details as { quantizedByOp: Record<string, number>; skipped: { op: string; reason: string }[] };
  assert.equal(d.quantizedByOp.MatMul, 13);
  const noRange = d.skipped.filter((k) => k.reason.startsWith('reads or writes a tensor without a float32 range'));
  assert.ok(noRange.some((k) => k.op === 'Concat' || k.op === 'Unsqueeze'), JSON.stringify(d.skipped));
  const ops = await optimizedOps(out);
  assert.ok((ops.QLinearMatMul ?? 0) >= 4, JSON.stringify(ops));
  assert.ok(await heldOutCosine(gpt, out, 2) >= 0.99);
}));
