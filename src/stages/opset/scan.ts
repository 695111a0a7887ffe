/**
 * Scan-8 runs its body over a leading batch axis of every state and scan input (with optional
 * per-batch sequence_lens); Scan-9 has no batch axis (Changelog Scan-9). Without sequence_lens the old
 * meaning is exactly a Scan-9 over the batch axis whose body is a Scan-9 over the sequence axis running
 * the original body: the outer scan slices each batch entry's states and sequences, the inner one runs
 * them, and the outer one stacks the final states ([B, …]) and the scan outputs ([B, seq, …]) back
 * along axis 0, in Scan-8's output order. A given sequence_lens (shorter sequences per batch entry) is
 * refused. Scan-9 → 11 allowed negative axes, 16 and later added types: nothing to do there.
 */
import type { GraphProto, TypeProto, ValueInfoProto } from '../../onnx/types.js';
import { intAttr, intsAttr, makeNode } from '../nodes.js';
import { crosses, getAttr, refuse, type Converter } from './context.js';
import { AttributeType } from '../../onnx/types.js';

/** A value of `type`'s element type with no stated shape (a stacked or sliced value of unknown length). */
function elementOnly(name: string, type: TypeProto | undefined): ValueInfoProto {
  const elemType = type?.tensorType?.elemType;
  return { name, type: elemType ? { tensorType: { elemType } } : undefined, metadataProps: [] };
}

export const scan: Converter = (node, step, ctx) => {
  if (!crosses(step, 9)) return [node];
  if (node.input[0]) return refuse(node, 'Scan-8 with sequence_lens (per-batch lengths) has no exact Scan-9 form');
  const body = getAttr(node, 'body')?.g;
  const m = Number(getAttr(node, 'num_scan_inputs')?.i ?? 0);
  if (!body || m < 1) return refuse(node, 'Scan-8 without a body or num_scan_inputs is not a valid node');
  const loopInputs = node.input.slice(1);
  const n = loopInputs.length - m;
  const k = body.output.length - n;
  if (n < 0 || k < 0 || body.input.length !== n + m) return refuse(node, 'its body does not match its inputs');
  const sliced = loopInputs.map((_, i) => ctx.fresh(`${body.name || 'scan'}_${i < n ? 'state' : 'seq'}${i}_slice`));
  const results = body.output.map((o, i) => ctx.fresh(`${o.name || 'out'}_${i < n ? 'final' : 'seq'}_per_batch`));
  const directions = getAttr(node, 'directions')?.ints;
  const inner = makeNode('Scan', ctx.fresh(`${node.name || 'scan'}_inner`), sliced, results, [
    { name: 'body', type: AttributeType.GRAPH, g: body, floats: [], ints: [], strings: [], tensors: [], graphs: [], sparseTensors: [], typeProtos: [] },
    intAttr('num_scan_inputs', m),
    ...(directions?.length ? [intsAttr('scan_input_directions', directions)] : []),
  ]);
  const outerBody: GraphProto = {
    name: `${body.name || 'scan'}_over_batch`, node: [inner], initializer: [], valueInfo: [], quantizationAnnotation: [], sparseInitializer: [], metadataProps: [],
    // A state slice has the state's shape; a sequence slice is [seq, …] of the body's element shape.
    input: sliced.map((s, i) => (i < n ? { ...body.input[i]!, name: s } : elementOnly(s, body.input[i]?.type))),
    output: results.map((r, i) => (i < n ? { ...body.output[i]!, name: r } : elementOnly(r, body.output[i]?.type))),
  };
  return [makeNode('Scan', node.name ?? '', loopInputs, [...node.output], [
    { name: 'body', type: AttributeType.GRAPH, g: outerBody, floats: [], ints: [], strings: [], tensors: [], graphs: [], sparseTensors: [], typeProtos: [] },
    intAttr('num_scan_inputs', n + m),
  ])];
};
