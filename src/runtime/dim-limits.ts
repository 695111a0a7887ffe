/**
 * How long a symbolic dim may be before the model indexes past one of its own tables. Exported
 * transformers compute position ids inside the graph from the input's length and gather rows of a
 * fixed-size position table with them; auto inputs longer than that table crash onnxruntime
 * ("indices element out of data bounds"). The forms seen in real exports:
 * - GPT-2 / this repo's fixtures: `Range(0, Shape(input_ids)[1], 1)` → Unsqueeze → Gather(wpe);
 * - HF BERT/ALBERT/RoBERTa: a registered arange buffer `position_ids [1, 512]` sliced by the length,
 *   `Slice(position_ids, 0, Shape(input_ids)[1])` → Gather(position_embeddings). The sibling
 *   `token_type_ids` buffer is all zeros: sliced the same way but its values do not grow with the
 *   length, so its 2-row table sets no limit (only its own length does);
 * - OPT/Llama-style: `CumSum(attention_mask) − 1 (+ offset)` → Gather(embed_positions);
 * - a `position_ids` graph input counting 0, 1, … (what auto inputs feed) → Gather.
 * This is a small abstract interpretation over the main graph (nodes are in topological order, ONNX
 * IR "Graphs"): for each integer tensor we track whether it *equals* `dim + c` or is *at most*
 * `dim + c`, then every constant Gather table whose indices are at most `dim + c` gives `dim ≤ rows − 1 − c`.
 */
import { DataType } from '../onnx/dtype.js';
import { attr } from '../onnx/graph.js';
import { constantNodeTensor, isConstantNode, isExternal, tensorBytes } from '../onnx/tensor.js';
import type { ModelProto, NodeProto, TensorProto } from '../onnx/types.js';

/** The largest size a symbolic dim can take, and the table (or buffer) that says so. */
export interface DimLimit {
  dim: string;
  max: number;
  /** The constant tensor that sets the limit (a position table or a sliced buffer). */
  table: string;
  rows: number;
  /** The node that reads it. */
  node: string;
}

/** `dim + offset`: a value equal to it (`exact`) or every element at most it (`atMost`). */
interface Linear { dim: string; offset: number }

/** Integer values of a small constant, or undefined (external data, floats, big tensors). */
function intValues(t: TensorProto): number[] | undefined {
  if (isExternal(t) || (t.dims.reduce((a, b) => a * b, 1) > 1 << 16)) return undefined;
  const bytes = tensorBytes(t);
  const buf = Uint8Array.from(bytes).buffer; // a copy: rawData may be a Buffer view into the file
  if (t.dataType === DataType.INT64) return Array.from(new BigInt64Array(buf), Number);
  if (t.dataType === DataType.INT32) return Array.from(new Int32Array(buf));
  return undefined;
}

/** Ops whose output elements are input elements (shape, order or type changes only). */
const SAME_VALUES = new Set(['Cast', 'Identity', 'Unsqueeze', 'Squeeze', 'Reshape', 'Flatten', 'Expand', 'Tile', 'Transpose', 'Slice', 'Gather']);
/** Of those, the ones that keep a scalar a scalar (an `exact` value stays exact). */
const SAME_VALUE = new Set(['Cast', 'Identity', 'Unsqueeze', 'Squeeze', 'Reshape', 'Flatten']);

/**
 * The tightest limit per symbolic dim name found in the main graph; dims the graph sets no limit on
 * are absent. `maskLike` names inputs whose auto values are all 1 (their CumSum counts positions).
 */
export function dimLimits(model: ModelProto, maskLike: (input: string) => boolean = (n) => /mask/i.test(n)): Map<string, DimLimit> {
  const g = model.graph;
  const limits = new Map<string, DimLimit>();
  if (!g) return limits;

  const consts = new Map<string, TensorProto>();
  for (const t of g.initializer) if (t.name) consts.set(t.name, t);
  const shapes = new Map<string, (number | string | undefined)[]>();
  for (const v of [...g.input, ...g.valueInfo]) {
    const dims = v.type?.tensorType?.shape?.dim;
    if (v.name && dims) shapes.set(v.name, dims.map((d) => d.dimValue ?? (d.dimParam || undefined)));
  }
  const inputs = new Set(g.input.filter((v) => !consts.has(v.name ?? '')).map((v) => v.name));

  const shapeOf = new Map<string, (number | string | undefined)[]>(); // outputs of Shape
  const exact = new Map<string, Linear>();
  const atMost = new Map<string, Linear>();
  const ones = new Set<string>(); // mask-like inputs: all 1 in auto inputs, so 0/1 in general
  for (const name of inputs) {
    if (!name) continue;
    const dims = shapes.get(name) ?? [];
    if (maskLike(name)) ones.add(name);
    // A position_ids input counts 0 … len − 1 along its last axis (as auto inputs make it).
    const last = dims[dims.length - 1];
    if (/position/i.test(name) && typeof last === 'string') atMost.set(name, { dim: last, offset: -1 });
  }

  const limit = (dim: string, max: number, table: string, rows: number, node: NodeProto) => {
    const known = limits.get(dim);
    if (!known || max < known.max) limits.set(dim, { dim, max, table, rows, node: node.name ?? node.opType ?? '' });
  };
  const scalar = (name: string | undefined) => {
    const t = name ? consts.get(name) : undefined;
    const v = t && intValues(t);
    return v && v.length === 1 ? v[0] : undefined;
  };

  for (const n of g.node) {
    const [in0 = '', in1 = '', in2 = ''] = n.input;
    const out = n.output[0];
    if (!out) continue;
    if (isConstantNode(n)) {
      const t = constantNodeTensor(n);
      if (t) consts.set(out, t);
      continue;
    }
    const op = n.opType ?? '';
    if ((n.domain ?? '') !== '') continue;
    if (op === 'Shape') {
      const dims = shapes.get(in0);
      if (!dims) continue;
      const rank = dims.length;
      const at = (a: bigint | undefined, d: number) => (a === undefined ? d : Number(a) < 0 ? Number(a) + rank : Number(a));
      shapeOf.set(out, dims.slice(at(attr(n, 'start')?.i, 0), at(attr(n, 'end')?.i, rank)));
      continue;
    }
    if (op === 'Gather' && shapeOf.has(in0)) {
      // Shape(x)[k]: the size of axis k.
      const k = scalar(in1);
      const dims = shapeOf.get(in0)!;
      const d = k === undefined ? undefined : dims[k < 0 ? k + dims.length : k];
      if (typeof d === 'string') exact.set(out, { dim: d, offset: 0 });
      continue;
    }
    if (op === 'Slice' && shapeOf.has(in0)) {
      const s = scalar(in1);
      const e = scalar(in2);
      const dims = shapeOf.get(in0)!;
      const d = s === undefined || e === undefined ? undefined : dims.slice(s, e);
      if (d?.length === 1 && typeof d[0] === 'string') exact.set(out, { dim: d[0], offset: 0 });
      continue;
    }
    if (SAME_VALUE.has(op) && exact.has(in0)) exact.set(out, exact.get(in0)!);
    if (op === 'Cast' && ones.has(in0)) ones.add(out);
    if (op === 'Add' || op === 'Sub') {
      // dim + c ± constant (past length 0, OPT's position offset 2, the −1 after a CumSum).
      const sign = op === 'Add' ? 1 : -1;
      for (const [x, c] of op === 'Add' ? [[in0, in1], [in1, in0]] : [[in0, in1]]) {
        const k = scalar(c);
        if (k === undefined) continue;
        const e = exact.get(x!);
        if (e) exact.set(out, { dim: e.dim, offset: e.offset + sign * k });
        const m = atMost.get(x!);
        if (m) atMost.set(out, { dim: m.dim, offset: m.offset + sign * k });
      }
      continue;
    }
    if (op === 'Mul' && (ones.has(in0) || ones.has(in1))) {
      // positions × mask: 0/1 times a non-negative count is at most that count.
      const m = atMost.get(ones.has(in0) ? in1 : in0);
      if (m) atMost.set(out, m);
      continue;
    }
    if (op === 'Range') {
      // Range(start, limit, delta) with a positive step: every element < limit (ONNX Range-11).
      const limitValue = exact.get(in1);
      const step = scalar(in2);
      if (limitValue && scalar(in0) !== undefined && step !== undefined && step > 0) {
        atMost.set(out, { dim: limitValue.dim, offset: limitValue.offset - 1 });
      }
      continue;
    }
    if (op === 'CumSum' && ones.has(in0)) {
      // Running count of 1s along an axis of length `dim`: at most dim (CumSum-14, not exclusive).
      const axis = scalar(in1);
      const dims = shapes.get(n.input[0]!) ?? findShape(in0, g.node, shapes);
      const d = axis === undefined || !dims ? undefined : dims[axis < 0 ? axis + dims.length : axis];
      if (typeof d === 'string' && !attr(n, 'exclusive')?.i && !attr(n, 'reverse')?.i) atMost.set(out, { dim: d, offset: 0 });
      continue;
    }
    if (op === 'Slice' && consts.has(in0)) {
      sliceOfBuffer(n, consts.get(in0)!);
      continue;
    }
    if (op === 'Gather' && consts.has(in0) && atMost.has(in1)) {
      const table = consts.get(in0)!;
      const axis = Number(attr(n, 'axis')?.i ?? 0n);
      const rows = table.dims[axis < 0 ? axis + table.dims.length : axis];
      const m = atMost.get(in1)!;
      if (rows !== undefined) limit(m.dim, rows - 1 - m.offset, in0, rows, n);
      continue;
    }
    if (SAME_VALUES.has(op) && atMost.has(in0)) atMost.set(out, atMost.get(in0)!);
  }
  return limits;

  /**
   * Slice(buffer, start, end = dim + c) along one axis (the HF `position_ids[:, :seq]` form): the
   * buffer's length caps dim + c (Slice clamps silently, and the short result breaks a later Add); an
   * arange buffer (b[i] = i + b0) also yields values at most dim + c − 1 + b0.
   */
  function sliceOfBuffer(n: NodeProto, buffer: TensorProto): void {
    const [, starts = '', ends = '', axes = '', steps = ''] = n.input;
    const end = exact.get(ends);
    if (!end || (steps && scalar(steps) !== 1)) return;
    const axisValue = axes ? scalar(axes) : 0;
    if (axisValue === undefined || scalar(starts) === undefined) return;
    const axis = axisValue < 0 ? axisValue + buffer.dims.length : axisValue;
    const length = buffer.dims[axis];
    if (length === undefined) return;
    limit(end.dim, length - end.offset, buffer.name || n.input[0]!, length, n);
    const values = buffer.dims.every((d, i) => i === axis || d === 1) ? intValues(buffer) : undefined;
    const b0 = values?.[0];
    if (b0 !== undefined && values!.every((v, i) => v === i + b0)) {
      atMost.set(n.output[0]!, { dim: end.dim, offset: end.offset - 1 + b0 });
    }
  }
}

/** The shape of a Cast of an input (CumSum usually reads `attention_mask.long()`). */
function findShape(name: string, nodes: NodeProto[], shapes: Map<string, (number | string | undefined)[]>): (number | string | undefined)[] | undefined {
  const producer = nodes.find((n) => n.output[0] === name);
  return producer?.opType === 'Cast' ? shapes.get(producer.input[0] ?? '') : undefined;
}
