/**
 * fold-batchnorm on models built in code (Conv, grouped ConvTranspose, Gemm with transB/C/beta, BN weights
 * in Constant nodes as paddle2onnx writes them) and on the PP-OCR classifier fixture: the folded model
 * runs in onnxruntime-node and matches the original (computed by onnxruntime from the unfolded graph) to
 * float rounding; BNs that cannot be folded exactly stay, each with its reason.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { decodeModel, encodeModel } from '../src/onnx/codec.js';
import { DataType } from '../src/onnx/dtype.js';
import { loadModel } from '../src/onnx/model-io.js';
import type { ModelProto, NodeProto, TensorProto } from '../src/onnx/types.js';
import { foldBatchNorm } from '../src/stages/fold-batchnorm.js';
import { createStage } from '../src/stages/registry.js';
import { floatTensor, graph, model, node, randomFloats, valueInfo } from './helpers/builder.js';
import { cosine, FIXTURES } from './helpers/fixture-parity.js';
import { float32Values, runOrt } from './helpers/ort-run.js';

const F = DataType.FLOAT;
const copy = (m: ModelProto) => decodeModel(encodeModel(m));
const count = (m: ModelProto, op: string) => m.graph!.node.filter((n) => n.opType === op).length;

/** BN parameters for `c` channels; variances spread over decades as trained models have them. */
function bnParams(prefix: string, c: number, seed: number): TensorProto[] {
  const r = randomFloats(4 * c, seed);
  return [
    floatTensor(`${prefix}_scale`, [c], Array.from({ length: c }, (_, i) => 0.5 + r[i]!)),
    floatTensor(`${prefix}_b`, [c], Array.from({ length: c }, (_, i) => r[c + i]!)),
    floatTensor(`${prefix}_mean`, [c], Array.from({ length: c }, (_, i) => 3 * r[2 * c + i]!)),
    floatTensor(`${prefix}_var`, [c], Array.from({ length: c }, (_, i) => 10 ** (3 * r[3 * c + i]!))),
  ];
}

const bn = (x: string, y: string, p: string, eps = 1e-5) => node('BatchNormalization', [x, `${p}_scale`, `${p}_b`, `${p}_mean`, `${p}_var`], [y], { epsilon: { float: eps } });

async function assertSame(original: ModelProto, folded: ModelProto, feeds: Record<string, TensorProto>): Promise<number> {
  const [a, b] = [await runOrt(encodeModel(original), feeds), await runOrt(encodeModel(folded), feeds)];
  let worst = 1;
  for (const k of Object.keys(a)) {
    const [x, y] = [float32Values(a[k]!), float32Values(b[k]!)];
    worst = Math.min(worst, cosine(x, y));
    let maxAbs = 0, scale = 0;
    for (let i = 0; i < x.length; i++) { maxAbs = Math.max(maxAbs, Math.abs(x[i]! - y[i]!)); scale = Math.max(scale, Math.abs(x[i]!)); }
    assert.ok(maxAbs <= 1e-5 * scale + 1e-6, `${k}: max abs diff ${maxAbs} on values up to ${scale}`);
  }
  assert.ok(worst >= 0.99999, `cosine ${worst}`);
  return worst;
}

test('Conv → BN, grouped ConvTranspose → BN and Gemm (transB, C, beta) → BN fold into the weights', async () => {
  const conv = node('Conv', ['x', 'w', 'cb'], ['c'], { pads: [1, 1, 1, 1] });
  const convT = node('ConvTranspose', ['r', 'wt', 'tb'], ['t'], { group: 2, strides: [2, 2] });
  const flat = node('Flatten', ['t2'], ['f']);
  const gemm = node('Gemm', ['f', 'wg', 'gc'], ['g'], { transB: 1, beta: { float: 0.5 }, alpha: { float: 1.5 } });
  const m = model(graph({
    node: [conv, bn('c', 'c2', 'b1'), node('Relu', ['c2'], ['r']), convT, bn('t', 't2', 'b2', 1e-3), flat, gemm, bn('g', 'y', 'b3')],
    input: [valueInfo('x', F, [1, 3, 6, 6])],
    output: [valueInfo('y', F, [1, 10])],
    initializer: [
      floatTensor('w', [8, 3, 3, 3], randomFloats(216, 1)), floatTensor('cb', [8], randomFloats(8, 2)),
      // ConvTranspose weight [C_in=8, M/group=3, 2, 2]: 6 output channels over 2 groups.
      floatTensor('wt', [8, 3, 2, 2], randomFloats(96, 3)), floatTensor('tb', [6], randomFloats(6, 4)),
      floatTensor('wg', [10, 6 * 12 * 12], randomFloats(8640, 5, 0.05)), floatTensor('gc', [10], randomFloats(10, 6)),
      ...bnParams('b1', 8, 7), ...bnParams('b2', 6, 8), ...bnParams('b3', 10, 9),
    ],
  }), 13);
  const folded = copy(m);
  const { details } = foldBatchNorm(folded);
  assert.equal(details.folded, 3);
  assert.deepEqual(details.foldedInto, { Conv: 1, ConvTranspose: 1, Gemm: 1 });
  assert.equal(count(folded, 'BatchNormalization'), 0);
  // The old weights and every BN parameter are gone; the folded ones replace them.
  assert.equal(folded.graph!.initializer.length, 6);
  await assertSame(m, folded, { x: floatTensor('x', [1, 3, 6, 6], randomFloats(108, 10, 2)) });
});

test('BN parameters in Constant nodes (paddle2onnx) and a Conv without bias fold too', async () => {
  const constant = (t: TensorProto): NodeProto => node('Constant', [], [t.name!], { value: { ...t, name: '' } });
  const params = bnParams('p', 4, 3);
  const m = model(graph({
    node: [...params.map(constant), constant(floatTensor('w', [4, 2, 1, 1], randomFloats(8, 4))), node('Conv', ['x', 'w'], ['c']), bn('c', 'y', 'p')],
    input: [valueInfo('x', F, [2, 2, 3, 3])],
    output: [valueInfo('y', F, [2, 4, 3, 3])],
  }), 9);
  const folded = copy(m);
  assert.equal(foldBatchNorm(folded).details.folded, 1);
  assert.equal(count(folded, 'Constant'), 0);
  await assertSame(m, folded, { x: floatTensor('x', [2, 2, 3, 3], randomFloats(36, 5)) });
});

test('a BN that cannot be folded exactly stays, with its reason', () => {
  const m = model(graph({
    node: [
      node('Conv', ['x', 'w'], ['c']), bn('c', 'y1', 'p'), node('Relu', ['c'], ['y2']), // Conv output read twice
      node('Add', ['x4', 'x4'], ['a']), bn('a', 'y3', 'q'), // not after a Conv
      node('Conv', ['x', 'w'], ['d']), node('BatchNormalization', ['d', 'p_scale', 'p_b', 'm_in', 'p_var'], ['y4']), // mean is an input
    ],
    input: [valueInfo('x', F, [1, 2, 3, 3]), valueInfo('x4', F, [1, 4, 3, 3]), valueInfo('m_in', F, [4])],
    output: [valueInfo('y1', F), valueInfo('y2', F), valueInfo('y3', F), valueInfo('y4', F)],
    initializer: [floatTensor('w', [4, 2, 1, 1], randomFloats(8, 1)), ...bnParams('p', 4, 2), ...bnParams('q', 4, 3)],
  }), 13);
  const { details } = foldBatchNorm(m);
  assert.equal(details.folded, 0);
  const reasons = (details.skipped as { reason: string }[]).map((s) => s.reason);
  assert.equal(reasons.length, 3);
  assert.match(reasons[0]!, /read by more than this BatchNormalization/);
  assert.match(reasons[1]!, /computed by Add/);
  assert.match(reasons[2]!, /not a float32 constant/);
  assert.equal(count(m, 'BatchNormalization'), 3);
});

test('the PP-OCR classifier fixture: 35 BatchNormalization folded, outputs equal to float rounding', async () => {
  const file = path.join(FIXTURES, 'third-party', 'ch_ppocr_mobile_v2.0_cls_infer.onnx');
  const original = loadModel(file).model;
  assert.equal(count(original, 'BatchNormalization'), 35);
  const folded = loadModel(file).model;
  const stage = createStage('fold-batchnorm');
  const { details } = await stage.run(folded, { tmpDir: '', log: () => {} });
  assert.equal(details.folded, 35);
  assert.equal(count(folded, 'BatchNormalization'), 0);
  const x = randomFloats(3 * 48 * 192, 11);
  await assertSame(original, folded, { x: floatTensor('x', [1, 3, 48, 192], x) });
});
