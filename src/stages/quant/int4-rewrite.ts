/**
 * What the 4-bit quantizers share (one small file per op: int4-matmul.ts, int4-gemm.ts, int4-gather.ts,
 * listed in registry.ts): the run state, content keys for quantized weights, and the MatMulNBits rewrite
 * that MatMul and Gemm both end in.
 *
 * - MatMul(A, W[K, N]) → com.microsoft MatMulNBits(A, B, scales[, zero_points]) with B uint8
 *   [N, kBlocks, blockSize/2] (ORT docs/ContribOperators.md, MatMulNBits). Without zero_points the
 *   kernel uses 8, which is what the symmetric scheme assumes.
 * - 8 bits (the `layers` table): MatMulNBits with bits=8, B uint8 [N, kBlocks, blockSize], one code a
 *   byte, implicit zero point 128 (what ORT's `quantize_matmul_8bits` writes; onnxruntime added it for
 *   the layers int4 hurts most, PR 24384); GatherBlockQuantized with bits=8, data uint8 [V, D].
 */
import { DataType, dataTypeName } from '../../onnx/dtype.js';
import type { GraphScope } from '../../onnx/graph.js';
import { elementCount, isExternal, tensorBytes, tensorFloat32, type ExternalDataSource } from '../../onnx/tensor.js';
import { replacePayload } from '../../onnx/spill.js';
import { meanOutputShift } from './bias-correction.js';
import type { AttributeProto, NodeProto, TensorProto } from '../../onnx/types.js';
import { fromFloat16Bits, toFloat16Bits } from '../../onnx/float16.js';
import { roundToFloat16 } from '../fp16-numerics.js';
import { intAttr, nodeId } from '../nodes.js';
import type { ConstantWeight, DefinitionIndex } from './constant-weight.js';
import type { QuantMethod } from './block-solver.js';
import type { ActivationAware } from './awq.js';
import { blockFactors } from './block-feedback.js';
import type { Int4Blocks } from './int4-numerics.js';
import { quantizeMatrix4, quantizeMatrixWithSpanFeedback } from './int4-parallel.js';
import { bytesOf, ContentMap } from '../content-identity.js';
import type { TensorPool } from './tensor-pool.js';

export interface Int4Settings {
  blockSize: number;
  symmetric: boolean;
  accuracyLevel?: number;
  embeddings: 'int4' | 'int8' | 'none';
  method: QuantMethod;
}

/** One rewritten node for the report: its bits and its weight's relative reconstruction error ‖W − Ŵ‖ / ‖W‖. */
export interface QuantizedLayer {
  node: string;
  op: string;
  weight: string;
  bits: number;
  relError: number;
}

export interface Int4Pass {
  settings: Int4Settings;
  /** The quantized tensors, each group placed next to the weight it replaces (tensor-pool.ts). */
  store: TensorPool;
  names: Set<string>;
  external?: ExternalDataSource;
  /** Opset of the default domain (DequantizeLinear needs ≥ 10). */
  opset: number;
  index: DefinitionIndex;
  /** Weights that were quantized (to drop once nothing reads them), with the paths that reached them. */
  sources: Map<TensorProto, ConstantWeight['path'][]>;
  counts: { matmul: number; gemm: number; gatherInt4: number; gatherInt8: number };
  /** Bits of the node being quantized (4, or 8 where the `layers` table says so), set before its check. */
  bits: 4 | 8;
  /** Store keys already computed per weight and parameters: a weight read by many nodes is read once. */
  keys?: WeakMap<TensorProto, Map<string, string>>;
  /** Distinct (parameters, payload) pairs seen, numbered. */
  contents?: ContentMap<number>;
  /** Every rewritten node, and the relative error of each store key (a shared weight is measured once). */
  layers: QuantizedLayer[];
  errors: Map<string, number>;
  /** method awq: per scaled MatMul / Gemm, its activation's moments and row scales (awq.ts plans them). */
  awq?: Map<NodeProto, ActivationAware>;
  /** awq / gptq: the own bias (an Add's [N] initializer) each MatMul's bias correction goes into (awq.ts). */
  awqBias?: Map<NodeProto, TensorProto>;
  /** The mean output shift E[x]·(W − Ŵ) of each store key quantized with a known E[x] (bias-correction.ts). */
  shifts?: Map<string, Float32Array>;
  /** Layers whose bias took the correction: an existing bias, or MatMulNBits' bias input. */
  biasCorrected?: { folded: number; input: number };
}

const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

export const relError = (q: Int4Blocks) => (q.sqNorm > 0 ? Math.sqrt(q.sqError / q.sqNorm) : 0);

export function record(run: Int4Pass, node: NodeProto, src: ConstantWeight, bits: number, key: string): void {
  run.layers.push({ node: nodeId(node), op: node.opType ?? '', weight: baseName(src, ''), bits, relError: run.errors.get(key) ?? 0 });
}

/**
 * The float values of `raw` (the payload of `t`, read once by the caller). An aligned float32 payload is
 * viewed, not copied: the quantizers only read it, and on a streamed model it is a fresh buffer from disk
 * that another copy would double.
 */
export function floatValues(t: TensorProto, raw: Uint8Array): Float32Array {
  const n = elementCount(t.dims);
  if (t.dataType === DataType.FLOAT && LITTLE_ENDIAN && raw.byteOffset % 4 === 0 && raw.length === n * 4) {
    return new Float32Array(raw.buffer, raw.byteOffset, n);
  }
  // Unaligned float32 (a payload inside the decoded file): one copy to aligned memory, not a DataView read per value.
  // (new Uint8Array(raw) copies; a Buffer's own slice() would be a view of the whole file.)
  if (t.dataType === DataType.FLOAT && LITTLE_ENDIAN && raw.length === n * 4) return new Float32Array(new Uint8Array(raw).buffer, 0, n);
  const dv = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const out = new Float32Array(n);
  if (t.dataType === DataType.FLOAT16) for (let i = 0; i < n; i++) out[i] = fromFloat16Bits(dv.getUint16(i * 2, true));
  else for (let i = 0; i < n; i++) out[i] = dv.getFloat32(i * 4, true);
  return out;
}

/**
 * The store key of `tensor` quantized with `parts`, and its payload when this is the first time the run
 * sees that pair (a payload on disk is read once here and handed to the quantizer, not read again).
 * Contents are told apart as int8's pool does (contentKeyOf: sampled fingerprint first, a full hash and
 * compare only when two payloads share it), so distinct weights are never hashed in full.
 */
export function weightKey(run: Int4Pass, tensor: TensorProto, parts: (string | number | boolean)[]): { key: string; raw?: Uint8Array } {
  run.keys ??= new WeakMap();
  let perTensor = run.keys.get(tensor);
  if (!perTensor) run.keys.set(tensor, (perTensor = new Map()));
  const params = parts.join('|');
  const known = perTensor.get(params);
  if (known) return { key: known };
  const raw = tensorBytes(tensor, run.external);
  // A payload on disk is read again if a look-alike shows up, rather than kept in memory.
  const key = contentKeyOf(run, params, raw, isExternal(tensor) ? () => tensorBytes(tensor, run.external) : undefined);
  perTensor.set(params, key);
  return { key, raw };
}

/**
 * A store key for `raw` under `params`: the same key for the same parameters and bytes (content-identity.ts's
 * ContentMap numbers each distinct pair), so the store makes each quantized form once.
 */
export function contentKeyOf(run: Int4Pass, params: string, raw: Uint8Array, reread?: () => Uint8Array): string {
  run.contents ??= new ContentMap<number>();
  let id = run.contents.get(params, raw);
  if (id === undefined) {
    id = run.contents.size;
    run.contents.set(params, raw, id, reread);
  }
  return `${params}#${id}`;
}

/** Scales in the weight's own float type (MatMulNBits: same type as A; GatherBlockQuantized: output type). */
export function scalesPayload(scales: Float32Array, dataType: number): Uint8Array {
  return bytesOf(dataType === DataType.FLOAT16 ? Uint16Array.from(scales, toFloat16Bits) : scales);
}

/** Why the constant `src` is no float 2-D weight int4 can take, or undefined when it is one. */
export function floatWeightReason(src: ConstantWeight): string | undefined {
  const { tensor } = src;
  if (tensor.dataType !== DataType.FLOAT && tensor.dataType !== DataType.FLOAT16) return `weight is ${dataTypeName(tensor.dataType)}`;
  if (tensor.dims.length !== 2) return `weight is ${tensor.dims.length}-D, not 2-D`;
  if (elementCount(tensor.dims) === 0) return 'weight is empty';
  return undefined;
}

/** The graph that defines the constant: its quantized form goes there, visible to the same readers. */
export function weightScope(src: ConstantWeight): GraphScope {
  return src.path[src.path.length - 1]!.scope;
}

export function recordWeightSource(run: Int4Pass, src: ConstantWeight): void {
  const known = run.sources.get(src.tensor);
  if (known) known.push(src.path);
  else run.sources.set(src.tensor, [src.path]);
}

export function becomeContribOp(node: NodeProto, opType: string, inputs: string[], attrs: AttributeProto[]): void {
  node.opType = opType;
  node.domain = 'com.microsoft';
  node.input = inputs;
  node.attribute = attrs;
}

/** Names for the quantized tensors: the weight's, or the Constant node output's that holds it. */
export function baseName(src: ConstantWeight, fallback: string): string {
  return src.tensor.name || src.path[src.path.length - 1]?.name || fallback;
}

/** awq's s_k·W_kn as float32 (a plain loop: a map callback per value cost ~1 s on BERT-base). */
function scaleRows(values: Float32Array, s: Float32Array, k: number, n: number, transposed: boolean): Float32Array {
  const out = new Float32Array(values.length);
  if (transposed) {
    // Stored [N, K]: k runs fastest.
    for (let c = 0, at = 0; c < n; c++) for (let kk = 0; kk < k; kk++, at++) out[at] = values[at]! * s[kk]!;
  } else {
    for (let kk = 0, at = 0; kk < k; kk++) {
      const sk = s[kk]!;
      for (let c = 0; c < n; c++, at++) out[at] = values[at]! * sk;
    }
  }
  return out;
}

/**
 * Turns `node` into MatMulNBits(A, B_q, scales[, zero_points]) on the weight `src` as the node sees it
 * (`src.transposed`: the stored tensor is [N, K]); `alpha` scales the weight before it is quantized.
 */
export function toMatMulNBits(node: NodeProto, a: string, src: ConstantWeight, alpha: number, run: Int4Pass, bits: 4 | 8): void {
  const { tensor, transposed } = src;
  const [r, c] = tensor.dims as [number, number];
  // MatMulNBits quantizes B along K, one row of K values per output column n.
  const [k, n] = transposed ? [c, r] : [r, c];
  const { blockSize, symmetric, method } = run.settings;
  const dtype = tensor.dataType!;
  const aware = run.awq?.get(node);
  const { key, raw } = weightKey(run, tensor, ['matmul', dtype, r, c, transposed, blockSize, symmetric, method, bits, ...(alpha === 1 ? [] : [alpha]), ...(aware ? [`awq${aware.group}`] : [])]);
  const stored = run.store.group(key, weightScope(src), () => {
    let values = floatValues(tensor, raw ?? tensorBytes(tensor, run.external));
    if (alpha !== 1) values = values.map((v) => v * alpha); // float32 products, as Gemm forms alpha·A·B
    const s = aware?.scale;
    // awq: row k times s_k (the activation is divided by it), errors weighted by E[x_k²] / s_k².
    if (s) values = scaleRows(values, s, k, n, transposed);
    const importance = aware ? (s ? aware.moments.map((m, i) => m / (s[i]! * s[i]!)) : aware.moments) : undefined;
    const opts = {
      blockSize, symmetric, method: method === 'awq' || method === 'gptq' ? 'mse' as const : method, bits, padToBlock: true,
      storeScale: dtype === DataType.FLOAT16 ? roundToFloat16 : Math.fround, importance, errorScale: s,
    };
    const span = aware?.cross ? (aware.crossBlock ?? blockSize) : 0;
    const factors = aware?.cross ? (aware.factors ??= blockFactors(aware.cross, k, span, s)) : undefined;
    // Stored [N, K]: already one row of K per column n. Stored [K, N]: quantized along its columns in place.
    // Feedback wider than a block walks each column through a span (span-feedback.ts).
    const q = factors && span > blockSize ? quantizeMatrixWithSpanFeedback(values, k, n, transposed, opts, { factors, span })
      : quantizeMatrix4(values, k, n, transposed, { ...opts, feedback: factors });
    run.errors.set(key, relError(q));
    // The mean the quantized rows see is E[x_k] / s_k (the activation is divided by s).
    const mean = aware?.mean;
    if (mean) (run.shifts ??= new Map()).set(key, meanOutputShift(q, values, k, n, transposed, s ? mean.map((m, i) => m / s[i]!) : mean, bits, blockSize));
    const parts = [
      { dataType: DataType.UINT8, dims: [n, q.kBlocks, (blockSize * bits) / 8], raw: q.data },
      { dataType: dtype, dims: [n, q.kBlocks], raw: scalesPayload(q.scales, dtype) },
    ];
    if (q.zeroPoints) parts.push({ dataType: DataType.UINT8, dims: [n, Math.ceil((q.kBlocks * bits) / 8)], raw: q.zeroPoints });
    return { base: baseName(src, 'weight'), suffixes: [`_Q${bits}`, '_scales', '_zero_points'], parts };
  });
  record(run, node, src, bits, key);
  const attrs = [intAttr('K', k), intAttr('N', n), intAttr('bits', bits), intAttr('block_size', blockSize)];
  if (run.settings.accuracyLevel !== undefined) attrs.push(intAttr('accuracy_level', run.settings.accuracyLevel));
  const shift = run.shifts?.get(key);
  const inputs = [a, ...stored.names];
  if (shift) {
    const counts = (run.biasCorrected ??= { folded: 0, input: 0 });
    const own = run.awqBias?.get(node);
    if (own) {
      const b = tensorFloat32(own, run.external);
      replacePayload(run.external, own, bytesOf(b.map((v, i) => v + shift[i]!)));
      counts.folded++;
    } else {
      // MatMulNBits(A, B, scales, zero_points, g_idx, bias): the unused optional inputs stay empty.
      while (inputs.length < 5) inputs.push('');
      inputs.push(run.store.intern(`${baseName(src, 'weight')}_bias_correction`, DataType.FLOAT, [n], bytesOf(shift)));
      counts.input++;
    }
  }
  becomeContribOp(node, 'MatMulNBits', inputs, attrs);
}

