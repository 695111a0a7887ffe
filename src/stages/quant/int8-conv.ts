/**
 * Conv with a constant weight, two forms (option `conv-mode`), this file the first:
 * - `integer` (default), ORT's dynamic ConvInteger pattern (operators/conv.py, ConvInteger):
 *     DynamicQuantizeLinear(X) → ConvInteger(X_q, W_q, X_zp, W_zp) → Cast → Mul(·, Mul(X_scale, W_scale)) (→ Add bias)
 *   Per-channel scales run along the output channels and are shaped [M, 1, …] to broadcast over NCHW.
 * - `weight-only` (int8-conv-weight-only.ts): DequantizeLinear(W_q, scale, zero point[, axis 0]) → Conv(X, W, B).
 *   The file holds int8 weights; the Conv computes in float on the dequantized weight.
 * Per-channel (scales along the output channels) is the default for Conv (Int8Options.convPerChannel).
 * Conv is off by default (as in the issue): ORT has no fused kernel for the integer form. Measured on a
 * torchvision resnet18 export (1 thread, this 2-core AVX2 machine): integer 0.21–0.23× the fp32 speed,
 * weight-only 0.82× per-tensor and 0.68× per-channel (DequantizeLinear runs on every inference; onnxruntime does not fold it into the
 * weight unless its session option session.disable_quant_qdq is set), both ~4× smaller weights.
 */
import { DataType } from '../../onnx/dtype.js';
import { elementCount, tensorBytes } from '../../onnx/tensor.js';
import type { GraphScope } from '../../onnx/graph.js';
import type { NodeProto } from '../../onnx/types.js';
import { resolveConstant, type ConstantWeight } from './constant-weight.js';
import { makeNode } from '../nodes.js';
import type { OpQuantizer } from './op-quantizer.js';
import type { QuantSession } from './session.js';

/** What both Conv forms need: an [M, C/group, k…] weight and, if any, a float bias of M values. */
export function convCheck(node: NodeProto, weight: ConstantWeight, scope: GraphScope, s: QuantSession): string | undefined {
  if (weight.transposed || weight.tensor.dims.length < 3) return 'weight is not an [M, C/group, k…] tensor';
  const b = node.input[2];
  if (b) {
    const bias = resolveConstant(scope, b, s.index);
    if (!bias || bias.transposed || bias.tensor.dataType !== DataType.FLOAT) return 'bias is not a float constant';
    if (elementCount(bias.tensor.dims) !== weight.tensor.dims[0]) return 'bias length differs from the output channels';
  }
  return undefined;
}

export const convQuantizer: OpQuantizer<QuantSession> = {
  check(node, weight, scope, s) {
    const reason = convCheck(node, weight, scope, s);
    if (reason) return reason;
    if (s.options.convPerChannel && s.options.weightType === 'uint8') {
      // ConvInteger takes a single weight zero point in ORT's CPU kernel; asymmetric channels differ.
      return 'per-channel uint8 Conv needs per-channel zero points, which ORT ConvInteger does not take';
    }
    return undefined;
  },
  rewrite(node, weight, scope, s, out) {
    const base = s.baseOf(node, scope);
    const m = weight.tensor.dims[0]!;
    const spatialOnes = weight.tensor.dims.slice(2).map(() => 1);
    const x = s.activation(scope.graph, node.input[0]!, out);
    const axis = s.options.convPerChannel ? 0 : undefined;
    const w = s.weight({ weight, axis, paramDims: [m, ...spatialOnes], scalarZeroPoint: true }, scope.graph, out);
    const integer = s.fresh(`${base}_output_quantized`);
    out.push(makeNode('ConvInteger', s.fresh(`${base}_quant`), [x.q, w.q, x.zeroPoint, w.zeroPoint], [integer], node.attribute));
    const b = node.input[2];
    const output = node.output[0]!;
    if (!b) {
      out.push(...s.rescale(integer, x.scale, w.scale, output, base));
      return;
    }
    const scaled = s.fresh(`${base}_output_unbiased`);
    out.push(...s.rescale(integer, x.scale, w.scale, scaled, base));
    // Conv's bias is [M]; the Add needs it as [M, 1, …] to broadcast over [N, M, spatial…].
    const bias = resolveConstant(scope, b, s.index)!;
    const biasName = s.pool.intern(`${base}_bias`, DataType.FLOAT, [m, ...spatialOnes], tensorBytes(bias.tensor, s.external));
    out.push(makeNode('Add', s.fresh(`${base}_bias_add`), [scaled, biasName], [output]));
    return [bias.path];
  },
};
