/**
 * The error-feedback walks (block-feedback.ts for awq, span-feedback.ts for gptq) round four output columns
 * at a time, and blockFactors' Cholesky and solves run four rows or columns at a time; these tests hold them
 * to the one-at-a-time code they replaced, kept here as the reference, bit for bit: codes, scales, factors
 * and the summed errors (whose order of addition is part of the result).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blockFactors } from '../src/stages/quant/block-feedback.js';
import { BlockWriter, quantizeColumns4, quantizeRows4, type Int4Blocks, type Int4Options } from '../src/stages/quant/int4-numerics.js';
import { quantizeWithSpanFeedback } from '../src/stages/quant/span-feedback.js';
import { ChannelMoments } from '../src/runtime/calibration-stats.js';
import { randomFloats } from './helpers/builder.js';

// K: three whole spans of 64 and a part one (8); N: tiles of 64 and a last of 46 (two columns past the fours).
const [K, N] = [200, 302];

/** Activations with a shared offset (the feedback matters), channels [64, 128) dead (that span gets no factor). */
function moments(block: number): ChannelMoments {
  const m = new ChannelMoments(K, block);
  m.add(randomFloats(400 * K, 21, 1).map((x, i) => (i % K >= 64 && i % K < 128 ? 0 : x + (i % K) / K)));
  return m;
}

/** [K, N] weights with column 5 all zero (scale 0: no feedback for it) and column 6 zero in its first block. */
function weights(): Float32Array {
  const w = randomFloats(K * N, 22, 0.05);
  for (let kk = 0; kk < K; kk++) w[kk * N + 5] = 0;
  for (let kk = 0; kk < 32; kk++) w[kk * N + 6] = 0;
  return w;
}

const transpose = (w: Float32Array) => Float32Array.from({ length: N * K }, (_, i) => w[(i % K) * N + Math.floor(i / K)]!);

/** span-feedback.ts before the four-column walk: one column at a time, each block committed as it is rounded. */
function referenceSpanFeedback(values: Float32Array, rowsFirst: boolean, opts: Int4Options, u: Float64Array, span: number): Int4Blocks {
  const bs = opts.blockSize;
  const w = new BlockWriter(N, K, opts);
  const maxq = (1 << w.spec.bits) - 1;
  const cur = new Float64Array(span);
  const orig = new Float64Array(span);
  const v = new Float32Array(bs);
  for (let h0 = 0; h0 < K; h0 += span) {
    const hl = Math.min(K, h0 + span) - h0;
    const fed = u[h0 * span]! > 0;
    for (let c = 0; c < N; c++) {
      for (let i = 0; i < hl; i++) orig[i] = values[rowsFirst ? c * K + h0 + i : (h0 + i) * N + c]!;
      cur.set(orig);
      for (let o = 0; o < hl; o += bs) {
        const len = Math.min(bs, hl - o);
        const b = (h0 + o) / bs;
        for (let i = 0; i < len; i++) v[i] = cur[o + i]!;
        const fit = w.fit(b, v, len);
        if (fed && fit.scale !== 0) {
          const rs = 1 / fit.scale;
          for (let i = 0; i < len; i++) {
            const at = o + i;
            const x = cur[at]!;
            let q = Math.floor(x * rs + fit.zp + 0.5);
            q = q < 0 ? 0 : q > maxq ? maxq : q;
            w.codes[i] = q;
            const urow = (h0 + at) * span;
            const err = (x - (q - fit.zp) * fit.scale) / u[urow + at]!;
            for (let t = at + 1; t < hl; t++) cur[t]! -= err * u[urow + t]!;
          }
        }
        w.commit(c, b, fit, orig, o, len, true);
      }
    }
  }
  return w.result();
}

/** quantizeRows4 / quantizeColumns4 before the four-row walk: put() (one block, feedbackCodes) at a time. */
function referenceBlockFeedback(wt: Float32Array, opts: Int4Options): Int4Blocks {
  const bs = opts.blockSize;
  const w = new BlockWriter(N, K, opts);
  for (let r = 0; r < N; r++) for (let b = 0; b < w.out.kBlocks; b++) w.put(r, b, wt, r * K + b * bs, 1, Math.min(K, (b + 1) * bs) - b * bs);
  return w.result();
}

function awqOptions(symmetric: boolean): Int4Options {
  const s = Float32Array.from({ length: K }, (_, i) => 2 ** ((i % 5) / 16));
  const m = moments(32);
  return {
    blockSize: 32, symmetric, padToBlock: true, method: 'mse', storeScale: Math.fround,
    importance: m.means().map((x, i) => x / (s[i]! * s[i]!)), errorScale: s, feedback: blockFactors(m.blockMeans(), K, 32, s),
  };
}

test('block feedback four columns at a time equals one at a time, to the bit (awq)', () => {
  const w = weights();
  const wt = transpose(w);
  for (const symmetric of [true, false]) {
    const opts = awqOptions(symmetric);
    const reference = referenceBlockFeedback(wt, opts);
    // Column order, block order: the reference sums the errors row by row, quantizeColumns4 block by block.
    assert.deepEqual(quantizeRows4(wt, N, K, opts), reference, `quantizeRows4, symmetric ${symmetric}`);
    const cols = quantizeColumns4(w, K, N, opts);
    assert.deepEqual({ ...cols, sqError: 0, sqNorm: 0 }, { ...reference, sqError: 0, sqNorm: 0 }, `quantizeColumns4, symmetric ${symmetric}`);
    const oneByOne = new BlockWriter(N, K, opts);
    const tile = new Float32Array(32);
    for (let b = 0; b < oneByOne.out.kBlocks; b++) {
      const len = Math.min(K, (b + 1) * 32) - b * 32;
      for (let c = 0; c < N; c++) {
        for (let kk = 0; kk < len; kk++) tile[kk] = w[(b * 32 + kk) * N + c]!;
        oneByOne.put(c, b, tile, 0, 1, len);
      }
    }
    assert.deepEqual(cols, oneByOne.result(), `quantizeColumns4's error sums, symmetric ${symmetric}`);
  }
});

test('span feedback four columns at a time equals one at a time, to the bit (gptq)', () => {
  const w = weights();
  const wt = transpose(w);
  const span = 64;
  const m = moments(span);
  const s = Float32Array.from({ length: K }, (_, i) => 2 ** ((i % 3) / 8));
  const u = blockFactors(m.blockMeans(), K, span, s);
  assert.equal(u[64 * span], 0, 'the dead span has no factor');
  for (const symmetric of [true, false]) {
    const opts: Int4Options = { blockSize: 32, symmetric, padToBlock: true, method: 'mse', errorScale: s, importance: m.means() };
    for (const rowsFirst of [false, true]) {
      const src = rowsFirst ? wt : w;
      const got = quantizeWithSpanFeedback(src, K, N, rowsFirst, opts, u, span);
      assert.deepEqual(got, referenceSpanFeedback(src, rowsFirst, opts, u, span), `symmetric ${symmetric}, ${rowsFirst ? '[N, K]' : '[K, N]'}`);
    }
  }
});

/** blockFactors' Cholesky before the four-row loop. */
function referenceCholesky(a: Float64Array, len: number): boolean {
  for (let j = 0; j < len; j++) {
    let d = a[j * len + j]!;
    for (let p = 0; p < j; p++) d -= a[j * len + p]! ** 2;
    if (!(d > 0)) return false;
    const l = Math.sqrt(d);
    a[j * len + j] = l;
    for (let i = j + 1; i < len; i++) {
      let v = a[i * len + j]!;
      for (let p = 0; p < j; p++) v -= a[i * len + p]! * a[j * len + p]!;
      a[i * len + j] = v / l;
    }
  }
  return true;
}

/** blockFactors before the four-column solves: damped block, inverse through its Cholesky factor, its upper factor. */
function referenceBlockFactors(cross: Float32Array, k: number, block: number, s: Float32Array): Float64Array {
  const out = new Float64Array(k * block);
  for (let b0 = 0; b0 < k; b0 += block) {
    const len = Math.min(k, b0 + block) - b0;
    const h = new Float64Array(len * len);
    let diag = 0;
    for (let i = 0; i < len; i++) {
      for (let j = 0; j < len; j++) h[i * len + j] = cross[(b0 + i) * block + j]! / (s[b0 + i]! * s[b0 + j]!);
      diag += h[i * len + i]!;
    }
    if (!(diag > 0)) continue;
    const damp = (0.01 * diag) / len;
    for (let i = 0; i < len; i++) h[i * len + i]! += damp;
    if (!referenceCholesky(h, len)) continue;
    const inv = new Float64Array(len * len);
    const y = new Float64Array(len);
    for (let c = 0; c < len; c++) {
      for (let i = 0; i < len; i++) {
        let v = i === c ? 1 : 0;
        for (let p = 0; p < i; p++) v -= h[i * len + p]! * y[p]!;
        y[i] = v / h[i * len + i]!;
      }
      for (let i = len - 1; i >= 0; i--) {
        let v = y[i]!;
        for (let p = i + 1; p < len; p++) v -= h[p * len + i]! * inv[p * len + c]!;
        inv[i * len + c] = v / h[i * len + i]!;
      }
    }
    if (!referenceCholesky(inv, len)) continue;
    for (let i = 0; i < len; i++) for (let j = i; j < len; j++) out[(b0 + i) * block + j] = inv[j * len + i]!;
  }
  return out;
}

test('blockFactors four rows / columns at a time equals one at a time, to the bit', () => {
  // Spans of 64 over K = 200 (a last one of 8; the dead one left at zero), and one span of 202 (202 = 4·50 + 2).
  for (const [k, block] of [[K, 64], [202, 202], [K, 32]] as const) {
    const m = new ChannelMoments(k, block);
    m.add(randomFloats(600 * k, 23, 1).map((x, i) => (k === K && i % K >= 64 && i % K < 128 ? 0 : x + (i % k) / k)));
    const s = Float32Array.from({ length: k }, (_, i) => 2 ** ((i % 3) / 8));
    const got = blockFactors(m.blockMeans(), k, block, s);
    assert.ok(got.some((x) => x !== 0), 'factored');
    assert.deepEqual(got, referenceBlockFactors(m.blockMeans(), k, block, s), `k ${k}, block ${block}`);
  }
});
