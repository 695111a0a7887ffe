/**
 * A small declarative pattern matcher over a DefUse index: a pattern is a DAG of op types (named nodes
 * whose inputs name other pattern nodes or free values), with predicates on attributes, constants and
 * shapes. Matching starts at the pattern's root node and walks producers; inputs of commutative ops are
 * tried in both orders. A match binds every pattern node to a graph node and every free value to a name;
 * nothing is rewritten by the matcher, so a rewrite only ever starts after the whole pattern matched.
 *
 * Written against onnxruntime's transformer fusions (`match_parent_path(node, ['Add', 'MatMul'], [0, None])`):
 * one declarative DAG instead of one positional path per exporter variant.
 */
import type { NodeProto, TensorProto } from '../onnx/types.js';
import type { DefUse } from './def-use.js';

/**
 * One input of a pattern node:
 * - `'name'` another pattern node of that name (its output 0, or `'name:1'` for output 1);
 * - `'$name'` a free value, bound to whatever name is read there (the same `$name` twice must be the
 *   same value);
 * - `'_'` anything, not bound (also an absent optional input).
 */
export type InputRef = string;

export interface NodeSpec {
  op: string | readonly string[];
  /** Operator domain; '' (the default ONNX domain) unless given. `'*'` accepts any. */
  domain?: string;
  inputs: readonly InputRef[];
  /** Accept more inputs than listed (the extra ones unmatched). Default: the counts must agree. */
  extraInputs?: boolean;
  /** Inputs may be matched in either order (two-input ops). Default: true for Add, Mul, Sum, Max, Min. */
  commutative?: boolean;
  /** A predicate on the node itself (attributes, output count). */
  where?: (node: NodeProto, du: DefUse) => boolean;
}

export interface ValueSpec {
  /** The value must be a constant (initializer or Constant node) for which this holds. */
  constant?: (t: TensorProto) => boolean;
  /** The value's static dims (undefined entries: unknown dims) must satisfy this. */
  dims?: (dims: (number | undefined)[] | undefined) => boolean;
  where?: (name: string, du: DefUse) => boolean;
}

export interface Pattern {
  /** The pattern node whose output is the pattern's result; matching starts there. */
  root: string;
  nodes: Record<string, NodeSpec>;
  values?: Record<string, ValueSpec>;
  /** Pattern nodes whose outputs may be read outside the match (they are then kept by a rewrite). */
  shared?: readonly string[];
}

export interface Match {
  nodes: Map<string, NodeProto>;
  values: Map<string, string>;
  /** The bound node of pattern node `id` (throws for an id the pattern lacks: a programming error). */
  node(id: string): NodeProto;
  /** The name bound to free value `$name` (given without the `$`). */
  value(name: string): string;
}

const COMMUTATIVE = new Set(['Add', 'Mul', 'Sum', 'Max', 'Min', 'And', 'Or', 'Xor', 'Equal']);

interface State {
  nodes: Map<string, NodeProto>;
  values: Map<string, string>;
}

function opMatches(spec: NodeSpec, n: NodeProto): boolean {
  const ops = typeof spec.op === 'string' ? [spec.op] : spec.op;
  if (!ops.includes(n.opType ?? '')) return false;
  const domain = spec.domain ?? '';
  if (domain === '*') return true;
  const d = n.domain ?? '';
  return d === domain || (domain === '' && d === 'ai.onnx');
}

/** Inputs without trailing empty (absent optional) names. */
function presentInputs(n: NodeProto): string[] {
  let end = n.input.length;
  while (end > 0 && !n.input[end - 1]) end--;
  return n.input.slice(0, end);
}

function parseRef(ref: InputRef): { id: string; output: number } {
  const at = ref.lastIndexOf(':');
  return at < 0 ? { id: ref, output: 0 } : { id: ref.slice(0, at), output: Number(ref.slice(at + 1)) };
}

class Matcher {
  constructor(private readonly du: DefUse, private readonly pattern: Pattern) {}

  *node(id: string, n: NodeProto, state: State): Generator<State> {
    const bound = state.nodes.get(id);
    if (bound) {
      if (bound === n) yield state;
      return;
    }
    for (const other of state.nodes.values()) if (other === n) return; // one graph node, one pattern node
    const spec = this.pattern.nodes[id];
    if (!spec) throw new Error(`pattern: node '${id}' is referenced but not defined`);
    if (!opMatches(spec, n) || (spec.where && !spec.where(n, this.du))) return;
    const inputs = presentInputs(n);
    if (spec.extraInputs ? inputs.length < spec.inputs.length : inputs.length > spec.inputs.length) return;
    const next: State = { nodes: new Map(state.nodes).set(id, n), values: state.values };
    const swap = spec.inputs.length === 2 && (spec.commutative ?? COMMUTATIVE.has(n.opType ?? ''));
    const orders = swap ? [[0, 1], [1, 0]] : [spec.inputs.map((_, i) => i)];
    for (const order of orders) {
      yield* this.inputs(spec, order.map((k) => n.input[k] ?? ''), 0, next);
    }
  }

  private *inputs(spec: NodeSpec, names: string[], k: number, state: State): Generator<State> {
    if (k === spec.inputs.length) {
      yield state;
      return;
    }
    for (const s of this.input(spec.inputs[k]!, names[k]!, state)) yield* this.inputs(spec, names, k + 1, s);
  }

  private *input(ref: InputRef, name: string, state: State): Generator<State> {
    if (ref === '_') {
      yield state;
      return;
    }
    if (!name) return; // a pattern node or value wants an input the node does not have
    if (ref.startsWith('$')) {
      const key = ref.slice(1);
      const bound = state.values.get(key);
      if (bound !== undefined) {
        if (bound === name) yield state;
        return;
      }
      if (!this.valueOk(key, name)) return;
      yield { nodes: state.nodes, values: new Map(state.values).set(key, name) };
      return;
    }
    const { id, output } = parseRef(ref);
    const d = this.du.definition(name);
    if (d?.kind !== 'node' || d.outputIndex !== output) return;
    yield* this.node(id, d.node, state);
  }

  private valueOk(key: string, name: string): boolean {
    const spec = this.pattern.values?.[key];
    if (!spec) return true;
    if (spec.constant) {
      const t = this.du.constant(name);
      if (!t || !spec.constant(t)) return false;
    }
    if (spec.dims && !spec.dims(this.du.dims(name))) return false;
    return !spec.where || spec.where(name, this.du);
  }
}

function toMatch(state: State): Match {
  return {
    nodes: state.nodes,
    values: state.values,
    node(id) {
      const n = state.nodes.get(id);
      if (!n) throw new Error(`pattern: no node '${id}' in this match`);
      return n;
    },
    value(name) {
      const v = state.values.get(name);
      if (v === undefined) throw new Error(`pattern: no value '$${name}' in this match`);
      return v;
    },
  };
}

/**
 * Whether a rewrite may drop the matched nodes: every output of a non-shared, non-root node is read only
 * inside the match, or by nodes that feed only the match (the Shape → Gather → Concat chains torch.onnx
 * writes to compute a Reshape's target from the very tensor being reshaped die with it).
 */
function selfContained(du: DefUse, pattern: Pattern, state: State): boolean {
  const within = new Set(state.nodes.values());
  const memo = new Map<NodeProto, boolean>();
  for (const [id, n] of state.nodes) {
    if (id === pattern.root || pattern.shared?.includes(id)) continue;
    for (const o of n.output) if (o && !readOnlyBy(du, o, within, memo, 0)) return false;
  }
  return true;
}

/** Whether every reader of `name` is in `within` or a side-effect-free node whose outputs are (recursively). */
function readOnlyBy(du: DefUse, name: string, within: ReadonlySet<NodeProto>, memo: Map<NodeProto, boolean>, depth: number): boolean {
  if (du.isGraphOutput(name)) return false;
  for (const u of du.consumers(name)) {
    if (within.has(u.node)) continue;
    if (u.inputIndex < 0 || depth > 12) return false;
    let ok = memo.get(u.node);
    if (ok === undefined) {
      memo.set(u.node, false); // a cycle would be malformed anyway; refuse rather than recurse
      ok = u.node.attribute.every((a) => !a.g && !a.graphs.length) &&
        u.node.output.every((o) => !o || readOnlyBy(du, o, within, memo, depth + 1));
      memo.set(u.node, ok);
    }
    if (!ok) return false;
  }
  return true;
}

/** The first complete, self-contained match of `pattern` rooted at `root`, or undefined. */
export function matchAt(du: DefUse, pattern: Pattern, root: NodeProto): Match | undefined {
  const m = new Matcher(du, pattern);
  for (const state of m.node(pattern.root, root, { nodes: new Map(), values: new Map() })) {
    if (state.nodes.size === Object.keys(pattern.nodes).length && selfContained(du, pattern, state)) return toMatch(state);
  }
  return undefined;
}

/**
 * Every match of `pattern` in the graph, trying roots in graph order. Matches never share a node that a
 * rewrite would remove: a node bound (other than as `shared`) by an earlier match is not bound again.
 */
export function matchAll(du: DefUse, pattern: Pattern): Match[] {
  const rootSpec = pattern.nodes[pattern.root];
  if (!rootSpec) throw new Error(`pattern: root '${pattern.root}' is not one of its nodes`);
  const taken = new Set<NodeProto>();
  const out: Match[] = [];
  for (const n of [...du.graph.node]) {
    if (taken.has(n) || !opMatches(rootSpec, n)) continue;
    const m = matchAt(du, pattern, n);
    if (!m) continue;
    const owned = [...m.nodes].filter(([id]) => !pattern.shared?.includes(id)).map(([, node]) => node);
    if (owned.some((x) => taken.has(x))) continue;
    for (const x of owned) taken.add(x);
    out.push(m);
  }
  return out;
}
