/**
 * GELU in its exported forms → com.microsoft Gelu / BiasGelu (erf form) and FastGelu (tanh form), after
 * onnxruntime's fusion_gelu.py and fusion_fastgelu.py, as declarative patterns:
 *   erf:  0.5 · x · (1 + erf(x / √2))                       (torch nn.GELU, BERT)
 *   tanh: 0.5 · x · (1 + tanh(√(2/π) · (x + 0.044715 · x³)))  (GPT-2's gelu_new, nn.GELU('tanh'))
 * with each product's three groupings, x/√2 or x·(1/√2), x³ as Pow or two Muls. When x is a bias Add
 * after a MatMul (nn.Linear), the bias moves into the fused op (BiasGelu; FastGelu's bias input), as
 * onnxruntime's BiasGelu fusion does. The constants must be the formula's (float32-rounded).
 */
import { matchAll, type NodeSpec, type Pattern, type ValueSpec } from '../../graph/pattern.js';
import type { NodeProto } from '../../onnx/types.js';
import { makeNode } from '../nodes.js';
import { FuseContext, MS_DOMAIN, near } from './context.js';

const SQRT2 = Math.SQRT2;
const SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);

/** A one-element constant; its value is checked after the match (constantsOk) with a tolerance. */
const SCALAR: ValueSpec = { constant: (t) => t.dims.every((d) => d === 1) };

/** The three groupings of 0.5 · x · inner, as pattern nodes around `inner` (the `1 + erf/tanh` node). */
const OUTER: Record<string, NodeSpec>[] = [
  { root: { op: 'Mul', inputs: ['mx', '$half'] }, mx: { op: 'Mul', inputs: ['$x', 'inner'] } },
  { root: { op: 'Mul', inputs: ['mh', 'inner'] }, mh: { op: 'Mul', inputs: ['$x', '$half'] } },
  { root: { op: 'Mul', inputs: ['$x', 'mi'] }, mi: { op: 'Mul', inputs: ['inner', '$half'] } },
];

const ERF_CORE: Record<string, NodeSpec>[] = [
  { inner: { op: 'Add', inputs: ['erf', '$one'] }, erf: { op: 'Erf', inputs: ['div'] }, div: { op: 'Div', inputs: ['$x', '$sqrt2'] } },
  { inner: { op: 'Add', inputs: ['erf', '$one'] }, erf: { op: 'Erf', inputs: ['div'] }, div: { op: 'Mul', inputs: ['$x', '$invsqrt2'] } },
];

const CUBES: Record<string, NodeSpec>[] = [
  { pow: { op: 'Pow', inputs: ['$x', '$three'] }, cube: { op: 'Mul', inputs: ['pow', '$k'] } },
  { sq: { op: 'Mul', inputs: ['$x', '$x'] }, pow: { op: 'Mul', inputs: ['sq', '$x'] }, cube: { op: 'Mul', inputs: ['pow', '$k'] } },
];
const TANH_CORE: Record<string, NodeSpec>[] = CUBES.map((cube) => ({
  ...cube,
  sum: { op: 'Add', inputs: ['$x', 'cube'] },
  scaled: { op: 'Mul', inputs: ['sum', '$c'] },
  tanh: { op: 'Tanh', inputs: ['scaled'] },
  inner: { op: 'Add', inputs: ['tanh', '$one'] },
}));

const CONSTANTS: Record<string, number> = {
  half: 0.5, one: 1, sqrt2: SQRT2, invsqrt2: 1 / SQRT2, three: 3, k: 0.044715, c: SQRT_2_OVER_PI,
};

function patterns(cores: Record<string, NodeSpec>[]): Pattern[] {
  const out: Pattern[] = [];
  for (const core of cores) {
    for (const outer of OUTER) {
      const nodes = { ...core, ...outer };
      const values: Pattern['values'] = {};
      for (const spec of Object.values(nodes)) {
        for (const ref of spec.inputs) {
          const key = ref.slice(1);
          if (ref.startsWith('$') && key in CONSTANTS) values[key] = SCALAR;
        }
      }
      out.push({ root: 'root', nodes, values });
    }
  }
  return out;
}

const ERF_PATTERNS = patterns(ERF_CORE);
const TANH_PATTERNS = patterns(TANH_CORE);

/** x = Add(MatMul(...), bias) with a 1-D constant bias read only by the GELU: the parts, else undefined. */
function biasOf(ctx: FuseContext, x: string, gelu: ReadonlySet<NodeProto>): { input: string; bias: string; add: NodeProto } | undefined {
  const add = ctx.du.producer(x);
  if (!add || add.opType !== 'Add' || (add.domain ?? '') !== '' || add.input.length !== 2) return undefined;
  if (ctx.du.usedOutside(x, gelu)) return undefined;
  for (const [k, other] of [[0, 1], [1, 0]] as const) {
    const bias = ctx.tensor(add.input[k]!);
    const mm = ctx.du.producer(add.input[other]!);
    if (!bias || bias.dims.length !== 1 || mm?.opType !== 'MatMul') continue;
    const d = ctx.dims(add.input[other]!);
    if (d?.[d.length - 1] !== bias.dims[0]) continue; // a bias over the last axis only
    return { input: add.input[other]!, bias: add.input[k]!, add };
  }
  return undefined;
}

function constantsOk(ctx: FuseContext, values: Map<string, string>): boolean {
  for (const [key, name] of values) {
    const want = CONSTANTS[key];
    if (want !== undefined && !near(ctx.scalar(name), want, 1e-4)) return false;
  }
  return true;
}

function fuseForm(ctx: FuseContext, form: 'erf' | 'tanh'): void {
  for (const pattern of form === 'erf' ? ERF_PATTERNS : TANH_PATTERNS) {
    for (const m of matchAll(ctx.du, pattern)) {
      const root = m.node('root');
      if (!ctx.du.graph.node.includes(root)) continue; // consumed by an earlier variant
      if (!constantsOk(ctx, m.values)) {
        ctx.skip(form === 'erf' ? 'Gelu' : 'FastGelu', root, 'GELU-shaped subgraph whose constants are not the formula\'s');
        continue;
      }
      const x = m.value('x');
      const bias = biasOf(ctx, x, new Set(m.nodes.values()));
      const out = root.output[0]!;
      const name = ctx.fresh(`${root.name || out}_${form === 'erf' ? 'Gelu' : 'FastGelu'}`);
      let node: NodeProto;
      if (form === 'erf') {
        node = bias
          ? makeNode('BiasGelu', name, [bias.input, bias.bias], [out], [], MS_DOMAIN)
          : makeNode('Gelu', name, [x], [out], [], MS_DOMAIN);
      } else {
        node = makeNode('FastGelu', name, bias ? [bias.input, bias.bias] : [x], [out], [], MS_DOMAIN);
      }
      ctx.replace(m, root, [node]);
      if (bias) ctx.du.remove([bias.add]);
      ctx.count(node.opType!);
    }
  }
}

export function fuseGelu(ctx: FuseContext): void {
  fuseForm(ctx, 'erf');
  fuseForm(ctx, 'tanh');
}
