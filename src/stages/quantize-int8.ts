/**
 * quantize-int8: dynamic int8 quantization (weights offline, activations at run time), as
 * onnxruntime.quantization.quantize_dynamic does it and with its numerics (quant/numerics.ts), emitting
 * the node pattern ORT fuses into DynamicQuantizeMatMul / MatMulIntegerToFloat (quant/int8-matmul.ts).
 * Differences from ORT's tool, on purpose: quantized tensors are keyed by content, not name (a weight
 * shared after dedup is quantized and stored once); Gemm is handled; tiny weights are left in float.
 *
 * Options (config keys): ops, exclude (node names or glob patterns; an unnamed node by its first output),
 * per-channel, reduce-range, weight-type (int8 | uint8), min-elements, conv-mode (integer | weight-only,
 * see quant/int8-conv.ts), activations (dynamic | static: calibrated QDQ, quantize-static.ts), activation-type
 * (uint8 | int8), activation-symmetric and float-outputs (op types whose output stays float, as ORT's
 * OpTypesToExcludeOutputQuantization), all static only.
 */
import { OnnxFormatError, UsageError } from '../onnx/errors.js';
import { nodeId, nodePattern } from './nodes.js';
import { allNames, mainScopes } from '../onnx/graph.js';
import { elementCount } from '../onnx/tensor.js';
import { DataType } from '../onnx/dtype.js';
import type { ModelProto, NodeProto, TensorProto } from '../onnx/types.js';
import { DefinitionIndex, removeUnused, type ConstantWeight } from './quant/constant-weight.js';
import { splitAttentionProjections } from './quant/attention-projections.js';
import { splitBiasGelu } from './quant/bias-gelu.js';
import { defaultOpset, planOpset, setDefaultOpset, type OpsetPlan } from './quant/opset.js';
import { upgradeOpset } from './opset/upgrade.js';
import { DEFAULT_INT8_OPS, DEFAULT_MIN_ELEMENTS, opsWith, quantOpOf, weightOf } from './quant/registry.js';
import { QuantSession, type Int8Options } from './quant/session.js';
import { booleanOption, choiceOption, integerOption, rejectUnknownOptions, stringListOption } from './options.js';
import type { Stage, StageContext, StageOptions, StageOutcome } from './stage.js';
import { quantizeStatic } from './quantize-static.js';
import { DEFAULT_STATIC_OPS, STATIC_RULES, STATIC_WEIGHT_ONLY_OPS } from './quant/static-ops.js';
import type { ActivationOptions } from './quant/static-qdq.js';
import { cpuIsa, int8Saturates } from '../runtime/cpu-isa.js';

/** Weights with fewer elements stay float by default (why 1024: quant/registry.ts). */
export { DEFAULT_MIN_ELEMENTS };

const STAGE = 'quantize-int8';
const KNOWN_OPTIONS = ['ops', 'exclude', 'per-channel', 'reduce-range', 'weight-type', 'min-elements', 'conv-mode', 'activations', 'activation-type', 'activation-symmetric', 'float-stem', 'float-outputs'];

export function parseInt8Options(raw: StageOptions): Int8Options & { activation?: ActivationOptions } {
  rejectUnknownOptions(STAGE, raw, KNOWN_OPTIONS);
  const isStatic = choiceOption(STAGE, raw, 'activations', ['dynamic', 'static'] as const) === 'static';
  // Static quantization places QDQ around its own op set (quant/static-ops.ts); dynamic uses the registry.
  const supported: string[] = isStatic ? [...DEFAULT_STATIC_OPS, ...STATIC_WEIGHT_ONLY_OPS] : opsWith('int8');
  const ops = new Set<string>();
  for (const op of stringListOption(STAGE, raw, 'ops') ?? (isStatic ? DEFAULT_STATIC_OPS : DEFAULT_INT8_OPS)) {
    const known = supported.find((k) => k.toLowerCase() === op.toLowerCase());
    if (!known) throw new UsageError(`quantize-int8: cannot quantize op '${op}'${isStatic ? ' statically' : ''}; supported: ${supported.join(', ')}`);
    ops.add(known);
  }
  const staticOnly = ['activation-type', 'activation-symmetric', 'float-stem', 'float-outputs'].filter((k) => raw[k] !== undefined);
  if (!isStatic && staticOnly.length) throw new UsageError(`quantize-int8: ${staticOnly.join(', ')} need${staticOnly.length === 1 ? 's' : ''} activations: static`);
  const floatOutputs = new Set<string>();
  for (const op of stringListOption(STAGE, raw, 'float-outputs') ?? []) {
    const known = DEFAULT_STATIC_OPS.find((k) => k.toLowerCase() === op.toLowerCase() && STATIC_RULES[k]!.kind === 'compute');
    if (!known) throw new UsageError(`quantize-int8: float-outputs: '${op}' is not an op static int8 computes in integers; one of ${DEFAULT_STATIC_OPS.filter((k) => STATIC_RULES[k]!.kind === 'compute').join(', ')}`);
    floatOutputs.add(known);
  }
  // Static: every weight of a quantized node is quantized, or the node's DQ → op → Q group cannot fuse.
  const minElements = integerOption(STAGE, raw, 'min-elements', 'a whole number ≥ 0', (n) => n >= 0) ?? (isStatic ? 0 : DEFAULT_MIN_ELEMENTS);
  const weightType = choiceOption(STAGE, raw, 'weight-type', ['int8', 'uint8'] as const);
  const convMode = choiceOption(STAGE, raw, 'conv-mode', ['integer', 'weight-only'] as const);
  // Unset per-channel: per-channel for Conv, except where ORT's ConvInteger cannot take it (uint8 weights
  // need per-channel zero points, which its CPU kernel does not take).
  const perChannelGiven = raw['per-channel'] === undefined ? undefined : booleanOption(STAGE, raw, 'per-channel', false);
  return {
    ops,
    exclude: (stringListOption(STAGE, raw, 'exclude') ?? []).map(nodePattern),
    perChannel: perChannelGiven ?? false,
    convPerChannel: perChannelGiven ?? !(convMode === 'integer' && weightType === 'uint8'),
    // Static, unset: 7-bit weights where this CPU's onnxruntime kernels would saturate 8-bit ones. ORT's
    // u8s8 kernels on x86 without VNNI (AVX2, as older GitHub AMD EPYC runners) add pairs of u8·s8 products
    // in int16 (vpmaddubsw), which saturate once |w₀| + |w₁| > 128: held-out cosine on an AMD EPYC (AVX2)
    // 0.88 with 8-bit weights, 0.92 with 7 for mobilenet_v3_small, 0.92 and 0.997 for the cnn-hswish
    // fixture (ORT's docs give the same advice: reduce_range without VNNI). With VNNI (vpdpbusd sums in
    // int32) 8-bit is exact and more accurate: resnet18 held-out cosine 0.99847 against 0.99756 with 7
    // (AMD EPYC, AVX-512 VNNI). The parity check runs on the same CPU, so it judges the choice; details say
    // which and why.
    ...reduceRangeOption(raw, isStatic),
    weightType,
    minElements,
    convMode,
    ...(isStatic ? {
      activation: {
        // ORT's defaults: uint8 activations (asymmetric), int8 weights (symmetric).
        type: choiceOption(STAGE, raw, 'activation-type', ['uint8', 'int8'] as const),
        symmetric: booleanOption(STAGE, raw, 'activation-symmetric', false),
        ...(floatOutputs.size ? { floatOutputs } : {}),
      },
      floatStem: booleanOption(STAGE, raw, 'float-stem', true),
    } : {}),
  };
}

function reduceRangeOption(raw: StageOptions, isStatic: boolean): Pick<Int8Options, 'reduceRange' | 'reduceRangeWhy'> {
  if (raw['reduce-range'] !== undefined || !isStatic) return { reduceRange: booleanOption(STAGE, raw, 'reduce-range', false) };
  const { isa, isaSource } = cpuIsa();
  const { saturates, why } = int8Saturates(isa, isaSource);
  return { reduceRange: saturates, reduceRangeWhy: `${saturates ? '7' : '8'}-bit weights: ${why}` };
}

interface Skip {
  node: string;
  op: string;
  reason: string;
}

/** Why a candidate weight is left in float, for checks common to every op; undefined to go ahead. */
function commonSkipReason(node: NodeProto, t: TensorProto, s: QuantSession): string | undefined {
  const id = nodeId(node);
  if (s.options.exclude.some((re) => re.test(id))) return 'excluded by option';
  const n = elementCount(t.dims);
  if (n < s.options.minElements) return `weight has ${n} elements, fewer than min-elements ${s.options.minElements}`;
  if (Number.isNaN(s.range(t).min)) return 'weight holds NaN or Infinity';
  return undefined;
}

/** Whether per-channel weight-only Conv will want DequantizeLinear's axis (opset 13). */
function wantsAxis(model: ModelProto, options: Int8Options): boolean {
  if (!options.ops.has('Conv') || options.convMode !== 'weight-only' || !options.convPerChannel) return false;
  return mainScopes(model).some(({ graph }) => graph.node.some((n) => n.opType === 'Conv' && (n.domain ?? '') === ''));
}

/**
 * The opset plan, after running the opset upgrader (stages/opset/upgrade.ts) where this stage needs a
 * newer opset than the model imports: 11 for DynamicQuantizeLinear when an op in the model changed
 * meaning on the way (planOpset refuses to just bump it), 13 for per-channel weight-only Conv. Said in
 * details.opsetUpgrade; when the upgrader refuses, its reason is kept and the stage goes on as before
 * (per-channel Conv then skipped with its reason).
 */
/** Whether upgradeIfNeeded moved the model's opset (details.opsetUpgrade without `refused`). */
const upgraded = (details: Record<string, unknown>) => details.opsetUpgrade !== undefined && !('refused' in (details.opsetUpgrade as object));

function upgradeIfNeeded(model: ModelProto, options: Int8Options, details: Record<string, unknown>, log?: (m: string) => void): OpsetPlan {
  const plan = planOpset(model);
  const from = defaultOpset(model);
  const target = wantsAxis(model, options) ? 13 : 11;
  if (from >= target || (plan.action !== 'refuse' && target === 11)) return plan;
  const why = target === 13 ? "per-channel weight-only Conv needs DequantizeLinear's axis (opset 13)" : `${plan.action === 'refuse' ? plan.reason.split(';')[0] : ''}; DynamicQuantizeLinear needs opset 11`;
  try {
    const { details: up } = upgradeOpset(model, target);
    details.opsetUpgrade = { from: up.from, to: up.to, why, rewritten: up.rewritten };
    log?.(`quantize-int8: opset ${up.from} → ${up.to} (${why})`);
    return { action: 'keep', version: up.to };
  } catch (e) {
    if (!(e instanceof OnnxFormatError)) throw e;
    details.opsetUpgrade = { from, to: target, why, refused: e.message };
    return plan;
  }
}

export function quantizeInt8(model: ModelProto, options: Int8Options, ctx?: Pick<StageContext, 'external' | 'log'>): StageOutcome {
  const details: Record<string, unknown> = {
    options: {
      ops: [...options.ops], perChannel: options.perChannel, reduceRange: options.reduceRange, weightType: options.weightType,
      minElements: options.minElements, ...(options.ops.has('Conv') ? { convMode: options.convMode, convPerChannel: options.convPerChannel } : {}),
    },
  };
  const plan = upgradeIfNeeded(model, options, details, ctx?.log);
  if (plan.action === 'refuse') {
    return { model, modified: false, details: { ...details, quantizedNodes: 0, skipped: [{ node: '', op: '', reason: plan.reason }] } };
  }
  // A fused Attention's projection becomes a MatMul this stage quantizes (quant/attention-projections.ts).
  const attentionSplit = options.ops.has('MatMul') ? splitAttentionProjections(model, mainScopes(model), allNames(model), new DefinitionIndex()) : 0;
  if (attentionSplit) details.attentionSplit = attentionSplit;
  const biasGeluSplit = options.ops.has('MatMul') ? splitBiasGelu(mainScopes(model), allNames(model), new DefinitionIndex()) : 0;
  if (biasGeluSplit) details.biasGeluSplit = biasGeluSplit;
  const s = new QuantSession(options, allNames(model), model.graph!, model.irVersion ?? 0, ctx?.external);
  s.opset = plan.action === 'bump' ? plan.to : plan.version;
  const byOp: Record<string, number> = {};
  const skipped: Skip[] = [];
  const used: ConstantWeight['path'][] = [];
  for (const scope of mainScopes(model)) {
    const out: NodeProto[] = [];
    for (const node of scope.graph.node) {
      const op = node.opType ?? '';
      const row = options.ops.has(op) ? quantOpOf(node) : undefined;
      // conv-mode: weight-only picks an op's weight-only form where it has one (Conv).
      const quantizer = options.convMode === 'weight-only' ? (row?.int8WeightOnly ?? row?.int8) : row?.int8;
      const weight = quantizer ? weightOf(row!, node, scope, s.index) : undefined;
      if (!quantizer || !weight || weight.tensor.dataType !== DataType.FLOAT) {
        out.push(node);
        continue;
      }
      const reason = commonSkipReason(node, weight.tensor, s) ?? quantizer.check(node, weight, scope, s);
      if (reason) {
        skipped.push({ node: nodeId(node), op, reason });
        out.push(node);
        continue;
      }
      const released = quantizer.rewrite(node, weight, scope, s, out);
      used.push(weight.path, ...(released ?? []));
      byOp[op] = (byOp[op] ?? 0) + 1;
    }
    scope.graph.node = out;
  }
  const removed = removeUnused(used, s.index);
  const quantizedNodes = Object.values(byOp).reduce((a, b) => a + b, 0);
  if (quantizedNodes > 0 && plan.action === 'bump') {
    setDefaultOpset(model, plan.to);
    details.opset = { from: plan.from, to: plan.to };
  }
  ctx?.log(`quantize-int8: ${quantizedNodes} nodes, ${s.weightsQuantized} distinct weights, ${skipped.length} skipped`);
  return {
    model,
    modified: quantizedNodes + attentionSplit + biasGeluSplit > 0 || upgraded(details),
    details: {
      ...details,
      quantizedNodes,
      quantizedByOp: byOp,
      tensorsQuantized: s.weightsQuantized,
      sharedReuses: s.reuses,
      weightBytesBefore: s.floatBytesQuantized,
      weightBytesAfter: s.pool.bytesAdded,
      floatTensorsRemoved: removed,
      skipped,
    },
  };
}

export function quantizeInt8Stage(options: StageOptions): Stage {
  const parsed = parseInt8Options(options);
  const { activation } = parsed;
  return {
    name: 'quantize-int8',
    inPlace: true,
    run: (model, ctx) => (activation ? quantizeStatic(model, { ...parsed, activation }, ctx) : quantizeInt8(model, parsed, ctx)),
  };
}
