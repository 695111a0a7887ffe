/** int4-rewrite.ts helpers that the quantizers' end-to-end tests reach only on some payload layouts. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DataType } from '../src/onnx/dtype.js';
import { floatValues } from '../src/stages/quant/int4-rewrite.js';
import { floatTensor } from './helpers/builder.js';

test('floatValues: a float32 payload at an odd offset of a larger Buffer (as decoded from a file) reads its own values', () => {
  const want = Float32Array.of(1.5, -2.25, 3e-8, 1e30, -0, 7);
  const file = Buffer.alloc(64, 0xab);
  const at = 13; // not a multiple of 4
  Buffer.from(want.buffer).copy(file, at);
  const raw = file.subarray(at, at + want.byteLength);
  const t = floatTensor('w', [2, 3], want);
  assert.equal(t.dataType, DataType.FLOAT);
  assert.deepEqual(floatValues(t, raw), want);
  // An aligned payload is viewed, not copied.
  const aligned = new Uint8Array(want.buffer);
  assert.equal(floatValues(t, aligned).buffer, want.buffer);
});
