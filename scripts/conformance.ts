/**
 * Conformance against the ONNX backend test suite (Debian libonnx-testdata): every model goes through
 * decode→encode and through the lossless stages `dedup,prune`, and all three (original, round-tripped,
 * compressed) run in onnxruntime-node child processes on each test_data_set (conformance/check-model.ts).
 * Prints counts per folder, the top reasons for skipped tests and every failure.
 *
 *   npm run conformance [-- --json FILE] [--root DIR] [--only SUBSTRING] [--parallel N] [--keep] [--lossy] [--optimize] [--opset]
 *
 * With --lossy the lossy stages run instead (LOSSY_PASSES: fp16 with and without keep-io-types, int8 on
 * every op it can take, int4 symmetric and asymmetric): every model a pass changes must still load and
 * run in onnxruntime with outputs of the original's shapes and types; the quantization passes first turn
 * the suite's weight inputs into initializers and also check each output's cosine to the float model
 * (check-model.ts, `weights`). Models a pass leaves unchanged are not run again. --optimize adds the
 * `optimize` stage at both levels (slow: see OPTIMIZE_PASSES).
 *
 * With --opset every model below the target goes through `upgrade-opset` to 13 and to the newest opset
 * onnxruntime loads; each test whose original onnxruntime runs (and matches the expected outputs) must
 * still give the expected outputs (check-model.ts, `expectedOnly`); a refused model fails those tests.
 *
 * The last line is `N passed, N failed`; exit 1 on any failure, 2 when the suite is missing.
 */
import { mkdtempSync, readdirSync, rmSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkModels, firstLine, MAIN_FOLDERS, suiteModels, SUITE_ROOT, type ModelOutcome, type SuitePass } from './conformance/check-model.js';
import { createStage, type StageSpec } from '../src/stages/registry.js';

/** The lossy stages in the forms that reach the most ops (every weight, Conv included, tiny tensors too). */
const INT8_OPS = ['MatMul', 'Gemm', 'Gather', 'Conv'];
const LOSSY_PASSES: [string, StageSpec, SuitePass['weights']?][] = [
  ['fp16', 'fp16'],
  ['fp16 keep-io-types: false', { fp16: { 'keep-io-types': false } }],
  ['quantize-int8 MatMul, Gemm, Gather, Conv; min-elements 0', { 'quantize-int8': { ops: INT8_OPS, 'min-elements': 0 } }, { minCosine: 0.98 }],
  ['quantize-int8 per-channel, reduce-range', { 'quantize-int8': { ops: INT8_OPS, 'min-elements': 0, 'per-channel': true, 'reduce-range': true } }, { minCosine: 0.98 }],
  ['quantize-int8 uint8 weights', { 'quantize-int8': { ops: INT8_OPS, 'min-elements': 0, 'weight-type': 'uint8' } }, { minCosine: 0.98 }],
  ['quantize-int8 Conv weight-only', { 'quantize-int8': { ops: ['Conv'], 'min-elements': 0, 'conv-mode': 'weight-only' } }, { minCosine: 0.98 }],
  ['quantize-int4 block 16, int4 embeddings', { 'quantize-int4': { 'block-size': 16, embeddings: 'int4' } }, { minCosine: 0.95 }],
  ['quantize-int4 asymmetric, int8 embeddings', { 'quantize-int4': { symmetric: false, embeddings: 'int8' } }, { minCosine: 0.95 }],
];

/**
 * `optimize` with --optimize (not in CI: it starts onnxruntime once per model, about 7 minutes per level
 * here). ORT rewrites the graph, so values may move by rounding only: cosine ≥ 0.9999 to the float model.
 */
const OPTIMIZE_PASSES: [string, StageSpec, SuitePass['weights']?][] = [
  ['optimize basic', { optimize: { level: 'basic' } }, { minCosine: 0.9999 }],
  ['optimize extended', { optimize: { level: 'extended' } }, { minCosine: 0.9999 }],
];

/** `upgrade-opset` at the default target and at the newest (--opset). */
const OPSET_PASSES: [string, StageSpec][] = [
  ['upgrade-opset to 13', { 'upgrade-opset': { target: 13 } }],
  ['upgrade-opset to latest (21)', { 'upgrade-opset': { target: 'latest' } }],
];

interface FolderCounts {
  models: number; tests: number; originalRuns: number; roundTripIdentical: number; changedByStages: number;
  passed: number; failed: number; skipped: number; errors: number;
}

function countFolder(outcomes: ModelOutcome[]): FolderCounts {
  const c: FolderCounts = { models: outcomes.length, tests: 0, originalRuns: 0, roundTripIdentical: 0, changedByStages: 0, passed: 0, failed: 0, skipped: 0, errors: 0 };
  for (const o of outcomes) {
    c.tests += o.tests.length;
    c.originalRuns += o.originalRuns;
    if (o.roundTripIdentical) c.roundTripIdentical++;
    if (o.changedByStages) c.changedByStages++;
    if (o.error) c.errors++;
    for (const t of o.tests) {
      if (t.status === 'pass') c.passed++;
      else if (t.status === 'fail') c.failed++;
      else c.skipped++;
    }
  }
  return c;
}

/** Failures of our code: failed tests plus pipeline errors on models without a countable test. */
function failuresOf(outcomes: ModelOutcome[]): string[] {
  const out: string[] = [];
  for (const o of outcomes) {
    for (const t of o.tests) if (t.status === 'fail') out.push(`${o.folder}/${o.name}/${t.set}: ${t.reason}`);
    if (o.error && !o.tests.some((t) => t.status === 'fail')) out.push(`${o.folder}/${o.name}: ${o.error}`);
  }
  return out;
}

function table(rows: [string, FolderCounts][]): string {
  const head = ['folder', 'models', 'tests', 'ORT runs original', 'round-trip identical', 'changed by stages', 'pass', 'fail', 'skipped'];
  const body = rows.map(([f, c]) => [f, c.models, c.tests, c.originalRuns, `${c.roundTripIdentical}/${c.models}`, c.changedByStages, c.passed, c.failed, c.skipped].map(String));
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((s, i) => (i === 0 ? s.padEnd(widths[i]!) : s.padStart(widths[i]!))).join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

function topReasons(outcomes: ModelOutcome[], n = 12): [string, number][] {
  const counts = new Map<string, number>();
  for (const o of outcomes) for (const t of o.tests) if (t.status === 'skip') counts.set(t.reason!, (counts.get(t.reason!) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).slice(0, n);
}

function parseArgs(argv: string[]) {
  const opts = { json: undefined as string | undefined, root: SUITE_ROOT, only: undefined as string | undefined, keep: false, parallel: 2, lossy: false, optimize: false, opset: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => { const v = argv[++i]; if (v === undefined) throw new Error(`${a} needs a value`); return v; };
    if (a === '--json') opts.json = value();
    else if (a === '--root') opts.root = value();
    else if (a === '--only') opts.only = value();
    else if (a === '--parallel') opts.parallel = Math.max(1, Number(value()) || 1);
    else if (a === '--keep') opts.keep = true;
    else if (a === '--lossy') opts.lossy = true;
    else if (a === '--optimize') opts.optimize = opts.lossy = true;
    else if (a === '--opset') opts.opset = true;
    else throw new Error(`unknown option ${a}; use --json FILE, --root DIR, --only SUBSTRING, --parallel N, --keep, --lossy, --optimize, --opset`);
  }
  return opts;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!existsSync(opts.root)) {
    console.error(`conformance: ${opts.root} not found; install the ONNX test data (apt-get install libonnx-testdata)`);
    process.exit(2);
  }
  const folders = suiteModels(opts.root);
  const jobs = [...folders].flatMap(([folder, dirs]) => dirs
    .filter((d) => !opts.only || `${folder}/${path.basename(d)}`.includes(opts.only))
    .map((dir) => ({ dir, folder })));
  const tmp = mkdtempSync(path.join(tmpdir(), 'onnx-diet-conformance-'));
  if (opts.lossy || opts.opset) {
    await lossyPasses(jobs, opts, tmp);
    return;
  }
  const t0 = Date.now();
  let done = 0;
  const outcomes = await checkModels(jobs, opts.parallel, tmp, () => {
    if (++done % 100 === 0) console.log(`… ${done}/${jobs.length} models (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  });
  if (!opts.keep) rmSync(tmp, { recursive: true, force: true });

  const byFolder = (names: string[]) => names.map((f) => [f, countFolder(outcomes.filter((o) => o.folder === f))] as [string, FolderCounts]);
  const mainRows = byFolder(MAIN_FOLDERS.filter((f) => folders.has(f)));
  const others = byFolder([...folders.keys()].filter((f) => !MAIN_FOLDERS.includes(f)));
  const all = countFolder(outcomes);
  console.log(`\nONNX backend test suite (${opts.root}), decode→encode and dedup,prune, in onnxruntime-node`);
  console.log(table([...mainRows, ['total', countFolder(outcomes.filter((o) => MAIN_FOLDERS.includes(o.folder)))]]));
  if (others.length) {
    console.log('\nOther folders:');
    console.log(table(others));
    for (const [f, c] of others) if (!c.models) console.log(`  ${f}: no model.onnx in its ${readdirSync(path.join(opts.root, f)).length} entries (download-only descriptions); nothing to run`);
  }
  const reasons = topReasons(outcomes);
  if (reasons.length) {
    console.log('\nTop reasons for skipped tests:');
    for (const [r, n] of reasons) console.log(`  ${String(n).padStart(4)}  ${r}`);
  }
  const failures = failuresOf(outcomes);
  if (failures.length) {
    console.log('\nFailures:');
    for (const f of failures.slice(0, 50)) console.log(`  ${f}`);
    if (failures.length > 50) console.log(`  … and ${failures.length - 50} more`);
  }
  console.log(`\n${((Date.now() - t0) / 1000).toFixed(1)} s, ${opts.parallel} onnxruntime processes`);
  const failed = failures.length;
  if (opts.json) {
    writeFileSync(opts.json, JSON.stringify({
      root: opts.root,
      folders: Object.fromEntries([...mainRows, ...others]),
      total: all,
      skippedReasons: Object.fromEntries(topReasons(outcomes, Infinity)),
      failures,
      changedByStages: outcomes.filter((o) => o.changedByStages).map((o) => `${o.folder}/${o.name}`),
      skipped: outcomes.flatMap((o) => o.tests.filter((t) => t.status === 'skip')
        .map((t) => ({ test: `${o.folder}/${o.name}/${t.set}`, reason: t.reason, detail: t.detail }))),
    }, null, 2) + '\n');
  }
  // A run where nothing passed checked nothing (onnxruntime unusable?): that is no success either.
  if (!all.passed) console.log('no test passed: the check did not run; see the reasons above');
  console.log(`${all.passed} passed, ${failed} failed`);
  process.exitCode = failed || !all.passed ? 1 : 0;
}

/** Every LOSSY_PASSES entry over the suite: one summary line per pass, then the failures. */
async function lossyPasses(jobs: { dir: string; folder: string }[], opts: ReturnType<typeof parseArgs>, tmp: string) {
  const t0 = Date.now();
  const all = { passed: 0, failed: 0 };
  const report: Record<string, { changed: number; counts: FolderCounts; failures: string[] }> = {};
  console.log(opts.opset
    ? `ONNX backend test suite (${opts.root}), upgrade-opset: every model below the target, upgraded, must still give the expected outputs in onnxruntime-node\n`
    : `ONNX backend test suite (${opts.root}), lossy stages: every model a pass changes must load and run in onnxruntime-node with the original's output shapes and types\n`);
  const passes = opts.opset ? OPSET_PASSES : [...LOSSY_PASSES, ...(opts.optimize ? OPTIMIZE_PASSES : [])];
  for (const [label, spec, weights] of passes) {
    const started = Date.now();
    const pass: SuitePass = opts.opset
      ? { stages: () => [createStage(spec)], lossy: false, expectedOnly: true }
      : { stages: () => [createStage(spec)], lossy: true, weights };
    const outcomes = await checkModels(jobs, opts.parallel, tmp, undefined, pass);
    const counts = countFolder(outcomes);
    const changed = outcomes.filter((o) => o.changedByStages).length;
    const failures = failuresOf(outcomes);
    report[label] = { changed, counts, failures };
    all.passed += counts.passed;
    all.failed += failures.length;
    console.log(`${label}: ${changed} models changed; ${counts.passed} tests pass, ${failures.length} fail, ${counts.skipped} skipped (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    for (const [r, n] of topReasons(outcomes, 3)) console.log(`    skipped ${n}: ${r}`);
    for (const f of failures.slice(0, 20)) console.log(`    ${f}`);
    if (failures.length > 20) console.log(`    … and ${failures.length - 20} more`);
  }
  if (!opts.keep) rmSync(tmp, { recursive: true, force: true });
  if (opts.json) writeFileSync(opts.json, JSON.stringify({ root: opts.root, passes: report }, null, 2) + '\n');
  console.log(`\n${((Date.now() - t0) / 1000).toFixed(1)} s, ${opts.parallel} onnxruntime processes`);
  if (!all.passed) console.log('no test passed: the check did not run; see the reasons above');
  console.log(`${all.passed} passed, ${all.failed} failed`);
  process.exitCode = all.failed || !all.passed ? 1 : 0;
}

main().catch((e: unknown) => {
  console.error(`conformance: ${firstLine(e)}`);
  process.exit(2);
});
