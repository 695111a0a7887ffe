/**
 * One interface for every compression stage (after onnx-ir's passes, `PassResult(model, modified)`).
 * The contract:
 *
 * - `run` returns `{ model, modified, details }`: the model after the stage, whether it differs from the
 *   model given (`modified` is true iff the output's encoding differs from the input's), and what the
 *   stage did, for reports.
 * - A stage leaves the model it is given as it was, unless it declares `inPlace: true`; an in-place stage
 *   changes that model and returns it (the pipeline never reads the input again, so no copy is needed).
 * - The output is a valid model: it passes the checks a model passes at load (onnx/validate.ts), and it
 *   reads no name that is not defined where it is read, unless the input already did.
 *
 * runStages (run-stages.ts) measures bytes and time around each stage, so every stage reports the same
 * way; under `npm test` it also checks the contract after every stage (contract.ts).
 */
import type { ExternalDataSource } from '../onnx/tensor.js';
import type { ModelProto } from '../onnx/types.js';

/** A stage's options as written in the config (YAML/JSON) or on the CLI; options.ts parses them. */
export type StageOptions = Record<string, unknown>;

export interface StageContext {
  /** Reads external-data payloads of the source model (undefined when all data is inline). */
  external?: ExternalDataSource;
  /** Folder for scratch files (stages that call onnxruntime write models there). */
  tmpDir: string;
  /** Progress or notes for people; the CLI prints them, the library ignores them by default. */
  log: (message: string) => void;
  /** Activation ranges on calibration samples (static quantization); absent in a bare library call. */
  calibrate?: Calibrator;
}

export interface StageOutcome {
  model: ModelProto;
  /** Whether `model` differs from the stage's input (false: the stage found nothing to do). */
  modified: boolean;
  /** What the stage did, for reports: counts, bytes, skipped items with reasons. Plain JSON values. */
  details: Record<string, unknown>;
}

export interface Stage {
  readonly name: string;
  /** run changes the model it is given (and returns it); absent or false: the input is left as it was. */
  readonly inPlace?: boolean;
  run(model: ModelProto, ctx: StageContext): StageOutcome | Promise<StageOutcome>;
}

/** What the report shows per stage (report JSON contract, ../shared/PRODUCT.md). */
export interface StageResult {
  name: string;
  bytesBefore: number;
  bytesAfter: number;
  ms: number;
  details: Record<string, unknown>;
}

/** A calibrated range of one tensor (float32 values). */
export interface CalibratedRange {
  min: number;
  max: number;
}

/**
 * Runs the model (as given, before the stage changes it) on calibration samples and returns the range of
 * each named tensor, plus what to report about the samples. The pipeline provides it (it owns onnxruntime
 * and the sample inputs); stages that need activation ranges (or per-channel moments) ask for it through
 * StageContext.calibrate.
 */
/** Second moments of one activation's channels (last axis), from calibration. */
export interface ChannelMomentsResult {
  /** E[x_k²]. */
  second: Float32Array;
  /** Channels per block of `cross` (1: none kept). */
  block: number;
  /** Rows (vectors of the last axis: tokens, pixels) the moments average over, all samples together. */
  rows: number;
  /** E[x_i·x_j] for i, j in the same block: row i holds j = blockStart(i) … + block − 1. */
  cross?: Float32Array;
  /** E[x_k] (absent from calibrators that do not measure it). */
  first?: Float32Array;
}

/**
 * `autoSamples`: how many auto samples to draw when the calibration inputs are auto and the config does
 * not say (gptq's Hessians want more rows than ranges do); files given are all used, as always.
 * `identity`: what the calibrated float model is, when the stage rewrote it first in a way that depends on
 * its options (static int8's folds skip excluded nodes): a digest of the model before the rewrite, so
 * calibrations of one source model under different exclusions can share ranges by tensor name.
 * `momentChannels`: the channel count of moments tensors known to be float32 (a float MatMul's K): their
 * block products are then computed in onnxruntime (check/calibrate.ts withGrams), not in JavaScript.
 */
export interface CalibrateRequest { moments?: string[]; momentBlock?: number; momentChannels?: ReadonlyMap<string, number>; identity?: string; autoSamples?: number }

export type Calibrator = ((model: ModelProto, tensors: string[], options?: CalibrateRequest) => Promise<{
  ranges: Map<string, CalibratedRange>;
  /** With `options.moments`: the channel moments of each of those tensors that is float32 (int4 `awq`). */
  moments?: Map<string, ChannelMomentsResult>;
  details: Record<string, unknown>;
}>) & {
  /** true when the model's config has a `calibration:` section (quantize-int4 then defaults to awq, else to data-free mse). */
  readonly given?: boolean;
  /** Ranges are kept for later calibrations of the same float model (auto's CalibrationCache): only then is an `identity` worth computing. */
  readonly cached?: boolean;
};
