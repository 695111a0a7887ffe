/**
 * quantize-int8 with `activations: static`: calibrated QDQ (quant/static-qdq.ts) on the main graph.
 * Per-channel weights need DequantizeLinear's axis (opset 13): a model at opset 11 or 12 is moved to 13 when
 * no op it uses changed meaning (quant/opset13.ts), else refused in one line. Per-tensor needs QuantizeLinear
 * (opset 10); a model below that is moved to 11 under the same rule (quant/opset.ts), as dynamic int8 does.
 */
import { UsageError } from '../onnx/errors.js';
import { allNames, mainScopes } from '../onnx/graph.js';
import type { ModelProto } from '../onnx/types.js';
import { removeUnused } from './quant/constant-weight.js';
import { planOpset, setDefaultOpset } from './quant/opset.js';
import { planOpset13 } from './quant/opset13.js';
import { QuantSession, type Int8Options } from './quant/session.js';
import { placeQdq, planStatic, type ActivationOptions } from './quant/static-qdq.js';
import type { StageContext, StageOutcome } from './stage.js';

export interface StaticInt8Options extends Int8Options {
  activation: ActivationOptions;
}

export async function quantizeStatic(model: ModelProto, options: StaticInt8Options, ctx: Pick<StageContext, 'external' | 'log' | 'calibrate'>): Promise<StageOutcome> {
  const details: Record<string, unknown> = {
    options: {
      activations: 'static', activationType: options.activation.type, activationSymmetric: options.activation.symmetric,
      ops: [...options.ops], perChannel: options.perChannel, reduceRange: options.reduceRange, weightType: options.weightType,
    },
  };
  const refuse = (reason: string): StageOutcome => {
    ctx.log(`quantize-int8: static: ${reason}`);
    return { model, details: { ...details, quantizedNodes: 0, skipped: [{ node: '', op: '', reason }] } };
  };
  const to13 = options.perChannel ? planOpset13(model) : { action: 'keep' as const };
  if (to13.action === 'refuse') return refuse(to13.reason);
  const opset = to13.action === 'bump' ? { action: 'bump' as const, from: to13.from, to: 13 } : planOpset(model);
  if (opset.action === 'refuse') return refuse(opset.reason);
  if (!ctx.calibrate) throw new UsageError('quantize-int8: activations: static needs calibration samples; run it through compress or run (they calibrate with onnxruntime)');

  const scope = mainScopes(model)[0]!;
  const s = new QuantSession(options, allNames(model), model.graph!, model.irVersion ?? 0, ctx.external);
  let plan = planStatic(scope, s, options.activation);
  const roots = [...new Set(plan.tensors.values())];
  if (plan.nodes.size === 0) return refuse('no node to quantize');
  const { ranges, details: calibration } = await ctx.calibrate(model, roots);
  const finite = (t: string) => { const r = ranges.get(t); return !!r && Number.isFinite(r.min) && Number.isFinite(r.max); };
  const rejected = new Set(roots.filter((t) => !finite(t)));
  if (rejected.size) {
    // Planning again without them only removes nodes; a tensor that loses its shared range with them
    // was not float either, so every root left was calibrated.
    plan = planStatic(scope, s, options.activation, rejected);
    if ([...plan.tensors.values()].some((t) => !finite(t))) throw new Error('quantize-int8: static plan kept a tensor without a range');
  }
  if (plan.nodes.size === 0) return refuse('no node with float32 activations to quantize');
  const placed = placeQdq(scope, s, plan, ranges, options.activation);
  const removed = removeUnused(placed.released, s.index);
  if (opset.action === 'bump') {
    setDefaultOpset(model, opset.to);
    details.opset = { from: opset.from, to: opset.to };
  }
  const quantizedNodes = Object.values(placed.byOp).reduce((a, b) => a + b, 0);
  ctx.log(`quantize-int8: static: ${quantizedNodes} nodes, ${placed.qdqPairs} activations quantized, ${plan.folded.size} Relu/Clip folded, ${plan.skipped.length} skipped`);
  return {
    model,
    details: {
      ...details,
      calibration,
      quantizedNodes,
      quantizedByOp: placed.byOp,
      activationsQuantized: placed.qdqPairs,
      activationsFolded: plan.folded.size,
      tensorsQuantized: s.weightsQuantized,
      weightBytesBefore: s.floatBytesQuantized,
      weightBytesAfter: s.pool.bytesAdded,
      floatTensorsRemoved: removed,
      skipped: plan.skipped,
    },
  };
}
