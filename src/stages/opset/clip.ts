/**
 * Clip-11 took min and max from attributes to optional inputs of the input's element type (Changelog
 * Clip-11; Clip-12 and -13 only added integer types, Clip-6 only dropped consumed_inputs and gave the
 * absent bounds their ±FLT_MAX defaults, which is what an absent bound already meant).
 */
import { DataType } from '../../onnx/dtype.js';
import { makeNode } from '../nodes.js';
import { baseName, crosses, getAttr, refuse, trimInputs, withAttrs, type Converter } from './context.js';

const FLOATS: number[] = [DataType.FLOAT, DataType.FLOAT16, DataType.DOUBLE];

export const clip: Converter = (node, step, ctx) => {
  if (!crosses(step, 11)) return [node];
  const bounds = ['min', 'max'].map((k) => getAttr(node, k));
  const out = withAttrs(node, ['min', 'max']);
  if (!bounds.some(Boolean)) return [out];
  const type = ctx.elemType(node.input[0] ?? '');
  if (type !== undefined && !FLOATS.includes(type)) return refuse(node, `Clip before opset 11 takes float inputs, this one is type ${type}`);
  const extra: ReturnType<typeof makeNode>[] = [];
  const inputs = bounds.map((a, i) => {
    if (!a) return '';
    const key = i ? 'max' : 'min';
    if (type !== undefined) return ctx.constant(baseName(node, key), type, [a.f ?? 0], []);
    // The model does not state the input's type: from opset 15 CastLike gives the bound that type exactly
    // (a float bound cast to float16/double is what Clip-6 compared against too).
    const f = ctx.constant(baseName(node, `${key}_f32`), DataType.FLOAT, [a.f ?? 0], []);
    const like = ctx.fresh(baseName(node, key));
    extra.push(makeNode('CastLike', ctx.fresh(`${like}_castlike`), [f, node.input[0] ?? ''], [like]));
    return like;
  });
  if (type === undefined && ctx.target < 15) {
    return refuse(node, `the model does not state the input's element type, which Clip-11's min/max inputs must have (or upgrade to opset ≥ 15, where CastLike supplies it)`);
  }
  return [...extra, { ...out, input: trimInputs([node.input[0] ?? '', ...inputs]) }];
};
