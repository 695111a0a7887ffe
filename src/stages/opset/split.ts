/**
 * Split-2 took `split` from an optional input to an attribute; Split-13 moved it back to an optional
 * int64 input; Split-18 requires either that input or the new `num_outputs` attribute (an even split
 * into as many parts as outputs, which is what an absent `split` meant). Split-11 allowed negative axes.
 */
import { intAttr, intsAttr } from '../nodes.js';
import { baseName, crosses, getAttr, refuse, withAttrs, type Converter } from './context.js';

export const split: Converter = (node, step, ctx) => {
  let n = node;
  if (crosses(step, 2) && node.input[1]) {
    const sizes = ctx.constantValues(node.input[1]);
    if (!sizes) return refuse(node, 'Split-1 with a computed split input has no Split-2 form');
    n = { ...withAttrs(node, ['split'], [intsAttr('split', sizes)]), input: [node.input[0] ?? ''] };
  }
  if (crosses(step, 13)) {
    const sizes = getAttr(n, 'split')?.ints;
    n = { ...withAttrs(n, ['split']), input: sizes ? [n.input[0] ?? '', ctx.int64(baseName(node, 'split'), sizes)] : [n.input[0] ?? ''] };
  }
  if (crosses(step, 18) && !n.input[1]) n = withAttrs(n, ['num_outputs'], [intAttr('num_outputs', n.output.length)]);
  return [n];
};
