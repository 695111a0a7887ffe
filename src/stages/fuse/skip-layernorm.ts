/**
 * Residual Add + LayerNormalization → com.microsoft SkipLayerNormalization (onnxruntime's
 * fusion_skiplayernorm.py), with the preceding nn.Linear's bias folded into the op's `bias` input
 * (FusionBiasSkipLayerNormalization). When the sum is read elsewhere too (pre-LN blocks such as GPT-2's
 * carry it on as the next residual), SkipLayerNormalization's 4th output `input_skip_bias_sum` takes
 * its name. Both operands must be known to have the same 3-D shape (the kernel broadcasts only in
 * particular layouts; a bias-like or broadcast operand is not a residual): unknown shapes are left alone.
 */
import { attr } from '../../onnx/graph.js';
import { matchAll, type Pattern } from '../../graph/pattern.js';
import { sameDims } from '../../graph/shapes.js';
import type { AttributeProto, NodeProto } from '../../onnx/types.js';
import { makeNode } from '../nodes.js';
import { FuseContext, MS_DOMAIN } from './context.js';

const FUSION = 'SkipLayerNormalization';

const PATTERN: Pattern = {
  root: 'ln',
  nodes: {
    ln: { op: 'LayerNormalization', inputs: ['add', '$gamma', '_'] },
    add: { op: 'Add', inputs: ['$a', '$b'] },
  },
  values: { gamma: { constant: (t) => t.dims.length === 1 } },
  shared: ['add'],
};

/** `x` = Add(MatMul, 1-D constant bias) read only by `reader`: the MatMul output and the bias. */
function linearBias(ctx: FuseContext, x: string, reader: NodeProto): { input: string; bias: string; add: NodeProto } | undefined {
  const add = ctx.du.producer(x);
  if (!add || add.opType !== 'Add' || (add.domain ?? '') !== '' || add.input.length !== 2) return undefined;
  if (ctx.du.usedOutside(x, new Set([reader]))) return undefined;
  for (const [k, other] of [[0, 1], [1, 0]] as const) {
    const bias = ctx.tensor(add.input[k]!);
    if (!bias || bias.dims.length !== 1 || ctx.du.producer(add.input[other]!)?.opType !== 'MatMul') continue;
    if (!sameDims(ctx.dims(add.input[other]!), ctx.dims(x))) continue;
    return { input: add.input[other]!, bias: add.input[k]!, add };
  }
  return undefined;
}

export function fuseSkipLayerNorm(ctx: FuseContext): void {
  for (const m of matchAll(ctx.du, PATTERN)) {
    const ln = m.node('ln');
    const add = m.node('add');
    const a = m.value('a');
    const b = m.value('b');
    const da = ctx.dims(a);
    const hidden = ctx.tensor(m.value('gamma'))!.dims[0];
    const axis = Number(attr(ln, 'axis')?.i ?? -1n);
    if (ln.output.slice(1).some((o) => o)) { ctx.skip(FUSION, ln, 'LayerNormalization\'s mean / inv_std_var outputs are read'); continue; }
    if (!da || !sameDims(da, ctx.dims(b)) || da.length !== 3) {
      ctx.skip(FUSION, ln, 'the residual Add\'s operands are not known to have the same 3-D shape');
      continue;
    }
    if (axis !== -1 && axis !== 2) { ctx.skip(FUSION, ln, `LayerNormalization over axis ${axis}, not the last`); continue; }
    if (da[2] !== hidden) { ctx.skip(FUSION, ln, `gamma has ${hidden} elements, the hidden size is ${String(da[2])}`); continue; }
    const stash = attr(ln, 'stash_type');
    if (stash && Number(stash.i ?? 1n) !== 1) { ctx.skip(FUSION, ln, 'stash_type is not float'); continue; }
    // Fold a Linear's bias on either side (input 0 is the one with the bias, as onnxruntime writes it).
    const biasA = linearBias(ctx, a, add);
    const biasB = biasA ? undefined : linearBias(ctx, b, add);
    const folded = biasA ?? biasB;
    const [input, skip] = biasA ? [biasA.input, b] : biasB ? [biasB.input, a] : [a, b];
    const sumRead = ctx.du.usedOutside(add.output[0]!, new Set([ln]));
    const inputs = [input, skip, ln.input[1]!, ln.input[2] ?? '', ...(folded ? [folded.bias] : [])];
    while (inputs[inputs.length - 1] === '') inputs.pop();
    const outputs = [ln.output[0]!, ...(sumRead ? ['', '', add.output[0]!] : [])];
    const eps = attr(ln, 'epsilon');
    const attrs: AttributeProto[] = eps ? [eps] : [];
    const fused = makeNode('SkipLayerNormalization', ctx.fresh(`${ln.name || ln.output[0]}_SkipLayerNorm`), inputs, outputs, attrs, MS_DOMAIN);
    // The sum may be read before the LayerNormalization: put the fused node where the Add stood.
    ctx.du.insert([fused], add);
    ctx.du.remove([ln, add, ...(folded ? [folded.add] : [])]);
    ctx.count('SkipLayerNormalization');
  }
}
