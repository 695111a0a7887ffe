/**
 * `fold-batchnorm`: an inference-form BatchNormalization right after a Conv, ConvTranspose or Gemm becomes
 * part of that op's weight and bias (the BN computes a per-channel affine map y = s·x + t with
 * s = scale/√(var + ε), t = B − mean·s; ONNX BatchNormalization, test-mode formula), so the graph has one
 * op fewer per pair and a quantizer sees the weights the model really applies: per-output-channel scales
 * folded into the weight, the thing per-channel int8 is there for.
 *
 * A stage of its own, not part of `prune`/`dedup`: those change no output bit (PRODUCT.md), while a folded
 * weight W·s rounds once in float32 where the original rounded after the Conv, so outputs move by float
 * rounding (cosine ≥ 0.99999 on every model we measured; test/fold-batchnorm.test.ts). It removes no
 * information: lossless class, nothing quantized.
 *
 * Folded only when exact up to that rounding: the producer's output is read by the BN alone (not a graph
 * output, not read by a subgraph), the BN's four parameters and the producer's weight and bias are float32
 * constants, the BN is in inference form (no training_mode, no used mean/var outputs, spatial = 1), and a
 * Gemm's C is absent or one value per output column. Every other BN is listed with why it stayed.
 */
import { DataType } from '../onnx/dtype.js';
import { DefUse } from '../graph/def-use.js';
import { allNames, attr, freshName, mainScopes, type GraphScope } from '../onnx/graph.js';
import { newTensor } from '../onnx/spill.js';
import { elementCount, tensorFloat32, type ExternalDataSource } from '../onnx/tensor.js';
import type { ModelProto, NodeProto, TensorProto } from '../onnx/types.js';
import { DefinitionIndex, removeUnused, resolveConstant, type ConstantWeight } from './quant/constant-weight.js';
import { nodeId } from './nodes.js';
import { rejectUnknownOptions } from './options.js';
import type { Stage, StageContext, StageOptions, StageOutcome } from './stage.js';

/** Ops a BN can be folded into, by the axis of their output that holds the channels (always 1). */
export const FOLDABLE_PRODUCERS = new Set(['Conv', 'ConvTranspose', 'Gemm']);

const isDefaultDomain = (n: NodeProto) => (n.domain ?? '') === '' || n.domain === 'ai.onnx';

export interface FoldSkip {
  node: string;
  reason: string;
}

/** The per-channel affine map a BN applies: y = s[c]·x + t[c]. */
export interface Affine {
  s: Float64Array;
  t: Float64Array;
  used: ConstantWeight[];
}

function floatConstant(scope: GraphScope, name: string | undefined, index: DefinitionIndex): ConstantWeight | undefined {
  if (!name) return undefined;
  const c = resolveConstant(scope, name, index);
  return c && !c.transposed && c.tensor.dataType === DataType.FLOAT ? c : undefined;
}

/** The BN's affine map, or why it has none we can fold. */
function bnAffine(bn: NodeProto, scope: GraphScope, index: DefinitionIndex, external?: ExternalDataSource): Affine | string {
  if (attr(bn, 'training_mode')?.i) return 'training_mode is set';
  const spatial = attr(bn, 'spatial');
  if (spatial && spatial.i === 0n) return 'spatial = 0 (per-activation statistics)';
  const params = [1, 2, 3, 4].map((i) => floatConstant(scope, bn.input[i], index));
  if (params.some((p) => !p)) return 'scale, B, mean or var is not a float32 constant';
  const [scale, bias, mean, variance] = params.map((p) => tensorFloat32(p!.tensor, external)) as Float32Array[];
  const c = scale!.length;
  if ([bias!, mean!, variance!].some((a) => a.length !== c) || params.some((p) => p!.tensor.dims.length !== 1)) return 'parameters are not four vectors of one length';
  const eps = attr(bn, 'epsilon')?.f ?? 1e-5;
  const s = new Float64Array(c);
  const t = new Float64Array(c);
  for (let i = 0; i < c; i++) {
    s[i] = scale![i]! / Math.sqrt(variance![i]! + Math.fround(eps));
    t[i] = bias![i]! - mean![i]! * s[i]!;
    if (!Number.isFinite(s[i]!) || !Number.isFinite(t[i]!)) return `channel ${i} has a non-finite scale (var + ε ≤ 0 or NaN)`;
  }
  return { s, t, used: params as ConstantWeight[] };
}

export interface Folded {
  weight: Float32Array;
  bias: Float32Array;
  dims: { weight: number[]; bias: number[] };
  used: ConstantWeight[];
  /** Attributes to set on the producer (Gemm: beta = 1 once C holds beta·C). */
  beta1?: boolean;
}

/** Weight and bias of `p` with the affine map folded in, or why not (also static int8's scalar affine fold, quant/static-affine.ts). */
export function foldInto(p: NodeProto, bn: Affine, scope: GraphScope, index: DefinitionIndex, external?: ExternalDataSource): Folded | string {
  const w = floatConstant(scope, p.input[1], index);
  if (!w) return `${p.opType}'s weight is not a float32 constant`;
  const b = p.input[2] ? floatConstant(scope, p.input[2], index) : undefined;
  if (p.input[2] && !b) return `${p.opType}'s bias is not a float32 constant`;
  const c = bn.s.length;
  const dims = w.tensor.dims.map(Number);
  const weight = tensorFloat32(w.tensor, external);
  const bias = new Float32Array(c);
  const used = [w, ...(b ? [b] : [])];
  const biasIn = b ? tensorFloat32(b.tensor, external) : undefined;
  const channel = new Int32Array(weight.length); // the output channel of each weight element
  let beta1 = false;
  if (p.opType === 'Conv') {
    if (dims.length < 3 || dims[0] !== c) return `Conv weight [${dims.join(', ')}] has not ${c} output channels first`;
    const per = weight.length / c;
    for (let i = 0; i < weight.length; i++) channel[i] = Math.floor(i / per);
  } else if (p.opType === 'ConvTranspose') {
    // Weight [C, M/group, k…]; output channel of [ci, j] is group(ci)·(M/group) + j (ONNX ConvTranspose).
    const group = Number(attr(p, 'group')?.i ?? 1n);
    if (dims.length < 3 || dims[1]! * group !== c || dims[0]! % group !== 0) return `ConvTranspose weight [${dims.join(', ')}] × group ${group} has not ${c} output channels`;
    const kernel = elementCount(dims.slice(2));
    const inPerGroup = dims[0]! / group;
    for (let i = 0; i < weight.length; i++) {
      const ci = Math.floor(i / (dims[1]! * kernel));
      const j = Math.floor(i / kernel) % dims[1]!;
      channel[i] = Math.floor(ci / inPerGroup) * dims[1]! + j;
    }
  } else {
    // Gemm: Y = alpha·A'·B' + beta·C, channels are the columns of Y. B is [K, M], or [M, K] with transB.
    if (dims.length !== 2) return 'Gemm weight is not 2-D';
    const transB = attr(p, 'transB')?.i === 1n;
    const m = transB ? dims[0]! : dims[1]!;
    if (m !== c) return `Gemm has ${m} output columns, the BN ${c} channels`;
    for (let i = 0; i < weight.length; i++) channel[i] = transB ? Math.floor(i / dims[1]!) : i % dims[1]!;
    if (biasIn && !(biasIn.length === c || biasIn.length === 1) ) return 'Gemm C is not one value per output column';
    if (biasIn && b!.tensor.dims.length === 2 && b!.tensor.dims[0] !== 1) return 'Gemm C is not one value per output column';
    const beta = attr(p, 'beta')?.f ?? 1;
    if (biasIn) for (let i = 0; i < biasIn.length; i++) biasIn[i] = biasIn[i]! * beta;
    beta1 = true;
  }
  if (biasIn && biasIn.length !== c && biasIn.length !== 1) return `bias has ${biasIn.length} values for ${c} channels`;
  for (let i = 0; i < weight.length; i++) weight[i] = weight[i]! * bn.s[channel[i]!]!;
  for (let k = 0; k < c; k++) {
    const b0 = biasIn ? biasIn[biasIn.length === 1 ? 0 : k]! : 0;
    bias[k] = b0 * bn.s[k]! + bn.t[k]!;
  }
  return { weight, bias, dims: { weight: dims, bias: [c] }, used, beta1 };
}

/** Whether `name` is read only by `reader` (input 0), nowhere else (subgraphs included) and not a graph output. */
function readOnlyBy(name: string, reader: NodeProto, du: DefUse): boolean {
  const r = du.readers(name);
  return r.length === 1 && r[0]!.node === reader && r[0]!.inputIndex === 0 && !du.isGraphOutput(name);
}

interface Fold {
  bn: NodeProto;
  p: NodeProto;
  affine: Affine;
  folded: Folded;
}

function foldScope(scope: GraphScope, index: DefinitionIndex, names: Set<string>, external: ExternalDataSource | undefined, out: { byOp: Record<string, number>; skipped: FoldSkip[]; used: ConstantWeight['path'][] }): void {
  const g = scope.graph;
  const bns = g.node.filter((n) => n.opType === 'BatchNormalization' && isDefaultDomain(n));
  if (!bns.length) return;
  const du = new DefUse(scope);
  // Every BN is judged on the graph as it was (a BN after a folded one still sees a BN before it), then
  // the folds are made.
  const folds: Fold[] = [];
  for (const bn of bns) {
    const skip = (reason: string) => out.skipped.push({ node: nodeId(bn), reason });
    const x = bn.input[0] ?? '';
    const p = du.producer(x);
    if (!p || !isDefaultDomain(p) || !FOLDABLE_PRODUCERS.has(p.opType ?? '')) { skip(`its input is ${p ? `computed by ${p.opType}` : 'not computed by a node'}, not by Conv, ConvTranspose or Gemm`); continue; }
    if (p.output.length !== 1 || !readOnlyBy(x, bn, du)) { skip(`${p.opType} '${nodeId(p)}' output is read by more than this BatchNormalization`); continue; }
    if (bn.output.slice(1).some((o) => o && (du.readers(o).length > 0 || du.isGraphOutput(o)))) { skip('its running mean/var outputs are read (training form)'); continue; }
    const affine = bnAffine(bn, scope, index, external);
    if (typeof affine === 'string') { skip(affine); continue; }
    const folded = foldInto(p, affine, scope, index, external);
    if (typeof folded === 'string') { skip(folded); continue; }
    folds.push({ bn, p, affine, folded });
  }
  const staleInfo = new Set<string>();
  for (const { bn, p, affine, folded } of folds) {
    const base = nodeId(p);
    const wName = freshName(names, `${base}_weight_bnfolded`);
    const bName = freshName(names, `${base}_bias_bnfolded`);
    const tensor = (name: string, dims: number[], values: Float32Array): TensorProto => newTensor(external, name, DataType.FLOAT, dims, new Uint8Array(values.buffer));
    du.addInitializer(tensor(wName, folded.dims.weight, folded.weight));
    du.addInitializer(tensor(bName, folded.dims.bias, folded.bias));
    staleInfo.add(p.output[0]!);
    // The producer computes the BN's output itself.
    du.change(p, (n) => {
      n.input = [n.input[0]!, wName, bName];
      if (folded.beta1) n.attribute = n.attribute.filter((a) => a.name !== 'beta');
      n.output = [bn.output[0]!];
    });
    out.used.push(...[...folded.used, ...affine.used].map((c) => c.path));
    out.byOp[p.opType!] = (out.byOp[p.opType!] ?? 0) + 1;
  }
  if (staleInfo.size) g.valueInfo = g.valueInfo.filter((v) => !staleInfo.has(v.name ?? ''));
  du.remove(folds.map((f) => f.bn));
}

export function foldBatchNorm(model: ModelProto, ctx?: Pick<StageContext, 'external' | 'log'>): StageOutcome {
  const index = new DefinitionIndex();
  const names = allNames(model);
  const out = { byOp: {} as Record<string, number>, skipped: [] as FoldSkip[], used: [] as ConstantWeight['path'][] };
  for (const scope of mainScopes(model)) foldScope(scope, index, names, ctx?.external, out);
  // The old weights, biases and BN parameters, where nothing else reads them.
  const removed = removeUnused(out.used, new DefinitionIndex());
  const folded = Object.values(out.byOp).reduce((a, b) => a + b, 0);
  ctx?.log(`fold-batchnorm: ${folded} BatchNormalization folded, ${out.skipped.length} left`);
  return { model, modified: folded > 0, details: { folded, foldedInto: out.byOp, constantsRemoved: removed, skipped: out.skipped } };
}

export function foldBatchNormStage(options: StageOptions = {}): Stage {
  rejectUnknownOptions('fold-batchnorm', options, []);
  return { name: 'fold-batchnorm', inPlace: true, run: (model, ctx) => foldBatchNorm(model, ctx) };
}

/** Whether `model` has a BatchNormalization this stage would look at (one fed by a Conv, ConvTranspose or Gemm). */
export function hasFoldableBatchNorm(model: ModelProto): boolean {
  for (const scope of mainScopes(model)) {
    const bns = scope.graph.node.filter((n) => n.opType === 'BatchNormalization' && isDefaultDomain(n));
    if (!bns.length) continue;
    const du = new DefUse(scope);
    for (const n of bns) {
      const p = du.producer(n.input[0] ?? '');
      if (p && FOLDABLE_PRODUCERS.has(p.opType ?? '')) return true;
    }
  }
  return false;
}
