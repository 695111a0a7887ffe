/**
 * MatMul with a constant 2-D right operand → ORT's dynamic pattern (operators/matmul.py, MatMulInteger):
 *   DynamicQuantizeLinear(A) → MatMulInteger(A_q, W_q, A_zp, W_zp) → Cast → Mul(·, Mul(A_scale, W_scale))
 * which ORT's level-2 optimizer fuses into MatMulIntegerToFloat and, when the DynamicQuantizeLinear feeds
 * only this node, DynamicQuantizeMatMul (dynamic_quantize_matmul_fusion.cc). DynamicQuantizeLinear
 * always yields uint8, so the kernels see u8×s8 (default) or u8×u8, both supported by MatMulInteger and
 * the fused ops. Per-channel scales run along the output columns (ORT quantizes MatMul weights per
 * channel on axis -1).
 */
import type { GraphScope } from '../../onnx/graph.js';
import type { NodeProto } from '../../onnx/types.js';
import { resolveConstant, type ConstantWeight } from './constant-weight.js';
import { makeNode } from '../nodes.js';
import type { OpQuantizer } from './op-quantizer.js';
import type { QuantSession } from './session.js';

/** Channel axis of a [K, N] weight in its stored layout ([N, K] when the consumer sees it transposed). */
function outputChannelAxis(weight: ConstantWeight): number {
  return weight.transposed ? 0 : 1;
}

/**
 * ORT fuses a following Add only when the bias is its *second* input (matmul_integer_to_float.cc reads
 * InputDefs()[1]); exporters often write Add(bias, x). Add is commutative with the same broadcast
 * result, so when our output's only reader is such an Add with a constant 1-D bias, swap its inputs.
 */
function putBiasSecond(output: string, scope: GraphScope, s: QuantSession): void {
  const readers = s.readersOf(scope.graph, output);
  if (readers.length !== 1) return;
  const add = readers[0]!;
  if (add.opType !== 'Add' || (add.domain ?? '') !== '' || add.input.length !== 2 || add.input[1] !== output) return;
  const bias = resolveConstant(scope, add.input[0]!, s.index);
  if (bias && bias.tensor.dims.length === 1) add.input = [add.input[1]!, add.input[0]!];
}

/** The integer matmul and its rescale, shared by MatMul and Gemm; the last node appended writes `output`. */
export function integerMatMul(activation: string, weight: ConstantWeight, output: string, base: string, scope: GraphScope, s: QuantSession, out: NodeProto[], alpha = 1): void {
  const a = s.activation(scope.graph, activation, out);
  const axis = s.options.perChannel ? outputChannelAxis(weight) : undefined;
  // Gemm's alpha folds into the weight scale, keeping the shape ORT fuses.
  const w = s.weight({ weight, axis, scaleFactor: alpha }, scope.graph, out);
  const integer = s.fresh(`${base}_output_quantized`);
  out.push(makeNode('MatMulInteger', s.fresh(`${base}_quant`), [a.q, w.q, a.zeroPoint, w.zeroPoint], [integer]));
  out.push(...s.rescale(integer, a.scale, w.scale, output, base));
}

export const matMulQuantizer: OpQuantizer<QuantSession> = {
  check(node, weight) {
    if (weight.tensor.dims.length !== 2) return `weight has rank ${weight.tensor.dims.length}; MatMulInteger's fused kernels need a 2-D weight`;
    if (!node.input[0]) return 'no left operand';
    return undefined;
  },
  rewrite(node, weight, scope, s, out) {
    const output = node.output[0]!;
    integerMatMul(node.input[0]!, weight, output, s.baseOf(node, scope), scope, s, out);
    putBiasSecond(output, scope, s);
  },
};
