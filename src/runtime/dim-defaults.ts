/**
 * Sizes for input axes the model leaves open and the user did not set (`dims:` / `--dims`), so that auto
 * inputs work on third-party models without a config (paddle2onnx names every open axis
 * `p2o.DynamicDimension.N`; other exporters leave them unnamed). In order:
 * 1. axis 0 of an input of rank ≥ 2: the batch, 1;
 * 2. what the model says elsewhere: the input's reader fixes it (a MatMul/Gemm weight's K for the last
 *    axis, a Conv weight's input channels for axis 1);
 * 3. the spatial axes of an image-like float input (rank 3–5, read by convolutions or pooling): 224 (or
 *    a larger fixed spatial size of the same input), rounded up to a multiple of the model's total stride
 *    along that axis, so every down- and up-sampled feature map lines up again (FPN-style Add/Concat);
 * 4. an axis ≥ 1 of an integer input (token ids and the like): the sequence default, 128, or less when the
 *    model's position tables are shorter (dim-limits.ts);
 * 5. otherwise 1, a size every broadcast accepts.
 * Each choice carries its reason; when the original model then fails on it, the caller asks for the size
 * in one line (askForDims) instead of guessing further.
 */
import { attr } from '../onnx/graph.js';
import { constantNodeTensor, isConstantNode } from '../onnx/tensor.js';
import type { ModelProto, NodeProto, TensorProto } from '../onnx/types.js';
import type { AutoDim, ModelInput } from './input-meta.js';
import { isFloatType } from './named-tensor.js';

/** The spatial size auto inputs give an open image axis (ImageNet's, a multiple of 32). */
export const DEFAULT_SPATIAL = 224;
const SPATIAL_OPS = new Set(['Conv', 'ConvInteger', 'MaxPool', 'AveragePool', 'LpPool', 'ConvTranspose', 'QLinearConv']);

interface ModelFacts {
  readers: Map<string, NodeProto[]>;
  constants: Map<string, TensorProto>;
  /** Per input, the largest cumulative stride along each spatial axis (undefined: no convolution reads it). */
  strides: Map<string, number[]>;
}

function facts(model: ModelProto, inputs: ModelInput[]): ModelFacts {
  const g = model.graph!;
  const readers = new Map<string, NodeProto[]>();
  const constants = new Map<string, TensorProto>();
  for (const t of g.initializer) if (t.name) constants.set(t.name, t);
  for (const n of g.node) {
    if (isConstantNode(n) && n.output[0]) {
      const t = constantNodeTensor(n);
      if (t) constants.set(n.output[0], t);
    }
    for (const i of n.input) if (i) readers.set(i, [...(readers.get(i) ?? []), n]);
  }
  const strides = new Map<string, number[]>();
  for (const input of inputs) {
    const k = input.dims.length - 2;
    if (k < 1 || k > 3 || !isFloatType(input.type)) continue;
    const s = spatialStride(g.node, input.name, k);
    if (s) strides.set(input.name, s);
  }
  return { readers, constants, strides };
}

/**
 * Cumulative stride per spatial axis from `input` through the graph (nodes are in topological order,
 * ONNX IR "Graphs"): a convolution or pooling multiplies it by its `strides`, a ConvTranspose divides;
 * other ops pass on the largest of their inputs'. Undefined when no convolution or pooling reads it.
 */
function spatialStride(nodes: NodeProto[], input: string, k: number): number[] | undefined {
  const at = new Map<string, number[]>([[input, Array(k).fill(1)]]);
  const best = Array(k).fill(1);
  let spatial = false;
  for (const n of nodes) {
    const ins = n.input.map((i) => at.get(i)).filter((s): s is number[] => !!s);
    if (!ins.length) continue;
    let s = ins.reduce((a, b) => a.map((v, i) => Math.max(v, b[i]!)));
    if (SPATIAL_OPS.has(n.opType ?? '')) {
      spatial = true;
      const st = attr(n, 'strides')?.ints.map(Number) ?? [];
      s = s.map((v, i) => (n.opType === 'ConvTranspose' ? v / (st[i] ?? 1) : v * (st[i] ?? 1)));
    }
    s.forEach((v, i) => { best[i] = Math.max(best[i]!, v); });
    for (const o of n.output) if (o) at.set(o, s);
  }
  return spatial ? best.map((v) => Math.max(1, Math.round(v))) : undefined;
}

/** What a reader of `input` fixes about `axis`, with the reason. */
function fromReaders(input: ModelInput, axis: number, f: ModelFacts): { value: number; why: string } | undefined {
  const rank = input.dims.length;
  for (const n of f.readers.get(input.name) ?? []) {
    const w = n.input[1] ? f.constants.get(n.input[1]) : undefined;
    if (!w || n.input[0] !== input.name) continue;
    const wd = w.dims.map(Number);
    if ((n.opType === 'MatMul' || n.opType === 'Gemm') && axis === rank - 1 && wd.length === 2) {
      const transB = n.opType === 'Gemm' && attr(n, 'transB')?.i === 1n;
      return { value: transB ? wd[1]! : wd[0]!, why: `the weight '${n.input[1]}' of ${n.opType} '${n.name || n.output[0]}' is [${wd.join(', ')}]` };
    }
    if (n.opType === 'Conv' && axis === 1 && wd.length >= 3) {
      const group = Number(attr(n, 'group')?.i ?? 1n);
      return { value: wd[1]! * group, why: `the weight '${n.input[1]}' of Conv '${n.name || n.output[0]}' takes ${wd[1]! * group} channels` };
    }
  }
  return undefined;
}

/**
 * A size for `input`'s open `axis` (rules 1–3 and 5 above; rule 4, the sequence default and its
 * table limits, is autoDims's, which knows the dim's name). `sequence` is that default.
 */
export function guessDim(model: ModelProto, inputs: ModelInput[], input: ModelInput, axis: number, sequence: () => AutoDim | undefined, memo: { facts?: ModelFacts } = {}): { value: number; why: string } {
  const rank = input.dims.length;
  if (axis === 0 && rank >= 2) return { value: 1, why: 'the batch axis (axis 0)' };
  const f = (memo.facts ??= facts(model, inputs));
  const told = fromReaders(input, axis, f);
  if (told) return told;
  const stride = f.strides.get(input.name);
  if (stride && axis >= 2) {
    const fixed = input.dims.slice(2).filter((d): d is number => typeof d === 'number');
    const base = Math.max(DEFAULT_SPATIAL, ...fixed);
    const s = stride[axis - 2]!;
    const value = Math.ceil(base / s) * s;
    const from = base === DEFAULT_SPATIAL ? `the default ${DEFAULT_SPATIAL}` : `its fixed side ${base}`;
    return { value, why: `a spatial axis of an image input: ${from}${value === base ? '' : ' rounded up'}, a multiple of the model's total stride ${s} along it` };
  }
  if (!isFloatType(input.type) && axis >= 1) {
    const seq = sequence();
    if (seq) return { value: seq.value, why: seq.why };
  }
  return { value: 1, why: 'no size in the model; 1, which every broadcast accepts' };
}

/**
 * The one line asking for sizes when the original model failed on auto inputs whose open axes were
 * inferred here; undefined when none was (a known name's default, batch or sequence, fails as before:
 * a parity error with the dims hint of auto-inputs.ts).
 */
export function askForDims(model: string, error: string, dims: AutoDim[]): string | undefined {
  const guessed = dims.filter((d) => d.inferred);
  if (!guessed.length) return undefined;
  const chosen = guessed.map((d) => `${d.name} = ${d.value} (${d.why})`).join('; ');
  const example = guessed.map((d) => `${d.name}=<size>`).join(',');
  return `${model}: the original model does not run on the sizes chosen for its open input axes: ${chosen}; set them with --dims ${example} (config: parity.dims) — onnxruntime said: ${error}`;
}
