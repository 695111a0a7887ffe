/**
 * Bias correction of 4-bit layers (Nagel et al. 2019, "Data-free quantization", §4.2; here with calibrated
 * means): rounding W to Ŵ shifts every output by E[x]·(W − Ŵ) on average. When the activation has a large
 * shared component — a decoder's LayerNorm outputs carry an E[x] of about half their rms, GELU's about a
 * third (bench/int4.ts, GPT-2-shaped) — those per-block errors, each small, add up across the whole K at
 * the output, which awq's feedback inside one block of 32 cannot see. Adding c = E[x]·(W − Ŵ) to the
 * layer's bias removes that mean error exactly and leaves the rest: y − ŷ = (x − E[x])·(W − Ŵ).
 *
 * Where c goes: into the bias the layer already has (the Add after a MatMul that a torch Linear exports,
 * when that bias is its own [N] initializer: no byte added), else MatMulNBits' optional bias input (N
 * floats, ORT contrib op input 5).
 */
import type { Int4Blocks } from './int4-numerics.js';

/**
 * c_n = Σ_k m_k (v_kn − v̂_kn) for the values `values` ([n, k] when `rowsFirst`, else [k, n]) and their
 * quantized form `q` (rows = the n columns, MatMulNBits' layout), m the mean of the activation row k
 * multiplies (awq: E[x_k] / s_k, as the values are s_k·w_kn). Dequantized as the kernel does:
 * (code − zp) · scale, zp 2^(bits−1) when `q` has no zero points.
 */
export function meanOutputShift(q: Int4Blocks, values: Float32Array, k: number, n: number, rowsFirst: boolean, m: Float32Array, bits: 4 | 8, blockSize: number): Float32Array {
  const out = new Float32Array(n);
  const mid = 1 << (bits - 1);
  const zpRowBytes = Math.ceil((q.kBlocks * bits) / 8);
  for (let r = 0; r < n; r++) {
    let c = 0;
    for (let b = 0; b < q.kBlocks; b++) {
      const scale = q.scales[r * q.kBlocks + b]!;
      let zp = mid;
      if (q.zeroPoints) {
        zp = bits === 8 ? q.zeroPoints[r * zpRowBytes + b]! : (q.zeroPoints[r * zpRowBytes + (b >> 1)]! >> ((b & 1) * 4)) & 15;
      }
      const k0 = b * blockSize;
      const k1 = Math.min(k, k0 + blockSize);
      for (let kk = k0; kk < k1; kk++) {
        const code = bits === 8 ? q.data[r * q.rowBytes + kk]! : (q.data[r * q.rowBytes + (kk >> 1)]! >> ((kk & 1) * 4)) & 15;
        const v = rowsFirst ? values[r * k + kk]! : values[kk * n + r]!;
        c += m[kk]! * (v - (code - zp) * scale);
      }
    }
    out[r] = c;
  }
  return out;
}
