/**
 * State shared by the op quantizers during one run of quantize-int8: options, fresh names, the
 * content-addressed tensor pool and quantized-weight cache, and one DynamicQuantizeLinear per
 * activation per graph (as ORT's quantizer keeps one per tensor in quantized_value_map).
 */
import { DataType } from '../../onnx/dtype.js';
import { freshName, type GraphScope } from '../../onnx/graph.js';
import { isExternal, tensorBytes, type ExternalDataSource } from '../../onnx/tensor.js';
import type { GraphProto, NodeProto, TensorProto } from '../../onnx/types.js';
import { DefinitionIndex, type ConstantWeight } from './constant-weight.js';
import { intAttr, intsAttr, makeNode } from '../nodes.js';
import { minMax, quantizePerAxis, quantizePerTensor, type Int8Type, type QuantizedData } from './numerics.js';
import { ContentMap, DigestMemo } from '../content-identity.js';
import { bytesOf } from '../content-identity.js';
import { TensorPool } from './tensor-pool.js';

export interface Int8Options {
  ops: Set<string>;
  exclude: RegExp[];
  /** Per-channel scales for MatMul and Gemm (`per-channel`, default false, as ORT's quantize_dynamic). */
  perChannel: boolean;
  /**
   * Per-channel scales for Conv: `per-channel` when given, else true. Trained CNNs with BatchNormalization
   * folded in have output channels whose weights differ in scale by orders of magnitude; one scale for
   * the whole tensor leaves the small channels a few levels or none (PP-OCRv4 det: cosine 0.79 per-tensor).
   */
  convPerChannel: boolean;
  reduceRange: boolean;
  /** Static with `reduce-range` unset: why this CPU chose it (runtime/cpu-isa.ts int8Saturates). */
  reduceRangeWhy?: string;
  weightType: Int8Type;
  minElements: number;
  /**
   * Conv: `integer` (ConvInteger on dynamically quantized activations, as ORT's quantize_dynamic) or
   * `weight-only` (int8 weights and a DequantizeLinear; the Conv itself stays float).
   */
  convMode: 'integer' | 'weight-only';
  /** Static only: leave the narrow input layers float where int8 is slower on x86 without VNNI (static-stem.ts). */
  floatStem?: boolean;
}

/** Names of a dynamically quantized activation: DynamicQuantizeLinear's three outputs. */
export interface QuantizedActivation {
  q: string;
  scale: string;
  zeroPoint: string;
}

/** Names of a quantized weight as its consumer sees it. */
export interface QuantizedWeight {
  q: string;
  scale: string;
  zeroPoint: string;
  /** The scales stored under `scale` (static quantization derives the int32 bias scale from them). */
  scales: Float32Array;
}

export interface WeightRequest {
  weight: ConstantWeight;
  /** Channel axis in the *stored* layout; undefined for per-tensor. */
  axis?: number;
  /** Dims for scale and zero point when per-channel (default [channels]); ConvInteger needs [M,1,1]. */
  paramDims?: number[];
  /** The consumer takes one zero point (ORT's ConvInteger); valid because symmetric ones are all 0. */
  scalarZeroPoint?: boolean;
  /** Multiplies the stored scales (Gemm's alpha), a float32 product. */
  scaleFactor?: number;
}

export class QuantSession {
  readonly index = new DefinitionIndex();
  /** The default-domain opset the quantized model will import (DequantizeLinear takes an axis from 13). */
  opset = 11;
  readonly pool: TensorPool;
  private readonly hashes = new DigestMemo<TensorProto>();
  /** Scales and zero points only: the quantized values live in the pool (on disk when streaming). */
  private readonly quantized = new ContentMap<{ data: Pick<QuantizedData, 'scales' | 'zeroPoints'>; q: string }>();
  private readonly activations = new WeakMap<GraphProto, Map<string, QuantizedActivation>>();
  private readonly transposes = new WeakMap<GraphProto, Map<string, string>>();
  private readonly ranges = new WeakMap<TensorProto, { min: number; max: number }>();
  /** The float weight being worked on, read once for its range check and its quantization. */
  private current?: { tensor: TensorProto; bytes: Uint8Array; values: Float32Array };
  /** Where unaligned float bytes are copied; grows to the largest weight and is reused. */
  private scratch = new Float32Array(0);
  /** Distinct weights quantized, their float bytes, and how many requests reused one. */
  weightsQuantized = 0;
  floatBytesQuantized = 0;
  reuses = 0;

  constructor(
    readonly options: Int8Options,
    readonly names: Set<string>,
    root: GraphProto,
    irVersion: number,
    readonly external?: ExternalDataSource,
  ) {
    this.pool = new TensorPool({ graph: root, depth: 0 }, names, irVersion < 4, external);
  }

  fresh(base: string): string {
    return freshName(this.names, base);
  }

  /**
   * The nodes of `graph` that read `name` through an input (each once, in graph order), from the graph's
   * def-use index: as the graph stood when first asked, since the rewrite loop builds a new node list and
   * assigns it at the end. Reads by subgraphs (captures) are not counted, as callers ask about the one
   * node an output feeds.
   */
  readersOf(graph: GraphProto, name: string): NodeProto[] {
    const readers: NodeProto[] = [];
    for (const u of this.index.of(graph).consumers(name)) if (u.inputIndex >= 0 && !readers.includes(u.node)) readers.push(u.node);
    return readers;
  }

  get symmetric(): boolean {
    // ORT: weights are symmetric by default exactly when the weight type is signed (WeightSymmetric).
    return this.options.weightType === 'int8';
  }

  get qType(): number {
    return this.options.weightType === 'int8' ? DataType.INT8 : DataType.UINT8;
  }

  /**
   * minMax of a float weight (NaN when it holds NaN or ±Infinity), one pass per tensor: the finiteness
   * check and the per-tensor scale share it. Only the two numbers are kept, never the payload.
   */
  range(t: TensorProto): { min: number; max: number } {
    let r = this.ranges.get(t);
    if (!r) this.ranges.set(t, (r = minMax(this.load(t).values)));
    return r;
  }

  /**
   * A float weight's bytes and values. Only the last weight is kept (a node's range check and rewrite
   * read it in turn), so a streamed weight is read from disk once and nothing bigger than one weight
   * is held.
   */
  private load(tensor: TensorProto): { bytes: Uint8Array; values: Float32Array } {
    if (this.current?.tensor === tensor) return this.current;
    this.current = undefined; // the scratch buffer may be about to change under it
    const bytes = tensorBytes(tensor, this.external);
    let values: Float32Array;
    if (bytes.byteOffset % 4 === 0) values = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
    else {
      // raw_data sits anywhere in the protobuf; one reused buffer spares an allocation (its page faults
      // and garbage collection) per weight.
      const n = bytes.length / 4;
      if (this.scratch.length < n) this.scratch = new Float32Array(n);
      values = this.scratch.subarray(0, n);
      bytesOf(values).set(bytes);
    }
    this.current = { tensor, bytes, values };
    return this.current;
  }

  /** DynamicQuantizeLinear of `name` in `graph`, created (into `out`) on first use and shared after. */
  activation(graph: GraphProto, name: string, out: NodeProto[]): QuantizedActivation {
    let perGraph = this.activations.get(graph);
    if (!perGraph) this.activations.set(graph, (perGraph = new Map()));
    const known = perGraph.get(name);
    if (known) return known;
    const base = name.replace(/[:/]+/g, '_').replace(/^_+/, '') || 'x';
    const qa = { q: this.fresh(`${base}_quantized`), scale: this.fresh(`${base}_scale`), zeroPoint: this.fresh(`${base}_zero_point`) };
    out.push(makeNode('DynamicQuantizeLinear', this.fresh(`${base}_QuantizeLinear`), [name], [qa.q, qa.scale, qa.zeroPoint]));
    perGraph.set(name, qa);
    return qa;
  }

  /** A 2-D Transpose of `name` in `graph` (shared per graph), for transposed views of stored tensors. */
  transposed(graph: GraphProto, name: string, out: NodeProto[]): string {
    let perGraph = this.transposes.get(graph);
    if (!perGraph) this.transposes.set(graph, (perGraph = new Map()));
    const known = perGraph.get(name);
    if (known) return known;
    const t = this.fresh(`${name}_transposed`);
    out.push(makeNode('Transpose', this.fresh(`${name}_Transpose`), [name], [t], [intsAttr('perm', [1, 0])]));
    perGraph.set(name, t);
    return t;
  }

  /**
   * The weight quantized (once per content and parameters) and stored in the pool; when the consumer
   * sees it transposed, a Transpose of the stored int8 tensor is added to `out` (ORT folds it at load),
   * so a tensor used both ways (tied embeddings) is stored once.
   */
  weight(req: WeightRequest, graph: GraphProto, out: NodeProto[]): QuantizedWeight {
    const { weight, axis } = req;
    const t = weight.tensor;
    const { bytes, values } = this.load(t);
    const mode = `${this.options.weightType}:${this.symmetric}:${this.options.reduceRange}:${axis ?? 'tensor'}:${t.dims.join('x')}`;
    let entry = this.quantized.get(mode, bytes, () => this.hashes.of(t, bytes));
    if (entry) this.reuses++;
    else {
      // The values load() read for the range check (a weight on disk is not read a second time).
      const opts = { type: this.options.weightType, symmetric: this.symmetric, reduceRange: this.options.reduceRange };
      const q = axis === undefined ? quantizePerTensor(values, opts, this.range(t)) : quantizePerAxis(values, t.dims, axis, opts);
      const base = (t.name || 'weight').replace(/[:/]+/g, '_');
      entry = { data: { scales: q.scales, zeroPoints: q.zeroPoints }, q: this.pool.intern(`${base}_quantized`, this.qType, t.dims, bytesOf(q.values)) };
      // A float weight on disk is read again on a hash hit rather than kept.
      this.quantized.set(mode, bytes, entry, this.rereader(t));
      this.weightsQuantized++;
      this.floatBytesQuantized += bytes.length;
    }
    const { data } = entry;
    const paramDims = axis === undefined ? [] : (req.paramDims ?? [data.scales.length]);
    const base = entry.q.replace(/_quantized$/, '');
    const factor = req.scaleFactor ?? 1;
    const scales = factor === 1 ? data.scales : Float32Array.from(data.scales, (v) => v * factor);
    return {
      scales,
      q: weight.transposed ? this.transposed(graph, entry.q, out) : entry.q,
      scale: this.pool.intern(`${base}_scale`, DataType.FLOAT, paramDims, bytesOf(scales)),
      zeroPoint: req.scalarZeroPoint
        ? this.pool.intern(`${base}_zero_point`, this.qType, [], bytesOf(data.zeroPoints.subarray(0, 1)))
        : this.pool.intern(`${base}_zero_point`, this.qType, paramDims, bytesOf(data.zeroPoints)),
    };
  }

  /**
   * How to read a weight on disk again, or undefined for one in memory. A function of its own: a closure
   * made in weight() would share that scope's context, which holds the payload, and keep it alive.
   */
  private rereader(t: TensorProto): (() => Uint8Array) | undefined {
    return isExternal(t) ? () => tensorBytes(t, this.external) : undefined;
  }

  /**
   * The integer product scaled back to float, in the exact shape ORT's MatMulIntegerToFloatFusion
   * matches: Cast(int32 → float) and Mul(A_scale, B_scale) feeding one Mul (matmul_integer_to_float.cc).
   * Returns the nodes; the last one writes `output`.
   */
  rescale(integerOutput: string, aScale: string, bScale: string, output: string, base: string): NodeProto[] {
    const cast = this.fresh(`${integerOutput}_cast_output`);
    const scales = this.fresh(`${base}_scales_mul:0`);
    return [
      makeNode('Cast', this.fresh(`${integerOutput}_cast`), [integerOutput], [cast], [intAttr('to', DataType.FLOAT)]),
      makeNode('Mul', this.fresh(`${base}_scales_mul`), [aScale, bScale], [scales]),
      makeNode('Mul', this.fresh(`${base}_output_scale_mul`), [cast, scales], [output]),
    ];
  }

  /** Name base for nodes derived from `node`. */
  baseOf(node: NodeProto, scope: GraphScope): string {
    return node.name || `${node.opType}_${node.output[0] ?? scope.depth}`;
  }
}
