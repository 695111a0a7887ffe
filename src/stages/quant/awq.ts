/**
 * Activation-aware 4-bit weights (`method: awq`, after AWQ, Lin et al. 2023, and onnxruntime's
 * `AWQWeightOnlyQuantConfig`): a weight row k multiplies activation channel k, so its rounding error costs
 * E[x_k²] times as much at the output. Two uses of calibration's per-channel second moments m_k:
 *
 * - scaling: row k of W is multiplied by s_k = rms_k^α (normalised so √(max·min) = 1) before it is
 *   quantized and the activation divided by s_k, which leaves X·W unchanged in exact arithmetic but gives
 *   the rows that matter a finer share of their block's grid. α is searched per activation (every layer
 *   reading it shares one s) on the grid 0, ⅛ … ½, ¾, by the expected output error
 *   Σ_k m_k Σ_n (W_kn − Q(s_k W_kn) / s_k)² (the diagonal of the layer's input Hessian XᵀX; cross terms
 *   left out), measured on up to SAMPLED_COLUMNS columns of each weight. α = 0 is "no scaling".
 * - weighting: the block search (block-solver.ts, `imp`) then minimises that same weighted error, with
 *   the weights m_k / s_k² of the scaled rows;
 * - error feedback: with calibration's within-block E[x_i·x_j] too, each block's codes are chosen
 *   GPTQ-style (block-feedback.ts) at the scale and zero point the search found.
 *
 * Measured on all-MiniLM-L6-v2 (bench/int4.ts, block 32, symmetric, output rel. L2 error vs fp32): rtn
 * 0.2796, mse 0.2708, weighting + feedback without scaling 0.2312, all three 0.2081.
 *
 * Where 1/s goes, so the graph computes the same function:
 * - folded into the LayerNormalization that makes the activation (γ/s, β/s) when every reader of the
 *   activation is one of the scaled layers and γ, β are its own initializers: no node, no bytes added;
 * - else a Mul(x, 1/s) in front of the scaled layers (the other readers keep x): K floats and one
 *   elementwise op per activation (≈ 1/N of the MatMul it feeds) — BERT's post-LN blocks need it, as the
 *   residual Add reads the same LayerNorm output. Only when it cuts the expected error by ≥ 3 %.
 *
 * s is rounded to a sixteenth of an octave, so the tiny differences between onnxruntime runs on the same
 * samples (thread-order float sums) do not change the file.
 */
import { DataType } from '../../onnx/dtype.js';
import { attr, freshName, type GraphScope } from '../../onnx/graph.js';
import { replacePayload } from '../../onnx/spill.js';
import { makeTensor, tensorFloat32, type ExternalDataSource } from '../../onnx/tensor.js';
import type { NodeProto, TensorProto } from '../../onnx/types.js';
import { DefUse } from '../../graph/def-use.js';
import { makeNode } from '../nodes.js';
import { fitBlock, type BlockSpec } from './block-solver.js';
import type { ConstantWeight } from './constant-weight.js';
import type { ChannelMomentsResult } from '../stage.js';
import { bytesOf } from '../content-identity.js';
import { inputOf } from './tensor-pool.js';

/** What a scaled layer's quantizer needs (the rewrite reads it by node). */
export interface ActivationAware {
  /** E[x_k²] of the activation the layer reads. */
  moments: Float32Array;
  /** E[x_k] of it, for the bias correction (bias-correction.ts); absent when the calibrator gave none. */
  mean?: Float32Array;
  /** s_k: row k of the weight is multiplied by it before quantizing; absent when α = 0 won. */
  scale?: Float32Array;
  /** One id per activation, for the store key (two layers on different activations never share). */
  group: number;
  /** E[x_i·x_j] within blocks of `crossBlock` channels (ChannelMomentsResult.cross), for error feedback; absent: none. */
  cross?: Float32Array;
  /** Channels per block of `cross`: the quantization block size, or a multiple of it (span-feedback.ts). */
  crossBlock?: number;
  /** blockFactors of `cross` at this scale, made by the first layer of the group that needs them. */
  factors?: Float64Array;
}

/** One MatMul / Gemm the plan may scale: its weight as the node sees it ([K, N] unless `transposed`). */
export interface AwqLayer {
  node: NodeProto;
  weight: ConstantWeight;
  values: () => Float32Array;
}

/** What the report says about one activation's scaling. */
export interface AwqGroup {
  activation: string;
  layers: string[];
  alpha: number;
  /** Where 1/s went: the LayerNorm's γ/β, a Mul, or nowhere (α = 0: weighting only). */
  placement: 'layer-norm' | 'mul' | 'none';
  /** Expected output error at the chosen α relative to α = 0 (< 1 is better). */
  gain: number;
}

export const AWQ_ALPHAS = [0, 0.125, 0.25, 0.375, 0.5, 0.75];
/**
 * Columns of each weight the α search quantizes (evenly spaced): enough to rank α, a fraction of the cost.
 * On all-MiniLM-L6-v2, 32 columns and this grid gave output error 0.2081 where 96 columns and 0, 0.1 … 1
 * gave 0.2110 (winners were 0.1–0.4), in a fifth of the search time.
 */
const SAMPLED_COLUMNS = 32;
/** A Mul is put in only when it cuts the expected error to this fraction of α = 0's or less. */
const MUL_WORTH = 0.97;
/** Channels quieter than this fraction of the loudest rms count as this loud (s stays bounded). */
const RMS_FLOOR = 1e-3;
/** Scales are rounded to 2^(j/16). */
const OCTAVE_STEPS = 16;

/** s = rms^α normalised to √(max·min) = 1 and rounded to a sixteenth of an octave. */
export function channelScales(moments: Float32Array, alpha: number): Float32Array {
  const k = moments.length;
  let top = 0;
  for (let i = 0; i < k; i++) top = Math.max(top, moments[i]!);
  const floor = top * RMS_FLOOR * RMS_FLOOR;
  const logs = new Float64Array(k);
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < k; i++) {
    const l = (alpha / 2) * Math.log2(Math.max(moments[i]!, floor) || 1);
    logs[i] = l;
    lo = Math.min(lo, l);
    hi = Math.max(hi, l);
  }
  const mid = (lo + hi) / 2;
  return Float32Array.from(logs, (l) => 2 ** (Math.round((l - mid) * OCTAVE_STEPS) / OCTAVE_STEPS));
}

/** The columns of one weight the α search quantizes, each contiguous ([count, k]): gathered once, tried at every α. */
function sampledColumns(l: AwqLayer, values: Float32Array): { cols: Float32Array; count: number; k: number } {
  const [r, c] = l.weight.tensor.dims as [number, number];
  const [k, n] = l.weight.transposed ? [c, r] : [r, c];
  const step = Math.max(1, Math.floor(n / SAMPLED_COLUMNS));
  const count = Math.ceil(n / step);
  const cols = new Float32Array(count * k);
  if (l.weight.transposed) for (let j = 0; j < count; j++) cols.set(values.subarray(j * step * k, (j * step + 1) * k), j * k);
  // [K, N]: row by row, so each row's cache lines serve all sampled columns (a column at a time missed on every value).
  else for (let kk = 0; kk < k; kk++) for (let j = 0, at = kk * n; j < count; j++) cols[j * k + kk] = values[at + j * step]!;
  return { cols, count, k };
}

/**
 * Σ_k m_k (w_k − ŵ_k)² over the sampled columns of one weight quantized with row scales `s` (undefined:
 * none), each column's blocks fitted by `spec` (importance m/s² when it is mse).
 */
function expectedError(sampled: { cols: Float32Array; count: number; k: number }, m: Float32Array, s: Float32Array | undefined, spec: BlockSpec, blockSize: number): number {
  const { cols, count, k } = sampled;
  const v = new Float32Array(blockSize);
  const imp = new Float32Array(blockSize);
  const codes = new Uint8Array(blockSize);
  const work = new Uint8Array(blockSize);
  let total = 0;
  for (let j = 0; j < count; j++) {
    for (let k0 = 0; k0 < k; k0 += blockSize) {
      const len = Math.min(k, k0 + blockSize) - k0;
      for (let i = 0; i < len; i++) {
        const kk = k0 + i;
        const sk = s ? s[kk]! : 1;
        v[i] = Math.fround(cols[j * k + kk]! * sk);
        imp[i] = m[kk]! / (sk * sk);
      }
      const fit = fitBlock(v, len, spec, codes, work, imp);
      for (let i = 0; i < len; i++) {
        const d = v[i]! - (codes[i]! - fit.zp) * fit.scale;
        total += imp[i]! * d * d;
      }
    }
  }
  return total;
}

/** The 1-D float initializer `name` of the graph that only `owner` reads (no capture, not an output), or undefined. */
function ownVector(du: DefUse, name: string | undefined, owner: NodeProto, k: number) {
  if (!name) return undefined;
  const d = du.definition(name);
  const t = d?.kind === 'initializer' ? d.tensor : undefined;
  if (!t || t.dataType !== DataType.FLOAT || t.dims.length !== 1 || Number(t.dims[0]) !== k) return undefined;
  return du.usedOutside(name, new Set([owner])) ? undefined : t;
}

/**
 * The LayerNormalization (last axis, γ and β its own) producing `activation` when every reader of it is
 * in `layers`; undefined when 1/s cannot be folded there. Readers as def-use.ts counts them: an If / Loop
 * whose body reads the activation from the outer scope (through a node or as a body output) is a reader
 * and keeps the fold out; a body that defines its own name of the same spelling is not.
 */
function foldTarget(du: DefUse, activation: string, layers: NodeProto[], k: number) {
  if (du.usedOutside(activation, new Set(layers))) return undefined;
  const d = du.definition(activation);
  const ln = d?.kind === 'node' && d.outputIndex === 0 ? d.node : undefined;
  if (!ln || ln.opType !== 'LayerNormalization' || (ln.domain ?? '') !== '') return undefined;
  if ((attr(ln, 'axis')?.i ?? -1) !== -1) return undefined;
  if (ln.output.slice(1).some((o) => o)) return undefined; // mean / inv-std outputs would change meaning
  const gamma = ownVector(du, ln.input[1], ln, k);
  const beta = ln.input[2] ? ownVector(du, ln.input[2], ln, k) : undefined;
  if (!gamma || (ln.input[2] && !beta)) return undefined;
  return { gamma, beta };
}

/**
 * The bias `node`'s output gets, when it is its own: the only reader of the output is an Add whose other
 * input is a float [N] initializer nothing else reads (a torch Linear's MatMul + Add). The bias correction
 * adds to it; without one it takes MatMulNBits' bias input.
 */
function ownBias(du: DefUse, node: NodeProto, n: number): TensorProto | undefined {
  const out = node.output[0];
  if (!out || du.isGraphOutput(out)) return undefined;
  const readers = du.consumers(out);
  const add = readers.length === 1 && readers[0]!.inputIndex >= 0 ? readers[0]!.node : undefined;
  if (!add || add.opType !== 'Add' || (add.domain ?? '') !== '' || add.input.length !== 2) return undefined;
  return ownVector(du, add.input[add.input[0] === out ? 1 : 0], add, n);
}

/**
 * Plans the scaling of every activation read by `layers` (all in `scope`, the main graph): searches α,
 * then folds 1/s into a LayerNorm or puts a Mul before the layers (node inputs rewired here; the Mul goes
 * into `before`, spliced in by the stage). Returns what each layer's quantizer needs and a report line per
 * activation.
 */
export function planAwq(
  scope: GraphScope, layers: AwqLayer[], stats: Map<string, ChannelMomentsResult>, spec: BlockSpec, blockSize: number,
  names: Set<string>, before: Map<NodeProto, NodeProto[]>, external?: ExternalDataSource, declareAsInput = false,
): { byNode: Map<NodeProto, ActivationAware>; biasOf: Map<NodeProto, TensorProto>; groups: AwqGroup[] } {
  const moments = new Map([...stats].map(([name, m]) => [name, m.second]));
  const biasOf = new Map<NodeProto, TensorProto>();
  // A weight read on two activations (ALBERT's shared layers, dedup's ties) would need one quantized copy
  // per activation: those layers are left to plain mse, which keeps one shared copy.
  const activationsOf = new Map<unknown, Set<string>>();
  for (const l of layers) {
    const seen = activationsOf.get(l.weight.tensor);
    if (seen) seen.add(l.node.input[0] ?? '');
    else activationsOf.set(l.weight.tensor, new Set([l.node.input[0] ?? '']));
  }
  const byActivation = new Map<string, AwqLayer[]>();
  for (const l of layers) {
    if (activationsOf.get(l.weight.tensor)!.size > 1) continue;
    const a = l.node.input[0] ?? '';
    const m = moments.get(a);
    const [r, c] = l.weight.tensor.dims as [number, number];
    if (!m || m.length !== (l.weight.transposed ? c : r)) continue;
    const list = byActivation.get(a);
    if (list) list.push(l);
    else byActivation.set(a, [l]);
  }
  const byNode = new Map<NodeProto, ActivationAware>();
  const groups: AwqGroup[] = [];
  const order = new Map(scope.graph.node.map((n, i) => [n, i]));
  // Its own index: this plan rewires layer inputs (through it) and adds Muls the stage splices in later.
  const du = new DefUse(scope);
  for (const [activation, group] of byActivation) {
    const m = moments.get(activation)!;
    const k = m.length;
    const id = groups.length;
    // The α search: each weight read once, every α tried on its sampled columns.
    const errors = AWQ_ALPHAS.map(() => 0);
    const scales = AWQ_ALPHAS.map((a) => (a === 0 ? undefined : channelScales(m, a)));
    for (const l of group) {
      const sampled = sampledColumns(l, l.values());
      scales.forEach((s, i) => (errors[i]! += expectedError(sampled, m, s, spec, blockSize)));
    }
    let best = 0;
    errors.forEach((e, i) => {
      if (e < errors[best]!) best = i;
    });
    const nodes = group.map((l) => l.node);
    const fold = best ? foldTarget(du, activation, nodes, k) : undefined;
    // A Mul costs a node and a pass over the activation: only for a real gain (a fold is free).
    if (best && errors[best]! > MUL_WORTH * errors[0]! && !fold) best = 0;
    const s = scales[best];
    let placement: AwqGroup['placement'] = 'none';
    if (s) {
      if (fold) {
        for (const t of [fold.gamma, fold.beta]) {
          if (t) replacePayload(external, t, bytesOf(tensorFloat32(t, external).map((x, i) => x / s[i]!)));
        }
        placement = 'layer-norm';
      } else {
        const inv = freshName(names, `${activation}_awq_inv_scale`);
        scope.graph.initializer.push(makeTensor(inv, DataType.FLOAT, [k], bytesOf(s.map((x) => 1 / x))));
        // Before IR 4 every initializer is also a graph input (as TensorPool declares its tensors).
        if (declareAsInput) scope.graph.input.push(inputOf(inv, DataType.FLOAT, [k]));
        const scaled = freshName(names, `${activation}_awq`);
        const first = nodes.reduce((a, b) => (order.get(a)! <= order.get(b)! ? a : b));
        const mul = makeNode('Mul', freshName(names, `${activation}_awq_scale`), [activation, inv], [scaled], [], '');
        before.set(first, [...(before.get(first) ?? []), mul]);
        for (const n of nodes) du.change(n, (x) => (x.input[0] = scaled));
        placement = 'mul';
      }
    }
    const { block: crossBlock, cross: crossMoments } = stats.get(activation)!;
    const cross = crossBlock >= blockSize && crossBlock % blockSize === 0 ? crossMoments : undefined;
    const mean = stats.get(activation)!.first;
    const aware: ActivationAware = { moments: m, ...(mean ? { mean } : {}), ...(s ? { scale: s } : {}), ...(cross ? { cross, crossBlock } : {}), group: id };
    for (const l of group) {
      byNode.set(l.node, aware);
      const [r, c] = l.weight.tensor.dims as [number, number];
      const bias = mean && l.node.opType === 'MatMul' ? ownBias(du, l.node, l.weight.transposed ? r : c) : undefined;
      if (bias) biasOf.set(l.node, bias);
    }
    const alpha = AWQ_ALPHAS[best]!;
    groups.push({ activation, layers: nodes.map((n) => n.name || n.output[0] || ''), alpha, placement, gain: errors[0]! > 0 ? Number((errors[best]! / errors[0]!).toPrecision(4)) : 1 });
  }
  return { byNode, biasOf, groups };
}
