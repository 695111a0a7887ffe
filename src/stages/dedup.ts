/**
 * `dedup`: one copy of each constant value (a lossless stage, issue 2 item 5).
 *
 * dedup-analysis.ts decides what merges (the same decisions `onnx-diet inspect` reports); this file
 * rewrites the model accordingly:
 * - readers of a removed copy read the kept name instead, in its graph and in nested graphs that do not
 *   define the name themselves (ONNX IR "Names within a graph");
 * - copies spread over several subgraphs (the two branches of an If) become one initializer of the
 *   nearest graph enclosing them, under a name no graph uses;
 * - a transposed copy becomes Transpose(perm [1, 0]) of the kept tensor under the copy's own name
 *   (dedup-transpose.ts);
 * - a removed copy whose name is a main-graph output is re-emitted by an Identity, so the model's
 *   interface does not change.
 * Nodes that define shared values move to the front of their graph in the order kept Constants,
 * Transposes (of initializers, outer names or those Constants), Identities (of any of these): every
 * reader then comes after its producer, as ONNX requires of a graph's node order.
 * Names that are shadowed anywhere are never touched (see dedup-analysis.ts `shadowed`).
 */
import { booleanOption, rejectUnknownOptions } from './options.js';
import { scopeIndexes, type DefUse } from '../graph/def-use.js';
import { allNames, freshName, type GraphScope } from '../onnx/graph.js';
import type { ModelProto, NodeProto, TensorProto } from '../onnx/types.js';
import { intsAttr, makeNode } from './nodes.js';
import { bestSite, planDedup, type DedupPlan, type DedupSite, type TensorClass } from './dedup-analysis.js';
import type { Stage, StageOptions } from './stage.js';

export { analyzeDuplicates, planDedup } from './dedup-analysis.js';
export type { DuplicateAnalysis, DuplicateGroup, TransposedTieReport } from './dedup-analysis.js';

export interface KindSavings {
  /** Copies removed. */
  merged: number;
  /** Payload bytes of those copies. */
  bytes: number;
}

export interface DedupDetails {
  /** Copies removed by merging (transposed copies not included). */
  merged: number;
  transposedTies: number;
  /** Payload bytes removed: merged copies plus transposed copies. */
  bytesSaved: number;
  /** Classes of identical tensors merged. */
  groups: number;
  /** Shared copies lifted into an enclosing graph as new initializers. */
  liftedTensors: number;
  /** Identity nodes added to keep main-graph output names defined. */
  identities: number;
  /**
   * By what was removed: main-graph initializers, Constant nodes, subgraph initializers, copies spread
   * over several subgraphs (lifted: all copies go, one new initializer comes), transposed copies.
   */
  byKind: Record<'initializer' | 'constant' | 'subgraph' | 'lifted' | 'transposed', KindSavings>;
}

/** The stage's details, computed from the plan alone (so they match analyzeDuplicates). */
export function dedupTotals(plan: DedupPlan): DedupDetails {
  const zero = (): KindSavings => ({ merged: 0, bytes: 0 });
  const byKind = { initializer: zero(), constant: zero(), subgraph: zero(), lifted: zero(), transposed: zero() };
  const count = (k: KindSavings, copies: number, bytes: number) => { k.merged += copies; k.bytes += copies * bytes; };
  let identities = 0;
  for (const c of plan.merges) {
    if (!c.keep) count(byKind.lifted, c.sites.length - 1, c.bytes);
    else for (const s of c.sites) if (s !== c.keep) count(byKind[s.kind], 1, c.bytes);
    identities += c.sites.filter((s) => s.pinned && s !== c.keep).length;
  }
  for (const t of plan.ties) count(byKind.transposed, 1, t.transposed.bytes);
  const kinds = Object.values(byKind);
  return {
    merged: kinds.reduce((n, k) => n + k.merged, 0) - byKind.transposed.merged,
    transposedTies: plan.ties.length,
    bytesSaved: kinds.reduce((n, k) => n + k.bytes, 0),
    groups: plan.merges.length,
    liftedTensors: plan.merges.filter((c) => !c.keep).length,
    identities,
    byKind,
  };
}

// ------------------------------------------------------------------------------------- rewriting

interface GraphEdits {
  renames: Map<string, string>;
  dropInitializers: Set<TensorProto>;
  dropNodes: Set<NodeProto>;
  addInitializers: TensorProto[];
  /** New first nodes, in this order: kept Constants, then Transposes of them, then Identities. */
  constants: NodeProto[];
  transposes: NodeProto[];
  identities: NodeProto[];
}

function applyEdits(du: DefUse, e: GraphEdits): void {
  du.removeInitializers(e.dropInitializers);
  for (const t of e.addInitializers) du.addInitializer(t);
  // Kept Constants are in dropNodes too: they move to the front.
  du.remove(e.dropNodes);
  du.insert([...e.constants, ...e.transposes, ...e.identities], du.graph.node[0]);
}

/** Rewrites `model` in place as `plan` says. */
export function applyDedupPlan(model: ModelProto, plan: DedupPlan): void {
  const taken = allNames(model);
  const edits = new Map<GraphScope, GraphEdits>();
  const editsIn = (scope: GraphScope): GraphEdits => {
    let e = edits.get(scope);
    if (!e) {
      e = { renames: new Map(), dropInitializers: new Set(), dropNodes: new Set(), addInitializers: [], constants: [], transposes: [], identities: [] };
      edits.set(scope, e);
    }
    return e;
  };
  const drop = (s: DedupSite) => {
    if (s.node) editsIn(s.scope).dropNodes.add(s.node); else editsIn(s.scope).dropInitializers.add(s.tensor);
  };

  const transposeOf = new Map<TensorClass, TensorClass>(plan.ties.map((t) => [t.transposed, t.kept]));
  const keptInTie = new Set(plan.ties.map((t) => t.kept));
  const classes = [...new Set([...plan.merges, ...plan.ties.flatMap((t) => [t.kept, t.transposed])])];
  const nameOf = new Map(classes.map((c) => [c, c.keep?.name ?? freshName(taken, `${bestSite(c.sites).name}_shared`)]));

  for (const c of classes) {
    const shared = editsIn(c.sharedScope);
    const name = nameOf.get(c)!;
    const source = transposeOf.get(c);
    if (source) {
      if (c.keep) drop(c.keep);
      shared.transposes.push(makeNode('Transpose', freshName(taken, `${name}_transpose`), [nameOf.get(source)!], [name], [intsAttr('perm', [1, 0])]));
    } else if (!c.keep) {
      const t = c.sites[0]!.tensor;
      shared.addInitializers.push({ ...t, name, dims: [...t.dims] });
    } else if (c.keep.node && (c.sites.length > 1 || keptInTie.has(c))) {
      shared.dropNodes.add(c.keep.node);
      shared.constants.push(c.keep.node);
    }
    for (const s of c.sites) {
      if (s === c.keep) continue;
      drop(s);
      if (s.pinned) editsIn(s.scope).identities.push(makeNode('Identity', freshName(taken, `${s.name}_identity`), [name], [s.name]));
      else if (s.name !== name) editsIn(s.scope).renames.set(s.name, name);
    }
  }

  const indexOf = scopeIndexes();
  // Reads first, judged against the graphs' original definitions; then definitions move. Readers of a
  // removed copy read the kept name, in its graph and in nested graphs that do not define the name.
  for (const [scope, e] of edits) if (e.renames.size) indexOf(scope).replaceAllUsesOf(e.renames);
  for (const [scope, e] of edits) applyEdits(indexOf(scope), e);
}

export function dedupStage(options: StageOptions = {}): Stage {
  rejectUnknownOptions('dedup', options, ['transposed']);
  const transposed = booleanOption('dedup', options, 'transposed', true);
  return {
    name: 'dedup',
    inPlace: true,
    run(model, ctx) {
      const plan = planDedup(model, ctx.external, { transposed });
      applyDedupPlan(model, plan);
      return { model, modified: plan.merges.length + plan.ties.length > 0, details: { ...dedupTotals(plan) } };
    },
  };
}
