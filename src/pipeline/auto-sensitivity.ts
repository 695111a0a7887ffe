/**
 * The per-layer fallback of `strategy: auto`: when a recipe fails parity, rank its quantized layers by how
 * much each one costs in parity, then hand the most sensitive ones back to float until the model passes.
 * Pure search logic over an `attempt` callback (build the recipe with these nodes in float, verify it),
 * so the orchestration (auto.ts) decides what an attempt costs and when time is up.
 */
import { compareVerdicts } from './auto-judge.js';
import type { Layer } from './auto-candidates.js';

export interface Attempt {
  floatNodes: string[];
  bytes: number;
  passed: boolean;
  score: number;
  drift: number;
}

/** Builds and verifies the recipe with `floatNodes` in float; undefined when the search time ran out. */
export type AttemptFn = (floatNodes: string[]) => Promise<Attempt | undefined>;

export type SensitivityMethod = 'all-but-one' | 'one-at-a-time';

/**
 * Up to this many layers the fallback measures all-but-one; past it, one at a time. Both cost one
 * verification per layer; they differ in what each probe builds and what it tells:
 * - all-but-one (the candidate with one layer back in float) answers exactly the greedy step's question —
 *   how much does returning this layer to float help the failing candidate — with the other layers'
 *   errors present, and a probe that passes is already the answer with one float layer. But each probe
 *   quantizes L − 1 layers (L² quantizations in all), and with many layers every probe keeps most of the
 *   candidate's error, so the differences between probes drown in it.
 * - one-at-a-time (only this layer quantized) builds one quantized layer per probe (L in all) and sees
 *   each layer against a clean float background, which still ranks well when the error is spread thin.
 */
export const ALL_BUT_ONE_MAX_LAYERS = 12;

/**
 * `staticQdq`: the layers are static int8 groups (auto-static-layers.ts), always measured one at a time.
 * An activation between two groups is quantized while either side is (the producer's QuantizeLinear, the
 * reader's DequantizeLinear), so an all-but-one probe that hands one group back to float leaves the
 * tensors it shares with its neighbours quantized and measures little of what that group costs.
 */
export function sensitivityMethod(layers: number, staticQdq = false): { method: SensitivityMethod; why: string } {
  if (staticQdq) {
    return { method: 'one-at-a-time', why: `${layers} static int8 layers: each probe quantizes one layer (its weight node and the activations it feeds), since an activation two layers share stays quantized while either is, so putting one back in float would measure little` };
  }
  return layers <= ALL_BUT_ONE_MAX_LAYERS
    ? { method: 'all-but-one', why: `${layers} layers (≤ ${ALL_BUT_ONE_MAX_LAYERS}): each probe puts one layer back in float, measuring exactly what the greedy step gains; ${layers}² layer quantizations are cheap at this count` }
    : { method: 'one-at-a-time', why: `${layers} layers (> ${ALL_BUT_ONE_MAX_LAYERS}): each probe quantizes one layer, so building costs grow linearly, not as ${layers}², and each layer is seen against a clean float background` };
}

export interface LayerSensitivity extends Layer {
  /** The probe's score (auto-judge.ts): with all-but-one, lower = more sensitive; with one-at-a-time, higher. */
  probe?: Attempt;
}

export interface Ranking {
  /** Most sensitive first. Layers whose probe could not run (time ran out) come last, unranked. */
  layers: LayerSensitivity[];
  /** Every probe finished. */
  complete: boolean;
}

const allNodes = (layers: readonly Layer[]) => layers.flatMap((l) => l.nodes);

/** Measures each layer's sensitivity with `method`, stopping early when an attempt reports time up. */
export async function rankLayers(layers: readonly Layer[], method: SensitivityMethod, attempt: AttemptFn): Promise<Ranking> {
  const measured: LayerSensitivity[] = [];
  const unmeasured: LayerSensitivity[] = [];
  for (const layer of layers) {
    if (unmeasured.length) {
      unmeasured.push({ ...layer });
      continue;
    }
    const floatNodes = method === 'all-but-one' ? layer.nodes : allNodes(layers.filter((l) => l !== layer));
    const probe = await attempt(floatNodes);
    if (probe) measured.push({ ...layer, probe });
    else unmeasured.push({ ...layer });
  }
  // all-but-one: the layer whose return to float leaves the best model is the most sensitive;
  // one-at-a-time: the layer that alone does the most damage is.
  const sign = method === 'all-but-one' ? 1 : -1;
  measured.sort((a, b) => sign * compareVerdicts(a.probe!, b.probe!));
  return { layers: [...measured, ...unmeasured], complete: unmeasured.length === 0 };
}

export interface Fallback {
  /** The passing attempt with the fewest float layers found, if any. */
  found?: Attempt;
  /** Why the search stopped short of an answer. */
  stoppedBy?: 'time' | 'size' | 'no-pass';
}

/**
 * The fewest most-sensitive layers that, back in float, make the candidate pass: k = 1, 2, 4, … until an
 * attempt passes, then bisection between the last failing k and it. Bisection assumes that more float
 * layers never make parity worse, which holds for the error sums of quantized layers up to noise; with
 * k found this way the answer can be off by a layer or two when that noise is large, never unchecked.
 * k stops below the layer count (all layers in float is the base recipe) and, with `maxBytes`, once a
 * model is no smaller than that: more float layers only make it larger.
 */
export async function fewestFloatLayers(ranked: readonly Layer[], attempt: AttemptFn, maxBytes = Infinity, allowAll = false): Promise<Fallback> {
  const top = (k: number) => allNodes(ranked.slice(0, k));
  // With `allowAll` (layers kept at 8 bits, not float) every layer may be kept: that is not the base recipe.
  const maxK = allowAll ? ranked.length : ranked.length - 1;
  let failing = 0;
  let passing: { k: number; attempt: Attempt } | undefined;
  for (let k = 1; k <= maxK; k = Math.min(2 * k, maxK)) {
    const a = await attempt(top(k));
    if (!a) return { stoppedBy: 'time' };
    if (a.passed && a.bytes < maxBytes) {
      passing = { k, attempt: a };
      break;
    }
    if (a.bytes >= maxBytes) return { stoppedBy: 'size' };
    failing = k;
    if (k === maxK) break;
  }
  if (!passing) return { stoppedBy: 'no-pass' };
  while (passing.k - failing > 1) {
    const k = Math.floor((failing + passing.k) / 2);
    const a = await attempt(top(k));
    if (!a) return { found: passing.attempt, stoppedBy: 'time' };
    if (a.passed) passing = { k, attempt: a };
    else failing = k;
  }
  return { found: passing.attempt };
}
