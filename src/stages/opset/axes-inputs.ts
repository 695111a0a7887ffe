/**
 * Ops whose `axes` attribute became an optional int64 input: Squeeze and Unsqueeze at 13 (Unsqueeze's
 * is required), ReduceSum at 13, the other Reduce ops at 18 (Changelog Squeeze-13, Unsqueeze-13,
 * ReduceSum-13, ReduceMean-18 …). An absent attribute stays an absent input: Squeeze then drops every
 * size-1 axis and a Reduce op reduces all axes (noop_with_empty_axes defaults to 0), as before.
 */
import { attrInts, baseName, crosses, getAttr, refuse, withAttrs, type Converter } from './context.js';

export const axesToInput = (at: number): Converter => (node, step, ctx) => {
  if (!crosses(step, at)) return [node];
  const axes = attrInts(getAttr(node, 'axes'));
  if (!axes) {
    if (node.opType === 'Unsqueeze') return refuse(node, 'Unsqueeze without axes is not a valid node');
    return [node];
  }
  return [{ ...withAttrs(node, ['axes']), input: [node.input[0] ?? '', ctx.int64(baseName(node, 'axes'), axes)] }];
};

/** TopK-10 took k from an attribute to a 1-element int64 input (TopK-11 added largest/sorted, default as before). */
export const topk: Converter = (node, step, ctx) => {
  if (!crosses(step, 10)) return [node];
  const k = getAttr(node, 'k')?.i;
  if (k === undefined) return refuse(node, 'TopK-1 without k is not a valid node');
  return [{ ...withAttrs(node, ['k']), input: [node.input[0] ?? '', ctx.int64(baseName(node, 'k'), [k])] }];
};

/** Reshape-5 took `shape` from an attribute to an int64 input (Reshape-14's allowzero defaults to 0: as before). */
export const reshape: Converter = (node, step, ctx) => {
  if (!crosses(step, 5)) return [node];
  const shape = attrInts(getAttr(node, 'shape'));
  if (!shape) return refuse(node, 'Reshape-1 without shape is not a valid node');
  return [{ ...withAttrs(node, ['shape', 'consumed_inputs']), input: [node.input[0] ?? '', ctx.int64(baseName(node, 'shape'), shape)] }];
};
