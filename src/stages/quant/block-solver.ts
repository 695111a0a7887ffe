/**
 * The scale and zero point of one quantization block, and its codes: round-to-nearest with the block's
 * range (RTN, onnxruntime's MLAS numerics, bit for bit), or the minimum-squared-error search (`mse`).
 *
 * Codes are what MatMulNBits / GatherBlockQuantized store; the kernels dequantize (code − zp) · scale in
 * float32 (ORT docs/ContribOperators.md), with zp = 2^(bits−1) when there is no zero_points input.
 *
 * RTN (MLAS q4_dq.cpp `range2scale` / `range2scalezp`, generalised to `bits` as MLAS does for 8-bit):
 * - symmetric: m = the block value of largest magnitude *with its sign*; scale = −m / 2^(bits−1), so m
 *   lands on code 0 (the longer, negative side of the two's-complement range).
 * - asymmetric: range widened to include 0; scale = (max − min) / (2^bits − 1); zp = roundf(−min / scale)
 *   clamped, from the float32 scale; the scale then rounds to its storage type.
 * - code = clamp(roundf(v · (1/scale) + zp)), in float32; roundf = half away from zero.
 *
 * MSE: RTN's max/min maps the extreme value exactly and spends the grid's resolution on one outlier. The
 * search instead tries a few clipped ranges (symmetric: the largest magnitude on the −2^(bits−1) side or
 * on the +2^(bits−1)−1 side, each at CLIP ratios; asymmetric: min and max each shrunk by the CLIP ratios),
 * keeps the one with the least Σ(v − v̂)², then alternates least-squares updates: with the codes fixed, the
 * best scale (and, asymmetric, offset) is a linear regression; with them fixed, the best codes are the
 * nearest ones. Every update is kept only when the error drops, so MSE is never worse than RTN on any
 * block (RTN's own parameters are the first candidate; candidates are ranked in double precision, the
 * kept one encoded exactly). Same format, same size: only the numbers differ.
 *
 * Measured on all-MiniLM-L6-v2 (bench/int4.ts, block 32): squared-error ranking beats |e|^1 and HQQ's
 * |e|^0.7 here (output error −3 % vs +6 % and +11 % against RTN), and forcing each block's errors to sum
 * to zero (what HQQ's float zero point gives) made it worse (+7 %): neither is used.
 *
 * `imp` (optional) weighs each value's error (activation-aware rounding: Σ a_k e_k² with a_k the second
 * moment of the activation row k multiplies). The stage does not pass one yet: a data-free estimate from
 * the preceding layer norm's γ² + β² was tried on MiniLM and did not help (sym −3.7 %, asym −4.7 % against
 * −3.2 % / −10.6 % without); calibration-measured moments are the way to feed it.
 */

const f32 = Math.fround;

/**
 * `awq` is mse on activation-scaled rows with activation-weighted errors (awq.ts); the block fit is mse's.
 * `gptq` is awq with its error feedback spanning several blocks (span-feedback.ts).
 */
export type QuantMethod = 'rtn' | 'mse' | 'awq' | 'gptq';
export const QUANT_METHODS: readonly QuantMethod[] = ['rtn', 'mse', 'awq', 'gptq'];

export interface BlockSpec {
  bits: 4 | 8;
  symmetric: boolean;
  method: QuantMethod;
  /** Rounds a float32 scale to its storage type (identity for float32, fp16 rounding for float16). */
  store: (s: number) => number;
}

/** Result of one block: scale as stored, integer zero point, squared reconstruction error. */
export interface BlockFit {
  scale: number;
  zp: number;
  sqErr: number;
}

/**
 * Clip ratios tried by the MSE search (1 = RTN's range). Five were as good as 21 on normal, Laplace and t(3)
 * blocks of 32. The likeliest winners go first: a good bound early lets the others stop after a few values.
 */
const CLIP = Float64Array.of(0.9, 0.85, 0.95, 1, 0.8);
/** (min, max) shrink pairs tried for asymmetric blocks, past RTN's (1, 1). */
const ASYMMETRIC_CLIP = Float64Array.of(0.9, 1, 1, 0.9, 0.9, 0.9, 0.8, 1, 1, 0.8, 0.8, 0.9, 0.9, 0.8, 0.8, 0.8);
/** Least-squares refinements after the grid (each re-rounds the codes; a second one rarely gains more). */
const REFINE = 1;

/** C's roundf: half away from zero. */
export function roundHalfAway(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

/** roundf(v · rs + zp) clamped to [0, maxq], in float32 as MLAS computes it. */
function code(v: number, rs: number, zp: number, maxq: number): number {
  const y = f32(f32(v * rs) + zp);
  const q = y < 0 ? 0 : Math.floor(y + 0.5);
  return q > maxq ? maxq : q;
}

/** Codes of v[0, len) at (scale, zp) into `codes`; returns Σ(v − (code − zp)·scale)². */
function encode(v: Float32Array, len: number, scale: number, zp: number, maxq: number, codes: Uint8Array): number {
  const rs = scale !== 0 ? f32(1 / scale) : 0;
  let err = 0;
  for (let i = 0; i < len; i++) {
    const c = code(v[i]!, rs, zp, maxq);
    codes[i] = c;
    const d = v[i]! - (c - zp) * scale;
    err += d * d;
  }
  return err;
}

/**
 * Σ(v − v̂)² at (scale, zp) in double precision, for ranking candidates (the kept one is re-encoded
 * exactly); stops once the sum passes `bound`, as a candidate worse than the best so far needs no more.
 */
function errorBelow(v: Float32Array, len: number, scale: number, zp: number, maxq: number, bound: number, imp: Float32Array | undefined): number {
  const rs = 1 / scale;
  let err = 0;
  for (let i = 0; i < len; i++) {
    const x = v[i]!;
    let q = Math.floor(x * rs + zp + 0.5);
    q = q < 0 ? 0 : q > maxq ? maxq : q;
    const d = x - (q - zp) * scale;
    err += imp === undefined ? d * d : imp[i]! * d * d;
    if (err >= bound) return err;
  }
  return err;
}

/** Scratch for (scale, zp) pairs: one per module, so a block allocates nothing for them. */
const PAIR = new Float64Array(2);

/** MLAS's asymmetric parameters for the range [min, max] (widened to include 0), into `out`. */
function asymmetricInto(min: number, max: number, maxq: number, store: (s: number) => number, out: Float64Array): void {
  min = Math.min(min, 0);
  max = Math.max(max, 0);
  const scaleF = f32(f32(max - min) / maxq);
  let zp = 0;
  if (scaleF !== 0) {
    const zpf = f32(0 - f32(min / scaleF));
    zp = zpf < 0 ? 0 : zpf > maxq ? maxq : roundHalfAway(zpf);
  }
  out[0] = store(scaleF);
  out[1] = zp;
}

/** The RTN parameters (scale, zp) of a block spanning [min, max], into `out`. */
export function rtnParams(min: number, max: number, bits: 4 | 8, symmetric: boolean, store: (s: number) => number, out: Float64Array): void {
  const mid = 1 << (bits - 1);
  if (symmetric) {
    const m = Math.abs(max) > Math.abs(min) ? max : min;
    out[0] = store(f32(-m / mid));
    out[1] = mid;
    return;
  }
  asymmetricInto(min, max, (1 << bits) - 1, store, out);
}

/**
 * Fits one block v[0, len): writes its codes to `codes[0, len)` and returns scale, zp and squared error.
 * `work` is scratch of at least `len` bytes.
 */
export function fitBlock(v: Float32Array, len: number, spec: BlockSpec, codes: Uint8Array, work: Uint8Array, imp?: Float32Array): BlockFit {
  const { bits, symmetric, store } = spec;
  const maxq = (1 << bits) - 1;
  const mid = 1 << (bits - 1);
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < len; i++) {
    const x = v[i]!;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  rtnParams(min, max, bits, symmetric, store, PAIR);
  let scale = PAIR[0]!;
  let zp = PAIR[1]!;
  if (spec.method === 'rtn' || scale === 0) return { scale, zp, sqErr: encode(v, len, scale, zp, maxq, codes) };

  // Grid of clipped ranges, ranked in double precision; the first candidate is RTN's own. (Plain loops,
  // no closures or array destructuring: this runs ~10 times per block on every weight of the model.)
  let best = errorBelow(v, len, scale, zp, maxq, Infinity, imp);
  if (best === 0) return { scale, zp, sqErr: encode(v, len, scale, zp, maxq, codes) }; // exact already
  if (symmetric) {
    const m = Math.abs(max) > Math.abs(min) ? max : min;
    for (let c = 0; c < 2 * CLIP.length; c++) {
      const r = CLIP[c >> 1]!;
      if (r === 1 && !(c & 1)) continue; // RTN itself, measured above
      const s = store(f32(c & 1 ? (m / (mid - 1)) * r : (-m / mid) * r)); // odd: m on the short, positive side
      const e = errorBelow(v, len, s, mid, maxq, best, imp);
      if (e < best) {
        best = e;
        scale = s;
      }
    }
  } else {
    const pair = PAIR;
    for (let c = 0; c < ASYMMETRIC_CLIP.length; c += 2) {
      asymmetricInto(min * ASYMMETRIC_CLIP[c]!, max * ASYMMETRIC_CLIP[c + 1]!, maxq, store, pair);
      const e = pair[0] === 0 ? Infinity : errorBelow(v, len, pair[0]!, pair[1]!, maxq, best, imp);
      if (e < best) {
        best = e;
        scale = pair[0]!;
        zp = pair[1]!;
      }
    }
  }

  // Alternating least squares: codes fixed → best scale (and offset); then re-round (codes in `work`).
  for (let it = 0; it < REFINE; it++) {
    roughCodes(v, len, scale, zp, maxq, work);
    let s: number;
    let z = zp;
    if (symmetric) {
      let num = 0;
      let den = 0;
      for (let i = 0; i < len; i++) {
        const q = work[i]! - zp;
        const a = imp ? imp[i]! : 1;
        num += a * v[i]! * q;
        den += a * q * q;
      }
      if (den === 0) break;
      s = store(f32(num / den));
    } else {
      // v ≈ s·c + t over codes c: ordinary least squares, then zp = round(−t / s) in range.
      let sa = 0, sc = 0, sv = 0, scc = 0, scv = 0;
      for (let i = 0; i < len; i++) {
        const c = work[i]!;
        const a = imp ? imp[i]! : 1;
        sa += a; sc += a * c; sv += a * v[i]!; scc += a * c * c; scv += a * c * v[i]!;
      }
      const det = sa * scc - sc * sc;
      if (det === 0) break;
      const slope = (sa * scv - sc * sv) / det;
      s = store(f32(slope));
      if (s === 0) break;
      const zr = roundHalfAway(-((sv - slope * sc) / sa) / s);
      z = zr < 0 ? 0 : zr > maxq ? maxq : zr;
    }
    if (s === 0 || !Number.isFinite(s)) break;
    const e = errorBelow(v, len, s, z, maxq, best, imp);
    if (!(e < best)) break;
    best = e;
    scale = s;
    zp = z;
  }
  return { scale, zp, sqErr: encode(v, len, scale, zp, maxq, codes) };
}

/** The nearest codes at (scale, zp) in double precision (for the least-squares step only). */
function roughCodes(v: Float32Array, len: number, scale: number, zp: number, maxq: number, out: Uint8Array): void {
  const rs = 1 / scale;
  for (let i = 0; i < len; i++) {
    const q = Math.floor(v[i]! * rs + zp + 0.5);
    out[i] = q < 0 ? 0 : q > maxq ? maxq : q;
  }
}
