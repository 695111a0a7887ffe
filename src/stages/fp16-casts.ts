/**
 * The Casts the fp16 stage inserts come in pairs where two float32 places meet across a float16 gap:
 * a blocked node feeding another blocked node, a float32 graph input read by a blocked node, a blocked
 * node's result that is a float32 graph output. Cast(float32 → float16) then Cast(float16 → float32) on
 * the same value only rounds it to float16 and costs two ops; such a pair is cut out and the float32
 * value read directly (onnxconverter-common's converter does the same in its cleanup pass). Only Casts
 * the stage made are touched: a user's own Cast pair rounds on purpose.
 */
import { DataType } from '../onnx/dtype.js';
import { DefUse } from '../graph/def-use.js';
import type { GraphScope } from '../onnx/graph.js';
import type { NodeProto } from '../onnx/types.js';

const castTarget = (n: NodeProto): number | undefined => (n.opType === 'Cast' ? Number(n.attribute[0]?.i) : undefined);

/**
 * Cuts pairs of `inserted` Casts out of `scope`'s graph; returns how many Casts were removed. One walk
 * for the reads of every candidate (a model with thousands of blocked ops must not cost a walk each).
 */
export function collapseCastPairs(scope: GraphScope, inserted: Set<NodeProto>, index?: DefUse): number {
  const backs = scope.graph.node.filter((n) => inserted.has(n) && castTarget(n) === DataType.FLOAT);
  if (!backs.length) return 0;
  // The caller's index of this graph when it has one that is current (castMainBoundary's), else a new one.
  const du = index ?? new DefUse(scope);
  const pairs: [NodeProto, NodeProto][] = [];
  for (const back of backs) {
    const half = du.producer(back.input[0] ?? '');
    if (half && inserted.has(half) && castTarget(half) === DataType.FLOAT16) pairs.push([back, half]);
  }
  if (!pairs.length) return 0;
  // Reads of each float16 value, subgraphs included, as the graph stands before any pair is cut.
  const reads = new Map(pairs.map(([, half]) => [half.output[0]!, du.readers(half.output[0]!).length]));
  const removed = new Set<NodeProto>();
  for (const [back, half] of pairs) {
    const float32 = half.input[0]!;
    const out = back.output[0]!;
    if (!du.isGraphOutput(out)) {
      // A name the stage made fresh for one guarded input: its reader now reads the float32 value.
      du.replaceAllUses(out, float32);
    } else {
      // A graph output keeps its name: the float32 value's producer writes it under that name.
      if (!du.producer(float32) || du.isGraphOutput(float32)) continue; // a graph input or an outer value: leave the pair
      du.remove([back]); // frees `out`; once per graph output at most
      du.rename(float32, out);
    }
    removed.add(back);
    const left = (reads.get(half.output[0]!) ?? 1) - 1; // `back` read it
    reads.set(half.output[0]!, left);
    if (left === 0 && !du.isGraphOutput(half.output[0]!)) removed.add(half);
  }
  du.remove(removed);
  return removed.size;
}
