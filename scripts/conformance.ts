/**
 * Conformance against the ONNX backend test suite (Debian libonnx-testdata): every model goes through
 * decode→encode and through the lossless stages `dedup,prune`; the original, the round-tripped and the
 * compressed model run in onnxruntime-node (in child processes, ort-runner.ts) on each test_data_set.
 * A test counts where onnxruntime runs the original and its result matches the suite's expected outputs;
 * it passes when both of our models give bit-identical outputs to the original's (hence also the
 * expected ones, within the runner's default tolerance, which is checked too).
 *
 *   npm run conformance [-- --json FILE] [--root DIR] [--only SUBSTRING] [--keep]
 *
 * The last line is `N passed, N failed`; exit 1 on any failure.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { decodeModel, encodeModel } from '../src/onnx/codec.js';
import { runStages } from '../src/stages/pipeline.js';
import { createStage } from '../src/stages/registry.js';
import type { Stage } from '../src/stages/stage.js';
import { startOrtHost, OrtCrashError, type OrtHost } from '../src/check/ort-runner.js';
import { readTestDataSet, testDataSetDirs, type TestValue } from '../src/check/test-data.js';
import { bitDifference, closeDifference } from '../src/check/tensor-compare.js';
import type { NamedTensor } from '../src/check/named-tensor.js';

export const SUITE_ROOT = '/usr/share/libonnx-testdata/data';
/** The folders the foundation issue names; anything else found beside them is reported separately. */
export const MAIN_FOLDERS = ['node', 'pytorch-converted', 'pytorch-operator', 'simple'];
const CALL_TIMEOUT_MS = 60_000;

export type Status = 'pass' | 'fail' | 'skip';
export interface TestOutcome { set: string; status: Status; reason?: string; detail?: string }
export interface ModelOutcome {
  folder: string;
  name: string;
  roundTripIdentical: boolean;
  /** The stages changed the model (its encoding differs from the round trip's). */
  changedByStages: boolean;
  /** Test sets on which onnxruntime ran the original. */
  originalRuns: number;
  tests: TestOutcome[];
  /** A failure of our own code outside any one test (decode, stages, encode). */
  error?: string;
}

const firstLine = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0]!.trim();

/** Groups onnxruntime's messages into reasons worth counting (paths, names and numbers removed). */
export function reasonOf(prefix: string, e: unknown): string {
  const msg = firstLine(e)
    .replace(/^onnxruntime failed while \S+ \S+: /, '')
    .replace(/^\[ONNXRuntimeError\] : \d+ : \w+ : /, '')
    .replace(/\/\S+/g, '…')
    .replace(/'[^']*'/g, "'…'")
    .replace(/\d+/g, 'N');
  return `${prefix}: ${msg.slice(0, 110)}`;
}

interface Prepared { original: string; roundTrip: string; compressed: string; roundTripIdentical: boolean; changedByStages: boolean }

/** decode→encode and dedup,prune; both results written to `tmp`. */
async function prepare(modelFile: string, tmp: string, stem: string, stages: () => Stage[]): Promise<Prepared> {
  const bytes = readFileSync(modelFile);
  const encoded = encodeModel(decodeModel(bytes));
  const roundTripIdentical = Buffer.compare(Buffer.from(encoded.buffer, encoded.byteOffset, encoded.byteLength), bytes) === 0;
  const roundTrip = path.join(tmp, `${stem}.rt.onnx`);
  writeFileSync(roundTrip, encoded);
  // A fresh decode: stages may change the model in place.
  const { model } = await runStages(decodeModel(bytes), stages(), {
    tmpDir: tmp, log: () => {},
  });
  const compressed = path.join(tmp, `${stem}.slim.onnx`);
  const slim = encodeModel(model);
  writeFileSync(compressed, slim);
  const changedByStages = Buffer.compare(Buffer.from(slim.buffer, slim.byteOffset, slim.byteLength), Buffer.from(encoded.buffer, encoded.byteOffset, encoded.byteLength)) !== 0;
  return { original: modelFile, roundTrip, compressed, roundTripIdentical, changedByStages };
}

const tensors = (values: TestValue[]) => values.flatMap((v) => ('tensor' in v ? [v.tensor] : []));

/** Loads lazily; the session is loaded once per model and released by `releaseAll`. */
class Sessions {
  private ids = new Map<string, Promise<number>>();
  constructor(private host: OrtHost) {}
  get(file: string): Promise<number> {
    let id = this.ids.get(file);
    if (!id) {
      id = this.host.load(file, { timeoutMs: CALL_TIMEOUT_MS }).then((r) => r.id);
      this.ids.set(file, id);
    }
    return id;
  }
  async run(file: string, feeds: NamedTensor[], names: string[]): Promise<NamedTensor[]> {
    const id = await this.get(file);
    return (await this.host.run(id, feeds, names, { timeoutMs: CALL_TIMEOUT_MS })).outputs;
  }
  async releaseAll() {
    for (const id of this.ids.values()) await id.then((i) => this.host.release(i)).catch(() => {});
  }
}

/** Our model's outputs against the original's (bit for bit) and the expected ones (tolerance). */
function judge(label: string, got: NamedTensor[], original: NamedTensor[], expected: NamedTensor[]): string | undefined {
  for (let i = 0; i < expected.length; i++) {
    const name = expected[i]!.name;
    const bits = bitDifference(got[i]!, original[i]!);
    if (bits) return `${label} output '${name}' differs from the original's: ${bits}`;
    const close = closeDifference(got[i]!, expected[i]!);
    if (close) return `${label} output '${name}' differs from expected: ${close}`;
  }
  return undefined;
}

/** The stages under test: the lossless pair, as `onnx-diet compress` runs them by default. */
export const losslessStages = (): Stage[] => [createStage('dedup'), createStage('prune')];

export async function checkModel(
  host: OrtHost, modelDir: string, folder: string, tmp: string, stages: () => Stage[] = losslessStages,
): Promise<ModelOutcome> {
  const name = path.basename(modelDir);
  const modelFile = path.join(modelDir, 'model.onnx');
  const outcome: ModelOutcome = { folder, name, roundTripIdentical: false, changedByStages: false, originalRuns: 0, tests: [] };
  const graph = decodeModel(readFileSync(modelFile)).graph!;
  let prepared: Prepared | undefined;
  try {
    prepared = await prepare(modelFile, tmp, `${folder}__${name}`, stages);
    outcome.roundTripIdentical = prepared.roundTripIdentical;
    outcome.changedByStages = prepared.changedByStages;
  } catch (e) {
    outcome.error = `our pipeline failed: ${firstLine(e)}`;
  }
  const sessions = new Sessions(host);
  try {
    for (const dir of testDataSetDirs(modelDir)) {
      outcome.tests.push({ set: path.basename(dir), ...(await checkTest(sessions, modelFile, dir, graph, prepared, outcome)) });
    }
  } finally {
    await sessions.releaseAll();
  }
  return outcome;
}

async function checkTest(
  sessions: Sessions, modelFile: string, dir: string, graph: NonNullable<ReturnType<typeof decodeModel>['graph']>,
  prepared: Prepared | undefined, outcome: ModelOutcome,
): Promise<Omit<TestOutcome, 'set'>> {
  const data = readTestDataSet(dir, graph);
  const badInput = data.inputs.find((v) => 'unsupported' in v);
  if (badInput && 'unsupported' in badInput) return { status: 'skip', reason: `input holds ${badInput.unsupported}` };
  const expected = tensors(data.outputs);
  if (!expected.length) {
    const u = data.outputs.find((v) => 'unsupported' in v);
    return { status: 'skip', reason: `outputs hold ${u && 'unsupported' in u ? u.unsupported : 'nothing'}` };
  }
  const feeds = tensors(data.inputs);
  const names = expected.map((t) => t.name);
  let original: NamedTensor[];
  try {
    original = await sessions.run(modelFile, feeds, names);
  } catch (e) {
    return { status: 'skip', reason: reasonOf(e instanceof OrtCrashError ? 'ORT crashed on the original' : 'ORT cannot run the original', e) };
  }
  outcome.originalRuns++;
  for (let i = 0; i < expected.length; i++) {
    const diff = closeDifference(original[i]!, expected[i]!);
    if (diff) return { status: 'skip', reason: "ORT's output for the original differs from expected", detail: `'${names[i]}': ${diff}` };
  }
  if (!prepared) return { status: 'fail', reason: outcome.error };
  for (const [label, file] of [['round-tripped', prepared.roundTrip], ['compressed', prepared.compressed]] as const) {
    let got: NamedTensor[];
    try {
      got = await sessions.run(file, feeds, names);
    } catch (e) {
      return { status: 'fail', reason: `ORT cannot run the ${label} model: ${firstLine(e)}` };
    }
    const bad = judge(label, got, original, expected);
    if (bad) return { status: 'fail', reason: bad };
  }
  return { status: 'pass' };
}

/** Model folders (those holding a model.onnx) per suite folder; folders without any are listed empty. */
export function suiteModels(root = SUITE_ROOT): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const folder of readdirSync(root, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort()) {
    const dirs = readdirSync(path.join(root, folder), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => path.join(root, folder, e.name))
      .filter((d) => existsSync(path.join(d, 'model.onnx')))
      .sort();
    out.set(folder, dirs);
  }
  return out;
}

/** Runs `jobs` over `hosts` in parallel, one model at a time per host (a crash then loses only that model). */
export async function checkModels(jobs: { dir: string; folder: string }[], parallel: number, tmp: string,
  onDone?: (o: ModelOutcome) => void, stages: () => Stage[] = losslessStages): Promise<ModelOutcome[]> {
  const results: ModelOutcome[] = new Array(jobs.length);
  let next = 0;
  const lane = async () => {
    const host = startOrtHost();
    try {
      for (let i = next++; i < jobs.length; i = next++) {
        const job = jobs[i]!;
        results[i] = await checkModel(host, job.dir, job.folder, tmp, stages);
        onDone?.(results[i]!);
      }
    } finally {
      await host.close();
    }
  };
  await Promise.all(Array.from({ length: parallel }, lane));
  return results;
}

export interface FolderCounts {
  models: number; tests: number; originalRuns: number; roundTripIdentical: number; changedByStages: number;
  passed: number; failed: number; skipped: number; errors: number;
}

export function countFolder(outcomes: ModelOutcome[]): FolderCounts {
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
export function failuresOf(outcomes: ModelOutcome[]): string[] {
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
  const opts = { json: undefined as string | undefined, root: SUITE_ROOT, only: undefined as string | undefined, keep: false, parallel: 2 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => { const v = argv[++i]; if (v === undefined) throw new Error(`${a} needs a value`); return v; };
    if (a === '--json') opts.json = value();
    else if (a === '--root') opts.root = value();
    else if (a === '--only') opts.only = value();
    else if (a === '--parallel') opts.parallel = Math.max(1, Number(value()) || 1);
    else if (a === '--keep') opts.keep = true;
    else throw new Error(`unknown option ${a}; use --json FILE, --root DIR, --only SUBSTRING, --parallel N, --keep`);
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
  const t0 = Date.now();
  let done = 0;
  const outcomes = await checkModels(jobs, opts.parallel, tmp, () => {
    if (++done % 100 === 0) console.log(`… ${done}/${jobs.length} models (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  });
  if (!opts.keep) rmSync(tmp, { recursive: true, force: true });

  const byFolder = (names: string[]) => names.map((f) => [f, countFolder(outcomes.filter((o) => o.folder === f))] as [string, FolderCounts]);
  const main = byFolder(MAIN_FOLDERS.filter((f) => folders.has(f)));
  const others = byFolder([...folders.keys()].filter((f) => !MAIN_FOLDERS.includes(f)));
  const all = countFolder(outcomes);
  console.log(`\nONNX backend test suite (${opts.root}), decode→encode and dedup,prune, in onnxruntime-node`);
  console.log(table([...main, ['total', countFolder(outcomes.filter((o) => MAIN_FOLDERS.includes(o.folder)))]]));
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
  const failed = all.failed + (failures.length - all.failed);
  if (opts.json) {
    writeFileSync(opts.json, JSON.stringify({
      root: opts.root,
      folders: Object.fromEntries([...main, ...others]),
      total: all,
      skippedReasons: Object.fromEntries(topReasons(outcomes, Infinity)),
      failures,
      changedByStages: outcomes.filter((o) => o.changedByStages).map((o) => `${o.folder}/${o.name}`),
      skipped: outcomes.flatMap((o) => o.tests.filter((t) => t.status === 'skip')
        .map((t) => ({ test: `${o.folder}/${o.name}/${t.set}`, reason: t.reason, detail: t.detail }))),
    }, null, 2) + '\n');
  }
  console.log(`${all.passed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e: unknown) => {
    console.error(`conformance: ${firstLine(e)}`);
    process.exit(2);
  });
}
