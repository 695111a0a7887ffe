/**
 * Self-attention → com.microsoft Attention (onnxruntime's fusion_attention.py / fusion_gpt_attention.py;
 * the op onnxruntime's transformer optimizer emits for BERT and GPT-2 on CPU), with Q, K and V packed
 * into one [in, 3·hidden] weight and bias, the padding mask as the raw int32 [batch, seq] mask the
 * kernel takes (1 = attend; masked scores get `mask_filter_value` added, attention_cpu_base.h), and
 * `unidirectional` for causal decoders. Heads and head size come from the head-split Reshape targets,
 * checked against the weights and the merge Reshape; the scale from the exported constant.
 *
 * The core, declaratively: Reshape(Transpose(MatMul(Softmax(scores), V'), [0,2,1,3]), [b, s, hidden]),
 * with `scores` in each exported form: (Q'·K'ᵀ) / c, (Q'/c)·K'ᵀ, ·c instead of /c; plus an additive mask,
 * a masked_fill (Where) mask, a causal Where (GPT-2's `bias` buffer), or a causal Where and a mask; an
 * added Trilu causal mask (torch.triu, nn.Transformer's square subsequent mask) is the `add` form. The
 * head splits and projections behind Q', K'ᵀ, V' (separate nn.Linear, or one packed Linear split in
 * three) and the mask's producers are then read and checked; any mismatch leaves the subgraph as it is,
 * with the reason in the stage's details.
 *
 * A decoder step with a key/value cache (HF GPT2Attention: K and V are Concat(past, new) along the
 * sequence axis, the Concats are the present outputs, the causal rows sliced at key_length -
 * query_length) becomes MatMul(x, W_qkv) → Split → MultiHeadAttention with past_key / past_value inputs
 * and present_key / present_value outputs under the Concats' names: the CPU Attention op takes its past
 * packed as one [2, b, heads, past, head] tensor, which would cost a Concat and a Split per layer.
 */
import { matchAll, type Match, type NodeSpec, type Pattern } from '../../graph/pattern.js';
import { sameDim, sameDims, type Dims } from '../../graph/shapes.js';
import { DataType } from '../../onnx/dtype.js';
import { attr } from '../../onnx/graph.js';
import { tensorBytes } from '../../onnx/tensor.js';
import type { AttributeProto, NodeProto } from '../../onnx/types.js';
import { makeNode, intAttr, intsAttr } from '../nodes.js';
import { FuseContext, MS_DOMAIN, near } from './context.js';
import { floatAttr, permIs } from './attrs.js';

const FUSION = 'Attention';

type MaskKind = 'none' | 'add' | 'fill' | 'causal' | 'causal+add';
type ScaleKind = 'div' | 'mul' | 'div-q' | 'mul-q' | 'none';

function softmaxLast(n: NodeProto): boolean {
  const axis = Number(attr(n, 'axis')?.i ?? -1n);
  return axis === -1 || axis === 3;
}

/** `cast`: Casts to float around the mask and the Softmax (HF GPT-2's `attn_weights.to(dtype)`, `.type(value.dtype)`). */
function corePattern(mask: MaskKind, scale: ScaleKind, cast = false): Pattern {
  const nodes: Record<string, NodeSpec> = {
    merge: { op: 'Reshape', inputs: ['ctxT', '$mergeShape'] },
    ctxT: { op: 'Transpose', inputs: ['ctx'], where: (n) => permIs(n, [0, 2, 1, 3]) },
    ctx: { op: 'MatMul', inputs: ['probs', '$v'] },
    probs: { op: 'Softmax', inputs: ['scores'], where: softmaxLast },
  };
  // The scaled product, named `scaled` (or `qk` itself when the scale sits on Q or is absent).
  const scaledId = scale === 'div-q' || scale === 'mul-q' || scale === 'none' ? 'qk' : 'scaled';
  // Identity after the checks: the projections are float32 weights, so the product is float32 already.
  const toFloat = (n: NodeProto) => Number(attr(n, 'to')?.i ?? 0n) === DataType.FLOAT;
  if (cast) {
    // …and `attn_weights.type(value.dtype)` after the Softmax.
    nodes.cast = { op: 'Cast', inputs: [scaledId], where: toFloat };
    nodes.probsCast = { op: 'Cast', inputs: ['probs'], where: toFloat };
    nodes.ctx!.inputs = ['probsCast', '$v'];
  }
  const product = cast ? 'cast' : scaledId;
  nodes.qk = { op: 'MatMul', inputs: [scale === 'div-q' || scale === 'mul-q' ? 'qs' : '$q', '$kT'] };
  if (scale === 'div' || scale === 'mul') nodes.scaled = { op: scale === 'div' ? 'Div' : 'Mul', inputs: ['qk', '$scale'] };
  if (scale === 'div-q' || scale === 'mul-q') nodes.qs = { op: scale === 'div-q' ? 'Div' : 'Mul', inputs: ['$q', '$scale'] };
  const scoresInput = (id: string) => {
    // Rename the node that feeds Softmax to `scores`.
    const spec = nodes[id]!;
    delete nodes[id];
    nodes.scores = spec;
    for (const s of Object.values(nodes)) s.inputs = s.inputs.map((r) => (r === id ? 'scores' : r));
  };
  switch (mask) {
    case 'none': scoresInput(product); break;
    case 'add': nodes.scores = { op: 'Add', inputs: [product, '$mask'] }; break;
    // masked_fill(mask, value): Where(condition = masked, value, scores).
    case 'fill': nodes.scores = { op: 'Where', inputs: ['$cond', '$fill', product], commutative: false }; break;
    case 'causal': nodes.scores = { op: 'Where', inputs: ['$causal', product, '$fill'], commutative: false }; break;
    case 'causal+add':
      nodes.scores = { op: 'Add', inputs: ['where', '$mask'] };
      nodes.where = { op: 'Where', inputs: ['$causal', product, '$fill'], commutative: false };
      break;
  }
  return { root: 'merge', nodes };
}

const PATTERNS: { mask: MaskKind; scale: ScaleKind; pattern: Pattern }[] = [];
for (const mask of ['add', 'fill', 'causal+add', 'causal', 'none'] as const) {
  for (const scale of ['div', 'mul', 'div-q', 'mul-q', 'none'] as const) {
    PATTERNS.push({ mask, scale, pattern: corePattern(mask, scale) });
    if (mask === 'causal' || mask === 'causal+add') PATTERNS.push({ mask, scale, pattern: corePattern(mask, scale, true) });
  }
}

class Refusal extends Error {}
function refuse(reason: string): never {
  throw new Refusal(reason);
}

interface HeadSplit {
  proj: string;
  heads: number;
  head: number;
  nodes: NodeProto[];
  /** With a cache: the past value Concat-ed in front of the split, and the Concat's output (present). */
  past?: string;
  present?: string;
  /** The split itself ([b, heads, s, head]), before any Concat with the past. */
  split?: string;
}

/** A head split: Transpose(Reshape(proj, [b, s, heads, head]), perm) — returns the parts. */
function headSplit(ctx: FuseContext, name: string, perm: number[], what: string): HeadSplit {
  const t = ctx.du.producer(name);
  if (!t || t.opType !== 'Transpose' || !permIs(t, perm)) refuse(`${what} is not a Transpose ${JSON.stringify(perm)} of a head split`);
  const r = ctx.du.producer(t.input[0]!);
  if (!r || r.opType !== 'Reshape') refuse(`${what}'s Transpose does not read a Reshape`);
  const d = ctx.dims(r.output[0]!);
  const heads = d?.[2];
  const head = d?.[3];
  if (!d || d.length !== 4 || typeof heads !== 'number' || typeof head !== 'number') refuse(`${what}'s head-split Reshape target is not [batch, seq, heads, head_size] with constant heads and head size`);
  const src = ctx.dims(r.input[0]!);
  if (!src || src.length !== 3 || !sameDim(src[0], d[0]) || !sameDim(src[1], d[1])) refuse(`${what}'s head split does not keep batch and sequence of a 3-D input`);
  return { proj: r.input[0]!, heads, head, nodes: [t, r], split: name };
}

/** `name` = Concat(past, split) along the sequence axis (a key/value cache), or a plain split. */
function cachedSplit(ctx: FuseContext, name: string, what: string): HeadSplit {
  const c = ctx.du.producer(name);
  if (c?.opType !== 'Concat') return headSplit(ctx, name, [0, 2, 1, 3], what);
  const axis = Number(attr(c, 'axis')?.i ?? 0n);
  if (c.input.length !== 2 || (axis !== 2 && axis !== -2)) refuse(`${what} is a Concat of other than (past, new) along the sequence axis`);
  const inner = headSplit(ctx, c.input[1]!, [0, 2, 1, 3], what);
  const pd = ctx.dims(c.input[0]!);
  if (!pd || pd.length !== 4 || pd[1] !== inner.heads || pd[3] !== inner.head) refuse(`past ${what} is not known to be [batch, ${inner.heads}, past, ${inner.head}]`);
  return { ...inner, nodes: [c, ...inner.nodes], past: c.input[0]!, present: c.output[0]! };
}

/** K'ᵀ: Transpose [0,2,3,1] of the split, or Transpose [0,1,3,2] of the [0,2,1,3] split. */
function keySplit(ctx: FuseContext, name: string): HeadSplit {
  const t = ctx.du.producer(name);
  if (t?.opType === 'Transpose' && permIs(t, [0, 1, 3, 2])) {
    const inner = cachedSplit(ctx, t.input[0]!, 'K');
    return { ...inner, nodes: [t, ...inner.nodes] };
  }
  return headSplit(ctx, name, [0, 2, 3, 1], 'Kᵀ');
}

interface Projection {
  x: string;
  weight: Float32Array;
  /** [in, out] of the weight as the MatMul reads it. */
  dims: [number, number];
  bias: Float32Array;
  nodes: NodeProto[];
}

/** proj = Add(MatMul(x, W), b) or MatMul(x, W), W a 2-D float constant, b a matching 1-D one. */
function linear(ctx: FuseContext, name: string, what: string): Projection {
  let node = ctx.du.producer(name);
  let bias: Float32Array | undefined;
  const nodes: NodeProto[] = [];
  if (node?.opType === 'Add') {
    const [b, other] = ctx.tensor(node.input[0]!) ? [node.input[0]!, node.input[1]!] : [node.input[1]!, node.input[0]!];
    bias = ctx.floats(b);
    if (!bias || ctx.tensor(b)!.dims.length !== 1) refuse(`${what} projection's bias is not a 1-D float constant`);
    nodes.push(node);
    node = ctx.du.producer(other);
  }
  if (node?.opType === 'Reshape' && !bias) return gemmLinear(ctx, node, what);
  if (node?.opType !== 'MatMul') refuse(`${what} is not a projection (MatMul with a constant weight)`);
  const w = ctx.tensor(node.input[1]!);
  const weight = ctx.floats(node.input[1]!);
  if (!w || !weight || w.dims.length !== 2) refuse(`${what} projection's weight is not a 2-D float constant`);
  const dims: [number, number] = [w.dims[0]!, w.dims[1]!];
  if (bias && bias.length !== dims[1]) refuse(`${what} projection's bias has ${bias.length} elements for ${dims[1]} outputs`);
  nodes.push(node);
  return { x: node.input[0]!, weight, dims, bias: bias ?? new Float32Array(dims[1]), nodes };
}

/**
 * HF GPT-2's Conv1D: Reshape(Gemm(Reshape(x, [-1, in]), W[in, out], b), [b, s, out]) — the same
 * projection on the flattened tokens (Gemm with alpha = beta = 1, no transposes).
 */
function gemmLinear(ctx: FuseContext, outer: NodeProto, what: string): Projection {
  const gemm = ctx.du.producer(outer.input[0]!);
  const inner = gemm?.opType === 'Gemm' ? ctx.du.producer(gemm.input[0]!) : undefined;
  if (!gemm || !inner || inner.opType !== 'Reshape') refuse(`${what} is not a projection (MatMul, or Gemm between Reshapes, with a constant weight)`);
  const plain = ['transA', 'transB'].every((a) => Number(attr(gemm, a)?.i ?? 0n) === 0) && ['alpha', 'beta'].every((a) => (attr(gemm, a)?.f ?? 1) === 1);
  const w = ctx.tensor(gemm.input[1]!);
  const weight = ctx.floats(gemm.input[1]!);
  const bias = gemm.input[2] ? ctx.floats(gemm.input[2]) : new Float32Array(w?.dims[1] ?? 0);
  if (!plain || !w || !weight || w.dims.length !== 2 || !bias || bias.length !== w.dims[1]) refuse(`${what}'s Gemm is not x·W + b with constant 2-D W and 1-D b`);
  const x = inner.input[0]!;
  const xd = ctx.dims(x);
  const od = ctx.dims(outer.output[0]!);
  if (!xd || !od || xd.length !== 3 || od.length !== 3 || !sameDim(xd[0], od[0]) || !sameDim(xd[1], od[1]) || od[2] !== w.dims[1]) refuse(`${what}'s Gemm is not reshaped from and back to [batch, seq, ·]`);
  return { x, weight, dims: [w.dims[0]!, w.dims[1]!], bias, nodes: [outer, gemm, inner] };
}

/** The packed [in, 3·hidden] weight and bias of the Q, K, V projections, and the nodes they replace. */
function packedProjections(ctx: FuseContext, q: string, k: string, v: string): Projection {
  const split = ctx.du.producer(q);
  if (split && split.opType === 'Split' && ctx.du.producer(k) === split && ctx.du.producer(v) === split) {
    // One Linear split in three (GPT-2's c_attn): the weight is already packed in Q, K, V order.
    if (split.output.length !== 3 || split.output[0] !== q || split.output[1] !== k || split.output[2] !== v) refuse('the packed projection\'s Split outputs are not Q, K, V in order');
    const axis = Number(attr(split, 'axis')?.i ?? 0n);
    const d = ctx.dims(split.input[0]!);
    if (!d || (axis !== -1 && axis !== d.length - 1)) refuse('the packed projection is not split along its last axis');
    const sizes = split.input[1] ? ctx.ints(split.input[1]) : attr(split, 'split')?.ints.map(Number);
    const p = linear(ctx, split.input[0]!, 'the packed QKV');
    if (sizes && !(sizes.length === 3 && sizes[0] === sizes[1] && sizes[1] === sizes[2])) refuse('Q, K and V have different widths');
    if (p.dims[1] % 3 !== 0) refuse('the packed projection\'s width is not a multiple of 3');
    return { ...p, nodes: [split, ...p.nodes] };
  }
  const pq = linear(ctx, q, 'Q');
  const pk = linear(ctx, k, 'K');
  const pv = linear(ctx, v, 'V');
  if (pq.x !== pk.x || pk.x !== pv.x) refuse('Q, K and V read different inputs (cross-attention is not fused)');
  const [inDim, hidden] = pq.dims;
  if (pk.dims[0] !== inDim || pv.dims[0] !== inDim || pk.dims[1] !== hidden || pv.dims[1] !== hidden) refuse('Q, K and V projections have different shapes');
  const weight = new Float32Array(inDim * hidden * 3);
  for (let r = 0; r < inDim; r++) {
    weight.set(pq.weight.subarray(r * hidden, (r + 1) * hidden), r * 3 * hidden);
    weight.set(pk.weight.subarray(r * hidden, (r + 1) * hidden), r * 3 * hidden + hidden);
    weight.set(pv.weight.subarray(r * hidden, (r + 1) * hidden), r * 3 * hidden + 2 * hidden);
  }
  const bias = new Float32Array(hidden * 3);
  bias.set(pq.bias, 0);
  bias.set(pk.bias, hidden);
  bias.set(pv.bias, 2 * hidden);
  return { x: pq.x, weight, bias, dims: [inDim, 3 * hidden], nodes: [...pq.nodes, ...pk.nodes, ...pv.nodes] };
}

const INT_TYPES = new Set<number>([DataType.INT64, DataType.INT32, DataType.BOOL, DataType.INT8, DataType.UINT8, DataType.INT16]);

/** Walks Unsqueeze / Reshape / Expand / Cast from a [b,1,1,s] mask back to the [b, s] value it came from. */
function twoDimensionalSource(ctx: FuseContext, name: string): string {
  let cur = name;
  for (let hops = 0; hops < 8; hops++) {
    const d = ctx.dims(cur);
    if (d && d.length === 2) return cur;
    const n = ctx.du.producer(cur);
    if (!n || !['Unsqueeze', 'Reshape', 'Expand', 'Cast'].includes(n.opType ?? '')) break;
    cur = n.input[0]!;
  }
  refuse('the attention mask is not a [batch, seq] input broadcast to [batch, 1, 1, seq]');
}

function maskValue(ctx: FuseContext, raw: string): string {
  const t = ctx.du.resolve(raw);
  const type = t?.definition.kind === 'input' ? t.definition.info.type?.tensorType?.elemType : ctx.du.valueInfo(raw)?.type?.tensorType?.elemType;
  if (type !== undefined && !INT_TYPES.has(type)) refuse('the attention mask is a float tensor (the kernel reads 0 / non-0 of an int32 mask; a float mask may hold other values)');
  return raw;
}

/** Additive mask (1 - m) · c (BERT, GPT-2 in torch): the [b, s] mask and c. */
function additiveMask(ctx: FuseContext, name: string): { raw: string; filter: number } {
  const mul = ctx.du.producer(name);
  if (mul?.opType !== 'Mul') refuse('the additive attention mask is not (1 - mask) · constant');
  const [cName, other] = ctx.scalar(mul.input[1]!) !== undefined ? [mul.input[1]!, mul.input[0]!] : [mul.input[0]!, mul.input[1]!];
  const filter = ctx.scalar(cName);
  const sub = ctx.du.producer(other);
  if (filter === undefined || sub?.opType !== 'Sub' || !near(ctx.scalar(sub.input[0]!), 1)) refuse('the additive attention mask is not (1 - mask) · constant');
  if (filter > -1000) refuse(`the attention mask's fill value ${filter} is not a large negative number`);
  return { raw: maskValue(ctx, twoDimensionalSource(ctx, sub.input[1]!)), filter };
}

/** masked_fill condition `mask == 0` broadcast to the scores (DistilBERT). */
function fillMask(ctx: FuseContext, cond: string, fill: string): { raw: string; filter: number } {
  const value = ctx.scalar(fill);
  // Where puts `value` in place of the score, the kernel adds mask_filter_value to it: equal after
  // softmax only when the fill drowns any score (≤ -1e30: the score vanishes in its rounding).
  if (value === undefined || !(value <= -1e30) || !Number.isFinite(value)) refuse('the masked_fill value is not a finite constant ≤ -1e30 (e.g. torch.finfo.min), so the fused op\'s additive mask would differ');
  let cur = cond;
  for (let hops = 0; hops < 8; hops++) {
    const n = ctx.du.producer(cur);
    if (!n) break;
    if (n.opType === 'Equal') {
      const [zero, m] = ctx.tensor(n.input[1]!) ? [n.input[1]!, n.input[0]!] : [n.input[0]!, n.input[1]!];
      const z = ctx.tensor(zero);
      if (!z || !tensorBytes(z).every((b) => b === 0)) break;
      const d = ctx.dims(m);
      if (!d || d.length !== 2) break;
      return { raw: maskValue(ctx, m), filter: value };
    }
    if (!['Unsqueeze', 'Reshape', 'Expand', 'Cast'].includes(n.opType ?? '')) break;
    cur = n.input[0]!;
  }
  return refuse('the masked_fill condition is not (mask == 0) broadcast to the scores');
}

/** `name` as (tensor, axis) when it is one dim of a tensor's shape: Gather(Shape(t), i) or Slice(Shape(t), i, i+1). */
function dimOf(ctx: FuseContext, name: string): { of: string; axis: number } | undefined {
  let cur = name;
  for (let hops = 0; hops < 4; hops++) {
    const n = ctx.du.producer(cur);
    if (!n) return undefined;
    if (['Unsqueeze', 'Squeeze', 'Cast'].includes(n.opType ?? '')) { cur = n.input[0]!; continue; }
    const shape = ctx.du.producer(n.input[0]!);
    if (shape?.opType !== 'Shape' || attr(shape, 'start') || attr(shape, 'end')) return undefined;
    const rank = ctx.dims(shape.input[0]!)?.length;
    let at: number | undefined;
    if (n.opType === 'Gather') at = ctx.ints(n.input[1]!)?.length === 1 ? ctx.ints(n.input[1]!)![0] : undefined;
    if (n.opType === 'Slice') {
      const [a, b] = [ctx.ints(n.input[1]!), ctx.ints(n.input[2]!)];
      const plain = (!n.input[3] || ctx.ints(n.input[3])?.[0] === 0) && (!n.input[4] || ctx.ints(n.input[4])?.[0] === 1);
      if (rank !== undefined && a?.length === 1 && b?.length === 1 && plain) {
        const from = a[0]! < 0 ? a[0]! + rank : a[0]!;
        const to = b[0]! < 0 ? b[0]! + rank : Math.min(b[0]!, rank);
        if (to === from + 1) at = from;
      }
    }
    if (at === undefined || rank === undefined) return undefined;
    return { of: shape.input[0]!, axis: at < 0 ? at + rank : at };
  }
  return undefined;
}

/** Lengths of the cached attention, as (tensor, axis) pairs that hold them: total = key length, query. */
interface CacheLengths { key: { of: string; axis: number }[]; query: { of: string; axis: number }[] }

function isLength(ctx: FuseContext, name: string, which: CacheLengths['key']): boolean {
  const d = dimOf(ctx, name);
  return d !== undefined && which.some((w) => w.of === d.of && w.axis === d.axis);
}

/**
 * With a cache, the causal rows must be sliced [key_length - query_length, key_length) and the columns
 * [0, key_length): the kernel lets query i see keys up to past + i. Anything else is refused.
 */
function checkCausalSlice(ctx: FuseContext, n: NodeProto, lengths: CacheLengths, seen: Set<string>): void {
  const axes = n.input[3] ? ctx.ints(n.input[3]) : undefined;
  const steps = n.input[4] ? ctx.ints(n.input[4]) : [1];
  if (!axes || axes.length !== 1 || !steps || steps.some((s) => s !== 1)) refuse('the cached causal mask is not sliced one axis at a time with step 1');
  const axis = axes[0]! < 0 ? axes[0]! + 4 : axes[0]!;
  const end = n.input[2]!;
  if (!isLength(ctx, end, lengths.key)) refuse('the cached causal mask is not sliced up to the key length');
  if (axis === 3) {
    if (ctx.ints(n.input[1]!)?.[0] !== 0) refuse('the cached causal mask\'s columns do not start at 0');
  } else if (axis === 2) {
    let start = ctx.du.producer(n.input[1]!);
    while (start && ['Unsqueeze', 'Cast'].includes(start.opType ?? '')) start = ctx.du.producer(start.input[0]!);
    if (start?.opType !== 'Sub' || !isLength(ctx, start.input[0]!, lengths.key) || !isLength(ctx, start.input[1]!, lengths.query)) {
      refuse('the cached causal mask\'s rows do not start at key_length - query_length');
    }
  } else refuse(`the cached causal mask is sliced on axis ${axis}`);
  seen.add(String(axis));
}

/** GPT-2's causal condition: Slices (from 0) of a constant lower-triangular [1, 1, n, n] buffer. */
function causalMask(ctx: FuseContext, cond: string, fill: string, lengths?: CacheLengths): number {
  const value = ctx.scalar(fill);
  if (value === undefined || !(value <= -1e4)) refuse('the causal fill value is not a constant ≤ -10000');
  let cur = cond;
  const seen = new Set<string>();
  for (let hops = 0; hops < 6; hops++) {
    const n = ctx.du.producer(cur);
    if (n?.opType === 'Slice' || n?.opType === 'Cast') {
      if (n.opType === 'Slice' && lengths) checkCausalSlice(ctx, n, lengths, seen);
      else if (n.opType === 'Slice') {
        const starts = ctx.ints(n.input[1] ?? '');
        // A computed start (key_length - query_length) is 0 here: K has no past, so both lengths are s.
        if (starts && starts.some((s) => s !== 0)) refuse('the causal mask is sliced from a non-zero start');
        const steps = n.input[4] ? ctx.ints(n.input[4]) : [1];
        if (!steps || steps.some((s) => s !== 1)) refuse('the causal mask slice has a step other than 1');
      }
      cur = n.input[0]!;
      continue;
    }
    break;
  }
  if (lengths && seen.size !== 2) refuse('the cached causal mask is not sliced on both the query and the key axis');
  const t = ctx.tensor(cur);
  const d = t?.dims;
  if (!t || !d || d.length < 2 || d[d.length - 1] !== d[d.length - 2] || d.slice(0, -2).some((x) => x !== 1)) refuse('the causal condition is not a square constant buffer');
  const size = d[d.length - 1]!;
  const bytes = tensorBytes(t);
  const width = bytes.length / (size * size);
  if (width !== 1 || (t.dataType !== DataType.BOOL && t.dataType !== DataType.UINT8)) refuse('the causal buffer is not a bool / uint8 tensor');
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) if ((bytes[i * size + j] !== 0) !== (j <= i)) refuse('the causal buffer is not lower-triangular ones');
  }
  return value;
}

/**
 * A causal mask added to the scores as a computed [s, s] tensor: Trilu(ConstantOfShape([s, s], fill),
 * k = 1, upper) — torch.triu(torch.full((s, s), fill), diagonal=1), nn.Transformer's
 * generate_square_subsequent_mask. Keys after the query get `fill`, the rest 0: unidirectional attention.
 * The fill must drown any score (≤ -10000, as the Where form), and s must be the scores' query and key
 * length. Returns the fill, or undefined when `mask` is not of that form.
 */
function trilCausal(ctx: FuseContext, mask: string, scores: Dims | undefined): number | undefined {
  const tri = ctx.du.producer(mask);
  if (tri?.opType !== 'Trilu' || Number(attr(tri, 'upper')?.i ?? 1n) !== 1 || !tri.input[1] || ctx.ints(tri.input[1])?.[0] !== 1) return undefined;
  const full = ctx.du.producer(tri.input[0]!);
  const value = full?.opType === 'ConstantOfShape' ? attr(full, 'value')?.t : undefined;
  const bytes = value?.dataType === DataType.FLOAT ? tensorBytes(value) : undefined;
  const fill = bytes?.length === 4 ? new DataView(bytes.buffer, bytes.byteOffset, 4).getFloat32(0, true) : undefined;
  const d = ctx.dims(mask);
  if (fill === undefined || !(fill <= -1e4) || !d || d.length !== 2 || !scores || scores.length !== 4) return undefined;
  if (d[0] === undefined || !sameDim(d[0], d[1]) || !sameDim(d[0], scores[2]) || !sameDim(d[1], scores[3])) return undefined;
  return fill;
}

/**
 * attention_bias must be [b | 1, heads | 1, s, t] (onnxruntime checks dim 2 against the sequence): a
 * [b, 1, 1, t] mask is expanded over the queries, once per mask — Expand(m, [1, 1, t, 1]) with t read
 * off the mask's shape (no past: s = t).
 */
function expandedBias(ctx: FuseContext, mask: string, before: NodeProto, query?: string): string {
  // With a cache the queries are fewer than the keys: their count is read off the attention input
  // ([b, s, hidden], axis 1), and the Expand goes right before this first attention that reads it.
  const key = query ? `${mask}\u0000query` : mask;
  const known = ctx.expandedBiases.get(key);
  if (known) return known;
  const shape = ctx.fresh(`${mask}_shape`);
  const t = ctx.fresh(`${mask}_length`);
  const target = ctx.fresh(`${mask}_expand_shape`);
  const out = ctx.fresh(`${mask}_expanded`);
  const three = ctx.addInt64(`${mask}_axis3`, [1], [query ? 1 : 3]);
  const ones = ctx.addInt64(`${mask}_ones`, [2], [1, 1]);
  const one = ctx.addInt64(`${mask}_one`, [1], [1]);
  const producer = ctx.du.producer(mask);
  const at = query ? before : producer ? ctx.du.graph.node[ctx.du.graph.node.indexOf(producer) + 1] : ctx.du.graph.node[0];
  ctx.du.insert([
    makeNode('Shape', ctx.fresh(`${mask}_Shape`), [query ?? mask], [shape]),
    makeNode('Gather', ctx.fresh(`${mask}_Gather`), [shape, three], [t], [intAttr('axis', 0)]),
    makeNode('Concat', ctx.fresh(`${mask}_Concat`), [ones, t, one], [target], [intAttr('axis', 0)]),
    makeNode('Expand', ctx.fresh(`${mask}_Expand`), [mask, target], [out]),
  ], at ?? before);
  ctx.expandedBiases.set(key, out);
  return out;
}

interface Plan {
  nodes: NodeProto[];
  removed: NodeProto[];
  /** Outputs of removed nodes that the new nodes write again (the cache's present values). */
  rewritten: string[];
  /** The fused op, as counted in the stage's details. */
  op: 'Attention' | 'MultiHeadAttention';
}

function plan(ctx: FuseContext, m: Match, mask: MaskKind, scale: ScaleKind): Plan {
  const q = headSplit(ctx, m.value('q'), [0, 2, 1, 3], 'Q');
  const k = keySplit(ctx, m.value('kT'));
  const v = cachedSplit(ctx, m.value('v'), 'V');
  if ((k.past === undefined) !== (v.past === undefined)) refuse('only one of K and V is concatenated with a past');
  const cache = k.past !== undefined;
  if (q.heads !== k.heads || k.heads !== v.heads || q.head !== k.head || k.head !== v.head) refuse('Q, K and V are split into different heads');
  const heads = q.heads;
  const head = q.head;
  const p = packedProjections(ctx, q.proj, k.proj, v.proj);
  if (p.dims[1] !== 3 * heads * head) refuse(`the projections are ${p.dims[1] / 3} wide, the head split gives ${heads} × ${head}`);
  const xd = ctx.dims(p.x);
  if (!xd || xd.length !== 3 || xd[2] !== p.dims[0]) refuse('the attention input is not known to be [batch, seq, hidden]');
  const merged: Dims | undefined = ctx.dims(m.node('merge').output[0]!);
  if (!merged || merged.length !== 3 || !sameDim(merged[0], xd[0]) || !sameDim(merged[1], xd[1]) || merged[2] !== heads * head) refuse('the heads are not merged back to [batch, seq, hidden]');
  if (!sameDims(ctx.dims(q.proj), [xd[0], xd[1], heads * head])) refuse('the Q projection is not [batch, seq, hidden]');

  const attrs: AttributeProto[] = [intAttr('num_heads', heads)];
  if (scale !== 'none') {
    const c = ctx.scalar(m.value('scale'));
    if (c === undefined || c === 0) refuse('the attention scale is not a constant scalar');
    const factor = scale === 'div' || scale === 'div-q' ? 1 / c : c;
    // Attention's default scale is 1/√head_size; write any other one.
    if (!near(factor, 1 / Math.sqrt(head), 1e-6)) attrs.push(floatAttr('scale', factor));
  } else attrs.push(floatAttr('scale', 1));

  let raw: string | undefined;
  let filter: number | undefined;
  let additive: string | undefined;
  const tril = mask === 'add' && !cache ? trilCausal(ctx, m.value('mask'), ctx.dims(m.node('scores').output[0]!)) : undefined;
  if (tril !== undefined) {
    filter = tril;
    attrs.push(intAttr('unidirectional', 1));
  } else if (mask === 'add') {
    try {
      ({ raw, filter } = additiveMask(ctx, m.value('mask')));
    } catch (e) {
      // Not (1 - mask) · c of a [b, s] mask (a float mask, a position bias): add it as attention_bias.
      if (!(e instanceof Refusal)) throw e;
      additive = m.value('mask');
    }
  }
  if (mask === 'fill') ({ raw, filter } = fillMask(ctx, m.value('cond'), m.value('fill')));
  if (cache && (mask === 'causal' || mask === 'causal+add')) {
    const lengths: CacheLengths = {
      key: [{ of: k.present!, axis: 2 }, { of: m.value('kT'), axis: 3 }],
      query: [{ of: q.split!, axis: 2 }, { of: q.proj, axis: 1 }],
    };
    filter = causalMask(ctx, m.value('causal'), m.value('fill'), lengths);
    attrs.push(intAttr('unidirectional', 1));
  } else if (mask === 'causal' || mask === 'causal+add') {
    filter = causalMask(ctx, m.value('causal'), m.value('fill'));
    attrs.push(intAttr('unidirectional', 1));
  }
  if (mask === 'causal+add') {
    // The kernel *assigns* mask_filter_value to causal and padded positions, where the export adds the
    // padding mask to the causal fill: the padding mask goes in as attention_bias (added on top, as
    // exported), and the causal fill must drown any score so that fill + score = fill in float32.
    if (!(filter! <= -1e30)) refuse('causal fill above -1e30 together with an additive mask: the fused op would weigh fully masked rows differently');
    additive = m.value('mask');
  }
  if (filter !== undefined && filter !== -10000) attrs.push(floatAttr('mask_filter_value', filter));
  const biasDims = additive ? ctx.dims(additive) : undefined;
  if (additive && !(biasDims && biasDims.length === 4 && (biasDims[1] === 1 || biasDims[1] === heads) && biasDims[2] === 1)) {
    refuse('the additive mask is not known to be [batch, 1, 1, seq] (what attention_bias takes after expanding over the queries)');
  }

  const merge = m.node('merge');
  const base = merge.name || merge.output[0]!;
  if (cache) return cachedPlan(ctx, { merge, base, p, heads, head, attrs, raw, additive, k, v, q });
  const weight = ctx.addFloats(`${base}_qkv_weight`, p.dims, p.weight);
  const bias = ctx.addFloats(`${base}_qkv_bias`, [p.dims[1]], p.bias);
  const inputs = [p.x, weight, bias];
  const nodes: NodeProto[] = [];
  if (raw) {
    inputs.push(ctx.int32Mask(raw, merge));
  }
  if (additive) {
    while (inputs.length < 5) inputs.push('');
    inputs.push(expandedBias(ctx, additive, merge));
  }
  nodes.push(makeNode('Attention', ctx.fresh(`${base}_Attention`), inputs, [merge.output[0]!], attrs, MS_DOMAIN));
  return { nodes, removed: [...q.nodes, ...k.nodes, ...v.nodes, ...p.nodes], rewritten: [], op: 'Attention' };
}

interface CachedParts {
  merge: NodeProto;
  base: string;
  p: Projection;
  heads: number;
  head: number;
  attrs: AttributeProto[];
  raw?: string;
  additive?: string;
  q: HeadSplit;
  k: HeadSplit;
  v: HeadSplit;
}

/** The cached form: MatMul(x, W_qkv) → Split → MultiHeadAttention(…, past_key, past_value) → output, present K, present V. */
function cachedPlan(ctx: FuseContext, c: CachedParts): Plan {
  const { merge, base, p, heads, head } = c;
  const hidden = heads * head;
  const weight = ctx.addFloats(`${base}_qkv_weight`, p.dims, p.weight);
  const bias = ctx.addFloats(`${base}_qkv_bias`, [p.dims[1]], p.bias);
  const packed = ctx.fresh(`${base}_qkv`);
  const [q, k, v] = [ctx.fresh(`${base}_q`), ctx.fresh(`${base}_k`), ctx.fresh(`${base}_v`)];
  const nodes: NodeProto[] = [makeNode('MatMul', ctx.fresh(`${base}_qkv_MatMul`), [p.x, weight], [packed])];
  if (ctx.opset >= 13) {
    const sizes = ctx.addInt64(`${base}_qkv_sizes`, [3], [hidden, hidden, hidden]);
    nodes.push(makeNode('Split', ctx.fresh(`${base}_qkv_Split`), [packed, sizes], [q, k, v], [intAttr('axis', -1)]));
  } else {
    nodes.push(makeNode('Split', ctx.fresh(`${base}_qkv_Split`), [packed], [q, k, v], [intAttr('axis', -1), intsAttr('split', [hidden, hidden, hidden])]));
  }
  const mask = c.raw ? ctx.int32Mask(c.raw, merge) : '';
  const attentionBias = c.additive ? expandedBias(ctx, c.additive, merge, p.x) : '';
  // MultiHeadAttention: query, key, value, bias, key_padding_mask, attention_bias, past_key, past_value.
  nodes.push(makeNode('MultiHeadAttention', ctx.fresh(`${base}_MultiHeadAttention`), [q, k, v, bias, mask, attentionBias, c.k.past!, c.v.past!],
    [merge.output[0]!, c.k.present!, c.v.present!], c.attrs, MS_DOMAIN));
  return { nodes, removed: [...c.q.nodes, ...c.k.nodes, ...c.v.nodes, ...p.nodes], rewritten: [c.k.present!, c.v.present!], op: 'MultiHeadAttention' };
}

export function fuseAttention(ctx: FuseContext): void {
  const reasons = new Map<NodeProto, string>();
  for (const { mask, scale, pattern } of PATTERNS) {
    for (const m of matchAll(ctx.du, pattern)) {
      const merge = m.node('merge');
      const softmax = m.node('probs');
      if (!ctx.du.graph.node.includes(merge) || !ctx.du.graph.node.includes(softmax)) continue;
      let p: Plan;
      try {
        p = plan(ctx, m, mask, scale);
      } catch (e) {
        if (!(e instanceof Refusal)) throw e;
        // Patterns go from specific to generic: the first refusal is the closest variant's.
        if (!reasons.has(softmax)) reasons.set(softmax, e.message);
        continue;
      }
      // The projections and head splits go too, unless something outside the attention reads them.
      const all = new Set([...m.nodes.values(), ...p.removed]);
      const rewritten = new Set(p.rewritten);
      const readOutside = (o: string) => ctx.du.consumers(o).filter((u) => !all.has(u.node) && !feedsOnly(ctx, u.node, all));
      const leaking = p.removed.find((n) => n.output.some((o) => o && !rewritten.has(o) && readOutside(o).length > 0));
      if (leaking) { reasons.set(softmax, `${leaking.opType} ${leaking.name ?? ''} of the projections is read outside the attention`); continue; }
      // A present value the fused node writes again must not be read before it (it stands where the heads merge).
      const at = ctx.du.graph.node.indexOf(merge);
      if (p.rewritten.some((o) => readOutside(o).some((u) => ctx.du.graph.node.indexOf(u.node) < at))) {
        reasons.set(softmax, 'the present key / value is read before the attention output');
        continue;
      }
      ctx.replace(m, merge, p.nodes);
      ctx.du.remove(p.removed);
      reasons.delete(softmax);
      ctx.count(p.op);
    }
  }
  for (const n of ctx.du.graph.node) {
    if (n.opType === 'Softmax' && (n.domain ?? '') === '') ctx.skip(FUSION, n, reasons.get(n) ?? 'no attention pattern (Softmax of Q·Kᵀ, times V, heads merged back) matches around this Softmax');
  }
}

/** Whether `n` (a Shape chain beside the attention) only feeds nodes in `all`, so it dies with them. */
function feedsOnly(ctx: FuseContext, n: NodeProto, all: ReadonlySet<NodeProto>, depth = 0): boolean {
  if (depth > 12 || n.attribute.some((a) => a.g || a.graphs.length)) return false;
  return n.output.every((o) => !o || (!ctx.du.isGraphOutput(o) && ctx.du.consumers(o).every((u) => all.has(u.node) || feedsOnly(ctx, u.node, all, depth + 1))));
}
