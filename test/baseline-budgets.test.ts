import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { evaluateBaselineBudgets } from '../src/check/baseline-budgets.js';
import { dvcPull } from '../src/check/dvc.js';
import { parseConfig } from '../src/config/load.js';
import { UsageError } from '../src/onnx/errors.js';
import { trendMarkdown } from '../src/report/trend.js';
import { cliSync } from './helpers/cli.js';

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
  const none = evaluateBaselineBudgets('m', [growth!], now, undefined, 'the base branch');
  assert.deepEqual(none.results, []);
  assert.match(none.notes[0]!, /max-growth 1% not checked: no report of m from the base branch/);
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

test('source: a .onnx.dvc file or { dvc } is a DVC source of the model beside it', () => {
  const at = (src: string) => parseConfig(`models:\n  - name: m\n    source: ${src}\n`, 'c.yml').models[0]!.source;
  assert.deepEqual(at('models/m.onnx.dvc'), { kind: 'dvc', path: path.resolve('models/m.onnx') });
  assert.deepEqual(at('{ dvc: models/m.onnx, push: true }'), { kind: 'dvc', path: path.resolve('models/m.onnx'), push: true });
  assert.deepEqual(at('models/m.onnx'), { kind: 'path', path: path.resolve('models/m.onnx') });
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

test('onnx-diet run --baseline FILE checks max-growth against an earlier report (exit 1 and the line when broken)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cli-baseline-'));
  const root = path.resolve(import.meta.dirname, '..');
  copyFileSync(path.join(root, 'test/fixtures/albert-tiny.onnx'), path.join(dir, 'm.onnx'));
  writeFileSync(path.join(dir, 'c.yml'), 'models:\n  - name: m\n    source: m.onnx\n    output: m.slim.onnx\n    stages: [dedup]\n    parity: false\n    latency: false\n    budgets: { max-growth: 1% }\n');
  const base = (bytes: number) => {
    writeFileSync(path.join(dir, 'base.json'), JSON.stringify({ models: [{ name: 'm', compressed: { bytes } }] }));
    return cliSync(['run', '--config', 'c.yml', '--baseline', 'base.json', '--json', 'r.json'], { cwd: dir });
  };
  const grew = base(1000);
  assert.equal(grew.status, 1, grew.stdout + grew.stderr);
  const slim = statSync(path.join(dir, 'm.slim.onnx')).size;
  assert.match(grew.stderr, new RegExp(`onnx-diet: m: budget max-growth broken: limit 1% vs base\\.json, actual \\+${((slim - 1000) / 10).toFixed(2)} %`));
  const r = JSON.parse(readFileSync(path.join(dir, 'r.json'), 'utf8')) as { passed: boolean; models: { budgets: { name: string; passed: boolean }[] }[] };
  assert.deepEqual([r.passed, r.models[0]!.budgets.map((b) => [b.name, b.passed])], [false, [['max-growth', false]]]);
  const shrank = base(slim * 2);
  assert.equal(shrank.status, 0, shrank.stdout + shrank.stderr);
  assert.match(shrank.stdout, /✅ m: max-growth ≤ 1% vs base\.json: -50\.00 %/);
  const none = cliSync(['run', '--config', 'c.yml'], { cwd: dir });
  assert.equal(none.status, 0, none.stderr);
  assert.match(none.stdout, /ℹ️ m: max-growth 1% not checked: no report of m from a baseline \(--baseline FILE\)\./);
});
