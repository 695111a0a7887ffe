/**
 * The float stem of static int8: the narrow layers at the network's input that run slower in onnxruntime's
 * integer kernels than in float on x86 without VNNI, left float when they hold few of the weights.
 *
 * Why: on AVX2 without VNNI (AMD EPYC Zen 2, as GitHub's runners) MLAS multiplies u8·s8 with vpmaddubsw and
 * widens with vpmaddwd, both on one port, so an int8 multiply-add costs what an fp32 FMA does and int8 wins
 * only on memory. Each output value also pays a requantization and the kernels work on 16 channels at a
 * time, so a Conv with few channels or a short reduction loses: measured per layer with onnxruntime's
 * profiler on torchvision mobilenet_v3_small (1 thread), int8 takes 1.4× (the 3→16 stem) to 2× (3×3
 * depthwise over 16–88 channels) the float time, and every hard-swish there costs a QLinearLeakyRelu and a
 * QLinearMul where float fuses it into the Conv. Wide layers (≥ 32 channels) break even or win (1.1–1.5×
 * at 14×14 and below), and ResNet's 64-channel stem has wide output, so it stays int8: a float stem there
 * breaks onnxruntime's NHWC chain at the first residual Add (Transposes around every QLinearAdd) and its
 * QDQ propagation moves the QuantizeLinear above the MaxPool into a slow NCHW uint8 MaxPool.
 *
 * Which: from the graph inputs forward, a node is in the stem when it reads a stem tensor and is
 *   - a Conv with fewer than 32 output channels, or 4 to 31 input channels (an RGB input's 3 does not make
 *     a Conv narrow: ResNet's 3→64 stem is faster in int8 than with the float MaxPool after it);
 *   - a depthwise Conv, or a Conv on a globally pooled tensor (squeeze-excite), between stem layers;
 *   - any op without a weight (activations, pools, Add, Mul …).
 * A wide Conv, Gemm or MatMul ends the stem on its path. The stem is kept to 1 % of the graph's Conv,
 * Gemm and MatMul weights: the first Conv past that budget ends it, so the model stays within ~26 % of its
 * float size, and small networks that are narrow throughout (the test fixtures, PP-OCR's 0.5× MobileNetV3)
 * keep all but a few layers int8. The boundary costs one QuantizeLinear where the stem ends.
 */
import type { GraphScope } from '../../onnx/graph.js';
import { attr } from '../../onnx/graph.js';
import { DataType } from '../../onnx/dtype.js';
import { elementCount, tensorFloat32 } from '../../onnx/tensor.js';
import type { NodeProto } from '../../onnx/types.js';
import { bytesOf } from '../content-identity.js';
import { intAttr, makeNode } from '../nodes.js';
import { resolveConstant, type ConstantWeight } from './constant-weight.js';
import { quantizePerAxis } from './numerics.js';
import type { QuantSession } from './session.js';

/** Conv channel counts under which int8 loses to float on AVX2 without VNNI (see the file comment). */
export const NARROW_CHANNELS = 32;
/** The stem's float weights, as a share of the graph's Conv, Gemm and MatMul weight elements. */
export const STEM_WEIGHT_SHARE = 0.01;

const WEIGHTED = new Set(['Conv', 'Gemm', 'MatMul']);

/** Stem nodes → why each stays float. Nothing is changed. */
export function floatStem(scope: GraphScope, s: QuantSession): Map<NodeProto, string> {
  const graph = scope.graph;
  const weightOf = (n: NodeProto) => {
    const name = n.input[1];
    const w = WEIGHTED.has(n.opType ?? '') && (n.domain ?? '') === '' && name ? resolveConstant(scope, name, s.index) : undefined;
    return w && w.tensor.dataType === DataType.FLOAT ? w.tensor : undefined;
  };
  let total = 0;
  for (const n of graph.node) { const w = weightOf(n); if (w) total += elementCount(w.dims); }
  const budget = total * STEM_WEIGHT_SHARE;
  const stem = new Set(graph.input.filter((i) => i.type?.tensorType?.elemType === DataType.FLOAT).map((i) => i.name));
  const pooled = new Set<string>();
  const out = new Map<NodeProto, string>();
  let spent = 0;
  let closed = false;
  for (const n of graph.node) {
    const acts = n.input.filter((x) => x && !resolveConstant(scope, x, s.index));
    if (!acts.length) continue;
    const op = n.opType ?? '';
    if (op === 'GlobalAveragePool' || acts.every((x) => pooled.has(x))) for (const o of n.output) pooled.add(o);
    if (!acts.some((x) => stem.has(x))) continue;
    const w = weightOf(n);
    let reason: string;
    if (w && op === 'Conv' && w.dims.length >= 3) {
      const group = Number(attr(n, 'group')?.i ?? 1n);
      const [cout, cinPerGroup] = [Number(w.dims[0]), Number(w.dims[1])];
      const cin = cinPerGroup * group;
      const narrow = cout < NARROW_CHANNELS || (cin >= 4 && cin < NARROW_CHANNELS);
      const follows = (group > 1 && cinPerGroup === 1) || acts.every((x) => pooled.has(x));
      if (!narrow && !follows) continue;
      if (closed || spent + elementCount(w.dims) > budget) { closed = true; continue; }
      spent += elementCount(w.dims);
      reason = narrow
        ? `float stem: a ${cin}→${cout}-channel Conv (under ${NARROW_CHANNELS} in or out) is slower in int8 than in float on x86 without VNNI`
        : 'float stem: depthwise or squeeze-excite Conv between float stem layers';
    } else if (w) {
      continue;
    } else {
      reason = 'float stem: reads the float stem (int8 would add a QuantizeLinear for no integer kernel)';
    }
    out.set(n, reason);
    for (const o of n.output) if (o) stem.add(o);
  }
  return out;
}

/**
 * Stores the stem Convs' float weights as int8 (per output channel, symmetric, 8-bit) read back by
 * Mul(Cast(q), scale) instead of a DequantizeLinear: onnxruntime's constant folding computes Cast and Mul of
 * initializers once at load (it leaves DequantizeLinear alone for its QDQ fusions), so the Conv gets a
 * constant float weight and runs as the float NCHWc Conv it was, from a quarter of the bytes. Returns the
 * float weights' paths to release. `stem` is planStatic's floatStem, before placeQdq rewrote the node list
 * (it keeps a node it does not change, and a stem Conv reads only float tensors).
 */
export function storeStemWeights(scope: GraphScope, s: QuantSession, stem: ReadonlySet<NodeProto>): ConstantWeight['path'][] {
  const graph = scope.graph;
  const released: ConstantWeight['path'][] = [];
  const out: NodeProto[] = [];
  for (const n of graph.node) {
    const name = stem.has(n) && n.opType === 'Conv' ? n.input[1] : undefined;
    const w = name ? resolveConstant(scope, name, s.index) : undefined;
    if (w && !w.transposed && w.tensor.dataType === DataType.FLOAT && w.tensor.dims.length >= 3) {
      const dims = w.tensor.dims.map(Number);
      const q = quantizePerAxis(tensorFloat32(w.tensor, s.external), dims, 0, { type: 'int8', symmetric: true, reduceRange: false });
      const base = s.baseOf(n, scope);
      const qName = s.pool.intern(`${base}_w8`, DataType.INT8, dims, bytesOf(q.values));
      const scale = s.pool.intern(`${base}_w8_s`, DataType.FLOAT, [dims[0]!, ...dims.slice(1).map(() => 1)], bytesOf(q.scales));
      const [cast, weight] = [s.fresh(`${base}_w8_f`), s.fresh(`${base}_w`)];
      out.push(makeNode('Cast', '', [qName], [cast], [intAttr('to', DataType.FLOAT)]), makeNode('Mul', '', [cast, scale], [weight]));
      n.input[1] = weight;
      released.push(w.path);
    }
    out.push(n);
  }
  graph.node = out;
  return released;
}
