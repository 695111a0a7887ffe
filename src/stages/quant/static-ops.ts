/**
 * Op type → how static (QDQ) quantization treats it, after ORT's registry.py (QDQRegistry) and the node
 * groups onnxruntime's QDQ transformer turns into integer kernels (qdq_selectors.cc, qdq_actions.cc):
 * - `compute`: DequantizeLinear in front of each listed input, QuantizeLinear after the output, each with
 *   its own calibrated range; ORT fuses DQ → op → Q into QLinearConv, QLinearMatMul, QGemm, QLinearAdd,
 *   QLinearMul, QLinearConcat, QLinearGlobalAveragePool, QLinearAveragePool, QLinearSigmoid, QLinearLeakyRelu.
 *   `weight` names the input that must be a constant (its slot from registry.ts's WEIGHT_SLOTS; quantized
 *   offline, per channel along `axis`), `bias`
 *   the one stored as int32 at scale x_scale · w_scale (ORT quantize_bias_static).
 * - `passThrough`: the output takes the input's scale and zero point (ORT's "share" of quantization
 *   parameters), so ORT drops the DQ/Q pair and runs the op on the 8-bit values (MaxPool, Reshape, …).
 * - `gate`: a bounded op ORT has no integer kernel for, whose output is a fixed quantization grid of its
 *   input instead of a calibrated range (HardSigmoid: static-gates.ts).
 * Adding an op is one row.
 */
import { attr } from '../../onnx/graph.js';
import type { NodeProto } from '../../onnx/types.js';
import { WEIGHT_SLOTS } from './registry.js';

export interface StaticOpRule {
  kind: 'compute' | 'passThrough' | 'gate';
  /** Activation inputs to quantize (indices); `all` for every input (Concat). */
  inputs: number[] | 'all';
  /** The constant weight input and its per-channel axis (in the stored layout), if the op has one. */
  weight?: { input: number; axis: (node: NodeProto, rank: number) => number };
  /** Bias input quantized to int32. */
  bias?: number;
  /**
   * Activation inputs that may be constants (a scalar shift or scale, a learned per-channel affine): they
   * are quantized offline to the activation type, per tensor, behind a DequantizeLinear, because ORT's
   * binary and variadic selectors (QLinearAdd, QLinearMul, QLinearConcat) need a DQ on every input.
   */
  constants?: boolean;
  /** Div by a constant: written as Mul by its reciprocal (ORT has no QLinearDiv); input 1 must be constant. */
  reciprocal?: boolean;
  /** HardSwish (opset 14): written as x · gate(x), the gate a HardSigmoid grid (static-gates.ts). */
  hardSwish?: boolean;
}

const transB = (n: NodeProto) => Number(attr(n, 'transB')?.i ?? 0n) === 1;

export const STATIC_RULES: Record<string, StaticOpRule> = {
  Conv: { kind: 'compute', inputs: [0], weight: { input: WEIGHT_SLOTS.Conv, axis: () => 0 }, bias: 2 },
  // A constant B is quantized as a weight (per column); two activations both get Q/DQ (QLinearMatMul).
  MatMul: { kind: 'compute', inputs: [0, 1], weight: { input: WEIGHT_SLOTS.MatMul, axis: (_n, rank) => rank - 1 } },
  Gemm: { kind: 'compute', inputs: [0], weight: { input: WEIGHT_SLOTS.Gemm, axis: (n) => (transB(n) ? 0 : 1) }, bias: 2 },
  Add: { kind: 'compute', inputs: [0, 1], constants: true },
  Mul: { kind: 'compute', inputs: [0, 1], constants: true },
  Div: { kind: 'compute', inputs: [0, 1], constants: true, reciprocal: true },
  Concat: { kind: 'compute', inputs: 'all', constants: true },
  GlobalAveragePool: { kind: 'compute', inputs: [0] },
  AveragePool: { kind: 'compute', inputs: [0] },
  Sigmoid: { kind: 'compute', inputs: [0] },
  LeakyRelu: { kind: 'compute', inputs: [0] },
  HardSigmoid: { kind: 'gate', inputs: [0] },
  HardSwish: { kind: 'compute', inputs: [0], hardSwish: true },
  MaxPool: { kind: 'passThrough', inputs: [0] },
  Resize: { kind: 'passThrough', inputs: [0] },
  Reshape: { kind: 'passThrough', inputs: [0] },
  Transpose: { kind: 'passThrough', inputs: [0] },
  Flatten: { kind: 'passThrough', inputs: [0] },
  Squeeze: { kind: 'passThrough', inputs: [0] },
  Unsqueeze: { kind: 'passThrough', inputs: [0] },
};

/** Ops static quantization places QDQ around by default: every row above. */
export const DEFAULT_STATIC_OPS = Object.keys(STATIC_RULES);

/**
 * Ops static quantization also takes when listed in `ops`, in their dynamic int8 form since they have no
 * integer kernel to fuse into: Gather from a constant table (embeddings; quant/int8-gather.ts) gathers int8
 * rows and dequantizes them, a transformer's largest tensor at a quarter of its bytes.
 */
export const STATIC_WEIGHT_ONLY_OPS = ['Gather'];

/**
 * Activations whose effect the output's quantization can take over (ORT's QDQRemovableActivation and the
 * Relu/Clip + QuantizeLinear fusion): with the zero point at the bottom of the integer range, quantizing
 * clips at 0 exactly as Relu does. Clip qualifies when its lower bound is a constant 0.
 */
export const FOLDABLE_ACTIVATIONS = new Set(['Relu', 'Clip']);
