/**
 * Content identity of tensor payloads, the one definition dedup and the quantizers share: two payloads
 * are the same content exactly when their bytes are equal (and the caller's key — dtype, dims,
 * quantization parameters — agrees). Never by name (STYLE.md: ORT's quantizer caches by name and
 * quantizes identical weights twice) and never by a hash alone.
 *
 * The parts, cheapest first: a sampled `fingerprint` that separates different payloads almost always
 * and costs no full pass; a full `contentDigest` (SHA-256) where two payloads share a fingerprint;
 * `sameBytes`, which decides. ContentMap puts them together as a map from content to a value;
 * dedup-identical.ts groups many payloads into classes with the same parts.
 */
import { createHash } from 'node:crypto';

/** The bytes under a typed array (no copy). */
export function bytesOf(a: ArrayBufferView): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}

/** SHA-256 of `bytes` (base64), after `prefix` when given (a caller's key folded into the digest). */
export function contentDigest(bytes: Uint8Array, prefix?: string): string {
  const h = createHash('sha256');
  if (prefix !== undefined) h.update(prefix);
  return h.update(bytes).digest('base64');
}

/** Bytes sampled per payload for the fingerprint, evenly spread, first and last included. */
const SAMPLES = 64;

/**
 * A cheap fingerprint of `bytes`: the length and a few bytes spread over the payload (all of it up to
 * SAMPLES bytes), as a string. Equal payloads always share it; different weights almost never do, so
 * they cost no full hash. No hash of its own and few samples: dedup fingerprints every tensor that
 * shares its shape with another (a sampled SHA-1 of 1 KiB, tried here, made dedup's grouping 3–6× slower
 * on a 4-layer BERT), and look-alikes only cost a digest, never a wrong answer.
 */
export function fingerprint(bytes: Uint8Array): string {
  const n = Math.min(SAMPLES, bytes.length);
  const samples = new Uint8Array(n);
  for (let k = 0; k < n; k++) samples[k] = bytes[Math.floor((k * (bytes.length - 1)) / Math.max(1, n - 1))]!;
  return `${bytes.length}|${Buffer.from(samples.buffer).toString('latin1')}`;
}

interface ContentEntry<V> {
  bytes: Uint8Array | (() => Uint8Array);
  /** Digest of the bytes, computed only once another payload lands in the same bucket. */
  digest?: string;
  value: V;
}

/**
 * A map from content (a string key plus bytes) to a value, exact. Entries are bucketed by key and
 * fingerprint; only within a bucket (almost always a real duplicate) are full digests compared, then
 * bytes, so a bucket of look-alikes (sparse weights equal at every sample) costs one hash per payload,
 * not a byte compare per pair. An entry keeps its bytes or, for a payload on disk (a streamed model's
 * weight, a tensor parked in scratch), a way to read them again, so the map never holds big payloads.
 */
export class ContentMap<V> {
  private readonly buckets = new Map<string, ContentEntry<V>[]>();
  /** Entries stored. */
  size = 0;

  private static bucket(key: string, bytes: Uint8Array): string {
    return `${key}|${fingerprint(bytes)}`;
  }

  /** The value stored for `key` and these bytes; `digest` gives their contentDigest (memoized by the caller). */
  get(key: string, bytes: Uint8Array, digest: () => string = () => contentDigest(bytes)): V | undefined {
    const bucket = this.buckets.get(ContentMap.bucket(key, bytes));
    if (!bucket) return undefined;
    const wanted = digest();
    const read = (e: ContentEntry<V>) => (typeof e.bytes === 'function' ? e.bytes() : e.bytes);
    return bucket.find((e) => (e.digest ??= contentDigest(read(e))) === wanted && sameBytes(read(e), bytes))?.value;
  }

  /** Stores `value` for `key` and `bytes` (the payload itself, or a way to read it again). */
  set(key: string, bytes: Uint8Array, value: V, reread?: () => Uint8Array): void {
    const id = ContentMap.bucket(key, bytes);
    const bucket = this.buckets.get(id) ?? [];
    bucket.push({ bytes: reread ?? bytes, value });
    this.buckets.set(id, bucket);
    this.size++;
  }
}

/** contentDigest of a tensor's bytes, remembered per tensor object (one weight is often read by many nodes). */
export class DigestMemo<T extends object> {
  private readonly memo = new WeakMap<T, string>();

  of(t: T, bytes: Uint8Array): string {
    let h = this.memo.get(t);
    if (h === undefined) this.memo.set(t, (h = contentDigest(bytes)));
    return h;
  }
}
