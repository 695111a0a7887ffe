/**
 * HardSigmoid under static int8, as a quantization grid instead of a float op. onnxruntime has no integer
 * HardSigmoid, so a naive placement (DQ → HardSigmoid → Q) runs it in float between a DequantizeLinear and a
 * QuantizeLinear: three passes over every hard-swish activation of a MobileNetV3 (x · HardSigmoid(x)), which
 * cost more than the int8 convolutions save on CPUs without VNNI.
 *
 * HardSigmoid(x) = clip(αx + β, 0, 1) is what quantizing x does on a grid whose bottom is x = −β/α:
 * `Q(x; 1/(Lα), qmin + Lβ)` read back by `DQ(·; 1/L, qmin)` is 0 at the bottom of the integer range, linear
 * in x above it, and saturates at the top. With L = 255 steps the zero point Lβ is rarely an integer
 * (127.5 for PyTorch's β = 1/2), and rounding it shifts every gate value by half a step, a bias that the
 * global pools of squeeze-excite blocks add up layer after layer (mean held-out cosine of
 * mobilenet_v3_small in float emulation 0.953 against 0.956 with L = 254). So L is 254 when that makes Lβ an integer: the linear part is then
 * unbiased and exact at 0, and only x beyond (1 − β)/α + 1/(2Lα) reads 255/254 instead of 1. Two placements:
 * - the gate is the only reader of a quantized compute node's output (a squeeze-excite's last Conv): that
 *   node's own QuantizeLinear takes the grid, as Relu is folded into a Conv's range, and ORT fuses the Conv
 *   into a QLinearConv whose 8-bit output is the gate;
 * - the gate's input has other readers (hard-swish's Mul): the HardSigmoid becomes LeakyRelu(α = 1), the
 *   identity in float, between the input's DQ and the grid's Q. ORT fuses DQ → LeakyRelu → Q into
 *   QLinearLeakyRelu, a 256-entry table lookup on the 8-bit values, and the Mul into QLinearMul.
 * HardSwish (opset 14, what newer exporters write) is placed as the second case: x · gate(x) with
 * HardSigmoid(x; 1/6, 1/2), the Mul writing the HardSwish's own (calibrated) output.
 */
import { attr } from '../../onnx/graph.js';
import { AttributeType, type NodeProto } from '../../onnx/types.js';
import { quantRange, roundHalfEven, type Int8Type, type QuantParams } from './numerics.js';

/** The QuantizeLinear and DequantizeLinear parameters of a gate's output (they differ: see the file comment). */
export interface GateGrid {
  q: QuantParams;
  dq: QuantParams;
}

/** HardSigmoid's α and β (ONNX defaults 0.2 and 0.5). */
export function hardSigmoidCoefficients(n: NodeProto): { alpha: number; beta: number } {
  return { alpha: attr(n, 'alpha')?.f ?? 0.2, beta: attr(n, 'beta')?.f ?? 0.5 };
}

/** The grid for HardSigmoid(α, β); undefined when it has none (α ≤ 0, or β outside [0, 1]: no clip at both ends). */
export function hardSigmoidGrid(alpha: number, beta: number, type: Int8Type): GateGrid | undefined {
  if (!(alpha > 0) || !(beta >= 0 && beta <= 1) || !Number.isFinite(1 / alpha)) return undefined;
  const { qmin, qmax } = quantRange(type, false, false);
  const full = qmax - qmin;
  const offBy = (l: number) => Math.abs(l * beta - roundHalfEven(l * beta));
  const levels = offBy(full - 1) < offBy(full) ? full - 1 : full;
  return {
    q: { scale: Math.fround(1 / (levels * alpha)), zeroPoint: qmin + roundHalfEven(levels * beta) },
    dq: { scale: Math.fround(1 / levels), zeroPoint: qmin },
  };
}

/** The HardSigmoid as the float identity ORT fuses with its DQ and Q into a table lookup (QLinearLeakyRelu). */
export function gateAsLookup(n: NodeProto, input: string[], output: string[]): NodeProto {
  const alpha = { name: 'alpha', type: AttributeType.FLOAT, f: 1, floats: [], ints: [], strings: [], tensors: [], graphs: [], sparseTensors: [], typeProtos: [] };
  return { ...n, opType: 'LeakyRelu', input: input.slice(0, 1), output, attribute: [alpha] };
}
