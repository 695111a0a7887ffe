/**
 * Constant operands under static int8 (rule.constants in stages/quant/static-ops.ts): PaddleOCR's
 * PP-LCNetV3 blocks as its exporter writes them, Conv → Mul(scale) → Add(bias) (a learnable affine) →
 * hard-swish as Add(3) → Clip(0, 6) → Mul → Div(6) → Mul(scale) → Add(bias) (and a Div by a constant). The affine after the Conv folds
 * into it (quant/static-affine.ts), the hard-swish becomes x · HardSigmoid(x) (quant/static-hardswish.ts),
 * and the affine after it keeps its scalars, quantized offline behind a DequantizeLinear; a Div by a
 * constant becomes Mul by the reciprocal. onnxruntime fuses every op into QLinearConv / QLinearLeakyRelu /
 * QLinearMul / QLinearAdd; outputs stay close to fp32.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DataType } from '../src/onnx/dtype.js';
import { encodeModel } from '../src/onnx/codec.js';
import { loadSamples } from '../src/check/inputs.js';
import { compressModel } from '../src/pipeline/compress.js';
import { constantOperand } from '../src/stages/quant/static-qdq.js';
import { floatTensor, graph, model, node, randomFloats, valueInfo } from './helpers/builder.js';
import { optimizedOpCounts, worstFirstOutputCosine } from './helpers/ort-graph.js';

function lcnetBlock() {
  const C = 8;
  const init = [
    floatTensor('w1', [C, 3, 3, 3], randomFloats(C * 27, 1, 0.4)), floatTensor('b1', [C], randomFloats(C, 2, 0.2)),
    floatTensor('w2', [C, C, 1, 1], randomFloats(C * C, 3, 0.5)), floatTensor('b2', [C], randomFloats(C, 4, 0.1)),
    floatTensor('scale', [1], [0.943]), floatTensor('shift', [1], [-0.504]), floatTensor('three', [], [3]),
    floatTensor('zero', [], [0]), floatTensor('six', [], [6]), floatTensor('scale2', [1], [0.476]), floatTensor('shift2', [1], [-0.2]), floatTensor('two', [], [2]),
  ];
  const nodes = [
    node('Conv', ['image', 'w1', 'b1'], ['c1'], { pads: [1, 1, 1, 1] }),
    node('Mul', ['scale', 'c1'], ['m1']),
    node('Add', ['m1', 'shift'], ['a1']),
    node('Add', ['a1', 'three'], ['a3']),
    node('Clip', ['a3', 'zero', 'six'], ['r6']),
    node('Mul', ['a1', 'r6'], ['hs6']),
    node('Div', ['hs6', 'six'], ['hs']),
    node('Mul', ['scale2', 'hs'], ['m2']),
    node('Add', ['m2', 'shift2'], ['a2']),
    node('Div', ['a2', 'two'], ['h2']),
    node('Conv', ['h2', 'w2', 'b2'], ['out']),
  ];
  return model(graph({ node: nodes, initializer: init, input: [valueInfo('image', DataType.FLOAT, [1, 3, 16, 16])], output: [valueInfo('out', DataType.FLOAT, [1, C, 16, 16])] }), 13);
}

test('a constant operand is quantized per tensor over [min(0, v), max(0, v)]: a scalar dequantizes to itself', () => {
  const pos = constantOperand(Float32Array.of(0.943), { type: 'uint8', symmetric: false });
  assert.deepEqual([[...pos.q], pos.zeroPoint], [[255], 0]);
  assert.equal(Math.fround((pos.q[0]! - pos.zeroPoint) * pos.scale), Math.fround(0.943));
  const neg = constantOperand(Float32Array.of(-0.504), { type: 'uint8', symmetric: false });
  assert.deepEqual([[...neg.q], neg.zeroPoint], [[0], 255]);
  assert.equal(Math.fround((neg.q[0]! - neg.zeroPoint) * neg.scale), Math.fround(-0.504));
  const s8 = constantOperand(Float32Array.of(2, -1, 0.5), { type: 'int8', symmetric: false });
  assert.deepEqual([...s8.q].map((q) => (q - s8.zeroPoint) * s8.scale).map((v) => Math.round(v * 100) / 100), [2, -1, 0.49]);
});

test('PP-LCNetV3 block: affine and hard-swish with constant operands all fuse in onnxruntime; held-out cosine ≥ 0.99', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'qs-const-'));
  try {
    const src = path.join(dir, 'm.onnx');
    writeFileSync(src, encodeModel(lcnetBlock()));
    const out = path.join(dir, 'q.onnx');
    const r = await compressModel(src, out, { stages: [{ 'quantize-int8': { activations: 'static', 'per-channel': true } }], digest: false, calibration: { inputs: 'auto', samples: 16, method: 'minmax' } });
    const d = r.stages[0]!.details as { quantizedByOp: Record<string, number>; skipped: unknown[]; affineFolded: number; hardSwishGated: number };
    assert.deepEqual(d.skipped, []);
    assert.equal(d.affineFolded, 1, 'the Mul and Add after the first Conv are in its weight and bias');
    assert.equal(d.hardSwishGated, 1);
    assert.deepEqual(d.quantizedByOp, { Conv: 2, HardSigmoid: 1, Mul: 2, Add: 1, Div: 1 });
    const opt = path.join(dir, 'opt.onnx');
    const ops = await optimizedOpCounts(out, opt);
    assert.deepEqual({ ...ops, Transpose: 0 }, { QuantizeLinear: 1, QLinearConv: 2, QLinearLeakyRelu: 1, QLinearMul: 3, QLinearAdd: 1, DequantizeLinear: 1, Transpose: 0 });
    const feeds = loadSamples('auto', lcnetBlock(), { samples: 4, seed: 99, dims: {} });
    const worst = await worstFirstOutputCosine(src, out, feeds);
    assert.ok(worst >= 0.99, `held-out cosine ${worst}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
