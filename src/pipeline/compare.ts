/**
 * `compare` as a library call: parity and latency of two existing model files, reported in the same
 * JSON shape as `run` (one model entry: `source` is A, `output` is B, no stages; the parity thresholds
 * are its budgets).
 */
import { loadModel } from '../onnx/model-io.js';
import { evaluateBudgets } from '../check/budgets.js';
import { startOrtHost, type OrtHost } from '../check/ort-runner.js';
import type { LatencyConfig, ParityConfig } from '../config/load.js';
import { buildReport, type FileSummary } from '../report/json.js';
import { modelFiles } from './compress.js';
import { digestFiles } from './digest.js';
import { silentProgress, type Progress } from './progress.js';
import { checkModels, measuredLatency, runPassed, type ModelRunReport, type RunReport } from './run.js';

export interface CompareOptions {
  parity: ParityConfig;
  latency: LatencyConfig | false;
  progress?: Progress;
  host?: OrtHost;
}

function fileSummary(model: string): FileSummary {
  const loaded = loadModel(model);
  try {
    const d = digestFiles(modelFiles(loaded));
    const s: FileSummary = { bytes: d.bytes, sha256: d.sha256! };
    if (d.files.length > 1) s.files = d.files;
    return s;
  } finally {
    loaded.external.close();
  }
}

export async function compareModels(a: string, b: string, opts: CompareOptions): Promise<RunReport> {
  const progress = opts.progress ?? silentProgress;
  const host = opts.host ?? startOrtHost();
  try {
    const name = 'compare';
    const original = await progress.step(`read ${a}`, () => fileSummary(a));
    const compressed = await progress.step(`read ${b}`, () => fileSummary(b));
    const checked = await checkModels({ name, parity: opts.parity, latency: opts.latency }, a, b, host, progress);
    const m: ModelRunReport = {
      name, source: a, output: b, original, compressed, stages: [],
      ...checked,
      budgets: evaluateBudgets([], { originalBytes: original.bytes, compressedBytes: compressed.bytes, parity: checked.parity, latency: measuredLatency(checked.latency) }),
      passed: true,
    };
    m.passed = runPassed(m);
    const report = buildReport([m]) as RunReport;
    report.config = '';
    return report;
  } finally {
    if (!opts.host) await host.close();
  }
}
