import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { evaluateBaselineBudgets } from '../src/check/baseline-budgets.js';
import { dvcPull } from '../src/check/dvc.js';
import { parseConfig } from '../src/config/load.js';
import { UsageError } from '../src/onnx/errors.js';
import { trendMarkdown } from '../src/report/trend.js';

const config = (budgets: string) => parseConfig(`models:\n  - name: m\n    source: m.onnx\n    budgets: ${budgets}\n`, 'c.yml');

test('max-growth and max-latency-regression parse as fractions or amounts, with their config line', () => {
  const b = config('{ max-size: 10MB, max-growth: 1%, max-latency-regression: 5ms }').models[0]!;
  assert.deepEqual(b.budgets.map((x) => x.name), ['max-size']);
  assert.deepEqual(b.baselineBudgets?.map(({ name, limit, relative }) => ({ name, limit, relative })), [
    { name: 'max-growth', limit: 0.01, relative: true },
    { name: 'max-latency-regression', limit: 5, relative: false },
  ]);
  assert.equal(b.baselineBudgets![0]!.where.line, 4);
  assert.deepEqual(config('{ max-growth: 100kB }').models[0]!.baselineBudgets?.map((x) => [x.limit, x.relative]), [[100_000, false]]);
  assert.throws(() => config('{ max-growth: lots }'), /max-growth/);
});

test('growth is measured against the baseline; a missing baseline is a note, never a failure', () => {
  const [growth, latency] = config('{ max-growth: 1%, max-latency-regression: 10% }').models[0]!.baselineBudgets!;
  const now = { compressed: { bytes: 10_200 }, latency: { compressed: { p50Ms: 2.1 } } };
  const base = { compressed: { bytes: 10_000 }, latency: { compressed: { p50Ms: 2 } } };
  const r = evaluateBaselineBudgets('m', [growth!, latency!], now, base, 'main');
  // 200 / 10000 = 2 % > 1 %: broken; 0.1 / 2 = 5 % ≤ 10 %: kept.
  assert.deepEqual(r.results.map((x) => [x.name, x.passed]), [['max-growth', false], ['max-latency-regression', true]]);
  assert.ok(Math.abs(r.results[0]!.actual - 0.02) < 1e-12);
  assert.match(r.results[0]!.actualText, /^\+2\.00 %, \+200 B/);
  const none = evaluateBaselineBudgets('m', [growth!], now, undefined, 'no baseline');
  assert.deepEqual(none.results, []);
  assert.match(none.notes[0]!, /max-growth 1% not checked: no baseline has no report of m/);
});

test('the trend marks this run last and shows the numbers; one point is no trend', () => {
  const md = trendMarkdown('m', [
    { label: 'run 1', bytes: 2_000_000, cosine: 0.999, current: false },
    { label: 'run 2', bytes: 1_500_000, cosine: 0.998, p50Ms: 3, current: false },
    { label: 'this run', bytes: 1_000_000, cosine: 0.9991, p50Ms: 2.5, current: true },
  ], 'main');
  assert.match(md, /x-axis \["run 1", "run 2", "▶ this run"\]/);
  assert.match(md, /line \[2, 1\.5, 1\]/);
  assert.match(md, /x-axis \["run 2", "▶ this run"\]\n {2}y-axis "ms"/);
  assert.match(md, /\| \*\*this run\*\* \| \*\*1\.00 MB\*\* \| \*\*0\.9991\*\* \| \*\*2\.50 ms\*\* \|/);
  assert.equal(trendMarkdown('m', [{ label: 'this run', bytes: 1, current: true }], 'main'), '');
});

test('a DVC source without dvc on PATH is one line naming the file and the fix', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dvc-missing-'));
  writeFileSync(path.join(dir, 'm.onnx.dvc'), 'outs: []\n');
  const saved = process.env['ONNX_DIET_DVC'];
  process.env['ONNX_DIET_DVC'] = path.join(dir, 'no-such-dvc');
  try {
    assert.throws(() => dvcPull(path.join(dir, 'm.onnx')), (e: unknown) => e instanceof UsageError && /m\.onnx: dvc is not on PATH; install it \(pip install dvc\)/.test(e.message));
  } finally {
    if (saved === undefined) delete process.env['ONNX_DIET_DVC'];
    else process.env['ONNX_DIET_DVC'] = saved;
  }
});
