/**
 * Error feedback inside a quantization block (GPTQ, Frantar et al. 2022, restricted to the diagonal blocks
 * of the layer's input Hessian H = E[xxᵀ]): with the block's scale and zero point fixed, its values are
 * rounded one after another, and each rounding error is pushed onto the values not yet rounded so that the
 * block's contribution to the output, not each weight, stays close: err = (w_i − ŵ_i) / U_ii,
 * w_j −= err · U_ij (j > i), with U the upper Cholesky factor of H⁻¹ (GPTQ's `Hinv`). Same codes format;
 * only which code each weight gets changes.
 *
 * Only the diagonal blocks: H's block for channels [b·B, (b+1)·B) costs B² per block of every output
 * column (B = 32: 16 multiply-adds a weight), where full GPTQ is K² per column — minutes on BERT-base in
 * JavaScript. The block captures what matters most in transformer activations: the shared offset (LayerNorm
 * β, GELU's positive mean) that makes errors of one sign add up at the output.
 */
import type { BlockFit } from './block-solver.js';

/** GPTQ's dampening: λ · mean(diag H) added to the diagonal, so dead channels keep H invertible. */
const DAMP = 0.01;

/**
 * The factors U_b of every block of `cross` (E[x_i·x_j] within blocks of `block`, row i holding
 * j = blockStart(i) + jj), in the same layout, after the rows are scaled by 1/s (awq: the quantized rows
 * are s·w, so their Hessian is S⁻¹HS⁻¹). A block whose diagonal is all zero gets zeros (no feedback).
 */
export function blockFactors(cross: Float32Array, k: number, block: number, s?: Float32Array): Float64Array {
  const out = new Float64Array(k * block);
  const h = new Float64Array(block * block);
  const inv = new Float64Array(block * block);
  for (let b0 = 0; b0 < k; b0 += block) {
    const len = Math.min(k, b0 + block) - b0;
    let diag = 0;
    for (let i = 0; i < len; i++) {
      for (let j = 0; j < len; j++) {
        const si = s ? s[b0 + i]! : 1;
        const sj = s ? s[b0 + j]! : 1;
        h[i * len + j] = cross[(b0 + i) * block + j]! / (si * sj);
      }
      diag += h[i * len + i]!;
    }
    if (!(diag > 0)) continue;
    const damp = (DAMP * diag) / len;
    for (let i = 0; i < len; i++) h[i * len + i]! += damp;
    if (!invertSpd(h, len, inv)) continue;
    // Upper Cholesky of H⁻¹: H⁻¹ = UᵀU, U = Lᵀ of its lower factor L.
    if (!choleskyLowerInPlace(inv, len)) continue;
    for (let i = 0; i < len; i++) for (let j = i; j < len; j++) out[(b0 + i) * block + j] = inv[j * len + i]!;
  }
  return out;
}

/**
 * Lower Cholesky factor of the len×len SPD matrix `a`, in place (upper triangle left as is); false if not SPD.
 * Each entry is a chain of subtractions (p in order), bound by their latency one chain at a time; the rows
 * below the diagonal are independent given row j, so four of them run together, each chain unchanged.
 */
function choleskyLowerInPlace(a: Float64Array, len: number): boolean {
  for (let j = 0; j < len; j++) {
    const rj = j * len;
    let d = a[rj + j]!;
    for (let p = 0; p < j; p++) d -= a[rj + p]! ** 2;
    if (!(d > 0)) return false;
    const l = Math.sqrt(d);
    a[rj + j] = l;
    let i = j + 1;
    for (; i + 4 <= len; i += 4) {
      const r0 = i * len, r1 = r0 + len, r2 = r1 + len, r3 = r2 + len;
      let v0 = a[r0 + j]!, v1 = a[r1 + j]!, v2 = a[r2 + j]!, v3 = a[r3 + j]!;
      for (let p = 0; p < j; p++) {
        const x = a[rj + p]!;
        v0 -= a[r0 + p]! * x;
        v1 -= a[r1 + p]! * x;
        v2 -= a[r2 + p]! * x;
        v3 -= a[r3 + p]! * x;
      }
      a[r0 + j] = v0 / l;
      a[r1 + j] = v1 / l;
      a[r2 + j] = v2 / l;
      a[r3 + j] = v3 / l;
    }
    for (; i < len; i++) {
      let v = a[i * len + j]!;
      for (let p = 0; p < j; p++) v -= a[i * len + p]! * a[rj + p]!;
      a[i * len + j] = v / l;
    }
  }
  return true;
}

/**
 * Inverse of the SPD matrix `h` (len×len) into `out` via its Cholesky factor; `h` is overwritten. The
 * columns of the identity are solved four at a time (chains as in choleskyLowerInPlace). With the
 * Cholesky's four rows, blockFactors on K = 3072 in spans of 256 went from 369 ms to 148 ms (AMD EPYC
 * Zen 5); it was ~1 s of gptq's quantizing on GPT-2-mini, all on this thread.
 */
function invertSpd(h: Float64Array, len: number, out: Float64Array): boolean {
  if (!choleskyLowerInPlace(h, len)) return false;
  // Solve L Lᵀ X = I column by column.
  let c = 0;
  const y4 = new Float64Array(4 * len); // column c + g's y at [i·4 + g], then its x
  // Lᵀ's rows (L's columns) contiguous: the back substitution reads them in order instead of len apart.
  const lt = new Float64Array(len * len);
  for (let i = 0; i < len; i++) for (let p = i; p < len; p++) lt[i * len + p] = h[p * len + i]!;
  for (; c + 4 <= len; c += 4) solveFour(h, lt, len, c, y4, out);
  const y = new Float64Array(len);
  for (; c < len; c++) {
    for (let i = 0; i < len; i++) {
      let v = i === c ? 1 : 0;
      for (let p = 0; p < i; p++) v -= h[i * len + p]! * y[p]!;
      y[i] = v / h[i * len + i]!;
    }
    for (let i = len - 1; i >= 0; i--) {
      let v = y[i]!;
      for (let p = i + 1; p < len; p++) v -= h[p * len + i]! * out[p * len + c]!;
      out[i * len + c] = v / h[i * len + i]!;
    }
  }
  return true;
}

/**
 * invertSpd's two triangular solves for the identity's columns c … c + 3 (L y = e, then Lᵀ x = y), `lt`
 * = Lᵀ; the four columns' values sit side by side in `y4` (one cache line holds all four).
 */
function solveFour(h: Float64Array, lt: Float64Array, len: number, c: number, y4: Float64Array, out: Float64Array): void {
  for (let i = 0; i < len; i++) {
    const ri = i * len;
    let v0 = i === c ? 1 : 0, v1 = i === c + 1 ? 1 : 0, v2 = i === c + 2 ? 1 : 0, v3 = i === c + 3 ? 1 : 0;
    for (let p = 0; p < i; p++) {
      const x = h[ri + p]!;
      v0 -= x * y4[p * 4]!;
      v1 -= x * y4[p * 4 + 1]!;
      v2 -= x * y4[p * 4 + 2]!;
      v3 -= x * y4[p * 4 + 3]!;
    }
    const d = h[ri + i]!;
    y4[i * 4] = v0 / d;
    y4[i * 4 + 1] = v1 / d;
    y4[i * 4 + 2] = v2 / d;
    y4[i * 4 + 3] = v3 / d;
  }
  // x overwrites y in place: x_i needs y_i and x_p for p > i only, all already there.
  for (let i = len - 1; i >= 0; i--) {
    const ri = i * len;
    let v0 = y4[i * 4]!, v1 = y4[i * 4 + 1]!, v2 = y4[i * 4 + 2]!, v3 = y4[i * 4 + 3]!;
    for (let p = i + 1; p < len; p++) {
      const x = lt[ri + p]!;
      v0 -= x * y4[p * 4]!;
      v1 -= x * y4[p * 4 + 1]!;
      v2 -= x * y4[p * 4 + 2]!;
      v3 -= x * y4[p * 4 + 3]!;
    }
    const d = lt[ri + i]!;
    y4[i * 4] = v0 / d;
    y4[i * 4 + 1] = v1 / d;
    y4[i * 4 + 2] = v2 / d;
    y4[i * 4 + 3] = v3 / d;
  }
  for (let i = 0; i < len; i++) for (let g = 0; g < 4; g++) out[i * len + c + g] = y4[i * 4 + g]!;
}

/**
 * Codes of the block v[0, len) (channels k0 …) at (scale, zp) with error feedback through the factors
 * `u` (blockFactors' layout, rows k0 …); `w` is scratch of ≥ len doubles. Returns false (codes untouched)
 * when the block has no factor.
 */
export function feedbackCodes(
  v: Float32Array, len: number, scale: number, zp: number, maxq: number, u: Float64Array, k0: number, block: number, codes: Uint8Array, w: Float64Array,
): boolean {
  if (!(u[k0 * block]! > 0)) return false;
  for (let i = 0; i < len; i++) w[i] = v[i]!;
  feedOne(w, 0, 0, len, len, u, k0, block, scale, zp, maxq, codes, 0);
  return true;
}

/**
 * The one-column rounding walk both feedbacks share: positions at = o … o + len − 1 of the column at
 * cur[base …] rounded at (scale, zp) into codes[c0 + at − o], each error pushed onto the positions at + 1 …
 * end − 1 through row h0 + at of `u` (rows of `uStride`): err = (x − x̂) / U_ii, x_t −= err · U_it.
 * Block feedback walks one block (o = 0, end = len, uStride = block), span feedback one block of a span.
 */
export function feedOne(
  cur: Float64Array, base: number, o: number, len: number, end: number, u: Float64Array, h0: number, uStride: number,
  scale: number, zp: number, maxq: number, codes: Uint8Array, c0: number,
): void {
  const rs = 1 / scale;
  for (let i = 0; i < len; i++) {
    const at = o + i;
    const x = cur[base + at]!;
    let q = Math.floor(x * rs + zp + 0.5);
    q = q < 0 ? 0 : q > maxq ? maxq : q;
    codes[c0 + i] = q;
    const row = (h0 + at) * uStride;
    const err = (x - (q - zp) * scale) / u[row + at]!;
    for (let t = at + 1; t < end; t++) cur[base + t]! -= err * u[row + t]!;
  }
}

/**
 * feedbackCodes on four blocks of the same channels k0 … (four output columns), block g at v[g·block, …)
 * with fits[g], its codes into codes[g·block, …); `w` is scratch of ≥ 4·block doubles. Each block's values
 * see feedbackCodes' float64 operations in its order (the four chains are independent, so interleaving
 * them changes no bit); one load of U_ij serves four updates and the four roundings' divisions overlap.
 * The caller has checked that the block has a factor (u[k0·block] > 0).
 */
export function feedbackCodes4(
  v: Float32Array, len: number, fits: readonly BlockFit[], maxq: number, u: Float64Array, k0: number, block: number, codes: Uint8Array, w: Float64Array,
): void {
  for (let g = 0; g < 4; g++) for (let i = 0; i < len; i++) w[g * block + i] = v[g * block + i]!;
  feedFour(w, 0, block, 0, len, len, u, k0, block, fits, maxq, codes, block);
}

/**
 * The four-column rounding walk both feedbacks share: columns g < 4 at cur[base + g·stride …], positions
 * at = o … o + len − 1 rounded at fits[g] (codes[g·codeStride + at − o]), each error pushed onto the
 * positions at + 1 … end − 1 through row h0 + at of `u` (rows of `uStride`). Block feedback walks one
 * block (o = 0, end = len, stride = uStride = block), span feedback one block of a span (end = the span's
 * length). Each column's float64 operations are those of the one-column walk, in its order.
 */
export function feedFour(
  cur: Float64Array, base: number, stride: number, o: number, len: number, end: number, u: Float64Array, h0: number, uStride: number,
  fits: readonly BlockFit[], maxq: number, codes: Uint8Array, codeStride: number,
): void {
  const [f0, f1, f2, f3] = fits as [BlockFit, BlockFit, BlockFit, BlockFit];
  const [s0, s1, s2, s3] = [f0.scale, f1.scale, f2.scale, f3.scale];
  const [z0, z1, z2, z3] = [f0.zp, f1.zp, f2.zp, f3.zp];
  const [r0, r1, r2, r3] = [1 / s0, 1 / s1, 1 / s2, 1 / s3];
  const b0 = base, b1 = base + stride, b2 = base + 2 * stride, b3 = base + 3 * stride;
  const c1 = codeStride, c2 = 2 * codeStride, c3 = 3 * codeStride;
  for (let i = 0; i < len; i++) {
    const at = o + i;
    const row = (h0 + at) * uStride;
    const d = u[row + at]!;
    const x0 = cur[b0 + at]!, x1 = cur[b1 + at]!, x2 = cur[b2 + at]!, x3 = cur[b3 + at]!;
    let q0 = Math.floor(x0 * r0 + z0 + 0.5);
    let q1 = Math.floor(x1 * r1 + z1 + 0.5);
    let q2 = Math.floor(x2 * r2 + z2 + 0.5);
    let q3 = Math.floor(x3 * r3 + z3 + 0.5);
    q0 = q0 < 0 ? 0 : q0 > maxq ? maxq : q0;
    q1 = q1 < 0 ? 0 : q1 > maxq ? maxq : q1;
    q2 = q2 < 0 ? 0 : q2 > maxq ? maxq : q2;
    q3 = q3 < 0 ? 0 : q3 > maxq ? maxq : q3;
    codes[i] = q0;
    codes[c1 + i] = q1;
    codes[c2 + i] = q2;
    codes[c3 + i] = q3;
    const e0 = (x0 - (q0 - z0) * s0) / d;
    const e1 = (x1 - (q1 - z1) * s1) / d;
    const e2 = (x2 - (q2 - z2) * s2) / d;
    const e3 = (x3 - (q3 - z3) * s3) / d;
    for (let t = at + 1; t < end; t++) {
      const ut = u[row + t]!;
      cur[b0 + t]! -= e0 * ut;
      cur[b1 + t]! -= e1 * ut;
      cur[b2 + t]! -= e2 * ut;
      cur[b3 + t]! -= e3 * ut;
    }
  }
}
