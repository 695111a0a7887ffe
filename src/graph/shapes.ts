/**
 * Symbolic shapes, inferred in one pass over a graph for the ops transformer exports are made of (after
 * ONNX's shape inference, narrowed to what rewrites ask: "are these two the same shape", "is this 3-D").
 * A dim is a number, a symbol (a graph input's dim_param, or a fresh symbol for an input's unnamed dim),
 * or undefined (unknown). Shape tensors (Shape → Gather → Unsqueeze → Concat, as torch.onnx writes every
 * `x.view(b, s, heads, head)`) are tracked as dim lists too, so the Reshape they feed gets its dims.
 * An op this file does not know gives its outputs unknown shapes: a rewrite asking then declines.
 */
import { attr } from '../onnx/graph.js';
import { DataType } from '../onnx/dtype.js';
import { tensorBytes } from '../onnx/tensor.js';
import type { GraphProto, NodeProto, TensorProto } from '../onnx/types.js';
import { DefUse } from './def-use.js';

export type Dim = number | string | undefined;
export type Dims = Dim[];

/** Integer values of a small int64/int32 constant, or undefined. */
export function constantInts(t: TensorProto | undefined): number[] | undefined {
  if (!t || t.dims.length > 1) return undefined;
  if (t.dataType === DataType.INT64) {
    if (t.int64Data?.length) return [...t.int64Data].map(Number);
    const b = tensorBytes(t);
    const v = new BigInt64Array(b.length / 8);
    new Uint8Array(v.buffer).set(b);
    return [...v].map(Number);
  }
  if (t.dataType === DataType.INT32) {
    if (t.int32Data?.length) return [...t.int32Data];
    const b = tensorBytes(t);
    const v = new Int32Array(b.length / 4);
    new Uint8Array(v.buffer).set(b);
    return [...v];
  }
  return undefined;
}

const SAME_AS_INPUT = new Set([
  'Relu', 'Erf', 'Tanh', 'Sigmoid', 'Cast', 'Sqrt', 'Neg', 'Identity', 'Softmax', 'LayerNormalization', 'Gelu', 'FastGelu',
  'BiasGelu', 'Dropout', 'Not', 'CumSum', 'Exp', 'Log', 'Abs', 'Reciprocal', 'SkipLayerNormalization', 'QuickGelu', 'CastLike', 'Trilu',
]);
const BROADCAST = new Set(['Add', 'Sub', 'Mul', 'Div', 'Pow', 'Equal', 'Where', 'And', 'Or', 'Less', 'Greater', 'Max', 'Min']);

export function sameDim(a: Dim, b: Dim): boolean {
  return a !== undefined && a === b;
}

export function sameDims(a: Dims | undefined, b: Dims | undefined): boolean {
  return !!a && !!b && a.length === b.length && a.every((d, i) => sameDim(d, b[i]));
}

function broadcast(shapes: (Dims | undefined)[]): Dims | undefined {
  if (shapes.some((s) => !s)) return undefined;
  const rank = Math.max(...shapes.map((s) => s!.length));
  const out: Dims = [];
  for (let i = 0; i < rank; i++) {
    let d: Dim = 1;
    for (const s of shapes) {
      const x = s![s!.length - rank + i] ?? 1;
      if (x === 1) continue;
      if (d === 1) d = x;
      else if (d !== x) d = undefined;
    }
    out.push(d);
  }
  return out;
}

const ELEMENTWISE: Record<string, (x: Dim[]) => Dim> = {
  Mul: ([a, b]) => (typeof a === 'number' && typeof b === 'number' ? a * b : a === 1 ? b : b === 1 ? a : undefined),
  Add: ([a, b]) => (typeof a === 'number' && typeof b === 'number' ? a + b : a === 0 ? b : b === 0 ? a : undefined),
  Equal: ([a, b]) => {
    if (a === undefined || b === undefined) return undefined;
    if (typeof a === 'number' && typeof b === 'number') return a === b ? 1 : 0;
    if (a === b) return 1;
    // A symbol is a dim (≥ 0): never equal to a negative number.
    return (typeof a === 'number' && a < 0) || (typeof b === 'number' && b < 0) ? 0 : undefined;
  },
  Where: ([c, a, b]) => (c === 1 ? a : c === 0 ? b : undefined),
  Sub: ([a, b]) => (typeof a === 'number' && typeof b === 'number' ? a - b : a === b && a !== undefined ? 0 : undefined),
  Div: ([a, b]) => (typeof a === 'number' && typeof b === 'number' && b !== 0 ? a / b : undefined),
  Pow: ([a, b]) => (typeof a === 'number' && typeof b === 'number' ? Math.fround(a ** b) : undefined),
  Sqrt: ([a]) => (typeof a === 'number' && a >= 0 ? Math.fround(Math.sqrt(a)) : undefined),
  Cast: ([a]) => a,
  Squeeze: ([a]) => a,
};

/**
 * The dim a Reshape's -1 stands for: the input's element count over the other target dims, with equal
 * symbols cancelling (x[b, s, 4, 8] → [b, s, -1] gives 32; x[b, s, 32] → [b, -1, 4, 8] gives s).
 */
function inferredDim(input: Dims | undefined, others: Dims): Dim {
  if (!input || input.some((d) => d === undefined) || others.some((d) => d === undefined)) return undefined;
  const symbols = input.filter((d) => typeof d === 'string') as string[];
  let num = 1;
  for (const d of input) if (typeof d === 'number') num *= d;
  let den = 1;
  for (const d of others) {
    if (typeof d === 'number') den *= d;
    else {
      const k = symbols.indexOf(d as string);
      if (k < 0) return undefined;
      symbols.splice(k, 1);
    }
  }
  if (symbols.length === 1 && num === den) return symbols[0]; // x[b, s, 32] → [b, -1, 4, 8] gives s
  return symbols.length === 0 && den > 0 && num % den === 0 ? num / den : undefined;
}

export class ShapeIndex {
  private readonly dims = new Map<string, Dims>();
  /** Values of 1-D int64 shape tensors, as dims. */
  private readonly values = new Map<string, Dims>();
  private symbols = 0;

  constructor(private readonly du: DefUse) {
    const g: GraphProto = du.graph;
    for (const v of g.input) {
      const shape = v.type?.tensorType?.shape;
      if (v.name && shape) this.dims.set(v.name, shape.dim.map((d) => d.dimValue ?? (d.dimParam || `?${v.name}:${this.symbols++}`)));
    }
    for (const t of g.initializer) if (t.name) this.setConstant(t.name, t);
    for (const n of g.node) this.infer(n);
  }

  of(name: string): Dims | undefined {
    return this.dims.get(name);
  }

  /** The one number a computed scalar holds (e.g. GPT-2's √head_size read off a shape), if known. */
  scalarValue(name: string): number | undefined {
    const v = this.values.get(name);
    return v?.length === 1 && typeof v[0] === 'number' ? v[0] : undefined;
  }

  /** Records the dims of a value a rewrite created (the dims of the value it stands for). */
  set(name: string, dims: Dims | undefined): void {
    if (dims) this.dims.set(name, dims);
  }

  private setConstant(name: string, t: TensorProto): void {
    this.dims.set(name, [...t.dims]);
    const ints = t.dims.length <= 1 ? constantInts(t) : undefined;
    if (ints) this.values.set(name, ints);
    else if (t.dataType === DataType.FLOAT && t.dims.every((d) => d === 1)) {
      const b = tensorBytes(t);
      if (b.length === 4) this.values.set(name, [new DataView(b.buffer, b.byteOffset, 4).getFloat32(0, true)]);
    }
  }

  private intsOf(name: string | undefined): number[] | undefined {
    if (!name) return undefined;
    const v = this.values.get(name);
    return v && v.every((d) => typeof d === 'number') ? (v as number[]) : undefined;
  }

  /**
   * Element-wise arithmetic on small shape tensors (torch writes `x.expand(b, s)` as Where(Equal(shape,
   * -1 · ConstantOfShape), 1, shape)): each element a number, a symbol (a dim, never negative) or unknown.
   */
  private inferValues(n: NodeProto): void {
    const op = n.opType ?? '';
    const out = n.output[0]!;
    const vals = n.input.map((i) => (i ? this.values.get(i) : undefined));
    if (op === 'ConstantOfShape') {
      const shape = vals[0];
      const fill = n.attribute.find((a) => a.name === 'value')?.t;
      const raw = fill ? tensorBytes(fill) : undefined;
      const v = !fill ? 0 : fill.dataType === DataType.FLOAT && raw?.length === 4
        ? new DataView(raw.buffer, raw.byteOffset, 4).getFloat32(0, true) : constantInts(fill)?.[0];
      if (shape?.length === 0 && v !== undefined) this.values.set(out, [v]); // a scalar
      else if (shape?.length === 1 && typeof shape[0] === 'number' && v !== undefined) this.values.set(out, new Array<Dim>(shape[0]).fill(v));
      return;
    }
    if (op === 'Reshape' && vals[0] && this.intsOf(n.input[1])?.length === 1) { this.values.set(out, vals[0]); return; }
    const f = ELEMENTWISE[op];
    if (!f || vals.length === 0 || vals.some((v) => !v)) return;
    if ((op === 'Squeeze' || op === 'Cast') && vals[0]!.length !== 1) return;
    const len = Math.max(...vals.map((v) => v!.length));
    if (vals.some((v) => v!.length !== len && v!.length !== 1)) return;
    const at = (v: Dims, i: number) => (v.length === 1 ? v[0] : v[i]);
    this.values.set(out, Array.from({ length: len }, (_, i) => f(vals.map((v) => at(v!, i)))));
  }

  private infer(n: NodeProto): void {
    const op = n.opType ?? '';
    const out = n.output[0];
    if (!out) return;
    const inDims = (k: number) => (n.input[k] ? this.dims.get(n.input[k]!) : undefined);
    const set = (d: Dims | undefined) => { if (d) this.dims.set(out, d); };
    this.inferValues(n);
    if (op === 'ConstantOfShape') {
      const shape = n.input[0] ? this.values.get(n.input[0]) : undefined;
      if (shape) set(shape);
      return;
    }
    if (op === 'Constant') {
      const t = this.du.constant(out);
      if (t) this.setConstant(out, t);
      return;
    }
    if (SAME_AS_INPUT.has(op)) {
      set(inDims(0));
      if (op === 'Identity' || op === 'Cast') {
        const v = n.input[0] ? this.values.get(n.input[0]) : undefined;
        if (v) this.values.set(out, v);
      }
      if (op === 'SkipLayerNormalization' && n.output[3]) { const d = inDims(0); if (d) this.dims.set(n.output[3], d); }
      return;
    }
    if (BROADCAST.has(op)) return set(broadcast(n.input.map((_, k) => inDims(k))));
    switch (op) {
      case 'MatMul': {
        const a = inDims(0);
        const b = inDims(1);
        if (!a || !b || a.length < 2 || b.length < 2) return;
        const batch = broadcast([a.slice(0, -2), b.slice(0, -2)]);
        if (batch) set([...batch, a[a.length - 2], b[b.length - 1]]);
        return;
      }
      case 'Gather': {
        const data = inDims(0);
        const idx = inDims(1);
        const axis = Number(attr(n, 'axis')?.i ?? 0n);
        if (!data || !idx) return;
        const ax = axis < 0 ? axis + data.length : axis;
        set([...data.slice(0, ax), ...idx, ...data.slice(ax + 1)]);
        const shape = this.values.get(n.input[0]!);
        const at = this.intsOf(n.input[1]);
        if (shape && at && at.length === 1 && idx.length === 0) {
          const k = at[0]! < 0 ? at[0]! + shape.length : at[0]!;
          this.values.set(out, [shape[k]]);
        }
        return;
      }
      case 'Shape': {
        const d = inDims(0);
        if (!d) return;
        // Shape(x, start, end) (opset 15; torch's dynamo exporter writes one per size it reads).
        const rank = d.length;
        const clamp = (v: number) => Math.max(0, Math.min(rank, v < 0 ? v + rank : v));
        const from = clamp(Number(attr(n, 'start')?.i ?? 0n));
        const to = attr(n, 'end') ? clamp(Number(attr(n, 'end')!.i ?? 0n)) : rank;
        set([Math.max(0, to - from)]);
        this.values.set(out, d.slice(from, to));
        return;
      }
      case 'Unsqueeze':
      case 'Squeeze': {
        const d = inDims(0);
        const axes = this.intsOf(n.input[1]) ?? attr(n, 'axes')?.ints.map(Number);
        if (!d || !axes) return;
        if (op === 'Unsqueeze') {
          const rank = d.length + axes.length;
          const norm = new Set(axes.map((a) => (a < 0 ? a + rank : a)));
          const res: Dims = [];
          let k = 0;
          for (let i = 0; i < rank; i++) res.push(norm.has(i) ? 1 : d[k++]);
          set(res);
          const v = this.values.get(n.input[0]!);
          if (v && d.length === 0) this.values.set(out, v);
        } else {
          const norm = new Set(axes.map((a) => (a < 0 ? a + d.length : a)));
          set(d.filter((_, i) => !norm.has(i)));
        }
        return;
      }
      case 'Concat': {
        const axis = Number(attr(n, 'axis')?.i ?? 0n);
        const parts = n.input.map((_, k) => inDims(k));
        if (parts.every((p) => p && p.length === 1)) {
          const vals = n.input.map((i) => this.values.get(i));
          if (vals.every((v) => v)) this.values.set(out, vals.flatMap((v) => v!));
        }
        if (parts.some((p) => !p)) return;
        const first = parts[0]!;
        const ax = axis < 0 ? axis + first.length : axis;
        const res = [...first];
        let total: Dim = 0;
        for (const p of parts) total = typeof total === 'number' && typeof p![ax] === 'number' ? total + (p![ax] as number) : undefined;
        res[ax] = total;
        set(res);
        return;
      }
      case 'Reshape': {
        const d = inDims(0);
        const target = n.input[1] ? this.values.get(n.input[1]) : undefined;
        if (!target) return;
        const allowZero = Number(attr(n, 'allowzero')?.i ?? 0n) === 1;
        const res: Dims = target.map((t, i) => (t === 0 && !allowZero ? d?.[i] : t));
        const minus = res.indexOf(-1);
        if (minus >= 0) res[minus] = inferredDim(d, res.filter((_, i) => i !== minus));
        set(res);
        return;
      }
      case 'Transpose': {
        const d = inDims(0);
        if (!d) return;
        const perm = attr(n, 'perm')?.ints.map(Number) ?? d.map((_, i) => d.length - 1 - i);
        set(perm.map((p) => d[p]));
        return;
      }
      case 'Expand': {
        const shape = n.input[1] ? this.values.get(n.input[1]) : undefined;
        set(shape ? broadcast([inDims(0), shape]) : undefined);
        return;
      }
      case 'Split': {
        const d = inDims(0);
        if (!d) return;
        const axis = Number(attr(n, 'axis')?.i ?? 0n);
        const ax = axis < 0 ? axis + d.length : axis;
        const sizes = this.intsOf(n.input[1]) ?? attr(n, 'split')?.ints.map(Number);
        n.output.forEach((o, k) => {
          const res = [...d];
          const whole = d[ax];
          res[ax] = sizes ? sizes[k] : typeof whole === 'number' ? whole / n.output.length : undefined;
          if (o) this.dims.set(o, res);
        });
        return;
      }
      case 'Slice': {
        // Only the common prefix slice x[..., 0:end] keeps a known dim (end a dim symbol or number).
        const d = inDims(0);
        if (!d) return;
        const shapeValues = this.values.get(n.input[0]!);
        const [from, to] = [this.intsOf(n.input[1]), this.intsOf(n.input[2])];
        const step = n.input[4] ? this.intsOf(n.input[4]) : [1];
        if (shapeValues && from?.length === 1 && to?.length === 1 && step?.[0] === 1) {
          // x.size()[a:b] of a shape tensor (flatten, view(*size[:-1], …)).
          const len = shapeValues.length;
          const clamp = (v: number) => Math.max(0, Math.min(len, v < 0 ? v + len : v));
          this.values.set(out, shapeValues.slice(clamp(from[0]!), clamp(to[0]!)));
        }
        const starts = this.values.get(n.input[1] ?? '');
        const ends = this.values.get(n.input[2] ?? '');
        const axes = n.input[3] ? this.intsOf(n.input[3]) : starts?.map((_, i) => i);
        const steps = n.input[4] ? this.intsOf(n.input[4]) : starts?.map(() => 1);
        const res: Dims = [...d];
        if (!starts || !ends || !axes || !steps || axes.length !== starts.length) return set(d.map(() => undefined));
        axes.forEach((a, i) => {
          const ax = a < 0 ? a + d.length : a;
          const end = ends[i];
          const whole = d[ax];
          if (starts[i] !== 0 || steps[i] !== 1) res[ax] = undefined;
          else if (typeof end === 'number' && typeof whole === 'number') res[ax] = Math.min(end, whole);
          else if (typeof end === 'string') res[ax] = end; // x[:s] with s read off another tensor's shape
          else res[ax] = undefined;
        });
        set(res);
        return;
      }
      case 'Range': {
        const start = this.intsOf(n.input[0]);
        const delta = this.intsOf(n.input[2]);
        const limit = this.values.get(n.input[1] ?? '');
        set([start?.[0] === 0 && delta?.[0] === 1 && limit?.length === 1 ? limit[0] : undefined]);
        return;
      }
      case 'ReduceMean':
      case 'ReduceSum': {
        const d = inDims(0);
        const axes = this.intsOf(n.input[1]) ?? attr(n, 'axes')?.ints.map(Number);
        if (!d || !axes || Number(attr(n, 'keepdims')?.i ?? 1n) !== 1) return;
        const norm = new Set(axes.map((a) => (a < 0 ? a + d.length : a)));
        set(d.map((x, i) => (norm.has(i) ? 1 : x)));
        return;
      }
      default:
    }
  }
}
