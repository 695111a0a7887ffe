/**
 * Structural checks run on every loaded model before any stage touches it. Models arrive from pull
 * requests: a lie in the file (dims that disagree with the bytes, a cycle, a name defined twice, absurd
 * nesting) must end as one clear OnnxFormatError, not as a crash or a hang deep inside a stage.
 */
import { DataType, dataTypeName, isKnownDataType, rawByteLength } from './dtype.js';
import { OnnxFormatError } from './errors.js';
import { forEachGraph, forEachTensor, type GraphScope } from './graph.js';
import { checkTensorSize, elementCount, isExternal, tensorByteLength, type ExternalDataSource } from './tensor.js';
import type { GraphProto, ModelProto, TensorProto } from './types.js';

/** Real exporters nest control flow a handful of levels deep; hundreds means a hostile file. */
export const MAX_GRAPH_DEPTH = 64;

function checkTensor(t: TensorProto, external: ExternalDataSource | undefined): void {
  const name = t.name ?? '(unnamed)';
  for (const d of t.dims) {
    if (!Number.isSafeInteger(d) || d < 0) throw new OnnxFormatError(`tensor '${name}' has invalid dimension ${d}`);
  }
  if (!isKnownDataType(t.dataType)) throw new OnnxFormatError(`tensor '${name}' has unknown data type ${t.dataType}`);
  if (!isExternal(t)) {
    // A tensor with no payload at all is legal only when it has no elements.
    checkTensorSize(t, undefined, name);
    return;
  }
  const count = elementCount(t.dims);
  if (t.dataType === DataType.STRING) return;
  const expected = rawByteLength(t.dataType, count);
  if (external?.range) {
    const { length } = external.range(t);
    if (length !== expected) {
      throw new OnnxFormatError(`tensor '${name}': external data length ${length} does not match dims [${t.dims.join(',')}] of ${dataTypeName(t.dataType)} (${expected} bytes)`);
    }
  } else if (tensorByteLength(t) !== expected) {
    throw new OnnxFormatError(`tensor '${name}': external data length does not match its dims`);
  }
}

/** Names must be assigned once per graph (SSA, ONNX IR "Names Within a Graph"). */
function checkNames(graph: GraphProto, where: string): void {
  const defined = new Set<string>();
  const define = (n: string | undefined, what: string) => {
    if (!n) return;
    if (defined.has(n) && what !== 'initializer') throw new OnnxFormatError(`${where}: name '${n}' is defined twice (${what})`);
    defined.add(n);
  };
  // An initializer may share its name with a graph input (it is that input's default).
  const inputs = new Set(graph.input.map((v) => v.name ?? ''));
  for (const v of graph.input) define(v.name, 'graph input');
  for (const t of graph.initializer) {
    if (t.name && !inputs.has(t.name) && defined.has(t.name)) throw new OnnxFormatError(`${where}: initializer '${t.name}' is defined twice`);
    if (t.name) defined.add(t.name);
  }
  for (const n of graph.node) for (const o of n.output) define(o, `output of node '${n.name ?? n.opType}'`);
}

/** Kahn's algorithm over one graph: a cycle means no valid execution order. */
function checkAcyclic(graph: GraphProto, where: string): void {
  const producer = new Map<string, number>();
  graph.node.forEach((n, i) => n.output.forEach((o) => { if (o) producer.set(o, i); }));
  const indegree = new Array<number>(graph.node.length).fill(0);
  const consumers: number[][] = graph.node.map(() => []);
  graph.node.forEach((n, i) => {
    const deps = new Set<number>();
    for (const input of n.input) {
      const p = producer.get(input);
      if (p !== undefined) deps.add(p);
    }
    for (const p of deps) { consumers[p]!.push(i); indegree[i]!++; }
  });
  const ready: number[] = [];
  indegree.forEach((d, i) => { if (d === 0) ready.push(i); });
  let seen = 0;
  while (ready.length) {
    const i = ready.pop()!;
    seen++;
    for (const c of consumers[i]!) if (--indegree[c]! === 0) ready.push(c);
  }
  if (seen !== graph.node.length) {
    const stuck = graph.node.find((_, i) => indegree[i]! > 0);
    throw new OnnxFormatError(`${where}: the graph has a cycle (through node '${stuck?.name ?? stuck?.opType}')`);
  }
}

function scopeName(scope: GraphScope): string {
  const parts: string[] = [];
  for (let s: GraphScope | undefined = scope; s; s = s.parent) {
    parts.unshift(s.owner ? `${s.owner.name || s.owner.opType}.${s.attribute?.name}` : (s.graph.name || 'graph'));
  }
  return parts.join(' > ');
}

/** Throws OnnxFormatError naming the first structural problem found. */
export function validateModel(model: ModelProto, external?: ExternalDataSource): void {
  if (!model.graph) throw new OnnxFormatError('model has no graph');
  forEachGraph(model, (scope) => {
    if (scope.depth > MAX_GRAPH_DEPTH) {
      throw new OnnxFormatError(`subgraphs nested ${scope.depth} levels deep (limit ${MAX_GRAPH_DEPTH})`);
    }
    const where = scopeName(scope);
    checkNames(scope.graph, where);
    checkAcyclic(scope.graph, where);
    for (const n of scope.graph.node) {
      if (!n.opType) throw new OnnxFormatError(`${where}: node '${n.name ?? ''}' has no op_type`);
    }
  });
  forEachTensor(model, (t) => checkTensor(t, external));
}
