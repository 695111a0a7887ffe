/**
 * dedup's decisions for payloads that live in external data files, made without keeping any of them:
 * a model of 5 GB does not fit in memory, and comparing every pair from disk would read it many times.
 *
 * Each payload is read once and summarized (SHA-256, plus, for 2-D tensors, a few sampled elements in
 * its own layout and in its transposed one); the buffer is then dropped. Identical payloads are
 * grouped by digest and every member is then compared byte for byte with the first (one more read of
 * each duplicate), so membership is still decided by a full compare, never by a hash alone, as in
 * dedup-identical.ts. Transposed-copy candidates must agree on the sampled elements before
 * dedup-transpose.ts reads both payloads for its full check; different weights almost never do.
 * A payload is thus read once, twice when it has a copy, and more only for a real transposed tie.
 */
import { elementCount } from '../onnx/tensor.js';
import type { TensorProto } from '../onnx/types.js';
import { contentDigest, sameBytes } from './content-identity.js';
import { identicalClasses, pushTo } from './dedup-identical.js';
import { elementWidth, transposeSamples, type TransposeSamples } from './dedup-transpose.js';

interface Summary {
  digest: string;
  /** For a 2-D tensor: sampled elements in its own and its transposed layout (dedup-transpose.ts). */
  samples?: TransposeSamples;
}

/** One summary per tensor, each made from a single read. */
export class PayloadSummaries {
  private readonly memo = new Map<TensorProto, Summary>();

  constructor(private readonly bytesOf: (t: TensorProto) => Uint8Array) {}

  of(t: TensorProto): Summary {
    let s = this.memo.get(t);
    if (s) return s;
    const bytes = this.bytesOf(t);
    s = { digest: contentDigest(bytes) };
    const width = elementWidth(t.dataType);
    if (t.dims.length === 2 && width > 0 && bytes.length === elementCount(t.dims) * width) s.samples = transposeSamples(bytes, t.dims, width);
    this.memo.set(t, s);
    return s;
  }
}

/**
 * Splits `items` (equal in dtype, dims and byte length) into classes of identical payloads, as
 * identicalClasses does, reading each payload once to digest it and once more to confirm a match.
 */
export function identicalByDigest<T>(items: T[], tensorOf: (item: T) => TensorProto, summaries: PayloadSummaries, bytesOf: (t: TensorProto) => Uint8Array): T[][] {
  if (items.length < 2) return items.length ? [items] : [];
  const byDigest = new Map<string, T[]>();
  for (const item of items) pushTo(byDigest, summaries.of(tensorOf(item)).digest, item);
  const classes: T[][] = [];
  for (const same of byDigest.values()) {
    if (same.length === 1) { classes.push(same); continue; }
    const first = bytesOf(tensorOf(same[0]!));
    const confirmed = [same[0]!];
    const differ: T[] = [];
    for (const item of same.slice(1)) (sameBytes(bytesOf(tensorOf(item)), first) ? confirmed : differ).push(item);
    classes.push(confirmed);
    // Equal SHA-256 with different bytes: unheard of, but a hash alone never decides a merge.
    classes.push(...identicalClasses(differ, (item) => bytesOf(tensorOf(item))));
  }
  return classes;
}
