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
import { feedbackCodes } from './block-feedback.js';

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

  constructor(rows: number, k: number, readonly opts: Int4Options) {
    const bits = opts.bits ?? 4;
    this.out = emptyBlocks(rows, k, opts, bits);
    this.spec = { bits, symmetric: opts.symmetric, method: opts.method ?? 'rtn', store: opts.storeScale ?? f32 };
    this.codes = new Uint8Array(opts.blockSize);
    this.work = new Uint8Array(opts.blockSize);
    this.block = new Float32Array(opts.blockSize);
    this.blockImp = opts.importance ? new Float32Array(opts.blockSize) : undefined;
    this.scratch = new Float64Array(opts.blockSize);
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
   * Writes `this.codes` at `fit` as block `b` of row `r`; the error is counted against orig[at, at + len),
   * the weights as given (error feedback moves the values it rounds, not the ones it reports on), in full
   * when `measure`, else fit.sqErr (the codes are the nearest ones of those very values).
   */
  commit(r: number, b: number, fit: BlockFit, orig: Float32Array | Float64Array, at: number, len: number, measure: boolean): void {
    const o = this.out;
    const k0 = b * this.opts.blockSize;
    const codes = this.codes;
    const unscale = this.opts.errorScale;
    let e = 0, w = 0;
    if (measure) {
      for (let i = 0; i < len; i++) {
        const inv = unscale ? 1 / unscale[k0 + i]! : 1;
        const d = (orig[at + i]! - (codes[i]! - fit.zp) * fit.scale) * inv;
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
      for (let i = 0; i < len; i++) o.data[byte + i] = codes[i]!;
      if (o.zeroPoints) o.zeroPoints[r * o.zpRowBytes + b] = fit.zp;
      return;
    }
    // Two codes a byte, even k in the low nibble; blocks start at even k, so pairs never straddle them.
    let byte = r * o.rowBytes + (k0 >> 1);
    let i = 0;
    for (; i + 1 < len; i += 2, byte++) o.data[byte] = codes[i]! | (codes[i + 1]! << 4);
    if (i < len) o.data[byte] = codes[i]!;
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

/** Quantizes `rows` rows of `k` values each (row-major in `src`) in blocks of `blockSize` along k. */
export function quantizeRows4(src: Float32Array, rows: number, k: number, opts: Int4Options): Int4Blocks {
  const { blockSize } = opts;
  const w = new BlockWriter(rows, k, opts);
  const kBlocks = w.out.kBlocks;
  for (let r = 0; r < rows; r++) {
    for (let b = 0; b < kBlocks; b++) {
      const from = r * k + b * blockSize;
      const len = Math.min(k, (b + 1) * blockSize) - b * blockSize;
      w.put(r, b, src, from, 1, len);
    }
  }
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
      for (let j = 0; j < width; j++) w.put(c0 - from + j, b, tile, j * blockSize, 1, len);
    }
  }
  return w.result();
}
