/**
 * Encoding half of our reflection codec: two passes (sizes, then bytes) so a model streams to a file
 * without one big buffer, payloads of PASS_THROUGH_BYTES or more written straight from their views, fields
 * in field-number order as protobuf's C++ serializer writes them (a model written by the onnx Python
 * package round-trips to identical bytes), unknown fields written back verbatim.
 */
import type { ModelProto, TensorProto } from './types.js';
import { typeInfo, type FieldInfo, type TypeInfo } from './wire-types.js';

function varintSize(v: number): number {
  // v is a non-negative integer < 2^53 or a negative int32/int64 (10 bytes)
  if (v < 0) return 10;
  if (v < 0x80) return 1;
  if (v < 0x4000) return 2;
  if (v < 0x200000) return 3;
  if (v < 0x10000000) return 4;
  let n = 4;
  let x = Math.floor(v / 0x10000000);
  while (x > 0) { n++; x = Math.floor(x / 128); }
  return n;
}

function bigVarintSize(v: bigint): number {
  let x = BigInt.asUintN(64, v);
  let n = 1;
  while (x >= 0x80n) { x >>= 7n; n++; }
  return n;
}

function scalarSize(f: FieldInfo, v: unknown): number {
  switch (f.kind) {
    case 'int32': case 'enum': case 'int64n': return varintSize(v as number);
    case 'int64b': case 'uint64b': return bigVarintSize(v as bigint);
    case 'float': return 4;
    case 'double': return 8;
    case 'string': { const n = Buffer.byteLength(v as string, 'utf8'); return varintSize(n) + n; }
    case 'bytes': { const n = (v as Uint8Array).length; return varintSize(n) + n; }
    default: throw new Error('unreachable');
  }
}

/**
 * Messages to write in place of others (by identity) during one encode: how a save writes tensors as
 * external-data references without mutating the caller's model.
 */
export type Substitutions = Map<object, object>;

function packedPayloadSize(f: FieldInfo, arr: ArrayLike<unknown>): number {
  if (f.kind === 'float') return arr.length * 4;
  if (f.kind === 'double') return arr.length * 8;
  let n = 0;
  for (let i = 0; i < arr.length; i++) n += scalarSize(f, arr[i]);
  return n;
}

/** Where encoded bytes go: a preallocated buffer, or a file written in chunks. */
export interface ByteSink {
  write(bytes: Uint8Array): void;
}

/** Byte fields at least this long go to the sink as they are, never copied (model-io.ts relies on it). */
export const PASS_THROUGH_BYTES = 65536;

/**
 * Buffers small writes into chunks; payloads of PASS_THROUGH_BYTES or more pass through untouched so
 * that large tensors are never copied into an intermediate buffer.
 */
class ChunkedWriter {
  private chunk: Buffer;
  private pos = 0;
  constructor(private sink: ByteSink, chunkSize = 1 << 20) {
    this.chunk = Buffer.allocUnsafe(chunkSize);
  }
  private ensure(n: number) {
    if (this.pos + n > this.chunk.length) this.flush();
  }
  flush() {
    if (this.pos > 0) {
      this.sink.write(this.chunk.subarray(0, this.pos));
      this.chunk = Buffer.allocUnsafe(this.chunk.length);
      this.pos = 0;
    }
  }
  bytes(b: Uint8Array) {
    if (b.length >= PASS_THROUGH_BYTES) {
      this.flush();
      this.sink.write(b);
      return;
    }
    this.ensure(b.length);
    this.chunk.set(b, this.pos);
    this.pos += b.length;
  }
  varint(v: number) {
    this.ensure(10);
    if (v < 0) { this.bigVarint(BigInt(v)); return; }
    while (v > 0x7f) {
      this.chunk[this.pos++] = (v % 128) | 0x80;
      v = Math.floor(v / 128);
    }
    this.chunk[this.pos++] = v;
  }
  bigVarint(v: bigint) {
    this.ensure(10);
    let x = BigInt.asUintN(64, v);
    while (x >= 0x80n) {
      this.chunk[this.pos++] = Number(x & 0x7fn) | 0x80;
      x >>= 7n;
    }
    this.chunk[this.pos++] = Number(x);
  }
  float(v: number) { this.ensure(4); this.chunk.writeFloatLE(v, this.pos); this.pos += 4; }
  double(v: number) { this.ensure(8); this.chunk.writeDoubleLE(v, this.pos); this.pos += 8; }
  string(s: string, n: number) {
    this.varint(n);
    if (n > 65536) { this.bytes(Buffer.from(s, 'utf8')); return; }
    this.ensure(n);
    this.chunk.write(s, this.pos, 'utf8');
    this.pos += n;
  }
}

function writeScalar(w: ChunkedWriter, f: FieldInfo, v: unknown) {
  switch (f.kind) {
    case 'int32': case 'enum': case 'int64n': w.varint(v as number); break;
    case 'int64b': case 'uint64b': w.bigVarint(v as bigint); break;
    case 'float': w.float(v as number); break;
    case 'double': w.double(v as number); break;
    case 'string': { const s = v as string; w.string(s, Buffer.byteLength(s, 'utf8')); break; }
    case 'bytes': { const b = v as Uint8Array; w.varint(b.length); w.bytes(b); break; }
    default: throw new Error('unreachable');
  }
}

/**
 * One encode: pass one computes every message's size (kept by identity for pass two, which writes the
 * length prefixes), pass two writes. Its state lives here, not in the module, so encodes may nest or
 * interleave (a sink that itself encodes, say).
 */
class Encoding {
  /** Sizes computed in pass one and reused in pass two. */
  private readonly sizes = new WeakMap<object, number>();
  constructor(private readonly substitutions?: Substitutions) {}

  private sub<T>(m: T): T {
    return (this.substitutions?.get(m as object) as T | undefined) ?? m;
  }

  size(obj: Record<string, unknown>, t: TypeInfo): number {
    let size = 0;
    for (const f of t.fields) {
      const v = obj[f.key];
      if (v === undefined || v === null) continue;
      if (f.repeated) {
        const arr = v as ArrayLike<unknown>;
        if (arr.length === 0) continue;
        if (f.packed) {
          const n = packedPayloadSize(f, arr);
          this.sizes.set(arr as object, n);
          size += f.tag.length + varintSize(n) + n;
        } else if (f.kind === 'message') {
          for (let i = 0; i < arr.length; i++) {
            const n = this.size(this.sub(arr[i]) as Record<string, unknown>, f.msg!);
            size += f.tag.length + varintSize(n) + n;
          }
        } else {
          for (let i = 0; i < arr.length; i++) size += f.tag.length + scalarSize(f, arr[i]);
        }
      } else if (f.kind === 'message') {
        const n = this.size(this.sub(v) as Record<string, unknown>, f.msg!);
        size += f.tag.length + varintSize(n) + n;
      } else {
        size += f.tag.length + scalarSize(f, v);
      }
    }
    const unknown = obj.$unknown as Uint8Array[] | undefined;
    if (unknown) for (const u of unknown) size += u.length;
    this.sizes.set(obj, size);
    return size;
  }

  write(w: ChunkedWriter, obj: Record<string, unknown>, t: TypeInfo): void {
    for (const f of t.fields) {
      const v = obj[f.key];
      if (v === undefined || v === null) continue;
      if (f.repeated) {
        const arr = v as ArrayLike<unknown>;
        if (arr.length === 0) continue;
        if (f.packed) {
          w.bytes(f.tag);
          w.varint(this.sizes.get(arr as object)!);
          if ((f.kind === 'float' || f.kind === 'double') && ArrayBuffer.isView(arr)) {
            const view = arr as unknown as Float32Array;
            w.bytes(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
          } else if (f.kind === 'float' || f.kind === 'double') {
            const typed = f.kind === 'float' ? Float32Array.from(arr as number[]) : Float64Array.from(arr as number[]);
            w.bytes(new Uint8Array(typed.buffer));
          } else {
            for (let i = 0; i < arr.length; i++) writeScalar(w, f, arr[i]);
          }
        } else if (f.kind === 'message') {
          for (let i = 0; i < arr.length; i++) {
            const m = this.sub(arr[i]) as Record<string, unknown>;
            w.bytes(f.tag);
            w.varint(this.sizes.get(m)!);
            this.write(w, m, f.msg!);
          }
        } else {
          for (let i = 0; i < arr.length; i++) { w.bytes(f.tag); writeScalar(w, f, arr[i]); }
        }
      } else if (f.kind === 'message') {
        const m = this.sub(v) as Record<string, unknown>;
        w.bytes(f.tag);
        w.varint(this.sizes.get(m)!);
        this.write(w, m, f.msg!);
      } else {
        w.bytes(f.tag);
        writeScalar(w, f, v);
      }
    }
    const unknown = obj.$unknown as Uint8Array[] | undefined;
    if (unknown) for (const u of unknown) w.bytes(u);
  }
}

/** Exact serialized size of a model, without encoding it. */
export function encodedModelSize(model: ModelProto, substitutions?: Substitutions): number {
  return new Encoding(substitutions).size(model as unknown as Record<string, unknown>, typeInfo('onnx.ModelProto'));
}

function encodeType(obj: object, typeName: string, sink?: ByteSink, substitutions?: Substitutions): Uint8Array | number {
  const t = typeInfo(typeName);
  const encoding = new Encoding(substitutions);
  const size = encoding.size(obj as Record<string, unknown>, t);
  if (sink) {
    const w = new ChunkedWriter(sink);
    encoding.write(w, obj as Record<string, unknown>, t);
    w.flush();
    return size;
  }
  const out = new Uint8Array(size);
  let pos = 0;
  const w = new ChunkedWriter({ write(b) { out.set(b, pos); pos += b.length; } }, Math.min(1 << 20, Math.max(size, 16)));
  encoding.write(w, obj as Record<string, unknown>, t);
  w.flush();
  if (pos !== size) throw new Error(`internal: encoded ${pos} bytes, expected ${size}`);
  return out;
}

/** Encodes a model into one buffer. */
export function encodeModel(model: ModelProto, substitutions?: Substitutions): Uint8Array {
  return encodeType(model, 'onnx.ModelProto', undefined, substitutions) as Uint8Array;
}

/** Streams a model's encoding to `sink` (no full-size buffer); returns the byte count. */
export function encodeModelTo(model: ModelProto, sink: ByteSink, substitutions?: Substitutions): number {
  return encodeType(model, 'onnx.ModelProto', sink, substitutions) as number;
}

export function encodeTensor(tensor: TensorProto): Uint8Array {
  return encodeType(tensor, 'onnx.TensorProto') as Uint8Array;
}
