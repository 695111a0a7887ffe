/**
 * One interface for every compression stage (after onnx-ir's passes): a stage takes the model, changes
 * it (in place or by returning a new one) and says what it did. The pipeline (pipeline.ts) measures
 * bytes and time around it, so every stage reports the same way.
 */
import type { ExternalDataSource } from '../onnx/tensor.js';
import type { ModelProto } from '../onnx/types.js';

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
  /** What the stage did, for reports: counts, bytes, skipped items with reasons. Plain JSON values. */
  details: Record<string, unknown>;
}

export interface Stage {
  readonly name: string;
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
  /** E[x_i·x_j] for i, j in the same block: row i holds j = blockStart(i) … + block − 1. */
  cross?: Float32Array;
}

export type Calibrator = ((model: ModelProto, tensors: string[], options?: { moments?: string[]; momentBlock?: number }) => Promise<{
  ranges: Map<string, CalibratedRange>;
  /** With `options.moments`: the channel moments of each of those tensors that is float32 (int4 `awq`). */
  moments?: Map<string, ChannelMomentsResult>;
  details: Record<string, unknown>;
}>) & {
  /** true when the model's config has a `calibration:` section (quantize-int4 then defaults to awq, else to data-free mse). */
  readonly given?: boolean;
};
