/**
 * Calibration: the ranges of a model's activations over sample inputs, in three steps kept apart as in
 * ORT's calibrate.py (collect → compute ranges → hand them to the quantizer): an augmented copy of the
 * model lists the tensors to calibrate as extra outputs; onnxruntime runs it on one sample at a time; in the
 * onnxruntime child (ort-worker.ts, runStats) each output is folded into its running statistic
 * (calibration-stats.ts) and dropped, so activations never cross the IPC channel. Memory is the model, one
 * sample's activations and a fixed-size statistic per tensor, whatever the number of samples.
 * A min-max tensor does not even leave onnxruntime: the augmented copy reduces it in the graph
 * (ReduceMin, ReduceMax and a ReduceSum that is finite only without NaN or ±Inf, as ORT's MinMaxCalibrater
 * appends ReduceMin/ReduceMax), and only three scalars reach JavaScript; a sample whose sum is not finite
 * is read in full and reduced as before, so the ranges are those of MinMaxStat bit for bit.
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { ExternalDataReader } from '../onnx/external.js';
import { allNames } from '../onnx/graph.js';
import { saveModel } from '../onnx/model-io.js';
import type { ModelProto, ValueInfoProto } from '../onnx/types.js';
import type { ChannelMomentsResult } from '../stages/stage.js';
import type { CalibrationMethod, TensorRange } from '../runtime/calibration-stats.js';
import type { StatReductions, StatRequest, StatsResult } from '../runtime/ort-protocol.js';
import { intAttr, makeNode } from '../stages/nodes.js';
import type { SampleSource } from './calibration-inputs.js';
import { startOrtHost, type OrtHost } from '../runtime/ort-runner.js';

/** Ops whose output is bounded by construction and typically saturates. */
const SATURATING = new Set(['Sigmoid', 'HardSigmoid', 'Clip', 'Softmax', 'Tanh']);

export interface CalibrateOptions {
  model: ModelProto;
  /** External data of `model`, if any (the augmented copy is written with it). */
  external?: ExternalDataReader;
  /** Tensors (activations or graph inputs) whose ranges are wanted; those that turn out not float32 get none. */
  tensors: readonly string[];
  method: CalibrationMethod;
  source: SampleSource;
  tmpDir: string;
  /** A host to use (default: one started and closed here). */
  host?: OrtHost;
  /** Tensors whose per-channel E[x²] (last axis) is also wanted (int4 `awq`); their ranges come too. */
  moments?: readonly string[];
  /** With `moments`: also E[x_i·x_j] within blocks of this many channels (default 1: the diagonal only). */
  momentBlock?: number;
  /** Intra-op threads for the calibration runs (default: all cores; calibration is not a latency figure). */
  threads?: number;
}

export interface CalibrationResult {
  ranges: Map<string, TensorRange>;
  /** Per-channel E[x²] of each tensor in `moments` that was float32, and its block products if asked. */
  moments: Map<string, ChannelMomentsResult>;
  method: CalibrationMethod;
  samples: number;
  synthetic: boolean;
  from: string;
  /** Bytes of all running statistics together: the same after 5 samples as after 500. */
  stateBytes: number;
  /** Peak RSS of the onnxruntime child that ran the samples (it starts fresh unless a host was given). */
  peakRssBytes: number;
}

/**
 * An extra output without a type: onnxruntime infers it, so a tensor asked for that is not float (a shape
 * computation's int64, say) loads and runs, and the child simply keeps no range for it.
 */
function untypedOutput(name: string): ValueInfoProto {
  return { name, metadataProps: [] };
}

/** The model with `tensors` added to its outputs (graph inputs are read from the feeds instead). */
export function augmentedForCalibration(model: ModelProto, tensors: readonly string[]): { model: ModelProto; fetched: string[] } {
  const graph = model.graph!;
  const inputs = new Set(graph.input.map((i) => i.name));
  const outputs = new Set(graph.output.map((o) => o.name));
  const extra = tensors.filter((t) => !inputs.has(t) && !outputs.has(t));
  const fetched = tensors.filter((t) => !inputs.has(t));
  return { model: { ...model, graph: { ...graph, output: [...graph.output, ...extra.map(untypedOutput)] } }, fetched };
}

/**
 * `augmented` (augmentedForCalibration's model) with each of `tensors` reduced in the graph to its min,
 * max and sum (all axes, keepdims 0: no axes attribute or input, so every opset reads it alike), those
 * scalars as extra outputs. The tensors stay outputs too, for the samples whose sum is not finite.
 */
export function withReductions(augmented: ModelProto, tensors: readonly string[]): { model: ModelProto; reductions: Map<string, StatReductions> } {
  const graph = augmented.graph!;
  const taken = allNames(augmented);
  const fresh = (base: string) => {
    let name = base;
    for (let k = 1; taken.has(name); k++) name = `${base}_${k}`;
    taken.add(name);
    return name;
  };
  const reductions = new Map<string, StatReductions>();
  const nodes = [];
  for (const t of tensors) {
    const r = { min: fresh(`${t}_calib_min`), max: fresh(`${t}_calib_max`), sum: fresh(`${t}_calib_sum`) };
    nodes.push(
      makeNode('ReduceMin', r.min, [t], [r.min], [intAttr('keepdims', 0)]),
      makeNode('ReduceMax', r.max, [t], [r.max], [intAttr('keepdims', 0)]),
      makeNode('ReduceSum', r.sum, [t], [r.sum], [intAttr('keepdims', 0)]),
    );
    reductions.set(t, r);
  }
  const outputs = [...reductions.values()].flatMap((r) => [r.min, r.max, r.sum].map(untypedOutput));
  return { model: { ...augmented, graph: { ...graph, node: [...graph.node, ...nodes], output: [...graph.output, ...outputs] } }, reductions };
}

export async function calibrate(o: CalibrateOptions): Promise<CalibrationResult> {
  const withMoments = new Set(o.moments ?? []);
  const tensors = [...new Set([...o.tensors, ...withMoments])];
  const { model, fetched } = augmentedForCalibration(o.model, tensors);
  const stamp = `${process.pid}-${Date.now()}`;
  const file = path.join(o.tmpDir, `calibration-${stamp}.onnx`);
  saveModel(model, file, { externalData: o.external ? true : 'auto', source: o.external });
  const host = o.host ?? startOrtHost();
  let samples = 0;
  let result: StatsResult;
  try {
    // The model's own outputs keep their whole range: a histogram method's clipping of outliers helps
    // inner activations, but an output's outliers are answers (the top logit), not noise.
    // So do outputs of saturating ops: their values pile up at the bounds (HardSigmoid's 0 and 1), which
    // a KL or percentile cut would move inward.
    const minmaxOnly = new Set(o.model.graph!.output.map((v) => v.name));
    for (const n of o.model.graph!.node) if (SATURATING.has(n.opType ?? '') && n.output[0]) minmaxOnly.add(n.output[0]);
    const requests: StatRequest[] = tensors.map((name) => ({ name, method: minmaxOnly.has(name) ? 'minmax' as const : o.method, ...(withMoments.has(name) ? { moments: o.momentBlock ?? 1 } : {}) }));
    const { file: runFile, fetch } = await reducedInGraph(host, model, file, fetched, requests, o, stamp);
    const session = await host.load(runFile, { threads: o.threads ?? availableParallelism() });
    try {
      // The child reduces each output as onnxruntime returns it; only the final ranges come back. The
      // next sample is read (an .npz decoded) while onnxruntime runs the current one.
      const it = o.source.samples()[Symbol.iterator]();
      for (let next = it.next(); !next.done;) {
        const running = host.runStats(session.id, next.value, fetch, requests);
        next = it.next();
        await running;
        samples++;
      }
      result = await host.takeStats(session.id);
    } finally {
      await host.release(session.id).catch(() => undefined);
    }
  } finally {
    if (!o.host) await host.close();
  }
  const ranges = new Map<string, TensorRange>(result.ranges.map(([name, min, max]) => [name, { min, max }]));
  const stateBytes = result.stateBytes;
  const moments = new Map(result.moments.map(([name, second, block, rows, cross]) => [name, { second, block, rows, ...(cross ? { cross } : {}) }]));
  return { ranges, moments, method: o.method, samples, synthetic: o.source.synthetic, from: o.source.from, stateBytes, peakRssBytes: result.peakRssBytes };
}

/**
 * Which tensors onnxruntime reduces in the graph: those without channel moments that the main graph
 * computes or takes as input and that are float32 (min-max ones then stay in onnxruntime, histograms
 * still come over but skip their min-max pass), a type read from onnxruntime's own inference on the
 * augmented copy (loaded unoptimized: a parse, no kernels). Fills in the requests' `reduced` and returns
 * the model file to run and the outputs to fetch per sample.
 */
async function reducedInGraph(host: OrtHost, augmented: ModelProto, file: string, fetched: string[], requests: StatRequest[], o: CalibrateOptions, stamp: string): Promise<{ file: string; fetch: string[] }> {
  const g = o.model.graph!;
  const inMain = new Set([...g.input.map((v) => v.name), ...g.node.flatMap((n) => n.output)]);
  const wanted = requests.filter((r) => !r.moments && inMain.has(r.name));
  if (!wanted.length) return { file, fetch: fetched };
  const probe = await host.load(file, { threads: 1, graphOptimizationLevel: 'disabled' });
  const float32 = new Set([...probe.inputs, ...probe.outputs].filter((v) => v.type === 'float32').map((v) => v.name));
  await host.release(probe.id);
  const reduce = wanted.filter((r) => float32.has(r.name));
  if (!reduce.length) return { file, fetch: fetched };
  const { model, reductions } = withReductions(augmented, reduce.map((r) => r.name));
  const reducedFile = path.join(o.tmpDir, `calibration-${stamp}-reduced.onnx`);
  saveModel(model, reducedFile, { externalData: o.external ? true : 'auto', source: o.external });
  for (const r of reduce) r.reduced = reductions.get(r.name)!;
  // A histogram still needs the values: fetched with its reductions, which spare it the min-max pass.
  const inGraph = new Set(reduce.filter((r) => r.method === 'minmax').map((r) => r.name));
  return { file: reducedFile, fetch: [...fetched.filter((t) => !inGraph.has(t)), ...reduce.flatMap((r) => [r.reduced!.min, r.reduced!.max, r.reduced!.sum])] };
}
