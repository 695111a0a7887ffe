/**
 * The quantizer registry (after ORT's registry.py): op type → which input holds its constant weight and,
 * per scheme, the quantizer that checks and rewrites it (op-quantizer.ts). Adding an op to a scheme is one
 * row here and one small file. Everything that asks "which input is the weight" reads a row's `weight`
 * (or WEIGHT_SLOTS, the same numbers): the int8 and int4 stages, static QDQ's rules (static-ops.ts),
 * `inspect` (report/inspect.ts) and the auto search (pipeline/auto-candidates.ts).
 *
 * Schemes:
 * - `int8`: dynamic int8 (quantize-int8): integer kernels on activations quantized at run time.
 * - `int8WeightOnly`: int8 weights behind a DequantizeLinear, the op itself in float (quantize-int8
 *   `conv-mode: weight-only`; only Conv has this form: the other ops' dynamic form is fused by ORT).
 * - static QDQ (quantize-int8 `activations: static`) places QuantizeLinear/DequantizeLinear by the rules
 *   in static-ops.ts, which take their weight slots from here.
 * - `int4` (quantize-int4): MatMulNBits for MatMul and Gemm, GatherBlockQuantized for Gather.
 * Conv is listed for int8 but not in its default op set (see int8-conv.ts).
 */
import type { GraphScope } from '../../onnx/graph.js';
import type { NodeProto } from '../../onnx/types.js';
import { resolveConstant, type ConstantWeight, type DefinitionIndex } from './constant-weight.js';
import { convQuantizer } from './int8-conv.js';
import { convWeightOnlyQuantizer } from './int8-conv-weight-only.js';
import { gatherQuantizer } from './int8-gather.js';
import { gemmQuantizer } from './int8-gemm.js';
import { matMulQuantizer } from './int8-matmul.js';
import { gemmWeight } from './gemm.js';
import { gatherBlockQuantizer } from './int4-gather.js';
import { gemmNBitsQuantizer } from './int4-gemm.js';
import { matMulNBitsQuantizer } from './int4-matmul.js';
import type { Int4Pass } from './int4-rewrite.js';
import type { OpQuantizer } from './op-quantizer.js';
import type { QuantSession } from './session.js';

/**
 * Weights with fewer elements stay float by default (quantize-int8's `min-elements`; inspect counts only
 * bigger ones). 1024 (a 32×32 matrix, 4 KiB of float32) because below it the saving (≤ 3 KiB) is about
 * what the added nodes and scale/zero-point tensors cost in the file, the DynamicQuantizeLinear pass
 * costs more time than the integer product saves, and such small weights are typically classifier heads
 * and first convolutions, where int8 error shows most in the outputs.
 */
export const DEFAULT_MIN_ELEMENTS = 1024;

export interface QuantOp {
  /** The input holding the constant weight (MatMul/Gemm B, Gather's table, Conv's W). */
  weight: number;
  /** The weight as the node reads it (Gemm with transB sees it transposed); default: the constant at `weight`. */
  weightOf?: (node: NodeProto, scope: GraphScope, index: DefinitionIndex) => ConstantWeight | undefined;
  int8?: OpQuantizer<QuantSession>;
  int8WeightOnly?: OpQuantizer<QuantSession>;
  int4?: OpQuantizer<Int4Pass>;
}

export const QUANT_OPS = {
  MatMul: { weight: 1, int8: matMulQuantizer, int4: matMulNBitsQuantizer },
  Gemm: { weight: 1, weightOf: gemmWeight, int8: gemmQuantizer, int4: gemmNBitsQuantizer },
  Gather: { weight: 0, int8: gatherQuantizer, int4: gatherBlockQuantizer },
  Conv: { weight: 1, int8: convQuantizer, int8WeightOnly: convWeightOnlyQuantizer },
} as const satisfies Record<string, QuantOp>;

export type QuantOpType = keyof typeof QUANT_OPS;

/** Input slot of the constant weight, per op: the rows' `weight`, for readers that need no quantizer. */
export const WEIGHT_SLOTS = Object.fromEntries(Object.entries(QUANT_OPS).map(([op, row]) => [op, row.weight])) as Record<QuantOpType, number>;

/** The registry row of a node (default domain only), or undefined when no scheme quantizes its op. */
export function quantOpOf(node: NodeProto): QuantOp | undefined {
  if ((node.domain ?? '') !== '') return undefined;
  const op = node.opType ?? '';
  return Object.hasOwn(QUANT_OPS, op) ? (QUANT_OPS[op as QuantOpType] as QuantOp) : undefined;
}

/** The constant weight `node` reads as its registry row says, or undefined when it reads none. */
export function weightOf(row: QuantOp, node: NodeProto, scope: GraphScope, index: DefinitionIndex): ConstantWeight | undefined {
  if (row.weightOf) return row.weightOf(node, scope, index);
  const name = node.input[row.weight];
  return name ? resolveConstant(scope, name, index) : undefined;
}

/** Ops a scheme quantizes, in registry order. */
export function opsWith(scheme: 'int8' | 'int8WeightOnly' | 'int4'): QuantOpType[] {
  return (Object.keys(QUANT_OPS) as QuantOpType[]).filter((op) => (QUANT_OPS[op] as QuantOp)[scheme] !== undefined);
}

export const DEFAULT_INT8_OPS = ['MatMul', 'Gemm', 'Gather'];
