/** Messages between the onnxruntime host (ort-runner.ts) and its child process (ort-worker.ts). */
import type { NamedTensor } from './named-tensor.js';
import type { CalibrationMethod } from './calibration-stats.js';

export interface LoadOptions {
  /** Intra-op threads (default 1: measurements comparable across machines, parallel hosts don't fight). */
  threads?: number;
  graphOptimizationLevel?: 'disabled' | 'basic' | 'extended' | 'layout' | 'all';
  /** Where onnxruntime writes the model after its graph optimizations (the `optimize` stage uses it). */
  optimizedModelFilePath?: string;
}

export interface ValueMetadata {
  name: string;
  isTensor: boolean;
  /** onnxruntime-node type name (float32, int64, ...), or 'non-tensor' for sequences, maps, optionals. */
  type: string;
  /** Fixed sizes as numbers, symbolic ones as their names. */
  dims: (number | string)[];
}

export interface LoadResult {
  id: number;
  loadMs: number;
  inputs: ValueMetadata[];
  outputs: ValueMetadata[];
}

export interface RunResult {
  outputs: NamedTensor[];
  /** Time of session.run alone, measured inside the child. */
  ms: number;
  /**
   * CPU time of the child over the same span (user + system, all its threads). With one intra-op thread
   * it is the run's own work, which time-slicing on a loaded machine does not inflate as it does `ms`.
   */
  cpuMs: number;
}

export type OrtRequest =
  | { seq: number; op: 'load'; modelPath: string; options: LoadOptions }
  | { seq: number; op: 'run'; id: number; feeds: NamedTensor[]; outputNames?: string[] }
  | { seq: number; op: 'release'; id: number }
  /** Runs and folds `stats` (outputs or feeds) into the session's running statistics (calibrate.ts); replies { ms }. */
  | { seq: number; op: 'runStats'; id: number; feeds: NamedTensor[]; outputNames: string[]; stats: StatRequest[] }
  /** The session's ranges so far; replies StatsResult. */
  | { seq: number; op: 'takeStats'; id: number };

/** A tensor to reduce, and how. */
export interface StatRequest {
  name: string;
  method: CalibrationMethod;
  /** Also keep E[x²] per channel of the last axis, and E[x_i·x_j] within blocks of this many channels when > 1 (ChannelMoments, int4 `awq`). */
  moments?: number;
  /**
   * Outputs holding the tensor's in-graph ReduceMin, ReduceMax and ReduceSum (calibrate.ts): fetched in
   * its place; a sample whose three are not all finite (NaN, ±Inf, an empty tensor) reads the tensor.
   */
  reduced?: StatReductions;
  /**
   * With `moments` and `reduced`: outputs holding the tensor's Gram blocks computed in the graph
   * ([channels / moments, moments, moments], calibrate.ts), its per-channel sums ([channels / moments,
   * moments]) and the shape of its [rows, blocks, moments] view, fetched in its place; a sample whose
   * reductions are not all finite reads the tensor instead.
   */
  gram?: GramOutputs;
}

export interface GramOutputs {
  out: string;
  sum: string;
  shape: string;
  channels: number;
}

export interface StatReductions {
  min: string;
  max: string;
  sum: string;
}

export interface StatsResult {
  ranges: [name: string, min: number, max: number][];
  /** Per-channel E[x²] of the tensors asked for with `moments`, the rows they average over, the block products when block > 1, and E[x]. */
  moments: [name: string, means: Float32Array, block: number, rows: number, blockMeans: Float32Array | undefined, firstMeans: Float32Array][];
  stateBytes: number;
  /** Peak RSS of the onnxruntime child so far (its activations live there), bytes. */
  peakRssBytes: number;
}

export type OrtReply =
  | { seq: number; ok: true; result: unknown }
  | { seq: number; ok: false; error: string };
