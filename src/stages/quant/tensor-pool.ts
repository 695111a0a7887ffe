/**
 * Content-addressed storage for the tensors quantization creates, and a content-keyed cache of
 * quantized weights. ORT's quantizer keys its caches by tensor *name*, so identical weights under
 * different names (every copy dedup could not merge, every If branch) were quantized and stored once
 * each; we key by content (SHA-1 of the bytes, then a byte compare on a hit), so a weight shared after
 * dedup, or repeated in two subgraphs, is quantized once and stored once.
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

/**
 * A map from content (a string prefix plus bytes) to a value, exact: hash, then compare bytes. An entry
 * keeps its bytes, or, for a payload on disk (a streamed model's weight, a tensor parked in scratch), a
 * way to read them again on a hash hit, so the map never holds big payloads.
 */
export class ContentMap<V> {
  private readonly entries = new Map<string, { bytes: Uint8Array | (() => Uint8Array); value: V }[]>();

  static key(prefix: string, bytes: Uint8Array): string {
    return `${prefix}|${createHash('sha1').update(bytes).digest('base64')}`;
  }

  get(key: string, bytes: Uint8Array): V | undefined {
    return this.entries.get(key)?.find((e) => sameBytes(typeof e.bytes === 'function' ? e.bytes() : e.bytes, bytes))?.value;
  }

  set(key: string, bytes: Uint8Array | (() => Uint8Array), value: V): void {
    const list = this.entries.get(key) ?? [];
    list.push({ bytes, value });
    this.entries.set(key, list);
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
    const key = ContentMap.key(`${dataType}:${dims.join('x')}`, bytes);
    const known = this.byContent.get(key, bytes);
    if (known) return known;
    const name = freshName(this.names, base);
    const t = newTensor(this.external, name, dataType, [...dims], bytes);
    this.root.initializer.push(t);
    if (this.declareAsInput) this.root.input.push(inputOf(name, dataType, dims));
    this.byContent.set(key, isExternal(t) ? () => tensorBytes(t, this.external) : bytes, name);
    this.bytesAdded += bytes.length;
    this.tensorsAdded++;
    return name;
  }
}

function inputOf(name: string, elemType: number, dims: number[]): ValueInfoProto {
  return { name, type: { tensorType: { elemType, shape: { dim: dims.map((d) => ({ dimValue: d })) } } }, metadataProps: [] };
}

/** SHA-1 of a tensor's bytes, remembered per TensorProto (one weight is often read by many nodes). */
export class TensorHashes {
  private readonly memo = new WeakMap<TensorProto, string>();

  of(t: TensorProto, bytes: Uint8Array): string {
    let h = this.memo.get(t);
    if (h === undefined) {
      h = createHash('sha1').update(bytes).digest('base64');
      this.memo.set(t, h);
    }
    return h;
  }
}
