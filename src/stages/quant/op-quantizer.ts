/** What each op's int8 quantizer provides (one small object per op, listed in registry.ts). */
import type { GraphScope } from '../../onnx/graph.js';
import type { NodeProto } from '../../onnx/types.js';
import type { ConstantWeight } from './constant-weight.js';
import type { QuantSession } from './session.js';

export interface OpQuantizer {
  /** The constant float weight this node would quantize; undefined when it has none (not a candidate). */
  weightOf(node: NodeProto, scope: GraphScope, s: QuantSession): ConstantWeight | undefined;
  /** Why this node cannot be quantized (checked before rewrite, so rewrite never fails halfway). */
  check(node: NodeProto, weight: ConstantWeight, scope: GraphScope, s: QuantSession): string | undefined;
  /**
   * Appends the nodes that replace `node` to `out`; they write the node's outputs. Returns the paths of
   * other constants it stopped reading (a bias it rescaled or reshaped), so they can be removed if unused.
   */
  rewrite(node: NodeProto, weight: ConstantWeight, scope: GraphScope, s: QuantSession, out: NodeProto[]): ConstantWeight['path'][] | void;
}
