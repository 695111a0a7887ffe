/**
 * HardSigmoid under static int8 (stages/quant/static-gates.ts) on the cnn-hswish fixture
 * (scripts/fixtures/cnn_hswish.py: MobileNetV3's hard-swish and squeeze-excite groups at opset 13): the
 * grid reproduces HardSigmoid, and onnxruntime's optimized graph runs every hard-swish as QLinearLeakyRelu +
 * QLinearMul and the squeeze-excite gate inside its QLinearConv, with no float op between the input's
 * QuantizeLinear and the output's DequantizeLinear.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DataType } from '../src/onnx/dtype.js';
import { encodeModel } from '../src/onnx/codec.js';
import { loadModel } from '../src/onnx/model-io.js';
import { loadSamples } from '../src/check/inputs.js';
import { compressModel } from '../src/pipeline/compress.js';
import { hardSigmoidGrid } from '../src/stages/quant/static-gates.js';
import { floatTensor, graph, model, node, randomFloats, valueInfo } from './helpers/builder.js';
import { optimizedOpCounts, worstFirstOutputCosine } from './helpers/ort-graph.js';
import { FIXTURES } from './helpers/fixture-parity.js';

const HSWISH = path.join(FIXTURES, 'cnn-hswish.onnx');

/** QuantizeLinear then DequantizeLinear, written out from the ONNX spec (round half to even, saturate). */
function qdq(x: number, q: { scale: number; zeroPoint: number }, dq: { scale: number; zeroPoint: number }, lo: number, hi: number): number {
  const v = x / q.scale;
  const r = Math.abs(v - Math.trunc(v)) === 0.5 ? 2 * Math.round(v / 2) : Math.round(v);
  return (Math.min(hi, Math.max(lo, r + q.zeroPoint)) - dq.zeroPoint) * dq.scale;
}

test('HardSigmoid grid: quantizing on it is HardSigmoid within half a step; no grid without a clip at both ends', () => {
  for (const [alpha, beta, type] of [[1 / 6, 0.5, 'uint8'], [0.2, 0.5, 'int8'], [0.25, 0.3, 'uint8']] as const) {
    const g = hardSigmoidGrid(alpha, beta, type)!;
    const [lo, hi] = type === 'uint8' ? [0, 255] : [-128, 127];
    const levels = Math.round(1 / g.dq.scale);
    // The zero point is levels·β rounded: the linear part is off by that rounding plus half a step.
    const shift = Math.abs(levels * beta - Math.round(levels * beta));
    for (let x = -8; x <= 8; x += 0.001) {
      const want = Math.min(1, Math.max(0, alpha * x + beta));
      const got = qdq(x, g.q, g.dq, lo, hi);
      // Above the top of the linear part the last step reads 255/254 when the grid has 254 steps.
      const slack = (want === 1 ? 1 : 0.5 + shift) / levels + 1e-6;
      assert.ok(Math.abs(got - want) <= slack, `α ${alpha} β ${beta} ${type}: x ${x} gives ${got}, HardSigmoid ${want}`);
    }
    assert.equal(qdq(-beta / alpha - 1, g.q, g.dq, lo, hi), 0, 'exactly 0 below the bottom');
  }
  // PyTorch's β = 1/2: 254 steps put the zero point on an integer (127), so the linear part is unbiased.
  assert.deepEqual(hardSigmoidGrid(1 / 6, 0.5, 'uint8'), { q: { scale: Math.fround(6 / 254), zeroPoint: 127 }, dq: { scale: Math.fround(1 / 254), zeroPoint: 0 } });
  assert.equal(hardSigmoidGrid(0, 0.5, 'uint8'), undefined);
  assert.equal(hardSigmoidGrid(0.2, 1.5, 'uint8'), undefined);
});

test('static int8 of hard-swish and squeeze-excite: every op runs on 8-bit values in onnxruntime; held-out cosine', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'qs-gates-'));
  try {
    const out = path.join(dir, 'q.onnx');
    const r = await compressModel(HSWISH, out, { stages: [{ 'quantize-int8': { activations: 'static', 'per-channel': true } }], digest: false, calibration: { inputs: 'auto', samples: 16, method: 'minmax' } });
    const d = r.stages[0]!.details as { quantizedByOp: Record<string, number>; skipped: unknown[] };
    assert.deepEqual(d.skipped, []);
    assert.equal(d.quantizedByOp.HardSigmoid, 4, 'the four hard-swish gates become table lookups');
    const opt = path.join(dir, 'opt.onnx');
    const ops = await optimizedOpCounts(out, opt);
    // The squeeze-excite gate is its Conv's output grid: 6 QLinearConv (the Gemm head counts as QGemm).
    assert.deepEqual(ops, { QuantizeLinear: 1, QLinearConv: 6, QLinearLeakyRelu: 4, QLinearMul: 5, QLinearGlobalAveragePool: 2, QLinearAdd: 1, Flatten: 1, QGemm: 2, DequantizeLinear: 1, Transpose: ops.Transpose ?? 0 });
    const feeds = loadSamples('auto', loadModel(HSWISH).model, { samples: 6, seed: 99, dims: {} });
    const worst = await worstFirstOutputCosine(HSWISH, out, feeds);
    // 0.9967 on an AMD EPYC (AVX2, no VNNI) with the default 7-bit weights; 0.92 with 8-bit ones there.
    assert.ok(worst >= 0.99, `held-out cosine ${worst}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('HardSwish (opset 14) becomes a table lookup and QLinearMul: no float op in onnxruntime; close to fp32', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'qs-hswish-'));
  try {
    const C = 8;
    const m = model(graph({
      node: [
        node('Conv', ['image', 'w1', 'b1'], ['c1'], { pads: [1, 1, 1, 1] }),
        node('HardSwish', ['c1'], ['h1']),
        node('Conv', ['h1', 'w2', 'b2'], ['out']),
      ],
      initializer: [
        floatTensor('w1', [C, 3, 3, 3], randomFloats(C * 27, 1, 0.6)), floatTensor('b1', [C], randomFloats(C, 2, 0.5)),
        floatTensor('w2', [C, C, 1, 1], randomFloats(C * C, 3, 0.5)), floatTensor('b2', [C], randomFloats(C, 4, 0.1)),
      ],
      input: [valueInfo('image', DataType.FLOAT, [1, 3, 16, 16])],
      output: [valueInfo('out', DataType.FLOAT, [1, C, 16, 16])],
    }), 14);
    const src = path.join(dir, 'm.onnx');
    writeFileSync(src, encodeModel(m));
    const out = path.join(dir, 'q.onnx');
    const r = await compressModel(src, out, { stages: [{ 'quantize-int8': { activations: 'static', 'per-channel': true } }], digest: false, calibration: { inputs: 'auto', samples: 16, method: 'minmax' } });
    assert.deepEqual((r.stages[0]!.details as { quantizedByOp: Record<string, number> }).quantizedByOp, { Conv: 2, HardSwish: 1 });
    const opt = path.join(dir, 'opt.onnx');
    const ops = await optimizedOpCounts(out, opt);
    assert.deepEqual({ ...ops, Transpose: 0 }, { QuantizeLinear: 1, QLinearConv: 2, QLinearLeakyRelu: 1, QLinearMul: 1, DequantizeLinear: 1, Transpose: 0 });
    const feeds = loadSamples('auto', m, { samples: 4, seed: 99, dims: {} });
    const worst = await worstFirstOutputCosine(src, out, feeds);
    assert.ok(worst >= 0.99, `held-out cosine ${worst}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
