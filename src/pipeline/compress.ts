/**
 * `compress` as a library call: load → stages → save, measured. The CLI and the Action are thin
 * adapters over this one function, so both report the same numbers.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { OnnxFormatError, UsageError } from '../onnx/errors.js';
import { forEachTensor } from '../onnx/graph.js';
import type { ExternalDataReader } from '../onnx/external.js';
import { loadModel, saveModel, type LoadedModel } from '../onnx/model-io.js';
import { SpillingReader } from '../onnx/spill.js';
import { isExternal } from '../onnx/tensor.js';
import { runStages } from '../stages/run-stages.js';
import { createStage, DEFAULT_STAGES, type StageSpec } from '../stages/registry.js';
import type { Stage, StageResult } from '../stages/stage.js';
import { digestFiles, type FilesDigest } from '../onnx/digest.js';
import { createFolders, missingFolders } from '../onnx/files.js';
import { silentProgress, type Progress } from './progress.js';
import { calibratorFor, type CalibrationCache, type CalibrationConfig } from './calibration.js';

export interface CompressOptions {
  stages?: readonly StageSpec[];
  /** Weights in a `<output>.data` file: true, false, or 'auto' (only past protobuf's 2 GiB limit). */
  externalData?: boolean | 'auto';
  /** sha256 of the input and output files (default true; off saves a pass over both). */
  digest?: boolean;
  progress?: Progress;
  /** Samples and method for stages that calibrate (quantize-int8 activations: static); default 8 auto samples, min-max. */
  calibration?: CalibrationConfig;
  /** Ranges calibrated by earlier compresses of the same float model (auto's candidates share one). */
  calibrationCache?: CalibrationCache;
}

export interface CompressResult {
  /** Paths as the caller gave them (reports show them as written). */
  source: string;
  output: string;
  original: FilesDigest;
  compressed: FilesDigest;
  stages: StageResult[];
}

/** The .onnx file and every external data file it references (resolved, each once). */
export function modelFiles(loaded: LoadedModel): string[] {
  const files = new Set<string>([path.resolve(loaded.path)]);
  forEachTensor(loaded.model, (t) => {
    if (isExternal(t)) files.add(loaded.external.resolve(loaded.external.range(t).location, t.name));
  });
  return [...files];
}

function sameFile(a: string, b: string): boolean {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    const sa = statSync(a);
    const sb = statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino; // a link to the same file is the same file
  } catch {
    return false; // one of them does not exist yet
  }
}

/** The output (and its possible data file) must not be any file the input model is read from. */
function refuseOverwrite(output: string, inputs: string[]): void {
  for (const target of [output, `${output}.data`]) {
    const hit = inputs.find((f) => sameFile(f, target));
    if (hit) {
      throw new UsageError(`${output}: output would overwrite the input file ${hit}; choose another output path`);
    }
  }
}

/** The output must name a file, under a folder that exists or can be created (checked before the work). */
function checkOutputPath(output: string): string[] {
  const target = path.resolve(output);
  if (existsSync(target) && statSync(target).isDirectory()) {
    throw new UsageError(`${output}: is a folder; give the output model's file name`);
  }
  return missingFolders(path.dirname(target), output);
}

/** A stage's refusal of the model, with the model's file in front unless it starts with a file already. */
function namingSource(e: unknown, source: string): unknown {
  if (!(e instanceof OnnxFormatError || e instanceof UsageError)) return e;
  if (e.message.includes(source) || /^(\/|\S+\.\w+: )/.test(e.message)) return e;
  const named = e instanceof OnnxFormatError ? new OnnxFormatError(`${source}: ${e.message}`) : new UsageError(`${source}: ${e.message}`);
  named.stack = e.stack;
  return named;
}

/** Wraps a stage so each one shows up as its own progress step. */
function asProgressStep(stage: Stage, progress: Progress): Stage {
  return { name: stage.name, inPlace: stage.inPlace, run: (model, ctx) => progress.step(`stage ${stage.name}`, () => stage.run(model, ctx)) };
}

export async function compressModel(source: string, output: string, opts: CompressOptions = {}): Promise<CompressResult> {
  const progress = opts.progress ?? silentProgress;
  const withHash = opts.digest ?? true;
  // Unknown stage names fail before a big model is read.
  const stages = (opts.stages ?? DEFAULT_STAGES).map((s) => asProgressStep(createStage(s), progress));
  refuseOverwrite(output, [source]);
  const newFolders = checkOutputPath(output);

  const loaded = await progress.step(`load ${source}`, () => loadModel(source));
  const tmpDir = mkdtempSync(path.join(tmpdir(), 'onnx-diet-'));
  let data: ExternalDataReader = loaded.external;
  try {
    const inputs = modelFiles(loaded);
    refuseOverwrite(output, inputs);
    const original = withHash ? await progress.step('sha256 of the input', () => digestFiles(inputs)) : digestFiles(inputs, false);

    // Weights in external data files: stages read them one at a time and park the tensors they create
    // in a scratch file of tmpDir (onnx/spill.ts), so memory stays about one tensor, not the model.
    data = inputs.length > 1 ? new SpillingReader(loaded.path, tmpDir) : loaded.external;
    const { model, results } = await runStages(loaded.model, stages, {
      external: data,
      tmpDir,
      log: (message) => progress.note(message),
      calibrate: calibratorFor(opts.calibration, data, tmpDir, progress, opts.calibrationCache),
    }).catch((e: unknown) => { throw namingSource(e, source); });

    createFolders(newFolders, output);
    const saved = await progress.step(`save ${output}`, () =>
      saveModel(model, output, { externalData: opts.externalData ?? 'auto', source: data }));
    const outFiles = saved.dataPath ? [saved.path, saved.dataPath] : [saved.path];
    const compressed = withHash ? await progress.step('sha256 of the output', () => digestFiles(outFiles)) : digestFiles(outFiles, false);
    return { source, output, original, compressed, stages: results };
  } finally {
    if (data !== loaded.external) data.close();
    loaded.external.close();
    rmSync(tmpDir, { recursive: true, force: true });
  }
}
