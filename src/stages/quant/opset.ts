/**
 * DynamicQuantizeLinear exists from opset 11 (MatMulInteger, ConvInteger and DequantizeLinear from 10).
 * A model importing an older default-domain opset can be moved to 11 only when no op it uses changed
 * meaning between its opset and 11 (onnx/docs/Changelog.md). The table lists, per op, the oldest opset
 * from which moving to 11 keeps the meaning (later versions only added types, negative axes or optional
 * inputs). Ops not listed are treated as unsafe, so we skip rather than guess.
 */
import { mainScopes } from '../../onnx/graph.js';
import type { ModelProto } from '../../onnx/types.js';

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
      const from = SAFE_FROM[n.opType ?? ''];
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

/** Sets the default-domain import to `to` (adds it when missing). */
export function setDefaultOpset(model: ModelProto, to: number): void {
  const entry = model.opsetImport.find((o) => isDefaultDomain(o.domain));
  if (entry) entry.version = to;
  else model.opsetImport.push({ domain: '', version: to });
}

/** Imports `domain` (a contrib op domain such as com.microsoft) unless the model does already. */
export function importDomain(model: ModelProto, domain: string, version: number): void {
  if (!model.opsetImport.some((o) => o.domain === domain)) model.opsetImport.push({ domain, version });
}
