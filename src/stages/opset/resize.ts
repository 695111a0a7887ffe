/**
 * Upsample and Resize.
 * - Upsample-7 took `scales` as an attribute (Upsample-1's height_scale/width_scale were NCHW-only),
 *   Upsample-9 as a float input; Upsample was removed at opset 10 in favour of Resize-10, which has the
 *   same inputs and meaning (onnxruntime runs both with one kernel: output = floor(input × scale)).
 * - Resize-11 added roi, sizes and the coordinate-transformation and nearest-rounding attributes, whose
 *   defaults (half_pixel, round_prefer_floor) are not Resize-10's: onnxruntime runs opset < 11 as
 *   `asymmetric` with its "simple" rounding (core/providers/cpu/tensor/upsamplebase.h: truncate when
 *   upsampling, ceil when downsampling, per axis). That is `floor` when no axis shrinks and `ceil` when
 *   none grows; with constant scales we pick the one that matches, otherwise (nearest only) we refuse.
 * - Resize-13 made roi and scales optional and dropped `tf_half_pixel_for_nn` (refused: no mode of
 *   Resize-13 computes it); Resize-18 and -19 added attributes whose defaults keep the meaning.
 */
import { DataType } from '../../onnx/dtype.js';
import { attrString, baseName, crosses, floatsAttr, getAttr, refuse, stringAttr, trimInputs, withAttrs, type Converter, type ConvertContext, type Step } from './context.js';
import type { NodeProto } from '../../onnx/types.js';

const refusal = (node: NodeProto, why: string) => refuse(node, why) as { refuse: string };
import { OP_VERSIONS } from './op-versions.js';

/** The op version of `op` a model importing opset `opset` uses. */
function versionAt(op: string, opset: number): number {
  return Math.max(...(OP_VERSIONS[op]?.versions ?? [1]).filter((v) => v <= opset));
}

export const upsample: Converter = (node, step, ctx) => {
  let n = node;
  if (crosses(step, 7)) {
    const h = getAttr(node, 'height_scale')?.f;
    const w = getAttr(node, 'width_scale')?.f;
    if (h === undefined || w === undefined) return refuse(node, 'Upsample-1 needs height_scale and width_scale');
    n = withAttrs(node, ['height_scale', 'width_scale'], [floatsAttr('scales', [1, 1, h, w])]);
    if (attrString(getAttr(node, 'mode')) === 'bilinear') n = withAttrs(n, ['mode'], [stringAttr('mode', 'linear')]);
  }
  if (crosses(step, 9)) {
    const scales = getAttr(n, 'scales')?.floats;
    if (!scales) return refuse(node, 'Upsample-7 without scales is not a valid node');
    n = { ...withAttrs(n, ['scales']), input: [n.input[0] ?? '', ctx.constant(baseName(node, 'scales'), DataType.FLOAT, scales)] };
  }
  if (step.to < 10) return [n];
  // Removed at opset 10: the same node as Resize-10, then Resize's own steps.
  return resizeFrom({ ...n, opType: 'Resize' }, { from: 10, to: versionAt('Resize', ctx.target) }, ctx, true);
};

function resize10to11(node: NodeProto, ctx: ConvertContext, to: number, upsampleOnly: boolean): NodeProto | { refuse: string } {
  const mode = attrString(getAttr(node, 'mode')) ?? 'nearest';
  const attrs = [stringAttr('coordinate_transformation_mode', 'asymmetric')];
  // Upsample's scales are ≥ 1 (Upsample-7/-9: "greater than or equal to 1"; onnxruntime enforces it):
  // no axis shrinks, so its rounding is always floor, whatever the scales are.
  if (mode === 'nearest' && upsampleOnly) attrs.push(stringAttr('nearest_mode', 'floor'));
  else if (mode === 'nearest') {
    const scales = ctx.constantValues(node.input[1]);
    if (!scales) return refusal(node, "nearest Resize-10 rounds up when an axis shrinks and down when it grows; its scales are not a constant, so no single nearest_mode of Resize-11 matches");
    const grows = scales.some((s) => s > 1);
    const shrinks = scales.some((s) => s < 1);
    if (grows && shrinks) return refusal(node, 'nearest Resize-10 with scales that both grow and shrink axes rounds differently per axis; Resize-11 has one nearest_mode');
    attrs.push(stringAttr('nearest_mode', shrinks ? 'ceil' : 'floor'));
  }
  // Resize-11 requires roi (unused outside tf_crop_and_resize): an empty tensor; from 13 it may be absent.
  const roi = to >= 13 ? '' : ctx.constant(baseName(node, 'roi'), DataType.FLOAT, []);
  return { ...withAttrs(node, ['coordinate_transformation_mode', 'nearest_mode'], attrs), input: [node.input[0] ?? '', roi, node.input[1] ?? ''] };
}

/**
 * tf_half_pixel_for_nn (removed at 13) rounds y = (x + 0.5) / scale; half_pixel rounds y − 0.5. For
 * nearest: floor(y) = round_prefer_ceil(y − 0.5) and round_prefer_floor(y) = ceil(y − 0.5), exactly
 * (y − 0.5 is exact in float for the coordinates an image has); the other two roundings have no twin.
 */
const TF_NN_TWIN: Record<string, string> = { floor: 'round_prefer_ceil', round_prefer_floor: 'ceil' };

function resizeFrom(node: NodeProto, step: Step, ctx: ConvertContext, upsampleOnly: boolean) {
  let n = node;
  if (crosses(step, 11)) {
    const r = resize10to11(node, ctx, step.to, upsampleOnly);
    if ('refuse' in r) return r;
    n = r;
  }
  if (crosses(step, 13) && attrString(getAttr(n, 'coordinate_transformation_mode')) === 'tf_half_pixel_for_nn') {
    const mode = attrString(getAttr(n, 'mode')) ?? 'nearest';
    const rounding = attrString(getAttr(n, 'nearest_mode')) ?? 'round_prefer_floor';
    const twin = TF_NN_TWIN[rounding];
    if (mode !== 'nearest' || !twin) return refuse(node, `coordinate_transformation_mode tf_half_pixel_for_nn (removed at opset 13) with ${mode === 'nearest' ? `nearest_mode ${rounding}` : `mode ${mode}`} has no equal in Resize-13`);
    n = withAttrs(n, ['coordinate_transformation_mode', 'nearest_mode'], [stringAttr('coordinate_transformation_mode', 'half_pixel'), stringAttr('nearest_mode', twin)]);
  }
  if (step.to >= 13) n = { ...n, input: trimInputs(n.input) };
  return [n];
}

export const resize: Converter = (node, step: Step, ctx) => resizeFrom(node, step, ctx, false);
