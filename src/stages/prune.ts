/**
 * `prune`: removes what nothing reads, without changing any output (a lossless stage).
 *
 * - Nodes: mark-and-sweep per graph from its outputs. A node is live when one of its outputs is read by a
 *   live node of the same graph — directly or as an outer-scope capture by a subgraph (ONNX IR "Names
 *   within a graph": subgraphs may read names of enclosing graphs). Subgraphs are pruned before the graph
 *   holding them, so a capture that died inside a branch frees its producer outside.
 * - Initializers and sparse initializers no live node (or capture, output, quantization annotation) reads.
 *   A main-graph initializer that is also a main-graph input is never dropped: it is the input's overridable
 *   default (ONNX IR "Graphs": initializers with the same name as an input), and dropping it would make the
 *   input required. Graph inputs are an interface and are never dropped. Before IR 4 every initializer
 *   had to be listed as an input (weights, not defaults: onnxruntime lists and reads them as constants),
 *   so there an unread initializer goes together with its input entry.
 * - value_info entries naming values no longer defined in their graph or an enclosing one.
 * - Model-local functions that no remaining node calls (directly or through another used function).
 * - Option `doc-strings: true`: every doc_string field.
 *
 * Training graphs (TrainingInfoProto) are left as they are; every main-graph name they read or bind is
 * kept. No tensor payload is read, so prune costs nothing extra on models with external data.
 */
import { booleanOption, rejectUnknownOptions } from './options.js';
import { DefUse } from '../graph/def-use.js';
import { definedNames, forEachGraph, mainScopes, outerReferences, subgraphsOf, type GraphScope } from '../onnx/graph.js';
import { modelByteSize } from '../onnx/size.js';
import { tensorByteLength } from '../onnx/tensor.js';
import type { FunctionProto, GraphProto, ModelProto, NodeProto } from '../onnx/types.js';
import type { Stage, StageOptions, StageOutcome } from './stage.js';

export interface PruneCounts {
  nodes: number;
  initializers: number;
  /** Payload bytes of the dropped initializers (raw form, as in the file). */
  initializerBytes: number;
  sparseInitializers: number;
  valueInfo: number;
  quantizationAnnotations: number;
  functions: number;
  docStrings: number;
}

/**
 * Drops the dead nodes of one graph (its subgraphs already pruned, so the index sees what they still
 * capture); returns the names live nodes read.
 */
function pruneNodes(du: DefUse, roots: Iterable<string>, counts: PruneCounts): Set<string> {
  const live = new Set<NodeProto>();
  const read = new Set<string>();
  const work: string[] = [];
  const need = (name: string) => { if (name && !read.has(name)) { read.add(name); work.push(name); } };
  for (const r of roots) need(r);
  while (work.length) {
    const n = du.producer(work.pop()!);
    if (!n || live.has(n)) continue;
    live.add(n);
    for (const name of du.reads(n)) need(name);
  }
  const before = du.graph.node.length;
  du.remove(du.graph.node.filter((n) => !live.has(n)));
  counts.nodes += before - du.graph.node.length;
  return read;
}

/** Drops initializers, sparse initializers and quantization annotations nothing needs any more. */
function pruneStorage(du: DefUse, read: Set<string>, protect: Set<string>, counts: PruneCounts, weightsAreInputs: boolean): void {
  const { graph } = du;
  const keep = new Set<string>([...read, ...protect]);
  const weights = new Set(weightsAreInputs ? graph.initializer.map((t) => t.name ?? '') : []);
  for (const v of graph.input) if (v.name && !weights.has(v.name)) keep.add(v.name);
  for (const v of graph.output) if (v.name) keep.add(v.name);
  // An annotation of a value that still exists keeps its scale/zero-point tensors alive.
  const alive = (name: string) => keep.has(name) || du.producer(name) !== undefined;
  const annotations = graph.quantizationAnnotation.filter((a) => alive(a.tensorName ?? ''));
  for (const a of annotations) for (const e of a.quantParameterTensorNames) if (e.value) keep.add(e.value);

  const initializers = graph.initializer.filter((t) => keep.has(t.name ?? ''));
  for (const t of graph.initializer) if (!keep.has(t.name ?? '')) counts.initializerBytes += tensorByteLength(t);
  counts.initializers += graph.initializer.length - initializers.length;
  graph.initializer = initializers;
  if (weights.size) graph.input = graph.input.filter((v) => !weights.has(v.name ?? '') || keep.has(v.name ?? ''));

  const sparse = graph.sparseInitializer.filter((s) => keep.has(s.values?.name ?? ''));
  counts.sparseInitializers += graph.sparseInitializer.length - sparse.length;
  graph.sparseInitializer = sparse;

  counts.quantizationAnnotations += graph.quantizationAnnotation.length - annotations.length;
  graph.quantizationAnnotation = annotations;
}

/** Names the training graphs read from the main graph or bind to it; prune must keep them all. */
function trainingReferences(model: ModelProto): Set<string> {
  const names = new Set<string>();
  for (const ti of model.trainingInfo) {
    for (const g of [ti.initialization, ti.algorithm]) if (g) for (const n of outerReferences(g)) names.add(n);
    for (const b of [...ti.initializationBinding, ...ti.updateBinding]) if (b.key) names.add(b.key);
  }
  return names;
}

function pruneGraphs(model: ModelProto, counts: PruneCounts): void {
  const training = trainingReferences(model);
  const weightsAreInputs = (model.irVersion ?? 0) < 4;
  // Children before parents: a parent's liveness depends on what its (final) subgraphs capture, so each
  // graph's index is built once its subgraphs are pruned.
  const scopes = mainScopes(model).reverse();
  for (const scope of scopes) {
    const du = new DefUse(scope);
    const isMain = scope.parent === undefined;
    const roots = scope.graph.output.map((v) => v.name ?? '');
    if (isMain) roots.push(...training);
    const read = pruneNodes(du, roots, counts);
    pruneStorage(du, read, isMain ? training : new Set(), counts, isMain && weightsAreInputs);
  }
}

/** value_info entries for names defined nowhere in their graph or its enclosing graphs. */
function pruneValueInfo(model: ModelProto, counts: PruneCounts): void {
  const defined = new Map<GraphProto, Set<string>>();
  // A name is visible in its scope or any enclosing one: look up the chain rather than copy every
  // enclosing graph's names into each subgraph (many If branches in a big graph would make that quadratic).
  const visible = (name: string, scope: GraphScope | undefined): boolean => {
    for (let s = scope; s; s = s.parent) if (defined.get(s.graph)!.has(name)) return true;
    return false;
  };
  // Main graph and its subgraphs only: training graphs are left as they are (see the file comment).
  for (const scope of mainScopes(model)) {
    defined.set(scope.graph, definedNames(scope.graph));
    const kept = scope.graph.valueInfo.filter((v) => visible(v.name ?? '', scope));
    counts.valueInfo += scope.graph.valueInfo.length - kept.length;
    scope.graph.valueInfo = kept;
  }
}

const functionKey = (domain: string | undefined, name: string | undefined, overload: string | undefined) =>
  `${domain ?? ''}\u0000${name ?? ''}\u0000${overload ?? ''}`;

/** Drops model-local functions that no node calls, following calls from used functions' bodies. */
function pruneFunctions(model: ModelProto, counts: PruneCounts): void {
  if (model.functions.length === 0) return;
  const byKey = new Map<string, FunctionProto>();
  for (const f of model.functions) byKey.set(functionKey(f.domain, f.name, f.overload), f);
  const used = new Set<FunctionProto>();
  const pending: FunctionProto[] = [];
  const visitNodes = (nodes: NodeProto[]) => {
    const stack = [...nodes];
    while (stack.length) {
      const n = stack.pop()!;
      const f = byKey.get(functionKey(n.domain, n.opType, n.overload));
      if (f && !used.has(f)) { used.add(f); pending.push(f); }
      for (const { graph } of subgraphsOf(n)) stack.push(...graph.node);
    }
  };
  forEachGraph(model, ({ graph }) => visitNodes(graph.node));
  while (pending.length) visitNodes(pending.pop()!.node);
  const kept = model.functions.filter((f) => used.has(f));
  counts.functions += model.functions.length - kept.length;
  model.functions = kept;
}

/**
 * Clears every doc_string in the model (any message: model, graphs, nodes, attributes, tensors, values,
 * functions). Iterative walk over plain objects and arrays; typed-array payloads are skipped.
 */
function stripDocStrings(model: ModelProto, counts: PruneCounts): void {
  const stack: object[] = [model];
  while (stack.length) {
    const obj = stack.pop()!;
    if (Array.isArray(obj)) {
      for (const v of obj) if (v !== null && typeof v === 'object' && !ArrayBuffer.isView(v)) stack.push(v as object);
      continue;
    }
    const rec = obj as Record<string, unknown>;
    if (rec.docString !== undefined) { rec.docString = undefined; counts.docStrings++; }
    for (const [k, v] of Object.entries(rec)) {
      if (k !== '$unknown' && v !== null && typeof v === 'object' && !ArrayBuffer.isView(v)) stack.push(v);
    }
  }
}

export function pruneModel(model: ModelProto, opts: { docStrings?: boolean } = {}): PruneCounts {
  const counts: PruneCounts = {
    nodes: 0, initializers: 0, initializerBytes: 0, sparseInitializers: 0, valueInfo: 0,
    quantizationAnnotations: 0, functions: 0, docStrings: 0,
  };
  pruneGraphs(model, counts);
  pruneValueInfo(model, counts);
  pruneFunctions(model, counts);
  if (opts.docStrings) stripDocStrings(model, counts);
  return counts;
}

export function pruneStage(options: StageOptions): Stage {
  rejectUnknownOptions('prune', options, ['doc-strings']);
  const docStrings = booleanOption('prune', options, 'doc-strings', false);
  return {
    name: 'prune',
    inPlace: true,
    run(model: ModelProto): StageOutcome {
      const before = modelByteSize(model);
      const counts = pruneModel(model, { docStrings });
      return { model, modified: Object.values(counts).some((n) => n > 0), details: { ...counts, bytesSaved: before - modelByteSize(model) } };
    },
  };
}
