/**
 * Latency of the original against the compressed model, in one process and one sitting: warm-up runs
 * first (allocations, lazy kernel setup), then timed runs interleaved A B A B so slow drift (thermal,
 * other jobs on a CI runner) hits both models alike. Times are session.run alone, measured inside the
 * onnxruntime child (ort-worker.ts), so IPC copies do not count.
 */
import type { Sample } from './inputs.js';
import type { OrtHost } from '../runtime/ort-runner.js';

export type ModelLatency = {
  p50Ms: number;
  p90Ms: number;
  meanMs: number;
  loadMs: number;
};

export type LatencyReport = {
  runs: number;
  warmup: number;
  threads: number;
  original: ModelLatency;
  compressed: ModelLatency;
  /** original p50 ÷ compressed p50: above 1 the compressed model is faster. */
  speedup: number;
};

/** Percentile with linear interpolation between closest ranks (numpy.percentile's default). */
export function percentile(values: readonly number[], q: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((x, y) => x - y);
  const pos = (q / 100) * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export function summarize(times: readonly number[], loadMs: number): ModelLatency {
  return {
    p50Ms: percentile(times, 50),
    p90Ms: percentile(times, 90),
    meanMs: times.reduce((a, b) => a + b, 0) / Math.max(1, times.length),
    loadMs,
  };
}

export interface LatencyRun {
  host: OrtHost;
  original: { id: number; loadMs: number };
  compressed: { id: number; loadMs: number };
  feeds: Sample;
  runs: number;
  warmup: number;
  /** The intra-op threads both sessions were loaded with (reported, not set here). */
  threads: number;
  onRun?: (done: number, total: number) => void;
}

export async function measureLatency(r: LatencyRun): Promise<LatencyReport> {
  for (let i = 0; i < r.warmup; i++) {
    await r.host.run(r.original.id, r.feeds);
    await r.host.run(r.compressed.id, r.feeds);
  }
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < r.runs; i++) {
    a.push((await r.host.run(r.original.id, r.feeds)).ms);
    b.push((await r.host.run(r.compressed.id, r.feeds)).ms);
    r.onRun?.(i + 1, r.runs);
  }
  const original = summarize(a, r.original.loadMs);
  const compressed = summarize(b, r.compressed.loadMs);
  return {
    runs: r.runs, warmup: r.warmup, threads: r.threads, original, compressed,
    speedup: compressed.p50Ms > 0 ? original.p50Ms / compressed.p50Ms : Infinity,
  };
}
