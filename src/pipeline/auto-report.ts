/**
 * What `strategy: auto` reports (report JSON `models[].auto`, the Markdown `<details>` table): every
 * candidate tried with its recipe, size, parity summary, latency when measured and the layers it kept in
 * float; the layer sensitivity behind each per-layer fallback; the chosen candidate and why.
 */
import type { MaskChoice } from '../check/original-run.js';
import type { StageSpec } from '../stages/registry.js';
import type { SensitivityMethod } from './auto-sensitivity.js';
import type { Verdict } from './auto-judge.js';

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
  /** Node names kept at 8 bits by the per-layer fallback (quantize-int4 recipes; absent when none). */
  eightBitLayers?: string[];
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
  layers: { weight: string; nodes: string[]; bytes?: number; score: number | null; passed?: boolean }[];
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
  /** The polarity auto inputs used for each bool mask input (candidates were ranked on these samples). */
  masks?: MaskChoice[];
  /** Per layer the chosen candidate did not leave at the recipe's bits: what it got and why. */
  layers?: LayerChoice[];
  /** Static recipes: calibrations run in onnxruntime, and builds that reused one (the same float model). */
  calibrations?: { run: number; reused: number };
}

export interface LayerChoice {
  weight: string;
  nodes: string[];
  bits: 8 | 'float';
  why: string;
}

/** Scores for JSON: six significant digits, and null for ∞ (JSON has no Infinity). */
export const finite = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(6)) : null);

/** A candidate's parity for the report: per-output metrics without the per-check detail. */
export function parityOf(v: Verdict): CandidateParity {
  const p: CandidateParity = {
    score: finite(v.score),
    outputs: v.parity.outputs.map((o) => ({
      name: o.name, maxAbs: o.maxAbs, meanAbs: o.meanAbs, cosine: o.cosine, ...(o.top1 === undefined ? {} : { top1: o.top1 }), passed: o.passed,
    })),
  };
  if (v.parity.accuracy) p.accuracyDrop = v.parity.accuracy.drop;
  return p;
}

/** `int8 per-channel + 2 float layers`, `int4 block 32 + 1 8-bit layer` */
export function candidateLabel(c: Pick<AutoCandidate, 'recipe' | 'floatLayers' | 'eightBitLayers'>): string {
  const part = (n: number, what: string) => (n ? ` + ${n} ${what} layer${n === 1 ? '' : 's'}` : '');
  return `${c.recipe}${part(c.eightBitLayers?.length ?? 0, '8-bit')}${part(c.floatLayers.length, 'float')}`;
}
