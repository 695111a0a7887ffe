/**
 * fp16 never clamps a constant float16 cannot hold: the op reading it computes in float32 (Casts around
 * it), the constant stays float32, and details.keptFloat32ForRange says which and why. Checked in
 * onnxruntime-node against the float32 original: with the clamp these models would be far off (a BN
 * variance of 1e8 clamped to 65504 scales its output ~39×; a scale of 1e-9 flushed makes Mul output 0).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { decodeModel, encodeModel } from '../src/onnx/codec.js';
import { DataType } from '../src/onnx/dtype.js';
import { loadModel } from '../src/onnx/model-io.js';
import type { ModelProto } from '../src/onnx/types.js';
import { roundToFloat16 } from '../src/stages/fp16-numerics.js';
import { float16RangeProblem } from '../src/stages/fp16-range.js';
import { createStage } from '../src/stages/registry.js';
import { floatTensor, graph, int64Tensor, model, node, randomFloats, valueInfo } from './helpers/builder.js';
import { cosine, FIXTURES } from './helpers/fixture-parity.js';
import { float32Values, runOrt } from './helpers/ort-run.js';

const F = DataType.FLOAT;
const ctx = { tmpDir: '', log: () => {} };

async function fp16(m: ModelProto): Promise<{ model: ModelProto; details: Record<string, unknown> }> {
  const copy = decodeModel(encodeModel(m));
  const { details } = await createStage('fp16').run(copy, ctx);
  return { model: copy, details };
}

test('float16RangeProblem: beyond ±65504, or flushed to zero while it matters; harmless tiny values pass', () => {
  assert.match(float16RangeProblem(floatTensor('v', [3], [1, 9.79e7, 2]))!, /1 value beyond float16's ±65504 \(up to 9\.79e\+7\)/);
  assert.match(float16RangeProblem(floatTensor('s', [2], [1e-9, 3e-9]))!, /down to 1\.00e-9 that float16 rounds to zero/);
  assert.equal(float16RangeProblem(floatTensor('w', [3], [1, -0.5, 1e-9])), undefined, '1e-9 next to 1 is below float16 rounding anyway');
  assert.equal(float16RangeProblem(floatTensor('w', [2], [65504, -Infinity])), undefined, 'the largest half and ±inf convert exactly');
});

test('a BN variance beyond float16 and a Mul by a flushed scale stay float32, listed with the reason', async () => {
  const c = 4;
  const m = model(graph({
    node: [
      node('Add', ['x', 'x'], ['a']),
      node('BatchNormalization', ['a', 'scale', 'b', 'mean', 'var'], ['n']),
      node('Constant', [], ['tiny'], { value: floatTensor('', [1], [2e-9]) }),
      node('Mul', ['n', 'tiny'], ['m']),
      node('Relu', ['n'], ['r']),
    ],
    input: [valueInfo('x', F, [1, c, 2, 2])],
    output: [valueInfo('m', F, [1, c, 2, 2]), valueInfo('r', F, [1, c, 2, 2])],
    initializer: [
      floatTensor('scale', [c], [1, 2, 0.5, 1]), floatTensor('b', [c], [0, 0.1, -0.1, 0.2]),
      floatTensor('mean', [c], [10, -20, 0, 5]), floatTensor('var', [c], [9.79e7, 4e6, 1, 2.5e5]),
    ],
  }), 13);
  const { model: half, details } = await fp16(m);
  const kept = details.keptFloat32ForRange as { node: string; op: string; reason: string }[];
  assert.deepEqual(kept.map((k) => k.op).sort(), ['BatchNormalization', 'Constant', 'Mul']);
  assert.match(kept.find((k) => k.op === 'BatchNormalization')!.reason, /reads 'var', which holds 3 values beyond float16's ±65504 \(up to 9\.79e\+7\)/);
  assert.match(kept.find((k) => k.op === 'Mul')!.reason, /reads 'tiny', which holds values down to 2\.00e-9 that float16 rounds to zero/);
  assert.equal(half.graph!.initializer.find((t) => t.name === 'var')!.dataType, F);
  assert.equal(details.valuesClamped, 0);
  // Inputs large enough that BN's output is far from 0: x ~ ±3000, so a ~ ±6000 (float16 holds those).
  const x = floatTensor('x', [1, c, 2, 2], randomFloats(16, 3, 3000));
  const [a, b] = [await runOrt(encodeModel(m), { x }), await runOrt(encodeModel(half), { x })];
  for (const k of ['m', 'r']) {
    const cos = cosine(float32Values(a[k]!), float32Values(b[k]!));
    assert.ok(cos >= 0.999, `${k}: cosine ${cos}`);
  }
});

test('the PP-OCR classifier has nothing out of range: every node goes to float16, none kept for range', async () => {
  const m = loadModel(path.join(FIXTURES, 'third-party', 'ch_ppocr_mobile_v2.0_cls_infer.onnx')).model;
  const { model: half, details } = await fp16(m);
  assert.deepEqual(details.keptFloat32ForRange, []);
  const x = floatTensor('x', [1, 3, 48, 192], randomFloats(3 * 48 * 192, 4));
  const [a, b] = [await runOrt(encodeModel(m), { x }), await runOrt(encodeModel(half), { x })];
  const cos = cosine(float32Values(Object.values(a)[0]!), float32Values(Object.values(b)[0]!));
  assert.ok(cos >= 0.999, `cosine ${cos}`);
});

test('overflow-check: an op whose output overflows float16 on auto inputs, and its reader, stay float32', async () => {
  // x ~ N(0, 1) on auto inputs, so x·60000 passes 65504 wherever |x| > 1.09; the constant itself fits.
  // (onnxruntime's CPU provider has no float16 Mul/Div: it casts around them and, measured here, removes
  // the Cast pairs, so on CPU this model computes in float32 either way; a GPU provider runs float16.)
  const m = model(graph({
    node: [node('Mul', ['x', 'k'], ['big']), node('Div', ['big', 'k'], ['y'])],
    input: [valueInfo('x', F, [1, 64])],
    output: [valueInfo('y', F, [1, 64]), valueInfo('big', F, [1, 64])],
    initializer: [floatTensor('k', [], [60000])],
  }), 13);
  const x = floatTensor('x', [1, 64], randomFloats(64, 9, 3));
  const want = await runOrt(encodeModel(m), { x });
  // In float16 the product is ±inf: 60000·|x| for the largest |x| rounds past 65504.
  const peak = Math.max(...float32Values(want.big!).map(Math.abs));
  assert.equal(roundToFloat16(peak), Infinity);
  // Without the check Mul computes in float16; with it, Mul reads the float32 input itself.
  const plain = await fp16(m);
  assert.notEqual(plain.model.graph!.node.find((n) => n.opType === 'Mul')!.input[0], 'x');
  const copy = decodeModel(encodeModel(m));
  const { details } = await createStage({ fp16: { 'overflow-check': true } }).run(copy, { tmpDir: '', log: () => {} });
  const kept = details.keptFloat32ForRange as { op: string; reason: string }[];
  assert.deepEqual(kept.map((k) => k.op), ['Mul', 'Div']);
  assert.match(kept[0]!.reason, /its output 'big' reaches [\d.e+]+ on 2 auto inputs \(float16 ends at 65504\)/);
  assert.deepEqual(details.overflowCheck, { nodes: 2 });
  const mul = copy.graph!.node.find((n) => n.opType === 'Mul')!;
  assert.deepEqual(mul.input, ['x', 'k']);
  assert.equal(copy.graph!.initializer[0]!.dataType, F, 'k, read by float32 ops only, stays float32');
  const got = await runOrt(encodeModel(copy), { x });
  for (const k of ['y', 'big']) {
    const [a, b] = [float32Values(want[k]!), float32Values(got[k]!)];
    const cos = cosine(a, b);
    assert.ok(b.every(Number.isFinite) && cos >= 0.999, `${k}: cosine ${cos}`);
  }
});

test('a ConstantOfShape filled beyond float16 stays float32 with its readers', async () => {
  const m = model(graph({
    node: [node('ConstantOfShape', ['shape'], ['big'], { value: floatTensor('', [1], [1e6]) }), node('Div', ['x', 'big'], ['y'])],
    input: [valueInfo('x', F, [4])],
    output: [valueInfo('y', F, [4])],
    initializer: [int64Tensor('shape', [1], [4])],
  }), 13);
  const { model: half, details } = await fp16(m);
  assert.deepEqual((details.keptFloat32ForRange as { op: string }[]).map((k) => k.op).sort(), ['ConstantOfShape', 'Div']);
  const x = floatTensor('x', [4], [1e6, -2e6, 5e5, 3]);
  const [a, b] = [await runOrt(encodeModel(m), { x }), await runOrt(encodeModel(half), { x })];
  assert.deepEqual([...float32Values(b.y!)], [...float32Values(a.y!)], 'computed in float32 throughout: bit-identical');
});
