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
import { BlockWriter, type Int4Blocks, type Int4Options } from './int4-numerics.js';

/** Columns handled together on the [K, N] layout: a span × TILE tile of doubles stays in L2 (256 × 64 × 8 = 128 KiB). */
const TILE = 64;

/**
 * `values` quantized along k in blocks of opts.blockSize with feedback through `u` (blockFactors of the
 * span-wide moments, block = span), rows r < n: `values` is [n, k] when `rowsFirst` (MatMulNBits' own
 * layout, a transposed Gemm weight), else [k, n] (MatMul's B).
 */
export function quantizeWithSpanFeedback(values: Float32Array, k: number, n: number, rowsFirst: boolean, opts: Int4Options, u: Float64Array, span: number): Int4Blocks {
  const bs = opts.blockSize;
  if (span % bs !== 0) throw new Error(`span feedback: span ${span} is not a multiple of the block size ${bs}`);
  const w = new BlockWriter(n, k, opts);
  const maxq = (1 << w.spec.bits) - 1;
  const orig = new Float64Array(span * TILE);
  const cur = new Float64Array(span * TILE);
  const v = new Float32Array(bs);
  const codes = w.codes;
  for (let h0 = 0; h0 < k; h0 += span) {
    const hl = Math.min(k, h0 + span) - h0;
    // blockFactors leaves a span it could not factor (dead channels, not SPD) at zero: nearest codes there.
    const fed = u[h0 * span]! > 0;
    for (let c0 = 0; c0 < n; c0 += TILE) {
      const width = Math.min(TILE, n - c0);
      // Column j of the tile at [j·span, j·span + hl).
      for (let j = 0; j < width; j++) {
        const base = j * span;
        if (rowsFirst) for (let i = 0; i < hl; i++) orig[base + i] = values[(c0 + j) * k + h0 + i]!;
      }
      if (!rowsFirst) {
        for (let i = 0; i < hl; i++) {
          const row = (h0 + i) * n + c0;
          for (let j = 0; j < width; j++) orig[j * span + i] = values[row + j]!;
        }
      }
      cur.set(orig);
      for (let j = 0; j < width; j++) {
        const base = j * span;
        for (let o = 0; o < hl; o += bs) {
          const len = Math.min(bs, hl - o);
          const b = (h0 + o) / bs;
          for (let i = 0; i < len; i++) v[i] = cur[base + o + i]!;
          const fit = w.fit(b, v, len);
          if (fed && fit.scale !== 0) {
            const rs = 1 / fit.scale;
            for (let i = 0; i < len; i++) {
              const at = o + i;
              const x = cur[base + at]!;
              let q = Math.floor(x * rs + fit.zp + 0.5);
              q = q < 0 ? 0 : q > maxq ? maxq : q;
              codes[i] = q;
              const urow = (h0 + at) * span;
              const err = (x - (q - fit.zp) * fit.scale) / u[urow + at]!;
              for (let t = at + 1; t < hl; t++) cur[base + t]! -= err * u[urow + t]!;
            }
          }
          w.commit(c0 + j, b, fit, orig, base + o, len, true);
        }
      }
    }
  }
  return w.result();
}
