/**
 * The Casts the fp16 stage inserts come in pairs where two float32 places meet across a float16 gap:
 * a blocked node feeding another blocked node, a float32 graph input read by a blocked node, a blocked
 * node's result that is a float32 graph output. Cast(float32 → float16) then Cast(float16 → float32) on
 * the same value only rounds it to float16 and costs two ops; such a pair is cut out and the float32
 * value read directly (onnxconverter-common's converter does the same in its cleanup pass). Only Casts
 * the stage made are touched: a user's own Cast pair rounds on purpose.
 */
import { DataType } from '../onnx/dtype.js';
import { replaceAllUses, usesOfAll, type GraphScope } from '../onnx/graph.js';
import type { NodeProto } from '../onnx/types.js';

const castTarget = (n: NodeProto): number | undefined => (n.opType === 'Cast' ? Number(n.attribute[0]?.i) : undefined);

/**
 * Cuts pairs of `inserted` Casts out of `scope`'s graph; returns how many Casts were removed. One walk
 * for the reads of every candidate (a model with thousands of blocked ops must not cost a walk each).
 */
export function collapseCastPairs(scope: GraphScope, inserted: Set<NodeProto>): number {
  const g = scope.graph;
  const producer = new Map<string, NodeProto>();
  for (const n of g.node) for (const o of n.output) if (o) producer.set(o, n);
  const pairs: [NodeProto, NodeProto][] = [];
  for (const back of g.node) {
    if (!inserted.has(back) || castTarget(back) !== DataType.FLOAT) continue;
    const half = producer.get(back.input[0] ?? '');
    if (half && inserted.has(half) && castTarget(half) === DataType.FLOAT16) pairs.push([back, half]);
  }
  if (!pairs.length) return 0;
  // Reads of each float16 value (subgraphs included), and the top-level readers of each pair's float32
  // end: a name the stage made fresh for one guarded input, read by that node alone.
  const reads = new Map([...usesOfAll(scope, pairs.map(([, half]) => half.output[0]!))].map(([k, v]) => [k, v.length]));
  const readers = new Map<string, NodeProto[]>();
  for (const n of g.node) for (const i of n.input) if (i) readers.set(i, [...(readers.get(i) ?? []), n]);
  const outputs = new Set(g.output.map((o) => o.name ?? ''));
  const removed = new Set<NodeProto>();
  for (const [back, half] of pairs) {
    const float32 = half.input[0]!;
    const out = back.output[0]!;
    if (!outputs.has(out)) {
      for (const n of readers.get(out) ?? []) n.input = n.input.map((i) => (i === out ? float32 : i));
    } else {
      // A graph output keeps its name: the float32 value's producer writes it under that name.
      const p = producer.get(float32);
      if (!p || outputs.has(float32)) continue; // a graph input or an outer value: leave the pair
      p.output[p.output.indexOf(float32)] = out;
      replaceAllUses(scope, float32, out); // once per graph output at most
      producer.set(out, p);
    }
    removed.add(back);
    const left = (reads.get(half.output[0]!) ?? 1) - 1; // `back` read it
    reads.set(half.output[0]!, left);
    if (left === 0 && !outputs.has(half.output[0]!)) removed.add(half);
  }
  if (removed.size) g.node = g.node.filter((n) => !removed.has(n));
  return removed.size;
}
