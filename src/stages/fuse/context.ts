/**
 * What every fusion works with during one run of `fuse` on one graph: the def-use index, inferred
 * shapes, fresh names, constants read as numbers, new initializers, and the report (what was fused,
 * what was left alone and why).
 */
import { DataType } from '../../onnx/dtype.js';
import { freshName } from '../../onnx/graph.js';
import { elementCount, tensorFloat32, type ExternalDataSource } from '../../onnx/tensor.js';
import { newTensor } from '../../onnx/spill.js';
import type { NodeProto, TensorProto } from '../../onnx/types.js';
import { DefUse } from '../../graph/def-use.js';
import { constantInts, ShapeIndex, type Dims } from '../../graph/shapes.js';
import type { Match } from '../../graph/pattern.js';
import { intAttr, makeNode, nodeId } from '../nodes.js';

export const MS_DOMAIN = 'com.microsoft';

export interface LeftAlone {
  fusion: string;
  node: string;
  reason: string;
}

export class FuseContext {
  readonly shapes: ShapeIndex;
  readonly fused: Record<string, number> = {};
  readonly leftAlone: LeftAlone[] = [];
  /** int32 casts of attention masks, one per mask value (every layer reads the same mask). */
  readonly int32Masks = new Map<string, string>();
  /** Additive masks expanded over the queries for attention_bias, one per mask. */
  readonly expandedBiases = new Map<string, string>();

  /** `opset`: the default domain's (Split takes its sizes as an input from 13). */
  constructor(readonly du: DefUse, readonly names: Set<string>, readonly external?: ExternalDataSource, readonly opset = 17) {
    this.shapes = new ShapeIndex(du);
  }

  fresh(base: string): string {
    return freshName(this.names, base.replace(/[:/]+/g, '_').replace(/^_+/, '') || 'fused');
  }

  count(op: string): void {
    this.fused[op] = (this.fused[op] ?? 0) + 1;
  }

  skip(fusion: string, node: NodeProto, reason: string): void {
    this.leftAlone.push({ fusion, node: nodeId(node), reason });
  }

  dims(name: string): Dims | undefined {
    return this.shapes.of(name);
  }

  /** Float values of a float32 constant (initializer or Constant node, through Identity), or undefined. */
  floats(name: string): Float32Array | undefined {
    const t = this.du.constant(name);
    return t && t.dataType === DataType.FLOAT ? tensorFloat32(t, this.external) : undefined;
  }

  /** The one value of a single-element float constant (or of a scalar computed from shapes). */
  scalar(name: string): number | undefined {
    const t = this.du.constant(name);
    if (!t) return this.shapes.scalarValue(name);
    if (t.dataType !== DataType.FLOAT || elementCount(t.dims) !== 1) return undefined;
    return tensorFloat32(t, this.external)[0];
  }

  ints(name: string): number[] | undefined {
    return constantInts(this.du.constant(name));
  }

  tensor(name: string): TensorProto | undefined {
    return this.du.constant(name);
  }

  /** A new float32 initializer (parked in scratch storage when streaming a big model). */
  addFloats(base: string, dims: number[], values: Float32Array): string {
    const name = this.fresh(base);
    const raw = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
    this.du.addInitializer(newTensor(this.external, name, DataType.FLOAT, dims, raw));
    return name;
  }

  /** A new int64 initializer (shape constants). */
  addInt64(base: string, dims: number[], values: number[]): string {
    const name = this.fresh(base);
    const data = BigInt64Array.from(values.map((v) => BigInt(v)));
    this.du.addInitializer(newTensor(undefined, name, DataType.INT64, dims, new Uint8Array(data.buffer)));
    return name;
  }

  /**
   * Replaces the matched nodes by `nodes`, inserted where the match's root stood (every input of the
   * match is defined before some matched node, so before the root too). The new nodes write the
   * outputs the graph reads: the root's own names, so graph outputs and later readers stay untouched.
   */
  replace(match: Match, root: NodeProto, nodes: NodeProto[], keep: ReadonlySet<NodeProto> = new Set()): void {
    this.du.insert(nodes, root);
    this.du.remove([...match.nodes.values()].filter((n) => !keep.has(n)));
  }

  /** `mask` as int32 (the type the contrib attention ops take), cast once and shared. */
  int32Mask(mask: string, before: NodeProto): string {
    const known = this.int32Masks.get(mask);
    if (known) return known;
    const out = this.fresh(`${mask}_int32`);
    const producer = this.du.producer(mask);
    // Right after the mask's producer (or first, for a graph input), so every later reader sees it.
    const at = producer ? this.du.graph.node[this.du.graph.node.indexOf(producer) + 1] : this.du.graph.node[0];
    this.du.insert([makeNode('Cast', this.fresh(`${mask}_Cast_int32`), [mask], [out], [intAttr('to', DataType.INT32)])], at ?? before);
    this.shapes.set(out, this.dims(mask));
    this.int32Masks.set(mask, out);
    return out;
  }
}

export function near(a: number | undefined, b: number, rel = 1e-5): boolean {
  return a !== undefined && Math.abs(a - b) <= rel * Math.max(Math.abs(b), 1e-30);
}
