/**
 * Verifies `strategy: auto` candidates in one onnxruntime host: the original model runs once per sample
 * and its outputs are kept, so each candidate costs one session load and its own runs only (the parity
 * check proper, checkParity, runs both models per call). The verdict adds a score — how far the worst
 * check is from its limit — which ranks candidates and layers that fail by different amounts.
 */
import { withDimHint } from '../runtime/auto-inputs.js';
import type { AutoDim, Sample } from '../check/inputs.js';
import { runOriginal, type MaskChoice, type SampleSource } from '../check/original-run.js';
import { OnnxFormatError, UsageError } from '../onnx/errors.js';
import { askForDims } from '../runtime/dim-defaults.js';
import { summarize } from '../check/latency.js';
import type { NamedTensor } from '../runtime/named-tensor.js';
import { ortSaid, type OrtHost } from '../runtime/ort-runner.js';
import { judgeResults, type ParityReport, type ThresholdCheck, type ThresholdConfig } from '../check/parity.js';

/** The search ran past `max-search-time` in the middle of a check. */
export class SearchTimeUp extends Error {
  override name = 'SearchTimeUp';
}

export interface JudgeSettings<S = Sample[]> {
  /** The samples (open() takes their source and keeps the ones the original answers finitely). */
  samples: S;
  /** Sizes auto inputs chose for open input axes (a failure of the original on guessed ones asks for them). */
  autoDims?: AutoDim[];
  thresholds: ThresholdConfig;
  /** Expected class ids and, when a `max-accuracy-drop` budget is set, the drop a candidate may cost. */
  labels?: { values: number[]; output?: string; maxDrop?: number };
  /** onnxruntime intra-op threads for every session. */
  threads: number;
  /** Timed runs for `objective: latency` and for the speed budgets. */
  latency: { runs: number; warmup: number };
  /**
   * The model's `max-latency-ms` / `min-speedup` budgets: a candidate that passes parity but breaks one
   * fails too (a size search must not hand back a model the gate then rejects for its speed).
   */
  speed?: { maxLatencyMs?: number; minSpeedup?: number };
}

export interface Verdict {
  passed: boolean;
  parity: ParityReport;
  /** The worst check relative to its limit: ≤ 1 passes, 2 is twice as far from the limit as allowed. */
  score: number;
  /** Σ (1 − cosine) over outputs: a continuous tie-break when scores are equal (both ∞, say). */
  drift: number;
  latency?: { p50Ms: number; p90Ms: number };
  /** Why a candidate that passed parity still failed: the speed budget it broke. */
  slow?: string;
}

/**
 * A check's value relative to its limit. For at-least metrics (cosine, top-1) it is the miss (1 − actual)
 * over the room the limit allows (1 − limit), so cosine 0.98 against 0.99 scores 2; for at-most metrics
 * (max-abs, mean-abs) actual ÷ limit; new NaN/Inf values always fail.
 */
export function violation(c: ThresholdCheck): number {
  const ratio = (miss: number, room: number) => (room > 0 ? Math.max(0, miss) / room : miss > 0 ? Infinity : 0);
  if (c.metric === 'non-finite') return c.actual > 0 ? Infinity : 0;
  if (c.metric === 'cosine' || c.metric === 'top1') return ratio(1 - c.actual, 1 - c.limit);
  return ratio(c.actual, c.limit);
}

export function scoreOf(parity: ParityReport, maxDrop?: number): { score: number; drift: number } {
  if (parity.error) return { score: Infinity, drift: Infinity };
  let score = 0;
  let drift = 0;
  for (const o of parity.outputs) {
    if (o.incomparable) score = Infinity;
    for (const c of o.checks) score = Math.max(score, violation(c));
    drift += 1 - o.cosine;
  }
  if (maxDrop !== undefined && parity.accuracy) score = Math.max(score, (parity.accuracy.drop > 0 ? parity.accuracy.drop : 0) / maxDrop);
  return { score, drift };
}

/** Orders verdicts from closest to passing to furthest (score, then drift). */
export function compareVerdicts(a: Pick<Verdict, 'score' | 'drift'>, b: Pick<Verdict, 'score' | 'drift'>): number {
  return a.score === b.score ? a.drift - b.drift : a.score - b.score;
}

export class CandidateJudge {
  private constructor(
    private readonly host: OrtHost,
    private readonly settings: JudgeSettings,
    private readonly reference: NamedTensor[][],
    /** The original's p50 (ms), timed like the candidates' when a `min-speedup` budget needs it. */
    private readonly originalP50Ms?: number,
    /** The bool mask polarities the samples use (original-run.ts). */
    readonly masks: MaskChoice[] = [],
  ) {}

  /**
   * Runs the original once per sample; its session is released right after (its outputs are all we need).
   * Samples it cannot answer (NaN/Inf outputs) are bad input: candidates are never ranked on them.
   */
  static async open(host: OrtHost, source: string, given: JudgeSettings<SampleSource>, who = source): Promise<CandidateJudge> {
    // Without the original's answers there is nothing to check candidates against: a model onnxruntime
    // cannot load, or cannot run on these samples, is refused in one line (exit 2), not a crash.
    const session = await host.load(source, { threads: given.threads }).catch((e: unknown) => {
      throw new OnnxFormatError(`${source}: auto: onnxruntime cannot load the model (${ortSaid(e)}); auto mode checks every candidate against it in onnxruntime: give the model explicit stages instead`);
    });
    try {
      const run = await runOriginal(host, session.id, given.samples, who).catch((e: unknown) => {
        if (e instanceof UsageError) throw e;
        throw new UsageError(askForDims(source, ortSaid(e), given.autoDims ?? [])
          ?? `${source}: auto: onnxruntime cannot run the model on the parity samples (${withDimHint(ortSaid(e), given.autoDims ?? [])}); set parity inputs or dims it accepts, or give the model explicit stages`);
      });
      const settings: JudgeSettings = { ...given, samples: run.samples };
      const original = settings.speed?.minSpeedup !== undefined ? (await timeRuns(host, session.id, settings)).p50Ms : undefined;
      return new CandidateJudge(host, settings, run.outputs, original, run.masks);
    } finally {
      await host.release(session.id).catch(() => {});
    }
  }

  /**
   * Parity of the model at `file` against the original, and its latency when asked and it passed.
   * `timeUp` is polled between runs; when it says so the check stops with SearchTimeUp.
   * onnxruntime failures (load, run) reject: the caller records them on the candidate.
   */
  async judge(file: string, opts: { latency?: boolean; timeUp?: () => boolean } = {}): Promise<Verdict> {
    const stop = () => {
      if (opts.timeUp?.()) throw new SearchTimeUp(`max-search-time ran out while checking ${file}`);
    };
    const session = await this.host.load(file, { threads: this.settings.threads });
    try {
      const results: NamedTensor[][] = [];
      for (const sample of this.settings.samples) {
        stop();
        results.push((await this.host.run(session.id, sample)).outputs);
      }
      const labels = this.settings.labels;
      const parity = judgeResults(this.reference, results, this.settings.thresholds, labels);
      const { score, drift } = scoreOf(parity, labels?.maxDrop);
      const passed = parity.passed && (labels?.maxDrop === undefined || (parity.accuracy?.drop ?? 0) <= labels.maxDrop);
      const verdict: Verdict = { passed, parity, score, drift };
      const speed = this.settings.speed;
      if (passed && (opts.latency || speed)) verdict.latency = await timeRuns(this.host, session.id, this.settings, stop);
      if (passed && speed && verdict.latency) {
        verdict.slow = this.speedFailure(verdict.latency.p50Ms, speed);
        if (verdict.slow) verdict.passed = false;
      }
      return verdict;
    } finally {
      await this.host.release(session.id).catch(() => {});
    }
  }

  /** The speed budget a p50 of `p50Ms` breaks, said for the report; undefined when it keeps them all. */
  private speedFailure(p50Ms: number, speed: NonNullable<JudgeSettings['speed']>): string | undefined {
    if (speed.maxLatencyMs !== undefined && p50Ms > speed.maxLatencyMs) {
      return `parity passed, but p50 ${p50Ms.toFixed(3)} ms breaks max-latency-ms ${speed.maxLatencyMs}`;
    }
    if (speed.minSpeedup !== undefined && this.originalP50Ms !== undefined) {
      const speedup = this.originalP50Ms / p50Ms;
      if (speedup < speed.minSpeedup) return `parity passed, but its speed-up ${speedup.toFixed(2)}× (p50 ${p50Ms.toFixed(3)} vs ${this.originalP50Ms.toFixed(3)} ms) breaks min-speedup ${speed.minSpeedup}`;
    }
    return undefined;
  }
}

/** p50/p90 of session.run on the first sample, after warm-up runs (latency.ts's numbers, one model). */
async function timeRuns(host: OrtHost, id: number, settings: JudgeSettings, stop: () => void = () => {}): Promise<{ p50Ms: number; p90Ms: number }> {
  const feeds = settings.samples[0]!;
  const { runs, warmup } = settings.latency;
  for (let i = 0; i < warmup; i++) await host.run(id, feeds);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    stop();
    times.push((await host.run(id, feeds)).ms);
  }
  const { p50Ms, p90Ms } = summarize(times, 0);
  return { p50Ms, p90Ms };
}
