import { test } from 'node:test';
import assert from 'node:assert/strict';
import { budgetFailureLine, evaluateBudgets } from '../src/check/budgets.js';

const where = { file: 'onnx-diet.yml', line: 9, col: 17 };
const latency = {
  runs: 4, warmup: 1, threads: 1, speedup: 2,
  original: { p50Ms: 10, p90Ms: 11, meanMs: 10, loadMs: 5 },
  compressed: { p50Ms: 5, p90Ms: 6, meanMs: 5, loadMs: 5 },
};

test('budgets compare in the right direction, at the limit inclusive', () => {
  const r = evaluateBudgets([
    { name: 'max-size', limit: 1000, text: '1000', where },
    { name: 'min-reduction', limit: 4, text: '4x', where },
    { name: 'max-latency-ms', limit: 5, text: '5', where },
    { name: 'min-speedup', limit: 2.5, text: '2.5', where },
  ], { originalBytes: 4000, compressedBytes: 1000, latency });
  // 1000 ≤ 1000 ok; 4000/1000 = 4 ≥ 4 ok; p50 5 ≤ 5 ok; speedup 2 < 2.5 broken
  assert.deepEqual(r.map((b) => [b.name, b.actual, b.passed]), [
    ['max-size', 1000, true], ['min-reduction', 4, true], ['max-latency-ms', 5, true], ['min-speedup', 2, false],
  ]);
  assert.equal(r[2]!.limitText, '5 ms');
  assert.equal(
    budgetFailureLine('albert', r[3]!),
    'albert: budget min-speedup broken: limit 2.5, actual 2.00× (onnx-diet.yml:9:17)',
  );
});

test('a budget whose measurement is missing fails and says so', () => {
  const [b] = evaluateBudgets([{ name: 'max-latency-ms', limit: 50, text: '50ms', where }], { originalBytes: 2, compressedBytes: 1 });
  assert.equal(b!.passed, false);
  assert.equal(b!.actualText, 'not measured');
  assert.equal(b!.limitText, '50ms');
});
