/**
 * Gemm (Y = alpha·A'·B' + beta·C, A' = transA ? Aᵀ : A, B' likewise) as every scheme reads it: the
 * weight B as the node sees it, and what becomes of alpha, transA and beta·C. The schemes differ only
 * in the product they write (int8-gemm.ts: MatMulInteger; int4-gemm.ts: MatMulNBits) and in one case,
 * a beta ≠ 1 on a C computed at run time (`computed` below): int8 scales it with a Mul, int4 refuses the
 * node, as each did before the two paths were one (outputs byte-identical; an int4 Mul would be new
 * behaviour, for a form no exporter we know writes).
 */
import { DataType } from '../../onnx/dtype.js';
import { attr, type GraphScope } from '../../onnx/graph.js';
import { tensorFloat32, type ExternalDataSource } from '../../onnx/tensor.js';
import type { NodeProto } from '../../onnx/types.js';
import { resolveConstant, type ConstantWeight, type DefinitionIndex } from './constant-weight.js';

/** What is added to the product. */
export type GemmBias =
  /** No C, or beta 0. */
  | { kind: 'none' }
  /** beta 1: C itself. */
  | { kind: 'as-is'; name: string }
  /** beta ≠ 1 on a float constant C: beta·C is a new constant. */
  | { kind: 'scaled'; c: ConstantWeight }
  /** beta ≠ 1 on a C computed at run time (or not float): it needs a Mul. */
  | { kind: 'computed'; name: string };

export interface GemmPlan {
  /** Folded into the weight (int8: its scale; int4: the values before quantizing). */
  alpha: number;
  beta: number;
  /** A is transposed first (a Transpose node in front of the product). */
  transA: boolean;
  bias: GemmBias;
}

const flag = (node: NodeProto, name: string) => (attr(node, name)?.i ?? 0n) !== 0n;

/** B as the node reads it: with transB the consumer sees Bᵀ (a transposed view of a transposed view is the tensor). */
export function gemmWeight(node: NodeProto, scope: GraphScope, index: DefinitionIndex): ConstantWeight | undefined {
  const w = node.input[1] ? resolveConstant(scope, node.input[1], index) : undefined;
  if (!w) return undefined;
  return flag(node, 'transB') ? { ...w, transposed: !w.transposed } : w;
}

export function gemmPlan(node: NodeProto, scope: GraphScope, index: DefinitionIndex): GemmPlan {
  const alpha = attr(node, 'alpha')?.f ?? 1;
  const beta = attr(node, 'beta')?.f ?? 1;
  const c = node.input[2];
  let bias: GemmBias;
  if (!c || beta === 0) bias = { kind: 'none' };
  else if (beta === 1) bias = { kind: 'as-is', name: c };
  else {
    const constC = resolveConstant(scope, c, index);
    bias = constC && !constC.transposed && constC.tensor.dataType === DataType.FLOAT ? { kind: 'scaled', c: constC } : { kind: 'computed', name: c };
  }
  return { alpha, beta, transA: flag(node, 'transA'), bias };
}

/** beta·C as float32 products (what the Gemm computes before adding). */
export function scaledBias(c: ConstantWeight, beta: number, external?: ExternalDataSource): Float32Array {
  return Float32Array.from(tensorFloat32(c.tensor, external), (v) => v * beta);
}
