/**
 * What `dedup` will merge, decided once and shared by the stage (dedup.ts) and `onnx-diet inspect`, so
 * the report of what is reclaimable and what the stage then removes never disagree.
 *
 * A "site" is one definition of a constant value: an initializer or a `Constant` node, in the main graph
 * or any subgraph. Sites equal in dtype, dims and payload bytes form a class; each class keeps one
 * definition in the nearest graph enclosing all of them (ONNX IR "Names within a graph": a subgraph sees
 * the names of enclosing graphs): an existing site of that graph, or else a new initializer there with a
 * fresh name. Left alone on purpose:
 * - initializers that are also inputs of their graph: ONNX IR "Graphs" makes them overridable defaults,
 *   so two of them with equal bytes are still two different values;
 * - sparse initializers and `sparse_value` Constants (their bytes are not the dense bytes);
 * - subgraph outputs (main-graph outputs are kept, or re-emitted through an Identity);
 * - the main graph of a model with training info (its graphs bind main-graph names);
 * - names defined twice in one graph, or again in a nested graph (shadowing; see `shadowed`).
 */
import { DataType, dataTypeName, isKnownDataType } from '../onnx/dtype.js';
import { scopeIndexes, type DefUse } from '../graph/def-use.js';
import { mainScopes, type GraphScope } from '../onnx/graph.js';
import {
  constantNodeTensor, constantValueAttr, isConstantNode, isExternal, tensorByteLength, tensorBytes, type ExternalDataSource,
} from '../onnx/tensor.js';
import type { ModelProto, NodeProto, TensorProto } from '../onnx/types.js';
import { identicalClasses, pushTo } from './dedup-identical.js';
import { identicalByDigest, PayloadSummaries } from './dedup-stream.js';
import { elementWidth, findTransposedPairs, transposeSamples } from './dedup-transpose.js';

export type DedupSiteKind = 'initializer' | 'constant' | 'subgraph';

/** One definition of a constant value. */
export interface DedupSite {
  /** initializer of the main graph, Constant node (any graph), initializer of a subgraph. */
  kind: DedupSiteKind;
  scope: GraphScope;
  name: string;
  tensor: TensorProto;
  /** The Constant node, for kind 'constant'. */
  node?: NodeProto;
  /** The name is a main-graph output: it must stay defined (an Identity re-emits it when not kept). */
  pinned: boolean;
  /** Discovery order (graphs parents first; initializers, then nodes), for stable choices. */
  order: number;
}

/** Sites with identical payloads, and where the one shared copy lives. */
export interface TensorClass {
  sites: DedupSite[];
  /** Nearest graph enclosing every site. */
  sharedScope: GraphScope;
  /** The site kept under its own name; undefined: a new initializer in `sharedScope` with a fresh name. */
  keep?: DedupSite;
  /** Payload bytes of one copy. */
  bytes: number;
}

/** `transposed` equals the 2-D transpose of `kept`; its definition becomes Transpose(kept). */
export interface TransposedTie {
  kept: TensorClass;
  transposed: TensorClass;
}

export interface DedupPlan {
  /** Classes of two or more sites. */
  merges: TensorClass[];
  ties: TransposedTie[];
}

export interface PlanOptions {
  /** Look for transposed copies (default true). */
  transposed?: boolean;
}

interface Env {
  /** The def-use index of each scope (a subgraph's is its parent's child). */
  indexOf: (scope: GraphScope) => DefUse;
  /** IR ≥ 4: initializers need not be graph inputs, so a new one can be added without changing the interface. */
  canAddInitializers: boolean;
  /** The default ONNX domain is imported, so Identity and Transpose nodes can be added. */
  canAddNodes: boolean;
}

/** A Constant node's dense value when it can take part (not sparse, not a function attribute reference). */
function constantSiteTensor(n: NodeProto): TensorProto | undefined {
  const a = constantValueAttr(n);
  if (n.output.length !== 1 || n.attribute.length !== 1 || !a || a.name === 'sparse_value' || a.refAttrName !== undefined) return undefined;
  return constantNodeTensor(n);
}

/** Known dtype, valid dims, no segment: a payload we can compare as raw bytes. */
function comparable(t: TensorProto): boolean {
  return t.dataType !== undefined && t.dataType !== DataType.UNDEFINED && isKnownDataType(t.dataType) &&
    t.segment === undefined && t.dims.every((d) => Number.isSafeInteger(d) && d >= 0);
}

/**
 * Whether a graph nested in `du`'s (`inner`: the names they define), or one enclosing it, defines `name`
 * too. onnx's checker forbids
 * such shadowing ("we do not allow shadowing") and onnxruntime resolves it inconsistently (a subgraph
 * initializer may lose to an outer value of the same name), so renaming or removing either definition
 * could change what ORT computes. Such names are left exactly as they are.
 */
function shadowed(name: string, du: DefUse, inner: Set<string>): boolean {
  return inner.has(name) || du.definedOutside(name);
}

function collectSites(model: ModelProto, env: Env, scopes: GraphScope[]): DedupSite[] {
  const sites: DedupSite[] = [];
  const training = model.trainingInfo.length > 0;
  for (const scope of scopes) {
    if (training && scope.depth === 0) continue;
    const g = scope.graph;
    const du = env.indexOf(scope);
    let inner: Set<string> | undefined; // names nested graphs define, gathered when first needed
    const add = (name: string | undefined, tensor: TensorProto | undefined, kind: DedupSiteKind, node?: NodeProto) => {
      // Defined more than once covers an initializer that is also a graph input (an overridable default).
      if (!name || !tensor || du.definedMoreThanOnce(name) || !comparable(tensor)) return;
      if (shadowed(name, du, (inner ??= du.innerDefinitions()))) return;
      const pinned = du.isGraphOutput(name);
      if (pinned && (scope.depth > 0 || !env.canAddNodes)) return;
      sites.push({ kind, scope, name, tensor, node, pinned, order: sites.length });
    };
    for (const t of g.initializer) add(t.name, t, scope.depth === 0 ? 'initializer' : 'subgraph');
    for (const n of g.node) if (isConstantNode(n)) add(n.output[0], constantSiteTensor(n), 'constant', n);
  }
  return sites;
}

// ------------------------------------------------------------------------------------ scopes

function isWithin(inner: GraphScope, outer: GraphScope): boolean {
  for (let s: GraphScope | undefined = inner; s; s = s.parent) if (s === outer) return true;
  return false;
}

/** The nearest scope enclosing all of `scopes` (they share the main graph as a root). */
function commonScope(scopes: GraphScope[]): GraphScope {
  let chain: GraphScope[] = [];
  for (let s: GraphScope | undefined = scopes[0]; s; s = s.parent) chain.push(s);
  for (const other of scopes.slice(1)) {
    const i = chain.findIndex((c) => isWithin(other, c));
    chain = chain.slice(i);
  }
  return chain[0]!;
}

/** Keep a main-graph output if there is one (no Identity needed), else an initializer, else a Constant. */
function keepRank(s: DedupSite): number {
  return (s.pinned ? 0 : 2) + (s.kind === 'constant' ? 1 : 0);
}

function byPreference(sites: DedupSite[]): DedupSite[] {
  return [...sites].sort((a, b) => keepRank(a) - keepRank(b) || a.order - b.order);
}

/** The site whose name is the best base for a new shared name (an initializer's, if there is one). */
export function bestSite(sites: DedupSite[]): DedupSite {
  return byPreference(sites)[0]!;
}

function chooseKeep(sites: DedupSite[], sharedScope: GraphScope): DedupSite | undefined {
  return byPreference(sites.filter((s) => s.scope === sharedScope))[0];
}

function planClass(sites: DedupSite[], bytes: number, env: Env): TensorClass[] {
  const sharedScope = commonScope(sites.map((s) => s.scope));
  const keep = chooseKeep(sites, sharedScope);
  if (keep || env.canAddInitializers) return [{ sites, sharedScope, keep, bytes }];
  // IR < 4: a new initializer would have to be a graph input too; merge within each graph instead.
  const byScope = new Map<GraphScope, DedupSite[]>();
  for (const s of sites) pushTo(byScope, s.scope, s);
  return [...byScope].filter(([, part]) => part.length > 1)
    .map(([scope, part]) => ({ sites: part, sharedScope: scope, keep: chooseKeep(part, scope), bytes }));
}

// ------------------------------------------------------------------------------------- the plan

function makeEnv(model: ModelProto): Env {
  const canAddNodes = model.opsetImport.some((o) => (o.domain ?? '') === '' || o.domain === 'ai.onnx');
  return { indexOf: scopeIndexes(), canAddInitializers: (model.irVersion ?? 0) >= 4, canAddNodes };
}

/** Decides every merge and transposed tie; reads each candidate payload once (views for inline data). */
export function planDedup(model: ModelProto, external?: ExternalDataSource, opts: PlanOptions = {}): DedupPlan {
  const scopes = mainScopes(model);
  const env = makeEnv(model);
  const cache = new Map<TensorProto, Uint8Array>();
  const bytesOf = (t: TensorProto): Uint8Array => {
    // External payloads are read when asked and never kept (dedup-stream.ts); inline ones are views.
    if (isExternal(t)) return tensorBytes(t, external);
    let b = cache.get(t);
    if (!b) { b = tensorBytes(t, external); cache.set(t, b); }
    return b;
  };

  const summaries = new PayloadSummaries(bytesOf);

  const byKey = new Map<string, DedupSite[]>();
  for (const s of collectSites(model, env, scopes)) {
    pushTo(byKey, `${s.tensor.dataType}|${s.tensor.dims.join(',')}|${tensorByteLength(s.tensor)}`, s);
  }

  const merges: TensorClass[] = [];
  const singles: TensorClass[] = [];
  for (const group of byKey.values()) {
    const bytes = tensorByteLength(group[0]!.tensor);
    const classes = group.some((s) => isExternal(s.tensor))
      ? identicalByDigest(group, (s) => s.tensor, summaries, bytesOf)
      : identicalClasses(group, (s) => bytesOf(s.tensor));
    for (const same of classes) {
      const planned = same.length > 1 ? planClass(same, bytes, env) : [];
      merges.push(...planned);
      const merged = new Set(planned.flatMap((c) => c.sites));
      for (const s of same) if (!merged.has(s)) singles.push({ sites: [s], sharedScope: s.scope, keep: s, bytes });
    }
  }

  const ties: TransposedTie[] = [];
  if ((opts.transposed ?? true) && env.canAddNodes) {
    // The kept copy must be visible where the Transpose goes: in the same graph or an enclosing one.
    const orient = (a: TensorClass, b: TensorClass): TransposedTie | undefined => {
      if (isWithin(b.sharedScope, a.sharedScope)) return { kept: a, transposed: b };
      if (isWithin(a.sharedScope, b.sharedScope)) return { kept: b, transposed: a };
      return undefined;
    };
    const candidates = [...merges, ...singles].sort((a, b) => a.sites[0]!.order - b.sites[0]!.order);
    // Payloads on disk were summarized (samples included) when grouped; inline ones are sampled in place.
    const samplesOf = (t: TensorProto) => (isExternal(t) ? summaries.of(t).samples : transposeSamples(bytesOf(t), t.dims, elementWidth(t.dataType)));
    ties.push(...findTransposedPairs(candidates, (c) => c.sites[0]!.tensor, bytesOf, orient, samplesOf));
  }
  merges.sort((a, b) => a.sites[0]!.order - b.sites[0]!.order);
  return { merges, ties };
}

// ----------------------------------------------------------------------------- reports

export interface DuplicateSite {
  name: string;
  kind: DedupSiteKind;
  /** Name of the graph holding it, and how deeply it is nested (0: main graph). */
  graph: string;
  depth: number;
}

export interface DuplicateGroup {
  dtype: string;
  dims: number[];
  /** Payload bytes of each copy. */
  bytes: number;
  count: number;
  names: string[];
  sites: DuplicateSite[];
  /** Name that stays; null when the copies live in different subgraphs and one is lifted. */
  kept: string | null;
  /** Graph the shared copy is lifted to, as a new initializer (only when `kept` is null). */
  liftedTo?: string;
  reclaimableBytes: number;
}

export interface TransposedTieReport {
  dtype: string;
  kept: string;
  keptDims: number[];
  /** Becomes Transpose(kept) (perm [1, 0]). */
  transposed: string;
  transposedDims: number[];
  bytes: number;
}

export interface DuplicateAnalysis {
  groups: DuplicateGroup[];
  transposedTies: TransposedTieReport[];
  /** Payload bytes dedup removes: (count - 1) copies of each group plus each transposed copy. */
  reclaimableBytes: number;
}

const graphName = (s: GraphScope) => s.graph.name ?? (s.depth === 0 ? 'main' : `subgraph@${s.depth}`);
const className = (c: TensorClass) => c.keep?.name ?? c.sites[0]!.name;

export function describePlan(plan: DedupPlan): DuplicateAnalysis {
  const groups = plan.merges.map((c): DuplicateGroup => {
    const t = c.sites[0]!.tensor;
    return {
      dtype: dataTypeName(t.dataType), dims: [...t.dims], bytes: c.bytes, count: c.sites.length,
      names: c.sites.map((s) => s.name),
      sites: c.sites.map((s) => ({ name: s.name, kind: s.kind, graph: graphName(s.scope), depth: s.scope.depth })),
      kept: c.keep?.name ?? null,
      ...(c.keep ? {} : { liftedTo: graphName(c.sharedScope) }),
      reclaimableBytes: (c.sites.length - 1) * c.bytes,
    };
  }).sort((a, b) => b.reclaimableBytes - a.reclaimableBytes);
  const transposedTies = plan.ties.map(({ kept, transposed }): TransposedTieReport => ({
    dtype: dataTypeName(kept.sites[0]!.tensor.dataType),
    kept: className(kept), keptDims: [...kept.sites[0]!.tensor.dims],
    transposed: className(transposed), transposedDims: [...transposed.sites[0]!.tensor.dims],
    bytes: transposed.bytes,
  }));
  const reclaimableBytes = groups.reduce((n, g) => n + g.reclaimableBytes, 0) +
    transposedTies.reduce((n, t) => n + t.bytes, 0);
  return { groups, transposedTies, reclaimableBytes };
}

/** Duplicate groups, transposed ties and reclaimable bytes, exactly as the `dedup` stage would act. */
export function analyzeDuplicates(model: ModelProto, external?: ExternalDataSource): DuplicateAnalysis {
  return describePlan(planDedup(model, external));
}
