/**
 * What the float rewrites before static QDQ share (static-affine.ts, static-hardswish.ts): the main
 * graph's def-use index with the exclusion rule, scalar constants, sole readers, and the value infos of
 * the tensors a rewrite removed.
 */
import { DataType } from '../../onnx/dtype.js';
import { DefUse } from '../../graph/def-use.js';
import { allNames, mainScopes, type GraphScope } from '../../onnx/graph.js';
import { elementCount, tensorFloat32, type ExternalDataSource } from '../../onnx/tensor.js';
import type { ModelProto, NodeProto } from '../../onnx/types.js';
import { nodeId } from '../nodes.js';
import { DefinitionIndex, resolveConstant, type ConstantWeight } from './constant-weight.js';

export const isDefault = (n: NodeProto) => (n.domain ?? '') === '';

export interface RewriteScope {
  scope: GraphScope;
  du: DefUse;
  index: DefinitionIndex;
  names: Set<string>;
  excluded: (n: NodeProto) => boolean;
  external: ExternalDataSource | undefined;
}

/** The main graph to rewrite, or undefined when the model has none. */
export function rewriteScope(model: ModelProto, external: ExternalDataSource | undefined, exclude: readonly RegExp[]): RewriteScope | undefined {
  const scope = mainScopes(model)[0];
  if (!scope) return undefined;
  return { scope, du: new DefUse(scope), index: new DefinitionIndex(), names: allNames(model), excluded: (n) => exclude.some((re) => re.test(nodeId(n))), external };
}

/** The one finite float32 value of the constant at `name`, with where it came from. */
export function scalarConstant(r: RewriteScope, name: string | undefined): { value: number; c: ConstantWeight } | undefined {
  const c = name ? resolveConstant(r.scope, name, r.index) : undefined;
  if (!c || c.tensor.dataType !== DataType.FLOAT || elementCount(c.tensor.dims) !== 1) return undefined;
  const value = tensorFloat32(c.tensor, r.external)[0]!;
  return Number.isFinite(value) ? { value, c } : undefined;
}

/** The only reader of `name`, when it has one and `name` is not a graph output. */
export function onlyReader(du: DefUse, name: string): NodeProto | undefined {
  const readers = du.readers(name);
  return readers.length === 1 && !du.isGraphOutput(name) ? readers[0]!.node : undefined;
}

/** Drops the value infos of tensors no node writes any more. */
export function dropValueInfo(scope: GraphScope, stale: ReadonlySet<string>): void {
  scope.graph.valueInfo = scope.graph.valueInfo.filter((v) => !stale.has(v.name ?? ''));
}
