/**
 * What the upgrader knows about values before it rewrites anything: element types and ranks the model
 * declares (graph inputs/outputs, value_info, initializers, Constant nodes), element types carried
 * forward through ops whose output type is their first input's (and a few fixed ones), constant tensors,
 * and which names are read. Converters need types only to build constants of the right type (Clip's
 * min/max, Pad's value): a value whose type stays unknown makes that converter refuse, never guess.
 */
import { DataType } from '../../onnx/dtype.js';
import { allNames, forEachGraph } from '../../onnx/graph.js';
import { constantNodeTensor, isConstantNode } from '../../onnx/tensor.js';
import type { ModelProto, NodeProto, ValueInfoProto } from '../../onnx/types.js';
import type { ModelFacts } from './context.js';

/** Ops whose outputs all have their first input's element type (the ops old CNN exports chain). */
const SAME_TYPE = new Set([
  'Abs', 'Add', 'AveragePool', 'BatchNormalization', 'Ceil', 'Clip', 'Concat', 'Conv', 'ConvTranspose', 'DepthToSpace',
  'Div', 'Dropout', 'Elu', 'Exp', 'Expand', 'Flatten', 'Floor', 'Gather', 'GatherElements', 'Gemm', 'GlobalAveragePool',
  'GlobalMaxPool', 'HardSigmoid', 'HardSwish', 'Hardmax', 'Identity', 'InstanceNormalization', 'LRN', 'LeakyRelu', 'Log',
  'LogSoftmax', 'MatMul', 'Max', 'MaxPool', 'Mean', 'Min', 'Mish', 'Mul', 'Neg', 'PRelu', 'Pad', 'Pow', 'Reciprocal',
  'ReduceL1', 'ReduceL2', 'ReduceLogSum', 'ReduceLogSumExp', 'ReduceMax', 'ReduceMean', 'ReduceMin', 'ReduceProd',
  'ReduceSum', 'ReduceSumSquare', 'Relu', 'Reshape', 'Resize', 'Round', 'Selu', 'Sigmoid', 'Sign', 'Sin', 'Cos', 'Slice',
  'Softmax', 'Softplus', 'Softsign', 'SpaceToDepth', 'Split', 'Sqrt', 'Squeeze', 'Sub', 'Sum', 'Tanh', 'Tile', 'TopK',
  'Transpose', 'Unsqueeze', 'Upsample', 'Erf', 'Gelu', 'ThresholdedRelu', 'Shrink', 'Celu', 'Einsum', 'ReverseSequence',
]);
const BOOL_OUT = new Set(['Equal', 'Greater', 'Less', 'GreaterOrEqual', 'LessOrEqual', 'Not', 'And', 'Or', 'Xor', 'IsNaN', 'IsInf']);
const INT64_OUT = new Set(['Shape', 'Size', 'ArgMax', 'ArgMin', 'NonZero', 'NonMaxSuppression']);

function declared(v: ValueInfoProto, types: Map<string, number>, ranks: Map<string, number>) {
  const t = v.type?.tensorType;
  if (!v.name || !t) return;
  if (t.elemType) types.set(v.name, t.elemType);
  if (t.shape) ranks.set(v.name, t.shape.dim.length);
}

function outputTypes(n: NodeProto, types: Map<string, number>): (number | undefined)[] {
  const op = n.opType ?? '';
  if (op === 'Cast') {
    const to = n.attribute.find((a) => a.name === 'to');
    return [to?.i !== undefined ? Number(to.i) : undefined];
  }
  if (BOOL_OUT.has(op)) return n.output.map(() => DataType.BOOL);
  if (INT64_OUT.has(op)) return n.output.map(() => DataType.INT64);
  if (op === 'TopK') return [types.get(n.input[0] ?? ''), DataType.INT64];
  if (op === 'Where') return [types.get(n.input[1] ?? '') ?? types.get(n.input[2] ?? '')];
  if (SAME_TYPE.has(op)) {
    const t = types.get(n.input[0] ?? '');
    // Dropout's mask (output 1) is bool from opset 10; BatchNormalization's extras are the input's type.
    return n.output.map((_, i) => (op === 'Dropout' && i > 0 ? undefined : t));
  }
  return [];
}

/** Ops whose output has their first input's rank (elementwise, normalisations, convolutions, pools). */
const SAME_RANK = new Set([
  'Abs', 'BatchNormalization', 'Cast', 'Ceil', 'Clip', 'Conv', 'ConvTranspose', 'Dropout', 'Elu', 'Erf', 'Exp', 'Floor',
  'HardSigmoid', 'HardSwish', 'Identity', 'InstanceNormalization', 'LRN', 'LeakyRelu', 'Log', 'LogSoftmax', 'MaxPool',
  'AveragePool', 'GlobalAveragePool', 'GlobalMaxPool', 'Neg', 'PRelu', 'Reciprocal', 'Relu', 'Selu', 'Sigmoid', 'Softmax',
  'Softplus', 'Softsign', 'Sqrt', 'Tanh', 'Transpose', 'Concat', 'Pad', 'Resize', 'Upsample', 'Slice', 'Split', 'Hardmax',
  'LayerNormalization', 'Mish', 'Gelu', 'Sin', 'Cos', 'Sign', 'Round', 'Not', 'IsNaN',
]);
const BROADCASTING = new Set(['Add', 'Sub', 'Mul', 'Div', 'Pow', 'Max', 'Min', 'Sum', 'Mean', 'Where', 'Equal', 'Less', 'Greater', 'And', 'Or']);

/** The rank of `n`'s first output from its inputs' ranks, when the op tells it without shapes. */
function outputRank(n: NodeProto, ranks: Map<string, number>, constants: ModelFacts['constants']): number | undefined {
  const op = n.opType ?? '';
  const r0 = ranks.get(n.input[0] ?? '');
  const axes = n.attribute.find((a) => a.name === 'axes')?.ints;
  if (SAME_RANK.has(op)) return r0;
  if (BROADCASTING.has(op)) {
    const rs = n.input.map((i) => ranks.get(i));
    return rs.every((r) => r !== undefined) ? Math.max(...(rs as number[])) : undefined;
  }
  if (op === 'Flatten') return 2;
  if (op === 'MatMul') {
    const [a, b] = [r0, ranks.get(n.input[1] ?? '')];
    return a !== undefined && b !== undefined && a >= 2 && b >= 2 ? Math.max(a, b) : undefined;
  }
  if (op === 'Gemm') return 2;
  if (op === 'Reshape') return constants.get(n.input[1] ?? '')?.dims[0] ?? n.attribute.find((a) => a.name === 'shape')?.ints.length;
  if (r0 === undefined) return undefined;
  if (op === 'Unsqueeze' && axes) return r0 + axes.length;
  if (op === 'Squeeze' && axes) return r0 - axes.length;
  if (op.startsWith('Reduce')) {
    const keep = n.attribute.find((a) => a.name === 'keepdims')?.i ?? 1n;
    return keep ? r0 : axes ? r0 - axes.length : undefined;
  }
  return undefined;
}

export function modelFacts(model: ModelProto): ModelFacts {
  const elemTypes = new Map<string, number>();
  const ranks = new Map<string, number>();
  const read = new Set<string>();
  const constants = new Map<string, import('../../onnx/types.js').TensorProto>();
  const nodes: NodeProto[] = [];
  forEachGraph(model, ({ graph }) => {
    for (const v of [...graph.input, ...graph.output, ...graph.valueInfo]) declared(v, elemTypes, ranks);
    for (const t of graph.initializer) {
      if (!t.name) continue;
      elemTypes.set(t.name, t.dataType ?? 0);
      ranks.set(t.name, t.dims.length);
      constants.set(t.name, t);
    }
    for (const o of graph.output) if (o.name) read.add(o.name);
    for (const n of graph.node) {
      nodes.push(n);
      for (const i of n.input) if (i) read.add(i);
      if (isConstantNode(n) && n.output[0]) {
        const t = constantNodeTensor(n);
        if (t) {
          elemTypes.set(n.output[0], t.dataType ?? 0);
          ranks.set(n.output[0], t.dims.length);
          constants.set(n.output[0], t);
        }
      }
    }
  });
  // Forward propagation to a fixed point (a few sweeps: nodes are mostly in topological order already).
  for (let sweep = 0, changed = true; changed && sweep < 8; sweep++) {
    changed = false;
    for (const n of nodes) {
      outputTypes(n, elemTypes).forEach((t, i) => {
        const o = n.output[i];
        if (t && o && !elemTypes.has(o)) { elemTypes.set(o, t); changed = true; }
      });
      const o = n.output[0];
      if (o && !ranks.has(o) && (n.domain ?? '') === '') {
        const r = outputRank(n, ranks, constants);
        if (r !== undefined) { ranks.set(o, r); changed = true; }
      }
    }
  }
  // A subgraph reading an outer value counts as a read too (outer references are node inputs there).
  return { elemTypes, ranks, read, constants, names: allNames(model) };
}
