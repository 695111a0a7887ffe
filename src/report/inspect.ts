/**
 * What a model's bytes are made of (`onnx-diet inspect`): weights by dtype and by the ops that read
 * them, the largest tensors, duplicates that dedup would merge, and what int8/int4 would leave.
 * "Weights" are every constant payload: initializers, sparse initializers, Constant nodes and tensor
 * attributes of other nodes, in every graph, subgraph, training graph and function body.
 */
import { DataType, dataTypeName } from '../onnx/dtype.js';
import { definedNames, forEachGraph, walkScope, type GraphScope } from '../onnx/graph.js';
import { loadModel, modelFileBytes } from '../onnx/model-io.js';
import { modelByteSize } from '../onnx/size.js';
import {
  constantNodeTensor, constantValueAttr, elementCount, isConstantNode, tensorByteLength, type ExternalDataSource,
} from '../onnx/tensor.js';
import type { AttributeProto, GraphProto, ModelProto, NodeProto, SparseTensorProto, TensorProto } from '../onnx/types.js';
import { analyzeDuplicates, type DuplicateAnalysis } from '../stages/dedup-analysis.js';
import { DEFAULT_MIN_ELEMENTS, opsWith, WEIGHT_SLOTS } from '../stages/quant/registry.js';

export type WeightKind = 'initializer' | 'sparse-initializer' | 'constant' | 'attribute';

export interface WeightEntry {
  name: string;
  kind: WeightKind;
  /** Name of the graph that holds it (subgraphs and functions have their own). */
  graph: string;
  dtype: string;
  dims: number[];
  elements: number;
  /** Payload bytes as stored (sparse: values + indices). */
  bytes: number;
}

export interface DtypeBytes { dtype: string; tensors: number; bytes: number }
export interface OpBytes { op: string; nodes: number; weights: number; bytes: number }

export interface QuantizableSummary {
  ops: string[];
  minElements: number;
  int4BlockSize: number;
  tensors: number;
  elements: number;
  /** Bytes of those weights now. */
  bytes: number;
  /** Estimated bytes of the same weights as int8: one byte each plus one fp32 scale per tensor. */
  int8Bytes: number;
  /** Estimated bytes as int4 in blocks of 32: half a byte each plus one fp32 scale and one 4-bit zero point per block. */
  int4Bytes: number;
  /** Of those, the Conv weights (int8 only: int4 keeps them in float, counted at their bytes in int4Bytes). */
  convTensors: number;
  convBytes: number;
  /** Bytes dedup removes first; every figure here counts a duplicated weight once, as dedup leaves it. */
  dedupBytes: number;
  /** The whole model after dedup with those weights replaced (same estimate). */
  modelBytesInt8: number;
  modelBytesInt4: number;
}

export interface InspectReport {
  /** Bytes of the model file(s) (or the serialized size, for a model that only lives in memory). */
  modelBytes: number;
  graphs: number;
  nodes: number;
  weights: { count: number; bytes: number };
  byDtype: DtypeBytes[];
  /** Weight bytes split evenly among the op types that read each weight; the rows sum to weights.bytes. */
  byOp: OpBytes[];
  largest: WeightEntry[];
  duplicates: DuplicateAnalysis;
  quantizable: QuantizableSummary;
}

/** Ops whose output is still "the weight" (ORT constant-folds them; quantizers look through them). */
const PASS_THROUGH = new Set(['Identity', 'Transpose']);
/**
 * Input slots where a constant weight gets quantized: the quantizer registry's (stages/quant/registry.ts:
 * MatMul/Gemm weight B, Gather's table, Conv's W for int8's conv-mode: weight-only). A weight counts only
 * when every read is such a slot: quantizing a weight that another op also reads in float would keep
 * both copies. int4 has no Conv form (MatMulNBits, GatherBlockQuantized): Conv weights stay float there.
 */
const QUANTIZABLE_SLOTS: Record<string, number> = Object.fromEntries(opsWith('int8').map((op) => [op, WEIGHT_SLOTS[op]]));
const INT4_OPS = new Set<string>(opsWith('int4'));
const QUANTIZE_MIN_ELEMENTS = DEFAULT_MIN_ELEMENTS;
const INT4_BLOCK_SIZE = 32;
const UNUSED_OP = '(unused)';

export function int8Estimate(elements: number): number {
  return elements + 4;
}

/** quantize-int4's default form: half a byte a value, an fp32 scale and a 4-bit zero point a block (asymmetric). */
export function int4Estimate(elements: number, block = INT4_BLOCK_SIZE): number {
  const blocks = Math.ceil(elements / block);
  return Math.ceil(elements / 2) + 4 * blocks + Math.ceil(blocks / 2);
}

interface Weight extends WeightEntry {
  scope: GraphScope;
  dataType: number;
  /** For tensor attributes of ordinary nodes: the node that holds them is their reader. */
  holder?: NodeProto;
}

interface Use { node: NodeProto; inputIndex: number; scope: GraphScope }

const opLabel = (n: NodeProto) => (n.domain && n.domain !== 'ai.onnx' ? `${n.domain}.${n.opType}` : n.opType ?? '?');

/** Every graph: the model's graphs with their subgraphs, and each function body as a graph of its own. */
function allScopes(model: ModelProto): GraphScope[] {
  const scopes: GraphScope[] = [];
  forEachGraph(model, (s) => scopes.push(s));
  for (const fn of model.functions) {
    const body: GraphProto = {
      node: fn.node, name: `function ${fn.domain ? `${fn.domain}.` : ''}${fn.name}`, initializer: [], input: [],
      output: [], valueInfo: [], quantizationAnnotation: [], sparseInitializer: [], metadataProps: [],
    };
    walkScope({ graph: body, depth: 0 }, (s) => scopes.push(s));
  }
  return scopes;
}

/**
 * Readers of each name, keyed by the graph that defines it: a name read in a subgraph belongs to the
 * nearest enclosing graph that defines it (ONNX IR "Names within a graph": inner definitions shadow).
 */
class UseIndex {
  private defined = new Map<GraphProto, Set<string>>();
  private uses = new Map<GraphProto, Map<string, Use[]>>();

  constructor(scopes: GraphScope[]) {
    for (const s of scopes) this.defined.set(s.graph, definedNames(s.graph));
    for (const scope of scopes) {
      for (const node of scope.graph.node) {
        node.input.forEach((name, inputIndex) => {
          if (!name) return;
          let owner: GraphScope | undefined = scope;
          while (owner && !this.defined.get(owner.graph)?.has(name)) owner = owner.parent;
          if (!owner) return;
          let byName = this.uses.get(owner.graph);
          if (!byName) this.uses.set(owner.graph, (byName = new Map()));
          let list = byName.get(name);
          if (!list) byName.set(name, (list = []));
          list.push({ node, inputIndex, scope });
        });
      }
    }
  }

  /** Readers of `name` defined in `scope`, looking through Identity/Transpose to the ops behind them. */
  readers(scope: GraphScope, name: string, seen = new Set<NodeProto>()): Use[] {
    const out: Use[] = [];
    for (const u of this.uses.get(scope.graph)?.get(name) ?? []) {
      const through = PASS_THROUGH.has(u.node.opType ?? '') && !u.node.domain && u.inputIndex === 0 && u.node.output[0];
      if (!through) { out.push(u); continue; }
      if (seen.has(u.node)) continue;
      seen.add(u.node);
      out.push(...this.readers(u.scope, u.node.output[0]!, seen));
    }
    return out;
  }
}

function sparseWeight(s: SparseTensorProto): Pick<Weight, 'dataType' | 'dims' | 'elements' | 'bytes'> {
  const values = s.values;
  const bytes = (values ? tensorByteLength(values) : 0) + (s.indices ? tensorByteLength(s.indices) : 0);
  return { dataType: values?.dataType ?? 0, dims: [...s.dims], elements: values ? elementCount(values.dims) : 0, bytes };
}

function denseWeight(t: TensorProto): Pick<Weight, 'dataType' | 'dims' | 'elements' | 'bytes'> {
  return { dataType: t.dataType ?? 0, dims: [...t.dims], elements: elementCount(t.dims), bytes: tensorByteLength(t) };
}

function attributeWeights(node: NodeProto, a: AttributeProto) {
  const parts = [...(a.t ? [a.t] : []), ...a.tensors].map(denseWeight);
  for (const s of [...(a.sparseTensor ? [a.sparseTensor] : []), ...a.sparseTensors]) parts.push(sparseWeight(s));
  return parts;
}

function collectWeights(scopes: GraphScope[], external?: ExternalDataSource): Weight[] {
  const weights: Weight[] = [];
  for (const scope of scopes) {
    const g = scope.graph;
    const add = (name: string, kind: WeightKind, w: Pick<Weight, 'dataType' | 'dims' | 'elements' | 'bytes'>, holder?: NodeProto) =>
      weights.push({ name, kind, graph: g.name ?? '', dtype: dataTypeName(w.dataType), ...w, scope, holder });
    for (const t of g.initializer) add(t.name ?? '', 'initializer', denseWeight(t));
    for (const s of g.sparseInitializer) add(s.values?.name ?? '', 'sparse-initializer', sparseWeight(s));
    for (const node of g.node) {
      if (isConstantNode(node)) {
        const a = constantValueAttr(node);
        const name = node.output[0] ?? '';
        if (a?.sparseTensor) add(name, 'constant', sparseWeight(a.sparseTensor));
        else {
          const t = constantNodeTensor(node, external);
          if (t) add(name, 'constant', denseWeight(t));
        }
        continue;
      }
      for (const a of node.attribute) {
        attributeWeights(node, a).forEach((w, k) =>
          add(`${node.name || node.opType}/${a.name}${k ? `[${k}]` : ''}`, 'attribute', w, node));
      }
    }
  }
  return weights;
}

function countBy<K>(map: Map<K, { bytes: number; count: number }>, key: K, bytes: number) {
  const e = map.get(key) ?? { bytes: 0, count: 0 };
  e.bytes += bytes;
  e.count += 1;
  map.set(key, e);
}

function byBytes<T extends { bytes: number }>(a: T, b: T): number {
  return b.bytes - a.bytes;
}

/** The analysis of an in-memory model. `modelBytes` defaults to its serialized size. */
export function analyzeModel(model: ModelProto, opts: { external?: ExternalDataSource; modelBytes?: number; top?: number } = {}): InspectReport {
  const scopes = allScopes(model);
  const weights = collectWeights(scopes, opts.external);
  const index = new UseIndex(scopes);
  const modelBytes = opts.modelBytes ?? modelByteSize(model);

  const dtypes = new Map<string, { bytes: number; count: number }>();
  for (const w of weights) countBy(dtypes, w.dtype, w.bytes);

  const nodesPerOp = new Map<string, number>();
  let nodes = 0;
  for (const s of scopes) {
    for (const n of s.graph.node) {
      nodes++;
      nodesPerOp.set(opLabel(n), (nodesPerOp.get(opLabel(n)) ?? 0) + 1);
    }
  }

  const ops = new Map<string, { bytes: number; count: number }>();
  const quant = { tensors: 0, elements: 0, bytes: 0, int8Bytes: 0, int4Bytes: 0, convTensors: 0, convBytes: 0 };
  const duplicates = analyzeDuplicates(model, opts.external);
  // Copies dedup removes (every name of a group but the one kept, each transposed copy): counted once.
  const copies = new Set<string>([
    ...duplicates.groups.flatMap((g) => g.names.filter((n) => n !== (g.kept ?? g.names[0]))),
    ...duplicates.transposedTies.map((t) => t.transposed),
  ]);
  for (const w of weights) {
    const readers = w.holder ? [{ node: w.holder, inputIndex: -1, scope: w.scope }] : index.readers(w.scope, w.name);
    const labels = [...new Set(readers.map((u) => opLabel(u.node)))].sort();
    if (labels.length === 0) labels.push(UNUSED_OP);
    // Even split, remainder to the first label, so the rows add up to the total exactly.
    const share = Math.floor(w.bytes / labels.length);
    labels.forEach((label, k) => countBy(ops, label, share + (k === 0 ? w.bytes - share * labels.length : 0)));

    const quantizable = (w.kind === 'initializer' || w.kind === 'constant') && w.dataType === DataType.FLOAT &&
      w.elements >= QUANTIZE_MIN_ELEMENTS && readers.length > 0 && !copies.has(w.name) &&
      readers.every((u) => !u.node.domain && QUANTIZABLE_SLOTS[u.node.opType ?? ''] === u.inputIndex);
    if (quantizable) {
      const int4 = readers.every((u) => INT4_OPS.has(u.node.opType ?? ''));
      quant.tensors++;
      quant.elements += w.elements;
      quant.bytes += w.bytes;
      quant.int8Bytes += int8Estimate(w.elements);
      quant.int4Bytes += int4 ? int4Estimate(w.elements) : w.bytes;
      if (readers.some((u) => u.node.opType === 'Conv')) {
        quant.convTensors++;
        quant.convBytes += w.bytes;
      }
    }
  }

  const entry = ({ scope: _s, dataType: _d, holder: _h, ...rest }: Weight): WeightEntry => rest;
  return {
    modelBytes,
    graphs: scopes.length,
    nodes,
    weights: { count: weights.length, bytes: weights.reduce((n, w) => n + w.bytes, 0) },
    byDtype: [...dtypes].map(([dtype, e]) => ({ dtype, tensors: e.count, bytes: e.bytes })).sort(byBytes),
    byOp: [...ops].map(([op, e]) => ({ op, nodes: nodesPerOp.get(op) ?? 0, weights: e.count, bytes: e.bytes })).sort(byBytes),
    largest: [...weights].sort(byBytes).slice(0, opts.top ?? 10).map(entry),
    duplicates,
    quantizable: {
      ops: Object.keys(QUANTIZABLE_SLOTS),
      minElements: QUANTIZE_MIN_ELEMENTS,
      int4BlockSize: INT4_BLOCK_SIZE,
      ...quant,
      dedupBytes: duplicates.reclaimableBytes,
      modelBytesInt8: modelBytes - duplicates.reclaimableBytes - quant.bytes + quant.int8Bytes,
      modelBytesInt4: modelBytes - duplicates.reclaimableBytes - quant.bytes + quant.int4Bytes,
    },
  };
}

/** Loads a model file (with its external data) and analyzes it. */
export function inspectModel(file: string, opts: { top?: number } = {}): InspectReport & { source: string } {
  const loaded = loadModel(file);
  try {
    return { source: file, ...analyzeModel(loaded.model, { external: loaded.external, modelBytes: modelFileBytes(loaded), top: opts.top }) };
  } finally {
    loaded.external.close();
  }
}
