/**
 * A reflection codec for the ONNX schema on top of protobufjs.
 *
 * protobufjs' generated decoders drop unknown fields and turn int64 into Long objects or lossy numbers. We
 * take the schema and the wire primitives from protobufjs (Root reflection, Reader) and drive them with our
 * own field tables so that:
 * - unknown fields are kept as raw wire bytes and written back verbatim (a newer ONNX field survives us);
 * - int64 is exact (bigint for attribute ints and int64 tensor data, checked safe numbers elsewhere);
 * - `bytes` fields (raw_data) are views into the input buffer, never copies;
 * - encoding is two-pass (sizes, then bytes) so a model can be streamed to a file without building one
 *   big buffer, and large payloads are written straight from their views.
 * Fields are written in field-number order, as protobuf's C++ serializer does, so a model written by the
 * onnx Python package round-trips to identical bytes.
 */
import protobuf from 'protobufjs';
import { onnxRoot } from './schema.js';
import { OnnxFormatError } from './errors.js';
import type { ModelProto, TensorProto } from './types.js';

type Kind = 'int32' | 'enum' | 'int64n' | 'int64b' | 'uint64b' | 'float' | 'double' | 'string' | 'bytes' | 'message';
type Typed = 'f32' | 'f64' | 'i32' | 'i64' | 'u64';

interface FieldInfo {
  id: number;
  key: string;
  kind: Kind;
  repeated: boolean;
  packed: boolean;
  typed?: Typed;
  msg?: TypeInfo;
  /** Precomputed tag bytes as written (wire type of the encoded form). */
  tag: Uint8Array;
}

interface TypeInfo {
  name: string;
  fields: FieldInfo[]; // sorted by id
  byId: Map<number, FieldInfo>;
  repeatedKeys: string[];
}

/** Fields whose int64 values are kept as bigint (everything else int64 becomes a checked number). */
const BIGINT_FIELDS = new Set(['onnx.AttributeProto.i', 'onnx.AttributeProto.ints']);
/** Repeated numeric fields decoded into typed arrays (tensor payloads can be large). */
const TYPED_FIELDS: Record<string, Typed> = {
  'onnx.TensorProto.float_data': 'f32',
  'onnx.TensorProto.int32_data': 'i32',
  'onnx.TensorProto.int64_data': 'i64',
  'onnx.TensorProto.double_data': 'f64',
  'onnx.TensorProto.uint64_data': 'u64',
};

/** Nesting bound: hostile files can nest subgraphs until the JS stack overflows. */
export const MAX_MESSAGE_DEPTH = 1024;

const camel = (s: string) => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

const types = new Map<string, TypeInfo>();

function wireOf(kind: Kind): number {
  switch (kind) {
    case 'float': return 5;
    case 'double': return 1;
    case 'string': case 'bytes': case 'message': return 2;
    default: return 0;
  }
}

function tagBytes(id: number, wire: number): Uint8Array {
  const out: number[] = [];
  let v = (id << 3) | wire;
  while (v > 0x7f) { out.push((v & 0x7f) | 0x80); v >>>= 7; }
  out.push(v);
  return Uint8Array.from(out);
}

function typeInfo(fullName: string): TypeInfo {
  const known = types.get(fullName);
  if (known) return known;
  const t = onnxRoot().lookupType(fullName);
  const info: TypeInfo = { name: fullName, fields: [], byId: new Map(), repeatedKeys: [] };
  types.set(fullName, info);
  for (const f of t.fieldsArray) {
    f.resolve();
    const qualified = `${fullName}.${f.name}`;
    let kind: Kind;
    let msg: TypeInfo | undefined;
    if (f.resolvedType instanceof protobuf.Type) {
      kind = 'message';
      msg = typeInfo(f.resolvedType.fullName.replace(/^\./, ''));
    } else if (f.resolvedType instanceof protobuf.Enum) {
      kind = 'enum';
    } else {
      switch (f.type) {
        case 'int32': kind = 'int32'; break;
        case 'int64': kind = BIGINT_FIELDS.has(qualified) || TYPED_FIELDS[qualified] ? 'int64b' : 'int64n'; break;
        case 'uint64': kind = 'uint64b'; break;
        case 'float': kind = 'float'; break;
        case 'double': kind = 'double'; break;
        case 'string': kind = 'string'; break;
        case 'bytes': kind = 'bytes'; break;
        default: throw new Error(`schema: unsupported field type ${f.type} in ${qualified}`);
      }
    }
    const packed = f.repeated && f.packed && wireOf(kind) !== 2;
    const field: FieldInfo = {
      id: f.id, key: camel(f.name), kind, repeated: f.repeated, packed, msg,
      typed: TYPED_FIELDS[qualified],
      tag: tagBytes(f.id, packed ? 2 : wireOf(kind)),
    };
    info.fields.push(field);
    info.byId.set(f.id, field);
    if (f.repeated && !field.typed) info.repeatedKeys.push(field.key);
  }
  info.fields.sort((a, b) => a.id - b.id);
  return info;
}

// ---------------------------------------------------------------------------------------------- decode

const TWO32 = 4294967296;

/** Reads a varint as (lo, hi) 32-bit halves; protobufjs only offers Long or lossy numbers for 64-bit. */
function readVarint64(r: protobuf.Reader): [number, number] {
  const buf = r.buf;
  let lo = 0, hi = 0, shift = 0, i = 0;
  for (;;) {
    if (r.pos >= r.len) throw new RangeError('index out of range');
    const b = buf[r.pos++]!;
    if (i < 4) lo |= (b & 0x7f) << shift;
    else if (i === 4) { lo |= (b & 0x0f) << 28; hi |= (b & 0x7f) >> 4; }
    else hi |= (b & 0x7f) << (shift - 32);
    shift += 7;
    i++;
    if (b < 0x80) break;
    if (i >= 10) throw new OnnxFormatError('varint longer than 10 bytes');
  }
  return [lo >>> 0, hi >>> 0];
}

function toBigInt(lo: number, hi: number, signed: boolean): bigint {
  const v = (BigInt(hi) << 32n) | BigInt(lo);
  return signed ? BigInt.asIntN(64, v) : v;
}

function toSafeNumber(lo: number, hi: number, where: string): number {
  if (hi & 0x80000000) {
    // negative two's complement
    const nlo = (~lo + 1) >>> 0;
    const nhi = (~hi + (nlo === 0 ? 1 : 0)) >>> 0;
    const v = nhi * TWO32 + nlo;
    if (v > Number.MAX_SAFE_INTEGER) throw new OnnxFormatError(`${where}: int64 value beyond ±2^53`);
    return -v;
  }
  const v = hi * TWO32 + lo;
  if (v > Number.MAX_SAFE_INTEGER) throw new OnnxFormatError(`${where}: int64 value beyond ±2^53`);
  return v;
}

function readScalar(r: protobuf.Reader, f: FieldInfo, where: string): unknown {
  switch (f.kind) {
    case 'int32': case 'enum': return r.int32();
    case 'int64n': { const [lo, hi] = readVarint64(r); return toSafeNumber(lo, hi, where); }
    case 'int64b': { const [lo, hi] = readVarint64(r); return toBigInt(lo, hi, true); }
    case 'uint64b': { const [lo, hi] = readVarint64(r); return toBigInt(lo, hi, false); }
    case 'float': return r.float();
    case 'double': return r.double();
    case 'string': return r.string();
    case 'bytes': return r.bytes();
    default: throw new Error('unreachable');
  }
}

function countVarints(buf: Uint8Array, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) if (buf[i]! < 0x80) n++;
  return n;
}

function readPackedTyped(r: protobuf.Reader, f: FieldInfo, len: number, where: string): ArrayLike<unknown> {
  const start = r.pos;
  const end = start + len;
  const buf = r.buf;
  switch (f.typed ?? f.kind) {
    case 'f32': case 'float': case 'f64': case 'double': {
      const width = f.typed === 'f64' || f.kind === 'double' ? 8 : 4;
      if (len % width) throw new OnnxFormatError(`${where}: packed length ${len} not a multiple of ${width}`);
      const out = width === 4 ? new Float32Array(len / 4) : new Float64Array(len / 8);
      // little-endian hosts only (x86, arm): the wire format is little-endian.
      new Uint8Array(out.buffer).set(buf.subarray(start, end));
      r.pos = end;
      return out;
    }
    default: {
      const n = countVarints(buf, start, end);
      let out: Int32Array | BigInt64Array | BigUint64Array | number[] | bigint[];
      if (f.typed === 'i32') out = new Int32Array(n);
      else if (f.typed === 'i64') out = new BigInt64Array(n);
      else if (f.typed === 'u64') out = new BigUint64Array(n);
      else out = new Array(n);
      for (let i = 0; i < n; i++) (out as unknown[])[i] = readScalar(r, f, where);
      if (r.pos !== end) throw new OnnxFormatError(`${where}: packed field overruns its length`);
      return out;
    }
  }
}

/** Errors already prefixed with the name of the message they arose in (the innermost named one). */
const NAMED = new WeakSet<Error>();

/**
 * A format error inside a named message (tensor, node, value, graph, function) gets that name in front:
 * "onnx.TensorProto 'W': …" tells a person where to look. The name may follow the bad field on the wire,
 * so it is read by skipping over the message's other fields; if that fails too, the error stays as it is.
 */
function named(e: unknown, t: TypeInfo, buf: Uint8Array, start: number, end: number): unknown {
  if (!(e instanceof OnnxFormatError) || NAMED.has(e)) return e;
  const nameField = t.fields.find((f) => f.key === 'name' && f.kind === 'string' && !f.repeated);
  if (!nameField) return e;
  let name: string | undefined;
  try {
    const r = protobuf.Reader.create(buf.subarray(0, end));
    r.pos = start;
    while (r.pos < end) {
      const tag = r.uint32();
      if (tag >>> 3 === nameField.id && (tag & 7) === 2) { name = r.string(); break; }
      r.skipType(tag & 7);
    }
  } catch {
    return e;
  }
  if (!name) return e;
  const own = `${t.name}.`;
  const message = e.message.startsWith(own) ? e.message.slice(own.length) : e.message;
  const out = new OnnxFormatError(`${t.name.replace(/^onnx\./, '')} '${name}': ${message}`);
  NAMED.add(out);
  return out;
}

function decodeInto(r: protobuf.Reader, end: number, t: TypeInfo, depth: number): Record<string, unknown> {
  if (depth > MAX_MESSAGE_DEPTH) throw new OnnxFormatError(`messages nested deeper than ${MAX_MESSAGE_DEPTH} levels`);
  const obj: Record<string, unknown> = {};
  for (const k of t.repeatedKeys) obj[k] = [];
  // Typed fields collect unpacked elements (legal on the wire) into plain arrays first.
  let pendingTyped: Map<FieldInfo, unknown[]> | undefined;
  while (r.pos < end) {
    const start = r.pos;
    const tag = r.uint32();
    const id = tag >>> 3;
    const wire = tag & 7;
    const f = t.byId.get(id);
    if (id === 0) throw new OnnxFormatError(`invalid field number 0 in ${t.name} at byte ${start}`);
    if (!f || !wireCompatible(f, wire)) {
      r.skipType(wire);
      if (r.pos > end) throw new RangeError('index out of range');
      ((obj.$unknown ??= []) as Uint8Array[]).push(r.buf.subarray(start, r.pos));
      continue;
    }
    const where = `${t.name}.${f.key}`;
    if (f.kind === 'message') {
      const len = r.uint32();
      const subEnd = r.pos + len;
      if (subEnd > end) throw new OnnxFormatError(`${where}: length ${len} runs past the end of its parent at byte ${start}`);
      const subStart = r.pos;
      let value: Record<string, unknown>;
      try {
        value = decodeInto(r, subEnd, f.msg!, depth + 1);
      } catch (e) {
        throw named(e, f.msg!, r.buf, subStart, subEnd);
      }
      if (f.repeated) (obj[f.key] as unknown[]).push(value);
      else obj[f.key] = value;
      continue;
    }
    if (f.repeated) {
      if (wire === 2 && f.kind !== 'string' && f.kind !== 'bytes') {
        const len = r.uint32();
        if (r.pos + len > end) throw new OnnxFormatError(`${where}: length ${len} runs past the end at byte ${start}`);
        const arr = readPackedTyped(r, f, len, where);
        if (f.typed) {
          const list = (pendingTyped ??= new Map()).get(f);
          if (list) list.push(...Array.from(arr));
          else pendingTyped.set(f, [arr]);
        } else {
          const target = obj[f.key] as unknown[];
          for (let i = 0; i < arr.length; i++) target.push(arr[i]);
        }
      } else {
        const v = readScalar(r, f, where);
        if (f.typed) {
          const list = (pendingTyped ??= new Map()).get(f);
          if (list) list.push(v);
          else pendingTyped.set(f, [v]);
        } else (obj[f.key] as unknown[]).push(v);
      }
      if (r.pos > end) throw new RangeError('index out of range');
      continue;
    }
    obj[f.key] = readScalar(r, f, where);
    if (r.pos > end) throw new OnnxFormatError(`${where}: value runs past the end of its message at byte ${start}`);
  }
  if (r.pos !== end) throw new OnnxFormatError(`${t.name}: message overruns its length`);
  if (pendingTyped) {
    for (const [f, parts] of pendingTyped) obj[f.key] = joinTyped(f.typed!, parts);
  }
  return obj;
}

/** Joins typed-array chunks and loose elements (a field split over several wire records). */
function joinTyped(typed: Typed, parts: unknown[]): ArrayLike<unknown> {
  if (parts.length === 1 && ArrayBuffer.isView(parts[0])) return parts[0] as unknown as ArrayLike<unknown>;
  const flat: unknown[] = [];
  for (const p of parts) {
    if (ArrayBuffer.isView(p)) flat.push(...Array.from(p as unknown as ArrayLike<unknown>));
    else flat.push(p);
  }
  switch (typed) {
    case 'f32': return Float32Array.from(flat as number[]);
    case 'f64': return Float64Array.from(flat as number[]);
    case 'i32': return Int32Array.from(flat as number[]);
    case 'i64': return BigInt64Array.from(flat as bigint[]);
    case 'u64': return BigUint64Array.from(flat as bigint[]);
  }
}

function wireCompatible(f: FieldInfo, wire: number): boolean {
  const expected = wireOf(f.kind);
  if (wire === expected) return true;
  // Repeated scalars may arrive packed (wire 2) even when declared unpacked, and vice versa.
  return f.repeated && f.kind !== 'string' && f.kind !== 'bytes' && f.kind !== 'message' && wire === 2;
}

function decodeType<T>(bytes: Uint8Array, typeName: string): T {
  const r = protobuf.Reader.create(bytes);
  try {
    return decodeInto(r, r.len, typeInfo(typeName), 0) as T;
  } catch (e) {
    if (e instanceof OnnxFormatError) throw e;
    if (e instanceof RangeError) {
      throw new OnnxFormatError(`truncated or corrupt protobuf (read past the end near byte ${r.pos} of ${r.len})`);
    }
    // protobufjs' Reader throws plain Errors for malformed input: "invalid wire type|tag|varint|length
    // encoding", "illegal tag", "invalid end group tag", "max depth exceeded" (groups).
    if (e instanceof Error && /invalid (wire type|tag|varint|length|end group)|illegal|index out of range|max depth exceeded/i.test(e.message)) {
      throw new OnnxFormatError(`corrupt protobuf near byte ${r.pos}: ${e.message}`);
    }
    throw e;
  }
}

/** Decodes a serialized ModelProto. `bytes` must stay alive: tensors' rawData are views into it. */
export function decodeModel(bytes: Uint8Array): ModelProto {
  return decodeType<ModelProto>(bytes, 'onnx.ModelProto');
}
export function decodeTensor(bytes: Uint8Array): TensorProto {
  return decodeType<TensorProto>(bytes, 'onnx.TensorProto');
}

// ---------------------------------------------------------------------------------------------- encode

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

/** Sizes computed in pass one and reused in pass two. */
type SizeCache = WeakMap<object, number>;

/**
 * Messages to write in place of others (by identity) during one encode: how a save writes tensors as
 * external-data references without mutating the caller's model.
 */
export type Substitutions = Map<object, object>;
let subst: Substitutions | undefined;
const sub = <T>(m: T): T => (subst ? ((subst.get(m as object) as T | undefined) ?? m) : m);

function packedPayloadSize(f: FieldInfo, arr: ArrayLike<unknown>): number {
  if (f.kind === 'float') return arr.length * 4;
  if (f.kind === 'double') return arr.length * 8;
  let n = 0;
  for (let i = 0; i < arr.length; i++) n += scalarSize(f, arr[i]);
  return n;
}

function messageSize(obj: Record<string, unknown>, t: TypeInfo, cache: SizeCache): number {
  let size = 0;
  for (const f of t.fields) {
    const v = obj[f.key];
    if (v === undefined || v === null) continue;
    if (f.repeated) {
      const arr = v as ArrayLike<unknown>;
      if (arr.length === 0) continue;
      if (f.packed) {
        const n = packedPayloadSize(f, arr);
        cache.set(arr as object, n);
        size += f.tag.length + varintSize(n) + n;
      } else if (f.kind === 'message') {
        for (let i = 0; i < arr.length; i++) {
          const n = messageSize(sub(arr[i]) as Record<string, unknown>, f.msg!, cache);
          size += f.tag.length + varintSize(n) + n;
        }
      } else {
        for (let i = 0; i < arr.length; i++) size += f.tag.length + scalarSize(f, arr[i]);
      }
    } else if (f.kind === 'message') {
      const n = messageSize(sub(v) as Record<string, unknown>, f.msg!, cache);
      size += f.tag.length + varintSize(n) + n;
    } else {
      size += f.tag.length + scalarSize(f, v);
    }
  }
  const unknown = obj.$unknown as Uint8Array[] | undefined;
  if (unknown) for (const u of unknown) size += u.length;
  cache.set(obj, size);
  return size;
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

function writeMessage(w: ChunkedWriter, obj: Record<string, unknown>, t: TypeInfo, cache: SizeCache) {
  for (const f of t.fields) {
    const v = obj[f.key];
    if (v === undefined || v === null) continue;
    if (f.repeated) {
      const arr = v as ArrayLike<unknown>;
      if (arr.length === 0) continue;
      if (f.packed) {
        w.bytes(f.tag);
        w.varint(cache.get(arr as object)!);
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
          const m = sub(arr[i]) as Record<string, unknown>;
          w.bytes(f.tag);
          w.varint(cache.get(m)!);
          writeMessage(w, m, f.msg!, cache);
        }
      } else {
        for (let i = 0; i < arr.length; i++) { w.bytes(f.tag); writeScalar(w, f, arr[i]); }
      }
    } else if (f.kind === 'message') {
      const m = sub(v) as Record<string, unknown>;
      w.bytes(f.tag);
      w.varint(cache.get(m)!);
      writeMessage(w, m, f.msg!, cache);
    } else {
      w.bytes(f.tag);
      writeScalar(w, f, v);
    }
  }
  const unknown = obj.$unknown as Uint8Array[] | undefined;
  if (unknown) for (const u of unknown) w.bytes(u);
}

/** Exact serialized size of a model, without encoding it. */
export function encodedModelSize(model: ModelProto, substitutions?: Substitutions): number {
  subst = substitutions;
  try {
    return messageSize(model as unknown as Record<string, unknown>, typeInfo('onnx.ModelProto'), new WeakMap());
  } finally {
    subst = undefined;
  }
}

function encodeType(obj: object, typeName: string, sink?: ByteSink, substitutions?: Substitutions): Uint8Array | number {
  subst = substitutions;
  try {
    return encodeWith(obj, typeName, sink);
  } finally {
    subst = undefined;
  }
}

function encodeWith(obj: object, typeName: string, sink?: ByteSink): Uint8Array | number {
  const t = typeInfo(typeName);
  const cache: SizeCache = new WeakMap();
  const size = messageSize(obj as Record<string, unknown>, t, cache);
  if (sink) {
    const w = new ChunkedWriter(sink);
    writeMessage(w, obj as Record<string, unknown>, t, cache);
    w.flush();
    return size;
  }
  const out = new Uint8Array(size);
  let pos = 0;
  const w = new ChunkedWriter({ write(b) { out.set(b, pos); pos += b.length; } }, Math.min(1 << 20, Math.max(size, 16)));
  writeMessage(w, obj as Record<string, unknown>, t, cache);
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
