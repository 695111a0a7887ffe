/**
 * State shared by the op quantizers during one run of quantize-int8: options, fresh names, the
 * content-addressed tensor pool and quantized-weight cache, and one DynamicQuantizeLinear per
 * activation per graph (as ORT's quantizer keeps one per tensor in quantized_value_map).
 */
import { DataType } from '../../onnx/dtype.js';
import { freshName, type GraphScope } from '../../onnx/graph.js';
import { isExternal, tensorBytes, type ExternalDataSource } from '../../onnx/tensor.js';
import type { GraphProto, NodeProto } from '../../onnx/types.js';
import { DefinitionIndex, type ConstantWeight } from './constant-weight.js';
import { intAttr, intsAttr, makeNode } from './nodes.js';
import { quantizePerAxis, quantizePerTensor, type Int8Type, type QuantizedData } from './numerics.js';
import { ContentMap, TensorHashes, TensorPool, bytesOf } from './tensor-pool.js';

export interface Int8Options {
  ops: Set<string>;
  exclude: RegExp[];
  perChannel: boolean;
  reduceRange: boolean;
  weightType: Int8Type;
  minElements: number;
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
  readonly pool: TensorPool;
  private readonly hashes = new TensorHashes();
  /** Scales and zero points only: the quantized values live in the pool (on disk when streaming). */
  private readonly quantized = new ContentMap<{ data: Pick<QuantizedData, 'scales' | 'zeroPoints'>; q: string }>();
  private readonly activations = new WeakMap<GraphProto, Map<string, QuantizedActivation>>();
  private readonly transposes = new WeakMap<GraphProto, Map<string, string>>();
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
    this.pool = new TensorPool(root, names, irVersion < 4, external);
  }

  fresh(base: string): string {
    return freshName(this.names, base);
  }

  get symmetric(): boolean {
    // ORT: weights are symmetric by default exactly when the weight type is signed (WeightSymmetric).
    return this.options.weightType === 'int8';
  }

  get qType(): number {
    return this.options.weightType === 'int8' ? DataType.INT8 : DataType.UINT8;
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
    const bytes = tensorBytes(t, this.external);
    const mode = `${this.options.weightType}:${this.symmetric}:${this.options.reduceRange}:${axis ?? 'tensor'}:${t.dims.join('x')}`;
    const key = `${mode}|${this.hashes.of(t, bytes)}`;
    let entry = this.quantized.get(key, bytes);
    if (entry) this.reuses++;
    else {
      // The float values from the bytes already read (a weight on disk is not read a second time).
      const data = new Float32Array(bytes.length / 4);
      new Uint8Array(data.buffer).set(bytes);
      const opts = { type: this.options.weightType, symmetric: this.symmetric, reduceRange: this.options.reduceRange };
      const q = axis === undefined ? quantizePerTensor(data, opts) : quantizePerAxis(data, t.dims, axis, opts);
      const base = (t.name || 'weight').replace(/[:/]+/g, '_');
      entry = { data: { scales: q.scales, zeroPoints: q.zeroPoints }, q: this.pool.intern(`${base}_quantized`, this.qType, t.dims, bytesOf(q.values)) };
      // A float weight on disk is read again on a hash hit rather than kept.
      this.quantized.set(key, isExternal(t) ? () => tensorBytes(t, this.external) : bytes, entry);
      this.weightsQuantized++;
      this.floatBytesQuantized += bytes.length;
    }
    const { data } = entry;
    const paramDims = axis === undefined ? [] : (req.paramDims ?? [data.scales.length]);
    const base = entry.q.replace(/_quantized$/, '');
    const factor = req.scaleFactor ?? 1;
    const scales = factor === 1 ? data.scales : Float32Array.from(data.scales, (v) => v * factor);
    return {
      q: weight.transposed ? this.transposed(graph, entry.q, out) : entry.q,
      scale: this.pool.intern(`${base}_scale`, DataType.FLOAT, paramDims, bytesOf(scales)),
      zeroPoint: req.scalarZeroPoint
        ? this.pool.intern(`${base}_zero_point`, this.qType, [], bytesOf(data.zeroPoints.subarray(0, 1)))
        : this.pool.intern(`${base}_zero_point`, this.qType, paramDims, bytesOf(data.zeroPoints)),
    };
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
