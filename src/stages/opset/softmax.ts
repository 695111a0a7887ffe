/**
 * Softmax, LogSoftmax and Hardmax before opset 13 coerce the input to 2-D at `axis` (default 1) and
 * normalise over everything from `axis` on; from 13 they normalise over the one axis `axis` (default
 * -1) (Changelog Softmax-13). The two agree when `axis` is the last axis; otherwise the old meaning is
 * rebuilt exactly: Flatten(axis) → op over axis 1 → Reshape back to Shape(input).
 */
import { intAttr, makeNode } from '../nodes.js';
import { attrInt, baseName, crosses, getAttr, withAttrs, type Converter } from './context.js';

export const coercedSoftmax: Converter = (node, step, ctx) => {
  if (!crosses(step, 13)) return [node];
  const axis = attrInt(getAttr(node, 'axis')) ?? 1;
  const x = node.input[0] ?? '';
  const rank = ctx.rank(x);
  if (rank !== undefined && rank > 0 && (axis === rank - 1 || axis === -1)) {
    return [withAttrs(node, ['axis'], [intAttr('axis', -1)])];
  }
  const y = node.output[0] ?? '';
  const flat = ctx.fresh(baseName(node, 'flat'));
  const normalised = ctx.fresh(baseName(node, '2d'));
  const shape = ctx.fresh(baseName(node, 'shape'));
  return [
    makeNode('Flatten', ctx.fresh(`${flat}_node`), [x], [flat], [intAttr('axis', axis)]),
    { ...withAttrs(node, ['axis'], [intAttr('axis', 1)]), input: [flat], output: [normalised] },
    makeNode('Shape', ctx.fresh(`${shape}_node`), [x], [shape]),
    makeNode('Reshape', ctx.fresh(`${y}_reshape`), [normalised, shape], [y]),
  ];
};
