/**
 * Tied transposed copies: a 2-D tensor whose bytes are exactly the transpose of another 2-D tensor of
 * the same dtype. GPT-style exports with tied embeddings store the table `wte` [vocab, hidden] for
 * Gather and a constant-folded `wteᵀ` [hidden, vocab] for the output MatMul. dedup replaces the copy
 * with Transpose(perm [1, 0]) of the table; onnxruntime constant-folds a Transpose of an initializer
 * when it loads the model, so the session computes with the same bytes as before.
 *
 * Candidates are cheap to rule out: the shapes must be [a, b] and [b, a], then a handful of sampled
 * elements must agree; only then is every element compared. The samples are a lookup key, not a pairwise
 * test, so thousands of same-shape square weights cost one pass, not one comparison per pair.
 */
import { DataType, bitsOf } from '../onnx/dtype.js';
import type { TensorProto } from '../onnx/types.js';
import { pushTo } from './dedup-identical.js';

/** Ties cheaper than the Transpose node that replaces them are not worth making. */
export const MIN_TIE_BYTES = 64;
/** Elements sampled before a full compare (here and in dedup-stream.ts's summaries of payloads on disk). */
export const SAMPLES = 16;
const TILE = 64;

/** Position of the k-th of SAMPLES elements spread evenly over `n`. */
export function samplePosition(k: number, n: number): number {
  return Math.floor((k * (n - 1)) / (SAMPLES - 1));
}

/** Element width in bytes for dtypes a transpose moves element by element (not strings, not sub-byte). */
export function elementWidth(dataType: number | undefined): number {
  const bits = bitsOf(dataType);
  return dataType === DataType.STRING || bits < 8 || bits % 8 !== 0 ? 0 : bits / 8;
}

function sameElement(x: Uint8Array, xi: number, y: Uint8Array, yi: number, width: number): boolean {
  for (let k = 0; k < width; k++) if (x[xi + k] !== y[yi + k]) return false;
  return true;
}

export interface TransposeSamples {
  /** Sampled elements of a 2-D [a, b] tensor at evenly spread positions of its own layout. */
  own: Uint8Array;
  /** Elements at the same positions of its [b, a] transpose (so own(x) = dual(y) when y = xᵀ). */
  dual: Uint8Array;
}

export function transposeSamples(bytes: Uint8Array, dims: number[], width: number): TransposeSamples {
  const [a, b] = dims as [number, number];
  const n = a * b;
  const count = Math.min(SAMPLES, n);
  const own = new Uint8Array(count * width);
  const dual = new Uint8Array(count * width);
  for (let k = 0; k < count; k++) {
    const p = samplePosition(k, n);
    own.set(bytes.subarray(p * width, (p + 1) * width), k * width);
    // Position p of the [b, a] transpose is (row ⌊p/a⌋, column p mod a), i.e. element (p mod a, ⌊p/a⌋) here.
    const q = (p % a) * b + Math.floor(p / a);
    dual.set(bytes.subarray(q * width, (q + 1) * width), k * width);
  }
  return { own, dual };
}

type Words = Uint32Array | Uint16Array | Uint8Array;

/** Both payloads as arrays of the largest word (4, 2 or 1 bytes) dividing the width and both offsets. */
function alignedWords(x: Uint8Array, y: Uint8Array, width: number): [Words, Words, number] {
  for (const u of [4, 2]) {
    if (width % u === 0 && x.byteOffset % u === 0 && y.byteOffset % u === 0) {
      const view = (b: Uint8Array) => (u === 4 ? new Uint32Array(b.buffer, b.byteOffset, b.length / 4) : new Uint16Array(b.buffer, b.byteOffset, b.length / 2));
      return [view(x), view(y), width / u];
    }
  }
  return [x, y, width];
}

/**
 * Visits (i, j0..j1) runs in 64×64 tiles, so the strided side of the comparison stays in cache; the
 * callback compares one run and says whether it matched.
 */
function everyTileRun(rows: number, cols: number, run: (i: number, j0: number, j1: number) => boolean): boolean {
  for (let i0 = 0; i0 < rows; i0 += TILE) {
    const i1 = Math.min(rows, i0 + TILE);
    for (let j0 = 0; j0 < cols; j0 += TILE) {
      const j1 = Math.min(cols, j0 + TILE);
      for (let i = i0; i < i1; i++) if (!run(i, j0, j1)) return false;
    }
  }
  return true;
}

/**
 * y[j][i] == x[i][j] for every element. Word arrays when the offsets allow; payloads viewed in a file
 * buffer sit at arbitrary offsets, so float32 ones are then read with unaligned DataView loads rather
 * than byte by byte.
 */
function fullCheck(x: Uint8Array, y: Uint8Array, rows: number, cols: number, width: number): boolean {
  const [xw, yw, per] = alignedWords(x, y, width);
  if (per === 1) {
    return everyTileRun(rows, cols, (i, j0, j1) => {
      for (let j = j0, xi = i * cols + j0, yi = j0 * rows + i; j < j1; j++, xi++, yi += rows) if (xw[xi] !== yw[yi]) return false;
      return true;
    });
  }
  if (width === 4) {
    const xv = new DataView(x.buffer, x.byteOffset, x.length);
    const yv = new DataView(y.buffer, y.byteOffset, y.length);
    return everyTileRun(rows, cols, (i, j0, j1) => {
      for (let j = j0, xi = (i * cols + j0) * 4, yi = (j0 * rows + i) * 4; j < j1; j++, xi += 4, yi += rows * 4) {
        if (xv.getUint32(xi, true) !== yv.getUint32(yi, true)) return false;
      }
      return true;
    });
  }
  return everyTileRun(rows, cols, (i, j0, j1) => {
    for (let j = j0; j < j1; j++) {
      const xi = (i * cols + j) * per;
      const yi = (j * rows + i) * per;
      for (let k = 0; k < per; k++) if (xw[xi + k] !== yw[yi + k]) return false;
    }
    return true;
  });
}

/** Whether `y` ([cols, rows]) is the transpose of `x` ([rows, cols]): y[j][i] == x[i][j] byte for byte. */
export function isTransposeOf(x: Uint8Array, y: Uint8Array, rows: number, cols: number, width: number): boolean {
  const n = rows * cols;
  if (x.length !== n * width || y.length !== n * width) return false;
  for (let k = 0; k < Math.min(SAMPLES, n); k++) {
    const p = samplePosition(k, n);
    const i = Math.floor(p / cols);
    const j = p % cols;
    if (!sameElement(x, p * width, y, (j * rows + i) * width, width)) return false;
  }
  return fullCheck(x, y, rows, cols, width);
}

/**
 * Pairs of items whose tensors are transposes of each other. Each item joins at most one pair (the
 * transpose of a matrix is unique, so this loses nothing). `orient` decides which side is kept (or
 * refuses the pair, e.g. when neither graph encloses the other). `samplesOf` gives a tensor's
 * transposeSamples (dedup-stream.ts keeps them for payloads on disk, so those are read in full only for
 * a candidate whose samples match).
 */
export function findTransposedPairs<T, R>(
  items: T[],
  tensorOf: (item: T) => TensorProto,
  bytesOf: (t: TensorProto) => Uint8Array,
  orient: (a: T, b: T) => R | undefined,
  samplesOf: (t: TensorProto) => TransposeSamples | undefined = (t) => transposeSamples(bytesOf(t), t.dims, elementWidth(t.dataType)),
): R[] {
  // First by dtype and shape: only an item with a partner shape ([c, r] for [r, c]) is sampled at all
  // (sampling a payload on disk reads it). Then by sampled elements in the item's own layout: x looks up
  // the [c, r] items whose own samples equal x's dual ones (own(y) = dual(x) when y = xᵀ); lists keep
  // item order, so the first real transpose found is the one the pairwise scan would have found.
  const shapeKey = (t: TensorProto, swap: boolean) => `${t.dataType}|${t.dims[swap ? 1 : 0]}|${t.dims[swap ? 0 : 1]}`;
  const byShape = new Map<string, T[]>();
  for (const item of items) {
    const t = tensorOf(item);
    if (t.dims.length !== 2 || elementWidth(t.dataType) === 0) continue;
    if (t.dims[0]! * t.dims[1]! * elementWidth(t.dataType) < MIN_TIE_BYTES) continue;
    pushTo(byShape, shapeKey(t, false), item);
  }
  const sampleKey = (shape: string, sample: Uint8Array) => `${shape}|${Buffer.from(sample.buffer, sample.byteOffset, sample.length).toString('latin1')}`;
  const byOwn = new Map<string, T[]>();
  const eligible: [T, TransposeSamples][] = [];
  for (const [shape, group] of byShape) {
    const t0 = tensorOf(group[0]!);
    const partners = byShape.get(shapeKey(t0, true))?.length ?? 0;
    if (partners === 0 || (partners === 1 && t0.dims[0] === t0.dims[1])) continue; // a square one alone
    for (const item of group) {
      const s = samplesOf(tensorOf(item));
      if (!s) continue;
      eligible.push([item, s]);
      pushTo(byOwn, sampleKey(shape, s.own), item);
    }
  }
  const paired = new Set<T>();
  const out: R[] = [];
  const order = new Map(items.map((item, i) => [item, i]));
  eligible.sort(([a], [b]) => order.get(a)! - order.get(b)!);
  for (const [x, s] of eligible) {
    if (paired.has(x)) continue;
    const tx = tensorOf(x);
    const [rows, cols] = tx.dims as [number, number];
    for (const y of byOwn.get(sampleKey(shapeKey(tx, true), s.dual)) ?? []) {
      if (y === x || paired.has(y)) continue;
      if (!isTransposeOf(bytesOf(tx), bytesOf(tensorOf(y)), rows, cols, elementWidth(tx.dataType))) continue;
      const pair = orient(x, y);
      if (!pair) continue;
      paired.add(x).add(y);
      out.push(pair);
      break;
    }
  }
  return out;
}
