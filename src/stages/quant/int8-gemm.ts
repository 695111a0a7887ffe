/**
 * Gemm (Y = alpha·A'·B' + beta·C, A' = transA ? Aᵀ : A, B' likewise) with a constant B, rewritten to the
 * same fusable integer pattern as MatMul (int8-matmul.ts). ORT's dynamic quantizer leaves Gemm alone;
 * we handle it because CNN heads and some exporters use it:
 * - transA: a Transpose of A before DynamicQuantizeLinear;
 * - transB: the weight is seen transposed; the stored tensor is quantized as is and a Transpose of the
 *   int8 tensor feeds MatMulInteger (never a rewrite of the float weight, which others may read);
 * - alpha: folded into the weight scale; beta·C: a new constant when C is constant, else a Mul.
 */
import { DataType } from '../../onnx/dtype.js';
import { attr } from '../../onnx/graph.js';
import { tensorFloat32 } from '../../onnx/tensor.js';
import { resolveConstant } from './constant-weight.js';
import { integerMatMul } from './int8-matmul.js';
import { intsAttr, makeNode } from '../nodes.js';
import type { OpQuantizer } from './op-quantizer.js';
import { bytesOf } from './tensor-pool.js';

function floatAttr(node: Parameters<typeof attr>[0], name: string, dflt: number): number {
  return attr(node, name)?.f ?? dflt;
}

export const gemmQuantizer: OpQuantizer = {
  weightOf(node, scope, s) {
    const w = node.input[1] ? resolveConstant(scope, node.input[1], s.index) : undefined;
    if (!w) return undefined;
    // The consumer sees Bᵀ when transB is set: a transposed view of a transposed view is the tensor itself.
    return (attr(node, 'transB')?.i ?? 0n) !== 0n ? { ...w, transposed: !w.transposed } : w;
  },
  check(node, weight) {
    if (weight.tensor.dims.length !== 2) return `weight has rank ${weight.tensor.dims.length}, Gemm needs 2`;
    if (!node.input[0]) return 'no A input';
    return undefined;
  },
  rewrite(node, weight, scope, s, out) {
    const base = s.baseOf(node, scope);
    const alpha = floatAttr(node, 'alpha', 1);
    const beta = floatAttr(node, 'beta', 1);
    let a = node.input[0]!;
    if ((attr(node, 'transA')?.i ?? 0n) !== 0n) {
      const at = s.fresh(`${base}_A_transposed`);
      out.push(makeNode('Transpose', s.fresh(`${base}_transA`), [a], [at], [intsAttr('perm', [1, 0])]));
      a = at;
    }
    const c = node.input[2];
    const output = node.output[0]!;
    if (!c || beta === 0) {
      integerMatMul(a, weight, output, base, scope, s, out, alpha);
      return;
    }
    const product = s.fresh(`${base}_output_unbiased`);
    integerMatMul(a, weight, product, base, scope, s, out, alpha);
    let bias = c;
    const released = [];
    if (beta !== 1) {
      const constC = resolveConstant(scope, c, s.index);
      if (constC && !constC.transposed && constC.tensor.dataType === DataType.FLOAT) {
        const scaled = Float32Array.from(tensorFloat32(constC.tensor, s.external), (v) => v * beta);
        bias = s.pool.intern(`${base}_bias`, DataType.FLOAT, constC.tensor.dims, bytesOf(scaled));
        released.push(constC.path);
      } else {
        const betaName = s.pool.intern(`${base}_beta`, DataType.FLOAT, [], bytesOf(Float32Array.of(beta)));
        bias = s.fresh(`${base}_C_scaled`);
        out.push(makeNode('Mul', s.fresh(`${base}_beta_mul`), [c, betaName], [bias]));
      }
    }
    // Bias second: the shape MatMulIntegerToFloatFusion folds into the fused node.
    out.push(makeNode('Add', s.fresh(`${base}_bias_add`), [product, bias], [output]));
    return released;
  },
};
