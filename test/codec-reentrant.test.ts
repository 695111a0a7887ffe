/**
 * The encoder keeps its per-encode state (sizes, substitutions) in one object per call, not in the
 * module: an encode started while another is writing (a sink that itself encodes) must not disturb it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeModel, encodeModelTo, encodedModelSize, type Substitutions } from '../src/onnx/codec.js';
import type { TensorProto } from '../src/onnx/types.js';
import { floatTensor, graph, model as makeModel, node, randomFloats, valueInfo } from './helpers/builder.js';

/** Four 128×128 float32 weights (64 KiB each: payloads that go to the sink as they are, mid-encode). */
const fixture = () => makeModel(graph({
  input: [valueInfo('x', 1, [1, 128])],
  output: [valueInfo('y', 1, [1, 128])],
  initializer: [0, 1, 2, 3].map((i) => floatTensor(`w${i}`, [128, 128], randomFloats(128 * 128, i + 1))),
  node: [0, 1, 2, 3].map((i) => node('MatMul', [i ? `h${i}` : 'x', `w${i}`], [i === 3 ? 'y' : `h${i + 1}`])),
}));

test('an encode nested inside another encode\'s sink leaves the outer one\'s substitutions in force', () => {
  const model = fixture();
  const last = model.graph!.initializer![3]!;
  // The last weight written as a tiny stand-in, as a save writes an external-data reference.
  const stub: TensorProto = { ...last, rawData: undefined, floatData: new Float32Array(1), dims: [1] };
  const subs: Substitutions = new Map([[last, stub]]);
  const expected = encodeModel(model, subs);
  assert.equal(encodedModelSize(model, subs), expected.length);
  assert.ok(expected.length < encodeModel(model).length, 'the substitution shrinks the encoding');

  const other = fixture();
  const chunks: Uint8Array[] = [];
  let nested = 0;
  const n = encodeModelTo(model, {
    write(bytes) {
      chunks.push(Uint8Array.from(bytes));
      // Another encode, without substitutions, in the middle of the outer one.
      if (nested++ < 3) encodeModel(other);
    },
  }, subs);
  const got = Buffer.concat(chunks);
  assert.equal(n, expected.length);
  assert.ok(nested >= 1);
  assert.deepEqual(new Uint8Array(got), expected);
});
