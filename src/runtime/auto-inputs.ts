/**
 * `inputs: auto`: samples made from the model's input metadata, the same for the same seed on every
 * machine. Values are chosen so the model runs on data of a realistic kind:
 * - integer inputs used as indices take values the op accepts: token ids in [0, rows) of their Gather
 *   table, GatherElements/Scatter/GatherND indices within the addressed dim, loss labels below the
 *   class count (gatherBounds);
 * - integer inputs named `mask` are all 1 (Hugging Face's `attention_mask`: 1 = attend everywhere);
 *   `token_type`/`segment` are 0 (one segment); `position` ids count 0, 1, 2, … along the last axis;
 * - bool inputs named `mask` have no agreed polarity: torch's `src_key_padding_mask` means True = ignore,
 *   other exporters True = attend. Each sample attends to a prefix of the last axis and pads the rest
 *   (sample 0 pads nothing, later ones up to half), with the value `maskAttend` says means attend
 *   (default: False for names with `pad`/`ignore`, else True); original-run.ts retries the other
 *   polarity when the original's outputs come out NaN/Inf (every position masked);
 * - float images ([N, C, H, W], 1–4 channels) are pictures of shapes and strokes (auto-images.ts); other
 *   floats are standard normal; other bools are fair coin flips (both branches of an If get exercised);
 * - other integers are in [0, 10).
 * Open axes take their size from `dims:`; a sequence-like one without a size defaults to 128, or
 * less when the model's own position table is shorter (dim-limits.ts), so ids never run past it; the
 * rest (batch, image sides, unnamed axes) what dim-defaults.ts infers from the model.
 */
import { attr, forEachGraph } from '../onnx/graph.js';
import { constantValueAttr, isConstantNode } from '../onnx/tensor.js';
import type { ModelProto, NodeProto } from '../onnx/types.js';
import { dimLimits, type DimLimit } from './dim-limits.js';
import { guessDim } from './dim-defaults.js';
import { imageValues, isImageShape } from './auto-images.js';
import { isFloatType } from './named-tensor.js';
import {
  BATCH_DIM, DEFAULT_SEQUENCE, SEQUENCE_DIM, defaultDim, encodeValues, resolveDims,
  type AutoDim, type ModelInput, type Sample, type SampleOptions,
} from './input-meta.js';

/** mulberry32: a tiny, well-mixed 32-bit generator; plenty for test inputs and identical everywhere. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a of a string, to give each input its own stream (adding an input does not shift the others). */
function hashName(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Standard normal by Box–Muller (1 − u keeps log away from 0). */
function normal(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

/** Ops that pass indices through unchanged in value (only shape or type changes). */
const PASS_THROUGH = new Set(['Cast', 'Unsqueeze', 'Squeeze', 'Reshape', 'Flatten', 'Identity']);

/**
 * Ops that take indices into another input, as [indices input, data input, the data axes the index
 * values address]: `axis` reads the node's axis attribute (default 0); `leading` the leading axes an
 * index tuple addresses (GatherND/ScatterND: bounded by the smallest of them, so any position is valid);
 * `1` the class axis of the loss ops.
 */
const INDEXING: Record<string, [number, number, 'axis' | 'leading' | 1]> = {
  Gather: [1, 0, 'axis'], GatherElements: [1, 0, 'axis'], ScatterElements: [1, 0, 'axis'], Scatter: [1, 0, 'axis'],
  GatherND: [1, 0, 'leading'], ScatterND: [1, 0, 'leading'],
  NegativeLogLikelihoodLoss: [1, 0, 1], SoftmaxCrossEntropyLoss: [1, 0, 1],
};

/** How many values an index of `n` may take, given the dims of its data input (undefined: unknown). */
function indexRange(n: NodeProto, kind: 'axis' | 'leading' | 1, dims: number[], indexDims: number[] | undefined): number | undefined {
  if (kind === 'leading') {
    const k = indexDims?.[indexDims.length - 1] ?? dims.length; // GatherND: the last index dim counts the addressed axes
    const batch = Number(attr(n, 'batch_dims')?.i ?? 0n);
    const addressed = dims.slice(batch, batch + k);
    return addressed.length ? Math.min(...addressed) : undefined;
  }
  const axis = kind === 1 ? 1 : Number(attr(n, 'axis')?.i ?? 0n);
  return dims[axis < 0 ? axis + dims.length : axis];
}

/**
 * For each name, the smallest range of values it may take as an index (directly or through PASS_THROUGH
 * ops): token ids in [0, rows) of their embedding table, indices of GatherElements/Scatter/GatherND in
 * the addressed dim, class labels in [0, classes). Data dims come from initializers, Constant nodes, or
 * the graph inputs' dims as the samples will have them (`inputDims`). Indices stay non-negative.
 */
export function gatherBounds(model: ModelProto, inputDims: Map<string, number[]> = new Map()): Map<string, number> {
  const tableDims = new Map<string, number[]>(inputDims);
  const consumers = new Map<string, NodeProto[]>();
  forEachGraph(model, ({ graph }) => {
    for (const t of graph.initializer) if (t.name) tableDims.set(t.name, t.dims);
    for (const n of graph.node) {
      if (isConstantNode(n) && n.output[0]) {
        const a = constantValueAttr(n);
        if (a?.t) tableDims.set(n.output[0], a.t.dims);
      }
      for (const i of n.input) if (i) consumers.set(i, [...(consumers.get(i) ?? []), n]);
    }
  });
  const bounds = new Map<string, number>();
  const rowsReached = (name: string, seen: Set<string>): number | undefined => {
    if (seen.has(name)) return undefined;
    seen.add(name);
    let best: number | undefined;
    for (const n of consumers.get(name) ?? []) {
      let rows: number | undefined;
      const indexing = INDEXING[n.opType ?? ''];
      if (indexing && n.input[indexing[0]] === name) {
        const dims = tableDims.get(n.input[indexing[1]] ?? '');
        rows = dims ? indexRange(n, indexing[2], dims, tableDims.get(name)) : undefined;
      } else if (PASS_THROUGH.has(n.opType ?? '') && n.input[0] === name && n.output[0]) {
        rows = rowsReached(n.output[0], seen);
      }
      if (rows !== undefined && rows > 0 && (best === undefined || rows < best)) best = rows;
    }
    return best;
  };
  for (const name of consumers.keys()) {
    const rows = rowsReached(name, new Set());
    if (rows !== undefined) bounds.set(name, rows);
  }
  return bounds;
}

const INT_TYPES = new Set(['int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64']);

const isBoolMask = (input: Pick<ModelInput, 'name' | 'type'>) => input.type === 'bool' && /mask/i.test(input.name);

/** The bool inputs named like a mask: their polarity is a guess (see the header), retried on NaN. */
export function boolMaskInputs(inputs: ModelInput[]): string[] {
  return inputs.filter(isBoolMask).map((i) => i.name);
}

/** The value a bool mask's name suggests means "attend": False for torch's padding masks (True = ignore). */
export function guessedAttend(name: string): boolean {
  return !/pad|ignore/i.test(name);
}

/** How many trailing positions of the last axis sample `s` of `samples` pads (0 for sample 0, ≤ half). */
function paddedTail(length: number, s: number, samples: number): number {
  return samples > 1 ? Math.floor((length * s) / (2 * samples)) : 0;
}

interface ValueContext {
  rand: () => number;
  rows: number | undefined;
  /** For a bool mask: the value meaning attend, and how many trailing positions are padding. */
  mask?: { attend: boolean; pad: number };
}

function values(input: ModelInput, dims: number[], { rand, rows, mask }: ValueContext): number[] {
  const count = dims.reduce((a, b) => a * b, 1);
  const name = input.name.toLowerCase();
  const out = new Array<number>(count);
  const isInt = INT_TYPES.has(input.type);
  const last = dims[dims.length - 1] ?? 1;
  if (isFloatType(input.type) && isImageShape(dims)) return imageValues(dims, rand);
  for (let i = 0; i < count; i++) {
    if (isFloatType(input.type)) out[i] = normal(rand);
    else if (mask) out[i] = Number((i % last < last - mask.pad) === mask.attend);
    else if (input.type === 'bool') out[i] = rand() < 0.5 ? 1 : 0;
    else if (/mask/.test(name)) out[i] = 1;
    else if (/token_type|segment/.test(name)) out[i] = 0;
    else if (isInt && /position/.test(name)) out[i] = rows ? (i % last) % rows : i % last;
    else out[i] = Math.floor(rand() * (rows ?? 10));
  }
  return out;
}

/**
 * The size of every open input axis (a symbolic dim by its name, an unnamed one as `input[axis]`): from
 * `dims:` when given; a sequence-like name otherwise gets min(128, the longest the model's position
 * tables allow); other known names their default (batch 1); anything else what dim-defaults.ts infers
 * from the model (batch axis, readers' weights, strides), each with the reason.
 */
export function autoDims(model: ModelProto, inputs: ModelInput[], given: Record<string, number>): AutoDim[] {
  const names = [...new Set(inputs.flatMap((i) => i.dims.filter((d): d is string => typeof d === 'string')))];
  let limits: Map<string, DimLimit> | undefined;
  const limitOf = (name: string) => (limits ??= dimLimits(model)).get(name);
  const sequence = (name: string | undefined): AutoDim | undefined => {
    const limit = name ? limitOf(name) : undefined;
    if (limit && limit.max >= 1 && limit.max <= DEFAULT_SEQUENCE) return { name: name!, value: limit.max, why: `'${limit.table}' has ${limit.rows} rows, read by node '${limit.node}'` };
    return { name: name ?? '', value: DEFAULT_SEQUENCE, why: `the default sequence length ${DEFAULT_SEQUENCE}` };
  };
  const memo = {};
  const seen = new Map<string, AutoDim>();
  for (const input of inputs) {
    input.dims.forEach((d, axis) => {
      if (typeof d === 'number') return;
      const byAxis = `${input.name}[${axis}]`;
      if (given[byAxis] !== undefined) {
        if (!seen.has(byAxis)) seen.set(byAxis, { name: byAxis, value: given[byAxis], why: 'dims:' });
        return;
      }
      const key = d ?? byAxis;
      if (seen.has(key)) return;
      if (d !== undefined && given[d] !== undefined) { seen.set(d, { name: d, value: given[d], why: 'dims:' }); return; }
      if (d !== undefined && SEQUENCE_DIM.test(d) && !BATCH_DIM.test(d)) {
        const limit = limitOf(d);
        if (limit && limit.max >= 1 && limit.max <= DEFAULT_SEQUENCE) {
          seen.set(d, { name: d, value: limit.max, why: `'${limit.table}' has ${limit.rows} rows, read by node '${limit.node}'` });
          return;
        }
      }
      const fallback = d === undefined ? undefined : defaultDim(d);
      if (fallback !== undefined) { seen.set(key, { name: key, value: fallback, why: 'default' }); return; }
      const guess = guessDim(model, inputs, input, axis, () => sequence(d), memo);
      seen.set(key, { name: key, value: guess.value, why: guess.why, inferred: true });
    });
  }
  // Named dims in the order they first appear (as before), then the unnamed axes.
  const ordered = names.map((n) => seen.get(n)).filter((x): x is AutoDim => !!x);
  return [...ordered, ...[...seen.values()].filter((x) => !ordered.includes(x))];
}

/** onnxruntime's words for an index past a table's end (Gather, GatherElements, ScatterND …). */
const INDEX_OUT_OF_RANGE = /out of (data )?bounds|out of range/i;

/**
 * An onnxruntime error with, when it is an index out of range on auto inputs, the dims that made
 * the inputs that long and how to shorten them (the usual cause: a sequence longer than the model's
 * position table).
 */
export function withDimHint(error: string, dims: AutoDim[]): string {
  if (!dims.length || !INDEX_OUT_OF_RANGE.test(error)) return error;
  const ordered = [...dims].sort((a, b) => Number(SEQUENCE_DIM.test(b.name)) - Number(SEQUENCE_DIM.test(a.name)));
  const used = ordered.map((d) => `${d.name} = ${d.value} (${d.why})`).join(', ');
  const first = ordered[0]!.name;
  return `${error} — the auto inputs used ${used}; set a smaller ${first} in dims: (config parity.dims.${first}, or --dims ${first}=N for compare and compress --auto)`;
}

/** The seed of auto inputs when none is given: parity's default, and the one fp16's overflow check uses. */
export const AUTO_SEED = 0;

export function autoSamples(model: ModelProto, inputs: ModelInput[], opts: SampleOptions): Sample[] {
  const used = autoDims(model, inputs, opts.dims);
  for (const d of used) opts.onDim?.(d);
  const sizes = { ...Object.fromEntries(used.map((d) => [d.name, d.value])), ...opts.dims };
  // A table can be an input too (its rows then are the sample's): indices into it stay in range.
  const inputDims = new Map<string, number[]>();
  for (const input of inputs) {
    try { inputDims.set(input.name, resolveDims(input, sizes)); } catch { /* a dim with no size: said below */ }
  }
  const bounds = gatherBounds(model, inputDims);
  const samples: Sample[] = [];
  for (let s = 0; s < opts.samples; s++) {
    samples.push(inputs.map((input) => {
      const dims = resolveDims(input, sizes);
      const rand = seededRandom((opts.seed * 1000003 + s * 7919) ^ hashName(input.name));
      if (input.type === 'string') {
        const count = dims.reduce((a, b) => a * b, 1);
        return { name: input.name, type: 'string', dims, data: Array.from({ length: count }, () => `s${Math.floor(rand() * 100)}`) };
      }
      const last = dims[dims.length - 1] ?? 1;
      const mask = isBoolMask(input)
        ? { attend: opts.maskAttend?.[input.name] ?? guessedAttend(input.name), pad: paddedTail(last, s, opts.samples) }
        : undefined;
      return { name: input.name, type: input.type, dims, data: encodeValues(input.type, values(input, dims, { rand, rows: bounds.get(input.name), mask })) };
    }));
  }
  return samples;
}
