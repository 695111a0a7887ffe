/**
 * What an op converter may ask and add while rewriting one node of one graph: fresh names, new
 * constants (initializers of the node's own graph, so a subgraph's constants stay in that subgraph),
 * element types and ranks the model states, constant values, and whether an output is read. Converters
 * are pure with respect to the model: they return replacement nodes and queue constants here; nothing
 * is written until every node of the model converted (upgrade.ts), so a refusal leaves the model as it was.
 */
import { DataType } from '../../onnx/dtype.js';
import { fromFloat16Bits, toFloat16Bits } from '../../onnx/float16.js';
import type { GraphScope } from '../../onnx/graph.js';
import { freshName } from '../../onnx/graph.js';
import { makeTensor, tensorBytes } from '../../onnx/tensor.js';
import type { AttributeProto, NodeProto, TensorProto } from '../../onnx/types.js';
import { AttributeType } from '../../onnx/types.js';

/** A converter's answer: the nodes that replace the one it was given, or why it cannot (one line). */
export type Converted = NodeProto[] | { refuse: string };

export interface ModelFacts {
  /** Element type per value name (from the model's declarations and simple propagation, types.ts). */
  elemTypes: Map<string, number>;
  /** Rank per value name, where the model declares a shape. */
  ranks: Map<string, number>;
  /** Names read anywhere (node inputs, graph outputs), in any graph. */
  read: Set<string>;
  /** Constant tensors by name: initializers and Constant node outputs, in any graph. */
  constants: Map<string, TensorProto>;
  names: Set<string>;
}

export class ConvertContext {
  /** Initializers to add to this scope's graph once the whole model converted. */
  readonly added: TensorProto[] = [];

  constructor(readonly scope: GraphScope, readonly target: number, private readonly facts: ModelFacts) {}

  fresh(base: string): string {
    return freshName(this.facts.names, base);
  }

  /** Constants made so far in this graph by content: 18 Clip(0, 6) share one min and one max. */
  private readonly made = new Map<string, string>();

  /** An initializer of this graph holding `values` (1-D unless `dims` says otherwise); its name. */
  constant(base: string, dataType: number, values: readonly number[], dims: number[] = [values.length]): string {
    return this.tensor(base, dataType, dims, encode(dataType, values));
  }

  int64(base: string, values: readonly (number | bigint)[], dims: number[] = [values.length]): string {
    return this.tensor(base, DataType.INT64, dims, new Uint8Array(BigInt64Array.from(values, (v) => BigInt(v)).buffer));
  }

  private tensor(base: string, dataType: number, dims: number[], raw: Uint8Array): string {
    const key = `${dataType}|${dims.join(',')}|${Buffer.from(raw).toString('hex')}`;
    const known = this.made.get(key);
    if (known) return known;
    const name = this.fresh(base);
    this.added.push(makeTensor(name, dataType, dims, raw));
    this.made.set(key, name);
    return name;
  }

  elemType(name: string): number | undefined {
    return this.facts.elemTypes.get(name);
  }

  rank(name: string): number | undefined {
    return this.facts.ranks.get(name);
  }

  /** Whether output `name` is read by any node or is a graph output (an empty name is never read). */
  isRead(name: string | undefined): boolean {
    return !!name && this.facts.read.has(name);
  }

  /** Dims of a constant (initializer or Constant node) input. */
  constantDims(name: string | undefined): number[] | undefined {
    const t = name ? this.facts.constants.get(name) : undefined;
    return t ? [...t.dims] : undefined;
  }

  /** Numeric values of a constant input (initializer or Constant node), as numbers. */
  constantValues(name: string | undefined): number[] | undefined {
    const t = name ? this.facts.constants.get(name) : undefined;
    if (!t) return undefined;
    try {
      return decode(t.dataType ?? 0, tensorBytes(t));
    } catch {
      return undefined; // external data or an odd type: treated as unknown
    }
  }
}

function encode(dataType: number, values: readonly number[]): Uint8Array {
  switch (dataType) {
    case DataType.FLOAT: return new Uint8Array(Float32Array.from(values).buffer);
    case DataType.DOUBLE: return new Uint8Array(Float64Array.from(values).buffer);
    case DataType.FLOAT16: {
      const out = new Uint16Array(values.length);
      values.forEach((v, i) => { out[i] = toFloat16Bits(v); });
      return new Uint8Array(out.buffer);
    }
    case DataType.INT32: return new Uint8Array(Int32Array.from(values).buffer);
    case DataType.INT64: return new Uint8Array(BigInt64Array.from(values, (v) => BigInt(Math.trunc(v))).buffer);
    case DataType.INT8: return new Uint8Array(Int8Array.from(values).buffer);
    case DataType.UINT8: return Uint8Array.from(values);
    case DataType.INT16: return new Uint8Array(Int16Array.from(values).buffer);
    case DataType.UINT16: return new Uint8Array(Uint16Array.from(values).buffer);
    case DataType.UINT32: return new Uint8Array(Uint32Array.from(values).buffer);
    default: throw new Error(`no encoder for data type ${dataType}`);
  }
}

function decode(dataType: number, b: Uint8Array): number[] | undefined {
  const copy = Uint8Array.from(b).buffer; // a copy: Buffer#slice is a view of the whole file
  switch (dataType) {
    case DataType.FLOAT: return [...new Float32Array(copy)];
    case DataType.DOUBLE: return [...new Float64Array(copy)];
    case DataType.INT32: return [...new Int32Array(copy)];
    case DataType.INT64: return [...new BigInt64Array(copy)].map(Number);
    case DataType.FLOAT16: return [...new Uint16Array(copy)].map(fromFloat16Bits);
    default: return undefined;
  }
}

// ------------------------------------------------------------------------------ node and attribute helpers

export function getAttr(node: NodeProto, name: string): AttributeProto | undefined {
  return node.attribute.find((a) => a.name === name);
}

/** A copy of `node` (the original stays untouched) with attributes `drop` removed and `add` set. */
export function withAttrs(node: NodeProto, drop: string[], add: AttributeProto[] = []): NodeProto {
  const gone = new Set([...drop, ...add.map((a) => a.name ?? '')]);
  return { ...node, input: [...node.input], output: [...node.output], attribute: [...node.attribute.filter((a) => !gone.has(a.name ?? '')), ...add] };
}

/** Inputs with trailing empty names removed (an omitted optional input at the end is simply absent). */
export function trimInputs(inputs: string[]): string[] {
  const out = [...inputs];
  while (out.length && !out[out.length - 1]) out.pop();
  return out;
}

function blank(name: string): AttributeProto {
  return { name, floats: [], ints: [], strings: [], tensors: [], graphs: [], sparseTensors: [], typeProtos: [] };
}
export const stringAttr = (name: string, s: string): AttributeProto => ({ ...blank(name), type: AttributeType.STRING, s: new TextEncoder().encode(s) });
export const floatAttr = (name: string, f: number): AttributeProto => ({ ...blank(name), type: AttributeType.FLOAT, f });
export const floatsAttr = (name: string, floats: number[]): AttributeProto => ({ ...blank(name), type: AttributeType.FLOATS, floats });
export const attrString = (a: AttributeProto | undefined): string | undefined => (a?.s ? new TextDecoder().decode(a.s) : undefined);
export const attrInts = (a: AttributeProto | undefined): bigint[] | undefined => (a ? a.ints : undefined);
export const attrInt = (a: AttributeProto | undefined): number | undefined => (a?.i !== undefined ? Number(a.i) : undefined);

/** Versions of the node's op: the one the model's opset gives it and the one the target gives it. */
export interface Step { from: number; to: number }

/** Rewrites one node from its op's version `step.from` to `step.to` (see rules.ts). */
export type Converter = (node: NodeProto, step: Step, ctx: ConvertContext) => Converted;

/** Whether the move crosses the version `v` at which the op changed. */
export const crosses = (step: Step, v: number): boolean => step.from < v && step.to >= v;

/** How messages name a node: op type and name (or first output, for unnamed nodes). */
export const nodeLabel = (n: NodeProto): string => `${n.opType} '${n.name || n.output[0] || '?'}'`;

export const refuse = (node: NodeProto, why: string): Converted => ({ refuse: `${nodeLabel(node)}: ${why}` });

/** A base for names of constants made for `node`. */
export const baseName = (n: NodeProto, what: string): string => `${n.name || n.output[0] || n.opType}_${what}`;
