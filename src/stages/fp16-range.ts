/**
 * Constants float16 cannot hold. onnxconverter-common clamps them (fp16-numerics.ts): a value beyond
 * ±65,504 becomes ±65,504, one below 2^-24 becomes ±2^-24. On trained models that changes what the op
 * computes, silently: PP-OCRv4's detector has a BatchNormalization whose running variance reaches
 * 9.79e7; clamped, that layer's output grows ~40× and the probability map ends at cosine 0.43. So the
 * fp16 stage keeps every op that reads such a constant in float32 (Casts around it, the constant itself
 * left float32) and lists each with the reason, instead of clamping.
 *
 * "Cannot hold" is: a finite value beyond FP16_MAX, or a non-zero value that would round to zero while
 * it is at least 2^-11 of the tensor's largest magnitude (below that it is under float16's own rounding
 * of the large values it is summed or compared with, so losing it changes nothing float16 would keep).
 */
import { DataType } from '../onnx/dtype.js';
import { DefUse } from '../graph/def-use.js';
import { attr, type GraphScope } from '../onnx/graph.js';
import { constantNodeTensor, isConstantNode, tensorBytes, type ExternalDataSource } from '../onnx/tensor.js';
import type { NodeProto, TensorProto } from '../onnx/types.js';
import { FP16_MAX } from './fp16-numerics.js';
import { nodeId } from './nodes.js';

/** Values below half the smallest subnormal round to zero in float16 (round to nearest even). */
const FLUSHES_BELOW = 2 ** -25;
const RELATIVE_FLOOR = 2 ** -11;

/** Why `t` cannot become float16 without changing values that matter, or undefined when it can. */
export function float16RangeProblem(t: TensorProto, external?: ExternalDataSource): string | undefined {
  return t.dataType === DataType.FLOAT ? rangeProblemOf(tensorBytes(t, external)) : undefined;
}

/** float16RangeProblem on a float32 payload (raw little-endian bytes). */
export function rangeProblemOf(raw: Uint8Array): string | undefined {
  const dv = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const n = raw.length >>> 2;
  let maxAbs = 0, over = 0, minFlushed = Infinity, maxFlushed = 0;
  for (let i = 0; i < n; i++) {
    const a = Math.abs(dv.getFloat32(i * 4, true));
    if (!Number.isFinite(a)) continue;
    if (a > maxAbs) maxAbs = a;
    if (a > FP16_MAX) over++;
    else if (a > 0 && a < FLUSHES_BELOW) { minFlushed = Math.min(minFlushed, a); maxFlushed = Math.max(maxFlushed, a); }
  }
  if (over) return `holds ${over} value${over === 1 ? '' : 's'} beyond float16's ±65504 (up to ${maxAbs.toPrecision(3)})`;
  if (maxFlushed > 0 && maxFlushed >= maxAbs * RELATIVE_FLOOR) {
    return `holds values down to ${minFlushed.toPrecision(3)} that float16 rounds to zero, against a largest magnitude of ${maxAbs.toPrecision(3)}`;
  }
  return undefined;
}

export interface RangeKeep {
  node: string;
  op: string;
  reason: string;
}

/**
 * Nodes that must compute in float32 because a constant they read (an initializer or a Constant node of
 * `scope` or an enclosing graph seen before) cannot be float16, with the Constant nodes themselves.
 */
export function rangeBlockedNodes(scopes: GraphScope[], problemOf: (t: TensorProto) => string | undefined, external?: ExternalDataSource): Map<NodeProto, RangeKeep> {
  const blocked = new Map<NodeProto, RangeKeep>();
  for (const scope of scopes) {
    const problems = new Map<string, string>();
    for (const t of scope.graph.initializer) {
      const why = t.name ? problemOf(t) : undefined;
      if (why) problems.set(t.name!, why);
    }
    for (const n of scope.graph.node) {
      // ConstantOfShape's fill value is a constant of its own.
      const fill = n.opType === 'ConstantOfShape' ? attr(n, 'value')?.t : undefined;
      const fillWhy = fill ? problemOf(fill) : undefined;
      if (fillWhy && n.output[0]) problems.set(n.output[0], `is filled with a value that ${fillWhy}`);
      if (!isConstantNode(n) || !n.output[0]) continue;
      const t = constantNodeTensor(n, external);
      const why = t ? problemOf(t) : undefined;
      if (why) problems.set(n.output[0], why);
    }
    if (!problems.size) continue;
    const du = new DefUse(scope);
    for (const [name, problem] of problems) {
      const reason = `reads '${name}', which ${problem}`;
      for (const { node } of du.readers(name)) if (!blocked.has(node)) blocked.set(node, { node: nodeId(node), op: node.opType ?? '', reason });
      // The Constant (or ConstantOfShape) itself; an initializer has no node.
      const c = du.producer(name);
      if (c) blocked.set(c, { node: nodeId(c), op: c.opType ?? '', reason: `its value ${problem}` });
    }
  }
  return blocked;
}
