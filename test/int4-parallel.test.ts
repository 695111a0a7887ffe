/** int4-parallel.ts: two threads give one thread's result to the bit (codes, scales, zero points, errors), with and without gptq's span feedback. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { availableParallelism } from 'node:os';
import { blockFactors } from '../src/stages/quant/block-feedback.js';
import { quantizeColumns4, quantizeRows4, type Int4Options } from '../src/stages/quant/int4-numerics.js';
import { helperCounts, quantizeMatrix4, quantizeMatrixWithSpanFeedback } from '../src/stages/quant/int4-parallel.js';
import { quantizeWithSpanFeedback } from '../src/stages/quant/span-feedback.js';
import { ChannelMoments } from '../src/runtime/calibration-stats.js';
import { roundToFloat16 } from '../src/stages/fp16-numerics.js';
import { randomFloats } from './helpers/builder.js';

const [K, N] = [200, 300]; // K not a multiple of the block, N split at 128 (a multiple of 64)

function awqOptions(): Partial<Int4Options> {
  const m = new ChannelMoments(K, 32);
  m.add(randomFloats(64 * K, 11, 1).map((x, i) => x + (i % K === 7 ? 3 : 0)));
  const s = Float32Array.from({ length: K }, (_, i) => 2 ** ((i % 5) / 16));
  return { method: 'mse', importance: m.means().map((x, i) => x / (s[i]! * s[i]!)), errorScale: s, feedback: blockFactors(m.blockMeans(), K, 32, s) };
}

test('quantizeMatrix4 on two threads equals quantizeRows4 / quantizeColumns4 on one, to the bit', { skip: availableParallelism() < 2 ? 'one core: no helper thread' : false }, () => {
  const values = randomFloats(K * N, 5, 0.05);
  const before = helperCounts.answered;
  const cases: [string, Partial<Int4Options>][] = [
    ['rtn', { method: 'rtn' }], ['mse asymmetric', { method: 'mse', symmetric: false }], ['awq', awqOptions()],
    ['mse fp16 scales, 8 bits', { method: 'mse', storeScale: roundToFloat16, bits: 8 }],
  ];
  for (const [name, extra] of cases) {
    const opts: Int4Options = { blockSize: 32, symmetric: true, padToBlock: true, ...extra };
    for (const transposed of [false, true]) {
      const one = transposed ? quantizeRows4(values, N, K, opts) : quantizeColumns4(values, K, N, opts);
      const two = quantizeMatrix4(values, K, N, transposed, opts, 0);
      assert.deepEqual(two, one, `${name}, ${transposed ? '[N, K]' : '[K, N]'}`);
    }
  }
  // GatherBlockQuantized's layout: rows not padded to whole blocks, an odd K (the last byte of a row half full).
  const table = randomFloats(201 * N, 6, 0.05);
  for (const symmetric of [true, false]) {
    const opts: Int4Options = { blockSize: 32, symmetric, padToBlock: false, method: 'mse' };
    assert.deepEqual(quantizeMatrix4(table, 201, N, true, opts, 0), quantizeRows4(table, N, 201, opts), `table, symmetric ${symmetric}`);
  }
  assert.equal(helperCounts.answered - before, 2 * cases.length + 2, 'the helper thread fitted every upper half');
  assert.equal(helperCounts.fallbacks, 0);
});

test('span feedback on two threads equals quantizeWithSpanFeedback on one, to the bit', { skip: availableParallelism() < 2 ? 'one core: no helper thread' : false }, () => {
  const values = randomFloats(K * N, 7, 0.05);
  const before = { ...helperCounts };
  // Spans of 64 over K = 200: three whole and a part one; the errors add span by span, column by column.
  const span = 64;
  const m = new ChannelMoments(K, span);
  m.add(randomFloats(400 * K, 12, 1).map((x, i) => x + (i % K) / K));
  const s = Float32Array.from({ length: K }, (_, i) => 2 ** ((i % 3) / 8));
  const factors = blockFactors(m.blockMeans(), K, span, s);
  let cases = 0;
  for (const symmetric of [true, false]) {
    const opts: Int4Options = { blockSize: 32, symmetric, padToBlock: true, method: 'mse', errorScale: s, importance: m.means(), storeScale: roundToFloat16 };
    for (const transposed of [false, true]) {
      const one = quantizeWithSpanFeedback(values, K, N, transposed, opts, factors, span);
      const two = quantizeMatrixWithSpanFeedback(values, K, N, transposed, opts, { factors, span }, 0);
      assert.deepEqual(two, one, `symmetric ${symmetric}, ${transposed ? '[N, K]' : '[K, N]'}`);
      cases++;
    }
  }
  assert.equal(helperCounts.answered - before.answered, cases, 'the helper thread walked every upper half');
  assert.equal(helperCounts.fallbacks, before.fallbacks);
});
