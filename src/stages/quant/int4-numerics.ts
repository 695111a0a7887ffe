/**
 * Blockwise 4-bit (and 8-bit) weight quantization in the layout onnxruntime's MatMulNBits and
 * GatherBlockQuantized read, numerics as MLAS's reference (onnxruntime/core/mlas/lib/q4_dq.cpp,
 * `BlockwiseQuantizer::quantizeAndTranspose`, which `matmul_nbits_quantizer.py` calls) with method `rtn`,
 * or the error-minimising search of block-solver.ts with `mse` — same format either way.
 *
 * - packing, 4 bits: element k of a row goes to byte k/2, even k in the low nibble. Padding nibbles (K
 *   rounded up to a whole block) are 0 and padding zero-point nibbles are 8, as ORT's buffers hold them.
 * - packing, 8 bits: one code a byte; zero points one a byte ([N, kBlocks], ORT's
 *   `quantize_matmul_8bits` and the MatMulNBits spec's [N · ceil(kBlocks · bits / 8)]).
 *
 * All pure; rows are the quantization direction (MatMulNBits: the N columns of B; embeddings: the rows
 * of the table).
 */
import { fitBlock, type BlockFit, type BlockSpec, type QuantMethod } from './block-solver.js';
import { feedbackCodes, feedbackCodes4 } from './block-feedback.js';

export { roundHalfAway } from './block-solver.js';

const f32 = Math.fround;

export interface Int4Blocks {
  /** Packed codes, `rows` rows of `rowBytes` bytes. */
  data: Uint8Array;
  /** [rows, kBlocks] scales as stored (already rounded to the scale type). */
  scales: Float32Array;
  /** Zero points (asymmetric only): 4 bits [rows, ceil(kBlocks / 2)] packed, 8 bits [rows, kBlocks]. */
  zeroPoints?: Uint8Array;
  kBlocks: number;
  rowBytes: number;
  /** Σ(w − ŵ)² over every value (ŵ as the kernel dequantizes it) and Σw²: the layer's reconstruction error. */
  sqError: number;
  sqNorm: number;
}

export interface Int4Options {
  blockSize: number;
  symmetric: boolean;
  /** Pad each row to whole blocks (MatMulNBits layout [N, kBlocks, blockSize·bits/8]); else ceil(K·bits/8) bytes a row. */
  padToBlock: boolean;
  /** Rounds a float32 scale to its storage type (identity for float32, fp16 rounding for float16). */
  storeScale?: (s: number) => number;
  /** 4 (default) or 8. */
  bits?: 4 | 8;
  /** `rtn` (default here: MLAS's numerics) or `mse`. */
  method?: QuantMethod;
  /**
   * mse only: per-k weights of the error (length k, the quantization axis), e.g. the second moment of the
   * activation each weight row multiplies; the search then minimises Σ a_k (w_k − ŵ_k)² per block.
   */
  importance?: Float32Array;
  /**
   * Per-k divisors of the values (awq's s_k: the values are s_k·w_k): the reported error and norm are
   * then those of the unscaled weight, Σ((v − v̂)/s_k)² and Σ(v/s_k)².
   */
  errorScale?: Float32Array;
  /** Error feedback inside each block through these factors (block-feedback.ts, blockFactors with block = blockSize). */
  feedback?: Float64Array;
  /**
   * Where each block's squared error and norm go, at [(row · kBlocks + block) · 2] and the next index,
   * instead of into sqError / sqNorm (int4-parallel.ts sums the halves in the one-thread order).
   */
  blockErrors?: Float64Array;
}

/** The empty packed result for `rows` rows of `k` values. */
function emptyBlocks(rows: number, k: number, opts: Int4Options, bits: 4 | 8): Int4Blocks & { zpRowBytes: number } {
  const kBlocks = Math.ceil(k / opts.blockSize);
  const perByte = 8 / bits;
  const rowBytes = opts.padToBlock ? (kBlocks * opts.blockSize) / perByte : Math.ceil(k / perByte);
  const zpRowBytes = Math.ceil(kBlocks / perByte);
  return {
    data: new Uint8Array(rows * rowBytes),
    scales: new Float32Array(rows * kBlocks),
    zeroPoints: opts.symmetric ? undefined : new Uint8Array(rows * zpRowBytes).fill(bits === 4 ? 0x88 : 0x80),
    kBlocks, rowBytes, zpRowBytes, sqError: 0, sqNorm: 0,
  };
}

/** Per-block fitting and packing into an Int4Blocks result, shared by the row and column walkers (and span-feedback.ts). */
export class BlockWriter {
  readonly out: Int4Blocks & { zpRowBytes: number };
  readonly spec: BlockSpec;
  readonly codes: Uint8Array;
  private readonly work: Uint8Array;
  /** The block being fitted, copied here: the solver always sees one array (no per-block views to allocate). */
  private readonly block: Float32Array;
  private readonly blockImp: Float32Array | undefined;
  private readonly scratch: Float64Array;
  /** putFour's four blocks (values, codes, feedback scratch at g · blockSize) and fits. */
  private readonly block4: Float32Array;
  private readonly codes4: Uint8Array;
  private readonly scratch4: Float64Array;
  private readonly fits4: BlockFit[] = [];

  constructor(rows: number, k: number, readonly opts: Int4Options) {
    const bits = opts.bits ?? 4;
    this.out = emptyBlocks(rows, k, opts, bits);
    this.spec = { bits, symmetric: opts.symmetric, method: opts.method ?? 'rtn', store: opts.storeScale ?? f32 };
    this.codes = new Uint8Array(opts.blockSize);
    this.work = new Uint8Array(opts.blockSize);
    this.block = new Float32Array(opts.blockSize);
    this.blockImp = opts.importance ? new Float32Array(opts.blockSize) : undefined;
    this.scratch = new Float64Array(opts.blockSize);
    this.block4 = new Float32Array(4 * opts.blockSize);
    this.codes4 = new Uint8Array(4 * opts.blockSize);
    this.scratch4 = new Float64Array(4 * opts.blockSize);
  }

  /** Scale and zero point of block `b` (values v[0, len)), its nearest codes into `this.codes`. */
  fit(b: number, v: Float32Array, len: number): BlockFit {
    const imp = this.blockImp;
    const k0 = b * this.opts.blockSize;
    if (imp) for (let i = 0; i < len; i++) imp[i] = this.opts.importance![k0 + i]!;
    return fitBlock(v, len, this.spec, this.codes, this.work, imp);
  }

  /** Fits block `b` of row `r` from src[from + i·stride], i < len, and writes its codes, scale and zero point. */
  put(r: number, b: number, src: Float32Array, from: number, stride: number, len: number): void {
    const k0 = b * this.opts.blockSize;
    const v = this.block;
    for (let i = 0; i < len; i++) v[i] = src[from + i * stride]!;
    const fit = this.fit(b, v, len);
    const fed = this.opts.feedback !== undefined &&
      feedbackCodes(v, len, fit.scale, fit.zp, (1 << this.spec.bits) - 1, this.opts.feedback, k0, this.opts.blockSize, this.codes, this.scratch);
    this.commit(r, b, fit, v, 0, len, this.opts.errorScale !== undefined || fed);
  }

  /**
   * put() on rows r … r + 3 of block `b`, row g's values at src[from + g·rowStride + i], i < len, written
   * in row order. With error feedback the four rows' roundings run interleaved (feedbackCodes4): one
   * block's feedback took 0.89 µs a column one at a time, 0.43 µs four at a time (eight: 0.45 µs); a
   * 768 × 768 awq weight 50 → 45 ms (36 ms without feedback; the rest is fitBlock). Same bits as four
   * put() calls.
   */
  putFour(r: number, b: number, src: Float32Array, from: number, rowStride: number, len: number): void {
    const bs = this.opts.blockSize;
    const k0 = b * bs;
    const u = this.opts.feedback;
    if (u === undefined || !(u[k0 * bs]! > 0)) {
      for (let g = 0; g < 4; g++) this.put(r + g, b, src, from + g * rowStride, 1, len);
      return;
    }
    const { block4, codes4, fits4 } = this;
    for (let g = 0; g < 4; g++) {
      for (let i = 0; i < len; i++) block4[g * bs + i] = src[from + g * rowStride + i]!;
      for (let i = 0; i < len; i++) this.block[i] = block4[g * bs + i]!;
      fits4[g] = this.fit(b, this.block, len);
    }
    feedbackCodes4(block4, len, fits4, (1 << this.spec.bits) - 1, u, k0, bs, codes4, this.scratch4);
    for (let g = 0; g < 4; g++) this.commit(r + g, b, fits4[g]!, block4, g * bs, len, true, codes4, g * bs);
  }

  /**
   * Writes codes[c0, c0 + len) (default `this.codes`) at `fit` as block `b` of row `r`; the error is counted
   * against orig[at, at + len), the weights as given (error feedback moves the values it rounds, not the
   * ones it reports on), in full when `measure`, else fit.sqErr (the codes are the nearest ones of those
   * very values).
   */
  commit(r: number, b: number, fit: BlockFit, orig: Float32Array | Float64Array, at: number, len: number, measure: boolean, codes = this.codes, c0 = 0): void {
    const o = this.out;
    const k0 = b * this.opts.blockSize;
    const unscale = this.opts.errorScale;
    let e = 0, w = 0;
    if (measure) {
      for (let i = 0; i < len; i++) {
        const inv = unscale ? 1 / unscale[k0 + i]! : 1;
        const d = (orig[at + i]! - (codes[c0 + i]! - fit.zp) * fit.scale) * inv;
        const x = orig[at + i]! * inv;
        e += d * d;
        w += x * x;
      }
    } else {
      e = fit.sqErr;
      for (let i = 0; i < len; i++) w += orig[at + i]! * orig[at + i]!;
    }
    const perBlock = this.opts.blockErrors;
    if (perBlock) {
      perBlock[(r * o.kBlocks + b) * 2] = e;
      perBlock[(r * o.kBlocks + b) * 2 + 1] = w;
    } else {
      o.sqError += e;
      o.sqNorm += w;
    }
    o.scales[r * o.kBlocks + b] = fit.scale;
    if (this.spec.bits === 8) {
      const byte = r * o.rowBytes + k0;
      for (let i = 0; i < len; i++) o.data[byte + i] = codes[c0 + i]!;
      if (o.zeroPoints) o.zeroPoints[r * o.zpRowBytes + b] = fit.zp;
      return;
    }
    // Two codes a byte, even k in the low nibble; blocks start at even k, so pairs never straddle them.
    let byte = r * o.rowBytes + (k0 >> 1);
    let i = 0;
    for (; i + 1 < len; i += 2, byte++) o.data[byte] = codes[c0 + i]! | (codes[c0 + i + 1]! << 4);
    if (i < len) o.data[byte] = codes[c0 + i]!;
    if (o.zeroPoints) {
      const zi = r * o.zpRowBytes + (b >> 1);
      o.zeroPoints[zi] = b & 1 ? (o.zeroPoints[zi]! & 0x0f) | (fit.zp << 4) : (o.zeroPoints[zi]! & 0xf0) | fit.zp;
    }
  }

  result(): Int4Blocks {
    const { data, scales, zeroPoints, kBlocks, rowBytes, sqError, sqNorm } = this.out;
    return { data, scales, zeroPoints, kBlocks, rowBytes, sqError, sqNorm };
  }
}

/**
 * Σ of the per-block errors and norms (BlockWriter's blockErrors layout, `rows` rows of `kBlocks`) in the
 * order a one-thread walk adds them, so a walk that kept them apart reports the same sums to the bit: the
 * blocks in groups of `groupBlocks`, row by row within a group, block by block within a row. kBlocks:
 * quantizeRows4's order (row by row); 1: quantizeColumns4's (block by block); span / blockSize: span-feedback.ts's.
 */
export function sumBlockErrors(errors: Float64Array, rows: number, kBlocks: number, groupBlocks: number): { sqError: number; sqNorm: number } {
  let sqError = 0, sqNorm = 0;
  for (let g0 = 0; g0 < kBlocks; g0 += groupBlocks) {
    const g1 = Math.min(kBlocks, g0 + groupBlocks);
    for (let r = 0; r < rows; r++) {
      for (let b = g0; b < g1; b++) {
        sqError += errors[(r * kBlocks + b) * 2]!;
        sqNorm += errors[(r * kBlocks + b) * 2 + 1]!;
      }
    }
  }
  return { sqError, sqNorm };
}

/** Quantizes `rows` rows of `k` values each (row-major in `src`) in blocks of `blockSize` along k. */
export function quantizeRows4(src: Float32Array, rows: number, k: number, opts: Int4Options): Int4Blocks {
  const { blockSize } = opts;
  const kBlocks = Math.ceil(k / blockSize);
  // With feedback, rows go four at a time (putFour), so blocks finish out of row order: their errors are
  // kept apart and summed in that order at the end.
  const four = opts.feedback !== undefined;
  const errors = four && !opts.blockErrors ? new Float64Array(rows * kBlocks * 2) : undefined;
  const w = new BlockWriter(rows, k, errors ? { ...opts, blockErrors: errors } : opts);
  let r = 0;
  if (four) {
    for (; r + 4 <= rows; r += 4) {
      for (let b = 0; b < kBlocks; b++) {
        const len = Math.min(k, (b + 1) * blockSize) - b * blockSize;
        w.putFour(r, b, src, r * k + b * blockSize, k, len);
      }
    }
  }
  for (; r < rows; r++) {
    for (let b = 0; b < kBlocks; b++) {
      const from = r * k + b * blockSize;
      const len = Math.min(k, (b + 1) * blockSize) - b * blockSize;
      w.put(r, b, src, from, 1, len);
    }
  }
  if (errors) Object.assign(w.out, sumBlockErrors(errors, rows, kBlocks, kBlocks));
  return w.result();
}

/**
 * quantizeRows4 of the transpose of `src` ([k, n] row-major, MatMul's B), without making the transpose:
 * tile by tile (one block of rows × TILE columns, 32 × 64 floats = 8 KiB, read while in L1), each tile's
 * columns copied to a contiguous scratch and fitted there. Equals quantizeRows4 of the transposed matrix
 * bit for bit, and a big weight is not held twice. `from`, `to`: only those columns (rows of the result).
 */
export function quantizeColumns4(src: Float32Array, k: number, n: number, opts: Int4Options, from = 0, to = n): Int4Blocks {
  const { blockSize } = opts;
  const w = new BlockWriter(to - from, k, opts);
  const TILE = 64;
  const tile = new Float32Array(TILE * blockSize);
  for (let b = 0; b < w.out.kBlocks; b++) {
    const k0 = b * blockSize;
    const len = Math.min(k, k0 + blockSize) - k0;
    for (let c0 = from; c0 < to; c0 += TILE) {
      const width = Math.min(TILE, to - c0);
      for (let kk = 0; kk < len; kk++) {
        const row = (k0 + kk) * n + c0;
        for (let j = 0; j < width; j++) tile[j * blockSize + kk] = src[row + j]!;
      }
      // Block by block, column by column: four columns at a time keep that order (putFour writes in it).
      let j = 0;
      if (opts.feedback) for (; j + 4 <= width; j += 4) w.putFour(c0 - from + j, b, tile, j * blockSize, blockSize, len);
      for (; j < width; j++) w.put(c0 - from + j, b, tile, j * blockSize, 1, len);
    }
  }
  return w.result();
}
