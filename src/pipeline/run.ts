/**
 * `run` as a library call: for every model of a config, source → stages → save → parity → latency →
 * budgets, collected into the report JSON (PRODUCT.md). onnxruntime runs in one child-process host
 * (ort-runner.ts) for the whole run; if it crashes on a model, that model's report says so and fails,
 * and the next model gets a fresh child.
 */
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigError, type Config, type ModelConfig } from '../config/load.js';
import { UsageError } from '../onnx/errors.js';
import { loadModel } from '../onnx/model-io.js';
import { budgetFailureLine, evaluateBudgets, type BudgetResult } from '../check/budgets.js';
import { withDimHint } from '../check/auto-inputs.js';
import { loadSamples, type AutoDim, type Sample } from '../check/inputs.js';
import { readLabels } from '../check/input-files.js';
import { measureLatency, type LatencyReport } from '../check/latency.js';
import { startOrtHost, type OrtHost } from '../check/ort-runner.js';
import { checkParity, type ParityReport } from '../check/parity.js';
import { resolveSource, type SourceOptions } from '../check/sources.js';
import { checkErrors } from '../report/markdown.js';
import { buildReport, modelPassed, modelReport, type ModelReport, type Report } from '../report/json.js';
import { createStage } from '../stages/registry.js';
import { autoCompress, type AutoResult } from './auto.js';
import { compressModel, type CompressResult } from './compress.js';
import { silentProgress, type Progress } from './progress.js';

export interface RunOptions {
  progress?: Progress;
  /** Download folder for URL sources (default: the system temp folder). */
  cacheDir?: string;
  resolveArtifact?: SourceOptions['resolveArtifact'];
  /** Replaces every model's source (the Action's `model` input). */
  sourceOverride?: string;
  /** An onnxruntime host to use (default: one started for this run and closed after). */
  host?: OrtHost;
  /** Produces the compressed model (default: compressModel with the configured stages, or autoCompress for `strategy: auto`). */
  compress?: (model: ModelConfig, source: string, progress: Progress) => Promise<CompressResult | AutoResult>;
}

export interface ModelRunReport extends ModelReport {
  parity?: ParityReport;
  latency?: LatencyReport | { error: string };
  budgets: BudgetResult[];
}

export interface RunReport extends Report {
  /** The config file the run used (the sticky PR comment is keyed on it). */
  config: string;
  models: ModelRunReport[];
}

/** Paths in reports are relative to the working folder when inside it (short, and the same on every runner). */
function shown(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
}

/** Stage names and options are checked before any model is read, with the config line in the error. */
export function checkStages(model: ModelConfig): void {
  for (const { spec, where } of model.stages) {
    try {
      createStage(spec);
    } catch (e) {
      if (!(e instanceof UsageError) || !where) throw e;
      throw new ConfigError([{ ...where, message: `${model.name}: ${e.message}` }]);
    }
  }
}

export async function runConfig(config: Config, opts: RunOptions = {}): Promise<RunReport> {
  for (const m of config.models) checkStages(m);
  const progress = opts.progress ?? silentProgress;
  const host = opts.host ?? startOrtHost();
  try {
    const models: ModelRunReport[] = [];
    for (const m of config.models) models.push(await runModel(m, { ...opts, progress, host }));
    const report = buildReport(models) as RunReport;
    report.config = config.file;
    return report;
  } finally {
    if (!opts.host) await host.close();
  }
}

/** The lines `run` prints for broken budgets and failed checks, one per problem. */
export function failureLines(report: RunReport): string[] {
  return report.models.flatMap((m) => [
    ...checkErrors(m).map((e) => `${m.name}: ${e.check} could not run: ${e.error}`),
    ...m.budgets.filter((b) => !b.passed).map((b) => budgetFailureLine(m.name, b)),
  ]);
}

async function runModel(m: ModelConfig, opts: RunOptions & { progress: Progress; host: OrtHost }): Promise<ModelRunReport> {
  const { progress, host } = opts;
  const source = opts.sourceOverride ?? (m.source.kind === 'path' ? m.source.path : undefined)
    ?? await progress.step(`${m.name}: fetch source`, () => resolveSource(m.source, {
      cacheDir: opts.cacheDir ?? path.join(tmpdir(), 'onnx-diet-downloads'), resolveArtifact: opts.resolveArtifact,
    }));
  const compressed = opts.compress
    ? await opts.compress(m, source, progress)
    : m.strategy === 'auto'
      ? await autoCompress(shown(source), shown(m.output), {
        host, parity: m.parity, latency: m.latency, budgets: m.budgets, objective: m.objective,
        maxSearchTimeS: m.maxSearchTimeS, progress, name: m.name,
      })
      : await compressModel(shown(source), shown(m.output), { stages: m.stages.map((s) => s.spec), progress });

  const report = modelReport(compressed, m.name) as ModelRunReport;
  if (m.parity !== false || m.latency !== false) {
    const checked = await checkModels(m, source, m.output, host, progress);
    if (checked.parity) report.parity = checked.parity;
    if (checked.latency) report.latency = checked.latency;
  }
  report.budgets = evaluateBudgets(m.budgets, {
    originalBytes: report.original.bytes,
    compressedBytes: report.compressed.bytes,
    parity: report.parity,
    latency: measuredLatency(report.latency),
  });
  report.passed = runPassed(report);
  return report;
}

/** The latency numbers, unless measuring failed. */
export function measuredLatency(l: ModelRunReport['latency']): LatencyReport | undefined {
  return l && !('error' in l) ? l : undefined;
}

/** Every check that ran passed, and latency, when asked for, could be measured. */
export function runPassed(m: ModelRunReport): boolean {
  return modelPassed(m) && !(m.latency && 'error' in m.latency);
}

/** onnxruntime's own message, without our "onnxruntime failed while …" prefix repeated. */
function ortMessage(e: unknown): string {
  if (e instanceof UsageError) throw e;
  return e instanceof Error ? e.message : String(e);
}

/**
 * Parity and latency of two model files in the onnxruntime host (shared by `run` and `compare`).
 * onnxruntime failures end up in the result (the model fails); bad inputs throw UsageError (exit 2).
 */
export async function checkModels(
  m: Pick<ModelConfig, 'name' | 'parity' | 'latency'>, source: string, output: string, host: OrtHost, progress: Progress,
): Promise<{ parity?: ParityReport; latency?: LatencyReport | { error: string } }> {
  const parity = m.parity === false ? { inputs: 'auto', samples: 1, seed: 0, dims: {} } : m.parity;
  const autoDims: AutoDim[] = [];
  const onDim = (d: AutoDim) => {
    autoDims.push(d);
    if (d.why !== 'dims:') progress.note(`${m.name}: auto inputs use ${d.name} = ${d.value} (${d.why})`);
  };
  const samples: Sample[] = await progress.step(`${m.name}: sample inputs (${parity.inputs})`, () => {
    const loaded = loadModel(source);
    try {
      return loadSamples(parity.inputs, loaded.model, { samples: parity.samples, seed: parity.seed, dims: parity.dims, onDim });
    } finally {
      loaded.external.close();
    }
  });
  const labels = m.parity !== false && m.parity.labels ? readLabels(m.parity.labels) : undefined;
  const threads = m.latency === false ? 1 : m.latency.threads;

  let a: Awaited<ReturnType<OrtHost['load']>>;
  let b: Awaited<ReturnType<OrtHost['load']>>;
  try {
    a = await progress.step(`${m.name}: load original in onnxruntime`, () => host.load(source, { threads }));
    b = await progress.step(`${m.name}: load compressed in onnxruntime`, () => host.load(output, { threads }));
  } catch (e) {
    const error = ortMessage(e);
    return {
      parity: m.parity === false ? undefined : { passed: false, samples: 0, outputs: [], error },
      latency: m.latency === false ? undefined : { error },
    };
  }
  const result: { parity?: ParityReport; latency?: LatencyReport | { error: string } } = {};
  try {
    if (m.parity !== false) {
      const cfg = m.parity;
      result.parity = await progress.step(`${m.name}: parity on ${samples.length} sample${samples.length === 1 ? '' : 's'}`, () =>
        checkParity({
          host, original: a.id, compressed: b.id, samples,
          thresholds: { thresholds: cfg.thresholds, outputs: cfg.outputs },
          labels: labels ? { values: labels, output: cfg.labelsOutput } : undefined,
        }).catch((e: unknown) => ({ passed: false, samples: samples.length, outputs: [], error: withDimHint(ortMessage(e), autoDims) })));
    }
    if (m.latency !== false) {
      const cfg = m.latency;
      result.latency = await progress.step(`${m.name}: latency (${cfg.warmup} warm-up + ${cfg.runs} runs each, ${cfg.threads} thread${cfg.threads === 1 ? '' : 's'})`, () =>
        measureLatency({ host, original: a, compressed: b, feeds: samples[0]!, runs: cfg.runs, warmup: cfg.warmup, threads: cfg.threads })
          .catch((e: unknown) => ({ error: withDimHint(ortMessage(e), autoDims) })));
    }
  } finally {
    await Promise.allSettled([host.release(a.id), host.release(b.id)]);
  }
  return result;
}
