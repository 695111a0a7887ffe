/**
 * DVC for real: the example stage (examples/dvc.yaml + onnx-diet.dvc.yml) in a scratch git repository,
 * driven by the `dvc` CLI users run (PyPI dvc; .ci/run installs the pinned version), with onnx-diet as
 * the committed bundle behind `npx onnx-diet`. The README's DVC section is these commands.
 * Run with `npm run test:dvc`; without dvc on PATH the test says so and is skipped (CI sets
 * ONNX_DIET_REQUIRE_DVC=1, so there it fails instead).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { dvcMetricsDiffSection } from '../../src/action/dvc-diff.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DVC = process.env['ONNX_DIET_DVC'] ?? 'dvc';
const version = spawnSync(DVC, ['--version'], { encoding: 'utf8' });
const missing = version.status === 0 ? undefined : `dvc is not on PATH (pip install dvc==3.67.1, or set ONNX_DIET_DVC): the DVC end-to-end test needs it`;
if (missing) console.log(`# ${missing}`);
else console.log(`# dvc ${version.stdout.trim()}`);
// CI installs dvc (.ci/run) and sets this, so there a missing dvc fails instead of skipping.
if (missing && process.env['ONNX_DIET_REQUIRE_DVC'] === '1') throw new Error(`${missing}; ONNX_DIET_REQUIRE_DVC=1 asks for it`);

function sh(cwd: string, cmd: string, args: string[], ok = true): { code: number | null; out: string } {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, DVC_NO_ANALYTICS: '1', GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' } });
  const out = `${r.stdout}${r.stderr}`;
  if (ok) assert.equal(r.status, 0, `${cmd} ${args.join(' ')}:\n${out}`);
  return { code: r.status, out };
}
const dvc = (cwd: string, ...args: string[]) => sh(cwd, DVC, args).out;
const git = (cwd: string, ...args: string[]) => sh(cwd, 'git', args).out;

interface Report { models: { name: string; compressed: { bytes: number; sha256: string }; parity?: { samples: number } }[] }
const readJson = <T>(file: string) => JSON.parse(readFileSync(file, 'utf8')) as T;

/** A scratch repository holding the example as a user would: examples/ and onnx-diet installed. */
function scratchRepo(): string {
  const repo = mkdtempSync(path.join(tmpdir(), 'onnx-diet-dvc-'));
  git(repo, 'init', '-q', '-b', 'main');
  mkdirSync(path.join(repo, 'examples'));
  for (const f of ['demo', 'dvc.yaml', 'onnx-diet.dvc.yml']) cpSync(path.join(ROOT, 'examples', f), path.join(repo, 'examples', f), { recursive: true });
  // `npx onnx-diet` finds the package's bin in the project's node_modules/.bin, as after `npm i -D onnx-diet`.
  mkdirSync(path.join(repo, 'node_modules/.bin'), { recursive: true });
  symlinkSync(path.join(ROOT, 'bin/onnx-diet.js'), path.join(repo, 'node_modules/.bin/onnx-diet'));
  writeFileSync(path.join(repo, '.gitignore'), 'node_modules\n');
  dvc(repo, 'init', '-q');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-qm', 'example');
  return repo;
}

test('the example DVC stage: repro, a config change in metrics/plots/params diff, an experiment with a changed param', { skip: missing }, () => {
  const repo = scratchRepo();
  try {
    dvc(repo, 'repro', 'examples/dvc.yaml');
    const metricsFile = path.join(repo, 'examples/metrics/onnx-diet.json');
    const first = readJson<Record<string, number>>(metricsFile);
    const report1 = readJson<Report>(path.join(repo, 'examples/reports/onnx-diet.json'));
    const slim = readFileSync(path.join(repo, 'out/albert-tiny.slim.onnx'));
    assert.equal(first['albert-tiny.compressed_bytes'], slim.length);
    assert.equal(report1.models[0]!.compressed.sha256, createHash('sha256').update(slim).digest('hex'));
    // DVC cached the slim model (an out) and considers the stage up to date.
    const lock = readFileSync(path.join(repo, 'examples/dvc.lock'), 'utf8');
    assert.ok(lock.includes(`md5: ${createHash('md5').update(slim).digest('hex')}`), lock);
    assert.match(dvc(repo, 'status', 'examples/dvc.yaml'), /up to date/);
    git(repo, 'add', '-A');
    git(repo, 'commit', '-qm', 'int8');

    // A config change: lossless stages only (and budgets that fit). repro sees it and reruns.
    const cfg = path.join(repo, 'examples/onnx-diet.dvc.yml');
    const text = readFileSync(cfg, 'utf8');
    const changed = text
      .replace('stages: [dedup, prune, { quantize-int8: { reduce-range: true } }]', 'stages: [dedup, prune]')
      .replace('max-size: 165kB', 'max-size: 400kB').replace('min-reduction: 6x', 'min-reduction: 2x');
    assert.notEqual(changed, text);
    writeFileSync(cfg, changed);
    assert.match(dvc(repo, 'status', 'examples/dvc.yaml'), /changed deps|modified/);
    assert.match(dvc(repo, 'repro', 'examples/dvc.yaml'), /Running stage 'examples\/dvc\.yaml:slim'/);
    const second = readJson<Record<string, number>>(metricsFile);
    assert.ok(second['albert-tiny.compressed_bytes']! > first['albert-tiny.compressed_bytes']!, 'no quantization: bigger');

    const md = dvc(repo, 'metrics', 'diff', '--md');
    const row = md.split('\n').find((l) => l.includes('| albert-tiny.compressed_bytes '));
    assert.ok(row, md);
    const cells = row.split('|').map((c) => c.trim());
    assert.deepEqual(cells.slice(3, 6).map(Number), [first['albert-tiny.compressed_bytes'], second['albert-tiny.compressed_bytes'], second['albert-tiny.compressed_bytes']! - first['albert-tiny.compressed_bytes']!]);
    assert.match(md, /\| albert-tiny\.parity\.logits\.cosine /);

    const plots = JSON.parse(dvc(repo, 'plots', 'diff', '--json')) as { data: Record<string, { content: { data: { values: Record<string, unknown>[] } } }[]> };
    const stages = plots.data['examples/plots/stages.json']![0]!.content.data.values;
    const saved = (rev: string) => stages.find((v) => v['rev'] === rev && v['stage'] === 'saved')?.['bytes'];
    assert.equal(saved('HEAD'), first['albert-tiny.compressed_bytes']);
    assert.equal(saved('workspace'), second['albert-tiny.compressed_bytes']);
    assert.ok(stages.some((v) => v['rev'] === 'HEAD' && v['stage'] === 'quantize-int8'));
    assert.ok(!stages.some((v) => v['rev'] === 'workspace' && v['stage'] === 'quantize-int8'));
    const latency = plots.data['examples/plots/latency.json']![0]!.content.data.values;
    assert.deepEqual(latency.filter((v) => v['rev'] === 'workspace').map((v) => v['which']), ['albert-tiny original', 'albert-tiny compressed']);
    assert.ok(latency.every((v) => typeof v['p50_ms'] === 'number' && v['p50_ms'] > 0));
    assert.match(dvc(repo, 'params', 'diff', '--md'), /\| examples\/onnx-diet\.dvc\.yml \| defaults\.stages /);
    // What the Action's dvc-metrics-diff adds to the comment: the same diff against the base commit.
    const base = git(repo, 'rev-parse', 'HEAD').trim();
    const section = dvcMetricsDiffSection(repo, base);
    assert.ok(section.includes(`<summary>DVC metrics diff against ${base.slice(0, 7)}</summary>`), section);
    assert.match(section, new RegExp(`\\| albert-tiny\\.compressed_bytes +\\| ${first['albert-tiny.compressed_bytes']} +\\| ${second['albert-tiny.compressed_bytes']} +\\|`));
    git(repo, 'add', '-A');
    git(repo, 'commit', '-qm', 'lossless');

    // An experiment with a changed stage parameter.
    dvc(repo, 'exp', 'run', '-n', 'four-samples', '-S', 'examples/onnx-diet.dvc.yml:defaults.parity.samples=4', 'examples/dvc.yaml');
    assert.equal(readJson<Report>(path.join(repo, 'examples/reports/onnx-diet.json')).models[0]!.parity?.samples, 4);
    const exps = dvc(repo, 'exp', 'show', '--md');
    const exp = exps.split('\n').find((l) => l.includes('[four-samples]'));
    assert.ok(exp, exps);
    assert.match(exp, /\| 4 +\|/);
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
});

test('source: { dvc } pulls the model from the DVC remote; push: true adds and pushes the slim model', { skip: missing }, () => {
  const repo = scratchRepo();
  const remote = mkdtempSync(path.join(tmpdir(), 'onnx-diet-dvc-remote-'));
  try {
    dvc(repo, 'remote', 'add', '-d', 'local', remote);
    mkdirSync(path.join(repo, 'models'));
    const model = readFileSync(path.join(ROOT, 'test/fixtures/albert-tiny.onnx'));
    writeFileSync(path.join(repo, 'models/albert.onnx'), model);
    dvc(repo, 'add', 'models/albert.onnx');
    dvc(repo, 'push');
    writeFileSync(path.join(repo, 'onnx-diet.yml'), [
      'models:',
      '  - name: albert',
      '    source: { dvc: models/albert.onnx, push: true }',
      '    output: slim/albert.slim.onnx',
      '    stages: [dedup, prune]',
      '    parity: { samples: 1, dims: { batch: 1, seq: 16 } }',
      '    latency: false',
      '',
    ].join('\n'));
    git(repo, 'add', '-A');
    git(repo, 'commit', '-qm', 'tracked model');
    // A fresh clone has neither the file nor the cache: only the remote holds it.
    rmSync(path.join(repo, 'models/albert.onnx'));
    rmSync(path.join(repo, '.dvc/cache'), { recursive: true, force: true });

    const run = sh(repo, process.execPath, [path.join(ROOT, 'bin/onnx-diet.js'), 'run', '--config', 'onnx-diet.yml'], false);
    assert.equal(run.code, 0, run.out);
    assert.ok(readFileSync(path.join(repo, 'models/albert.onnx')).equals(model), 'pulled from the remote');
    const slim = readFileSync(path.join(repo, 'slim/albert.slim.onnx'));
    const md5 = createHash('md5').update(slim).digest('hex');
    assert.match(readFileSync(path.join(repo, 'slim/albert.slim.onnx.dvc'), 'utf8'), new RegExp(`md5: ${md5}`));
    assert.ok(existsSync(path.join(remote, 'files/md5', md5.slice(0, 2), md5.slice(2))), 'the slim model is in the remote');
  } finally {
    rmSync(repo, { recursive: true, force: true });
    rmSync(remote, { recursive: true, force: true });
  }
});
