/**
 * BatchNormalization and Dropout, whose training-time forms changed.
 * - BatchNormalization-6 dropped consumed_inputs; -7 dropped is_test (inference is all a runtime does:
 *   is_test=0, batch statistics, is refused); -9 dropped `spatial` (spatial=0, per-activation statistics,
 *   is refused); -14 replaced the four training outputs (mean, var, saved_mean, saved_var) by
 *   running_mean/running_var, allowed only with training_mode=1, which a node with those outputs then
 *   gets (read saved_* outputs are refused). -15 only added types.
 * - Dropout-7 dropped is_test (is_test=0 is random dropping: refused); -10 made the mask bool (a read
 *   mask is refused, an unread one dropped); -12 took `ratio` to an optional input (and added
 *   training_mode, default false: the output is the input, as in every inference run before).
 */
import { DataType } from '../../onnx/dtype.js';
import type { NodeProto } from '../../onnx/types.js';
import { intAttr } from '../nodes.js';
import { baseName, crosses, getAttr, refuse, withAttrs, type ConvertContext, type Converter } from './context.js';

/** `node` with outputs from `first` on removed, or undefined when one of them is read. */
function dropOutputs(node: NodeProto, first: number, ctx: ConvertContext): NodeProto | undefined {
  if (node.output.slice(first).some((o) => ctx.isRead(o))) return undefined;
  return { ...node, output: node.output.slice(0, first) };
}

export const batchNormalization: Converter = (node, step, ctx) => {
  let n = node;
  if (crosses(step, 7)) {
    if (getAttr(node, 'is_test')?.i !== 1n) return refuse(node, 'is_test=0 normalises with batch statistics (training), which later versions express only with training_mode');
    n = withAttrs(n, ['is_test']);
  }
  if (crosses(step, 9)) {
    const spatial = getAttr(n, 'spatial')?.i;
    if (spatial !== undefined && spatial !== 1n) return refuse(node, 'spatial=0 (statistics per activation, not per channel) has no form from opset 9 on');
    n = withAttrs(n, ['spatial']);
  }
  if (crosses(step, 14) && n.output.length > 1) {
    // Before 14 the number of outputs chose the mode: Y with the statistics is training (Y normalised
    // with the batch's statistics, as onnxruntime computes it; dropping the outputs would change Y).
    // BatchNormalization-14 says so with training_mode = 1, running_mean/running_var being the old
    // mean/var outputs, and has no saved_mean / saved_var.
    const kept = dropOutputs(n, 3, ctx);
    if (!kept) return refuse(node, 'its saved_mean / saved_var outputs are read; BatchNormalization-14 has none');
    n = { ...kept, attribute: [...kept.attribute.filter((a) => a.name !== 'training_mode'), intAttr('training_mode', 1)] };
  }
  return [n];
};

export const dropout: Converter = (node, step, ctx) => {
  let n = node;
  if (crosses(step, 7)) {
    if (getAttr(node, 'is_test')?.i !== 1n) return refuse(node, 'is_test=0 drops values at random (training); only the inference form has a later version that means the same');
    n = withAttrs(n, ['is_test']);
  }
  if (crosses(step, 10) && n.output.length > 1) {
    const kept = dropOutputs(n, 1, ctx);
    if (!kept) return refuse(node, 'its mask output is read; the mask is the input type before opset 10 and bool after');
    n = kept;
  }
  if (crosses(step, 12)) {
    const ratio = getAttr(n, 'ratio');
    n = withAttrs(n, ['ratio']);
    // The ratio is unused in inference, but kept so that the node says what it said (float: Dropout-12's T1).
    if (ratio?.f !== undefined) n = { ...n, input: [n.input[0] ?? '', ctx.constant(baseName(node, 'ratio'), DataType.FLOAT, [ratio.f], [])] };
  }
  return [n];
};
