/**
 * Gemm with a constant B (read as gemm.ts plans it) → MatMulNBits, then Add(·, beta·C): torch writes
 * nn.Linear on 2-D inputs (MLPs, CNN heads) as Gemm, so a MatMul-only pass would leave those models
 * whole. transB reads the weight transposed (no copy), alpha is folded into the weight before
 * quantizing, transA gets a Transpose of A, beta ≠ 1 needs a constant C (scaled into a new tensor;
 * int8 would scale a computed C with a Mul, int4 leaves such a node alone, as it always has).
 */
import { DataType } from '../../onnx/dtype.js';
import { freshName } from '../../onnx/graph.js';
import { intsAttr, makeNode } from '../nodes.js';
import { gemmPlan, scaledBias } from './gemm.js';
import { baseName, contentKeyOf, floatWeightReason, weightScope, toMatMulNBits, type Int4Pass } from './int4-rewrite.js';
import type { OpQuantizer } from './op-quantizer.js';
import { bytesOf } from '../content-identity.js';

export const gemmNBitsQuantizer: OpQuantizer<Int4Pass> = {
  check(node, weight, scope, run) {
    const reason = floatWeightReason(weight);
    if (reason) return reason;
    if (weight.tensor.dataType !== DataType.FLOAT) return 'float16 Gemm: its bias Add would need float16 C';
    const { beta, bias } = gemmPlan(node, scope, run.index);
    return bias.kind === 'computed' ? `beta ${beta} on a C that is not a float constant` : undefined;
  },
  rewrite(node, weight, scope, run, out) {
    const { alpha, beta, transA, bias } = gemmPlan(node, scope, run.index);
    let added: string | undefined;
    if (bias.kind === 'as-is') added = bias.name;
    else if (bias.kind === 'scaled') {
      const c = bias.c;
      const raw = bytesOf(scaledBias(c, beta, run.external));
      added = run.store.group(contentKeyOf(run, ['gemm-bias', ...c.tensor.dims].join('|'), raw), weightScope(c), () => ({
        base: baseName(c, 'bias'), suffixes: ['_scaled'], parts: [{ dataType: DataType.FLOAT, dims: [...c.tensor.dims], raw }],
      })).names[0]!;
    }
    let a = node.input[0] ?? '';
    if (transA) {
      const at = freshName(run.names, `${a}_transposed`);
      out.push(makeNode('Transpose', freshName(run.names, `${node.name || a}_transA`), [a], [at], [intsAttr('perm', [1, 0])], ''));
      a = at;
    }
    const output = node.output[0] ?? '';
    let add;
    if (added) {
      const product = freshName(run.names, `${output}_matmul`);
      add = makeNode('Add', freshName(run.names, `${node.name || output}_bias`), [product, added], [output], [], '');
      node.output[0] = product;
    }
    toMatMulNBits(node, a, weight, alpha, run, run.bits);
    run.counts.gemm++;
    out.push(node, ...(add ? [add] : []));
  },
};
