/**
 * Error feedback across several quantization blocks (GPTQ, Frantar et al. 2022, on the diagonal blocks
 * of `span` channels of the layer's input Hessian H = E[xxᵀ], span a multiple of the block size). Along
 * each output column, channel by channel through a span: the block a channel opens is fitted (scale and
 * zero point, block-solver.ts) on the values as earlier roundings have moved them, each value is rounded,
 * and its error is pushed onto every value of the span not yet rounded — the next blocks' too, which
 * block-feedback.ts (one block wide) cannot reach. Same codes format, same size.
 *
 * Why wider than a block: in a decoder the residual stream carries a large shared component (GPT-2-shaped,
 * init weights: E[x] is half of the rms of the LayerNorm outputs, ~ a third of GELU's), so rounding errors
 * of one sign add up at the output across blocks, not only within one. Cost: span/2 multiply-adds a
 * weight here, and span/2 a channel a row in calibration (ChannelMoments with block = span).
 */
import type { BlockFit } from './block-solver.js';
import { feedFour, feedOne } from './block-feedback.js';
import { BlockWriter, sumBlockErrors, type Int4Blocks, type Int4Options } from './int4-numerics.js';

/** Columns handled together on the [K, N] layout: two span × TILE tiles of doubles (768 × 64 × 8 = 384 KiB each) stay in L2. */
const TILE = 64;

/**
 * `values` quantized along k in blocks of opts.blockSize with feedback through `u` (blockFactors of the
 * span-wide moments, block = span), rows r < n: `values` is [n, k] when `rowsFirst` (MatMulNBits' own
 * layout, a transposed Gemm weight), else [k, n] (MatMul's B). `from`, `to`: only those rows of the result
 * (int4-parallel.ts's halves); with opts.blockErrors each block's error and norm go there instead of the sums.
 */
export function quantizeWithSpanFeedback(
  values: Float32Array, k: number, n: number, rowsFirst: boolean, opts: Int4Options, u: Float64Array, span: number, from = 0, to = n,
): Int4Blocks {
  const bs = opts.blockSize;
  if (span % bs !== 0) throw new Error(`span feedback: span ${span} is not a multiple of the block size ${bs}`);
  const rows = to - from;
  const kBlocks = Math.ceil(k / bs);
  // Columns are walked four at a time, so blocks finish out of the one-column order: each block's error
  // is kept apart and summed at the end in that order (the same sums to the bit).
  const errors = opts.blockErrors ?? new Float64Array(rows * kBlocks * 2);
  const walk = new SpanWalk(new BlockWriter(rows, k, { ...opts, blockErrors: errors }), u, span);
  const { orig, cur } = walk;
  for (let h0 = 0; h0 < k; h0 += span) {
    const hl = Math.min(k, h0 + span) - h0;
    // blockFactors leaves a span it could not factor (dead channels, not SPD) at zero: nearest codes there.
    const fed = u[h0 * span]! > 0;
    for (let c0 = from; c0 < to; c0 += TILE) {
      const width = Math.min(TILE, to - c0);
      // Column j of the tile at [j·span, j·span + hl).
      if (rowsFirst) {
        for (let j = 0; j < width; j++) for (let i = 0; i < hl; i++) orig[j * span + i] = values[(c0 + j) * k + h0 + i]!;
      } else {
        for (let i = 0; i < hl; i++) {
          const row = (h0 + i) * n + c0;
          for (let j = 0; j < width; j++) orig[j * span + i] = values[row + j]!;
        }
      }
      cur.set(orig);
      let j = 0;
      if (fed) for (; j + 4 <= width; j += 4) walk.fourColumns(c0 - from + j, j * span, h0, hl);
      for (; j < width; j++) walk.column(c0 - from + j, j * span, h0, hl, fed);
    }
  }
  const out = walk.writer.out;
  if (!opts.blockErrors) Object.assign(out, sumBlockErrors(errors, rows, kBlocks, span / bs));
  return walk.writer.result();
}

/** The walk through a tile's columns, span by span: fits, feedback and commits, on scratch allocated once a weight. */
class SpanWalk {
  readonly orig: Float64Array;
  readonly cur: Float64Array;
  private readonly v: Float32Array;
  /** Four columns' codes of the block being rounded, at g · blockSize. */
  private readonly codes4: Uint8Array;
  private readonly fits: BlockFit[] = [];
  private readonly maxq: number;

  constructor(readonly writer: BlockWriter, private readonly u: Float64Array, private readonly span: number) {
    const bs = writer.opts.blockSize;
    this.orig = new Float64Array(span * TILE);
    this.cur = new Float64Array(span * TILE);
    this.v = new Float32Array(bs);
    this.codes4 = new Uint8Array(4 * bs);
    this.maxq = (1 << writer.spec.bits) - 1;
  }

  /** Block b of the column at cur[base + o, base + o + len) fitted on its current values (as float32). */
  private fit(b: number, base: number, len: number): BlockFit {
    const v = this.v;
    for (let i = 0; i < len; i++) v[i] = this.cur[base + i]!;
    return this.writer.fit(b, v, len);
  }

  /** Result row r, its span at cur[base, base + hl), one column at a time. */
  column(r: number, base: number, h0: number, hl: number, fed: boolean): void {
    const bs = this.writer.opts.blockSize;
    const codes = this.writer.codes;
    for (let o = 0; o < hl; o += bs) {
      const len = Math.min(bs, hl - o);
      const b = (h0 + o) / bs;
      const fit = this.fit(b, base + o, len);
      if (fed && fit.scale !== 0) feedOne(this.cur, base, o, len, hl, this.u, h0, this.span, fit.scale, fit.zp, this.maxq, codes, 0);
      this.writer.commit(r, b, fit, this.orig, base + o, len, true);
    }
  }

  /**
   * Result rows r … r + 3, spans at cur[base + g·span, …): column()'s walk on four columns at once. Each
   * column's values see the same float64 operations in the same order as column() gives them (the four
   * chains are independent), so the codes are the same to the bit; what changes is that one load of
   * U_it serves four updates and the four roundings' divisions overlap. 768 × 768 in spans of 256, one
   * thread (AMD EPYC Zen 5): 130 → 82 ms, of which the block fits are 35; eight columns, or the four
   * interleaved in memory, measured no faster.
   */
  fourColumns(r: number, base: number, h0: number, hl: number): void {
    const { span, writer, fits, codes4 } = this;
    const bs = writer.opts.blockSize;
    for (let o = 0; o < hl; o += bs) {
      const len = Math.min(bs, hl - o);
      const b = (h0 + o) / bs;
      let all = true;
      for (let g = 0; g < 4; g++) {
        const fit = (fits[g] = this.fit(b, base + g * span + o, len));
        for (let i = 0; i < len; i++) codes4[g * bs + i] = writer.codes[i]!;
        if (fit.scale === 0) all = false;
      }
      if (all) this.feed4(base, o, len, h0, hl);
      else for (let g = 0; g < 4; g++) if (fits[g]!.scale !== 0) feedOne(this.cur, base + g * span, o, len, hl, this.u, h0, span, fits[g]!.scale, fits[g]!.zp, this.maxq, codes4, g * bs);
      for (let g = 0; g < 4; g++) writer.commit(r + g, b, fits[g]!, this.orig, base + g * span + o, len, true, codes4, g * bs);
    }
  }

  /** feed() on the four columns at base + g·span, g < 4, every one of which has a scale. */
  private feed4(base: number, o: number, len: number, h0: number, hl: number): void {
    feedFour(this.cur, base, this.span, o, len, hl, this.u, h0, this.span, this.fits, this.maxq, this.codes4, this.writer.opts.blockSize);
  }
}
