/**
 * Moves a model's default-domain (ai.onnx) opset import up to `target`, rewriting every node whose op
 * changed signature or meaning on the way (rules.ts) in every graph: the main graph, If/Loop/Scan
 * bodies and training graphs. Constants a rewrite needs (axes, pads, min/max, k, scales) become
 * initializers of the graph the node lives in. An op it cannot convert exactly is refused, and then the
 * model is left untouched: every node is converted first, and only when all converted is anything written.
 */
import { OnnxFormatError, UsageError } from '../../onnx/errors.js';
import { forEachGraph, type GraphScope } from '../../onnx/graph.js';
import type { ModelProto, NodeProto } from '../../onnx/types.js';
import { defaultOpset, setDefaultOpset } from '../quant/opset.js';
import { ConvertContext } from './context.js';
import { modelFacts } from './facts.js';
import { dropConsumedInputs } from './legacy.js';
import { LATEST_ORT_OPSET, MAX_OPSET, NO_ORT_KERNEL, OP_VERSIONS } from './op-versions.js';
import { RULES } from './rules.js';

export { LATEST_ORT_OPSET, MAX_OPSET };

/** The IR version each opset first came with (onnx.helper.VERSION_TABLE): the least a model of it must declare. */
const IR_FOR_OPSET: [opset: number, ir: number][] = [[9, 4], [10, 5], [11, 6], [12, 7], [15, 8], [19, 9], [21, 10], [23, 11], [24, 12], [25, 13]];

export interface OpsetUpgradeDetails {
  from: number;
  to: number;
  irVersion: { from: number; to: number };
  /** Default-domain nodes in all graphs. */
  nodes: number;
  /** Nodes rewritten, per op type (ops that only changed version number are not counted). */
  rewritten: Record<string, number>;
  /** Initializers added for values that moved from attributes to inputs. */
  constantsAdded: number;
  /** Nodes added beside rewritten ones (Flatten/Shape/Reshape for Softmax, CastLike, …). */
  nodesAdded: number;
}

/** One line listing what could not be converted (the model is then unchanged). */
export class OpsetUpgradeError extends OnnxFormatError {
  override name = 'OpsetUpgradeError';
  constructor(readonly from: number, readonly to: number, readonly refusals: string[]) {
    const shown = refusals.slice(0, 3).join('; ');
    super(`cannot upgrade the default-domain opset ${from} → ${to}: ${shown}${refusals.length > 3 ? `; and ${refusals.length - 3} more` : ''}`);
  }
}

const isDefaultDomain = (d: string | undefined) => d === undefined || d === '' || d === 'ai.onnx';

/** The version of `op` a model importing opset `opset` uses (undefined: the op did not exist yet). */
export function opVersionAt(op: string, opset: number): number | undefined {
  const vs = OP_VERSIONS[op]?.versions.filter((v) => v <= opset);
  return vs?.length ? vs[vs.length - 1] : undefined;
}

function convertNode(node: NodeProto, from: number, target: number, ctx: ConvertContext): NodeProto[] | string {
  const op = node.opType ?? '';
  const info = OP_VERSIONS[op];
  if (!info) return `${op} '${node.name || node.output[0]}': not an op of the ONNX default domain at any opset ≤ ${MAX_OPSET} (an experimental op since removed?)`;
  const vFrom = opVersionAt(op, from);
  const vTo = opVersionAt(op, target)!;
  if (vFrom === undefined) return `${op} '${node.name || node.output[0]}': does not exist at opset ${from}, the model's own`;
  if (vFrom === vTo) return [node];
  const n = from < 6 && target >= 6 ? dropConsumedInputs(node) : node;
  const rule = RULES[op];
  let out: NodeProto[] = [n];
  if (rule && rule.breaks.some((b) => vFrom < b && vTo >= b)) {
    const r = rule.convert(n, { from: vFrom, to: vTo }, ctx);
    if ('refuse' in r) return r.refuse;
    out = r;
  } else if (info.deprecated !== undefined && vTo >= info.deprecated) return `${op} '${node.name || node.output[0]}': removed at opset ${info.deprecated} and not converted`;
  // A node landing on an op version onnxruntime has no kernel for would not load (op-versions.ts).
  for (const m of out) {
    const v = opVersionAt(m.opType ?? '', target);
    if (v !== undefined && NO_ORT_KERNEL[m.opType ?? '']?.includes(v)) {
      return `${m.opType} '${node.name || node.output[0]}': onnxruntime 1.30 has no CPU kernel for ${m.opType}-${v}; choose a target ≤ ${LATEST_ORT_OPSET}`;
    }
  }
  return out;
}

/**
 * `model` with its default-domain opset moved up to `target` (changed in place and returned; a model
 * already at or above `target` is returned as it is: never downgraded). Throws OpsetUpgradeError,
 * before changing anything, when an op cannot be converted exactly.
 */
export function upgradeOpset(model: ModelProto, target: number): { model: ModelProto; details: OpsetUpgradeDetails } {
  if (!Number.isInteger(target) || target < 1 || target > MAX_OPSET) {
    throw new UsageError(`opset target ${target} is outside 1…${MAX_OPSET} (the newest opset onnxruntime 1.30 loads)`);
  }
  const from = defaultOpset(model);
  const ir = model.irVersion ?? 0;
  const details: OpsetUpgradeDetails = { from, to: Math.max(from, target), irVersion: { from: ir, to: ir }, nodes: 0, rewritten: {}, constantsAdded: 0, nodesAdded: 0 };
  if (from >= target) return { model, details };
  if (model.functions.some((f) => f.opsetImport.some((o) => isDefaultDomain(o.domain) && (o.version ?? 0) < target))) {
    throw new OpsetUpgradeError(from, target, ['the model has local functions importing the default domain; their bodies are not upgraded']);
  }
  const facts = modelFacts(model);
  const refusals: string[] = [];
  const plans: { scope: GraphScope; nodes: NodeProto[]; ctx: ConvertContext }[] = [];
  forEachGraph(model, (scope) => {
    const ctx = new ConvertContext(scope, target, facts);
    const nodes: NodeProto[] = [];
    for (const node of scope.graph.node) {
      if (!isDefaultDomain(node.domain)) { nodes.push(node); continue; }
      details.nodes++;
      const out = convertNode(node, from, target, ctx);
      if (typeof out === 'string') { refusals.push(out); continue; }
      if (out.length !== 1 || out[0] !== node) {
        details.rewritten[node.opType ?? ''] = (details.rewritten[node.opType ?? ''] ?? 0) + 1;
        details.nodesAdded += out.length - 1;
      }
      nodes.push(...out);
    }
    plans.push({ scope, nodes, ctx });
  });
  if (refusals.length) throw new OpsetUpgradeError(from, target, refusals);
  for (const { scope, nodes, ctx } of plans) {
    scope.graph.node = nodes;
    scope.graph.initializer.push(...ctx.added);
    details.constantsAdded += ctx.added.length;
  }
  setDefaultOpset(model, target);
  const needed = IR_FOR_OPSET.filter(([o]) => o <= target).pop()?.[1] ?? 3;
  if (ir < needed) model.irVersion = needed;
  details.irVersion.to = model.irVersion ?? ir;
  return { model, details };
}
