/**
 * quantize-int8 with `activations: static`: calibrated QDQ (quant/static-qdq.ts) on the main graph.
 * Per-channel weights need DequantizeLinear's axis (opset 13), per-tensor QuantizeLinear (opset 10): a model
 * below is moved to 13 (or 11) by the opset upgrader (stages/opset/upgrade.ts), which converts the ops
 * whose meaning changed on the way and refuses, in one line, what it cannot convert exactly.
 */
import { allNames, mainScopes } from '../onnx/graph.js';
import type { ModelProto } from '../onnx/types.js';
import { removeUnused } from './quant/constant-weight.js';
import { OnnxFormatError, UsageError } from '../onnx/errors.js';
import { upgradeOpset } from './opset/upgrade.js';
import { defaultOpset } from './quant/opset.js';
import { QuantSession, type Int8Options } from './quant/session.js';
import { placeQdq, planStatic, type ActivationOptions } from './quant/static-qdq.js';
import { storeStemWeights } from './quant/static-stem.js';
import { foldScalarAffine } from './quant/static-affine.js';
import { gateHardSwish } from './quant/static-hardswish.js';
import { encodeModel } from '../onnx/encode.js';
import { contentDigest } from './content-identity.js';
import type { StageContext, StageOutcome } from './stage.js';
import { DataType } from '../onnx/dtype.js';
import type { GraphScope } from '../onnx/graph.js';
import type { NodeProto } from '../onnx/types.js';
import type { ConstantWeight } from './quant/constant-weight.js';
import { quantOpOf, weightOf } from './quant/registry.js';
import { nodeId } from './nodes.js';

export interface StaticInt8Options extends Int8Options {
  activation: ActivationOptions;
}

export async function quantizeStatic(model: ModelProto, options: StaticInt8Options, ctx: Pick<StageContext, 'external' | 'log' | 'calibrate'>): Promise<StageOutcome> {
  const details: Record<string, unknown> = {
    options: {
      activations: 'static', activationType: options.activation.type, activationSymmetric: options.activation.symmetric,
      ops: [...options.ops], perChannel: options.perChannel, reduceRange: options.reduceRange, ...(options.reduceRangeWhy ? { reduceRangeWhy: options.reduceRangeWhy } : {}), weightType: options.weightType, floatStem: options.floatStem ?? false,
    },
  };
  const refuse = (reason: string): StageOutcome => {
    ctx.log(`quantize-int8: static: ${reason}`);
    return { model, modified: details.opsetUpgrade !== undefined || details.affineFolded !== undefined || details.hardSwishGated !== undefined, details: { ...details, quantizedNodes: 0, skipped: [{ node: '', op: '', reason }] } };
  };
  const target = options.perChannel ? 13 : 11;
  if (defaultOpset(model) < target) {
    const why = options.perChannel ? "per-channel weights need DequantizeLinear's axis (opset 13)" : 'QuantizeLinear needs opset 10';
    try {
      const { details: up } = upgradeOpset(model, target);
      details.opsetUpgrade = { from: up.from, to: up.to, why, rewritten: up.rewritten };
      ctx.log(`quantize-int8: static: opset ${up.from} → ${up.to} (${why})`);
    } catch (e) {
      if (!(e instanceof OnnxFormatError)) throw e;
      return refuse(`${why}, and the opset upgrader refused: ${e.message}`);
    }
  }
  if (!ctx.calibrate) throw new UsageError('quantize-int8: activations: static needs calibration samples; run it through compress or run (they calibrate with onnxruntime)');

  // The float model as given: the rewrites below skip excluded nodes, and every exclusion set of one model
  // shares its calibrated ranges by tensor name (the rewrites keep the names at their ends). Encoding the
  // whole model costs time (a second on BERT-base), so only when the calibrator keeps ranges for reuse.
  const identity = ctx.calibrate.cached ? contentDigest(encodeModel(model)) : undefined;
  // Conv → Mul(a) → Add(d) with scalar constants: one Conv, one quantized output (quant/static-affine.ts).
  const affineFolded = foldScalarAffine(model, ctx.external, options.exclude);
  if (affineFolded) details.affineFolded = affineFolded;
  // x · Clip(x + 3, 0, 6) / 6 as x · HardSigmoid(x): a fixed-grid gate and one QLinearMul (quant/static-hardswish.ts).
  const hardSwish = gateHardSwish(model, ctx.external, options.exclude);
  if (hardSwish) details.hardSwishGated = hardSwish;
  const scope = mainScopes(model)[0]!;
  const s = new QuantSession(options, allNames(model), model.graph!, model.irVersion ?? 0, ctx.external);
  let plan = planStatic(scope, s, options.activation);
  // Gate outputs are quantized on a fixed grid (static-gates.ts): nothing to calibrate.
  const roots = [...new Set(plan.tensors.values())].filter((t) => !plan.grids.has(t));
  if (plan.nodes.size === 0) return refuse('no node to quantize');
  const { ranges, details: calibration } = await ctx.calibrate(model, roots, { identity });
  const finite = (t: string) => { const r = ranges.get(t); return plan.grids.has(t) || (!!r && Number.isFinite(r.min) && Number.isFinite(r.max)); };
  const rejected = new Set(roots.filter((t) => !finite(t)));
  if (rejected.size) {
    // Planning again without them only removes nodes; a tensor that loses its shared range with them
    // was not float either, so every root left was calibrated.
    plan = planStatic(scope, s, options.activation, rejected);
    if ([...plan.tensors.values()].some((t) => !finite(t))) throw new Error('quantize-int8: static plan kept a tensor without a range');
  }
  if (plan.nodes.size === 0) return refuse('no node with float32 activations to quantize');
  const placed = placeQdq(scope, s, plan, ranges, options.activation);
  const stemWeights = storeStemWeights(scope, s, plan.floatStem);
  const tables = weightOnlyGathers(scope, s);
  if (tables.count) placed.byOp.Gather = tables.count;
  const removed = removeUnused([...placed.released, ...stemWeights, ...tables.released], s.index);
  const quantizedNodes = Object.values(placed.byOp).reduce((a, b) => a + b, 0);
  ctx.log(`quantize-int8: static: ${quantizedNodes} nodes, ${placed.qdqPairs} activations quantized, ${plan.folded.size} Relu/Clip folded, ${plan.skipped.length} skipped (${plan.floatStem.size} in the float stem)${options.reduceRangeWhy ? `; ${options.reduceRangeWhy}` : ""}`);
  return {
    model,
    modified: true,
    details: {
      ...details,
      calibration,
      quantizedNodes,
      quantizedByOp: placed.byOp,
      activationsQuantized: placed.qdqPairs,
      activationsFolded: plan.folded.size,
      floatStem: { nodes: plan.floatStem.size, int8Weights: stemWeights.length },
      tensorsQuantized: s.weightsQuantized,
      weightBytesBefore: s.floatBytesQuantized,
      weightBytesAfter: s.pool.bytesAdded,
      floatTensorsRemoved: removed,
      skipped: [...plan.skipped, ...tables.skipped],
    },
  };
}

/**
 * Gathers from constant tables (when `ops` lists Gather: static-ops.ts STATIC_WEIGHT_ONLY_OPS) in their
 * dynamic int8 form (quant/int8-gather.ts): no calibrated range is involved, the table is quantized alone.
 */
function weightOnlyGathers(scope: GraphScope, s: QuantSession): { count: number; released: ConstantWeight['path'][]; skipped: { node: string; op: string; reason: string }[] } {
  const released: ConstantWeight['path'][] = [];
  const skipped: { node: string; op: string; reason: string }[] = [];
  let count = 0;
  if (!s.options.ops.has('Gather')) return { count, released, skipped };
  const out: NodeProto[] = [];
  for (const node of scope.graph.node) {
    const row = node.opType === 'Gather' && (node.domain ?? '') === '' ? quantOpOf(node) : undefined;
    const weight = row?.int8 ? weightOf(row, node, scope, s.index) : undefined;
    if (!row?.int8 || !weight || weight.tensor.dataType !== DataType.FLOAT) { out.push(node); continue; }
    const reason = s.options.exclude.some((re) => re.test(nodeId(node))) ? 'excluded by option'
      : Number.isNaN(s.range(weight.tensor).min) ? 'weight holds NaN or Infinity' : row.int8.check(node, weight, scope, s);
    if (reason) { skipped.push({ node: nodeId(node), op: 'Gather', reason }); out.push(node); continue; }
    released.push(weight.path, ...(row.int8.rewrite(node, weight, scope, s, out) ?? []));
    count++;
  }
  scope.graph.node = out;
  return { count, released, skipped };
}
