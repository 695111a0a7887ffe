/**
 * Gemm with a constant B (read as gemm.ts plans it), rewritten to the same fusable integer pattern as
 * MatMul (int8-matmul.ts). ORT's dynamic quantizer leaves Gemm alone; we handle it because CNN heads and
 * some exporters use it:
 * - transA: a Transpose of A before DynamicQuantizeLinear;
 * - transB: the weight is seen transposed; the stored tensor is quantized as is and a Transpose of the
 *   int8 tensor feeds MatMulInteger (never a rewrite of the float weight, which others may read);
 * - alpha: folded into the weight scale; beta·C: a new constant when C is constant, else a Mul.
 */
import { DataType } from '../../onnx/dtype.js';
import { gemmPlan, scaledBias } from './gemm.js';
import { integerMatMul } from './int8-matmul.js';
import { intsAttr, makeNode } from '../nodes.js';
import type { OpQuantizer } from './op-quantizer.js';
import type { QuantSession } from './session.js';
import { bytesOf } from '../content-identity.js';

export const gemmQuantizer: OpQuantizer<QuantSession> = {
  check(node, weight) {
    if (weight.tensor.dims.length !== 2) return `weight has rank ${weight.tensor.dims.length}, Gemm needs 2`;
    if (!node.input[0]) return 'no A input';
    return undefined;
  },
  rewrite(node, weight, scope, s, out) {
    const base = s.baseOf(node, scope);
    const { alpha, beta, transA, bias } = gemmPlan(node, scope, s.index);
    let a = node.input[0]!;
    if (transA) {
      const at = s.fresh(`${base}_A_transposed`);
      out.push(makeNode('Transpose', s.fresh(`${base}_transA`), [a], [at], [intsAttr('perm', [1, 0])]));
      a = at;
    }
    const output = node.output[0]!;
    if (bias.kind === 'none') {
      integerMatMul(a, weight, output, base, scope, s, out, alpha);
      return;
    }
    const product = s.fresh(`${base}_output_unbiased`);
    integerMatMul(a, weight, product, base, scope, s, out, alpha);
    let added: string;
    const released = [];
    if (bias.kind === 'as-is') added = bias.name;
    else if (bias.kind === 'scaled') {
      added = s.pool.intern(`${base}_bias`, DataType.FLOAT, bias.c.tensor.dims, bytesOf(scaledBias(bias.c, beta, s.external)));
      released.push(bias.c.path);
    } else {
      const betaName = s.pool.intern(`${base}_beta`, DataType.FLOAT, [], bytesOf(Float32Array.of(beta)));
      added = s.fresh(`${base}_C_scaled`);
      out.push(makeNode('Mul', s.fresh(`${base}_beta_mul`), [bias.name, betaName], [added]));
    }
    // Bias second: the shape MatMulIntegerToFloatFusion folds into the fused node.
    out.push(makeNode('Add', s.fresh(`${base}_bias_add`), [product, added], [output]));
    return released;
  },
};
