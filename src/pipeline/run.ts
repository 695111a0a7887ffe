/**
 * `run` as a library call: for every model of a config, source → stages → save → parity → latency →
 * budgets, collected into the report JSON (PRODUCT.md). onnxruntime runs in one child-process host
 * (ort-runner.ts) for the whole run; if it crashes on a model, that model's report says so and fails,
 * and the next model gets a fresh child.
 */
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigError, type BudgetConfig, type Config, type ModelConfig } from '../config/types.js';
import { UsageError } from '../onnx/errors.js';
import type { ModelProto } from '../onnx/types.js';
import { budgetFailureLine, evaluateBudgets, type BudgetResult } from '../check/budgets.js';
import { withDimHint } from '../runtime/auto-inputs.js';
import { askForDims } from '../runtime/dim-defaults.js';
import { loadSampleSource, loadSampleSourceFor, type AutoDim, type SampleOptions } from '../check/inputs.js';
import { runOriginal, type SampleSource } from '../check/original-run.js';
import { readLabels } from '../check/input-files.js';
import { measureLatency, type LatencyReport } from '../check/latency.js';
import { ortSaid, startOrtHost, type OrtHost } from '../runtime/ort-runner.js';
import { checkParity, type ParityReport } from '../check/parity.js';
import { dvcPush } from '../check/dvc.js';
import { resolveSource, type SourceOptions } from '../check/sources.js';
import { currentEnvironment } from '../check/environment.js';
import { buildReport, modelPassed, modelReport, type ModelReport, type Report } from './report-json.js';
import { createStage } from '../stages/registry.js';
import { autoCompress, type AutoResult } from './auto.js';
import { compressModel, type CompressResult } from './compress.js';
import type { CalibrationConfig } from './calibration.js';
import { CALIBRATION_SEED } from '../check/calibration-inputs.js';
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
function reportPath(p: string): string {
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

/** A path source that is not there is a config error at its line, found before any model runs. */
export function checkSources(config: Config): void {
  const missing = config.models.filter((m) => m.source.kind === 'path' && !existsSync(m.source.path));
  if (!missing.length) return;
  throw new ConfigError(missing.map((m) => ({
    ...(m.sourceWhere ?? m.where),
    message: `${m.name}: source ${(m.source as { path: string }).path}: no such file; export the model there first, or fix the path`,
  })));
}

export async function runConfig(config: Config, opts: RunOptions = {}): Promise<RunReport> {
  for (const m of config.models) checkStages(m);
  if (opts.sourceOverride === undefined) checkSources(config);
  const progress = opts.progress ?? silentProgress;
  const host = opts.host ?? startOrtHost();
  try {
    const models: ModelRunReport[] = [];
    for (const m of config.models) models.push(await runModel(m, { ...opts, progress, host }));
    return runReport(models, config.file);
  } finally {
    if (!opts.host) await host.close();
  }
}

/** The lines `run` prints for broken budgets and failed checks, one per problem. */
export function failureLines(report: RunReport): string[] {
  return report.models.flatMap((m) => [
    ...checkErrorLines(m),
    ...m.budgets.filter((b) => !b.passed).map((b) => budgetFailureLine(m.name, b)),
  ]);
}

export interface CheckError {
  /** `parity`, `latency`, or `parity and latency` when both failed the same way. */
  check: string;
  /** onnxruntime's message, on one line. */
  error: string;
}

/** The checks of a model that could not run, with their errors; one entry when both failed alike. */
export function checkErrors(m: ModelRunReport): CheckError[] {
  const oneLine = (s: string) => s.replace(/\s*\r?\n\s*/g, ' ').trim();
  const parity = m.parity?.error === undefined ? undefined : oneLine(m.parity.error);
  const latency = m.latency && 'error' in m.latency ? oneLine(m.latency.error) : undefined;
  if (parity !== undefined && parity === latency) return [{ check: 'parity and latency', error: parity }];
  return [
    ...(parity === undefined ? [] : [{ check: 'parity', error: parity }]),
    ...(latency === undefined ? [] : [{ check: 'latency', error: latency }]),
  ];
}

/** One line per check of `m` that could not run (an ORT crash, a bad input file). */
export function checkErrorLines(m: ModelRunReport): string[] {
  return checkErrors(m).map((e) => `${m.name}: ${e.check} could not run: ${e.error}`);
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
      ? await autoCompress(reportPath(source), reportPath(m.output), {
        host, parity: m.parity, latency: m.latency, budgets: m.budgets, objective: m.objective,
        maxSearchTimeS: m.maxSearchTimeS, progress, name: m.name, calibration: m.calibration ? calibrationConfig(m) : undefined,
      })
      : await compressModel(reportPath(source), reportPath(m.output), { stages: m.stages.map((s) => s.spec), progress, calibration: calibrationConfig(m) });

  const report = modelReport(compressed, m.name) as ModelRunReport;
  const checked = m.parity !== false || m.latency !== false ? await checkModels(m, source, m.output, host, progress) : {};
  if (report.calibration && checked.parity) {
    report.calibration.parity = { samples: checked.parity.samples, inputs: m.parity === false ? 'auto' : reportPath(m.parity.inputs) };
  }
  const result = withChecks(report, checked, m.budgets);
  if (m.source.kind === 'dvc' && m.source.push) await progress.step(`${m.name}: dvc push ${reportPath(m.output)}`, () => dvcPush(m.output));
  return result;
}

/**
 * The model's calibration section as compress takes it. Auto samples use the parity dims and a seed of
 * their own, so they are never the parity samples (PRODUCT.md); files equal to the parity inputs were
 * refused when the config was read.
 */
export function calibrationConfig(m: Pick<ModelConfig, 'calibration' | 'parity'>): CalibrationConfig {
  const c = m.calibration;
  const dims = m.parity === false ? {} : m.parity.dims;
  const paritySeed = m.parity === false ? 0 : m.parity.seed;
  const seed = CALIBRATION_SEED + (paritySeed >= CALIBRATION_SEED ? paritySeed + 1_000_000 : 0);
  return { inputs: c?.inputs ?? 'auto', samples: c?.samples, method: c?.method ?? 'minmax', dims, seed };
}

/** What checkModels found: parity and latency, each present when it was asked for. */
export interface CheckResults {
  parity?: ParityReport;
  latency?: LatencyReport | { error: string };
}

/**
 * A model entry completed with its check results, its budgets (config budgets and parity thresholds) and
 * whether it passed: every check that ran passed, and latency, when asked for, could be measured.
 */
export function withChecks(report: Omit<ModelRunReport, 'budgets' | 'passed'>, checked: CheckResults, budgets: BudgetConfig[]): ModelRunReport {
  const r = report as ModelRunReport;
  if (checked.parity) r.parity = checked.parity;
  if (checked.latency) r.latency = checked.latency;
  const latency = r.latency && !('error' in r.latency) ? r.latency : undefined;
  r.budgets = evaluateBudgets(budgets, { originalBytes: r.original.bytes, compressedBytes: r.compressed.bytes, parity: r.parity, latency });
  r.passed = modelPassed(r) && !(r.latency && 'error' in r.latency);
  return r;
}

/** The report of a run (or a compare) over these model entries, with the environment when a check ran. */
export function runReport(models: ModelRunReport[], configFile: string): RunReport {
  const report = buildReport(models) as RunReport;
  report.config = configFile;
  const measured = models.filter((m) => m.parity || m.latency || m.auto);
  if (measured.length) {
    const timed = measured.find((m) => m.latency && 'threads' in m.latency)?.latency as LatencyReport | undefined;
    report.environment = currentEnvironment(timed?.threads ?? 1);
  }
  return report;
}

/** onnxruntime's own message, without our "onnxruntime failed while …" prefix repeated. */
function ortMessage(e: unknown): string {
  if (e instanceof UsageError) throw e;
  return e instanceof Error ? e.message : String(e);
}

/** The sample inputs (and labels) both models are fed, with the sizes auto inputs chose for symbolic dims. */
export interface CheckInputs {
  samples: SampleSource;
  autoDims: AutoDim[];
  labels?: number[];
}

/** CheckInputs from the original model (a file, or its graph already read). */
export async function checkInputs(m: Pick<ModelConfig, 'name' | 'parity'>, source: string | ModelProto, progress: Progress): Promise<CheckInputs> {
  const parity = m.parity === false ? { inputs: 'auto', samples: 1, seed: 0, dims: {} } : m.parity;
  const autoDims: AutoDim[] = [];
  const opts: SampleOptions = {
    samples: parity.samples, seed: parity.seed, dims: parity.dims,
    onDim: (d) => {
      autoDims.push(d);
      if (d.why !== 'dims:') progress.note(`${m.name}: auto inputs use ${d.name} = ${d.value} (${d.why})`);
    },
  };
  const samples = await progress.step(`${m.name}: sample inputs (${parity.inputs})`, () =>
    typeof source === 'string' ? loadSampleSourceFor(source, parity.inputs, opts) : loadSampleSource(parity.inputs, source, opts));
  const labels = m.parity !== false && m.parity.labels ? readLabels(m.parity.labels) : undefined;
  return { samples, autoDims, labels };
}

/**
 * Parity and latency of two model files in the onnxruntime host (shared by `run` and `compare`).
 * The original is bad input (UsageError, exit 2) when onnxruntime cannot load it or run it on the samples,
 * or its outputs are NaN/Inf there (original-run.ts); failures of the compressed model end up in the
 * result (the model fails). `inputs` defaults to checkInputs of the source file; `who` names the model
 * in those errors (default its name).
 */
export async function checkModels(
  m: Pick<ModelConfig, 'name' | 'parity' | 'latency'>, source: string, output: string, host: OrtHost, progress: Progress,
  inputs?: CheckInputs, who = m.name,
): Promise<CheckResults> {
  const { samples: sampleSource, autoDims, labels } = inputs ?? await checkInputs(m, source, progress);
  let samples = sampleSource.samples;
  const threads = m.latency === false ? 1 : m.latency.threads;
  const originalCannot = (what: string, e: unknown) => {
    if (e instanceof UsageError) throw e;
    const ask = what === 'run' ? askForDims(who, ortSaid(e), autoDims) : undefined;
    return new UsageError(ask ?? `${who}: onnxruntime cannot ${what} the original model ${source} (${withDimHint(ortSaid(e), autoDims)}); the parity check compares against it`);
  };

  const a = await progress.step(`${m.name}: load original in onnxruntime`, () => host.load(source, { threads }))
    .catch((e: unknown) => { throw originalCannot('load', e); });
  let b: Awaited<ReturnType<OrtHost['load']>>;
  try {
    b = await progress.step(`${m.name}: load compressed in onnxruntime`, () => host.load(output, { threads }));
  } catch (e) {
    await host.release(a.id).catch(() => {});
    const error = ortMessage(e);
    return {
      parity: m.parity === false ? undefined : { passed: false, samples: 0, outputs: [], error },
      latency: m.latency === false ? undefined : { error },
    };
  }
  const result: CheckResults = {};
  try {
    // Sizes guessed for open input axes that the original itself cannot run on: ask for them (exit 2)
    // rather than report a parity failure the compressed model is not to blame for.
    const guessed = autoDims.some((d) => d.inferred);
    if (guessed && samples[0]) {
      await host.run(a.id, samples[0]).catch((e: unknown) => {
        const ask = askForDims(m.name, ortMessage(e), autoDims);
        if (ask) throw new UsageError(ask);
      });
    }
    if (m.parity !== false) {
      const cfg = m.parity;
      const n = samples.length;
      const original = await progress.step(`${m.name}: run the original on ${n} sample${n === 1 ? '' : 's'}`, () =>
        runOriginal(host, a.id, sampleSource, who).catch((e: unknown) => { throw originalCannot('run', e); }));
      samples = original.samples;
      for (const c of original.masks) progress.note(`${m.name}: auto inputs use ${c.input} ${c.why}`);
      result.parity = await progress.step(`${m.name}: parity on ${n} sample${n === 1 ? '' : 's'}`, () =>
        checkParity({
          host, original: a.id, compressed: b.id, samples, reference: original.outputs,
          thresholds: { thresholds: cfg.thresholds, outputs: cfg.outputs },
          labels: labels ? { values: labels, output: cfg.labelsOutput } : undefined,
        }).catch((e: unknown): ParityReport => ({ passed: false, samples: samples.length, outputs: [], error: withDimHint(ortMessage(e), autoDims) })));
      if (original.masks.length) result.parity.masks = original.masks;
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
