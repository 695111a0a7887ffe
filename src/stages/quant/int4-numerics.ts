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

/** Scale and zero point of a block whose values span [min, max], written to `out` (no allocation). */
function rangeParams(min: number, max: number, symmetric: boolean, store: (s: number) => number, out: Float64Array): void {
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

/** Scale and zero point of one block [from, to) of `src`. */
function blockParams(src: Float32Array, from: number, to: number, symmetric: boolean, store: (s: number) => number, out: Float64Array): void {
  let min = Infinity;
  let max = -Infinity;
  for (let i = from; i < to; i++) {
    const v = src[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  rangeParams(min, max, symmetric, store, out);
}

/** roundf(v · (1/scale) + zp) clamped to a 4-bit code, in float32; the sum is ≥ 0 except where it clamps to 0. */
function code4(v: number, rs: number, zp: number): number {
  const y = f32(f32(v * rs) + zp);
  const q = y < 0 ? 0 : Math.floor(y + 0.5);
  return q > 15 ? 15 : q;
}

/** The empty packed result for `rows` rows of `k` values: codes, scales, zero points (asymmetric only). */
function emptyBlocks(rows: number, k: number, opts: Int4Options): Int4Blocks & { zpRowBytes: number } {
  const kBlocks = Math.ceil(k / opts.blockSize);
  const rowBytes = opts.padToBlock ? (kBlocks * opts.blockSize) / 2 : Math.ceil(k / 2);
  const zpRowBytes = Math.ceil(kBlocks / 2);
  return {
    data: new Uint8Array(rows * rowBytes),
    scales: new Float32Array(rows * kBlocks),
    zeroPoints: opts.symmetric ? undefined : new Uint8Array(rows * zpRowBytes).fill(0x88),
    kBlocks, rowBytes, zpRowBytes,
  };
}

function putZeroPoint(zeroPoints: Uint8Array, row: number, zpRowBytes: number, b: number, zp: number): void {
  const zi = row * zpRowBytes + (b >> 1);
  zeroPoints[zi] = b & 1 ? (zeroPoints[zi]! & 0x0f) | (zp << 4) : (zeroPoints[zi]! & 0xf0) | zp;
}

/**
 * Quantizes `rows` rows of `k` values each (row-major in `src`) in blocks of `blockSize` along k.
 */
export function quantizeRows4(src: Float32Array, rows: number, k: number, opts: Int4Options): Int4Blocks {
  const { blockSize, symmetric } = opts;
  const store = opts.storeScale ?? f32;
  const { data, scales, zeroPoints, kBlocks, rowBytes, zpRowBytes } = emptyBlocks(rows, k, opts);
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
      if (zeroPoints) putZeroPoint(zeroPoints, r, zpRowBytes, b, zp);
      const rs = scale !== 0 ? f32(1 / scale) : 0;
      // Two codes a byte, even k in the low nibble; blocks start at even k, so pairs never straddle them.
      let i = from;
      for (; i + 1 < to; i += 2) data[out + ((i - rowStart) >> 1)] = code4(src[i]!, rs, zp) | (code4(src[i + 1]!, rs, zp) << 4);
      if (i < to) data[out + ((i - rowStart) >> 1)] = code4(src[i]!, rs, zp);
    }
  }
  return { data, scales, zeroPoints, kBlocks, rowBytes };
}

/**
 * quantizeRows4 of the transpose of `src` ([k, n] row-major, MatMul's B), without making the transpose:
 * the columns are quantized where they stand, tile by tile (below). The result equals quantizeRows4 of
 * the transposed matrix bit for bit, and a big weight is not held twice.
 */
export function quantizeColumns4(src: Float32Array, k: number, n: number, opts: Int4Options): Int4Blocks {
  const { blockSize, symmetric } = opts;
  const store = opts.storeScale ?? f32;
  const { data, scales, zeroPoints, kBlocks, rowBytes, zpRowBytes } = emptyBlocks(n, k, opts);
  const params = new Float64Array(2);
  // Tiles of one block of rows × TILE columns (32 × 64 floats = 8 KiB): the range pass and the coding
  // pass read the same tile while it is in L1, and a tile's codes are TILE short runs of the output.
  const TILE = 64;
  const mins = new Float32Array(TILE);
  const maxs = new Float32Array(TILE);
  const recip = new Float32Array(TILE);
  const zps = new Uint8Array(TILE);
  for (let b = 0; b < kBlocks; b++) {
    const k0 = b * blockSize;
    const k1 = Math.min(k, k0 + blockSize);
    for (let c0 = 0; c0 < n; c0 += TILE) {
      const w = Math.min(TILE, n - c0);
      mins.fill(Infinity);
      maxs.fill(-Infinity);
      for (let kk = k0; kk < k1; kk++) {
        const row = kk * n + c0;
        for (let j = 0; j < w; j++) {
          const v = src[row + j]!;
          if (v < mins[j]!) mins[j] = v;
          if (v > maxs[j]!) maxs[j] = v;
        }
      }
      for (let j = 0; j < w; j++) {
        const c = c0 + j;
        rangeParams(mins[j]!, maxs[j]!, symmetric, store, params);
        const scale = params[0]!;
        scales[c * kBlocks + b] = scale;
        recip[j] = scale !== 0 ? f32(1 / scale) : 0;
        zps[j] = params[1]!;
        if (zeroPoints) putZeroPoint(zeroPoints, c, zpRowBytes, b, params[1]!);
      }
      for (let j = 0; j < w; j++) {
        const c = c0 + j;
        const rs = recip[j]!;
        const zp = zps[j]!;
        let at = c * rowBytes + (k0 >> 1);
        let kk = k0;
        for (; kk + 1 < k1; kk += 2, at++) data[at] = code4(src[kk * n + c]!, rs, zp) | (code4(src[(kk + 1) * n + c]!, rs, zp) << 4);
        if (kk < k1) data[at] = code4(src[kk * n + c]!, rs, zp);
      }
    }
  }
  return { data, scales, zeroPoints, kBlocks, rowBytes };
}
