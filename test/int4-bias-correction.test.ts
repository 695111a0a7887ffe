/**
 * int4 awq's bias correction (quant/bias-correction.ts): the mean output shift E[x]·(W − Ŵ) goes into the
 * layer's own bias (a MatMul + Add, no byte added) or MatMulNBits' bias input (N floats). Checked in
 * onnxruntime: on the input x = E[x] (every row the calibrated mean) the corrected layer answers as the
 * float one, to float rounding, where the uncorrected one is off by the whole shift.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import { encodeModel } from '../src/onnx/codec.js';
import { DataType } from '../src/onnx/dtype.js';
import type { ModelProto } from '../src/onnx/types.js';
import { quantizeInt4Stage } from '../src/stages/quantize-int4.js';
import type { Calibrator, StageContext } from '../src/stages/stage.js';
import { floatTensor, graph, model, node, randomFloats, valueInfo } from './helpers/builder.js';
import { float32Values, runOrt } from './helpers/ort-run.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'int4-bias-test-'));
const [T, K, N] = [4, 256, 96];
// A shared offset as a LayerNorm output's: E[x] about half the rms, one sign per channel.
const MEAN = Float32Array.from(randomFloats(K, 31, 1), (v) => 0.6 * Math.sign(v) + 0.2 * v);
const SECOND = Float32Array.from(MEAN, (m) => m * m + 1);

/** A calibrator that measures nothing: every channel's E[x] and E[x²] as given above. */
const calibrator = (first?: Float32Array): Calibrator => async () => ({
  ranges: new Map(),
  moments: new Map([['x', { second: SECOND, block: 1, rows: 4096, ...(first ? { first } : {}) }]]),
  details: {},
});

/** x → MatMul K×N → (Add bias, when `withBias`) → y. */
function linear(withBias: boolean): ModelProto {
  return model(graph({
    node: [
      node('MatMul', ['x', 'w'], [withBias ? 'mm' : 'y'], {}, { name: 'proj' }),
      ...(withBias ? [node('Add', ['mm', 'b'], ['y'], {}, { name: 'bias' })] : []),
    ],
    input: [valueInfo('x', DataType.FLOAT, [1, T, K])],
    output: [valueInfo('y', DataType.FLOAT, [1, T, N])],
    initializer: [floatTensor('w', [K, N], randomFloats(K * N, 32, 0.05)), ...(withBias ? [floatTensor('b', [N], randomFloats(N, 33, 0.1))] : [])],
  }));
}

async function quantize(m: ModelProto, cal: Calibrator, options: Record<string, unknown> = {}) {
  const ctx: StageContext = { tmpDir: tmp, log: () => {}, calibrate: cal };
  return quantizeInt4Stage({ method: 'awq', ...options }).run(structuredClone(m), ctx);
}

/** Largest |y − y_fp32| on the input whose every row is E[x]. */
async function errorAtMean(fp32: ModelProto, q: ModelProto): Promise<number> {
  const rows = new Float32Array(T * K);
  for (let t = 0; t < T; t++) rows.set(MEAN, t * K);
  const feeds = { x: new ort.Tensor('float32', rows, [1, T, K]) };
  const want = float32Values((await runOrt(encodeModel(fp32), feeds)).y!);
  const got = float32Values((await runOrt(encodeModel(q), feeds)).y!);
  return Math.max(...want.map((w, i) => Math.abs(w - got[i]!)));
}

test('bias correction: into the MatMul\'s own Add bias, no byte added; on x = E[x] the output is the float one', async () => {
  const fp32 = linear(true);
  const plain = await quantize(fp32, calibrator());
  const corrected = await quantize(fp32, calibrator(MEAN));
  assert.equal(plain.details.biasCorrected, undefined);
  assert.deepEqual(corrected.details.biasCorrected, { folded: 1, input: 0 });
  assert.equal(encodeModel(corrected.model).length, encodeModel(plain.model).length);
  const [before, after] = [await errorAtMean(fp32, plain.model), await errorAtMean(fp32, corrected.model)];
  assert.ok(before > 0.05, `the uncorrected layer's mean error ${before}`);
  assert.ok(after < 1e-4, `corrected: ${after} (uncorrected ${before})`);
  const mm = corrected.model.graph!.node.find((n) => n.opType === 'MatMulNBits')!;
  assert.equal(mm.input.length, 4, 'no bias input: the Add took the correction (A, B, scales, zero points)');
  // Turned off, the measured mean changes nothing: the file is the one without a mean.
  const off = await quantize(fp32, calibrator(MEAN), { 'bias-correction': false });
  assert.equal(off.details.biasCorrected, undefined);
  assert.deepEqual(encodeModel(off.model), encodeModel(plain.model));
});

// Asymmetric blocks (4-bit zero points, packed two a byte) and 8-bit layers (one code and zero point a
// byte) dequantize differently: the shift must read each as the kernel does.
// Asymmetric is the default.
for (const [label, options] of [['4-bit symmetric', { symmetric: true }], ['4-bit asymmetric', {}], ['8-bit asymmetric', { layers: { proj: 8 } }]] as const) {
  test(`bias correction (${label}): a MatMul without a bias of its own gets MatMulNBits' bias input (N floats)`, async () => {
    const fp32 = linear(false);
    const plain = await quantize(fp32, calibrator(), options);
    const corrected = await quantize(fp32, calibrator(MEAN), options);
    assert.deepEqual(corrected.details.biasCorrected, { folded: 0, input: 1 });
    const mm = corrected.model.graph!.node.find((n) => n.opType === 'MatMulNBits')!;
    assert.equal(mm.input[3] === '', 'symmetric' in options, 'zero_points only when asymmetric');
    assert.equal(mm.input[4], '', 'g_idx left empty');
    assert.equal(mm.attribute.find((a) => a.name === 'bits')!.i, BigInt('layers' in options ? 8 : 4));
    const bias = corrected.model.graph!.initializer.find((t) => t.name === mm.input[5])!;
    assert.deepEqual(bias.dims.map(Number), [N]);
    const [before, after] = [await errorAtMean(fp32, plain.model), await errorAtMean(fp32, corrected.model)];
    // 8 bits round 16× finer: its mean error is that much smaller, and still removed.
    assert.ok(before > ('layers' in options ? 0.002 : 0.05), `the uncorrected layer's mean error ${before}`);
    assert.ok(after < 1e-4, `corrected: ${after} (uncorrected ${before})`);
  });
}
