/**
 * What `strategy: auto` tries: the recipes (a lossless base, then each lossy stage with its options),
 * and which weight-bearing layers a recipe quantized, so the per-layer fallback can hand some of them
 * back to float through the stage's `exclude` option.
 */
import { forEachGraph } from '../onnx/graph.js';
import type { ModelProto, NodeProto } from '../onnx/types.js';
import { hasFoldableBatchNorm } from '../stages/fold-batchnorm.js';
import { nodeId } from '../stages/nodes.js';
import { DEFAULT_STAGES, type StageSpec } from '../stages/registry.js';
import type { StageOptions } from '../stages/stage.js';
import { quantOpOf } from '../stages/quant/registry.js';

export interface Recipe {
  /** For people and reports: `int8 per-channel, reduce-range`. */
  label: string;
  /** The one lossy stage applied after the base (none for the base itself). */
  stage?: string;
  options?: StageOptions;
  /** The stage takes node names to leave in float (`exclude`), so the per-layer fallback applies. */
  excludable: boolean;
  /** Lossless-class stages run between the base and the lossy stage (fold-batchnorm on CNNs). */
  prep?: readonly StageSpec[];
  /**
   * The stage can also keep a layer at 8 bits (quantize-int4's `layers` table): the per-layer fallback
   * tries that before float, since an 8-bit layer costs about half a 4-bit one more, float eight times.
   */
  eightBit?: boolean;
}

const int8 = (label: string, options: StageOptions): Recipe => ({ label: `int8 ${label}`, stage: 'quantize-int8', options, excludable: true });
const int4 = (block: number, embeddings: 'int4' | 'int8'): Recipe => ({
  label: `int4 block ${block}${embeddings === 'int8' ? ', int8 embeddings' : ''}`,
  stage: 'quantize-int4',
  options: { 'block-size': block, embeddings },
  excludable: true,
  eightBit: true,
});

/**
 * In the order issue 7 lists them. Sizes are measured, not assumed: int4 pads K to the block size, so on
 * a small model block 128 can come out larger than block 32 (albert-tiny: 128.3 kB vs 113.3 kB).
 * Reduce-range is there because on AVX2 machines without VNNI onnxruntime's u8×s8 kernel adds pairs of
 * products in int16 with saturation (vpmaddubsw), so full 8-bit weights can overflow; 7-bit weights
 * (ORT's `reduce_range`, its documented remedy) cannot. On albert-tiny, of the four int8 recipes only
 * per-channel + reduce-range passes the default thresholds.
 */
export const RECIPES: readonly Recipe[] = [
  { label: 'dedup+prune', excludable: false },
  int8('per-tensor', {}),
  int8('per-tensor, reduce-range', { 'reduce-range': true }),
  int8('per-channel', { 'per-channel': true }),
  int8('per-channel, reduce-range', { 'per-channel': true, 'reduce-range': true }),
  int4(128, 'int4'),
  int4(64, 'int4'),
  int4(32, 'int4'),
  int4(128, 'int8'),
  int4(64, 'int8'),
  int4(32, 'int8'),
  // overflow-check: ops whose outputs overflow float16 on auto inputs stay float32 (stages/fp16-overflow.ts).
  { label: 'fp16', stage: 'fp16', options: { 'overflow-check': true }, excludable: false },
];

/**
 * For models with convolutions: int8 with Conv in `conv-mode: weight-only` (int8 weights, the Conv in
 * float). ConvInteger stays out of the search: onnxruntime runs it at ~0.2× the fp32 speed; weight-only
 * costs ~0.8× (resnet18 here) for ~4× smaller convolution weights, the trade fp16 on CPU makes too.
 */
const CONV_RECIPES: readonly Recipe[] = [
  // Conv per-channel is quantize-int8's default (per-tensor on BN-folded weights collapses: PP-OCRv4 det
  // cosine 0.79); MatMul and Gemm per-tensor here, per-channel in the next one.
  int8('per-tensor, Conv weight-only per-channel', { ops: ['MatMul', 'Gemm', 'Gather', 'Conv'], 'conv-mode': 'weight-only' }),
  int8('per-channel, Conv weight-only', { ops: ['MatMul', 'Gemm', 'Gather', 'Conv'], 'conv-mode': 'weight-only', 'per-channel': true }),
  // Every Conv, however small (min-elements 0): weight-only adds no DynamicQuantizeLinear, so a small
  // Conv costs only its DequantizeLinear; on a small CNN the many depthwise kernels are a large share
  // (PP-OCR cls: 212 → 192 kB). Conv only, since small MatMuls would take the dynamic-quantization cost.
  int8('Conv weight-only per-channel, every Conv', { ops: ['Conv'], 'conv-mode': 'weight-only', 'min-elements': 0 }),
];

/**
 * With calibration samples: static int8 (calibrated QDQ, every op onnxruntime has an integer kernel for),
 * the form that makes CNNs faster as well as smaller (resnet18 here: 3.4× the fp32 speed at 25 % of the
 * size). Per-channel first: per-tensor weights lose most on depthwise and BatchNorm-folded convolutions.
 */
const STATIC_RECIPES: readonly Recipe[] = [
  int8('static per-channel', { activations: 'static', 'per-channel': true }),
  int8('static per-tensor', { activations: 'static' }),
];

/**
 * With `objective: latency` on a model with attention (a Softmax): the `fuse` stage (com.microsoft
 * Attention / MultiHeadAttention, GELU), alone and before int8. Not for `size`: fusing saves no bytes.
 * Not excludable: fuse packs Q, K, V into one new weight, so the base's layer names no longer apply.
 */
const FUSE_RECIPES: readonly Recipe[] = [
  { label: 'fuse', stage: 'fuse', excludable: false },
  { ...int8('per-tensor', {}), label: 'fuse, int8 per-tensor', prep: ['fuse'], excludable: false },
  { ...int8('per-channel, reduce-range', { 'per-channel': true, 'reduce-range': true }), label: 'fuse, int8 per-channel, reduce-range', prep: ['fuse'], excludable: false },
];

/**
 * The recipes for `base`: RECIPES, with CONV_RECIPES before fp16 when a Conv has a constant weight,
 * STATIC_RECIPES before those when the model has calibration samples, and FUSE_RECIPES for latency.
 */
export function recipesFor(base: ModelProto, opts: { static?: boolean; latency?: boolean } = {}): readonly Recipe[] {
  // One walk: a graph is seen before its subgraphs, and its nodes in order, so a constant is known
  // before any Conv that reads it.
  const constants = new Set<string>();
  let conv = false;
  let softmax = false;
  forEachGraph(base, ({ graph }) => {
    for (const t of graph.initializer) if (t.name) constants.add(t.name);
    for (const n of graph.node) {
      if (n.opType === 'Constant' && n.output[0]) constants.add(n.output[0]);
      conv ||= (n.domain ?? '') === '' && n.opType === 'Conv' && constants.has(n.input[1] ?? '');
      softmax ||= (n.domain ?? '') === '' && n.opType === 'Softmax';
    }
  });
  const extra = [...(opts.static ? STATIC_RECIPES : []), ...(conv ? CONV_RECIPES : []), ...(opts.latency && softmax ? FUSE_RECIPES : [])];
  const recipes = extra.length ? [...RECIPES.slice(0, -1), ...extra, RECIPES[RECIPES.length - 1]!] : RECIPES;
  // BatchNormalization folded into its Conv/Gemm before quantizing: the quantizer then sees the weights
  // the model applies (per-channel scales folded in), and the BN ops are gone. Not part of the base,
  // which stays bit-exact (fold-batchnorm changes outputs by float rounding).
  if (!hasFoldableBatchNorm(base)) return recipes;
  return recipes.map((r) => (r.stage ? { ...r, label: `fold-batchnorm, ${r.label}`, prep: ['fold-batchnorm', ...(r.prep ?? [])] } : r));
}

/**
 * The stages of a recipe with `floatNodes` left in float. Both quantizers take `exclude`: quantize-int4
 * matches names exactly; quantize-int8 reads them as globs, where `*` and `?` are wildcards, so a node
 * whose name holds one of those may take a few look-alike nodes with it into float (never fewer).
 */
export function recipeStages(recipe: Recipe, floatNodes: readonly string[] = [], eightBitNodes: readonly string[] = []): StageSpec[] {
  if (!recipe.stage) return [...DEFAULT_STAGES];
  const options = {
    ...recipe.options,
    ...(floatNodes.length ? { exclude: [...floatNodes] } : {}),
    // quantize-int4's `layers` keys are globs too (same caveat as int8's exclude above).
    ...(eightBitNodes.length ? { layers: Object.fromEntries(eightBitNodes.map((n) => [n, 8])) } : {}),
  };
  return [...DEFAULT_STAGES, ...(recipe.prep ?? []), Object.keys(options).length ? { [recipe.stage]: options } : recipe.stage];
}

/** The stages after the base (prep and the lossy stage), applied to the saved base model; [] for the base. */
export function lossyStages(recipe: Recipe, floatNodes: readonly string[] = [], eightBitNodes: readonly string[] = []): StageSpec[] {
  return recipe.stage ? recipeStages(recipe, floatNodes, eightBitNodes).slice(DEFAULT_STAGES.length) : [];
}

/**
 * A layer is one float weight and every node that reads it: after dedup, repeated blocks (ALBERT shares
 * one set of weights across all its layers) read the same initializer, and handing only some of its
 * readers back to float would store the weight twice (float and quantized) for part of the gain.
 */
export interface Layer {
  /** The weight's name in the base model. */
  weight: string;
  /** Node names, as the stage's `exclude` takes them. */
  nodes: string[];
}

/** A node as a quantizer leaves it alone: same op, same name. */
const nodeKey = (n: NodeProto) => `${n.domain ?? ''}|${n.opType ?? ''}|${nodeId(n)}`;

/**
 * The layers `candidate` quantized: weight-bearing nodes of `base` that the candidate no longer has as the
 * same op (quantize-int8 replaces them with new nodes, quantize-int4 turns them into contrib ops under the
 * same name), each named as the stages' `exclude` takes it (nodeId: an unnamed node by its first output).
 */
export function quantizedLayers(base: ModelProto, candidate: ModelProto): { layers: Layer[] } {
  // Kept: the same op under the same name, its weight not computed by a DequantizeLinear (a weight-only
  // Conv keeps its op but reads one; a Conv with a BN folded in reads a new float weight and is kept).
  const kept = new Set<string>();
  forEachGraph(candidate, ({ graph }) => {
    const dequantized = new Set(graph.node.filter((n) => n.opType === 'DequantizeLinear').map((n) => n.output[0]));
    for (const n of graph.node) {
      const at = quantOpOf(n)?.weight; // the quantizer registry's slot of the weight
      if (at === undefined || !dequantized.has(n.input[at])) kept.add(nodeKey(n));
    }
  });
  const byWeight = new Map<string, string[]>();
  forEachGraph(base, ({ graph }) => {
    for (const n of graph.node) {
      const at = quantOpOf(n)?.weight;
      const weight = at === undefined ? undefined : n.input[at];
      const id = nodeId(n);
      if (!weight || !id || kept.has(nodeKey(n))) continue;
      const nodes = byWeight.get(weight) ?? [];
      if (!nodes.includes(id)) nodes.push(id);
      byWeight.set(weight, nodes);
    }
  });
  return { layers: [...byWeight].map(([weight, nodes]) => ({ weight, nodes })) };
}
