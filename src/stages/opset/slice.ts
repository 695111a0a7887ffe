/**
 * Slice-10 took starts, ends and axes from attributes to int64 inputs and added steps (Changelog
 * Slice-10); Slice-11 allowed negative axes and Slice-13 added types. Slice-1's meaning (clamped ends,
 * axes defaulting to 0..len-1) is Slice-10's with steps of 1.
 */
import { attrInts, baseName, crosses, getAttr, refuse, withAttrs, type Converter } from './context.js';

export const slice: Converter = (node, step, ctx) => {
  if (!crosses(step, 10)) return [node];
  const starts = attrInts(getAttr(node, 'starts'));
  const ends = attrInts(getAttr(node, 'ends'));
  if (!starts || !ends) return refuse(node, 'Slice-1 without starts or ends is not a valid node');
  const axes = attrInts(getAttr(node, 'axes'));
  const inputs = [node.input[0] ?? '', ctx.int64(baseName(node, 'starts'), starts), ctx.int64(baseName(node, 'ends'), ends)];
  if (axes) inputs.push(ctx.int64(baseName(node, 'axes'), axes));
  return [{ ...withAttrs(node, ['starts', 'ends', 'axes']), input: inputs }];
};
