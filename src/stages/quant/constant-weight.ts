/**
 * Finding the constant behind a node input: an initializer or a Constant node, in the node's graph or
 * any enclosing graph (ONNX IR "Names within a graph": a subgraph may read outer names), possibly
 * reached through Identity nodes (dedup leaves those) and 2-D Transposes (tied embeddings, Gemm-style
 * weights). Also removes what quantization left unused.
 */
import { attr, usesOf, type GraphScope } from '../../onnx/graph.js';
import { constantNodeTensor, isConstantNode } from '../../onnx/tensor.js';
import type { GraphProto, NodeProto, TensorProto } from '../../onnx/types.js';

/** A constant tensor as a consumer sees it. */
export interface ConstantWeight {
  /** The tensor in its stored layout. */
  tensor: TensorProto;
  /** True when the consumer sees the 2-D transpose of `tensor`. */
  transposed: boolean;
  /** Names passed on the way, the consumer's input first and the constant's own name last. */
  path: { scope: GraphScope; name: string }[];
}

type Definition =
  | { kind: 'initializer'; tensor: TensorProto }
  | { kind: 'input' }
  | { kind: 'node'; node: NodeProto };

/** Who defines each name of a graph; built once per graph and kept for the stage's run. */
export class DefinitionIndex {
  private readonly byGraph = new WeakMap<GraphProto, Map<string, Definition>>();

  of(graph: GraphProto): Map<string, Definition> {
    let defs = this.byGraph.get(graph);
    if (defs) return defs;
    defs = new Map();
    // An initializer that is also a graph input is an input with a default; like ORT's quantizer we
    // treat it as the constant weight it almost always is (older exporters list every weight as input).
    for (const v of graph.input) if (v.name) defs.set(v.name, { kind: 'input' });
    for (const t of graph.initializer) if (t.name) defs.set(t.name, { kind: 'initializer', tensor: t });
    for (const n of graph.node) for (const o of n.output) if (o) defs.set(o, { kind: 'node', node: n });
    this.byGraph.set(graph, defs);
    return defs;
  }
}

/** True for a Transpose that swaps the two axes of a 2-D tensor (perm [1, 0] or the default reversal). */
function isTranspose2d(node: NodeProto, rank: number): boolean {
  if (rank !== 2) return false;
  const perm = attr(node, 'perm')?.ints;
  return !perm || perm.length === 0 || (perm.length === 2 && perm[0] === 1n && perm[1] === 0n);
}

/** The constant behind `name` as read in `scope`, or undefined when it is computed or fed at run time. */
export function resolveConstant(scope: GraphScope, name: string, index: DefinitionIndex): ConstantWeight | undefined {
  const path: ConstantWeight['path'] = [];
  const transposed = false; // Identity keeps the layout; a Transpose recurses below
  let current: GraphScope | undefined = scope;
  let wanted = name;
  for (let steps = 0; current && steps < 64; steps++) {
    const def = index.of(current.graph).get(wanted);
    if (!def) {
      current = current.parent;
      continue;
    }
    path.push({ scope: current, name: wanted });
    if (def.kind === 'input') return undefined;
    if (def.kind === 'initializer') return { tensor: def.tensor, transposed, path };
    const node = def.node;
    if ((node.domain ?? '') !== '') return undefined;
    if (isConstantNode(node)) {
      const tensor = constantNodeTensor(node);
      // Only the `value` form is a tensor the node owns; value_floats etc. are 1-D or scalars anyway.
      return tensor && tensor === attr(node, 'value')?.t ? { tensor, transposed, path } : undefined;
    }
    if (node.opType === 'Identity' && node.input[0]) {
      wanted = node.input[0];
      continue;
    }
    if (node.opType === 'Transpose' && node.input[0]) {
      const inner = resolveConstant(current, node.input[0], index);
      if (!inner || !isTranspose2d(node, inner.tensor.dims.length)) return undefined;
      return { tensor: inner.tensor, transposed: !inner.transposed, path: [...path, ...inner.path] };
    }
    return undefined;
  }
  return undefined;
}

/**
 * Removes the definitions of `names` that nothing reads any more (our rewrites left them unused), then
 * of what those read, until nothing changes. Only initializers, Constant, Identity and Transpose nodes
 * are removed: those are what resolveConstant passes through, and none has side effects.
 * Returns how many definitions were removed.
 */
export function removeUnused(paths: ConstantWeight['path'][], index: DefinitionIndex): number {
  let removed = 0;
  let changed = true;
  while (changed) {
    changed = false;
    for (const path of paths) {
      for (const { scope, name } of path) {
        const g = scope.graph;
        const defs = index.of(g);
        const def = defs.get(name);
        if (!def || def.kind === 'input') break;
        if (g.output.some((o) => o.name === name) || usesOf(scope, name).length > 0) break;
        if (def.kind === 'initializer') {
          g.initializer = g.initializer.filter((t) => t !== def.tensor);
          // Its graph-input twin (an input with this default) goes too, as ORT's quantizer does.
          g.input = g.input.filter((v) => v.name !== name);
        } else {
          g.node = g.node.filter((n) => n !== def.node);
        }
        defs.delete(name);
        removed++;
        changed = true;
      }
    }
  }
  return removed;
}
