/**
 * Per-channel QDQ needs DequantizeLinear's `axis` (opset 13). A model importing opset 11 or 12 can be moved
 * to 13 when every op it uses kept its meaning from 11 to 13 (onnx/docs/Changelog.md): most only gained
 * types (bfloat16) at 13. Not listed, so refused: Squeeze, Unsqueeze, ReduceSum and Split (axes/split became
 * inputs at 13), Softmax, LogSoftmax and Hardmax (axis semantics changed at 13), Dropout (ratio became an
 * input at 12), and anything else not checked.
 */
import { mainScopes } from '../../onnx/graph.js';
import type { ModelProto } from '../../onnx/types.js';
import { defaultOpset } from './opset.js';

const SAME_FROM_11_TO_13 = new Set([
  'Abs', 'Add', 'And', 'ArgMax', 'ArgMin', 'AveragePool', 'BatchNormalization', 'Cast', 'Ceil', 'Clip', 'Concat',
  'Constant', 'ConstantOfShape', 'Conv', 'ConvTranspose', 'DepthToSpace', 'Div', 'Elu', 'Equal', 'Erf', 'Exp', 'Expand',
  'Flatten', 'Floor', 'Gather', 'Gemm', 'GlobalAveragePool', 'GlobalMaxPool', 'Greater', 'HardSigmoid', 'Identity',
  'InstanceNormalization', 'LeakyRelu', 'Less', 'Log', 'MatMul', 'Max', 'MaxPool', 'Mean', 'Min', 'Mul', 'Neg', 'Not',
  'Or', 'PRelu', 'Pad', 'Pow', 'Reciprocal', 'ReduceL2', 'ReduceMax', 'ReduceMean', 'ReduceMin', 'ReduceProd',
  'Relu', 'Reshape', 'Resize', 'Selu', 'Shape', 'Sigmoid', 'Sign', 'Size', 'Slice', 'SpaceToDepth', 'Sqrt', 'Sub',
  'Sum', 'Tanh', 'Tile', 'Transpose', 'Upsample', 'Where', 'Xor',
]);

export type Opset13Plan = { action: 'keep' } | { action: 'bump'; from: number } | { action: 'refuse'; reason: string };

export function planOpset13(model: ModelProto): Opset13Plan {
  const version = defaultOpset(model);
  if (version >= 13) return { action: 'keep' };
  const changed = new Set<string>();
  for (const scope of mainScopes(model)) {
    for (const n of scope.graph.node) {
      if ((n.domain ?? '') !== '' && n.domain !== 'ai.onnx') continue;
      if (version < 11 || !SAME_FROM_11_TO_13.has(n.opType ?? '')) changed.add(n.opType ?? '?');
    }
  }
  if (version < 11) return { action: 'refuse', reason: `per-channel static int8 needs DequantizeLinear's axis (opset 13); the model imports opset ${version}: re-export with opset ≥ 13 or set per-channel: false` };
  if (changed.size) {
    return { action: 'refuse', reason: `per-channel static int8 needs DequantizeLinear's axis (opset 13); the model imports opset ${version} and ${[...changed].sort().join(', ')} changed meaning by 13: re-export with opset ≥ 13 or set per-channel: false` };
  }
  return { action: 'bump', from: version };
}
