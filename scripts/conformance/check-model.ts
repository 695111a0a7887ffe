/**
 * One model of the ONNX backend test suite through our codec and the lossless stages (their result saved
 * with external data), checked in onnxruntime-node (see ../conformance.ts for what counts). The original, the round-tripped and the
 * compressed model run on each test_data_set; a test counts where onnxruntime runs the original and its
 * result matches the suite's expected outputs; it passes when both of our models give outputs
 * bit-identical to the original's and within the backend runner's tolerance of the expected ones.
 *
 * Lossy stages (`--lossy`) cannot keep the bits: there a model the stages changed passes when
 * onnxruntime loads and runs it and every output has the original's shape and a comparable type (a float
 * output may change width: fp16 without keep-io-types). Models the stages left alone are not run again.
 */
import { readdirSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { decodeModel, encodeModel } from '../../src/onnx/codec.js';
import { saveModel } from '../../src/onnx/model-io.js';
import { OnnxFormatError } from '../../src/onnx/errors.js';
import type { GraphProto, ModelProto } from '../../src/onnx/types.js';
import { runStages } from '../../src/stages/run-stages.js';
import { createStage } from '../../src/stages/registry.js';
import type { Stage } from '../../src/stages/stage.js';
import { ortSaid, startOrtHost, OrtCrashError, type OrtHost } from '../../src/runtime/ort-runner.js';
import { readTestDataSet, testDataSetDirs, type TestValue } from '../../src/check/test-data.js';
import { bitDifference, closeDifference } from '../../src/check/tensor-compare.js';
import { comparableTypes, isFloatType, tensorProtoFromNamed, type NamedTensor } from '../../src/runtime/named-tensor.js';
import { OutputComparison } from '../../src/check/parity-metrics.js';

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
  /**
   * A lossy stage refused the model with a one-line reason (OnnxFormatError: `optimize` on a model
   * onnxruntime cannot load). Right when onnxruntime cannot run the original either (the tests are
   * skipped then); a test whose original runs fails with it.
   */
  refused?: string;
}

export const firstLine = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0]!.trim();

/** Groups onnxruntime's messages into reasons worth counting (paths, names and numbers removed). */
function reasonOf(prefix: string, e: unknown): string {
  const msg = ortSaid(e).trim()
    .replace(/^\[ONNXRuntimeError\] : \d+ : \w+ : /, '')
    .replace(/\/\S+/g, '…')
    .replace(/'[^']*'/g, "'…'")
    .replace(/\d+/g, 'N');
  return `${prefix}: ${msg.slice(0, 110)}`;
}

interface Prepared { original: string; roundTrip: string; compressed: string; roundTripIdentical: boolean; changedByStages: boolean }

/**
 * `decoded` (the model file's `bytes`) encoded again, and the stages' result; both written to `tmp`.
 * With `external` the result is saved the way a >2 GB model is, every tensor in an external data file
 * (small attribute tensors excepted, see saveModel), so the suite checks that writer too.
 */
async function prepare(modelFile: string, bytes: Uint8Array, decoded: ModelProto, tmp: string, stem: string, stages: () => Stage[], external: boolean): Promise<Prepared> {
  const encoded = encodeModel(decoded);
  const roundTripIdentical = Buffer.compare(encoded, bytes) === 0;
  const roundTrip = path.join(tmp, `${stem}.rt.onnx`);
  writeFileSync(roundTrip, encoded);
  // A fresh decode: stages may change the model in place.
  const { model } = await runStages(decodeModel(bytes), stages(), {
    tmpDir: tmp, log: () => {},
  });
  const compressed = path.join(tmp, `${stem}.slim.onnx`);
  const slim = encodeModel(model);
  if (external) saveModel(model, compressed, { externalData: true, sizeThreshold: 0 });
  else writeFileSync(compressed, slim);
  const changedByStages = Buffer.compare(slim, encoded) !== 0;
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
    try {
      const id = await this.get(file);
      return (await this.host.run(id, feeds, names, { timeoutMs: CALL_TIMEOUT_MS })).outputs;
    } catch (e) {
      // The child is gone with every session in it: the next call loads afresh in a new one.
      if (e instanceof OrtCrashError) this.ids.clear();
      throw e;
    }
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

/** Our model's outputs against the expected ones only (within the backend runner's tolerance). */
function expectedDifference(label: string, got: NamedTensor[], expected: NamedTensor[]): string | undefined {
  for (let i = 0; i < expected.length; i++) {
    const close = closeDifference(got[i]!, expected[i]!);
    if (close) return `${label} output '${expected[i]!.name}' differs from expected: ${close}`;
  }
  return undefined;
}

/** The stages under test: the lossless pair, as `onnx-diet compress` runs them by default. */
export const losslessStages = (): Stage[] => [createStage('dedup'), createStage('prune')];

/**
 * What a run of the suite checks: `lossy` stages only have to keep the compressed model runnable.
 * `weights`: the suite feeds most weights as graph inputs, where no quantizer can reach them; with it,
 * the weight inputs of MatMul, Gemm, Conv and Gather become initializers holding test_data_set_0's
 * values (only that set is run), and each float output of the compressed model must keep at least
 * `minCosine` to the float model's.
 */
export interface SuitePass {
  stages: () => Stage[]; lossy: boolean; weights?: { minCosine: number }; externalData?: boolean;
  /**
   * `upgrade-opset`: a changed model must give the suite's expected outputs within the backend runner's
   * tolerance (onnxruntime may pick other kernels for newer op versions, so not bit for bit); a refusal
   * fails every test whose original onnxruntime runs. Unchanged models (already at the target) are not run.
   */
  expectedOnly?: boolean;
}
/** The lossless pass saves its result with external data: the round trip covers the inline writer. */
export const LOSSLESS: SuitePass = { stages: losslessStages, lossy: false, externalData: true };


/** Which inputs of an op are weights a quantizer looks for. */
const WEIGHT_INPUTS: Record<string, number[]> = { MatMul: [1], Gemm: [1, 2], Conv: [1, 2], Gather: [0] };

/**
 * `model` (changed in place) with its weight inputs (WEIGHT_INPUTS) turned into initializers holding
 * the values of test set `dir`; returns their names (empty when there are none).
 */
export function weightsFromTestData(model: ModelProto, dir: string): Set<string> {
  const g = model.graph!;
  const inputs = new Set(g.input.map((v) => v.name));
  const wanted = new Set(g.node.flatMap((n) => (WEIGHT_INPUTS[n.opType ?? ''] ?? []).map((i) => n.input[i] ?? '')).filter((n) => inputs.has(n)));
  const promoted = new Set<string>();
  for (const v of readTestDataSet(dir, g).inputs) {
    if (!wanted.has(v.name) || !('tensor' in v) || v.tensor.type === 'string') continue;
    g.initializer.push(tensorProtoFromNamed(v.tensor));
    promoted.add(v.name);
  }
  g.input = g.input.filter((v) => !promoted.has(v.name ?? ''));
  return promoted;
}

/** Each float output of the compressed model within `minCosine` of the float model's. */
function cosineDifference(label: string, got: NamedTensor[], original: NamedTensor[], minCosine: number): string | undefined {
  for (let i = 0; i < original.length; i++) {
    if (!isFloatType(original[i]!.type)) continue;
    const c = new OutputComparison(original[i]!.name);
    c.add(original[i], got[i]);
    const { cosine, incomparable } = c.result();
    if (incomparable) return `${label} output ${incomparable}`;
    if (!(cosine >= minCosine)) return `${label} output '${original[i]!.name}' has cosine ${cosine.toFixed(5)} to the float model's (< ${minCosine})`;
  }
  return undefined;
}

/** Lossy stages: same outputs, same dims, same type (or both floats). */
function shapeDifference(label: string, got: NamedTensor[], original: NamedTensor[]): string | undefined {
  for (let i = 0; i < original.length; i++) {
    const [a, b] = [got[i]!, original[i]!];
    if (!comparableTypes(a.type, b.type) || a.dims.join(',') !== b.dims.join(',')) {
      return `${label} output '${b.name}' is ${a.type} [${a.dims.join(',')}], the original's ${b.type} [${b.dims.join(',')}]`;
    }
  }
  return undefined;
}

async function checkModel(host: OrtHost, modelDir: string, folder: string, tmp: string, pass: SuitePass): Promise<ModelOutcome> {
  const name = path.basename(modelDir);
  let modelFile = path.join(modelDir, 'model.onnx');
  const outcome: ModelOutcome = { folder, name, roundTripIdentical: false, changedByStages: false, originalRuns: 0, tests: [] };
  let bytes: Uint8Array;
  let decoded: ModelProto;
  try {
    bytes = readFileSync(modelFile);
    decoded = decodeModel(bytes);
  } catch (e) {
    outcome.error = `our decoder failed: ${firstLine(e)}`;
    return outcome;
  }
  let dirs = testDataSetDirs(modelDir);
  let promoted = new Set<string>();
  const suiteGraph = decoded.graph!; // test data files pair with its inputs by position
  if (pass.weights && dirs.length) {
    const withWeights = decodeModel(bytes);
    promoted = weightsFromTestData(withWeights, dirs[0]!);
    if (promoted.size) {
      bytes = encodeModel(withWeights);
      decoded = decodeModel(bytes);
      modelFile = path.join(tmp, `${folder}__${name}.weights.onnx`);
      writeFileSync(modelFile, bytes);
      dirs = dirs.slice(0, 1);
    }
  }
  let prepared: Prepared | undefined;
  try {
    prepared = await prepare(modelFile, bytes, decoded, tmp, `${folder}__${name}`, pass.stages, pass.externalData ?? false);
    outcome.roundTripIdentical = prepared.roundTripIdentical;
    outcome.changedByStages = prepared.changedByStages;
  } catch (e) {
    if ((pass.lossy || pass.expectedOnly) && e instanceof OnnxFormatError) outcome.refused = `the stages refused a model onnxruntime runs: ${firstLine(e)}`;
    else outcome.error = `our pipeline failed: ${firstLine(e)}`;
  }
  if ((pass.lossy || pass.expectedOnly) && prepared && !prepared.changedByStages) return outcome; // the lossless pass covers it
  const sessions = new Sessions(host);
  try {
    for (const dir of dirs) {
      const result = await checkTest(sessions, modelFile, dir, suiteGraph, prepared, outcome, pass, promoted)
        .catch((e: unknown): Omit<TestOutcome, 'set'> => ({ status: 'fail', reason: `checking failed: ${firstLine(e)}` }));
      outcome.tests.push({ set: path.basename(dir), ...result });
    }
  } finally {
    await sessions.releaseAll();
  }
  return outcome;
}

async function checkTest(
  sessions: Sessions, modelFile: string, dir: string, graph: GraphProto,
  prepared: Prepared | undefined, outcome: ModelOutcome, pass: SuitePass, promoted: Set<string>,
): Promise<Omit<TestOutcome, 'set'>> {
  const lossy = pass.lossy;
  const data = readTestDataSet(dir, graph);
  const badInput = data.inputs.find((v) => 'unsupported' in v);
  if (badInput && 'unsupported' in badInput) return { status: 'skip', reason: `input holds ${badInput.unsupported}` };
  const expected = tensors(data.outputs);
  if (!expected.length) {
    const u = data.outputs.find((v) => 'unsupported' in v);
    return { status: 'skip', reason: `outputs hold ${u && 'unsupported' in u ? u.unsupported : 'nothing'}` };
  }
  const feeds = tensors(data.inputs).filter((t) => !promoted.has(t.name)); // now initializers
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
  if (!prepared) return { status: 'fail', reason: outcome.error ?? outcome.refused };
  const models = lossy || pass.expectedOnly ? [['compressed', prepared.compressed] as const] : [['round-tripped', prepared.roundTrip], ['compressed', prepared.compressed]] as const;
  for (const [label, file] of models) {
    let got: NamedTensor[];
    try {
      // Float feeds follow the model's declared input types (the host converts them, feed-types.ts).
      got = await sessions.run(file, feeds, names);
    } catch (e) {
      return { status: 'fail', reason: `ORT cannot run the ${label} model: ${firstLine(e)}` };
    }
    const bad = pass.expectedOnly ? expectedDifference(label, got, expected) : !lossy ? judge(label, got, original, expected)
      : shapeDifference(label, got, original) ?? (pass.weights ? cosineDifference(label, got, original, pass.weights.minCosine) : undefined);
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
  onDone?: (o: ModelOutcome) => void, pass: SuitePass = LOSSLESS): Promise<ModelOutcome[]> {
  const results: ModelOutcome[] = new Array(jobs.length);
  let next = 0;
  const lane = async () => {
    const host = startOrtHost();
    try {
      for (let i = next++; i < jobs.length; i = next++) {
        const job = jobs[i]!;
        results[i] = await checkModel(host, job.dir, job.folder, tmp, pass);
        onDone?.(results[i]!);
      }
    } finally {
      await host.close();
    }
  };
  await Promise.all(Array.from({ length: parallel }, lane));
  return results;
}
