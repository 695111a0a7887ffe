/**
 * float32 → IEEE 754 binary16 payloads for the fp16 stage (the bit conversion itself is
 * src/onnx/float16.ts: round to nearest, ties to even, as numpy and ORT's MLFloat16), and the clamp onnxconverter-common's float16 converter applies before converting
 * (`convert_np_to_float16`): finite values beyond the fp16 range become ±max instead of ±inf, and
 * non-zero values too small for fp16 become ±(smallest subnormal) instead of 0, so sign and
 * "non-zero-ness" survive (a zero variance epsilon would turn LayerNorm into a division by zero).
 */
import { fromFloat16Bits, toFloat16Bits } from '../onnx/float16.js';

export const FP16_MAX = 65504;
/** Smallest positive fp16 subnormal, 2^-24. */
export const FP16_MIN_SUBNORMAL = 2 ** -24;

// Re-exported: tests and src/runtime/input-meta.ts import them from here.
export { fromFloat16Bits, toFloat16Bits };

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
