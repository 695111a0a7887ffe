/**
 * Blockwise 4-bit quantization, numerics as onnxruntime's MLAS reference (onnxruntime/core/mlas/lib/
 * q4_dq.cpp, `BlockwiseQuantizer::quantizeAndTranspose`, which `matmul_nbits_quantizer.py` calls for
 * MatMulNBits), so our packed weights equal what ORT's own tool writes:
 *
 * - symmetric (`range2scale`): take the block value with the largest magnitude *with its sign*, `m`;
 *   scale = -m / 8. The largest-magnitude value lands on code 0 (= -8 after the implicit zero point 8),
 *   using the side of the range that 4-bit two's complement makes longer.
 * - asymmetric (`range2scalezp`): range widened to include 0; scale = (max - min) / 15;
 *   zero point = roundf(-min / scale) clamped to [0, 15] (0 when the scale is 0).
 * - code = clamp(roundf(v * (1/scale) + zp), 0, 15), in float32, roundf = round half away from zero;
 *   1/scale is 0 when the scale is 0.
 * - packing: element k of a row goes to byte k/2, even k in the low nibble. Padding nibbles (K rounded
 *   up to a whole block) are 0 and padding zero-point nibbles are 8, as ORT's buffers hold them.
 *
 * All pure; rows are the quantization direction (MatMulNBits: the N columns of B; embeddings: the rows
 * of the table).
 */

const f32 = Math.fround;

/** C's roundf: half away from zero. */
export function roundHalfAway(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

export interface Int4Blocks {
  /** Packed codes, `rows` rows of `rowBytes` bytes. */
  data: Uint8Array;
  /** [rows, kBlocks] scales as stored (already rounded to the scale type). */
  scales: Float32Array;
  /** [rows, ceil(kBlocks / 2)] packed zero points (asymmetric only). */
  zeroPoints?: Uint8Array;
  kBlocks: number;
  rowBytes: number;
}

export interface Int4Options {
  blockSize: number;
  symmetric: boolean;
  /** Pad each row to whole blocks (MatMulNBits layout [N, kBlocks, blockSize/2]); else ceil(K/2) bytes a row. */
  padToBlock: boolean;
  /** Rounds a float32 scale to its storage type (identity for float32, fp16 rounding for float16). */
  storeScale?: (s: number) => number;
}

/** Scale and zero point of one block [from, to) of `src`, written to `out` (no allocation per block). */
function blockParams(src: Float32Array, from: number, to: number, symmetric: boolean, store: (s: number) => number, out: Float64Array): void {
  let min = Infinity;
  let max = -Infinity;
  for (let i = from; i < to; i++) {
    const v = src[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (symmetric) {
    const m = Math.abs(max) > Math.abs(min) ? max : min;
    out[0] = store(f32(-m / 8));
    out[1] = 8;
    return;
  }
  min = Math.min(min, 0);
  max = Math.max(max, 0);
  const scaleF = f32(f32(max - min) / 15);
  let zp = 0;
  if (scaleF !== 0) {
    const zpf = f32(0 - f32(min / scaleF));
    zp = zpf < 0 ? 0 : zpf > 15 ? 15 : roundHalfAway(zpf);
  }
  // MLAS computes the zero point from the float32 scale, then stores the scale in its own type.
  out[0] = store(scaleF);
  out[1] = zp;
}

/**
 * Quantizes `rows` rows of `k` values each (row-major in `src`) in blocks of `blockSize` along k.
 */
export function quantizeRows4(src: Float32Array, rows: number, k: number, opts: Int4Options): Int4Blocks {
  const { blockSize, symmetric } = opts;
  const store = opts.storeScale ?? f32;
  const kBlocks = Math.ceil(k / blockSize);
  const rowBytes = opts.padToBlock ? (kBlocks * blockSize) / 2 : Math.ceil(k / 2);
  const zpRowBytes = Math.ceil(kBlocks / 2);
  const data = new Uint8Array(rows * rowBytes);
  const scales = new Float32Array(rows * kBlocks);
  const zeroPoints = symmetric ? undefined : new Uint8Array(rows * zpRowBytes).fill(0x88);
  const params = new Float64Array(2);
  for (let r = 0; r < rows; r++) {
    const rowStart = r * k;
    const out = r * rowBytes;
    for (let b = 0; b < kBlocks; b++) {
      const from = rowStart + b * blockSize;
      const to = rowStart + Math.min(k, (b + 1) * blockSize);
      blockParams(src, from, to, symmetric, store, params);
      const scale = params[0]!;
      const zp = params[1]!;
      scales[r * kBlocks + b] = scale;
      if (zeroPoints) {
        const zi = r * zpRowBytes + (b >> 1);
        zeroPoints[zi] = b & 1 ? (zeroPoints[zi]! & 0x0f) | (zp << 4) : (zeroPoints[zi]! & 0xf0) | zp;
      }
      const rs = scale !== 0 ? f32(1 / scale) : 0;
      for (let i = from; i < to; i++) {
        // roundf(v * rs + zp) in float32; the sum is ≥ 0 except for codes that clamp to 0 anyway
        const y = f32(f32(src[i]! * rs) + zp);
        const q = y < 0 ? 0 : Math.floor(y + 0.5);
        const code = q > 15 ? 15 : q;
        const kk = i - rowStart;
        data[out + (kk >> 1)]! |= kk & 1 ? code << 4 : code;
      }
    }
  }
  return { data, scales, zeroPoints, kBlocks, rowBytes };
}

/** [rows, cols] row-major → [cols, rows] (MatMul's B is [K, N]; MatMulNBits wants N rows of K). */
export function transpose2d(src: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(rows * cols);
  const T = 32; // tiles keep both sides in cache for big matrices
  for (let r0 = 0; r0 < rows; r0 += T) {
    const r1 = Math.min(rows, r0 + T);
    for (let c0 = 0; c0 < cols; c0 += T) {
      const c1 = Math.min(cols, c0 + T);
      for (let r = r0; r < r1; r++) {
        for (let c = c0; c < c1; c++) out[c * rows + r] = src[r * cols + c]!;
      }
    }
  }
  return out;
}
