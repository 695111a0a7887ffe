/**
 * One `strategy: auto` search in progress: its clock, scratch folder and verifier, the candidates so far
 * and the best passing one, and the steps auto.ts strings together — build a candidate (the lossy stage
 * on the saved base), verify it, skip it, and run the per-layer fallback on a recipe that failed.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { UsageError } from '../onnx/errors.js';
import { loadModel } from '../onnx/model-io.js';
import type { ModelProto } from '../onnx/types.js';
import { formatBytes } from '../config/sizes.js';
import { lossyStages, quantizedLayers, recipeStages, type Layer, type Recipe } from './auto-candidates.js';
import { SearchTimeUp, type CandidateJudge, type Verdict } from './auto-judge.js';
import { candidateLabel, finite, parityOf, type AutoCandidate, type LayerChoice, type SensitivityReport } from './auto-report.js';
import { fewestFloatLayers, rankLayers, sensitivityMethod, type Attempt } from './auto-sensitivity.js';
import { compressModel } from './compress.js';
import { CalibrationCache, type CalibrationConfig } from './calibration.js';
import { isStaticRecipe, staticLayerGroups } from './auto-static-layers.js';
import { digestFiles } from '../onnx/digest.js';
import type { Progress } from './progress.js';

interface Built {
  file: string;
  bytes: number;
}

/** A plain recipe that failed parity, with the layers it quantized (the fallback's material). */
interface FallbackTarget {
  candidate: AutoCandidate;
  recipe: Recipe;
  layers: Layer[];
}

export interface SearchSettings {
  objective: 'size' | 'latency';
  maxSearchTimeS: number;
  progress: Progress;
  /** Prefix of progress lines (`albert: `, or empty). */
  name: string;
  /** Calibration samples for static recipes (the model's `calibration:`), when it has them. */
  calibration?: CalibrationConfig;
}

/** One search: its clock, scratch folder, verifier and the candidates so far. */
export class CandidateSearch {
  readonly candidates: AutoCandidate[] = [];
  readonly sensitivity: SensitivityReport[] = [];
  private readonly files = new Map<AutoCandidate, Built>();
  private readonly targets = new Map<AutoCandidate, FallbackTarget>();
  private readonly digests = new Map<string, string | undefined>();
  private readonly verdicts = new WeakMap<AutoCandidate, Verdict>();
  private seq = 0;
  /** One calibration per float model for every static candidate (the fallback builds a recipe many times). */
  readonly calibrationCache = new CalibrationCache();
  best: AutoCandidate | undefined;
  timedOut = false;

  constructor(
    readonly opts: SearchSettings,
    private readonly judge: CandidateJudge,
    private readonly tmp: string,
    private readonly base: { file: string; bytes: number; model: ModelProto },
    /** When the search began on `clock`: preparing the samples and the base counts too. */
    private readonly started: number,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  get elapsedMs(): number {
    return this.clock() - this.started;
  }

  readonly timeUp = (): boolean => this.elapsedMs > this.opts.maxSearchTimeS * 1000;

  /** Whether `c` (passing) beats the best so far under the objective. */
  private beats(c: AutoCandidate): boolean {
    const b = this.best;
    if (!b) return true;
    if (this.opts.objective === 'latency') return (c.latency?.p50Ms ?? Infinity) < (b.latency?.p50Ms ?? Infinity);
    return c.bytes! < b.bytes!;
  }

  private async build(recipe: Recipe, floatNodes: string[], eightBitNodes: string[]): Promise<Built> {
    const stages = lossyStages(recipe, floatNodes, eightBitNodes);
    if (!stages.length) return { file: this.base.file, bytes: this.base.bytes };
    const file = path.join(this.tmp, `candidate-${++this.seq}.onnx`);
    const r = await compressModel(this.base.file, file, { stages, digest: false, calibration: this.opts.calibration, calibrationCache: this.calibrationCache });
    return { file, bytes: r.compressed.bytes };
  }

  private discard(file: string): void {
    if (file !== this.base.file) for (const f of [file, `${file}.data`]) rmSync(f, { force: true });
  }

  /** Builds a candidate (size only); an error is recorded on it. */
  async add(recipe: Recipe, floatNodes: string[] = [], eightBitNodes: string[] = []): Promise<AutoCandidate> {
    const c: AutoCandidate = {
      recipe: recipe.label, stages: recipeStages(recipe, floatNodes, eightBitNodes), floatLayers: floatNodes,
      ...(eightBitNodes.length ? { eightBitLayers: eightBitNodes } : {}), status: 'skipped',
    };
    this.candidates.push(c);
    const t0 = performance.now();
    try {
      const built = await this.build(recipe, floatNodes, eightBitNodes);
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
      if (v.slow) c.note = v.slow;
      this.opts.progress.note(`${candidateLabel(c)}: ${formatBytes(c.bytes!)}, parity ${v.passed ? 'passed' : 'failed'} (score ${finite(v.score) ?? '∞'})${v.latency ? `, p50 ${v.latency.p50Ms.toFixed(3)} ms` : ''}`);
      // A speed failure is not mended by handing layers back to float by their parity sensitivity.
      if (recipe.excludable && !v.passed && !v.slow && c.floatLayers.length === 0 && !c.eightBitLayers) {
        const { layers } = quantizedLayers(this.base.model, modelStructure(built.file));
        this.targets.set(c, { candidate: c, recipe, layers: isStaticRecipe(recipe) ? staticLayerGroups(this.base.model, layers) : layers });
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
    const digest = (file: string) => {
      if (!this.digests.has(file)) this.digests.set(file, digestFiles([file]).sha256);
      return this.digests.get(file);
    };
    return this.candidates.find((o) => o !== c && o.bytes === c.bytes && this.files.has(o) && digest(this.files.get(o)!.file) === digest(built.file));
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
  fallbackTargets(): FallbackTarget[] {
    return [...this.targets.values()].sort((a, b) => a.candidate.bytes! - b.candidate.bytes!);
  }

  /**
   * Per-layer fallback for one failing recipe: rank its layers, then the fewest most-sensitive ones kept
   * at 8 bits (recipes that can: quantize-int4), then — bounded by the size that found, if any — the
   * fewest back in float. Every greedy attempt is a candidate in the report; sensitivity probes are
   * summarized apart.
   */
  async fallback({ candidate: failed, recipe, layers }: FallbackTarget): Promise<void> {
    const { method, why } = sensitivityMethod(layers.length, isStaticRecipe(recipe));
    const memo = new Map<string, Attempt>();
    /** 8: the attempt's nodes are kept at 8 bits instead of going back to float. */
    let keep: 8 | 'float' = 'float';
    /**
     * `listed`: the attempt is a candidate of the report even when it fails (greedy steps); otherwise only
     * when it became the best so far (sensitivity probes are reported under `sensitivity`). `bounded`: with the size
     * objective, a model no smaller than the best passing one is not verified: it cannot win, and as a
     * probe it ranks its layer last — too costly to hand back to float. One-at-a-time probes (mostly
     * float) are measurements and always verified.
     */
    const attempt = (listed: boolean, bounded: boolean) => async (floatNodes: string[]): Promise<Attempt | undefined> => {
      const key = `${keep}\n${[...floatNodes].sort().join('\n')}`;
      const known = memo.get(key);
      if (known) return known;
      if (this.timeUp()) {
        this.timedOut = true;
        return undefined;
      }
      const c = keep === 8 ? await this.add(recipe, [], floatNodes) : await this.add(recipe, floatNodes);
      const best = this.best;
      const tooBig = bounded && this.opts.objective === 'size' && best !== undefined && c.bytes !== undefined && c.bytes >= best.bytes!;
      if (tooBig) this.skip(c, `not smaller than ${candidateLabel(best)}, which passed`);
      else await this.verify(c, recipe);
      if (!listed && this.best !== c) this.candidates.splice(this.candidates.indexOf(c), 1);
      if (c.status === 'skipped' && !tooBig) return undefined; // time ran out during its check
      const v = this.verdicts.get(c);
      const a: Attempt = { floatNodes, bytes: c.bytes ?? Infinity, passed: c.status === 'passed', score: v?.score ?? Infinity, drift: v?.drift ?? Infinity };
      memo.set(key, a);
      return a;
    };
    // All-but-one probes of recipes that can keep layers at 8 bits keep the probed layer at 8 bits: that
    // is the 8-bit pass's question, and a probe with one float layer can be too large to verify (bounded
    // below) where 8 bits is not. One-at-a-time probes keep their float background: with 8-bit others
    // every probe would quantize every layer (L² work, the cost that method exists to avoid).
    if (recipe.eightBit && method === 'all-but-one') keep = 8;
    const ranking = await this.opts.progress.step(`${this.opts.name}auto: sensitivity of ${layers.length} layers of ${failed.recipe} (${method})`, () =>
      rankLayers(layers, method, attempt(false, method === 'all-but-one')));
    this.sensitivity.push({
      recipe: failed.recipe, method, why: keep === 8 ? `${why}; the probed layer is kept at 8 bits, not float` : why, complete: ranking.complete,
      layers: ranking.layers.map((l) => ({
        weight: l.weight, nodes: l.nodes,
        ...(l.probe ? { bytes: l.probe.bytes, score: finite(l.probe.score), passed: l.probe.passed } : { score: null }),
      })),
    });
    if (!ranking.complete) return;
    const maxBytes = () => (this.opts.objective === 'size' && this.best ? this.best.bytes! : Infinity);
    if (recipe.eightBit) {
      keep = 8;
      const at8 = await fewestFloatLayers(ranking.layers, attempt(true, true), maxBytes(), true);
      if (at8.found) this.opts.progress.note(`${failed.recipe}: passes with ${at8.found.floatNodes.length} node(s) at 8 bits`);
      keep = 'float';
    }
    const result = await fewestFloatLayers(ranking.layers, attempt(true, true), maxBytes());
    if (result.found) this.opts.progress.note(`${failed.recipe}: passes with ${result.found.floatNodes.length} node(s) in float`);
  }

  /**
   * What the chosen candidate did per layer it did not leave at the recipe's bits, and why: its rank in
   * the sensitivity measured for that recipe, and that fewer such layers failed (the greedy search).
   */
  layerChoices(chosen: AutoCandidate): LayerChoice[] {
    const s = this.sensitivity.find((x) => x.recipe === chosen.recipe);
    const choices: LayerChoice[] = [];
    for (const [nodes, bits] of [[chosen.eightBitLayers ?? [], 8], [chosen.floatLayers, 'float']] as const) {
      const count = s ? s.layers.filter((l) => l.nodes.some((n) => nodes.includes(n))).length : 0;
      for (const [rank, l] of (s?.layers ?? []).entries()) {
        if (!l.nodes.some((n) => nodes.includes(n))) continue;
        const alt = bits === 8 ? 'fewer 8-bit layers failed parity' : `fewer float layers failed parity${chosen.recipe.startsWith('int4') ? ', and 8 bits was not enough or not smaller' : ''}`;
        choices.push({
          weight: l.weight, nodes: l.nodes, bits,
          why: `rank ${rank + 1} of ${s!.layers.length} by sensitivity (${s!.method}, probe score ${l.score ?? '∞'}); one of the ${count} most sensitive kept at ${bits === 8 ? '8 bits' : 'float'}: ${alt}`,
        });
      }
    }
    return choices;
  }

  /** Deletes every file still held. */
  cleanup(): void {
    for (const b of this.files.values()) this.discard(b.file);
    this.files.clear();
  }
}

/** The graph alone (names and nodes), for comparing node lists; external data is not read. */
export function modelStructure(file: string): ModelProto {
  const loaded = loadModel(file);
  loaded.external.close();
  return loaded.model;
}
