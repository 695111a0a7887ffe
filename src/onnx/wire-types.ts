/**
 * The ONNX schema as field tables for our reflection codec (decode.ts, encode.ts): for each message type,
 * its fields sorted by number with their wire kind, precomputed tag bytes and the typed-array form of
 * large numeric payloads. Built lazily from protobufjs' reflection of onnx.proto (schema.ts) and cached:
 * the tables are immutable once built, so sharing them between encodes keeps the codec re-entrant.
 */
import protobuf from 'protobufjs';
import { onnxRoot } from './schema.js';

export type Kind = 'int32' | 'enum' | 'int64n' | 'int64b' | 'uint64b' | 'float' | 'double' | 'string' | 'bytes' | 'message';
export type Typed = 'f32' | 'f64' | 'i32' | 'i64' | 'u64';

export interface FieldInfo {
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

export interface TypeInfo {
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

const camel = (s: string) => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

const types = new Map<string, TypeInfo>();

export function wireOf(kind: Kind): number {
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

export function typeInfo(fullName: string): TypeInfo {
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

