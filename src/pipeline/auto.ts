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
import type { BudgetConfig, LatencyConfig, ParityConfig } from '../config/load.js';
import { DEFAULT_LATENCY } from '../config/load.js';
import { readLabels } from '../check/input-files.js';
import { loadSamples } from '../check/inputs.js';
import type { OrtHost } from '../check/ort-runner.js';
import { UsageError } from '../onnx/errors.js';
import { loadModel } from '../onnx/model-io.js';
import type { ModelProto } from '../onnx/types.js';
import { formatBytes } from '../report/table.js';
import type { StageSpec } from '../stages/registry.js';
import { lossyStage, quantizedLayers, recipeStages, RECIPES, BASE_STAGES, type Layer, type Recipe } from './auto-candidates.js';
import { CandidateJudge, SearchTimeUp, type JudgeSettings, type Verdict } from './auto-judge.js';
import { fewestFloatLayers, rankLayers, sensitivityMethod, type Attempt, type SensitivityMethod } from './auto-sensitivity.js';
import { compressModel, type CompressResult } from './compress.js';
import { digestFiles } from './digest.js';
import { silentProgress, type Progress } from './progress.js';

export const DEFAULT_MAX_SEARCH_TIME_S = 600;

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
}

export interface CandidateParity {
  /** auto-judge.ts's score: the worst check relative to its limit (≤ 1 passes); null when it cannot be compared. */
  score: number | null;
  outputs: { name: string; maxAbs: number; meanAbs: number; cosine: number; top1?: number; passed: boolean }[];
  accuracyDrop?: number;
}

export interface AutoCandidate {
  recipe: string;
  stages: StageSpec[];
  /** Node names kept in float by the per-layer fallback (empty for a plain recipe). */
  floatLayers: string[];
  bytes?: number;
  status: 'passed' | 'failed' | 'skipped' | 'error';
  parity?: CandidateParity;
  latency?: { p50Ms: number; p90Ms: number };
  /** Why it was skipped, what failed. */
  note?: string;
  /** Build and verification time. */
  ms?: number;
}

export interface SensitivityReport {
  recipe: string;
  method: SensitivityMethod;
  why: string;
  /** Most sensitive first; `score` is the probe's (see auto-sensitivity.ts for which direction is worse). */
  layers: { weight: string; nodes: string[]; score: number | null; passed?: boolean }[];
  complete: boolean;
}

export interface AutoReport {
  objective: 'size' | 'latency';
  maxSearchTimeS: number;
  elapsedMs: number;
  /** The time ran out before every candidate was tried. */
  timedOut: boolean;
  candidates: AutoCandidate[];
  /** Index of the returned candidate in `candidates`. */
  chosen: number;
  reason: string;
  sensitivity: SensitivityReport[];
}

export type AutoResult = CompressResult & { auto: AutoReport };

const finite = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(6)) : null);

function parityOf(v: Verdict): CandidateParity {
  const p: CandidateParity = {
    score: finite(v.score),
    outputs: v.parity.outputs.map((o) => ({
      name: o.name, maxAbs: o.maxAbs, meanAbs: o.meanAbs, cosine: o.cosine, ...(o.top1 === undefined ? {} : { top1: o.top1 }), passed: o.passed,
    })),
  };
  if (v.parity.accuracy) p.accuracyDrop = v.parity.accuracy.drop;
  return p;
}

/** `int8 per-channel + 2 float layers` */
export function candidateLabel(c: Pick<AutoCandidate, 'recipe' | 'floatLayers'>): string {
  const n = c.floatLayers.length;
  return n ? `${c.recipe} + ${n} float layer${n === 1 ? '' : 's'}` : c.recipe;
}

interface Built {
  file: string;
  bytes: number;
}

/** One search: its clock, scratch folder, verifier and the candidates so far. */
class Search {
  readonly candidates: AutoCandidate[] = [];
  readonly sensitivity: SensitivityReport[] = [];
  private readonly files = new Map<AutoCandidate, Built>();
  private readonly layers = new Map<AutoCandidate, Layer[]>();
  private readonly verdicts = new WeakMap<AutoCandidate, Verdict>();
  private readonly started = performance.now();
  private seq = 0;
  best: AutoCandidate | undefined;
  timedOut = false;

  constructor(
    readonly opts: Required<Pick<AutoOptions, 'objective' | 'maxSearchTimeS' | 'progress' | 'name'>>,
    private readonly judge: CandidateJudge,
    private readonly tmp: string,
    private readonly base: { file: string; bytes: number; model: ModelProto },
  ) {}

  get elapsedMs(): number {
    return performance.now() - this.started;
  }

  readonly timeUp = (): boolean => this.elapsedMs > this.opts.maxSearchTimeS * 1000;

  /** Whether `c` (passing) beats the best so far under the objective. */
  private beats(c: AutoCandidate): boolean {
    const b = this.best;
    if (!b) return true;
    if (this.opts.objective === 'latency') return (c.latency?.p50Ms ?? Infinity) < (b.latency?.p50Ms ?? Infinity);
    return c.bytes! < b.bytes!;
  }

  private async build(recipe: Recipe, floatNodes: string[]): Promise<Built> {
    const stage = lossyStage(recipe, floatNodes);
    if (!stage) return { file: this.base.file, bytes: this.base.bytes };
    const file = path.join(this.tmp, `candidate-${++this.seq}.onnx`);
    const r = await compressModel(this.base.file, file, { stages: [stage], digest: false });
    return { file, bytes: r.compressed.bytes };
  }

  private discard(file: string): void {
    if (file !== this.base.file) for (const f of [file, `${file}.data`]) rmSync(f, { force: true });
  }

  /** Builds a candidate (size only); an error is recorded on it. */
  async add(recipe: Recipe, floatNodes: string[] = []): Promise<AutoCandidate> {
    const c: AutoCandidate = { recipe: recipe.label, stages: recipeStages(recipe, floatNodes), floatLayers: floatNodes, status: 'skipped' };
    this.candidates.push(c);
    const t0 = performance.now();
    try {
      const built = await this.build(recipe, floatNodes);
      c.bytes = built.bytes;
      this.files.set(c, built);
    } catch (e) {
      // A stage that cannot handle this model (an opset it refuses, say) rules out its recipe, not the search.
      c.status = 'error';
      c.note = e instanceof Error ? e.message : String(e);
    }
    c.ms = Math.round(performance.now() - t0);
    return c;
  }

  /** Verifies a built candidate (the base ignores the clock: it is what a search out of time returns). */
  async verify(c: AutoCandidate, recipe: Recipe): Promise<AutoCandidate> {
    const built = this.files.get(c);
    if (!built) return c;
    const t0 = performance.now();
    try {
      const v = await this.opts.progress.step(`${this.opts.name}auto: check ${candidateLabel(c)} (${formatBytes(c.bytes!)})`, () =>
        this.judge.judge(built.file, { latency: this.opts.objective === 'latency', timeUp: recipe.stage ? this.timeUp : undefined }));
      this.verdicts.set(c, v);
      c.status = v.passed ? 'passed' : 'failed';
      c.parity = parityOf(v);
      if (v.latency) c.latency = v.latency;
      this.opts.progress.note(`${candidateLabel(c)}: ${formatBytes(c.bytes!)}, parity ${v.passed ? 'passed' : 'failed'} (score ${finite(v.score) ?? '∞'})${v.latency ? `, p50 ${v.latency.p50Ms.toFixed(3)} ms` : ''}`);
      if (recipe.excludable && !v.passed && c.floatLayers.length === 0) {
        this.layers.set(c, quantizedLayers(this.base.model, modelStructure(built.file)).layers);
      }
      if (v.passed && this.beats(c)) this.best = c;
    } catch (e) {
      if (e instanceof UsageError) throw e;
      if (e instanceof SearchTimeUp) {
        this.timedOut = true;
        c.note = 'max-search-time ran out during its check';
      } else {
        c.status = 'error';
        c.note = e instanceof Error ? e.message.replace(/\s*\n\s*/g, ' ') : String(e);
      }
    } finally {
      this.discard(built.file);
      this.files.delete(c);
      c.ms = (c.ms ?? 0) + Math.round(performance.now() - t0);
    }
    return c;
  }

  /**
   * An earlier candidate that built the very same file (int4's embedding options on a model without
   * embeddings): verifying it twice would tell nothing new.
   */
  twinOf(c: AutoCandidate): AutoCandidate | undefined {
    const built = this.files.get(c);
    if (!built) return undefined;
    const digest = (file: string) => digestFiles([file]).sha256;
    const mine = digest(built.file);
    return this.candidates.find((o) => o !== c && o.bytes === c.bytes && this.files.has(o) && digest(this.files.get(o)!.file) === mine);
  }

  /** Lists a recipe the time left no room to build. */
  notBuilt(recipe: Recipe): void {
    this.candidates.push({ recipe: recipe.label, stages: recipeStages(recipe), floatLayers: [], status: 'skipped', note: 'max-search-time ran out before it was built' });
  }

  /** Marks `c` as not verified, saying why. */
  skip(c: AutoCandidate, note: string): void {
    const built = this.files.get(c);
    if (built) this.discard(built.file);
    this.files.delete(c);
    c.status = 'skipped';
    c.note ??= note;
  }

  /** The failing plain recipes the fallback can work on, smallest first. */
  fallbackTargets(): { candidate: AutoCandidate; layers: Layer[] }[] {
    return [...this.layers].map(([candidate, layers]) => ({ candidate, layers })).sort((a, b) => a.candidate.bytes! - b.candidate.bytes!);
  }

  /**
   * Per-layer fallback for one failing recipe: rank its layers, then the fewest most-sensitive ones back
   * in float. Every greedy attempt is a candidate in the report; sensitivity probes are summarized apart.
   */
  async fallback(recipe: Recipe, failed: AutoCandidate, layers: Layer[]): Promise<void> {
    const { method, why } = sensitivityMethod(layers.length);
    const memo = new Map<string, Attempt>();
    /**
     * `listed`: the attempt is a candidate of the report even when it fails (greedy steps); otherwise only
     * a passing one is (sensitivity probes are reported under `sensitivity`). `bounded`: with the size
     * objective, a model no smaller than the best passing one is not verified: it cannot win, and as a
     * probe it ranks its layer last — too costly to hand back to float. One-at-a-time probes (mostly
     * float) are measurements and always verified.
     */
    const attempt = (listed: boolean, bounded: boolean) => async (floatNodes: string[]): Promise<Attempt | undefined> => {
      const key = [...floatNodes].sort().join('\n');
      const known = memo.get(key);
      if (known) return known;
      if (this.timeUp()) {
        this.timedOut = true;
        return undefined;
      }
      const c = await this.add(recipe, floatNodes);
      const best = this.best;
      const tooBig = bounded && this.opts.objective === 'size' && best !== undefined && c.bytes !== undefined && c.bytes >= best.bytes!;
      if (tooBig) this.skip(c, `not smaller than ${candidateLabel(best)}, which passed`);
      else await this.verify(c, recipe);
      if (!listed && c.status !== 'passed') this.candidates.splice(this.candidates.indexOf(c), 1);
      if (c.status === 'skipped' && !tooBig) return undefined; // time ran out during its check
      const v = this.verdicts.get(c);
      const a: Attempt = { floatNodes, bytes: c.bytes ?? Infinity, passed: c.status === 'passed', score: v?.score ?? Infinity, drift: v?.drift ?? Infinity };
      memo.set(key, a);
      return a;
    };
    const ranking = await this.opts.progress.step(`${this.opts.name}auto: sensitivity of ${layers.length} layers of ${failed.recipe} (${method})`, () =>
      rankLayers(layers, method, attempt(false, method === 'all-but-one')));
    this.sensitivity.push({
      recipe: failed.recipe, method, why, complete: ranking.complete,
      layers: ranking.layers.map((l) => ({ weight: l.weight, nodes: l.nodes, score: l.probe ? finite(l.probe.score) : null, ...(l.probe ? { passed: l.probe.passed } : {}) })),
    });
    if (!ranking.complete) return;
    const maxBytes = this.opts.objective === 'size' && this.best ? this.best.bytes! : Infinity;
    const result = await fewestFloatLayers(ranking.layers, attempt(true, true), maxBytes);
    if (result.found) this.opts.progress.note(`${failed.recipe}: passes with ${result.found.floatNodes.length} node(s) in float`);
  }

  /** Deletes every file still held. */
  cleanup(): void {
    for (const b of this.files.values()) this.discard(b.file);
    this.files.clear();
  }
}

/** The graph alone (names and nodes), for comparing node lists; external data is not read. */
function modelStructure(file: string): ModelProto {
  const loaded = loadModel(file);
  loaded.external.close();
  return loaded.model;
}

function judgeSettings(source: string, opts: AutoOptions, progressName: string, progress: Progress): Promise<JudgeSettings> {
  const parity = opts.parity || { inputs: 'auto', samples: 4, seed: 0, dims: {}, thresholds: { where: {} }, outputs: {} };
  const latency = opts.latency || DEFAULT_LATENCY;
  return progress.step(`${progressName}sample inputs (${parity.inputs})`, () => {
    const loaded = loadModel(source);
    try {
      const samples = loadSamples(parity.inputs, loaded.model, { samples: parity.samples, seed: parity.seed, dims: parity.dims });
      const maxDrop = opts.budgets?.find((b) => b.name === 'max-accuracy-drop')?.limit;
      const labels = parity.labels ? { values: readLabels(parity.labels), output: parity.labelsOutput, maxDrop } : undefined;
      return { samples, thresholds: { thresholds: parity.thresholds, outputs: parity.outputs }, labels, threads: latency.threads, latency };
    } finally {
      loaded.external.close();
    }
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
  const tmp = mkdtempSync(path.join(tmpdir(), 'onnx-diet-auto-'));
  let search: Search | undefined;
  try {
    const settings = await judgeSettings(source, opts, name, progress);
    const judge = await progress.step(`${name}auto: run the original on ${settings.samples.length} samples`, () => CandidateJudge.open(opts.host, source, settings));
    const baseFile = path.join(tmp, 'base.onnx');
    const base = await progress.step(`${name}auto: build ${BASE_STAGES.join('+')}`, () => compressModel(source, baseFile, { stages: BASE_STAGES, digest: false }));
    search = new Search({ objective, maxSearchTimeS, progress, name }, judge, tmp, { file: baseFile, bytes: base.compressed.bytes, model: modelStructure(baseFile) });
    const s = search;

    const [baseRecipe, ...lossy] = RECIPES;
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
    for (const { candidate, layers } of s.fallbackTargets()) {
      if (objective === 'size' && s.best && candidate.bytes! >= s.best.bytes!) break;
      if (s.timeUp()) {
        s.timedOut = true;
        break;
      }
      if (layers.length < 2) continue; // its one layer back in float is the base recipe
      await s.fallback(RECIPES.find((r) => r.label === candidate.recipe)!, candidate, layers);
    }

    const baseCandidate = s.candidates[0]!;
    const chosen = s.best ?? baseCandidate;
    const failedSmaller = s.candidates.filter((c) => c.status === 'failed' && c.bytes! < chosen.bytes!).length;
    let reason = s.best
      ? `${objective === 'latency' ? 'fastest' : 'smallest'} passing candidate: ${describe(chosen, objective)}`
      : `no candidate passed parity; returning the lossless ${baseCandidate.recipe} model`;
    if (s.best && objective === 'size' && failedSmaller) reason += `; ${failedSmaller} smaller candidate${failedSmaller === 1 ? '' : 's'} failed parity`;
    if (s.timedOut) {
      const checked = s.candidates.filter((c) => c.status === 'passed' || c.status === 'failed').length;
      reason = `max-search-time (${maxSearchTimeS} s) ran out after ${checked} checked candidate${checked === 1 ? '' : 's'}; returning the best passing so far: ${s.best ? describe(chosen, objective) : `none passed, so the lossless ${baseCandidate.recipe} model`}`;
    }
    const elapsedMs = Math.round(s.elapsedMs);
    progress.note(`auto: ${reason}`);

    const result = await compressModel(source, output, { stages: chosen.stages, externalData: opts.externalData ?? 'auto', progress });
    return {
      ...result,
      auto: {
        objective, maxSearchTimeS, elapsedMs, timedOut: s.timedOut,
        candidates: s.candidates, chosen: s.candidates.indexOf(chosen), reason, sensitivity: s.sensitivity,
      },
    };
  } finally {
    search?.cleanup();
    rmSync(tmp, { recursive: true, force: true });
  }
}
