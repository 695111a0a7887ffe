/**
 * The node rewrites of the 4-bit stage, one function per op (a table in quantize-int4.ts picks them):
 *
 * - MatMul(A, W[K, N]) → com.microsoft MatMulNBits(A, B, scales[, zero_points]) with B uint8
 *   [N, kBlocks, blockSize/2] (ORT docs/ContribOperators.md, MatMulNBits). Without zero_points the
 *   kernel uses 8, which is what the symmetric scheme assumes.
 * - Gemm(A, B, C) → MatMulNBits and an Add of beta·C (see rewriteGemm).
 * - Gather(table[V, D], idx) → com.microsoft GatherBlockQuantized(data uint8 [V, D/2], idx, scales
 *   [V, ceil(D/blockSize)][, zero_points]) with bits=4, gather_axis=0, quantize_axis=1. With uint8 data
 *   the CPU kernel requires gather_axis 0 and quantize_axis last, unpacks two codes a byte (low nibble
 *   first) and, without zero_points, uses 8 — the MatMulNBits convention, so one quantizer serves both.
 * - Gather → int8 Gather + DequantizeLinear (per-tensor symmetric, ORT quantize_dynamic's scheme) when
 *   `embeddings: int8`.
 * - 8 bits (the `layers` table): MatMulNBits with bits=8, B uint8 [N, kBlocks, blockSize], one code a
 *   byte, implicit zero point 128 (what ORT's `quantize_matmul_8bits` writes; onnxruntime added it for
 *   the layers int4 hurts most, PR 24384); GatherBlockQuantized with bits=8, data uint8 [V, D].
 *
 * Each returns undefined when it rewrote the node, or the reason it left the node alone.
 */
import { DataType, dataTypeName } from '../../onnx/dtype.js';
import { attr, freshName, type GraphScope } from '../../onnx/graph.js';
import { elementCount, isExternal, tensorBytes, type ExternalDataSource } from '../../onnx/tensor.js';
import type { AttributeProto, NodeProto, TensorProto } from '../../onnx/types.js';
import { fromFloat16Bits, toFloat16Bits } from '../../onnx/float16.js';
import { roundToFloat16 } from '../fp16-numerics.js';
import { intAttr, intsAttr, makeNode, nodeId } from '../nodes.js';
import { resolveConstant, type ConstantWeight, type DefinitionIndex } from './constant-weight.js';
import type { QuantMethod } from './block-solver.js';
import type { ActivationAware } from './awq.js';
import { blockFactors } from './block-feedback.js';
import { quantizeColumns4, quantizeRows4, type Int4Blocks } from './int4-numerics.js';
import { quantizePerTensor } from './numerics.js';
import { contentKey, type QuantStore } from './int4-store.js';
import { bytesOf, ContentMap } from './tensor-pool.js';

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

export interface Int4Run {
  settings: Int4Settings;
  store: QuantStore;
  names: Set<string>;
  external?: ExternalDataSource;
  /** Opset of the default domain (DequantizeLinear needs ≥ 10). */
  opset: number;
  index: DefinitionIndex;
  /** Weights that were quantized (to drop once nothing reads them), with the paths that reached them. */
  sources: Map<TensorProto, ConstantWeight['path'][]>;
  counts: { matmul: number; gemm: number; gatherInt4: number; gatherInt8: number };
  /** Nodes to put just before / after a rewritten node (the stage splices them in once per graph). */
  before: Map<NodeProto, NodeProto[]>;
  after: Map<NodeProto, NodeProto[]>;
  /** Store keys already computed per weight and parameters: a weight read by many nodes is read once. */
  keys?: WeakMap<TensorProto, Map<string, string>>;
  /** Distinct (parameters, payload) pairs seen, numbered. */
  contents?: ContentMap<number>;
  /** Every rewritten node, and the relative error of each store key (a shared weight is measured once). */
  layers: QuantizedLayer[];
  errors: Map<string, number>;
  /** method awq: per scaled MatMul / Gemm, its activation's moments and row scales (awq.ts plans them). */
  awq?: Map<NodeProto, ActivationAware>;
}

const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/** Rewrites `node` with `bits`-bit weights; undefined when done, else why the node was left alone. */
export type Rewrite = (node: NodeProto, scope: GraphScope, run: Int4Run, bits: 4 | 8) => string | undefined;

const relError = (q: Int4Blocks) => (q.sqNorm > 0 ? Math.sqrt(q.sqError / q.sqNorm) : 0);

function record(run: Int4Run, node: NodeProto, src: ConstantWeight, bits: number, key: string): void {
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
  const dv = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const out = new Float32Array(n);
  if (t.dataType === DataType.FLOAT16) for (let i = 0; i < n; i++) out[i] = fromFloat16Bits(dv.getUint16(i * 2, true));
  else for (let i = 0; i < n; i++) out[i] = dv.getFloat32(i * 4, true);
  return out;
}

/**
 * The store key of `tensor` quantized with `parts`, and its payload when this is the first time the run
 * sees that pair (a payload on disk is read once here and handed to the quantizer, not read again).
 * Contents are told apart as int8's pool does (ContentMap: sampled fingerprint first, a full hash and
 * compare only when two payloads share it), so distinct weights are never hashed in full.
 */
function weightKey(run: Int4Run, tensor: TensorProto, parts: (string | number | boolean)[]): { key: string; raw?: Uint8Array } {
  run.keys ??= new WeakMap();
  let perTensor = run.keys.get(tensor);
  if (!perTensor) run.keys.set(tensor, (perTensor = new Map()));
  const params = parts.join('|');
  const known = perTensor.get(params);
  if (known) return { key: known };
  const raw = tensorBytes(tensor, run.external);
  run.contents ??= new ContentMap<number>();
  let id = run.contents.get(params, raw);
  if (id === undefined) {
    id = run.contents.size;
    // A payload on disk is read again if a look-alike shows up, rather than kept in memory.
    run.contents.set(params, raw, id, isExternal(tensor) ? () => tensorBytes(tensor, run.external) : undefined);
  }
  const key = `${params}#${id}`;
  perTensor.set(params, key);
  return { key, raw };
}

/** Scales in the weight's own float type (MatMulNBits: same type as A; GatherBlockQuantized: output type). */
function scalesPayload(scales: Float32Array, dataType: number): Uint8Array {
  return bytesOf(dataType === DataType.FLOAT16 ? Uint16Array.from(scales, toFloat16Bits) : scales);
}

/** The constant float 2-D weight behind `name`, or why there is none. */
export function floatWeight(scope: GraphScope, name: string, run: Pick<Int4Run, 'index'>): ConstantWeight | string {
  const src = resolveConstant(scope, name, run.index);
  if (!src) return 'weight is not a constant';
  const { tensor } = src;
  if (tensor.dataType !== DataType.FLOAT && tensor.dataType !== DataType.FLOAT16) return `weight is ${dataTypeName(tensor.dataType)}`;
  if (tensor.dims.length !== 2) return `weight is ${tensor.dims.length}-D, not 2-D`;
  if (elementCount(tensor.dims) === 0) return 'weight is empty';
  return src;
}

/** The graph that defines the constant: its quantized form goes there, visible to the same readers. */
function home(src: ConstantWeight): GraphScope {
  return src.path[src.path.length - 1]!.scope;
}

function remember(run: Int4Run, src: ConstantWeight): void {
  const known = run.sources.get(src.tensor);
  if (known) known.push(src.path);
  else run.sources.set(src.tensor, [src.path]);
}

function becomeContribOp(node: NodeProto, opType: string, inputs: string[], attrs: AttributeProto[]): void {
  node.opType = opType;
  node.domain = 'com.microsoft';
  node.input = inputs;
  node.attribute = attrs;
}

/** Names for the quantized tensors: the weight's, or the Constant node output's that holds it. */
function baseName(src: ConstantWeight, fallback: string): string {
  return src.tensor.name || src.path[src.path.length - 1]?.name || fallback;
}

/**
 * Turns `node` into MatMulNBits(A, B_q, scales[, zero_points]) on the weight `src` as the node sees it
 * (`src.transposed`: the stored tensor is [N, K]); `alpha` scales the weight before it is quantized.
 */
function toMatMulNBits(node: NodeProto, a: string, src: ConstantWeight, alpha: number, run: Int4Run, bits: 4 | 8): void {
  const { tensor, transposed } = src;
  const [r, c] = tensor.dims as [number, number];
  // MatMulNBits quantizes B along K, one row of K values per output column n.
  const [k, n] = transposed ? [c, r] : [r, c];
  const { blockSize, symmetric, method } = run.settings;
  const dtype = tensor.dataType!;
  const aware = run.awq?.get(node);
  const { key, raw } = weightKey(run, tensor, ['matmul', dtype, r, c, transposed, blockSize, symmetric, method, bits, ...(alpha === 1 ? [] : [alpha]), ...(aware ? [`awq${aware.group}`] : [])]);
  const stored = run.store.get(key, home(src), () => {
    let values = floatValues(tensor, raw ?? tensorBytes(tensor, run.external));
    if (alpha !== 1) values = values.map((v) => v * alpha); // float32 products, as Gemm forms alpha·A·B
    const s = aware?.scale;
    // awq: row k times s_k (the activation is divided by it), errors weighted by E[x_k²] / s_k².
    if (s) values = transposed ? values.map((v, i) => v * s[i % k]!) : values.map((v, i) => v * s[Math.floor(i / n)]!);
    const importance = aware ? (s ? aware.moments.map((m, i) => m / (s[i]! * s[i]!)) : aware.moments) : undefined;
    const opts = {
      blockSize, symmetric, method: method === 'awq' ? 'mse' as const : method, bits, padToBlock: true,
      storeScale: dtype === DataType.FLOAT16 ? roundToFloat16 : Math.fround, importance, errorScale: s,
      feedback: aware?.cross ? (aware.factors ??= blockFactors(aware.cross, k, blockSize, s)) : undefined,
    };
    // Stored [N, K]: already one row of K per column n. Stored [K, N]: quantized along its columns in place.
    const q = transposed ? quantizeRows4(values, n, k, opts) : quantizeColumns4(values, k, n, opts);
    run.errors.set(key, relError(q));
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
  becomeContribOp(node, 'MatMulNBits', [a, ...stored.names], attrs);
  remember(run, src);
}

export const rewriteMatMul: Rewrite = (node, scope, run, bits) => {
  const src = floatWeight(scope, node.input[1] ?? '', run);
  if (typeof src === 'string') return src;
  toMatMulNBits(node, node.input[0] ?? '', src, 1, run, bits);
  run.counts.matmul++;
  return undefined;
};

/**
 * Gemm (Y = alpha·A'·B' + beta·C) with a constant B → MatMulNBits, then Add(·, beta·C): torch writes
 * nn.Linear on 2-D inputs (MLPs, CNN heads) as Gemm, so a MatMul-only pass would leave those models
 * whole. transB reads the weight transposed (no copy), alpha is folded into the weight before
 * quantizing, transA gets a Transpose of A, beta ≠ 1 needs a constant C (scaled into a new tensor).
 */
export const rewriteGemm: Rewrite = (node, scope, run, bits) => {
  const src = floatWeight(scope, node.input[1] ?? '', run);
  if (typeof src === 'string') return src;
  if (src.tensor.dataType !== DataType.FLOAT) return 'float16 Gemm: its bias Add would need float16 C';
  const alpha = attr(node, 'alpha')?.f ?? 1;
  const beta = attr(node, 'beta')?.f ?? 1;
  const view = attr(node, 'transB')?.i ? { ...src, transposed: !src.transposed } : src;
  const c = node.input[2] || undefined;
  let bias = beta === 0 ? undefined : c;
  if (bias && beta !== 1) {
    const constC = resolveConstant(scope, bias, run.index);
    if (!constC || constC.transposed || constC.tensor.dataType !== DataType.FLOAT) return `beta ${beta} on a C that is not a float constant`;
    const scaled = floatValues(constC.tensor, tensorBytes(constC.tensor, run.external)).map((v) => v * beta);
    const raw = bytesOf(scaled);
    bias = run.store.get(contentKey(['gemm-bias', ...constC.tensor.dims], raw), home(constC), () => ({
      base: baseName(constC, 'bias'), suffixes: ['_scaled'], parts: [{ dataType: DataType.FLOAT, dims: [...constC.tensor.dims], raw }],
    })).names[0]!;
  }
  let a = node.input[0] ?? '';
  if (attr(node, 'transA')?.i) {
    const at = freshName(run.names, `${a}_transposed`);
    insert(run.before, node, makeNode('Transpose', freshName(run.names, `${node.name || a}_transA`), [a], [at], [intsAttr('perm', [1, 0])], ''));
    a = at;
  }
  const output = node.output[0] ?? '';
  if (bias) {
    const product = freshName(run.names, `${output}_matmul`);
    insert(run.after, node, makeNode('Add', freshName(run.names, `${node.name || output}_bias`), [product, bias], [output], [], ''));
    node.output[0] = product;
  }
  toMatMulNBits(node, a, view, alpha, run, bits);
  run.counts.gemm++;
  return undefined;
};

function insert(at: Map<NodeProto, NodeProto[]>, node: NodeProto, added: NodeProto): void {
  const list = at.get(node);
  if (list) list.push(added);
  else at.set(node, [added]);
}

/** A Gather on a constant 2-D table along axis 0, or why not. */
function embeddingTable(node: NodeProto, scope: GraphScope, run: Int4Run): ConstantWeight | string {
  const axis = Number(node.attribute.find((a) => a.name === 'axis')?.i ?? 0n);
  const src = floatWeight(scope, node.input[0] ?? '', run);
  if (typeof src === 'string') return src.replace('weight', 'table');
  if (axis !== 0 && axis !== -2) return `gathers along axis ${axis}, not rows`;
  if (src.transposed) return 'table is reached through a Transpose';
  return src;
}

const rewriteGatherInt4: Rewrite = (node, scope, run, bits) => {
  const src = embeddingTable(node, scope, run);
  if (typeof src === 'string') return src;
  const { tensor } = src;
  const [v, d] = tensor.dims as [number, number];
  // uint8 data packs two 4-bit codes a byte along the row; the kernel doubles the last dim, so it must be even.
  if (bits === 4 && d % 2 !== 0) return `table width ${d} is odd (4-bit rows pack two values a byte)`;
  const { blockSize, symmetric, method } = run.settings;
  const dtype = tensor.dataType!;
  const { key, raw } = weightKey(run, tensor, ['gather4', dtype, v, d, blockSize, symmetric, method, bits]);
  const stored = run.store.get(key, home(src), () => {
    const q = quantizeRows4(floatValues(tensor, raw ?? tensorBytes(tensor, run.external)), v, d, {
      blockSize, symmetric, method, bits, padToBlock: false, storeScale: dtype === DataType.FLOAT16 ? roundToFloat16 : Math.fround,
    });
    run.errors.set(key, relError(q));
    const parts = [
      { dataType: DataType.UINT8, dims: [v, (d * bits) / 8], raw: q.data },
      { dataType: dtype, dims: [v, q.kBlocks], raw: scalesPayload(q.scales, dtype) },
    ];
    if (q.zeroPoints) parts.push({ dataType: DataType.UINT8, dims: [v, Math.ceil((q.kBlocks * bits) / 8)], raw: q.zeroPoints });
    return { base: baseName(src, 'table'), suffixes: [`_Q${bits}`, '_scales', '_zero_points'], parts };
  });
  record(run, node, src, bits, key);
  const [data, scales, zp] = stored.names as [string, string, string | undefined];
  const attrs = [intAttr('gather_axis', 0), intAttr('quantize_axis', 1), intAttr('block_size', blockSize), intAttr('bits', bits)];
  becomeContribOp(node, 'GatherBlockQuantized', [data, node.input[1] ?? '', scales, ...(zp ? [zp] : [])], attrs);
  remember(run, src);
  run.counts.gatherInt4++;
  return undefined;
};

const rewriteGatherInt8: Rewrite = (node, scope, run) => {
  const src = embeddingTable(node, scope, run);
  if (typeof src === 'string') return src;
  const { tensor } = src;
  if (tensor.dataType !== DataType.FLOAT) return 'float16 table needs DequantizeLinear-19; use embeddings: int4';
  if (run.opset < 10) return `opset ${run.opset} has no DequantizeLinear`;
  const { key, raw } = weightKey(run, tensor, ['gather8', ...tensor.dims]);
  const stored = run.store.get(key, home(src), () => {
    // quantize_dynamic's per-tensor symmetric int8 (numerics.ts holds the shared 8-bit numerics).
    const values = floatValues(tensor, raw ?? tensorBytes(tensor, run.external));
    const q = quantizePerTensor(values, { type: 'int8', symmetric: true, reduceRange: false });
    run.errors.set(key, perTensorError(values, q.values, q.scales[0]!, q.zeroPoints[0]!));
    return {
      base: baseName(src, 'table'), suffixes: ['_quantized', '_scale', '_zero_point'],
      parts: [
        { dataType: DataType.INT8, dims: [...tensor.dims], raw: bytesOf(q.values) },
        { dataType: DataType.FLOAT, dims: [], raw: bytesOf(q.scales) },
        { dataType: DataType.INT8, dims: [], raw: bytesOf(q.zeroPoints) },
      ],
    };
  });
  record(run, node, src, 8, key);
  const [table, scale, zp] = stored.names as [string, string, string];
  const output = node.output[0] ?? '';
  const gathered = freshName(run.names, `${output}_quantized`);
  node.input[0] = table;
  node.output[0] = gathered;
  const dq = makeNode('DequantizeLinear', freshName(run.names, `${node.name || output}_DequantizeLinear`), [gathered, scale, zp], [output], [], '');
  insert(run.after, node, dq);
  remember(run, src);
  run.counts.gatherInt8++;
  return undefined;
};

/**
 * Embeddings: `embeddings` picks the form (int4: GatherBlockQuantized, int8: Gather + DequantizeLinear);
 * a table the `layers` table sets to 8 bits takes GatherBlockQuantized with bits=8 under `embeddings: int4`.
 */
export const rewriteGather: Rewrite = (node, scope, run, bits) => {
  if (run.settings.embeddings === 'none') return 'embeddings: none';
  return run.settings.embeddings === 'int8' ? rewriteGatherInt8(node, scope, run, 8) : rewriteGatherInt4(node, scope, run, bits);
};

/** ‖W − Ŵ‖ / ‖W‖ of a per-tensor int8 quantization (Ŵ = (q − zp) · scale, as DequantizeLinear computes). */
function perTensorError(w: Float32Array, q: ArrayLike<number>, scale: number, zp: number): number {
  let e = 0;
  let n = 0;
  for (let i = 0; i < w.length; i++) {
    const d = w[i]! - Math.fround((q[i]! - zp) * scale);
    e += d * d;
    n += w[i]! * w[i]!;
  }
  return n > 0 ? Math.sqrt(e / n) : 0;
}
