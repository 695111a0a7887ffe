/**
 * Gather from a constant table (embeddings) → Gather over the int8/uint8 table, then DequantizeLinear
 * (ORT's GatherQuant gathers the quantized table and dequantizes where a float is needed). The table is
 * quantized per tensor: DequantizeLinear after a Gather cannot follow per-row scales without gathering
 * them too. ORT quantizes tables with the activation type (uint8); we use the weight type, so a table
 * tied to an output projection (GPT's wte / lm_head) is quantized once for both uses.
 */
import { makeNode } from '../nodes.js';
import type { OpQuantizer } from './op-quantizer.js';
import type { QuantSession } from './session.js';

export const gatherQuantizer: OpQuantizer<QuantSession> = {
  check(node) {
    return node.input[1] ? undefined : 'no indices input';
  },
  rewrite(node, weight, scope, s, out) {
    const base = s.baseOf(node, scope);
    const w = s.weight({ weight }, scope.graph, out);
    const gathered = s.fresh(`${node.output[0]}_quantized`);
    out.push(makeNode('Gather', s.fresh(`${base}_quant`), [w.q, node.input[1]!], [gathered], node.attribute));
    out.push(makeNode('DequantizeLinear', s.fresh(`${base}_DequantizeLinear`), [gathered, w.scale, w.zeroPoint], [node.output[0]!]));
  },
};
