/**
 * Changes below opset 7 and a few later renames, each exact:
 * - opset 6 dropped `consumed_inputs` from ~30 ops (a hint for in-place buffers, no meaning);
 * - opset 7 replaced the `broadcast`/`axis` attributes of the arithmetic and comparison ops by numpy
 *   broadcasting: broadcast=0 (same shapes) and broadcast=1 without axis (B matches A's trailing
 *   dims) mean the same under numpy rules; broadcast=1 with an axis is rebuilt by reshaping a constant
 *   B with trailing 1s (a computed B is refused);
 * - Gemm-7 dropped `broadcast` (C broadcasts unidirectionally, as broadcast=1 did; broadcast=0 required
 *   C of the output's shape, which broadcasts trivially);
 * - Concat-4 made `axis` required (it defaulted to 1); Cast-6 took `to` from a type name to a code;
 *   Selu-6 changed the defaults of alpha and gamma (the old ones are written out);
 *   RNN/GRU/LSTM-7 dropped output_sequence (Y is output when the node names it).
 * - RoiAlign-16 added coordinate_transformation_mode, default half_pixel; RoiAlign-10 computed
 *   output_half_pixel, written out. GridSample-20 renamed modes bilinear/bicubic to linear/cubic.
 *   DFT-20 took `axis` (default 1) from an attribute to an input. Scatter (removed at 11) is
 *   ScatterElements-11 under another name.
 */
import { DataType } from '../../onnx/dtype.js';
import type { NodeProto } from '../../onnx/types.js';
import { intAttr, makeNode } from '../nodes.js';
import { attrInt, attrString, baseName, crosses, floatAttr, getAttr, refuse, stringAttr, withAttrs, type Converter } from './context.js';

export const dropConsumedInputs = (node: NodeProto): NodeProto => (getAttr(node, 'consumed_inputs') ? withAttrs(node, ['consumed_inputs']) : node);

export const legacyBroadcast: Converter = (node, step, ctx) => {
  if (!crosses(step, 7)) return [node];
  const broadcast = getAttr(node, 'broadcast')?.i ?? 0n;
  const axis = attrInt(getAttr(node, 'axis'));
  const plain = withAttrs(node, ['broadcast', 'axis']);
  if (broadcast === 0n || axis === undefined) return [plain];
  const [a, b] = [node.input[0] ?? '', node.input[1] ?? ''];
  const rankA = ctx.rank(a);
  const dimsB = ctx.constantDims(b);
  if (rankA === undefined || !dimsB) return refuse(node, 'broadcast=1 with an axis needs the rank of A and a constant B to rewrite as numpy broadcasting');
  const start = axis < 0 ? axis + rankA : axis;
  const trailing = rankA - start - dimsB.length;
  if (trailing < 0) return refuse(node, `B of rank ${dimsB.length} does not fit at axis ${axis} of A of rank ${rankA}`);
  if (trailing === 0) return [plain];
  const reshaped = ctx.fresh(baseName(node, 'B_aligned'));
  const shape = ctx.int64(baseName(node, 'B_shape'), [...dimsB, ...Array<number>(trailing).fill(1)]);
  return [makeNode('Reshape', ctx.fresh(`${reshaped}_node`), [b, shape], [reshaped]), { ...plain, input: [a, reshaped] }];
};

export const gemm: Converter = (node, step) => [crosses(step, 7) ? withAttrs(node, ['broadcast']) : node];

export const concat: Converter = (node, step) => [crosses(step, 4) && !getAttr(node, 'axis') ? withAttrs(node, [], [intAttr('axis', 1)]) : node];

/** TensorProto.DataType codes by the names Cast-1 took (onnx.proto's enum names). */
const TYPE_CODES: Record<string, number> = Object.fromEntries(Object.entries(DataType).map(([k, v]) => [k, v]));

export const cast: Converter = (node, step) => {
  const to = getAttr(node, 'to');
  if (!crosses(step, 6) || !to || to.i !== undefined) return [node];
  const code = TYPE_CODES[(attrString(to) ?? '').toUpperCase()];
  if (code === undefined) return refuse(node, `unknown type name '${attrString(to)}' in Cast-1's 'to'`);
  return [withAttrs(node, ['to'], [intAttr('to', code)])];
};

export const selu: Converter = (node, step) => {
  if (!crosses(step, 6)) return [node];
  const add = [];
  if (!getAttr(node, 'alpha')) add.push(floatAttr('alpha', 1.6732));
  if (!getAttr(node, 'gamma')) add.push(floatAttr('gamma', 1.0507));
  return [withAttrs(node, [], add)];
};

export const recurrent: Converter = (node, step) => [crosses(step, 7) ? withAttrs(node, ['output_sequence']) : node];

export const roiAlign: Converter = (node, step) =>
  [crosses(step, 16) && !getAttr(node, 'coordinate_transformation_mode') ? withAttrs(node, [], [stringAttr('coordinate_transformation_mode', 'output_half_pixel')]) : node];

export const gridSample: Converter = (node, step) => {
  const mode = attrString(getAttr(node, 'mode'));
  const renamed = mode === 'bilinear' ? 'linear' : mode === 'bicubic' ? 'cubic' : undefined;
  return [crosses(step, 20) && renamed ? withAttrs(node, ['mode'], [stringAttr('mode', renamed)]) : node];
};

export const dft: Converter = (node, step, ctx) => {
  if (!crosses(step, 20)) return [node];
  const axis = attrInt(getAttr(node, 'axis')) ?? 1;
  const inputs = [node.input[0] ?? '', node.input[1] ?? '', ctx.int64(baseName(node, 'axis'), [axis], [])];
  return [{ ...withAttrs(node, ['axis']), input: inputs }];
};

export const scatter: Converter = (node, step) => [step.to >= 11 ? { ...node, opType: 'ScatterElements' } : node];

export const refuseAcross = (at: number, why: string): Converter => (node, step) => (crosses(step, at) ? refuse(node, why) : [node]);
