/**
 * LayerNorm spelled out (torch.onnx before opset 17: ReduceMean, Sub, Pow 2, ReduceMean, Add ε, Sqrt,
 * Div, Mul γ, Add β) → one LayerNormalization, as onnxruntime's fusion_layernorm.py does. Below opset 17
 * it is written in the default domain all the same: onnxruntime registers its LayerNormalization kernel
 * there from version 1 (the op its own optimizer emits), and the SkipLayerNormalization fusion then
 * sees one form.
 */
import { attr } from '../../onnx/graph.js';
import { matchAll, type Pattern } from '../../graph/pattern.js';
import { intAttr, makeNode } from '../nodes.js';
import { floatAttr } from './attrs.js';
import { FuseContext, near } from './context.js';

const oneElement = { constant: (t: { dims: number[] }) => t.dims.every((d) => d === 1) };

const PATTERN: Pattern = {
  root: 'shift',
  nodes: {
    shift: { op: 'Add', inputs: ['scaleMul', '$beta'] },
    scaleMul: { op: 'Mul', inputs: ['norm', '$gamma'] },
    norm: { op: 'Div', inputs: ['centered', 'std'] },
    std: { op: 'Sqrt', inputs: ['varEps'] },
    varEps: { op: 'Add', inputs: ['variance', '$eps'] },
    variance: { op: 'ReduceMean', inputs: ['square'], extraInputs: true },
    square: { op: 'Pow', inputs: ['centered', '$two'] },
    centered: { op: 'Sub', inputs: ['$x', 'mean'] },
    mean: { op: 'ReduceMean', inputs: ['$x'], extraInputs: true },
  },
  values: {
    beta: { constant: (t) => t.dims.length === 1 },
    gamma: { constant: (t) => t.dims.length === 1 },
    eps: oneElement,
    two: oneElement,
  },
};

export function fuseLayerNorm(ctx: FuseContext): void {
  for (const m of matchAll(ctx.du, PATTERN)) {
    const root = m.node('shift');
    const x = m.value('x');
    const d = ctx.dims(x);
    const lastAxis = (n: ReturnType<typeof m.node>) => {
      const axes = n.input[1] ? ctx.ints(n.input[1]) : attr(n, 'axes')?.ints.map(Number);
      const keep = Number(attr(n, 'keepdims')?.i ?? 1n) === 1;
      return keep && axes?.length === 1 && (axes[0] === -1 || (d !== undefined && axes[0] === d.length - 1));
    };
    if (!lastAxis(m.node('mean')) || !lastAxis(m.node('variance'))) { ctx.skip('LayerNormalization', root, 'the means are not over the last axis alone'); continue; }
    if (!near(ctx.scalar(m.value('two')), 2, 0)) { ctx.skip('LayerNormalization', root, 'the variance is not a square'); continue; }
    const eps = ctx.scalar(m.value('eps'));
    const gamma = ctx.tensor(m.value('gamma'))!;
    if (eps === undefined || !(eps > 0)) { ctx.skip('LayerNormalization', root, 'epsilon is not a positive constant'); continue; }
    if (d && typeof d[d.length - 1] === 'number' && d[d.length - 1] !== gamma.dims[0]) { ctx.skip('LayerNormalization', root, 'gamma does not span the last axis'); continue; }
    const ln = makeNode('LayerNormalization', ctx.fresh(`${root.name || root.output[0]}_LayerNorm`), [x, m.value('gamma'), m.value('beta')],
      [root.output[0]!], [floatAttr('epsilon', eps), intAttr('axis', -1)]);
    ctx.replace(m, root, [ln]);
    ctx.shapes.set(root.output[0]!, d);
    ctx.count('LayerNormalization');
  }
}
