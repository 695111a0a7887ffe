/**
 * Linear 8-bit quantization numerics, pure functions only (no ONNX types), so they can be tested alone.
 *
 * They reproduce onnxruntime.quantization (quant_utils.py: get_qmin_qmax_for_qType, compute_scale_zp,
 * quantize_nparray, quantize_data) bit for bit, so a model quantized here holds the same bytes as one
 * quantized by ORT's Python tool:
 * - the real range is widened to include 0 (rmin ≤ 0 ≤ rmax);
 * - symmetric: the range becomes [-absmax, absmax], the zero point is round((qmin + qmax) / 2) (0 for int8);
 * - scale = (rmax - rmin) / (qmax - qmin), the difference taken in float32, the division in float64, the
 *   result stored as float32; a scale below float32's smallest normal becomes 1 with zero point 0;
 * - asymmetric zero point = round(qmin - rmin / scale) with the float64 scale;
 * - q = clip(round(float32(w / scale)) + zero_point), rounding half to even (numpy.round), the divide done
 *   in float32, clipped to [-127, 127] for int8 and [0, 255] for uint8.
 */

export type Int8Type = 'int8' | 'uint8';

export interface QuantRange {
  qmin: number;
  qmax: number;
}

export interface QuantParams {
  /** A float32 value (already rounded with Math.fround). */
  scale: number;
  zeroPoint: number;
}

export interface QuantOptions {
  type: Int8Type;
  symmetric: boolean;
  /** 7-bit ranges (ORT's reduce_range): int8 [-64, 64], uint8 [0, 127]. */
  reduceRange: boolean;
}

/** Quantized values with one scale/zero point per channel (one entry when per-tensor). */
export interface QuantizedData {
  values: Int8Array | Uint8Array;
  scales: Float32Array;
  zeroPoints: Int8Array | Uint8Array;
}

/** float32's smallest positive normal value (numpy.finfo(float32).tiny). */
const FLOAT32_TINY = 1.1754943508222875e-38;

/** Integer range of a quantized type, as ORT's get_qmin_qmax_for_qType chooses it. */
export function quantRange(type: Int8Type, symmetric: boolean, reduceRange: boolean): QuantRange {
  if (reduceRange) return type === 'int8' ? { qmin: -64, qmax: 64 } : { qmin: 0, qmax: 127 };
  if (type === 'int8') return symmetric ? { qmin: -127, qmax: 127 } : { qmin: -128, qmax: 127 };
  return { qmin: 0, qmax: 255 };
}

/** Bounds quantize_nparray clips to (it always asks for the symmetric, full range). */
function clipRange(type: Int8Type): QuantRange {
  return type === 'int8' ? { qmin: -127, qmax: 127 } : { qmin: 0, qmax: 255 };
}

/** 1.5·2^52: adding it leaves no fraction bits, so the FPU's own ties-to-even rounding does the work. */
const ROUND_MAGIC = 6755399441055744;

/**
 * Rounds to the nearest integer, ties to even (numpy.round, IEEE roundTiesToEven). For |x| < 2^51,
 * (x + 1.5·2^52) − 1.5·2^52 is exactly that (and several times faster than Math.round plus a tie fix);
 * larger doubles are integers already.
 */
export function roundHalfEven(x: number): number {
  if (!(Math.abs(x) < 2 ** 51)) return x;
  const r = x + ROUND_MAGIC - ROUND_MAGIC;
  return r === 0 ? 0 * x : r; // keep the sign of zero, as numpy does
}

/** compute_scale_zp for one real range [rmin, rmax] (float32 values). */
export function computeScaleZeroPoint(rmin: number, rmax: number, range: QuantRange, symmetric: boolean): QuantParams {
  const { qmin, qmax } = range;
  let lo = Math.min(rmin, 0);
  let hi = Math.max(rmax, 0);
  if (symmetric) {
    const absmax = Math.max(Math.abs(lo), Math.abs(hi));
    lo = -absmax;
    hi = absmax;
  }
  // rmax - rmin is a float32 subtraction in ORT (both are float32 scalars); only then is it widened.
  const dr = Math.fround(hi - lo);
  const scale64 = dr / (qmax - qmin);
  if (scale64 < FLOAT32_TINY) return { scale: 1, zeroPoint: 0 };
  const zeroPoint = symmetric ? roundHalfEven((qmin + qmax) / 2) : roundHalfEven(qmin - lo / scale64);
  return { scale: Math.fround(scale64), zeroPoint };
}

/**
 * Smallest and largest value; NaN when the data holds a NaN or ±Infinity. Callers check this first and
 * skip such tensors: the quantizers below assume finite data.
 */
export function minMax(data: Float32Array): { min: number; max: number } {
  if (data.length === 0) return { min: 0, max: 0 };
  let min = data[0]!;
  let max = min;
  for (let i = 1; i < data.length; i++) {
    const v = data[i]!;
    // One compare for most values; a NaN fails both `v < min` and `v <= max`, then `v > max` too.
    if (v < min) min = v;
    else if (!(v <= max)) {
      if (v > max) max = v;
      else return { min: NaN, max: NaN };
    }
  }
  if (min !== min || min === -Infinity || max === Infinity) return { min: NaN, max: NaN };
  return { min, max };
}

/**
 * q = clip(round(float32(v / scale)) + zeroPoint) (numpy's quantize_nparray) over data[start, end) into
 * out: the hot loop (tens of millions of weights). The float64 quotient of two float32 values, rounded
 * once to float32, is the float32 quotient.
 */
function quantizeSpan(data: Float32Array, start: number, end: number, scale: number, zeroPoint: number, clip: QuantRange, out: Int8Array | Uint8Array): void {
  const lo = clip.qmin;
  const hi = clip.qmax;
  for (let i = start; i < end; i++) {
    // roundHalfEven inlined without its guards: they only matter for |x| ≥ 2^51 (the sum stays beyond
    // the clip bounds either way) and for the sign of a zero (gone once stored as an integer).
    const r = Math.fround(data[i]! / scale) + ROUND_MAGIC - ROUND_MAGIC + zeroPoint;
    out[i] = r < lo ? lo : r > hi ? hi : r;
  }
}

function allocate(type: Int8Type, n: number): Int8Array | Uint8Array {
  return type === 'int8' ? new Int8Array(n) : new Uint8Array(n);
}

/**
 * Per-tensor quantization (quantize_data): one scale and zero point for all of `data`. `range` is
 * minMax(data) when the caller has it already (a finiteness check just computed it).
 */
export function quantizePerTensor(data: Float32Array, opts: QuantOptions, range = minMax(data)): QuantizedData {
  const { min, max } = range;
  const params = computeScaleZeroPoint(min, max, quantRange(opts.type, opts.symmetric, opts.reduceRange), opts.symmetric);
  const clip = clipRange(opts.type);
  const values = allocate(opts.type, data.length);
  quantizeSpan(data, 0, data.length, params.scale, params.zeroPoint, clip, values);
  const zeroPoints = allocate(opts.type, 1);
  zeroPoints[0] = params.zeroPoint;
  return { values, scales: Float32Array.of(params.scale), zeroPoints };
}

/**
 * Per-channel quantization along `axis` of a row-major tensor of shape `dims` (ORT's
 * quantize_weight_per_channel: quantize_data on each slice `weights.take(c, axis)`). Two linear passes
 * over memory, whatever the axis: ranges first, then values.
 */
export function quantizePerAxis(data: Float32Array, dims: readonly number[], axis: number, opts: QuantOptions): QuantizedData {
  const channels = dims[axis] ?? 1;
  let inner = 1;
  for (let d = axis + 1; d < dims.length; d++) inner *= dims[d]!;
  const outer = channels * inner === 0 ? 0 : data.length / (channels * inner);
  const mins = new Float64Array(channels).fill(Infinity);
  const maxs = new Float64Array(channels).fill(-Infinity);
  for (let o = 0, i = 0; o < outer; o++) {
    for (let c = 0; c < channels; c++) {
      let lo = mins[c]!;
      let hi = maxs[c]!;
      for (let k = 0; k < inner; k++, i++) {
        const v = data[i]!;
        if (v < lo) lo = v;
        if (v > hi) hi = v;
        if (v !== v) { lo = NaN; hi = NaN; }
      }
      mins[c] = lo;
      maxs[c] = hi;
    }
  }
  const range = quantRange(opts.type, opts.symmetric, opts.reduceRange);
  const params: QuantParams[] = [];
  for (let c = 0; c < channels; c++) {
    const empty = mins[c] === Infinity; // no elements: ORT uses rmin = rmax = 0
    params.push(computeScaleZeroPoint(empty ? 0 : mins[c]!, empty ? 0 : maxs[c]!, range, opts.symmetric));
  }
  const clip = clipRange(opts.type);
  const values = allocate(opts.type, data.length);
  for (let o = 0, i = 0; o < outer; o++) {
    for (let c = 0; c < channels; c++, i += inner) quantizeSpan(data, i, i + inner, params[c]!.scale, params[c]!.zeroPoint, clip, values);
  }
  const zeroPoints = allocate(opts.type, channels);
  params.forEach((p, c) => { zeroPoints[c] = p.zeroPoint; });
  return { values, scales: Float32Array.from(params, (p) => p.scale), zeroPoints };
}

/** w ≈ scale · (q - zeroPoint), per tensor (for tests and error estimates). */
export function dequantize(q: ArrayLike<number>, params: QuantParams): Float32Array {
  const out = new Float32Array(q.length);
  for (let i = 0; i < q.length; i++) out[i] = params.scale * (q[i]! - params.zeroPoint);
  return out;
}
