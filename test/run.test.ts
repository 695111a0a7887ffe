import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig, parseConfig } from '../src/config/load.js';
import { runConfig, failureLines } from '../src/pipeline/run.js';

const dir = mkdtempSync(path.join(tmpdir(), 'onnx-diet-run-'));
const demo = path.resolve('examples/demo/albert-tiny.onnx');

function cli(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8' });
}

/** A config for the demo model writing into the test's folder. */
function config(budgets: string): string {
  const file = path.join(dir, `cfg-${Math.random().toString(36).slice(2)}.yml`);
  writeFileSync(file, [
    'models:',
    '  - name: albert-tiny',
    `    source: ${demo}`,
    '    output: slim/albert-tiny.onnx',
    '    parity: { samples: 2, dims: { seq: 16 } }',
    '    latency: { runs: 4, warmup: 1 }',
    '    budgets:',
    ...budgets.split('\n').map((l) => `      ${l}`),
    '',
  ].join('\n'));
  return file;
}

test('`onnx-diet run` on the demo config passes and prints the table; reports are written', () => {
  const json = path.join(dir, 'demo.json');
  const md = path.join(dir, 'demo.md');
  const dvc = path.join(dir, 'dvc.json');
  const r = cli('run', '--config', 'examples/onnx-diet.yml', '--json', json, '--markdown', md, '--dvc-metrics', dvc);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /albert-tiny: 1\.05 MB → \d+\.\d kB \(−\d+\.\d %, \d\.\d\d×\) · parity ✅/);
  assert.match(r.stdout, /Size\s+1\.05 MB/);
  const report = JSON.parse(readFileSync(json, 'utf8'));
  assert.equal(report.tool, 'onnx-diet');
  assert.equal(report.passed, true);
  const m = report.models[0];
  // sizes are the files on disk
  assert.equal(m.original.bytes, statSync(demo).size);
  assert.equal(m.compressed.bytes, statSync('out/albert-tiny.slim.onnx').size);
  assert.deepEqual(Object.keys(m.parity.outputs[0]).slice(0, 5), ['name', 'maxAbs', 'meanAbs', 'cosine', 'top1']);
  // the demo quantizes (int8, reduce-range): close to fp32, not equal; the config asks cosine ≥ 0.99, top-1 ≥ 0.98
  assert.ok(m.parity.outputs[0].maxAbs > 0 && m.parity.outputs[0].cosine >= 0.99 && m.parity.outputs[0].top1 >= 0.98);
  assert.ok(m.stages.some((s: { name: string }) => s.name === 'quantize-int8'));
  assert.deepEqual(Object.keys(m.latency.original).sort(), ['loadMs', 'meanMs', 'p50Ms', 'p90Ms']);
  assert.ok(m.budgets.length >= 3 && m.budgets.every((b: { passed: boolean }) => b.passed));
  assert.ok(readFileSync(md, 'utf8').startsWith('<!-- onnx-diet:examples/onnx-diet.yml -->\n'));
  const metrics = JSON.parse(readFileSync(dvc, 'utf8'));
  assert.ok(Object.values(metrics).every((v) => typeof v === 'number'), 'DVC metrics are flat scalars');
  assert.equal(metrics['albert-tiny.compressed_bytes'], m.compressed.bytes);
});

test('a max-size budget one byte below the achieved size exits 1 naming budget, limit, actual and line', async () => {
  const first = await runConfig(loadConfig(config('max-size: 10MB')));
  const achieved = statSync(path.join(dir, 'slim/albert-tiny.onnx')).size;
  assert.equal(first.models[0]!.compressed.bytes, achieved);
  const file = config(`min-reduction: 2x\nmax-size: ${achieved - 1}`);
  const r = cli('run', '--config', file);
  assert.equal(r.status, 1, r.stderr);
  const grouped = achieved.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  // budgets: is line 7, max-size is the second budget on line 9, its value at column 17
  assert.ok(
    r.stderr.includes(`onnx-diet: albert-tiny: budget max-size broken: limit ${achieved - 1}, actual ${(achieved / 1000).toFixed(1)} kB (${grouped} B) (${file}:9:17)`),
    r.stderr,
  );
  assert.equal(r.stderr.match(/budget .* broken/g)?.length, 1, 'min-reduction 2x holds');
});

test('parity thresholds are budgets too: an impossible max-abs fails with its config line', async () => {
  const text = [
    'models:',
    '  - name: a',
    `    source: ${demo}`,
    `    output: ${path.join(dir, 'strict.onnx')}`,
    '    stages: [dedup, quantize-int8]',
    '    parity:',
    '      inputs: test/fixtures/albert-tiny.data',
    '      thresholds: { max-abs: 0.000001 }',
    '    latency: false',
    '',
  ].join('\n');
  const report = await runConfig(parseConfig(text, path.join(process.cwd(), 'strict.yml')));
  assert.equal(report.passed, false);
  const lines = failureLines(report);
  assert.equal(lines.length, 1, lines.join('\n'));
  assert.match(lines[0]!, /^a: budget parity\.logits\.max-abs broken: limit 0\.000001, actual 0\.0\d+ \(.*strict\.yml:8:30\)$/);
});

test('`onnx-diet compare A B` reports parity and latency, exit 0 for identical answers', () => {
  const json = path.join(dir, 'compare.json');
  const r = cli('compare', 'test/fixtures/albert-tiny.onnx', 'test/fixtures/albert-tiny.shared.onnx',
    '--inputs', 'test/fixtures/albert-tiny.data', '--runs', '3', '--json', json);
  assert.equal(r.status, 0, r.stderr);
  const m = JSON.parse(readFileSync(json, 'utf8')).models[0];
  assert.equal(m.source, 'test/fixtures/albert-tiny.onnx');
  assert.equal(m.parity.samples, 1);
  assert.equal(m.parity.outputs[0].maxAbs, 0);
  assert.equal(m.latency.runs, 3);
  const usage = cli('compare', 'test/fixtures/albert-tiny.onnx');
  assert.equal(usage.status, 2);
  assert.match(usage.stderr, /missing model B/);
});
