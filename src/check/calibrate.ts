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
import { allNames, freshName } from '../onnx/graph.js';
import { saveModel } from '../onnx/model-io.js';
import type { ModelProto, ValueInfoProto } from '../onnx/types.js';
import type { ChannelMomentsResult } from '../stages/stage.js';
import type { CalibrationMethod, TensorRange } from '../runtime/calibration-stats.js';
import type { GramOutputs, StatReductions, StatRequest, StatsResult } from '../runtime/ort-protocol.js';
import { intAttr, intsAttr, makeNode, tensorAttr } from '../stages/nodes.js';
import { defaultOpset } from '../stages/quant/opset.js';
import { DataType } from '../onnx/dtype.js';
import { makeTensor } from '../onnx/tensor.js';
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
  /**
   * Last-axis size of tensors in `moments` that the caller knows to be float32 with that many channels
   * (a float MatMul's K): their block products are computed in onnxruntime (withGrams).
   */
  channels?: ReadonlyMap<string, number>;
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
  const fresh = (base: string) => freshName(taken, base);
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
    // A tensor asked for its moments only needs no range: min-max, the one that never reads its values.
    for (const name of withMoments) if (!o.tensors.includes(name)) minmaxOnly.add(name);
    const requests: StatRequest[] = tensors.map((name) => ({ name, method: minmaxOnly.has(name) ? 'minmax' as const : o.method, ...(withMoments.has(name) ? { moments: o.momentBlock ?? 1 } : {}) }));
    const { file: runFile, fetch } = await reducedInGraph(host, model, fetched, requests, o, stamp);
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
  const moments = new Map(result.moments.map(([name, second, block, rows, cross, first]) => [name, { second, block, rows, first, ...(cross ? { cross } : {}) }]));
  return { ranges, moments, method: o.method, samples, synthetic: o.source.synthetic, from: o.source.from, stateBytes, peakRssBytes: result.peakRssBytes };
}

/**
 * Which tensors onnxruntime reduces in the graph: those the main graph computes or takes as input and that
 * are float32 (min-max ones then stay in onnxruntime, histograms still come over but skip their min-max
 * pass), a type read from onnxruntime's own inference on the augmented copy (loaded unoptimized: a parse,
 * no kernels). A min-max tensor that wants channel moments and whose channels the caller gave (a float
 * MatMul's K) gets its Gram blocks computed there too (withGrams); those need no probe, so a calibration
 * for moments alone writes one model, not two. Fills in the requests' `reduced` and `gram`, and returns the
 * model file to run and the outputs to fetch per sample.
 */
async function reducedInGraph(host: OrtHost, augmented: ModelProto, fetched: string[], requests: StatRequest[], o: CalibrateOptions, stamp: string): Promise<{ file: string; fetch: string[] }> {
  const save = (model: ModelProto, name: string) => {
    const file = path.join(o.tmpDir, `calibration-${stamp}${name}.onnx`);
    saveModel(model, file, { externalData: o.external ? true : 'auto', source: o.external });
    return file;
  };
  const g = o.model.graph!;
  const inMain = new Set([...g.input.map((v) => v.name), ...g.node.flatMap((n) => n.output)]);
  // Reshape takes its shape as an input from opset 5.
  const gramsRun = defaultOpset(o.model) >= 5;
  const channelsOf = (r: StatRequest) => o.channels?.get(r.name) ?? 0;
  // A span wider than the channels is one block of all of them (ChannelMoments.addGram).
  const grams = requests.filter((r) => r.moments && r.method === 'minmax' && gramsRun && inMain.has(r.name) && channelsOf(r) > 0 && channelsOf(r) % Math.min(r.moments, channelsOf(r)) === 0);
  const reduce = [...grams];
  const wanted = requests.filter((r) => !r.moments && inMain.has(r.name));
  let plain: string | undefined;
  if (wanted.length) {
    plain = save(augmented, '');
    const probe = await host.load(plain, { threads: 1, graphOptimizationLevel: 'disabled' });
    const float32 = new Set([...probe.inputs, ...probe.outputs].filter((v) => v.type === 'float32').map((v) => v.name));
    await host.release(probe.id);
    reduce.push(...wanted.filter((r) => float32.has(r.name)));
  }
  if (!reduce.length) return { file: plain ?? save(augmented, ''), fetch: fetched };
  const reduced = withReductions(augmented, reduce.map((r) => r.name));
  const { model, outputs: gramOutputs } = withGrams(reduced.model, grams.map((r) => ({ name: r.name, channels: channelsOf(r), block: Math.min(r.moments!, channelsOf(r)) })));
  const file = save(model, '-reduced');
  for (const r of reduce) {
    r.reduced = reduced.reductions.get(r.name)!;
    const gram = gramOutputs.get(r.name);
    if (gram) r.gram = gram;
  }
  // A histogram still needs the values: fetched with its reductions, which spare it the min-max pass.
  const inGraph = new Set(reduce.filter((r) => r.method === 'minmax').map((r) => r.name));
  const extra = reduce.flatMap((r) => [r.reduced!.min, r.reduced!.max, r.reduced!.sum, ...(r.gram ? [r.gram.out, r.gram.sum, r.gram.shape] : [])]);
  return { file, fetch: [...fetched.filter((t) => !inGraph.has(t)), ...extra] };
}

/**
 * `model` with the Gram blocks of each tensor computed in the graph, for ChannelMoments.addGram: the
 * tensor viewed as [rows, channels / block, block] (Reshape), then per block XᵀX by one batched MatMul of
 * its [blocks, block, rows] and [blocks, rows, block] transposes — onnxruntime's GEMM instead of the
 * per-row loops in JavaScript (ChannelMoments.add), and only channels · block floats cross from onnxruntime
 * instead of the activation. Measured on BERT-base (block 32, 8 samples of 128 tokens): ChannelMoments.add
 * 1.43 s of the calibration's 5.4 s. The view's shape is an output too: its first axis is the rows.
 */
export function withGrams(model: ModelProto, grams: readonly { name: string; channels: number; block: number }[]): { model: ModelProto; outputs: Map<string, GramOutputs> } {
  const outputs = new Map<string, GramOutputs>();
  const opset = defaultOpset(model);
  if (!grams.length) return { model, outputs };
  const graph = model.graph!;
  const taken = allNames(model);
  const fresh = (base: string) => freshName(taken, base);
  const nodes = [];
  for (const { name, channels, block } of grams) {
    const view = fresh(`${name}_calib_blocks`);
    const viewShape = fresh(`${name}_calib_blocks_shape`);
    const left = fresh(`${name}_calib_left`);
    const right = fresh(`${name}_calib_right`);
    const out = fresh(`${name}_calib_gram`);
    const sum = fresh(`${name}_calib_channel_sum`);
    const shape = fresh(`${name}_calib_rows`);
    // ReduceSum takes its axes as an input from opset 13, as an attribute before.
    const axes = fresh(`${name}_calib_rows_axis`);
    const sumNodes = opset >= 13
      ? [makeNode('Constant', axes, [], [axes], [tensorAttr('value', makeTensor(axes, DataType.INT64, [1], new Uint8Array(8)))]), makeNode('ReduceSum', sum, [view, axes], [sum], [intAttr('keepdims', 0)])]
      : [makeNode('ReduceSum', sum, [view], [sum], [intsAttr('axes', [0]), intAttr('keepdims', 0)])];
    // A Constant, not an initializer: before IR 4 an initializer must also be a graph input.
    const dims = makeTensor(viewShape, DataType.INT64, [3], new Uint8Array(BigInt64Array.of(-1n, BigInt(channels / block), BigInt(block)).buffer));
    nodes.push(
      makeNode('Constant', viewShape, [], [viewShape], [tensorAttr('value', dims)]),
      makeNode('Reshape', view, [name, viewShape], [view]),
      makeNode('Transpose', left, [view], [left], [intsAttr('perm', [1, 2, 0])]),
      makeNode('Transpose', right, [view], [right], [intsAttr('perm', [1, 0, 2])]),
      makeNode('MatMul', out, [left, right], [out]),
      ...sumNodes,
      makeNode('Shape', shape, [view], [shape]),
    );
    outputs.set(name, { out, sum, shape, channels });
  }
  const extra = [...outputs.values()].flatMap((g) => [g.out, g.sum, g.shape].map(untypedOutput));
  return {
    model: { ...model, graph: { ...graph, node: [...graph.node, ...nodes], output: [...graph.output, ...extra] } },
    outputs,
  };
}
