/**
 * Conv, `conv-mode: weight-only`: DequantizeLinear(W_q, scale, zero point[, axis 0]) → Conv(X, W, B).
 * The file holds int8 weights; the Conv computes in float on the dequantized weight (see int8-conv.ts
 * for why Conv is off by default and what each form measured). Per-channel scales run along the output
 * channels (axis 0), which needs DequantizeLinear-13.
 */
import { intAttr, makeNode } from '../nodes.js';
import { convCheck } from './int8-conv.js';
import type { OpQuantizer } from './op-quantizer.js';
import type { QuantSession } from './session.js';

export const convWeightOnlyQuantizer: OpQuantizer<QuantSession> = {
  check(node, weight, scope, s) {
    const reason = convCheck(node, weight, scope, s);
    if (reason) return reason;
    return s.options.convPerChannel && s.opset < 13
      ? `per-channel weight-only Conv needs DequantizeLinear's axis (opset 13); the model imports opset ${s.opset}`
      : undefined;
  },
  rewrite(node, weight, scope, s, out) {
    const base = s.baseOf(node, scope);
    const perChannel = s.options.convPerChannel;
    const w = s.weight({ weight, axis: perChannel ? 0 : undefined }, scope.graph, out);
    const dequantized = s.fresh(`${base}_weight_dequantized`);
    out.push(makeNode('DequantizeLinear', s.fresh(`${base}_DequantizeLinear`), [w.q, w.scale, w.zeroPoint], [dequantized], perChannel ? [intAttr('axis', 0)] : []));
    out.push({ ...node, input: node.input.map((name, i) => (i === 1 ? dequantized : name)) });
  },
};
