/**
 * Before static QDQ: hard-swish written out as x · Clip(x + 3, 0, 6) / 6 (PaddlePaddle's export, every
 * activation of PP-OCRv4 det and rec) becomes x · HardSigmoid(x; α = 1/6, β = 1/2), which static-qdq.ts
 * places as a table lookup on a fixed grid and one QLinearMul (static-gates.ts). Left as four ops, each
 * output gets its own calibrated range: x + 3, the product (six times x's range) and the quotient are
 * three rounding points where the gate form has none but the Mul's. Equal in float up to rounding.
 * PP-OCRv4 rec, 50 rendered lines for calibration, 12 held out, min-max, with the affine fold
 * (static-affine.ts), AMD EPYC AVX2 no VNNI: worst per-line cosine 0.882 → 0.895, mean 0.927 → 0.942.
 *
 * Matched when x + 3 is read by the Clip alone, the Clip by the Mul alone (whose other input is x), the
 * product by the Div (or a Mul by 1/6) alone, no intermediate is a graph output, and no node is excluded.
 */
import { attr, freshName } from '../../onnx/graph.js';
import type { ModelProto, NodeProto } from '../../onnx/types.js';
import type { ExternalDataSource } from '../../onnx/tensor.js';
import { floatAttr, makeNode, nodeId } from '../nodes.js';
import { dropValueInfo, isDefault, onlyReader, rewriteScope, scalarConstant } from './static-rewrite.js';

/** Rewrites every matched hard-swish of the main graph; returns how many. */
export function gateHardSwish(model: ModelProto, external: ExternalDataSource | undefined, exclude: readonly RegExp[]): number {
  const r = rewriteScope(model, external, exclude);
  if (!r) return 0;
  const { scope, du, names, excluded } = r;
  const scalar = (name: string | undefined) => scalarConstant(r, name)?.value;
  const only = (name: string, op: string): NodeProto | undefined => {
    const n = onlyReader(du, name);
    return n && n.opType === op && isDefault(n) && !excluded(n) ? n : undefined;
  };
  const replacements = new Map<NodeProto, NodeProto[]>();
  const stale = new Set<string>();
  for (const add of scope.graph.node) {
    if (add.opType !== 'Add' || !isDefault(add) || add.input.length !== 2 || excluded(add)) continue;
    const k = add.input.findIndex((i) => scalar(i) === 3);
    const x = add.input[1 - k];
    if (k < 0 || !x || x === add.input[k]) continue;
    const clip = only(add.output[0]!, 'Clip');
    if (!clip || clip.input[0] !== add.output[0]) continue;
    const lo = clip.input[1] ? scalar(clip.input[1]) : attr(clip, 'min')?.f;
    const hi = clip.input[2] ? scalar(clip.input[2]) : attr(clip, 'max')?.f;
    if (lo !== 0 || hi !== 6) continue;
    const mul = only(clip.output[0]!, 'Mul');
    if (!mul || !mul.input.includes(x) || mul.input.length !== 2) continue;
    const div = only(mul.output[0]!, 'Div') ?? only(mul.output[0]!, 'Mul');
    if (!div || div.input[0] !== mul.output[0]) continue;
    const d = scalar(div.input[1]);
    if (!(div.opType === 'Div' ? d === 6 : d !== undefined && Math.abs(d * 6 - 1) < 1e-6)) continue;
    const gate = freshName(names, `${x}_hardsigmoid`);
    replacements.set(add, [makeNode('HardSigmoid', nodeId(clip), [x], [gate], [floatAttr('alpha', Math.fround(1 / 6)), floatAttr('beta', 0.5)])]);
    replacements.set(div, [makeNode('Mul', nodeId(div), [x, gate], [div.output[0]!])]);
    for (const n of [clip, mul]) replacements.set(n, []);
    for (const n of [add, clip, mul]) stale.add(n.output[0]!);
  }
  if (!replacements.size) return 0;
  du.replace(replacements);
  dropValueInfo(scope, stale);
  return replacements.size / 4;
}
