/**
 * Pad-2 renamed `paddings` to `pads`; Pad-11 took pads (int64) and the constant value (the data's type)
 * from attributes to inputs (Changelog Pad-2, Pad-11). Pad-13 added types, Pad-18 an optional `axes`
 * input (absent: all axes, as before), Pad-19 the `wrap` mode, Pad-21+ types: no change of meaning.
 */
import { DataType } from '../../onnx/dtype.js';
import { makeNode } from '../nodes.js';
import { attrInts, baseName, crosses, getAttr, refuse, withAttrs, type Converter } from './context.js';

export const pad: Converter = (node, step, ctx) => {
  let n = node;
  if (crosses(step, 2)) {
    const paddings = getAttr(node, 'paddings');
    n = withAttrs(node, ['paddings'], paddings ? [{ ...paddings, name: 'pads' }] : []);
  }
  if (!crosses(step, 11)) return [n];
  const pads = attrInts(getAttr(n, 'pads'));
  if (!pads) return refuse(node, 'Pad without pads is not a valid node');
  const value = getAttr(n, 'value')?.f ?? 0;
  const inputs = [n.input[0] ?? '', ctx.int64(baseName(node, 'pads'), pads)];
  const extra = [];
  // A zero value is Pad-11's default: no input needed, and no type to know.
  if (value !== 0) {
    const type = ctx.elemType(node.input[0] ?? '');
    if (type !== undefined) inputs.push(ctx.constant(baseName(node, 'value'), type, [value], []));
    else if (ctx.target >= 15) {
      const f = ctx.constant(baseName(node, 'value_f32'), DataType.FLOAT, [value], []);
      const like = ctx.fresh(baseName(node, 'value'));
      extra.push(makeNode('CastLike', ctx.fresh(`${like}_castlike`), [f, node.input[0] ?? ''], [like]));
      inputs.push(like);
    } else return refuse(node, "the model does not state the data's element type, which Pad-11's constant_value input must have (or upgrade to opset ≥ 15)");
  }
  return [...extra, { ...withAttrs(n, ['pads', 'value']), input: inputs }];
};
