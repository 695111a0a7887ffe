/**
 * Content-addressed storage for the tensors quantization creates, and a content-keyed cache of
 * quantized weights. ORT's quantizer keys its caches by tensor *name*, so identical weights under
 * different names (every copy dedup could not merge, every If branch) were quantized and stored once
 * each; we key by content, so a weight shared after dedup, or repeated in two subgraphs, is quantized
 * once and stored once.
 */
import { createHash } from 'node:crypto';
import { newTensor } from '../../onnx/spill.js';
import { isExternal, tensorBytes, type ExternalDataSource } from '../../onnx/tensor.js';
import { freshName } from '../../onnx/graph.js';
import type { GraphProto, TensorProto } from '../../onnx/types.js';
import type { ValueInfoProto } from '../../onnx/types.js';

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(Buffer.from(a.buffer, a.byteOffset, a.byteLength), Buffer.from(b.buffer, b.byteOffset, b.byteLength)) === 0;
}

export function bytesOf(a: ArrayBufferView): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}

function sha1(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('base64');
}

/** Bytes sampled per payload for the bucket key: 64 runs of 16, evenly spread, first and last included. */
const SAMPLES = 64;
const RUN = 16;

/**
 * A cheap fingerprint of `bytes`: SHA-1 of the length and evenly spread samples (of all of it when
 * small). Distinct weights almost always differ in it, so they cost no full hash.
 */
function sampleKey(bytes: Uint8Array): string {
  if (bytes.length <= 4 * SAMPLES * RUN) return sha1(bytes);
  const h = createHash('sha1').update(`${bytes.length}|`);
  const step = Math.floor((bytes.length - RUN) / (SAMPLES - 1));
  for (let i = 0; i < SAMPLES; i++) h.update(bytes.subarray(i * step, i * step + RUN));
  return h.digest('base64');
}

interface ContentEntry<V> {
  bytes: Uint8Array | (() => Uint8Array);
  /** SHA-1 of the bytes, computed only once another payload lands in the same bucket. */
  digest?: string;
  value: V;
}

/**
 * A map from content (a string key plus bytes) to a value, exact. Entries are bucketed by key and a
 * sampled fingerprint; only within a bucket (almost always a real duplicate) are full SHA-1 digests
 * compared, then bytes, so a bucket of look-alikes (sparse weights equal at every sample) costs one
 * hash per payload, not a byte compare per pair. An entry keeps its bytes or, for a payload on disk (a
 * streamed model's weight, a tensor parked in scratch), a way to read them again, so the map never
 * holds big payloads.
 */
export class ContentMap<V> {
  private readonly buckets = new Map<string, ContentEntry<V>[]>();
  /** Entries stored. */
  size = 0;

  private static bucket(key: string, bytes: Uint8Array): string {
    return `${key}|${sampleKey(bytes)}`;
  }

  /** The value stored for `key` and these bytes; `digest` gives their SHA-1 (memoized by the caller). */
  get(key: string, bytes: Uint8Array, digest: () => string = () => sha1(bytes)): V | undefined {
    const bucket = this.buckets.get(ContentMap.bucket(key, bytes));
    if (!bucket) return undefined;
    const wanted = digest();
    const read = (e: ContentEntry<V>) => (typeof e.bytes === 'function' ? e.bytes() : e.bytes);
    return bucket.find((e) => (e.digest ??= sha1(read(e))) === wanted && sameBytes(read(e), bytes))?.value;
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

/**
 * New initializers, stored once per content in the main graph: a subgraph reads them as outer-scope
 * names, and ORT treats outer-scope initializers as constants for its fusions (IsConstantInitializer
 * with check_outer_scope).
 */
export class TensorPool {
  private readonly byContent = new ContentMap<string>();
  /** Bytes of every tensor added (what the quantized weights cost). */
  bytesAdded = 0;
  tensorsAdded = 0;

  constructor(
    private readonly root: GraphProto,
    private readonly names: Set<string>,
    /** Before IR 4 every initializer had to be declared as a graph input too. */
    private readonly declareAsInput: boolean,
    /** Where new tensors are parked when streaming (onnx/spill.ts); inline without it. */
    private readonly external?: ExternalDataSource,
  ) {}

  intern(base: string, dataType: number, dims: number[], bytes: Uint8Array): string {
    const key = `${dataType}:${dims.join('x')}`;
    const known = this.byContent.get(key, bytes);
    if (known) return known;
    const name = freshName(this.names, base);
    const t = newTensor(this.external, name, dataType, [...dims], bytes);
    this.root.initializer.push(t);
    if (this.declareAsInput) this.root.input.push(inputOf(name, dataType, dims));
    this.byContent.set(key, bytes, name, isExternal(t) ? () => tensorBytes(t, this.external) : undefined);
    this.bytesAdded += bytes.length;
    this.tensorsAdded++;
    return name;
  }
}

/** The graph-input entry an initializer needs before IR 4. */
export function inputOf(name: string, elemType: number, dims: number[]): ValueInfoProto {
  return { name, type: { tensorType: { elemType, shape: { dim: dims.map((d) => ({ dimValue: d })) } } }, metadataProps: [] };
}

/** SHA-1 of a tensor's bytes, remembered per TensorProto (one weight is often read by many nodes). */
export class TensorHashes {
  private readonly memo = new WeakMap<TensorProto, string>();

  of(t: TensorProto, bytes: Uint8Array): string {
    let h = this.memo.get(t);
    if (h === undefined) this.memo.set(t, (h = sha1(bytes)));
    return h;
  }
}
