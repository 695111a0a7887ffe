/**
 * How far apart two outputs are, measured over every sample: max and mean absolute difference, cosine
 * similarity, top-1 agreement for class-like outputs, and non-finite values. Pure functions over
 * NamedTensors, so the numbers can be checked by hand.
 */
import { comparableTypes, tensorValues, type NamedTensor } from '../runtime/named-tensor.js';

export interface OutputMetrics {
  name: string;
  maxAbs: number;
  meanAbs: number;
  /** Cosine similarity of the flattened outputs (1 when both are all zeros). */
  cosine: number;
  /**
   * Share of rows (all but the last axis) whose argmax agrees, over the rows where the original has a
   * clear top-1 (TOP1_MARGIN); for class-like outputs with at least one such row only.
   */
  top1?: number;
  /** Class-like outputs: rows compared, and how many had a clear top-1 in the original (top1 is judged on those). */
  top1Rows?: { total: number; clear: number };
  /** Elements compared (over all samples). */
  elements: number;
  nonFinite: { original: number; compressed: number };
  /** Elements where the compressed output is NaN/±Inf and the original is not the same value. */
  newNonFinite: number;
  /** Why the outputs cannot be compared at all (type or shape differs, output missing). */
  incomparable?: string;
}

/**
 * Logits or probabilities: floats of rank ≥ 2 whose last axis has ≥ 2 entries, either rank 2
 * ([batch, classes]) or named like it (`logits` of a language model are [batch, seq, vocab]).
 */
export function isClassLike(t: NamedTensor): boolean {
  if (!/^float/.test(t.type) || t.dims.length < 2 || (t.dims[t.dims.length - 1] ?? 0) < 2) return false;
  return t.dims.length === 2 || /logit|prob|score|class/i.test(t.name);
}

/**
 * A row has a clear top-1 when the original's first choice leads the second by at least this much
 * probability (softmax of the row; a row that already is a distribution — values in [0, 1] summing to 1 —
 * is taken as it is). Below it the two are a near tie and which one wins is rounding noise: a random-init
 * 3-class head with logits 0.010, 0.020, 0.015 gives 0.3325 vs 0.3342, and int8 flips it at cosine 0.9997.
 */
export const TOP1_MARGIN = 0.01;

/** The original's top-1 lead over its top-2 in probability, for one row (see TOP1_MARGIN). */
export function top1Lead(row: ArrayLike<number>): number {
  let first = -Infinity;
  let second = -Infinity;
  let sum = 0;
  let distribution = true;
  for (let k = 0; k < row.length; k++) {
    const v = row[k]!;
    if (v > first) [first, second] = [v, first];
    else if (v > second) second = v;
    sum += v;
    if (!(v >= 0 && v <= 1)) distribution = false;
  }
  if (!Number.isFinite(first) || !Number.isFinite(second)) return Number.isFinite(first) ? 1 : 0;
  if (distribution && Math.abs(sum - 1) <= 1e-3) return first - second;
  let z = 0;
  for (let k = 0; k < row.length; k++) z += Math.exp(row[k]! - first);
  return (1 - Math.exp(second - first)) / z;
}

/** Index of the largest value in each row of the last axis (first one on ties, NaN never wins). */
export function argmaxRows(values: ArrayLike<number>, rowLength: number): number[] {
  const out: number[] = [];
  for (let r = 0; r + rowLength <= values.length; r += rowLength) {
    let best = 0;
    let bestValue = -Infinity;
    for (let k = 0; k < rowLength; k++) {
      const v = values[r + k]!;
      if (v > bestValue) [best, bestValue] = [k, v];
    }
    out.push(best);
  }
  return out;
}

/** Running sums for one output across samples. */
export class OutputComparison {
  private sumAbs = 0;
  private maxAbs = 0;
  private dot = 0;
  private normA = 0;
  private normB = 0;
  private finitePairs = 0;
  private elements = 0;
  private rows = 0;
  private clearRows = 0;
  private agree = 0;
  private nonFiniteA = 0;
  private nonFiniteB = 0;
  private newNonFinite = 0;
  private incomparable?: string;
  private classLike = true;

  constructor(readonly name: string) {}

  add(a: NamedTensor | undefined, b: NamedTensor | undefined): void {
    if (this.incomparable) return;
    if (!a || !b) {
      this.incomparable = `output '${this.name}' is missing from the ${a ? 'compressed' : 'original'} model's results`;
      return;
    }
    if (!comparableTypes(a.type, b.type) || a.dims.length !== b.dims.length || a.dims.some((d, i) => d !== b.dims[i])) {
      this.incomparable = `'${this.name}': original is ${a.type} [${a.dims.join(',')}], compressed is ${b.type} [${b.dims.join(',')}]`;
      return;
    }
    const va = tensorValues(a);
    const vb = tensorValues(b);
    if (Array.isArray(va) || Array.isArray(vb)) {
      // Strings: equal or not; count a differing string as an absolute difference of 1.
      const sa = va as string[];
      const sb = vb as string[];
      this.classLike = false;
      for (let i = 0; i < sa.length; i++) this.addPair(0, sa[i] === sb[i] ? 0 : 1);
      return;
    }
    const xs = Float64Array.from(va as ArrayLike<number | bigint>, Number);
    const ys = Float64Array.from(vb as ArrayLike<number | bigint>, Number);
    for (let i = 0; i < xs.length; i++) this.addPair(xs[i]!, ys[i]!);
    this.classLike &&= isClassLike(a);
    if (this.classLike) {
      const row = a.dims[a.dims.length - 1]!;
      const ra = argmaxRows(xs, row);
      const rb = argmaxRows(ys, row);
      for (let r = 0; r < ra.length; r++) {
        if (top1Lead(xs.subarray(r * row, (r + 1) * row)) < TOP1_MARGIN) continue;
        this.clearRows++;
        if (ra[r] === rb[r]) this.agree++;
      }
      this.rows += ra.length;
    }
  }

  private addPair(x: number, y: number): void {
    this.elements++;
    const fx = Number.isFinite(x);
    const fy = Number.isFinite(y);
    if (!fx) this.nonFiniteA++;
    if (!fy) this.nonFiniteB++;
    if (!fx || !fy) {
      // Same NaN-ness or the same infinity is agreement; anything else new in the compressed output is not.
      const same = Object.is(x, y) || (Number.isNaN(x) && Number.isNaN(y));
      if (!fy && !same) this.newNonFinite++;
      return;
    }
    const d = Math.abs(x - y);
    this.sumAbs += d;
    if (d > this.maxAbs) this.maxAbs = d;
    this.dot += x * y;
    this.normA += x * x;
    this.normB += y * y;
    this.finitePairs++;
  }

  result(): OutputMetrics {
    const denom = Math.sqrt(this.normA) * Math.sqrt(this.normB);
    // Identical outputs are cosine 1 exactly: dot/(|a||b|) of equal vectors can round to 1 − 2^-53.
    const identical = this.maxAbs === 0 && this.newNonFinite === 0;
    const cosine = identical || (this.normA === 0 && this.normB === 0) ? 1 : denom === 0 ? 0 : Math.min(1, this.dot / denom);
    const m: OutputMetrics = {
      name: this.name,
      maxAbs: this.maxAbs,
      meanAbs: this.finitePairs ? this.sumAbs / this.finitePairs : 0,
      cosine,
      ...(this.classLike && this.clearRows > 0 ? { top1: this.agree / this.clearRows } : {}),
      ...(this.classLike && this.rows > 0 ? { top1Rows: { total: this.rows, clear: this.clearRows } } : {}),
      elements: this.elements,
      nonFinite: { original: this.nonFiniteA, compressed: this.nonFiniteB },
      newNonFinite: this.newNonFinite,
    };
    if (this.incomparable) m.incomparable = this.incomparable;
    return m;
  }
}
