/**
 * Gather from a constant table (embeddings); `embeddings` picks the form:
 * - int4 (default): com.microsoft GatherBlockQuantized(data uint8 [V, D/2], idx, scales
 *   [V, ceil(D/blockSize)][, zero_points]) with bits=4, gather_axis=0, quantize_axis=1. With uint8 data
 *   the CPU kernel requires gather_axis 0 and quantize_axis last, unpacks two codes a byte (low nibble
 *   first) and, without zero_points, uses 8 — the MatMulNBits convention, so one quantizer serves both.
 *   A table the `layers` table sets to 8 bits takes bits=8, data uint8 [V, D].
 * - int8: int8 Gather + DequantizeLinear (per-tensor symmetric, ORT quantize_dynamic's scheme).
 * - none: tables stay float.
 */
import { DataType } from '../../onnx/dtype.js';
import { freshName } from '../../onnx/graph.js';
import { tensorBytes } from '../../onnx/tensor.js';
import type { NodeProto } from '../../onnx/types.js';
import { roundToFloat16 } from '../fp16-numerics.js';
import { intAttr, makeNode } from '../nodes.js';
import type { ConstantWeight } from './constant-weight.js';
import { quantizeMatrix4 } from './int4-parallel.js';
import {
  baseName, becomeContribOp, floatValues, floatWeightReason, weightScope, record, relError, scalesPayload, weightKey, type Int4Pass,
} from './int4-rewrite.js';
import { quantizePerTensor } from './numerics.js';
import type { OpQuantizer } from './op-quantizer.js';
import { bytesOf } from '../content-identity.js';

/** Why a Gather's constant table is no 2-D table gathered by rows, or undefined when it is one. */
function tableReason(node: NodeProto, src: ConstantWeight): string | undefined {
  const axis = Number(node.attribute.find((a) => a.name === 'axis')?.i ?? 0n);
  const reason = floatWeightReason(src);
  if (reason) return reason.replace('weight', 'table');
  if (axis !== 0 && axis !== -2) return `gathers along axis ${axis}, not rows`;
  if (src.transposed) return 'table is reached through a Transpose';
  return undefined;
}

function int4Reason(src: ConstantWeight, run: Int4Pass): string | undefined {
  const d = src.tensor.dims[1]!;
  // uint8 data packs two 4-bit codes a byte along the row; the kernel doubles the last dim, so it must be even.
  return run.bits === 4 && d % 2 !== 0 ? `table width ${d} is odd (4-bit rows pack two values a byte)` : undefined;
}

function int8Reason(src: ConstantWeight, run: Int4Pass): string | undefined {
  if (src.tensor.dataType !== DataType.FLOAT) return 'float16 table needs DequantizeLinear-19; use embeddings: int4';
  if (run.opset < 10) return `opset ${run.opset} has no DequantizeLinear`;
  return undefined;
}

function toGatherBlockQuantized(node: NodeProto, src: ConstantWeight, run: Int4Pass): void {
  const { tensor } = src;
  const bits = run.bits;
  const [v, d] = tensor.dims as [number, number];
  const { blockSize, symmetric, method } = run.settings;
  const dtype = tensor.dataType!;
  const { key, raw } = weightKey(run, tensor, ['gather4', dtype, v, d, blockSize, symmetric, method, bits]);
  const stored = run.store.group(key, weightScope(src), () => {
    const q = quantizeMatrix4(floatValues(tensor, raw ?? tensorBytes(tensor, run.external)), d, v, true, {
      blockSize, symmetric, method, bits, padToBlock: false, storeScale: dtype === DataType.FLOAT16 ? roundToFloat16 : Math.fround,
    });
    run.errors.set(key, relError(q));
    const parts = [
      { dataType: DataType.UINT8, dims: [v, (d * bits) / 8], raw: q.data },
      { dataType: dtype, dims: [v, q.kBlocks], raw: scalesPayload(q.scales, dtype) },
    ];
    if (q.zeroPoints) parts.push({ dataType: DataType.UINT8, dims: [v, Math.ceil((q.kBlocks * bits) / 8)], raw: q.zeroPoints });
    return { base: baseName(src, 'table'), suffixes: [`_Q${bits}`, '_scales', '_zero_points'], parts };
  });
  record(run, node, src, bits, key);
  const [data, scales, zp] = stored.names as [string, string, string | undefined];
  const attrs = [intAttr('gather_axis', 0), intAttr('quantize_axis', 1), intAttr('block_size', blockSize), intAttr('bits', bits)];
  becomeContribOp(node, 'GatherBlockQuantized', [data, node.input[1] ?? '', scales, ...(zp ? [zp] : [])], attrs);
  run.counts.gatherInt4++;
}

/** Rewrites `node` into an int8 Gather; returns the DequantizeLinear that writes its output. */
function toInt8Gather(node: NodeProto, src: ConstantWeight, run: Int4Pass): NodeProto {
  const { tensor } = src;
  const { key, raw } = weightKey(run, tensor, ['gather8', ...tensor.dims]);
  const stored = run.store.group(key, weightScope(src), () => {
    // quantize_dynamic's per-tensor symmetric int8 (numerics.ts holds the shared 8-bit numerics).
    const values = floatValues(tensor, raw ?? tensorBytes(tensor, run.external));
    const q = quantizePerTensor(values, { type: 'int8', symmetric: true, reduceRange: false });
    run.errors.set(key, perTensorError(values, q.values, q.scales[0]!, q.zeroPoints[0]!));
    return {
      base: baseName(src, 'table'), suffixes: ['_quantized', '_scale', '_zero_point'],
      parts: [
        { dataType: DataType.INT8, dims: [...tensor.dims], raw: bytesOf(q.values) },
        { dataType: DataType.FLOAT, dims: [], raw: bytesOf(q.scales) },
        { dataType: DataType.INT8, dims: [], raw: bytesOf(q.zeroPoints) },
      ],
    };
  });
  record(run, node, src, 8, key);
  const [table, scale, zp] = stored.names as [string, string, string];
  const output = node.output[0] ?? '';
  const gathered = freshName(run.names, `${output}_quantized`);
  node.input[0] = table;
  node.output[0] = gathered;
  run.counts.gatherInt8++;
  return makeNode('DequantizeLinear', freshName(run.names, `${node.name || output}_DequantizeLinear`), [gathered, scale, zp], [output], [], '');
}

export const gatherBlockQuantizer: OpQuantizer<Int4Pass> = {
  disabled: (run) => (run.settings.embeddings === 'none' ? 'embeddings: none' : undefined),
  check(node, weight, _scope, run) {
    return tableReason(node, weight) ?? (run.settings.embeddings === 'int8' ? int8Reason(weight, run) : int4Reason(weight, run));
  },
  rewrite(node, weight, _scope, run, out) {
    if (run.settings.embeddings === 'int8') out.push(node, toInt8Gather(node, weight, run));
    else {
      toGatherBlockQuantized(node, weight, run);
      out.push(node);
    }
  },
};

/** ‖W − Ŵ‖ / ‖W‖ of a per-tensor int8 quantization (Ŵ = (q − zp) · scale, as DequantizeLinear computes). */
function perTensorError(w: Float32Array, q: ArrayLike<number>, scale: number, zp: number): number {
  let e = 0;
  let n = 0;
  for (let i = 0; i < w.length; i++) {
    const d = w[i]! - Math.fround((q[i]! - zp) * scale);
    e += d * d;
    n += w[i]! * w[i]!;
  }
  return n > 0 ? Math.sqrt(e / n) : 0;
}
