/**
 * A thin graph layer over the proto objects: scopes (the main graph, every If/Loop/Scan body and any
 * other graph-valued attribute, training graphs), tensor sites, who produces and who uses each name,
 * outer-scope captures, and "replace all uses" that respects shadowing (ONNX IR: "Names within a graph"
 * — a subgraph may reference names of enclosing graphs; a name it defines itself hides the outer one).
 */
import type { AttributeProto, FunctionProto, GraphProto, ModelProto, NodeProto, TensorProto } from './types.js';

export interface GraphScope {
  graph: GraphProto;
  parent?: GraphScope;
  /** The node whose attribute holds this graph (undefined for top-level graphs). */
  owner?: NodeProto;
  attribute?: AttributeProto;
  depth: number;
}

/** Graph-valued attributes of a node (If branches, Loop/Scan bodies, custom ops' graphs). */
export function subgraphsOf(node: NodeProto): { graph: GraphProto; attribute: AttributeProto }[] {
  const out: { graph: GraphProto; attribute: AttributeProto }[] = [];
  for (const a of node.attribute) {
    if (a.g) out.push({ graph: a.g, attribute: a });
    for (const g of a.graphs) out.push({ graph: g, attribute: a });
  }
  return out;
}

/** Visits `scope` and all graphs nested in it, parents before children. Iterative: nesting can be deep. */
export function walkScope(root: GraphScope, cb: (scope: GraphScope) => void): void {
  const stack: GraphScope[] = [root];
  while (stack.length) {
    const scope = stack.pop()!;
    cb(scope);
    const children: GraphScope[] = [];
    for (const node of scope.graph.node) {
      for (const { graph, attribute } of subgraphsOf(node)) {
        children.push({ graph, parent: scope, owner: node, attribute, depth: scope.depth + 1 });
      }
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
}

/** The top-level graphs of a model: the main graph and the training-info graphs. */
export function rootScopes(model: ModelProto): GraphScope[] {
  const roots: GraphScope[] = [];
  if (model.graph) roots.push({ graph: model.graph, depth: 0 });
  for (const ti of model.trainingInfo) {
    if (ti.initialization) roots.push({ graph: ti.initialization, depth: 0 });
    if (ti.algorithm) roots.push({ graph: ti.algorithm, depth: 0 });
  }
  return roots;
}

export function forEachGraph(model: ModelProto, cb: (scope: GraphScope) => void): void {
  for (const root of rootScopes(model)) walkScope(root, cb);
}

/** All scopes of the main graph (not training graphs), parents before children. */
export function mainScopes(model: ModelProto): GraphScope[] {
  const out: GraphScope[] = [];
  if (model.graph) walkScope({ graph: model.graph, depth: 0 }, (s) => out.push(s));
  return out;
}

export type TensorSite =
  | { kind: 'initializer'; scope: GraphScope; index: number }
  | { kind: 'sparse-initializer'; scope: GraphScope; part: 'values' | 'indices' }
  | { kind: 'attribute'; node: NodeProto; attribute: AttributeProto; scope?: GraphScope; fn?: FunctionProto };

function attributeTensors(node: NodeProto, site: (t: TensorProto, a: AttributeProto) => void) {
  for (const a of node.attribute) {
    if (a.t) site(a.t, a);
    for (const t of a.tensors) site(t, a);
    if (a.sparseTensor?.values) site(a.sparseTensor.values, a);
    if (a.sparseTensor?.indices) site(a.sparseTensor.indices, a);
    for (const s of a.sparseTensors) {
      if (s.values) site(s.values, a);
      if (s.indices) site(s.indices, a);
    }
  }
}

/**
 * Every TensorProto in the model: initializers, sparse initializers, tensors in attributes (Constant
 * values and others), in every graph and subgraph, training graphs and function bodies.
 */
export function forEachTensor(model: ModelProto, cb: (t: TensorProto, site: TensorSite) => void): void {
  forEachGraph(model, (scope) => {
    scope.graph.initializer.forEach((t, index) => cb(t, { kind: 'initializer', scope, index }));
    for (const s of scope.graph.sparseInitializer) {
      if (s.values) cb(s.values, { kind: 'sparse-initializer', scope, part: 'values' });
      if (s.indices) cb(s.indices, { kind: 'sparse-initializer', scope, part: 'indices' });
    }
    for (const node of scope.graph.node) attributeTensors(node, (t, attribute) => cb(t, { kind: 'attribute', node, attribute, scope }));
  });
  for (const fn of model.functions) {
    const visit = (nodes: NodeProto[]) => {
      for (const node of nodes) {
        attributeTensors(node, (t, attribute) => cb(t, { kind: 'attribute', node, attribute, fn }));
        for (const { graph } of subgraphsOf(node)) visit(graph.node);
      }
    };
    visit(fn.node);
  }
}

/** Names a graph defines itself: its inputs, initializers, sparse initializers and node outputs. */
export function definedNames(graph: GraphProto): Set<string> {
  const names = new Set<string>();
  for (const v of graph.input) if (v.name) names.add(v.name);
  for (const t of graph.initializer) if (t.name) names.add(t.name);
  for (const s of graph.sparseInitializer) if (s.values?.name) names.add(s.values.name);
  for (const n of graph.node) for (const o of n.output) if (o) names.add(o);
  return names;
}

/**
 * Names a graph reads from enclosing scopes (its free variables), including those read by graphs
 * nested in it. Memoized per graph object for one call tree.
 */
export function outerReferences(graph: GraphProto, memo = new Map<GraphProto, Set<string>>()): Set<string> {
  const known = memo.get(graph);
  if (known) return known;
  const defined = definedNames(graph);
  const free = new Set<string>();
  memo.set(graph, free);
  const consider = (name: string) => {
    if (name && !defined.has(name)) free.add(name);
  };
  for (const n of graph.node) {
    for (const i of n.input) consider(i);
    for (const { graph: g } of subgraphsOf(n)) for (const name of outerReferences(g, memo)) consider(name);
  }
  for (const o of graph.output) if (o.name) consider(o.name);
  return free;
}

export interface NameUse {
  node: NodeProto;
  scope: GraphScope;
  /** Input slot; -1 when the use is an outer-scope capture by a subgraph of this node. */
  inputIndex: number;
}

/**
 * Direct uses of each of `names` as a node input in `scope` and in nested scopes that do not shadow it,
 * in one walk (a pass asking per weight would read the graph once per weight: quadratic on a model with
 * thousands of layers). Every name gets an entry, empty when unread.
 */
export function usesOfAll(scope: GraphScope, names: Iterable<string>): Map<string, NameUse[]> {
  const uses = new Map<string, NameUse[]>();
  for (const n of names) uses.set(n, []);
  const visit = (s: GraphScope, visible: Set<string>) => {
    for (const node of s.graph.node) {
      node.input.forEach((input, inputIndex) => {
        if (visible.has(input)) uses.get(input)!.push({ node, scope: s, inputIndex });
      });
      for (const { graph, attribute } of subgraphsOf(node)) {
        const own = definedNames(graph);
        let still = visible; // a subgraph rarely shadows an outer name: copy the set only when it does
        for (const n of own) if (visible.has(n)) { still = new Set([...visible].filter((v) => !own.has(v))); break; }
        if (still.size) visit({ graph, parent: s, owner: node, attribute, depth: s.depth + 1 }, still);
      }
    }
  };
  visit(scope, new Set(uses.keys()));
  return uses;
}

/** Every name used anywhere in the model (for making fresh names). */
export function allNames(model: ModelProto): Set<string> {
  const names = new Set<string>();
  forEachGraph(model, ({ graph }) => {
    for (const n of definedNames(graph)) names.add(n);
    for (const n of graph.node) {
      for (const i of n.input) names.add(i);
      if (n.name) names.add(n.name);
    }
    for (const v of graph.output) if (v.name) names.add(v.name);
    for (const v of graph.valueInfo) if (v.name) names.add(v.name);
  });
  return names;
}

/** Per name set, the next suffix to try for each base: asking for `weight` 8,000 times stays linear. */
const nextSuffix = new WeakMap<Set<string>, Map<string, number>>();

/** A name not in `taken` (and then reserved in it), derived from `base`. */
export function freshName(taken: Set<string>, base: string): string {
  let next = nextSuffix.get(taken);
  if (!next) nextSuffix.set(taken, (next = new Map()));
  let name = base;
  let k = next.get(base) ?? 1;
  if (taken.has(name)) {
    while (taken.has((name = `${base}_${k}`))) k++;
    next.set(base, k + 1);
  }
  taken.add(name);
  return name;
}

export function attr(node: NodeProto, name: string): AttributeProto | undefined {
  return node.attribute.find((a) => a.name === name);
}
