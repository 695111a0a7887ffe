/**
 * float32 ⇄ IEEE 754 binary16 (round to nearest, ties to even — what numpy's float16 cast and ORT's
 * MLFloat16 do), and the clamp onnxconverter-common's float16 converter applies before converting
 * (`convert_np_to_float16`): finite values beyond the fp16 range become ±max instead of ±inf, and
 * non-zero values too small for fp16 become ±(smallest subnormal) instead of 0, so sign and
 * "non-zero-ness" survive (a zero variance epsilon would turn LayerNorm into a division by zero).
 */

export const FP16_MAX = 65504;
/** Smallest positive fp16 subnormal, 2^-24. */
export const FP16_MIN_SUBNORMAL = 2 ** -24;

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** Bits of the fp16 nearest to `x` (ties to even; overflow → inf; NaN stays NaN). */
export function toFloat16Bits(x: number): number {
  f32[0] = x;
  const b = u32[0]!;
  const sign = (b >>> 16) & 0x8000;
  const exp = (b >>> 23) & 0xff;
  let mant = b & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant ? 0x200 : 0); // inf / NaN
  let e = exp - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00; // overflow
  if (e <= 0) {
    // subnormal (or zero): shift the implicit 1 in, round to nearest even
    if (e < -10) return sign;
    mant |= 0x800000;
    const shift = 14 - e;
    const half = 1 << (shift - 1);
    let m = mant >>> shift;
    const rest = mant & ((1 << shift) - 1);
    if (rest > half || (rest === half && m & 1)) m++;
    return sign | m; // m may carry into the exponent field: that is the right answer (smallest normal)
  }
  let m = mant >>> 13;
  const rest = mant & 0x1fff;
  if (rest > 0x1000 || (rest === 0x1000 && m & 1)) {
    m++;
    if (m === 0x400) { m = 0; e++; if (e >= 0x1f) return sign | 0x7c00; }
  }
  return sign | (e << 10) | m;
}

export function fromFloat16Bits(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const e = (h >>> 10) & 0x1f;
  const m = h & 0x3ff;
  if (e === 0) return sign * m * 2 ** -24;
  if (e === 0x1f) return m ? NaN : sign * Infinity;
  return sign * (1 + m / 1024) * 2 ** (e - 15);
}

/** The converter's clamp: keeps sign and finiteness through the cast. NaN, ±0 and ±inf pass unchanged. */
export function clampForFloat16(x: number, minPositive = FP16_MIN_SUBNORMAL, maxFinite = FP16_MAX): number {
  if (x > 0 && x < minPositive) return minPositive;
  if (x < 0 && x > -minPositive) return -minPositive;
  if (x > maxFinite && x !== Infinity) return maxFinite;
  if (x < -maxFinite && x !== -Infinity) return -maxFinite;
  return x;
}

/** float32 payload (raw LE bytes) → clamped fp16 payload; counts values the clamp changed. */
export function float32BytesToFloat16(raw: Uint8Array): { bytes: Uint8Array; clamped: number } {
  const n = raw.length >>> 2;
  const dv = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const out = new Uint16Array(n);
  let clamped = 0;
  for (let i = 0; i < n; i++) {
    const v = dv.getFloat32(i * 4, true);
    const c = clampForFloat16(v);
    if (c !== v) clamped++;
    out[i] = toFloat16Bits(c);
  }
  return { bytes: new Uint8Array(out.buffer), clamped };
}

/** Rounds a number to the nearest fp16 value (as a JS number). */
export function roundToFloat16(x: number): number {
  return fromFloat16Bits(toFloat16Bits(x));
}
