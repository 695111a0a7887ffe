/**
 * Finding the constant behind a node input: an initializer or a Constant node, in the node's graph or
 * any enclosing graph (ONNX IR "Names within a graph": a subgraph may read outer names), possibly
 * reached through Identity nodes (dedup leaves those) and 2-D Transposes (tied embeddings, Gemm-style
 * weights). Also removes what quantization left unused. Definitions come from each graph's def-use
 * index (graph/def-use.ts).
 */
import { DefUse } from '../../graph/def-use.js';
import { attr, usesOfAll, type GraphScope } from '../../onnx/graph.js';
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

/**
 * The def-use index of each graph (graph/def-use.ts), built on first ask — as the graph stands then — and
 * kept for the stage's run: rewrites build a new node list and assign it at the end, so during them the
 * index describes the graph as it was. Each graph's index is its own: resolveConstant walks the enclosing
 * scopes itself, recording the path and looking through Transposes, which DefUse.constant does not.
 */
export class DefinitionIndex {
  private readonly byGraph = new WeakMap<GraphProto, DefUse>();

  /** The index of `graph` (a scope's graph). */
  of(graph: GraphProto): DefUse {
    let du = this.byGraph.get(graph);
    if (!du) this.byGraph.set(graph, (du = new DefUse(graph)));
    return du;
  }

  /** Whether `name` is still defined in `graph` itself (after removeUnused, its own removals included). */
  defines(graph: GraphProto, name: string): boolean {
    return this.of(graph).definition(name) !== undefined && !this.removed.get(graph)?.has(name);
  }

  /** Names removeUnused took out of each graph; DefUse on main cannot drop an initializer from its index. */
  private readonly removed = new WeakMap<GraphProto, Set<string>>();

  /** Records that removeUnused removed the definition of `name` from `graph`. */
  markRemoved(graph: GraphProto, name: string): void {
    const names = this.removed.get(graph) ?? new Set<string>();
    this.removed.set(graph, names.add(name));
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
    const def = index.defines(current.graph, wanted) ? index.of(current.graph).definition(wanted) : undefined;
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
 * Removes the definitions on `paths` that nothing reads any more (our rewrites left them unused), then
 * what those read, until nothing changes. Only initializers, Constant, Identity and Transpose nodes are
 * removed: those are what resolveConstant passes through, and none has side effects. Reads are counted
 * once per graph (usesOfAll) and decremented as readers go, so a model with thousands of quantized
 * weights is walked a few times, not once per weight. Returns how many definitions were removed.
 */
export function removeUnused(paths: ConstantWeight['path'][], index: DefinitionIndex): number {
  // Reads of every name on a path, per graph that defines it (its own outputs count as reads).
  const reads = new Map<GraphProto, Map<string, number>>();
  const byScope = new Map<GraphProto, { scope: GraphScope; names: Set<string> }>();
  for (const path of paths) {
    for (const { scope, name } of path) {
      const entry = byScope.get(scope.graph) ?? { scope, names: new Set<string>() };
      entry.names.add(name);
      byScope.set(scope.graph, entry);
    }
  }
  for (const [graph, { scope, names }] of byScope) {
    const counts = new Map<string, number>();
    for (const [name, uses] of usesOfAll(scope, names)) counts.set(name, uses.length);
    for (const o of graph.output) if (o.name && counts.has(o.name)) counts.set(o.name, counts.get(o.name)! + 1);
    reads.set(graph, counts);
  }
  /** One read of `name` from `scope` is gone: charge it to the nearest graph that counts that name. */
  const unread = (scope: GraphScope | undefined, name: string) => {
    for (let s = scope; s; s = s.parent) {
      const counts = reads.get(s.graph);
      if (counts?.has(name)) { counts.set(name, counts.get(name)! - 1); return; }
      if (index.defines(s.graph, name)) return; // defined here but not a path name: not ours to remove
    }
  };

  const dead = new Set<TensorProto | NodeProto>();
  const droppedInputs = new Map<GraphProto, Set<string>>();
  let removed = 0;
  let changed = true;
  while (changed) {
    changed = false;
    for (const path of paths) {
      for (const { scope, name } of path) {
        const g = scope.graph;
        const def = index.defines(g, name) ? index.of(g).definition(name) : undefined;
        if (!def || def.kind === 'input') break;
        if ((reads.get(g)!.get(name) ?? 0) > 0) break;
        if (def.kind === 'initializer') {
          dead.add(def.tensor);
          // Its graph-input twin (an input with this default) goes too, as ORT's quantizer does.
          const inputs = droppedInputs.get(g) ?? new Set<string>();
          droppedInputs.set(g, inputs.add(name));
        } else {
          dead.add(def.node);
          for (const input of def.node.input) if (input) unread(scope, input);
        }
        index.markRemoved(g, name);
        removed++;
        changed = true;
      }
    }
  }
  for (const g of byScope.keys()) {
    g.initializer = g.initializer.filter((t) => !dead.has(t));
    index.of(g).remove(g.node.filter((n) => dead.has(n)));
    const inputs = droppedInputs.get(g);
    if (inputs) g.input = g.input.filter((v) => !inputs.has(v.name ?? ''));
  }
  return removed;
}
