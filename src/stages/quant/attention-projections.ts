/**
 * Before quantizing: a fused com.microsoft Attention (what `fuse` emits) holds its Q/K/V projection
 * weight inside, where no MatMul quantizer reaches it. This splits each such node back into
 *   MatMul(x, W_qkv) → Split in three → com.microsoft MultiHeadAttention(q, k, v, bias, mask, attention_bias)
 * — the same computation (MultiHeadAttention adds the packed bias, takes the same raw key-padding mask,
 * `unidirectional`, `mask_filter_value` and `scale`), with the projection a plain MatMul that
 * quantize-int8 turns into DynamicQuantizeMatMul and quantize-int4 into MatMulNBits. Measured on this
 * machine for 12 BERT-base attention layers at seq 128, 1 thread (onnxruntime 1.30): the fp32 split form
 * runs as fast as Attention (50.5 vs 53.5 ms), the int8 one at 13.2 ms against QAttention's 12.5 ms.
 * Attention nodes with past state are left as they are.
 */
import { DataType } from '../../onnx/dtype.js';
import { attr, freshName, type GraphScope } from '../../onnx/graph.js';
import { makeTensor } from '../../onnx/tensor.js';
import type { ModelProto, NodeProto } from '../../onnx/types.js';
import { intAttr, intsAttr, makeNode } from '../nodes.js';
import { resolveConstant, type DefinitionIndex } from './constant-weight.js';

const MS = 'com.microsoft';
const CARRIED = new Set(['num_heads', 'mask_filter_value', 'scale', 'unidirectional']);

/** Opset of the default domain (Split takes its sizes as an input from 13). */
function defaultOpset(model: ModelProto): number {
  return model.opsetImport.find((o) => (o.domain ?? '') === '' || o.domain === 'ai.onnx')?.version ?? 1;
}

/**
 * Rewrites the Attention nodes of `scopes` whose weight is a 2-D constant; returns how many. Nodes
 * with past/present, rotary embedding or unequal Q/K/V widths stay fused.
 */
export function splitAttentionProjections(model: ModelProto, scopes: GraphScope[], names: Set<string>, index: DefinitionIndex): number {
  const opset = defaultOpset(model);
  let count = 0;
  for (const scope of scopes) {
    const out: NodeProto[] = [];
    let changed = false;
    for (const node of scope.graph.node) {
      const w = node.opType === 'Attention' && node.domain === MS && node.input[1] ? resolveConstant(scope, node.input[1], index) : undefined;
      const hidden3 = w?.tensor.dims[1];
      const unsupported = !w || w.transposed || w.tensor.dims.length !== 2 || hidden3 === undefined || hidden3 % 3 !== 0 ||
        node.input[4] || node.input[6] || node.output[1] || attr(node, 'qkv_hidden_sizes') || Number(attr(node, 'do_rotary')?.i ?? 0n) !== 0 ||
        Number(attr(node, 'past_present_share_buffer')?.i ?? 0n) !== 0;
      if (unsupported) {
        out.push(node);
        continue;
      }
      const base = node.name || node.output[0]!;
      const fresh = (s: string) => freshName(names, `${base}_${s}`);
      const packed = fresh('qkv');
      const [q, k, v] = [fresh('q'), fresh('k'), fresh('v')];
      const hidden = hidden3! / 3;
      out.push(makeNode('MatMul', fresh('MatMul'), [node.input[0]!, node.input[1]!], [packed]));
      if (opset >= 13) {
        const sizes = fresh('split_sizes');
        scope.graph.initializer.push(makeTensor(sizes, DataType.INT64, [3], new Uint8Array(BigInt64Array.of(BigInt(hidden), BigInt(hidden), BigInt(hidden)).buffer)));
        out.push(makeNode('Split', fresh('Split'), [packed, sizes], [q, k, v], [intAttr('axis', -1)]));
      } else {
        out.push(makeNode('Split', fresh('Split'), [packed], [q, k, v], [intAttr('axis', -1), intsAttr('split', [hidden, hidden, hidden])]));
      }
      // MultiHeadAttention: query, key, value, bias, key_padding_mask, attention_bias.
      const inputs = [q, k, v, node.input[2] ?? '', node.input[3] ?? '', node.input[5] ?? ''];
      while (inputs[inputs.length - 1] === '') inputs.pop();
      const attrs = node.attribute.filter((a) => a.name !== undefined && CARRIED.has(a.name));
      out.push(makeNode('MultiHeadAttention', node.name || fresh('MultiHeadAttention'), inputs, [node.output[0]!], attrs, MS));
      changed = true;
      count++;
    }
    if (changed) scope.graph.node = out;
  }
  return count;
}
