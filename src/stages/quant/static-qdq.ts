/**
 * Static int8 in QDQ form (onnxruntime.quantization.quantize_static with QuantFormat.QDQ): activations get
 * QuantizeLinear → DequantizeLinear pairs with scales from calibration, weights are stored int8 behind a
 * DequantizeLinear, biases int32. onnxruntime's CPU provider then fuses each DQ → op → Q group into its
 * integer kernel (static-ops.ts lists which). Three steps, as ORT's calibrate.py / qdq_quantizer.py:
 *   plan (which nodes and tensors; Relu/Clip folded into the producer's range) → calibrate (the callback
 *   the pipeline provides: onnxruntime on sample inputs) → place QDQ.
 * Where the placement differs from a naive one, it is what ORT's fusions need: every reader of a quantized
 * tensor reads the DQ (the producer's only reader is the Q, qdq_selectors.cc requires it); pass-through
 * ops share their input's scale and zero point (the same initializers); a quantized graph output keeps its
 * name on the DQ and the producer writes `<name>_float`.
 */
import { UsageError } from '../../onnx/errors.js';
import { DataType } from '../../onnx/dtype.js';
import { attr, type GraphScope } from '../../onnx/graph.js';
import { elementCount, tensorFloat32 } from '../../onnx/tensor.js';
import type { NodeProto } from '../../onnx/types.js';
import { intAttr, makeNode, nodeId } from '../nodes.js';
import { resolveConstant, type ConstantWeight } from './constant-weight.js';
import { computeScaleZeroPoint, quantRange, roundHalfEven, type Int8Type, type QuantParams } from './numerics.js';
import type { QuantSession } from './session.js';
import { gateAsLookup, hardSigmoidCoefficients, hardSigmoidGrid, type GateGrid } from './static-gates.js';
import { FOLDABLE_ACTIVATIONS, STATIC_RULES, type StaticOpRule } from './static-ops.js';
import { floatStem } from './static-stem.js';
import { bytesOf } from '../content-identity.js';

export interface ActivationOptions {
  type: Int8Type;
  symmetric: boolean;
  /**
   * Op types whose output stays float (ORT's extra option OpTypesToExcludeOutputQuantization): no Q after
   * the node, so onnxruntime fuses DQ → MatMul into MatMulIntegerToFloat instead of QLinearMatMul, and a
   * transformer's bias Add, GELU and residual keep float inputs.
   */
  floatOutputs?: ReadonlySet<string>;
}

/** A planned node: its rule, and the constant weight and bias it reads. */
interface Planned {
  node: NodeProto;
  rule: StaticOpRule;
  /** The output stays float (ActivationOptions.floatOutputs). */
  floatOutput?: boolean;
  weight?: { c: ConstantWeight; axis: number };
  bias?: ConstantWeight;
  /** Constant activation operands (rule.constants), by input index. */
  constants?: Map<number, ConstantWeight>;
}

export interface StaticPlan {
  nodes: Map<NodeProto, Planned>;
  /** Relu/Clip/HardSigmoid nodes whose work the producer's output quantization takes over, by the producer. */
  folded: Map<NodeProto, NodeProto>;
  /** Every activation to quantize → the tensor whose range it uses (itself, or a pass-through's input). */
  tensors: Map<string, string>;
  /** Gate outputs (static-gates.ts): quantized on a fixed grid, not on a calibrated range. */
  grids: Map<string, GateGrid>;
  skipped: { node: string; op: string; reason: string }[];
  /** Nodes left float for speed (static-stem.ts). */
  floatStem: Set<NodeProto>;
}

function inputsOf(node: NodeProto, rule: StaticOpRule): number[] {
  return rule.inputs === 'all' ? node.input.map((_, i) => i) : rule.inputs.filter((i) => i < node.input.length && node.input[i]);
}

/** Why `node` stays float under its rule; undefined to quantize it. Fills in its weight and bias. */
function checkNode(p: Planned, scope: GraphScope, s: QuantSession): string | undefined {
  const { node, rule } = p;
  const constant = (name: string | undefined) => (name ? resolveConstant(scope, name, s.index) : undefined);
  if (rule.weight) {
    const w = constant(node.input[rule.weight.input]);
    if (w) {
      if (w.tensor.dataType !== DataType.FLOAT) return 'weight is not float32';
      if (w.transposed) return 'weight is a transposed view';
      const rank = w.tensor.dims.length;
      if (node.opType === 'Conv' && rank < 3) return 'weight is not an [M, C/group, k…] tensor';
      if (node.opType !== 'Conv' && rank !== 2) return 'weight is not 2-D';
      p.weight = { c: w, axis: rule.weight.axis(node, rank) };
    } else if (node.opType !== 'MatMul') return 'weight is not a constant';
  }
  const activations = inputsOf(node, rule).filter((i) => !(i === rule.weight?.input && p.weight));
  for (const i of activations) {
    const c = constant(node.input[i]);
    if (!c) continue;
    if (!rule.constants) return `input ${i} is a constant; only activations are quantized here`;
    if (c.transposed || c.tensor.dataType !== DataType.FLOAT) return `constant input ${i} is not float32`;
    (p.constants ??= new Map()).set(i, c);
  }
  if (p.constants && p.constants.size === activations.length) return 'every input is a constant';
  if (rule.reciprocal) {
    const d = p.constants?.get(1);
    if (!d || p.constants!.size !== 1) return 'divisor is not a constant (ORT has no integer Div)';
    if (tensorFloat32(d.tensor, s.external).some((v) => !Number.isFinite(1 / v) || v === 0)) return 'divisor holds 0 or a value without a float32 reciprocal';
  }
  if (rule.bias !== undefined && node.input[rule.bias]) {
    const b = constant(node.input[rule.bias]);
    if (!b || b.transposed || b.tensor.dataType !== DataType.FLOAT) return 'bias is not a float32 constant';
    const channels = p.weight!.c.tensor.dims[p.weight!.axis]!;
    const n = node.opType === 'Gemm' ? p.weight!.c.tensor.dims[transB(node) ? 0 : 1]! : channels;
    if (elementCount(b.tensor.dims) !== n || b.tensor.dims.length !== 1) return 'bias is not a vector over the output channels';
    if (node.opType === 'Gemm' && (attr(node, 'beta')?.f ?? 1) !== 1) return 'Gemm beta ≠ 1';
    p.bias = b;
  }
  return undefined;
}

const transB = (n: NodeProto) => Number(attr(n, 'transB')?.i ?? 0n) === 1;

/** Clip whose lower bound is a constant 0 (input 1 from opset 11, attribute `min` before). */
function clipsAtZero(n: NodeProto, scope: GraphScope, s: QuantSession): boolean {
  if (n.opType === 'Relu') return true;
  const minName = n.input[1];
  if (minName) {
    const c = resolveConstant(scope, minName, s.index);
    return !!c && c.tensor.dataType === DataType.FLOAT && elementCount(c.tensor.dims) === 1 && tensorFloat32(c.tensor, s.external)[0] === 0;
  }
  return n.input.length === 1 && attr(n, 'min')?.f === 0;
}

/**
 * Which nodes and tensors to quantize (nothing is changed yet). `rejected` tensors (calibration found no
 * float32 range for them: shape arithmetic in int64, say) leave every node touching them in float.
 */
export function planStatic(scope: GraphScope, s: QuantSession, act: ActivationOptions, rejected: ReadonlySet<string> = new Set()): StaticPlan {
  const dropped = new Set<NodeProto>();
  const bad = new Set(rejected);
  // Dropping a node can make a tensor its own root (a pass-through's output); its outputs join the
  // rejected set, so each round only removes nodes and the loop ends.
  for (;;) {
    const plan = planOnce(scope, s, act, dropped);
    const more = [...plan.nodes.values()].filter((p) => touchedBy(p, plan).some((t) => bad.has(plan.tensors.get(t)!)));
    if (!more.length) {
      for (const n of dropped) plan.skipped.push({ node: nodeId(n), op: n.opType ?? '', reason: 'reads or writes a tensor without a float32 range (not float, or no finite values)' });
      return plan;
    }
    for (const p of more) {
      dropped.add(p.node);
      for (const o of p.node.output) bad.add(o);
      const f = plan.folded.get(p.node)?.output[0];
      if (f) bad.add(f);
    }
  }
}

/** The activation inputs and the output a planned node quantizes. */
function touchedBy(p: Planned, plan: Pick<StaticPlan, 'folded'>): string[] {
  const out = p.floatOutput ? undefined : plan.folded.get(p.node)?.output[0] ?? p.node.output[0];
  return [
    ...inputsOf(p.node, p.rule).filter((i) => !(i === p.rule.weight?.input && p.weight) && !p.constants?.has(i)).map((i) => p.node.input[i]!),
    ...(out ? [out] : []),
  ];
}

function planOnce(scope: GraphScope, s: QuantSession, act: ActivationOptions, dropped: ReadonlySet<NodeProto>): StaticPlan {
  const graph = scope.graph;
  const nodes = new Map<NodeProto, Planned>();
  const skipped: StaticPlan['skipped'] = [];
  const stem = s.options.floatStem ? floatStem(scope, s) : new Map<NodeProto, string>();
  for (const node of graph.node) {
    const op = node.opType ?? '';
    const rule = (node.domain ?? '') === '' && s.options.ops.has(op) ? STATIC_RULES[op] : undefined;
    if (!rule || dropped.has(node)) continue;
    const p: Planned = { node, rule, ...(rule.kind === 'compute' && act.floatOutputs?.has(op) ? { floatOutput: true } : {}) };
    const { alpha, beta } = hardSigmoidCoefficients(node);
    const reason = s.options.exclude.some((re) => re.test(nodeId(node)))
      ? 'excluded by option'
      : stem.get(node) ?? (rule.kind === 'gate' && !hardSigmoidGrid(alpha, beta, act.type) ? 'HardSigmoid with α ≤ 0 or β outside [0, 1] has no quantization grid' : checkNode(p, scope, s));
    if (reason) skipped.push({ node: nodeId(node), op, reason });
    else nodes.set(node, p);
  }
  const outputs = new Set(graph.output.map((o) => o.name));
  // Relu/Clip(0, …) right after a quantized compute node, its only reader: the Q after it clips at the
  // zero point, which is the integer range's bottom for an asymmetric range starting at 0.
  const folded = new Map<NodeProto, NodeProto>();
  if (!act.symmetric) {
    for (const p of nodes.values()) {
      const out = p.node.output[0];
      if (p.rule.kind !== 'compute' || p.floatOutput || !out || outputs.has(out)) continue;
      const readers = s.readersOf(graph, out);
      const r = readers[0];
      if (readers.length !== 1 || !r || !FOLDABLE_ACTIVATIONS.has(r.opType ?? '') || (r.domain ?? '') !== '') continue;
      if (s.options.exclude.some((re) => re.test(nodeId(r))) || !clipsAtZero(r, scope, s)) continue;
      folded.set(p.node, r);
    }
  }
  // A gate that is the only reader of a compute node's output takes over that node's QuantizeLinear.
  const grids = new Map<string, GateGrid>();
  const computeOf = new Map<string, Planned>();
  for (const p of nodes.values()) if (p.rule.kind === 'compute' && !p.floatOutput && p.node.output[0] && !folded.has(p.node)) computeOf.set(p.node.output[0], p);
  for (const g of [...nodes.values()].filter((p) => p.rule.kind === 'gate')) {
    const { alpha, beta } = hardSigmoidCoefficients(g.node);
    const out = g.node.output[0];
    if (!out) continue;
    const x = g.node.input[0]!;
    const p = computeOf.get(x);
    const only = !outputs.has(x) && s.readersOf(graph, x).length === 1;
    grids.set(out, hardSigmoidGrid(alpha, beta, act.type)!);
    if (p && only) {
      folded.set(p.node, g.node);
      nodes.delete(g.node);
    }
  }
  const producedBy = new Map<string, Planned>();
  for (const p of nodes.values()) {
    const out = folded.get(p.node)?.output[0] ?? p.node.output[0];
    if (out && !p.floatOutput) producedBy.set(out, p);
  }
  const tensors = new Map<string, string>();
  const root = (t: string): string => {
    const known = tensors.get(t);
    if (known) return known;
    const p = producedBy.get(t);
    // A pass-through output shares its input's range (ORT's share of quantization parameters).
    const r = p?.rule.kind === 'passThrough' && p.node.input[0] ? root(p.node.input[0]) : t;
    tensors.set(t, r);
    return r;
  };
  for (const p of nodes.values()) for (const t of touchedBy(p, { folded })) root(t);
  return { nodes, folded, tensors, grids, skipped, floatStem: new Set(stem.keys()) };
}

/** The int8/uint8 scale and zero point of a calibrated range (ORT compute_scale_zp; activations use the full range). */
export function activationParams(min: number, max: number, act: ActivationOptions): QuantParams {
  return computeScaleZeroPoint(min, max, quantRange(act.type, act.symmetric, false), act.symmetric);
}

/** ORT quantize_bias_static: int32 round(bias / (x_scale · w_scale)) with float32 products and quotient. */
export function quantizeBias(bias: Float32Array, xScale: number, wScales: Float32Array): { values: Int32Array; scales: Float32Array } {
  const scales = Float32Array.from(wScales, (w) => Math.fround(xScale * w));
  const values = new Int32Array(bias.length);
  for (let c = 0; c < bias.length; c++) {
    const sc = scales[scales.length === 1 ? 0 : c]!;
    const q = sc === 0 ? 0 : roundHalfEven(Math.fround(bias[c]! / sc));
    values[c] = Math.max(-2147483648, Math.min(2147483647, q));
  }
  return { values, scales };
}

/** A constant operand quantized like an activation, per tensor over its own min-max (a scalar is exact). */
export function constantOperand(values: Float32Array, act: ActivationOptions): { q: Int8Array | Uint8Array; scale: number; zeroPoint: number } {
  let min = 0;
  let max = 0;
  for (const v of values) { if (v < min) min = v; if (v > max) max = v; }
  const p = activationParams(min, max, act);
  const { qmin, qmax } = quantRange(act.type, act.symmetric, false);
  const q = act.type === 'int8' ? new Int8Array(values.length) : new Uint8Array(values.length);
  for (let k = 0; k < values.length; k++) q[k] = Math.max(qmin, Math.min(qmax, roundHalfEven(values[k]! / p.scale) + p.zeroPoint));
  return { q, scale: p.scale, zeroPoint: p.zeroPoint };
}

export interface PlaceResult {
  byOp: Record<string, number>;
  qdqPairs: number;
  released: ConstantWeight['path'][];
}

/**
 * Places QDQ per `plan` with the calibrated `ranges` (by root tensor). Rewrites the graph's node list.
 */
export function placeQdq(scope: GraphScope, s: QuantSession, plan: StaticPlan, ranges: Map<string, { min: number; max: number }>, act: ActivationOptions): PlaceResult {
  const graph = scope.graph;
  const actType = act.type === 'int8' ? DataType.INT8 : DataType.UINT8;
  const outputs = new Set(graph.output.map((o) => o.name));
  // `q` is what the QuantizeLinear writes with, `dq` what readers see: the same except on a gate's grid.
  type Stored = { scale: string; zeroPoint: string };
  const params = new Map<string, { p: QuantParams; q: Stored; dq: Stored }>();
  const store = (name: string, p: QuantParams): Stored => {
    const zp = act.type === 'int8' ? Int8Array.of(p.zeroPoint) : Uint8Array.of(p.zeroPoint);
    return { scale: s.pool.intern(`${name}_s`, DataType.FLOAT, [], bytesOf(Float32Array.of(p.scale))), zeroPoint: s.pool.intern(`${name}_zp`, actType, [], bytesOf(zp)) };
  };
  const paramsOf = (rootName: string) => {
    let e = params.get(rootName);
    if (e) return e;
    const base = rootName.replace(/[:/]+/g, '_');
    const grid = plan.grids.get(rootName);
    if (grid) {
      e = { p: grid.dq, q: store(`${base}_g`, grid.q), dq: store(`${base}_gdq`, grid.dq) };
    } else {
      const r = ranges.get(rootName);
      if (!r || !Number.isFinite(r.min) || !Number.isFinite(r.max)) {
        throw new UsageError(`quantize-int8: calibration found no finite range for '${rootName}' (NaN or Infinity in the activations); exclude its node`);
      }
      const p = activationParams(r.min, r.max, act);
      const both = store(base, p);
      e = { p, q: both, dq: both };
    }
    params.set(rootName, e);
    return e;
  };
  // The value readers see for each quantized tensor, and the float value its Q reads.
  const dqOf = new Map<string, string>();
  const floatOf = new Map<string, string>();
  for (const t of plan.tensors.keys()) {
    if (outputs.has(t)) { floatOf.set(t, s.fresh(`${t}_float`)); dqOf.set(t, t); } else { floatOf.set(t, t); dqOf.set(t, s.fresh(`${t}_dq`)); }
  }
  const out: NodeProto[] = [];
  let qdqPairs = 0;
  const emitQdq = (t: string) => {
    const e = paramsOf(plan.tensors.get(t)!);
    // Unnamed nodes and short suffixes: a CNN has hundreds of these pairs, and long exporter names
    // repeated in each would cost more file bytes than the int8 weights save on small layers.
    const q = s.fresh(`${t}_q`);
    out.push(makeNode('QuantizeLinear', '', [floatOf.get(t)!, e.q.scale, e.q.zeroPoint], [q]));
    out.push(makeNode('DequantizeLinear', '', [q, e.dq.scale, e.dq.zeroPoint], [dqOf.get(t)!]));
    qdqPairs++;
  };
  const reads = (name: string) => (name && !outputs.has(name) ? dqOf.get(name) ?? name : name);
  const inputNames = new Set(graph.input.map((i) => i.name));
  for (const t of plan.tensors.keys()) if (inputNames.has(t)) emitQdq(t);

  const removed = new Set(plan.folded.values());
  const byOp: Record<string, number> = {};
  const released: ConstantWeight['path'][] = [];
  for (const node of graph.node) {
    if (removed.has(node)) continue;
    const p = plan.nodes.get(node);
    const folded = plan.folded.get(node);
    const input = node.input.map(reads);
    let output = [...node.output];
    if (folded) output = [folded.output[0]!, ...output.slice(1)];
    output = output.map((o) => (plan.tensors.has(o) && outputs.has(o) ? floatOf.get(o)! : o));
    if (p?.weight) {
      const base = s.baseOf(node, scope);
      const perChannel = s.options.perChannel;
      const w = s.weight({ weight: p.weight.c, axis: perChannel ? p.weight.axis : undefined }, graph, out);
      const dq = s.fresh(`${base}_w_dq`);
      out.push(makeNode('DequantizeLinear', '', [w.q, w.scale, w.zeroPoint], [dq], perChannel ? [intAttr('axis', p.weight.axis)] : []));
      input[p.rule.weight!.input] = dq;
      released.push(p.weight.c.path);
      if (p.bias) {
        const x = paramsOf(plan.tensors.get(node.input[0]!)!);
        const b = quantizeBias(tensorFloat32(p.bias.tensor, s.external), x.p.scale, w.scales);
        const dims = w.scales.length === 1 ? [] : [w.scales.length];
        const bq = s.pool.intern(`${base}_b_q`, DataType.INT32, [b.values.length], bytesOf(b.values));
        const bs = s.pool.intern(`${base}_b_s`, DataType.FLOAT, dims, bytesOf(b.scales));
        // No zero point: it is optional and 0 (ONNX DequantizeLinear), and ORT's Conv/Gemm selectors take
        // the bias DQ without one; a zero vector per bias cost 0.3 % of mobilenet_v3_small's int8 file.
        const bdq = s.fresh(`${base}_b_dq`);
        out.push(makeNode('DequantizeLinear', '', [bq, bs], [bdq], dims.length ? [intAttr('axis', 0)] : []));
        input[p.rule.bias!] = bdq;
        released.push(p.bias.path);
      }
    }
    if (p?.constants) {
      for (const [i, c] of p.constants) {
        let values = tensorFloat32(c.tensor, s.external);
        if (p.rule.reciprocal) values = values.map((v) => 1 / v);
        const { q, scale, zeroPoint } = constantOperand(values, act);
        const base = `${s.baseOf(node, scope)}_c${i}`;
        const stored = store(base, { scale, zeroPoint });
        const qName = s.pool.intern(`${base}_q`, actType, [...c.tensor.dims], bytesOf(q));
        const dq = s.fresh(`${base}_dq`);
        out.push(makeNode('DequantizeLinear', '', [qName, stored.scale, stored.zeroPoint], [dq]));
        input[i] = dq;
        released.push(c.path);
      }
    }
    const opType = p?.rule.reciprocal ? 'Mul' : node.opType;
    // An unchanged node stays the same object: removeUnused finds dead Constant nodes by identity.
    const same = input.every((x, i) => x === node.input[i]) && output.every((x, i) => x === node.output[i]);
    if (p?.rule.kind === 'gate') out.push(gateAsLookup(node, input, output));
    else if (p?.rule.hardSwish) {
      // HardSwish(x) = x · HardSigmoid(x; 1/6, 1/2): the gate as a table lookup on its own grid, then
      // QLinearMul with x; the Mul writes the HardSwish's output, quantized as the node's would be.
      const grid = hardSigmoidGrid(1 / 6, 0.5, act.type)!;
      const base = s.baseOf(node, scope);
      const gq = store(`${base}_g`, grid.q);
      const gdq = store(`${base}_gdq`, grid.dq);
      const [g, gQuant, gDq] = [s.fresh(`${base}_gate`), s.fresh(`${base}_gate_q`), s.fresh(`${base}_gate_dq`)];
      out.push(gateAsLookup({ ...node, name: '' }, input, [g]));
      out.push(makeNode('QuantizeLinear', '', [g, gq.scale, gq.zeroPoint], [gQuant]));
      out.push(makeNode('DequantizeLinear', '', [gQuant, gdq.scale, gdq.zeroPoint], [gDq]));
      out.push(makeNode('Mul', node.name ?? '', [input[0]!, gDq], output));
    } else out.push(same ? node : { ...node, opType, input, output });
    if (p) byOp[node.opType!] = (byOp[node.opType!] ?? 0) + 1;
    const written = folded ? [folded.output[0]!, ...node.output.slice(1)] : node.output;
    for (const o of written) if (plan.tensors.has(o)) emitQdq(o);
  }
  graph.node = out;
  return { byOp, qdqPairs, released };
}
