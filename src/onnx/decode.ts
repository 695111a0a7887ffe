/**
 * Decoding half of our reflection codec (see codec.ts for why we do not use protobufjs' generated code):
 * unknown fields are kept as raw wire bytes in `$unknown`, int64 is exact (bigint where the schema needs
 * it, a checked safe number elsewhere), and `bytes` fields are views into the input buffer, never copies.
 * Every malformed input ends as one OnnxFormatError naming the message it arose in.
 */
import protobuf from 'protobufjs';
import { OnnxFormatError } from './errors.js';
import type { ModelProto, TensorProto } from './types.js';
import { typeInfo, wireOf, type FieldInfo, type TypeInfo, type Typed } from './wire-types.js';

/** Nesting bound: hostile files can nest subgraphs until the JS stack overflows. */
export const MAX_MESSAGE_DEPTH = 1024;

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

/** Marks an error already prefixed with the name of the message it arose in (the innermost named one). */
const NAMED = Symbol('named by its message');

/**
 * A format error inside a named message (tensor, node, value, graph, function) gets that name in front:
 * "onnx.TensorProto 'W': …" tells a person where to look. The name may follow the bad field on the wire,
 * so it is read by skipping over the message's other fields; if that fails too, the error stays as it is.
 */
function named(e: unknown, t: TypeInfo, buf: Uint8Array, start: number, end: number): unknown {
  if (!(e instanceof OnnxFormatError) || NAMED in e) return e;
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
  Object.defineProperty(out, NAMED, { value: true });
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

