/** Attribute reading and building the fusions share. */
import { attr } from '../../onnx/graph.js';
import type { NodeProto } from '../../onnx/types.js';

export { floatAttr } from '../nodes.js';

/** Whether a Transpose's perm is `perm` (an absent perm reverses the axes). */
export function permIs(n: NodeProto, perm: number[]): boolean {
  const p = attr(n, 'perm')?.ints;
  if (!p || p.length === 0) return perm.every((v, i) => v === perm.length - 1 - i);
  return p.length === perm.length && p.every((v, i) => Number(v) === perm[i]);
}
