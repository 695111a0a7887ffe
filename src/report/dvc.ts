/**
 * DVC metrics: one flat JSON object of scalars (numbers), keyed `model.metric`, so `dvc metrics show`
 * and `dvc metrics diff --md` compare runs directly. Pass/fail are 1/0 so they diff like the rest.
 */
import type { RunReport } from '../pipeline/run.js';

export type DvcMetrics = Record<string, number>;

export function dvcMetrics(report: RunReport): DvcMetrics {
  const out: DvcMetrics = { passed: report.passed ? 1 : 0 };
  const put = (key: string, v: number | undefined) => {
    if (v !== undefined && Number.isFinite(v)) out[key] = v;
  };
  for (const m of report.models) {
    const k = (s: string) => `${m.name}.${s}`;
    put(k('passed'), m.passed ? 1 : 0);
    put(k('original_bytes'), m.original.bytes);
    put(k('compressed_bytes'), m.compressed.bytes);
    put(k('reduction'), m.compressed.bytes > 0 ? m.original.bytes / m.compressed.bytes : undefined);
    const seen = new Map<string, number>();
    for (const s of m.stages) {
      const n = (seen.get(s.name) ?? 0) + 1;
      seen.set(s.name, n);
      const name = n === 1 ? s.name : `${s.name}_${n}`;
      put(k(`stage.${name}.bytes_after`), s.bytesAfter);
      put(k(`stage.${name}.ms`), s.ms);
    }
    if (m.parity) {
      put(k('parity.passed'), m.parity.passed ? 1 : 0);
      for (const o of m.parity.outputs) {
        put(k(`parity.${o.name}.max_abs`), o.maxAbs);
        put(k(`parity.${o.name}.mean_abs`), o.meanAbs);
        put(k(`parity.${o.name}.cosine`), o.cosine);
        put(k(`parity.${o.name}.top1`), o.top1);
      }
      if (m.parity.accuracy) {
        put(k('accuracy.original'), m.parity.accuracy.original);
        put(k('accuracy.compressed'), m.parity.accuracy.compressed);
        put(k('accuracy.drop'), m.parity.accuracy.drop);
      }
    }
    if (m.latency && !('error' in m.latency)) {
      put(k('latency.original_p50_ms'), m.latency.original.p50Ms);
      put(k('latency.original_p90_ms'), m.latency.original.p90Ms);
      put(k('latency.compressed_p50_ms'), m.latency.compressed.p50Ms);
      put(k('latency.compressed_p90_ms'), m.latency.compressed.p90Ms);
      put(k('latency.speedup'), m.latency.speedup);
    }
  }
  return out;
}

/** Rows of a DVC plots file (`dvc plots show/diff` read a JSON list of records). */
export type DvcPlotRows = Record<string, string | number>[];

/**
 * Plots for `dvc plots diff`: the size after each stage (`step` 0 is the original, the last the saved
 * file) and the p50/p90 latency of the original and the slim model, one record per point, per model.
 */
export function dvcPlots(report: RunReport): { stages: DvcPlotRows; latency: DvcPlotRows } {
  const stages: DvcPlotRows = [];
  const latency: DvcPlotRows = [];
  for (const m of report.models) {
    const points: [string, number][] = [['original', m.original.bytes], ...m.stages.map((s): [string, number] => [s.name, s.bytesAfter]), ['saved', m.compressed.bytes]];
    points.forEach(([stage, bytes], step) => stages.push({ model: m.name, step, stage, bytes }));
    if (m.latency && !('error' in m.latency)) {
      for (const which of ['original', 'compressed'] as const) {
        latency.push({ model: m.name, which: `${m.name} ${which}`, p50_ms: m.latency[which].p50Ms, p90_ms: m.latency[which].p90Ms });
      }
    }
  }
  return { stages, latency };
}
