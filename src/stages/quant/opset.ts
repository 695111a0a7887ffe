/**
 * DynamicQuantizeLinear exists from opset 11 (MatMulInteger, ConvInteger and DequantizeLinear from 10).
 * A model importing an older default-domain opset can be moved to 11 only when no op it uses changed
 * meaning between its opset and 11 (onnx/docs/Changelog.md). The table lists, per op, the oldest opset
 * from which moving to 11 keeps the meaning (later versions only added types, negative axes or optional
 * inputs). Ops not listed are treated as unsafe, so we skip rather than guess.
 */
import { DataType } from '../../onnx/dtype.js';
import { allNames, attr, mainScopes } from '../../onnx/graph.js';
import { makeTensor } from '../../onnx/tensor.js';
import type { GraphProto, ModelProto, NodeProto } from '../../onnx/types.js';

const REQUIRED_OPSET = 11;

const SAFE_FROM: Record<string, number> = {
  Abs: 6, Add: 7, And: 7, ArgMax: 1, ArgMin: 1, AveragePool: 7, BatchNormalization: 9, Cast: 6, Ceil: 6,
  Concat: 4, Constant: 9, ConstantOfShape: 9, Conv: 1, ConvTranspose: 1, DequantizeLinear: 10, Div: 7,
  Dropout: 7, DynamicQuantizeLinear: 11, Elu: 6, Equal: 7, Erf: 9, Exp: 6, Expand: 8, Flatten: 9, Floor: 6,
  GRU: 7, Gather: 1, Gemm: 7, GlobalAveragePool: 1, GlobalMaxPool: 1, Greater: 9, HardSigmoid: 6,
  Identity: 1, If: 1, InstanceNormalization: 6, LRN: 1, LSTM: 7, LeakyRelu: 6, Less: 9, Log: 6,
  LogSoftmax: 1, Loop: 1, MatMul: 1, MatMulInteger: 10, Max: 8, MaxPool: 8, Mean: 8, Min: 8, Mul: 7,
  Neg: 6, Not: 1, Or: 7, PRelu: 9, Pow: 7, RNN: 7, Reciprocal: 6, ReduceL2: 1, ReduceMax: 1,
  ReduceMean: 1, ReduceMin: 1, ReduceProd: 1, ReduceSum: 1, ReduceSumSquare: 1, Relu: 6, Reshape: 5,
  Scan: 9, Selu: 6, Shape: 1, Sigmoid: 6, Sign: 9, Size: 1, Softmax: 1, Softplus: 1, Softsign: 1,
  Split: 2, Sqrt: 6, Squeeze: 1, Sub: 7, Sum: 8, Tanh: 6, Tile: 6, Transpose: 1, Unsqueeze: 1, Where: 9,
  Xor: 7,
};

/**
 * Ops that did change meaning before 11, but only by turning attributes into inputs, so moving them is a
 * rewrite of the node (Changelog: Clip-11 takes min/max as inputs, Slice-10 takes starts/ends/axes as
 * inputs; the clamping of out-of-range starts/ends is the same). Oldest opset each rewrite handles:
 * Clip-1 also had consumed_inputs, Clip-6 did not. PaddleOCR's opset-9 exports (PP-OCR cls, rec) need both.
 */
const REWRITTEN_FROM: Record<string, number> = { Clip: 6, Slice: 1 };

export type OpsetPlan =
  | { action: 'keep'; version: number }
  | { action: 'bump'; from: number; to: number }
  | { action: 'refuse'; reason: string };

const isDefaultDomain = (d: string | undefined) => d === undefined || d === '' || d === 'ai.onnx';

/** The default-domain opset the model imports (1 when it lists none). */
export function defaultOpset(model: ModelProto): number {
  return model.opsetImport.find((o) => isDefaultDomain(o.domain))?.version ?? 1;
}

export function planOpset(model: ModelProto): OpsetPlan {
  const version = defaultOpset(model);
  if (version >= REQUIRED_OPSET) return { action: 'keep', version };
  const unsafe = new Set<string>();
  for (const scope of mainScopes(model)) {
    for (const n of scope.graph.node) {
      if (!isDefaultDomain(n.domain)) continue;
      const from = SAFE_FROM[n.opType ?? ''] ?? REWRITTEN_FROM[n.opType ?? ''];
      if (from === undefined || version < from) unsafe.add(n.opType ?? '?');
    }
  }
  if (unsafe.size > 0) {
    return {
      action: 'refuse',
      reason: `opset ${version} < ${REQUIRED_OPSET} and ${[...unsafe].sort().join(', ')} changed meaning by opset ${REQUIRED_OPSET}; re-export with opset ≥ ${REQUIRED_OPSET}`,
    };
  }
  return { action: 'bump', from: version, to: REQUIRED_OPSET };
}

/**
 * Sets the default-domain import to `to` (adds it when missing). Moving up past Slice-10 / Clip-11
 * rewrites those nodes' attributes into constant inputs, so they keep their meaning (planOpset allows
 * the move only for the versions REWRITTEN_FROM handles).
 */
export function setDefaultOpset(model: ModelProto, to: number): void {
  const from = defaultOpset(model);
  if (from < 11 && to >= 10) rewriteAttributeInputs(model, from, to);
  const entry = model.opsetImport.find((o) => isDefaultDomain(o.domain));
  if (entry) entry.version = to;
  else model.opsetImport.push({ domain: '', version: to });
}

function rewriteAttributeInputs(model: ModelProto, from: number, to: number): void {
  const names = allNames(model);
  const fresh = (base: string) => {
    let name = base;
    for (let k = 1; names.has(name); k++) name = `${base}_${k}`;
    names.add(name);
    return name;
  };
  const add = (g: GraphProto, base: string, dataType: number, dims: number[], raw: Uint8Array) => {
    const name = fresh(base);
    g.initializer.push(makeTensor(name, dataType, dims, raw));
    return name;
  };
  const int64s = (g: GraphProto, base: string, values: readonly (number | bigint)[]) =>
    add(g, base, DataType.INT64, [values.length], new Uint8Array(BigInt64Array.from(values, (v) => BigInt(v)).buffer));
  const takeAttr = (n: NodeProto, key: string) => {
    const a = attr(n, key);
    if (a) n.attribute = n.attribute.filter((x) => x !== a);
    return a;
  };
  for (const scope of mainScopes(model)) {
    const g = scope.graph;
    for (const n of g.node) {
      if (!isDefaultDomain(n.domain)) continue;
      const base = n.output[0] || n.name || n.opType || 'node';
      if (n.opType === 'Slice' && from < 10 && to >= 10) {
        const starts = takeAttr(n, 'starts')?.ints ?? [];
        const ends = takeAttr(n, 'ends')?.ints ?? [];
        const axes = takeAttr(n, 'axes')?.ints;
        n.input = [n.input[0]!, int64s(g, `${base}_starts`, starts), int64s(g, `${base}_ends`, ends), ...(axes ? [int64s(g, `${base}_axes`, axes)] : [])];
      } else if (n.opType === 'Clip' && from < 11 && to >= 11) {
        // Clip-6 is float-only in practice (float16/float/double); PaddleOCR's and torch's exports clip
        // float32 values, and fp16 converts these bounds with the other float32 initializers.
        const loAttr = takeAttr(n, 'min');
        const hiAttr = takeAttr(n, 'max');
        const lo = loAttr ? loAttr.f ?? 0 : undefined; // a stored 0.0 may decode as an absent field
        const hi = hiAttr ? hiAttr.f ?? 0 : undefined;
        const scalar = (v: number) => new Uint8Array(Float32Array.of(v).buffer);
        n.input = [n.input[0]!,
          lo === undefined ? '' : add(g, `${base}_min`, DataType.FLOAT, [], scalar(lo)),
          ...(hi === undefined ? [] : [add(g, `${base}_max`, DataType.FLOAT, [], scalar(hi))])];
      }
    }
  }
}

/** Imports `domain` (a contrib op domain such as com.microsoft) unless the model does already. */
export function importDomain(model: ModelProto, domain: string, version: number): void {
  if (!model.opsetImport.some((o) => o.domain === domain)) model.opsetImport.push({ domain, version });
}
