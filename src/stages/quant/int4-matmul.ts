/** MatMul(A, W[K, N]) with a constant W → com.microsoft MatMulNBits (int4-rewrite.ts's toMatMulNBits). */
import { floatWeightReason, toMatMulNBits, type Int4Pass } from './int4-rewrite.js';
import type { OpQuantizer } from './op-quantizer.js';

export const matMulNBitsQuantizer: OpQuantizer<Int4Pass> = {
  check: (_node, weight) => floatWeightReason(weight),
  rewrite(node, weight, _scope, run, out) {
    toMatMulNBits(node, node.input[0] ?? '', weight, 1, run, run.bits);
    run.counts.matmul++;
    out.push(node);
  },
};
