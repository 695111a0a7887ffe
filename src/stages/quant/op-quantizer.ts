/**
 * The one shape of a scheme's quantizer for one op (int8 dynamic, int8 weight-only, int4), listed per op
 * in registry.ts. `S` is the scheme's run state (QuantSession for int8, Int4Pass for int4): its options,
 * its content-keyed store and its fresh names. The driver finds the weight (the row's `weightOf`), runs
 * the common checks and `check`, and only then `rewrite`, so a rewrite never fails halfway.
 */
import type { GraphScope } from '../../onnx/graph.js';
import type { NodeProto } from '../../onnx/types.js';
import type { ConstantWeight } from './constant-weight.js';

export interface OpQuantizer<S> {
  /** Why this scheme leaves every such node alone under the run's options, before any weight is looked for. */
  disabled?(s: S): string | undefined;
  /** Why this node cannot be quantized (checked before rewrite, so rewrite never fails halfway). */
  check(node: NodeProto, weight: ConstantWeight, scope: GraphScope, s: S): string | undefined;
  /**
   * Appends the nodes that replace `node` to `out` (possibly `node` itself, changed); they write the
   * node's outputs. Returns the paths of other constants it stopped reading (a bias it rescaled or
   * reshaped; the driver records the weight's), so they can be removed once unused.
   */
  rewrite(node: NodeProto, weight: ConstantWeight, scope: GraphScope, s: S, out: NodeProto[]): ConstantWeight['path'][] | void;
}
