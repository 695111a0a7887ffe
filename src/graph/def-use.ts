/**
 * Def-use index of one graph and the graphs nested in it (after onnx-ir's Value: each name knows its
 * producer and its uses). Rewrites go through the index's edits (insert, remove, replaceAllUses, rename),
 * which keep both the graph and the index current, so a pass never re-scans the graph per question.
 *
 * Scoping follows the ONNX IR ("Names within a graph"): a subgraph (If branch, Loop/Scan body, any
 * graph-valued attribute) may read names of enclosing graphs; a name it defines itself hides the outer
 * one. A read of an outer name by a subgraph is recorded on the outer graph as a use by the node that
 * owns the subgraph, with `inputIndex` -1 (a capture): removing or renaming that value must consider it.
 */
import { outerReferences, subgraphsOf, type GraphScope } from '../onnx/graph.js';
import { constantNodeTensor, isConstantNode } from '../onnx/tensor.js';
import type { GraphProto, NodeProto, TensorProto, ValueInfoProto } from '../onnx/types.js';

export interface Use {
  node: NodeProto;
  /** Input slot of `node`; -1 when a subgraph of `node` captures the value. */
  inputIndex: number;
}

/** A node input reading a value, and the index of the graph that node is in. */
export interface Reader {
  node: NodeProto;
  inputIndex: number;
  graph: DefUse;
}

export type Definition =
  | { kind: 'node'; node: NodeProto; outputIndex: number }
  | { kind: 'initializer'; tensor: TensorProto }
  | { kind: 'input'; info: ValueInfoProto };

export class DefUse {
  readonly graph: GraphProto;
  readonly parent?: DefUse;
  /** The node in `parent` whose attribute holds this graph. */
  readonly owner?: NodeProto;
  private readonly defs = new Map<string, Definition>();
  /**
   * Uses of each name, built on the first question that needs them (prune asks only for producers, and a
   * big graph's use lists cost more than its definitions); edits keep them current once built.
   */
  private useLists?: Map<string, Use[]>;
  private readonly outputs = new Set<string>();
  private readonly children = new Map<GraphProto, DefUse>();
  /** Outer names each node's subgraphs read (only nodes that have any). */
  private readonly captured = new Map<NodeProto, Set<string>>();
  /** Names of sparse initializers: not indexed as definitions, but they hide outer names all the same. */
  private readonly sparse = new Set<string>();
  /** Names defined more than once when the index was built (an input with an initializer of its name, or an invalid graph). */
  private readonly duplicates = new Set<string>();
  private infos?: Map<string, ValueInfoProto>;

  constructor(scope: GraphScope | GraphProto, parent?: DefUse, owner?: NodeProto) {
    this.graph = 'node' in scope ? scope : scope.graph;
    this.parent = parent;
    this.owner = owner;
    // An initializer that is also a graph input is an input with a default (IR v3 exporters list every
    // weight so); like onnxruntime's optimizers we take it as the constant it almost always is.
    const seen = (name: string) => { if (this.defs.has(name) || this.sparse.has(name)) this.duplicates.add(name); };
    for (const v of this.graph.input) if (v.name) { seen(v.name); this.defs.set(v.name, { kind: 'input', info: v }); }
    for (const t of this.graph.initializer) if (t.name) { seen(t.name); this.defs.set(t.name, { kind: 'initializer', tensor: t }); }
    for (const s of this.graph.sparseInitializer) if (s.values?.name) { seen(s.values.name); this.sparse.add(s.values.name); }
    for (const n of this.graph.node) {
      const out = n.output;
      for (let i = 0; i < out.length; i++) {
        const o = out[i]!;
        if (!o) continue;
        if (i > 0 && out.indexOf(o) < i) this.duplicates.add(o); // the node writes it twice
        else seen(o);
      }
      this.addNode(n);
    }
    for (const o of this.graph.output) if (o.name) this.outputs.add(o.name);
  }

  /** The index of a subgraph held by `node` (built on first ask, dropped when an edit may stale it). */
  child(node: NodeProto, graph: GraphProto): DefUse {
    let c = this.children.get(graph);
    if (!c) this.children.set(graph, (c = new DefUse(graph, this, node)));
    return c;
  }

  /** Who defines `name` in this graph itself (not enclosing graphs). */
  definition(name: string): Definition | undefined {
    return this.defs.get(name);
  }

  /** Whether this graph defines `name` itself (input, initializer, sparse initializer or node output), hiding any outer one. */
  defines(name: string): boolean {
    return this.defs.has(name) || this.sparse.has(name);
  }

  /**
   * Whether the graph defined `name` more than once when the index was built: as a graph input and an
   * initializer (an overridable default), or twice over (an invalid graph, whose names a pass leaves alone).
   */
  definedMoreThanOnce(name: string): boolean {
    return this.duplicates.has(name);
  }

  /** Names that graphs nested in this one (at any depth) define themselves; a fresh set per call. */
  innerDefinitions(): Set<string> {
    const names = new Set<string>();
    const visit = (du: DefUse) => {
      for (const n of du.graph.node) {
        for (const { graph } of subgraphsOf(n)) {
          const inner = du.child(n, graph);
          for (const name of inner.defs.keys()) names.add(name);
          for (const name of inner.sparse) names.add(name);
          visit(inner);
        }
      }
    };
    visit(this);
    return names;
  }

  /** Whether a graph enclosing this one defines `name` itself. */
  definedOutside(name: string): boolean {
    for (let p = this.parent; p; p = p.parent) if (p.defines(name)) return true;
    return false;
  }

  /** Who defines `name` as this graph sees it: itself or the nearest enclosing graph that does. */
  resolve(name: string): { definition: Definition; owner: DefUse } | undefined {
    const d = this.defs.get(name);
    return d ? { definition: d, owner: this } : this.parent?.resolve(name);
  }

  /** The node producing `name` in this graph, if a node does. */
  producer(name: string): NodeProto | undefined {
    const d = this.defs.get(name);
    return d?.kind === 'node' ? d.node : undefined;
  }

  /** Reads of `name` in this graph: node inputs, and captures by subgraphs (inputIndex -1). */
  consumers(name: string): readonly Use[] {
    return this.uses().get(name) ?? [];
  }

  /**
   * Every node input that reads `name` as this graph sees it, in this graph and in nested graphs that do
   * not define the name themselves. On a freshly built index they come in graph order (a node's inputs,
   * then the reads inside its subgraphs); nodes added by edits since come after. Captures are followed
   * into the subgraphs rather than reported; a subgraph output passing the value through is not a node
   * input and is not listed.
   */
  readers(name: string): Reader[] {
    const out: Reader[] = [];
    this.collectReaders(name, out);
    return out;
  }

  private collectReaders(name: string, out: Reader[]): void {
    for (const u of this.consumers(name)) {
      if (u.inputIndex >= 0) { out.push({ node: u.node, inputIndex: u.inputIndex, graph: this }); continue; }
      for (const { graph } of subgraphsOf(u.node)) {
        const inner = this.child(u.node, graph);
        if (!inner.defines(name)) inner.collectReaders(name, out);
      }
    }
  }

  /** The names `node` (a node of this graph) reads: its inputs, then the outer names its subgraphs capture. */
  reads(node: NodeProto): string[] {
    const names = node.input.filter((i) => i);
    const captured = this.captured.get(node);
    if (captured) names.push(...captured);
    return names;
  }

  isGraphOutput(name: string): boolean {
    return this.outputs.has(name);
  }

  /** Whether anything outside `within` reads `name` (a node not in the set, a capture or a graph output). */
  usedOutside(name: string, within: ReadonlySet<NodeProto>): boolean {
    return this.isGraphOutput(name) || this.consumers(name).some((u) => !within.has(u.node));
  }

  /**
   * The constant value of `name` as this graph reads it: an initializer (not overridable by a graph
   * input) or a Constant node's value, in this graph or an enclosing one, looking through Identity nodes
   * (torch.onnx ties equal parameters with them).
   */
  constant(name: string, hops = 0): TensorProto | undefined {
    const r = this.resolve(name);
    if (!r || hops > 16) return undefined;
    const d = r.definition;
    if (d.kind === 'initializer') return d.tensor;
    if (d.kind !== 'node') return undefined;
    if (isConstantNode(d.node)) return constantNodeTensor(d.node);
    if (d.node.opType !== 'Identity' || (d.node.domain ?? '') !== '' || !d.node.input[0]) return undefined;
    return r.owner.constant(d.node.input[0], hops + 1);
  }

  /** The declared type of `name` (graph input, output or value_info), looking outward. */
  valueInfo(name: string): ValueInfoProto | undefined {
    if (!this.infos) {
      this.infos = new Map();
      for (const v of [...this.graph.valueInfo, ...this.graph.output, ...this.graph.input]) if (v.name) this.infos.set(v.name, v);
    }
    const v = this.infos.get(name);
    if (v || this.defs.has(name)) return v;
    return this.parent?.valueInfo(name);
  }

  /** Static dims of `name` (undefined for unknown rank; a symbolic or absent dim is undefined). */
  dims(name: string): (number | undefined)[] | undefined {
    const c = this.constant(name);
    if (c) return [...c.dims];
    const shape = this.valueInfo(name)?.type?.tensorType?.shape;
    return shape?.dim.map((d) => d.dimValue);
  }

  /**
   * Inserts `nodes` into the graph before `before` (at the end when absent) and indexes them. The caller
   * keeps the order topological: inputs defined earlier, outputs read later.
   */
  insert(nodes: NodeProto[], before?: NodeProto): void {
    const at = before ? this.graph.node.indexOf(before) : -1;
    if (before && at < 0) throw new Error(`def-use: node '${before.name ?? before.output[0]}' is not in graph '${this.graph.name ?? ''}'`);
    this.graph.node.splice(at < 0 ? this.graph.node.length : at, 0, ...nodes);
    for (const n of nodes) this.addNode(n);
  }

  /** Adds an initializer to the graph and the index (its name must be new). */
  addInitializer(t: TensorProto): void {
    if (!t.name || this.defs.has(t.name)) throw new Error(`def-use: initializer name '${t.name ?? ''}' is empty or taken`);
    this.graph.initializer.push(t);
    this.defs.set(t.name, { kind: 'initializer', tensor: t });
  }

  /** Removes `nodes` from the graph and the index (one pass over the node list whatever their number). */
  remove(nodes: Iterable<NodeProto>): void {
    const gone = new Set(nodes);
    if (!gone.size) return;
    this.graph.node = this.graph.node.filter((n) => !gone.has(n));
    this.unindex(gone);
  }

  /**
   * Puts each key node of `replacements` out of the graph and its nodes in its place, in one pass over
   * the node list whatever their number. The caller keeps the order topological.
   */
  replace(replacements: ReadonlyMap<NodeProto, readonly NodeProto[]>): void {
    if (!replacements.size) return;
    this.graph.node = this.graph.node.flatMap((n) => replacements.get(n) ?? [n]);
    this.unindex(new Set(replacements.keys()));
    for (const nodes of replacements.values()) for (const n of nodes) this.addNode(n);
  }

  /**
   * Edits `node` (a node of this graph) in place through `edit` — its inputs, outputs or attributes — and
   * indexes it again, where it stands in the node list. An output it takes over from another node now
   * resolves to it.
   */
  change(node: NodeProto, edit: (n: NodeProto) => void): void {
    this.unindex(new Set([node]));
    edit(node);
    this.addNode(node);
  }

  /** Drops `gone` from the index (not from the node list). */
  private unindex(gone: ReadonlySet<NodeProto>): void {
    // Each affected use list is filtered once for the whole batch: removing k readers of one name
    // one at a time would cost k passes over its list.
    const touched = new Set<string>();
    for (const n of gone) {
      for (const o of n.output) {
        const d = this.defs.get(o);
        if (d?.kind === 'node' && d.node === n) this.defs.delete(o);
      }
      if (this.useLists) for (const name of this.reads(n)) touched.add(name);
      this.captured.delete(n);
      this.dropChildrenOf(n);
    }
    const uses = this.useLists;
    if (!uses) return; // built later from the graph as it will be
    for (const name of touched) {
      const list = uses.get(name);
      if (!list) continue;
      const kept = list.filter((u) => !gone.has(u.node));
      if (kept.length) uses.set(name, kept);
      else uses.delete(name);
    }
  }

  /** Removes initializers from the graph and the index (one pass over the initializer list). */
  removeInitializers(tensors: Iterable<TensorProto>): void {
    const gone = new Set(tensors);
    if (!gone.size) return;
    this.graph.initializer = this.graph.initializer.filter((t) => !gone.has(t));
    for (const t of gone) {
      const d = t.name ? this.defs.get(t.name) : undefined;
      if (d?.kind === 'initializer' && d.tensor === t) this.defs.delete(t.name!);
    }
  }

  /**
   * Every read of `from` in this graph and in nested graphs that do not define it themselves now reads
   * `to`, found through the index (no walk of the graph per call). The main graph's outputs are left alone
   * (the model's interface); a subgraph's outputs that pass `from` through follow it. Returns the number
   * of reads rewritten.
   */
  replaceAllUses(from: string, to: string): number {
    return this.rewriteReads(new Map([[from, to]]), false);
  }

  /**
   * replaceAllUses for many names in one pass, for values that are about to lose their definitions
   * (dedup merging copies of a constant into one): every read of a key, in this graph and in nested graphs
   * that do not define that key themselves, reads its value instead, and in each of those graphs value_info
   * entries of the keys go and quantization annotations of a key follow to its value. Each name moves one
   * step (a value that is also a key is not followed further). Returns the number of reads rewritten.
   */
  replaceAllUsesOf(renames: ReadonlyMap<string, string>): number {
    return this.rewriteReads(renames, true);
  }

  /**
   * Rewrites the reads of each key of `renames` through the index: node inputs of this graph from the
   * use lists, nested graphs through their own indexes (which stay current), entered where a key is
   * captured or, when `retire`, in every nested graph (one may hold value_info for an outer key).
   */
  private rewriteReads(renames: ReadonlyMap<string, string>, retire: boolean, ownOutputs = true): number {
    let count = 0;
    const uses = this.uses();
    const moves: [string, Use[]][] = [];
    const owners = new Set<NodeProto>();
    for (const [from, to] of renames) {
      const moved = from === to ? undefined : uses.get(from);
      if (!moved) continue;
      uses.delete(from);
      moves.push([to, moved]);
      for (const u of moved) {
        if (u.inputIndex >= 0) { u.node.input[u.inputIndex] = to; count++; } else owners.add(u.node);
      }
    }
    for (const [to, moved] of moves) {
      const target = uses.get(to);
      if (target) target.push(...moved); else uses.set(to, moved);
    }
    for (const n of owners) this.captured.set(n, new Set([...this.captured.get(n)!].map((c) => renames.get(c) ?? c)));
    for (const n of retire ? this.graph.node : owners) {
      for (const { graph } of subgraphsOf(n)) {
        const inner = this.child(n, graph);
        const visible = new Map([...renames].filter(([from, to]) => from !== to && !inner.defines(from)));
        if (visible.size) count += inner.rewriteReads(visible, retire);
      }
    }
    // A subgraph's outputs are positional (If/Loop/Scan bind them by place), so they follow the value;
    // the main graph's outputs are the model's interface and stay.
    if (this.parent && ownOutputs) {
      for (const o of this.graph.output) {
        const to = o.name === undefined ? undefined : renames.get(o.name);
        if (to === undefined || to === o.name) continue;
        this.outputs.delete(o.name!);
        o.name = to;
        count++;
      }
      for (const o of this.graph.output) if (o.name) this.outputs.add(o.name);
    }
    if (retire) {
      this.graph.valueInfo = this.graph.valueInfo.filter((v) => v.name === undefined || !renames.has(v.name));
      this.infos = undefined;
      for (const q of this.graph.quantizationAnnotation) {
        const to = q.tensorName === undefined ? undefined : renames.get(q.tensorName);
        if (to !== undefined) q.tensorName = to;
      }
    }
    return count;
  }

  /**
   * Renames the value `from` (its definition and every read) to `to`, which must be unused here. A graph
   * output of the main graph is the model's interface: renaming it is refused.
   */
  rename(from: string, to: string): void {
    const d = this.defs.get(from);
    if (!d) throw new Error(`def-use: '${from}' is not defined in graph '${this.graph.name ?? ''}'`);
    if (this.resolve(to)) throw new Error(`def-use: cannot rename '${from}' to '${to}': the name is taken`);
    if (this.outputs.has(from) && !this.parent) throw new Error(`def-use: '${from}' is a graph output of the main graph; renaming it changes the model's interface`);
    if (d.kind === 'node') d.node.output[d.outputIndex] = to;
    else if (d.kind === 'initializer') d.tensor.name = to;
    else d.info.name = to;
    if (d.kind === 'initializer') for (const v of this.graph.input) if (v.name === from) v.name = to;
    for (const v of this.graph.valueInfo) if (v.name === from) v.name = to;
    this.defs.delete(from);
    this.defs.set(to, d);
    this.replaceAllUses(from, to);
    if (this.outputs.delete(from)) {
      for (const o of this.graph.output) if (o.name === from) o.name = to;
      this.outputs.add(to);
    }
    this.infos = undefined;
  }

  /**
   * The value behind graph output `name` takes the name `fresh` (at its defining node and at every read),
   * while the graph output keeps `name`, left for a node the caller then inserts to define it again (the
   * fp16 stage's Cast back to float32 at the model's boundary).
   */
  detachOutput(name: string, fresh: string): void {
    const d = this.defs.get(name);
    if (d?.kind !== 'node' || !this.outputs.has(name)) throw new Error(`def-use: '${name}' is not a graph output computed by a node of graph '${this.graph.name ?? ''}'`);
    if (this.resolve(fresh)) throw new Error(`def-use: cannot move '${name}' to '${fresh}': the name is taken`);
    d.node.output[d.outputIndex] = fresh;
    this.defs.delete(name);
    this.defs.set(fresh, d);
    this.rewriteReads(new Map([[name, fresh]]), false, false);
  }

  private addNode(n: NodeProto): void {
    // Plain loops: this runs once per node of every graph indexed.
    for (let outputIndex = 0; outputIndex < n.output.length; outputIndex++) {
      const o = n.output[outputIndex];
      if (o) this.defs.set(o, { kind: 'node', node: n, outputIndex });
    }
    const captured = capturedBy(n);
    if (captured.size) this.captured.set(n, captured);
    if (this.useLists) this.addUses(this.useLists, n);
  }

  /** The use lists, built from the node list on first need. */
  private uses(): Map<string, Use[]> {
    if (!this.useLists) {
      const uses = new Map<string, Use[]>();
      for (const n of this.graph.node) this.addUses(uses, n);
      this.useLists = uses;
    }
    return this.useLists;
  }

  private addUses(uses: Map<string, Use[]>, n: NodeProto): void {
    for (let inputIndex = 0; inputIndex < n.input.length; inputIndex++) {
      const i = n.input[inputIndex];
      if (i) addUse(uses, i, { node: n, inputIndex });
    }
    const captured = this.captured.get(n);
    if (captured) for (const name of captured) addUse(uses, name, { node: n, inputIndex: -1 });
  }

  private dropChildrenOf(n: NodeProto): void {
    for (const { graph } of subgraphsOf(n)) this.children.delete(graph);
  }
}

/**
 * Indexes for the scopes of one model (GraphScope, as mainScopes gives them): a scope's index is its
 * parent's child, so edits made through one are seen by the others. Each is built once, on first ask.
 */
export function scopeIndexes(): (scope: GraphScope) => DefUse {
  const indexes = new Map<GraphScope, DefUse>();
  const indexOf = (scope: GraphScope): DefUse => {
    let du = indexes.get(scope);
    if (!du) {
      du = scope.parent && scope.owner ? indexOf(scope.parent).child(scope.owner, scope.graph) : new DefUse(scope);
      indexes.set(scope, du);
    }
    return du;
  };
  return indexOf;
}

const NO_NAMES: Set<string> = new Set();

function addUse(uses: Map<string, Use[]>, name: string, use: Use): void {
  const list = uses.get(name);
  if (list) list.push(use);
  else uses.set(name, [use]);
}

/** Outer names the subgraphs of `n` read (each once), with the subgraphs' own definitions hiding outer ones. */
function capturedBy(n: NodeProto): Set<string> {
  // Most nodes hold no graph: no list of subgraphs or set to build for them (the index is built per graph).
  if (!n.attribute.some((a) => a.g || a.graphs.length)) return NO_NAMES;
  const names = new Set<string>();
  for (const { graph } of subgraphsOf(n)) for (const name of outerReferences(graph)) names.add(name);
  return names;
}
