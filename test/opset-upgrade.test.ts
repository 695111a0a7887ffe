/**
 * Moving an opset-9 model to 11 (DynamicQuantizeLinear's opset) rewrites Clip-6 and Slice-1, whose
 * attributes became inputs (Clip-11, Slice-10), so they keep their meaning: onnxruntime's outputs are
 * bit-identical before and after. PaddleOCR's opset-9 exports (PP-OCR rec, cls) are the real case; the
 * zoo test quantizes cls after this move.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as ort from 'onnxruntime-node';
import { encodeModel } from '../src/onnx/codec.js';
import { DataType } from '../src/onnx/dtype.js';
import { defaultOpset, planOpset, setDefaultOpset } from '../src/stages/quant/opset.js';
import { graph, model, node, valueInfo } from './helpers/builder.js';
import { runOrt } from './helpers/ort-run.js';

function opset9Model() {
  return model(graph({
    node: [
      node('Clip', ['x'], ['c1'], { min: { float: -1 }, max: { float: 0.5 } }),
      node('Clip', ['c1'], ['c2'], { min: { float: 0 } }), // min 0: a stored 0.0, max left at +inf
      node('Clip', ['c2'], ['c3'], { max: { float: 0.25 } }),
      node('Slice', ['c3'], ['s1'], { starts: [1], ends: [1000], axes: [1] }), // end past the size: clamped
      node('Slice', ['s1'], ['y'], { starts: [0, -3], ends: [1, -1] }), // no axes: the leading ones
    ],
    input: [valueInfo('x', DataType.FLOAT, [2, 6])],
    output: [valueInfo('y', DataType.FLOAT, [])],
  }), 9);
}

test('Clip-6 and Slice-1 move to opset 11 as inputs, with bit-identical outputs in onnxruntime', async () => {
  const m = opset9Model();
  assert.deepEqual(planOpset(m), { action: 'bump', from: 9, to: 11 });
  const x = new ort.Tensor('float32', Float32Array.from([-2, -0.5, 0, 0.1, 0.3, 0.9, 1.5, -1, 0.2, 0.24, 0.26, 7]), [2, 6]);
  const before = await runOrt(encodeModel(m), { x });
  setDefaultOpset(m, 11);
  assert.equal(defaultOpset(m), 11);
  assert.ok(m.graph!.node.every((n) => n.attribute.length === 0), 'no attribute left on Clip or Slice');
  assert.deepEqual(m.graph!.node.map((n) => n.input.length), [3, 2, 3, 4, 3]);
  assert.equal(m.graph!.node[2]!.input[1], '', 'Clip without min keeps the input slot empty');
  const after = await runOrt(encodeModel(m), { x });
  assert.deepEqual([...after.y!.dims], [1, 2]);
  assert.equal(after.y!.bytes.toString('hex'), before.y!.bytes.toString('hex'));
});

test('an op that changed meaning otherwise still refuses the move', () => {
  const m = model(graph({ node: [node('Upsample', ['x', 's'], ['y'])], input: [valueInfo('x', DataType.FLOAT, [1])], output: [valueInfo('y', DataType.FLOAT, [1])] }), 9);
  const plan = planOpset(m);
  assert.equal(plan.action, 'refuse');
});
