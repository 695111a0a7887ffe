/**
 * `strategy: auto` (issue 7): search the recipes of auto-candidates.ts for the smallest model (or the
 * fastest, `objective: latency`) that passes the parity check on the config's sample inputs, with a
 * per-layer fallback (auto-sensitivity.ts) for recipes that fail, all within `max-search-time`.
 *
 * The lossless base (dedup+prune) is built and verified first and always, so there is a model to return
 * however short the time; the lossy recipes are applied to the saved base. In size order, a recipe no
 * smaller than the best passing one is not verified at all. Every candidate lands in the report with
 * why it passed, failed or was skipped; the chosen recipe is rebuilt from the source into the output, so
 * the stage list and sizes in the report are those of an ordinary `compress` with those stages.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { BudgetConfig, LatencyConfig, ParityConfig } from '../config/types.js';
import { DEFAULT_THRESHOLDS } from '../check/parity.js';
import { DEFAULT_LATENCY, DEFAULT_MAX_SEARCH_TIME_S, DEFAULT_PARITY } from '../config/types.js';
import { readLabels } from '../check/input-files.js';
import { loadSampleSourceFor, type AutoDim } from '../check/inputs.js';
import type { SampleSource } from '../check/original-run.js';
import type { OrtHost } from '../runtime/ort-runner.js';
import { formatBytes } from '../config/sizes.js';
import { DEFAULT_STAGES } from '../stages/registry.js';
import { recipesFor, type Recipe } from './auto-candidates.js';
import { CandidateJudge, type JudgeSettings } from './auto-judge.js';
import { candidateLabel, type AutoCandidate, type AutoReport } from './auto-report.js';
import { modelStructure, CandidateSearch } from './auto-search.js';
import { compressModel, type CompressResult } from './compress.js';
import type { CalibrationConfig } from './calibration.js';
import { silentProgress, type Progress } from './progress.js';

export { candidateLabel, type AutoCandidate, type AutoReport, type CandidateParity, type SensitivityReport } from './auto-report.js';


export interface AutoOptions {
  host: OrtHost;
  /** The model's parity section; `false` (or absent) verifies on 4 auto samples with the default thresholds. */
  parity?: ParityConfig | false;
  /** Threads for every session and, with `objective: latency`, the timed runs. */
  latency?: LatencyConfig | false;
  /** A `max-accuracy-drop` budget here also bounds candidates (with parity labels). */
  budgets?: BudgetConfig[];
  objective?: 'size' | 'latency';
  maxSearchTimeS?: number;
  progress?: Progress;
  /** Prefix of progress lines (the model's name). */
  name?: string;
  externalData?: boolean | 'auto';
  /**
   * The model's calibration samples: with them the search also tries static int8 (calibrated QDQ), which
   * is judged on the parity samples like every recipe; without them it does not (auto samples would make
   * synthetic ranges the search then trusts).
   */
  calibration?: CalibrationConfig;
  /** Verify on exactly this many auto samples (`--samples`), not searchSampleCount's minimum. */
  exactSamples?: number;
  /** Milliseconds for max-search-time (default performance.now); tests pass a deterministic one. */
  clock?: () => number;
}

export type AutoResult = CompressResult & { auto: AutoReport };

/**
 * How many auto samples the search verifies on. Top-1 agreement against a limit t only tells a model
 * that flips one row in 1/(1 − t) from one that flips none once it sees that many rows (50 at the
 * default 0.98): on 4 rows a model agreeing on 95 % of real inputs passes 81 % of the time. So the search
 * draws at least that many (at most 200), unless the samples were given exactly (`--samples`).
 */
export function searchSampleCount(parity: ParityConfig, exact?: number): number {
  if (exact !== undefined || parity.inputs !== 'auto') return exact ?? parity.samples;
  const top1 = parity.thresholds.top1 ?? DEFAULT_THRESHOLDS.top1;
  return Math.max(parity.samples, Math.min(200, Math.ceil(1 / Math.max(1e-9, 1 - top1) - 1e-9)));
}

function judgeSettings(source: string, opts: AutoOptions, progressName: string, progress: Progress): Promise<JudgeSettings<SampleSource>> {
  const parity = opts.parity || { ...DEFAULT_PARITY, dims: {}, thresholds: { where: {} }, outputs: {} };
  const latency = opts.latency || DEFAULT_LATENCY;
  return progress.step(`${progressName}sample inputs (${parity.inputs})`, () => {
    const autoDims: AutoDim[] = [];
    const count = searchSampleCount(parity, opts.exactSamples);
    const samples = loadSampleSourceFor(source, parity.inputs, {
      samples: count, seed: parity.seed, dims: parity.dims,
      onDim: (d) => {
        autoDims.push(d);
        if (d.why !== 'dims:') progress.note(`${progressName}auto inputs use ${d.name} = ${d.value} (${d.why})`);
      },
    });
    const budget = (name: string) => opts.budgets?.find((b) => b.name === name)?.limit;
    const maxDrop = budget('max-accuracy-drop');
    const labels = parity.labels ? { values: readLabels(parity.labels), output: parity.labelsOutput, maxDrop } : undefined;
    const [maxLatencyMs, minSpeedup] = [budget('max-latency-ms'), budget('min-speedup')];
    const speed = maxLatencyMs !== undefined || minSpeedup !== undefined ? { maxLatencyMs, minSpeedup } : undefined;
    return { samples, autoDims, thresholds: { thresholds: parity.thresholds, outputs: parity.outputs }, labels, threads: latency.threads, latency, speed };
  });
}

function describe(c: AutoCandidate, objective: 'size' | 'latency'): string {
  const measure = objective === 'latency' && c.latency ? `p50 ${c.latency.p50Ms.toFixed(3)} ms` : formatBytes(c.bytes!);
  return `${candidateLabel(c)} (${measure})`;
}

export async function autoCompress(source: string, output: string, opts: AutoOptions): Promise<AutoResult> {
  const progress = opts.progress ?? silentProgress;
  const name = opts.name ? `${opts.name}: ` : '';
  const objective = opts.objective ?? 'size';
  const maxSearchTimeS = opts.maxSearchTimeS ?? DEFAULT_MAX_SEARCH_TIME_S;
  const clock = opts.clock ?? (() => performance.now());
  const started = clock();
  const tmp = mkdtempSync(path.join(tmpdir(), 'onnx-diet-auto-'));
  let search: CandidateSearch | undefined;
  try {
    const settings = await judgeSettings(source, opts, name, progress);
    const judge = await progress.step(`${name}auto: run the original on ${settings.samples.samples.length} samples`, () => CandidateJudge.open(opts.host, source, settings, opts.name ?? source));
    for (const c of judge.masks) progress.note(`${name}auto: inputs use ${c.input} ${c.why}`);
    const baseFile = path.join(tmp, 'base.onnx');
    const base = await progress.step(`${name}auto: build ${DEFAULT_STAGES.join('+')}`, () => compressModel(source, baseFile, { stages: DEFAULT_STAGES, digest: false }));
    const baseModel = modelStructure(baseFile);
    search = new CandidateSearch({ objective, maxSearchTimeS, progress, name, calibration: opts.calibration }, judge, tmp, { file: baseFile, bytes: base.compressed.bytes, model: baseModel }, started, clock);
    const s = search;

    const [baseRecipe, ...lossy] = recipesFor(baseModel, { static: opts.calibration !== undefined, latency: objective === 'latency' });
    await s.verify(await s.add(baseRecipe!), baseRecipe!);
    const plain: [AutoCandidate, Recipe][] = [];
    for (const recipe of lossy) {
      if (s.timeUp()) {
        s.timedOut = true;
        s.notBuilt(recipe);
        continue;
      }
      const c = await progress.step(`${name}auto: build ${recipe.label}`, () => s.add(recipe));
      const twin = s.twinOf(c);
      if (twin) s.skip(c, `the same model as ${twin.recipe}`);
      plain.push([c, recipe]);
    }
    // Smallest first for size, so the first pass makes every larger recipe moot; the report lists them in
    // the order they were tried.
    if (objective === 'size') {
      plain.sort(([a], [b]) => (a.bytes ?? Infinity) - (b.bytes ?? Infinity));
      s.candidates.splice(1, plain.length, ...plain.map(([c]) => c));
    }
    for (const [c, recipe] of plain) {
      if (c.status === 'error' || c.note) continue;
      if (s.timeUp()) {
        s.timedOut = true;
        s.skip(c, 'max-search-time ran out before its check');
      } else if (objective === 'size' && s.best && c.bytes! >= s.best.bytes!) {
        s.skip(c, `not smaller than ${candidateLabel(s.best)}, which passed`);
      } else await s.verify(c, recipe);
    }
    for (const target of s.fallbackTargets()) {
      if (objective === 'size' && s.best && target.candidate.bytes! >= s.best.bytes!) break;
      if (s.timeUp()) {
        s.timedOut = true;
        break;
      }
      if (target.layers.length < 2) continue; // its one layer back in float is the base recipe
      await s.fallback(target);
    }

    const baseCandidate = s.candidates[0]!;
    const chosen = s.best ?? baseCandidate;
    const failedSmaller = s.candidates.filter((c) => c.status === 'failed' && c.bytes! < chosen.bytes!).length;
    let reason = s.best
      ? `${objective === 'latency' ? 'fastest' : 'smallest'} passing candidate: ${describe(chosen, objective)}`
      : `no candidate passed parity${baseCandidate.note ? ' and the speed budgets' : ''}; returning the lossless ${baseCandidate.recipe} model`;
    if (s.best && objective === 'size' && failedSmaller) reason += `; ${failedSmaller} smaller candidate${failedSmaller === 1 ? '' : 's'} failed parity`;
    if (s.timedOut) {
      const checked = s.candidates.filter((c) => c.status === 'passed' || c.status === 'failed').length;
      reason = `max-search-time (${maxSearchTimeS} s) ran out after ${checked} checked candidate${checked === 1 ? '' : 's'}; returning the best passing so far: ${s.best ? describe(chosen, objective) : `none passed, so the lossless ${baseCandidate.recipe} model`}`;
    }
    const elapsedMs = Math.round(s.elapsedMs);
    progress.note(`auto: ${reason}`);

    const result = await compressModel(source, output, { stages: chosen.stages, externalData: opts.externalData ?? 'auto', progress, calibration: opts.calibration, calibrationCache: s.calibrationCache });
    return {
      ...result,
      auto: {
        objective, maxSearchTimeS, elapsedMs, timedOut: s.timedOut,
        candidates: s.candidates, chosen: s.candidates.indexOf(chosen), reason, sensitivity: s.sensitivity,
        ...(judge.masks.length ? { masks: judge.masks } : {}),
        ...(chosen.floatLayers.length || chosen.eightBitLayers?.length ? { layers: s.layerChoices(chosen) } : {}),
        ...(s.calibrationCache.runs ? { calibrations: { run: s.calibrationCache.runs, reused: s.calibrationCache.hits } } : {}),
      },
    };
  } finally {
    search?.cleanup();
    rmSync(tmp, { recursive: true, force: true });
  }
}
