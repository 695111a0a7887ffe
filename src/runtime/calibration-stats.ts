/**
 * What calibration keeps of each activation: running statistics of fixed size, fed one sample at a time
 * (ORT's calibrate.py keeps every sample's activations in a list until the end; onnxruntime issue 10503
 * reports ≥ 256 GB). Pure numerics, no onnxruntime, so each method is testable alone.
 *
 * - min-max: the smallest and largest value over all samples (ORT MinMaxCalibrater without moving average);
 * - histograms (percentile, entropy): a signed histogram over [-R, R] with R a power of two. When a sample
 *   goes past R, R doubles and adjacent bin pairs merge. Bin edges are dyadic, so the merged counts are
 *   exactly those of binning everything at the new R from the start: the histogram depends on the values
 *   only, never on the order of samples or on the first sample's range. (ORT's HistogramCollector instead
 *   re-bins with numpy.histogram over edges from the first sample, which depends on the order.) The price is
 *   that up to half the bins can lie beyond the largest value; the bin count is doubled to compensate.
 */

export type CalibrationMethod = 'minmax' | 'percentile' | 'entropy';

export interface TensorRange {
  min: number;
  max: number;
}

/** Signed bins of a histogram (a power of two): 4096 over [-R, R], so [0, R] has ORT's 2048 percentile bins. */
export const HISTOGRAM_BINS = 4096;
/** ORT's default percentile (HistogramCalibrater, percentile=99.999). */
export const DEFAULT_PERCENTILE = 99.999;
/** Target bins of the KL search (ORT's num_quantized_bins; 8-bit has 256 levels, 128 per side). */
export const QUANTIZED_BINS = 128;
/** Bins the entropy search works on: the histogram merged pairwise to 2048 (ORT's percentile resolution). */
const ENTROPY_BINS = 2048;

/** Running min and max of one tensor. */
export class MinMaxStat {
  min = Infinity;
  max = -Infinity;

  add(values: Float32Array): void {
    let lo = this.min;
    let hi = this.max;
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    this.min = lo;
    this.max = hi;
  }

  /** Folds in a sample's own min and max (finite, reduced in onnxruntime): the same as add() of its values. */
  addRange(min: number, max: number): void {
    if (min < this.min) this.min = min;
    if (max > this.max) this.max = max;
  }

  range(): TensorRange {
    return this.min <= this.max ? { min: this.min, max: this.max } : { min: 0, max: 0 };
  }
}

/** Smallest power of two ≥ x (x > 0), as a double. */
function powerOfTwoAtLeast(x: number): number {
  let r = 2 ** Math.ceil(Math.log2(x));
  // log2 of a value just above a power of two may round down to it.
  while (r < x) r *= 2;
  while (r / 2 >= x) r /= 2;
  return r;
}

/** A histogram over [-R, R] with R a power of two that grows by doubling (see the file comment). */
export class DyadicHistogram {
  readonly counts: Float64Array;
  /** Half-width of the covered range; 0 until a non-zero value was seen. */
  radius = 0;
  readonly minMax = new MinMaxStat();
  /** Values seen, NaN excluded. */
  total = 0;

  constructor(readonly bins = HISTOGRAM_BINS) {
    if (bins < 4 || (bins & (bins - 1)) !== 0) throw new Error(`histogram bins must be a power of two ≥ 4, not ${bins}`);
    this.counts = new Float64Array(bins);
  }

  /** Halves the resolution until [-R, R] covers `absmax`: bin i moves to bins/4 + ⌊i/2⌋. */
  private grow(absmax: number): void {
    const target = powerOfTwoAtLeast(absmax);
    if (this.radius === 0) {
      this.radius = target;
      return;
    }
    const c = this.counts;
    const n = this.bins;
    while (this.radius < target) {
      const merged = new Float64Array(n);
      for (let i = 0; i < n; i++) merged[n / 4 + (i >> 1)]! += c[i]!;
      c.set(merged);
      this.radius *= 2;
    }
  }

  add(values: Float32Array): void {
    this.minMax.add(values);
    this.bin(values, true);
  }

  /**
   * add() of values known to be finite, with their min and max reduced in onnxruntime: the same counts,
   * without the min-max pass and the NaN test per value.
   */
  addFinite(values: Float32Array, min: number, max: number): void {
    this.minMax.addRange(min, max);
    this.bin(values, false);
  }

  private bin(values: Float32Array, mayHoldNaN: boolean): void {
    const { min, max } = this.minMax;
    // An infinite value (a -inf attention mask) has no bin, and no power of two covers it (grow would
    // never end): the range is then the min-max's, not finite, and the tensor stays float, as with min-max.
    if (min === -Infinity || max === Infinity) return;
    const absmax = Math.max(Math.abs(min), Math.abs(max));
    if (!(absmax > 0)) {
      // All zeros so far: they land in the bin right above zero once a radius exists.
      if (absmax === 0) this.grow(1);
      else return;
    } else if (absmax > this.radius) this.grow(absmax);
    const n = this.bins;
    const r = this.radius;
    const perUnit = n / (2 * r);
    const c = this.counts;
    if (!mayHoldNaN) {
      for (let i = 0; i < values.length; i++) {
        const k = Math.floor((values[i]! + r) * perUnit);
        c[k < n ? k : n - 1]!++;
      }
      this.total += values.length;
      return;
    }
    let seen = 0;
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (v !== v) continue;
      // R and the bin width are powers of two: (v + R) · n / 2R is exact for float32 v within 2^29 of R.
      let k = Math.floor((v + r) * perUnit);
      if (k >= n) k = n - 1; // v = R exactly
      c[k]!++;
      seen++;
    }
    this.total += seen;
  }

  /** Left edge of bin k (k = bins gives R). */
  edge(k: number): number {
    return -this.radius + (2 * this.radius * k) / this.bins;
  }

  /** Bytes of state: fixed, whatever the number of samples. */
  get stateBytes(): number {
    return this.counts.byteLength;
  }
}

/** Index of the first prefix sum ≥ target·total (numpy.searchsorted on the cdf, side left). */
function searchCdf(counts: Float64Array, target: number, total: number): number {
  let acc = 0;
  for (let k = 0; k < counts.length; k++) {
    acc += counts[k]!;
    if (acc / total >= target) return k;
  }
  return counts.length - 1;
}

/**
 * The range holding `percentile` % of the values, cutting (100 − p)/2 % off each end of the signed
 * histogram (symmetric: cutting 100 − p % of |x| and mirroring). Clamped to the seen min/max, as ORT does.
 * ORT's asymmetric percentile reads both ends off the |x| histogram, so its lower end is never negative
 * and negative activations clip to zero; this reads the lower end off the signed one.
 */
export function percentileRange(h: DyadicHistogram, percentile = DEFAULT_PERCENTILE, symmetric = false): TensorRange {
  const { min, max } = h.minMax.range();
  if (h.total === 0 || h.radius === 0 || !Number.isFinite(min) || !Number.isFinite(max)) return { min, max };
  let lo: number;
  let hi: number;
  if (symmetric) {
    const half = h.bins / 2;
    const abs = new Float64Array(half);
    for (let k = 0; k < half; k++) abs[k] = h.counts[half + k]! + h.counts[half - 1 - k]!;
    const k = searchCdf(abs, percentile / 100, h.total);
    hi = h.edge(half + k + 1);
    lo = -hi;
  } else {
    const cut = (100 - percentile) / 200;
    lo = h.edge(searchCdf(h.counts, cut, h.total));
    hi = h.edge(searchCdf(h.counts, 1 - cut, h.total) + 1);
  }
  return { min: Math.max(lo, min), max: Math.min(hi, max) };
}

/** ORT's smooth_distribution's eps: zero bins become eps, the mass taken off the non-zero ones. */
const SMOOTH_EPS = 0.0001;

/**
 * scipy.stats.entropy(p, q) over the first `len` bins, given their sums: Σ (p/sp)·ln((p/sp)/(q/sq)),
 * summed in bin order. Runs of equal (p, q) pairs are common (the empty side of a ReLU's histogram, a
 * quantized level's zero bins) and give the same term, so the last term is reused instead of another
 * logarithm: the same additions in the same order, the same result, a fraction of the Math.log calls.
 */
function klDivergence(p: Float64Array, q: Float64Array, len: number, sp: number, sq: number): number {
  let kl = 0;
  let lastP = NaN;
  let lastQ = NaN;
  let term = 0;
  for (let i = 0; i < len; i++) {
    const a = p[i]!;
    const b = q[i]!;
    if (a !== lastP || b !== lastQ) {
      const pi = a / sp;
      term = pi > 0 ? pi * Math.log(pi / (b / sq)) : 0;
      lastP = a;
      lastQ = b;
    }
    kl += term;
  }
  return kl;
}

/**
 * The threshold T minimizing KL(P‖Q) between the histogram clipped to [−T, T] (outliers added to the end
 * bins) and its 128-level quantization, over symmetric windows around zero (ORT get_entropy_threshold,
 * after TensorRT's calibration): same loop, the same truncating expansion of Q, the same smoothing.
 * Clamped to the seen min/max.
 */
export function entropyRange(h: DyadicHistogram, quantizedBins = QUANTIZED_BINS): TensorRange {
  const { min, max } = h.minMax.range();
  if (h.total === 0 || h.radius === 0 || !Number.isFinite(min) || !Number.isFinite(max)) return { min, max };
  const factor = Math.max(1, h.bins / ENTROPY_BINS);
  const n = h.bins / factor;
  const hist = new Float64Array(n);
  for (let k = 0; k < h.bins; k++) hist[Math.floor(k / factor)]! += h.counts[k]!;
  const best = entropyWindow(hist, quantizedBins);
  const width = (2 * h.radius) / n;
  return { min: Math.max(-h.radius + width * best.start, min), max: Math.min(-h.radius + width * best.end, max) };
}

/**
 * ORT's get_entropy_threshold on a histogram of an even number of bins around zero: the window of bins
 * [start, end) (edges hist_edges[start], hist_edges[end]) with the smallest KL divergence.
 */
export function entropyWindow(hist: Float64Array, quantizedBins = QUANTIZED_BINS): { start: number; end: number } {
  const n = hist.length;
  // Counts are whole numbers (exact in a double below 2^53): a level's sum is a difference of prefix
  // sums, the same number as adding its bins one by one; `nonZeros` counts non-empty bins the same way.
  const prefix = new Float64Array(n + 1);
  const nonZeros = new Int32Array(n + 1);
  for (let k = 0; k < n; k++) {
    prefix[k + 1] = prefix[k]! + hist[k]!;
    nonZeros[k + 1] = nonZeros[k]! + (hist[k] !== 0 ? 1 : 0);
  }
  const zero = Math.floor(n / 2);
  const halfQ = Math.floor(quantizedBins / 2);
  let best = Infinity;
  let bestI = halfQ;
  // The smoothed P and Q of the current window (the widest is n bins), and each level's Q value.
  const ps = new Float64Array(n + 1);
  const qs = new Float64Array(n + 1);
  const level = new Float64Array(quantizedBins);
  for (let i = halfQ; i <= zero; i++) {
    const start = zero - i;
    const end = Math.min(zero + i + 1, n);
    const len = end - start;
    // P is the window's bins with the outliers added to its end bins (len > 2, so two different bins).
    const first = hist[start]! + prefix[start]!;
    const last = hist[end - 1]! + (prefix[n]! - prefix[end]!);
    /** Non-zero bins of P among window bins [a, b). */
    const pNonZero = (a: number, b: number) => {
      let c = nonZeros[start + b]! - nonZeros[start + a]!;
      if (a === 0) c += (first !== 0 ? 1 : 0) - (hist[start] !== 0 ? 1 : 0);
      if (a <= len - 1 && len - 1 < b) c += (last !== 0 ? 1 : 0) - (hist[end - 1] !== 0 ? 1 : 0);
      return c;
    };
    const merged = Math.floor(len / quantizedBins);
    // As ORT: the remainder bins' counts go to the last level, which is spread over its first `merged`
    // bins only; a level's value fills all its bins (not only those where P is non-zero), divided by the
    // count of non-zero P bins and truncated (numpy's int64 assignment). Q's sums are of the window's own
    // bins, without the outliers.
    let qZeros = len - quantizedBins * merged;
    for (let b = 0; b < quantizedBins; b++) {
      const s0 = b * merged;
      const e = b === quantizedBins - 1 ? len : s0 + merged;
      const sum = prefix[start + e]! - prefix[start + s0]!;
      const nonZero = pNonZero(s0, s0 + merged);
      level[b] = nonZero === 0 ? 0 : Math.trunc(sum / nonZero);
      if (level[b] === 0) qZeros += merged;
    }
    const pNon = pNonZero(0, len);
    const qNon = len - qZeros;
    let kl = Infinity;
    if (pNon > 0 && qNon > 0) {
      // smooth_distribution of both, and their sums in bin order.
      const pEps1 = (SMOOTH_EPS * (len - pNon)) / pNon;
      const qEps1 = (SMOOTH_EPS * qZeros) / qNon;
      const spread = quantizedBins * merged;
      for (let k = 0; k < len; k++) {
        const a = hist[start + k]!;
        ps[k] = a === 0 ? SMOOTH_EPS : a - pEps1;
      }
      ps[0] = first === 0 ? SMOOTH_EPS : first - pEps1;
      ps[len - 1] = last === 0 ? SMOOTH_EPS : last - pEps1;
      for (let b = 0, k = 0; b < quantizedBins; b++) {
        const v = level[b]!;
        const y = v === 0 ? SMOOTH_EPS : v - qEps1;
        for (const e = k + merged; k < e; k++) qs[k] = y;
      }
      qs.fill(SMOOTH_EPS, spread, len);
      let sp = 0;
      let sq = 0;
      for (let k = 0; k < len; k++) { sp += ps[k]!; sq += qs[k]!; }
      kl = klDivergence(ps, qs, len, sp, sq);
    }
    // numpy.argmin: the first of equal minima.
    if (kl < best) { best = kl; bestI = i; }
  }
  return { start: zero - bestI, end: Math.min(zero + bestI + 1, n) };
}

/**
 * The KL threshold, never inside the 99.999th-percentile range: KL picks the window that best preserves the
 * histogram's shape, which for spread-out (non-ReLU) activations can cut off values that carry the
 * signal (mobilenet_v3_small, 20 samples: worst held-out cosine 0.53 with the bare KL window, 0.958 with
 * this floor, 0.938 with min-max).
 */
export function guardedEntropyRange(h: DyadicHistogram): TensorRange {
  const e = entropyRange(h);
  const p = percentileRange(h, ENTROPY_FLOOR_PERCENTILE);
  return { min: Math.min(e.min, p.min), max: Math.max(e.max, p.max) };
}

/** The percentile range entropy calibration never cuts into. */
export const ENTROPY_FLOOR_PERCENTILE = 99.999;

/** The running statistic a method needs, and how it turns into a range. */
export interface TensorStat {
  add(values: Float32Array): void;
  /** Present when a sample's finite min and max are all the statistic needs (min-max). */
  addRange?(min: number, max: number): void;
  /** Present for histograms: add() of values known finite, whose min and max onnxruntime reduced. */
  addFinite?(values: Float32Array, min: number, max: number): void;
  range(): TensorRange;
  readonly stateBytes: number;
}

export function createStat(method: CalibrationMethod, percentile = DEFAULT_PERCENTILE): TensorStat {
  if (method === 'minmax') {
    const s = new MinMaxStat();
    return { add: (v) => s.add(v), addRange: (lo, hi) => s.addRange(lo, hi), range: () => s.range(), stateBytes: 16 };
  }
  const h = new DyadicHistogram();
  return {
    add: (v) => h.add(v),
    addFinite: (v, lo, hi) => h.addFinite(v, lo, hi),
    range: () => (method === 'percentile' ? percentileRange(h, percentile) : guardedEntropyRange(h)),
    get stateBytes() { return h.stateBytes + 16; },
  };
}

/** Rows ChannelMoments.add takes at a time. */
const MOMENT_ROWS = 64;
/** ChannelMoments' scratch, shared (one add runs at a time): `block` channels × MOMENT_ROWS rows. */
let MOMENT_TILE = new Float64Array(32 * MOMENT_ROWS);

/**
 * Per-channel second moments of one activation, for activation-aware weight quantization (int4 `awq`):
 * E[x_k²] over every position of every sample, k the last axis (the K a MatMul reduces over), and with
 * `block` > 1 also E[x_i·x_j] for i, j in the same block of `block` channels (the diagonal blocks of the
 * layer's input Hessian XᵀX, which awq's error feedback uses). K·block doubles of state whatever the number
 * of samples or the sequence length.
 */
export class ChannelMoments {
  /** Row i: Σ x_i·x_j for j = blockStart(i) + jj, jj < block (block 1: Σ x_i²). */
  readonly sums: Float64Array;
  /** Σ x_i per channel (non-finite as 0): E[x], for the bias correction of int4 awq / gptq. */
  readonly firstSums: Float64Array;
  /** Rows (positions) folded in. */
  rows = 0;

  constructor(readonly channels: number, readonly block = 1) {
    this.sums = new Float64Array(channels * block);
    this.firstSums = new Float64Array(channels);
    if (block * MOMENT_ROWS > MOMENT_TILE.length) MOMENT_TILE = new Float64Array(block * MOMENT_ROWS);
  }

  add(values: Float32Array): void {
    const k = this.channels;
    const b = this.block;
    if (values.length % k !== 0) throw new Error(`channel moments: ${values.length} values are not rows of ${k}`);
    const rows = values.length / k;
    const s = this.sums;
    const first = this.firstSums;
    const tile = MOMENT_TILE;
    // MOMENT_ROWS rows at a time, block by block: the block's columns of those rows are copied to `tile`
    // (channel-major, 16 KiB at block 32, in L1) and each Σ x_i·x_j runs down a contiguous column, its
    // partial sum in a register. Token by token over the whole K×block table (what this did before) streamed
    // 0.2–0.8 MB of sums through the cache for every row. Each sum still adds its products row by row in
    // sample order, so the result is the same to the bit; a zero x adds ±0, which leaves a sum unchanged
    // (a sum of products is never −0).
    for (let r0 = 0; r0 < rows; r0 += MOMENT_ROWS) {
      const n = Math.min(rows, r0 + MOMENT_ROWS) - r0;
      for (let b0 = 0; b0 < k; b0 += b) {
        const len = Math.min(k, b0 + b) - b0;
        for (let r = 0; r < n; r++) {
          const at = (r0 + r) * k + b0;
          // NaN/Inf (a masked position's -inf, say) would poison the channel: counted as 0.
          for (let i = 0; i < len; i++) {
            const x = values[at + i]!;
            const v = Number.isFinite(x) ? x : 0;
            tile[i * MOMENT_ROWS + r] = v;
            first[b0 + i]! += v;
          }
        }
        for (let i = 0; i < len; i++) {
          const ti = i * MOMENT_ROWS;
          const base = (b0 + i) * b; // row b0 + i of the sums; column j of it is channel b0 + j
          let j = i;
          // Four sums at a time share each load of x_i (and four independent add chains).
          for (; j + 3 < len; j += 4) {
            const tj = j * MOMENT_ROWS;
            let a0 = s[base + j]!;
            let a1 = s[base + j + 1]!;
            let a2 = s[base + j + 2]!;
            let a3 = s[base + j + 3]!;
            for (let r = 0; r < n; r++) {
              const x = tile[ti + r]!;
              a0 += x * tile[tj + r]!;
              a1 += x * tile[tj + MOMENT_ROWS + r]!;
              a2 += x * tile[tj + 2 * MOMENT_ROWS + r]!;
              a3 += x * tile[tj + 3 * MOMENT_ROWS + r]!;
            }
            s[base + j] = a0;
            s[base + j + 1] = a1;
            s[base + j + 2] = a2;
            s[base + j + 3] = a3;
          }
          for (; j < len; j++) {
            const tj = j * MOMENT_ROWS;
            let a0 = s[base + j]!;
            for (let r = 0; r < n; r++) a0 += tile[ti + r]! * tile[tj + r]!;
            s[base + j] = a0;
          }
        }
      }
    }
    this.rows += rows;
  }

  /**
   * Folds in one sample's Gram blocks computed in onnxruntime (calibrate.ts, in-graph moments): `gram` is
   * [K / block, block, block], Σ over the sample's `rows` rows of x_i·x_j within each block, the layout of
   * `sums`; `sums` the sample's Σ x_i per channel. Only j ≥ i is kept, as add() fills it. The products were summed in float32 over the sample's
   * rows (one sample: 128 tokens, say), the samples are summed here in double.
   */
  addGram(gram: Float32Array, rows: number, sums: Float32Array): void {
    const k = this.channels;
    const b = this.block;
    // A block wider than the channels (gptq's span over a smaller K) is one block of all K: its Gram is
    // k × k, kept in rows of `block` as add() keeps it.
    const g = Math.min(b, k);
    if (gram.length !== k * g || k % g !== 0) throw new Error(`channel moments: a Gram of ${gram.length} values is not ${k / g} blocks of ${g}×${g}`);
    const s = this.sums;
    for (let i = 0; i < k; i++) {
      const from = i * g;
      const to = i * b;
      for (let jj = i % g; jj < g; jj++) s[to + jj]! += gram[from + jj]!;
    }
    if (sums.length !== k) throw new Error(`channel moments: ${sums.length} channel sums for ${k} channels`);
    for (let i = 0; i < k; i++) this.firstSums[i]! += sums[i]!;
    this.rows += rows;
  }

  /** E[x_k] per channel (zeros before any sample). */
  firstMeans(): Float32Array {
    const out = new Float32Array(this.channels);
    if (this.rows) for (let i = 0; i < this.channels; i++) out[i] = this.firstSums[i]! / this.rows;
    return out;
  }

  /** E[x_k²] per channel (zeros before any sample). */
  means(): Float32Array {
    const out = new Float32Array(this.channels);
    const b = this.block;
    if (this.rows) for (let i = 0; i < this.channels; i++) out[i] = this.sums[i * b + (i % b)]! / this.rows;
    return out;
  }

  /** E[x_i·x_j] within blocks, both triangles filled: row i holds j = blockStart(i) … + block − 1. */
  blockMeans(): Float32Array {
    const b = this.block;
    const out = new Float32Array(this.channels * b);
    if (!this.rows) return out;
    for (let i = 0; i < this.channels; i++) {
      const b0 = i - (i % b);
      for (let j = i; j < Math.min(this.channels, b0 + b); j++) {
        const v = this.sums[i * b + j - b0]! / this.rows;
        out[i * b + j - b0] = v;
        out[j * b + i - b0] = v;
      }
    }
    return out;
  }

  get stateBytes(): number {
    return this.sums.byteLength + this.firstSums.byteLength + 8;
  }
}
