/**
 * `compare` as a library call: parity and latency of two existing model files, reported in the same
 * JSON shape as `run` (one model entry: `source` is A, `output` is B, no stages; the parity thresholds
 * are its budgets).
 */
import { loadModel } from '../onnx/model-io.js';
import { startOrtHost, type OrtHost } from '../runtime/ort-runner.js';
import type { LatencyConfig, ParityConfig } from '../config/types.js';
import type { FileSummary } from './report-json.js';
import type { ModelProto } from '../onnx/types.js';
import { modelFiles } from './compress.js';
import { digestFiles } from '../onnx/digest.js';
import { silentProgress, type Progress } from './progress.js';
import { checkInputs, checkModels, runReport, withChecks, type RunReport } from './run.js';

export interface CompareOptions {
  parity: ParityConfig;
  latency: LatencyConfig | false;
  progress?: Progress;
  host?: OrtHost;
}

/** Size and sha256 of a model's files, and its graph (external data is not read). */
function readModel(file: string): { summary: FileSummary; model: ModelProto } {
  const loaded = loadModel(file);
  try {
    const d = digestFiles(modelFiles(loaded));
    const summary: FileSummary = { bytes: d.bytes, sha256: d.sha256! };
    if (d.files.length > 1) summary.files = d.files;
    return { summary, model: loaded.model };
  } finally {
    loaded.external.close();
  }
}

export async function compareModels(a: string, b: string, opts: CompareOptions): Promise<RunReport> {
  const progress = opts.progress ?? silentProgress;
  const host = opts.host ?? startOrtHost();
  try {
    const m = { name: 'compare', parity: opts.parity, latency: opts.latency };
    // A is read once: its files' digest and, from its graph, the sample inputs (the graph is dropped before B is read).
    const readA = async () => {
      const { summary, model } = await progress.step(`read ${a}`, () => readModel(a));
      return { original: summary, inputs: await checkInputs(m, model, progress) };
    };
    const { original, inputs } = await readA();
    const compressed = (await progress.step(`read ${b}`, () => readModel(b))).summary;
    const checked = await checkModels(m, a, b, host, progress, inputs, a);
    const entry = withChecks({ name: m.name, source: a, output: b, original, compressed, stages: [] }, checked, []);
    return runReport([entry], '');
  } finally {
    if (!opts.host) await host.close();
  }
}
