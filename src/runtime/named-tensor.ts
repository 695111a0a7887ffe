/**
 * The tensor form that crosses the process boundary to the onnxruntime worker (ort-worker.ts): a name, an
 * onnxruntime-node type name, dims and the payload as raw little-endian bytes (or strings). Plain data, so
 * Node's structured clone (`serialization: 'advanced'`) copies it without any per-element work.
 */
import { DataType, ORT_TYPE, dataTypeName, rawByteLength } from '../onnx/dtype.js';
import { OnnxFormatError } from '../onnx/errors.js';
import { fromFloat16Bits } from '../onnx/float16.js';
import { elementCount, makeTensor, tensorBytes, type ExternalDataSource } from '../onnx/tensor.js';
import type { TensorProto } from '../onnx/types.js';

export interface NamedTensor {
  name: string;
  /** onnxruntime-node type name: float32, int64, bool, string, ... */
  type: string;
  dims: number[];
  /** Raw little-endian payload (bool one byte per element), or the strings of a string tensor. */
  data: Uint8Array | string[];
}

const FLOAT_TYPES = new Set(['float16', 'float32', 'float64']);

/** Whether an onnxruntime-node type name is a floating-point one. */
export const isFloatType = (type: string): boolean => FLOAT_TYPES.has(type);

/**
 * Whether outputs of these two types compare by value: the same type, or floats of different widths
 * (an fp16 model without keep-io-types answers in float16 where the original answered in float32).
 */
export const comparableTypes = (a: string, b: string): boolean => a === b || (isFloatType(a) && isFloatType(b));

/** onnxruntime-node type name → ONNX DataType code (the inverse of ORT_TYPE). */
export const ONNX_TYPE_OF_ORT: Record<string, number> = Object.fromEntries(
  Object.entries(ORT_TYPE).map(([code, name]) => [name, Number(code)]),
);

/** A tensor type onnxruntime-node's JavaScript API cannot carry (bfloat16, float8, complex, ...). */
export class UnsupportedTensorTypeError extends Error {
  override name = 'UnsupportedTensorTypeError';
}

/**
 * ONNX dtypes the onnxruntime-node binding takes and returns as tensors. int4/uint4 exist in ORT_TYPE but
 * the Node binding (1.30) rejects them as inputs, so they are left out here.
 */
const FEEDABLE = new Set([
  DataType.FLOAT, DataType.UINT8, DataType.INT8, DataType.UINT16, DataType.INT16, DataType.INT32, DataType.INT64,
  DataType.STRING, DataType.BOOL, DataType.FLOAT16, DataType.DOUBLE, DataType.UINT32, DataType.UINT64,
] as number[]);

/** Whether onnxruntime-node can take and return tensors of this ONNX dtype. */
export function isOrtTensorType(dataType: number | undefined): boolean {
  return dataType !== undefined && FEEDABLE.has(dataType);
}

export function ortTypeOf(dataType: number | undefined): string {
  const name = isOrtTensorType(dataType) ? ORT_TYPE[dataType!] : undefined;
  if (!name) throw new UnsupportedTensorTypeError(`${dataTypeName(dataType)} tensors cannot pass through onnxruntime-node`);
  return name;
}

const utf8 = new TextDecoder('utf-8');

/** TensorProto (any storage form) → NamedTensor; `name` overrides the tensor's own name. */
export function namedFromTensorProto(t: TensorProto, name = t.name ?? '', external?: ExternalDataSource): NamedTensor {
  const type = ortTypeOf(t.dataType);
  const dims = [...t.dims];
  if (t.dataType === DataType.STRING) return { name, type, dims, data: t.stringData.map((s) => utf8.decode(s)) };
  const bytes = tensorBytes(t, external);
  const expected = rawByteLength(t.dataType, elementCount(dims));
  if (bytes.length !== expected) {
    throw new OnnxFormatError(`tensor '${name}': ${bytes.length} bytes for dims [${dims.join(',')}] of ${type} (expected ${expected})`);
  }
  return { name, type, dims, data: bytes };
}

/** NamedTensor → TensorProto with raw_data (string tensors use string_data, as the spec requires). */
export function tensorProtoFromNamed(n: NamedTensor): TensorProto {
  const dataType = ONNX_TYPE_OF_ORT[n.type];
  if (dataType === undefined) throw new UnsupportedTensorTypeError(`unknown onnxruntime type '${n.type}'`);
  if (Array.isArray(n.data)) {
    const enc = new TextEncoder();
    return { ...makeTensor(n.name, dataType, [...n.dims], new Uint8Array(0)), rawData: undefined, stringData: n.data.map((s) => enc.encode(s)) };
  }
  return makeTensor(n.name, dataType, [...n.dims], n.data);
}

/**
 * A copy of `bytes` in a fresh ArrayBuffer of exactly its length, aligned for any typed array. Not
 * `bytes.slice()`: on a Buffer (file reads, IPC) slice() is a view into a shared pool.
 */
export function ownedBytes(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.byteLength);
  out.set(bytes);
  return out;
}

/**
 * Element values as numbers (int64/uint64 as bigint) for comparing tensors: float16 widened, bool as 0/1.
 * Copies into an aligned typed array, so any byte offset of `data` works.
 */
export function tensorValues(n: NamedTensor): ArrayLike<number> | ArrayLike<bigint> | string[] {
  if (Array.isArray(n.data)) return n.data;
  const copy = ownedBytes(n.data);
  const buf = copy.buffer;
  switch (n.type) {
    case 'float32': return new Float32Array(buf);
    case 'float64': return new Float64Array(buf);
    case 'int8': return new Int8Array(buf);
    case 'uint8': case 'bool': return copy;
    case 'int16': return new Int16Array(buf);
    case 'uint16': return new Uint16Array(buf);
    case 'int32': return new Int32Array(buf);
    case 'uint32': return new Uint32Array(buf);
    case 'int64': return new BigInt64Array(buf);
    case 'uint64': return new BigUint64Array(buf);
    // A typed array, not number[]: callers tell strings from numbers by Array.isArray.
    case 'float16': return Float32Array.from(new Uint16Array(buf), fromFloat16Bits);
    default: throw new UnsupportedTensorTypeError(`cannot read values of ${n.type} tensor '${n.name}'`);
  }
}
