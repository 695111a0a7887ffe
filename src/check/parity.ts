/**
 * The parity check: the original and the compressed model run in onnxruntime (through the child-process
 * host, ort-runner.ts) on the same samples; each output is compared (parity-metrics.ts) and held to its
 * thresholds. Optional labels add the accuracy of both models and the drop.
 */
import type { Thresholds, Where } from '../config/types.js';
import { UsageError } from '../onnx/errors.js';
import type { Sample } from './inputs.js';
import { argmaxRows, OutputComparison, type OutputMetrics } from './parity-metrics.js';
import { tensorValues, type NamedTensor } from '../runtime/named-tensor.js';
import type { OrtHost } from '../runtime/ort-runner.js';
import type { MaskChoice } from './original-run.js';

/** Defaults when the config says nothing: near-identical direction, near-identical decisions. */
export const DEFAULT_THRESHOLDS = { cosine: 0.99, top1: 0.98 } as const;

export type ThresholdCheck = {
  /** Config key: max-abs, mean-abs, cosine, top1, non-finite. */
  metric: string;
  limit: number;
  actual: number;
  passed: boolean;
  /** Where the limit was written; absent for defaults. */
  where?: Where;
};

export type OutputParity = OutputMetrics & {
  passed: boolean;
  checks: ThresholdCheck[];
};

export type AccuracyReport = {
  /** How many labelled rows. */
  rows: number;
  original: number;
  compressed: number;
  /** original − compressed (positive: the compressed model is worse). */
  drop: number;
};

export type ParityReport = {
  passed: boolean;
  samples: number;
  outputs: OutputParity[];
  accuracy?: AccuracyReport;
  /** The polarity auto inputs used for each bool mask input (original-run.ts), when there are any. */
  masks?: MaskChoice[];
  /** onnxruntime failed on the compressed model (crash, bad model): the check could not run. */
  error?: string;
};

export interface ThresholdConfig {
  thresholds?: Thresholds;
  outputs?: Record<string, Thresholds>;
}

const MAX_KEYS = { 'max-abs': 'maxAbs', 'mean-abs': 'meanAbs' } as const;
const MIN_KEYS = { cosine: 'cosine', top1: 'top1' } as const;

/** Holds one output's metrics to its thresholds: per-output values over global ones over defaults. */
export function judgeOutput(m: OutputMetrics, config: ThresholdConfig = {}): OutputParity {
  const own = config.outputs?.[m.name];
  const pick = (key: string, field: keyof Thresholds) => {
    for (const t of [own, config.thresholds]) {
      const v = t?.[field];
      if (v !== undefined) return { limit: v as number | boolean, where: t!.where[key] };
    }
    return undefined;
  };
  const checks: ThresholdCheck[] = [];
  for (const [key, field] of Object.entries(MAX_KEYS)) {
    const t = pick(key, field);
    if (t) checks.push({ metric: key, limit: t.limit as number, actual: m[field], passed: m[field] <= (t.limit as number), where: t.where });
  }
  for (const [key, field] of Object.entries(MIN_KEYS)) {
    const actual = m[field];
    if (actual === undefined) continue;
    const t = pick(key, field) ?? { limit: DEFAULT_THRESHOLDS[field], where: undefined };
    checks.push({ metric: key, limit: t.limit as number, actual, passed: actual >= (t.limit as number), where: t.where });
  }
  const allow = pick('allow-non-finite', 'allowNonFinite');
  if (!allow?.limit) {
    checks.push({ metric: 'non-finite', limit: 0, actual: m.newNonFinite, passed: m.newNonFinite === 0 });
  }
  const passed = !m.incomparable && checks.every((c) => c.passed);
  return { ...m, passed, checks };
}

/** Compares the two models' results sample by sample; outputs keyed by name, in the original's order. */
export function compareResults(original: NamedTensor[][], compressed: NamedTensor[][], config: ThresholdConfig = {}): OutputParity[] {
  const names = [...new Set(original.flatMap((r) => r.map((t) => t.name)))];
  const comparisons = names.map((n) => new OutputComparison(n));
  original.forEach((outs, s) => {
    for (const c of comparisons) c.add(outs.find((t) => t.name === c.name), compressed[s]?.find((t) => t.name === c.name));
  });
  return comparisons.map((c) => judgeOutput(c.result(), config));
}

/** Predicted class per row (argmax over the last axis) of each sample's output, concatenated. */
function predictions(results: NamedTensor[][], output: string): number[] {
  return results.flatMap((outs) => {
    const t = outs.find((o) => o.name === output);
    if (!t) return [];
    const values = Float64Array.from(tensorValues(t) as ArrayLike<number | bigint>, Number);
    return argmaxRows(values, t.dims[t.dims.length - 1] ?? 1);
  });
}

export function accuracyOf(original: number[], compressed: number[], labels: number[]): AccuracyReport {
  if (original.length !== labels.length) {
    throw new UsageError(`parity labels: ${labels.length} labels for ${original.length} predicted rows; give one label per row of every sample`);
  }
  const hits = (p: number[]) => p.reduce((n, c, i) => n + (c === labels[i] ? 1 : 0), 0) / labels.length;
  const a = hits(original);
  const b = hits(compressed);
  return { rows: labels.length, original: a, compressed: b, drop: a - b };
}

export interface ParityRun {
  host: OrtHost;
  /** Session ids from host.load of each model. */
  original: number;
  compressed: number;
  samples: Sample[];
  /** The original's outputs on `samples`, when already run (original-run.ts); else it runs here. */
  reference?: NamedTensor[][];
  thresholds?: ThresholdConfig;
  labels?: { values: number[]; output?: string };
  /** Called after each sample (progress). */
  onSample?: (done: number, total: number) => void;
}

/** The parity report of both models' results per sample: outputs judged, and accuracy when labels are given. */
export function judgeResults(
  original: NamedTensor[][], compressed: NamedTensor[][], thresholds?: ThresholdConfig, labels?: { values: number[]; output?: string },
): ParityReport {
  const outputs = compareResults(original, compressed, thresholds);
  const report: ParityReport = { passed: outputs.every((o) => o.passed), samples: compressed.length, outputs };
  if (labels) {
    const output = labels.output ?? outputs[0]?.name ?? '';
    report.accuracy = accuracyOf(predictions(original, output), predictions(compressed, output), labels.values);
  }
  return report;
}

/** Runs both models on every sample and judges the outputs. onnxruntime errors reject (caller reports). */
export async function checkParity(run: ParityRun): Promise<ParityReport> {
  const a: NamedTensor[][] = [];
  const b: NamedTensor[][] = [];
  for (const [i, sample] of run.samples.entries()) {
    a.push(run.reference?.[i] ?? (await run.host.run(run.original, sample)).outputs);
    b.push((await run.host.run(run.compressed, sample)).outputs);
    run.onSample?.(i + 1, run.samples.length);
  }
  return judgeResults(a, b, run.thresholds, run.labels);
}
