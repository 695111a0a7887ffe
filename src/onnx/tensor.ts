/**
 * Byte access to every storage form of a TensorProto (onnx.proto, TensorProto comments):
 * raw_data (little-endian, sub-byte types packed low nibble first), the typed repeated fields and
 * external data. `tensorBytes` always answers with the raw_data form, so callers compare, hash and
 * rewrite one representation.
 */
import { DataType, bitsOf, dataTypeName, rawByteLength } from './dtype.js';
import { OnnxFormatError } from './errors.js';
import { DataLocation, type AttributeProto, type NodeProto, type TensorProto } from './types.js';

/** Reads external-data payloads (see external.ts); passed in so this module stays IO-free. */
export interface ExternalDataSource {
  read(tensor: TensorProto): Uint8Array;
  /** The payload's byte range, checked against its file without reading it (ExternalDataReader has one). */
  range?(tensor: TensorProto): { offset: number; length: number };
}

export function elementCount(dims: readonly number[]): number {
  let n = 1;
  for (const d of dims) {
    if (!Number.isSafeInteger(d) || d < 0) throw new OnnxFormatError(`invalid dimension ${d}`);
    n *= d;
    if (!Number.isSafeInteger(n)) throw new OnnxFormatError(`element count of dims [${dims.join(', ')}] overflows`);
  }
  return n;
}

export function isExternal(t: TensorProto): boolean {
  return t.dataLocation === DataLocation.EXTERNAL;
}

export function externalInfo(t: TensorProto): { location: string; offset: number; length?: number; checksum?: string } {
  let location: string | undefined;
  let offset = 0;
  let length: number | undefined;
  let checksum: string | undefined;
  for (const e of t.externalData) {
    const v = e.value ?? '';
    if (e.key === 'location') location = v;
    else if (e.key === 'offset' || e.key === 'length') {
      if (!/^\d+$/.test(v)) throw new OnnxFormatError(`tensor '${t.name}': external_data ${e.key} '${v}' is not a whole number`);
      const n = Number(v);
      if (!Number.isSafeInteger(n)) throw new OnnxFormatError(`tensor '${t.name}': external_data ${e.key} ${v} is too large`);
      if (e.key === 'offset') offset = n; else length = n;
    } else if (e.key === 'checksum') checksum = v;
  }
  if (location === undefined || location === '') {
    throw new OnnxFormatError(`tensor '${t.name}': external data without a location`);
  }
  return { location, offset, length, checksum };
}

function view(a: ArrayBufferView): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}

/** Length-prefixed concatenation of string_data: a byte identity for STRING tensors (compare/hash only). */
function stringPayload(t: TensorProto): Uint8Array {
  let n = 0;
  for (const s of t.stringData) n += 4 + s.length;
  const out = new Uint8Array(n);
  const dv = new DataView(out.buffer);
  let p = 0;
  for (const s of t.stringData) {
    dv.setUint32(p, s.length, true);
    out.set(s, p + 4);
    p += 4 + s.length;
  }
  return out;
}

/** Packs one-value-per-int32 storage of an ≤16-bit type into raw little-endian bytes. */
function packInt32Data(dtype: number, src: Int32Array, count: number): Uint8Array {
  const bits = bitsOf(dtype);
  if (bits === 32) return view(src);
  if (bits === 16) {
    const out = new Uint16Array(src.length);
    for (let i = 0; i < src.length; i++) out[i] = src[i]! & 0xffff;
    return view(out);
  }
  // 8-bit types hold one element per int32; 4- and 2-bit types hold one already-packed byte per int32.
  const out = new Uint8Array(src.length);
  for (let i = 0; i < src.length; i++) out[i] = src[i]! & 0xff;
  if (bits < 8 && out.length !== rawByteLength(dtype, count)) {
    throw new OnnxFormatError(`int32_data holds ${out.length} bytes for ${count} ${dataTypeName(dtype)} elements`);
  }
  return out;
}

/**
 * The tensor's payload in raw_data form. For in-memory storage this is a view when possible (no copy);
 * for STRING tensors it is a length-prefixed concatenation, good for comparing, not for ORT.
 */
export function tensorBytes(t: TensorProto, external?: ExternalDataSource): Uint8Array {
  if (isExternal(t)) {
    if (!external) throw new OnnxFormatError(`tensor '${t.name}' has external data but no model folder to read it from`);
    return external.read(t);
  }
  const dtype = t.dataType ?? 0;
  if (dtype === DataType.STRING) return stringPayload(t);
  if (t.rawData) return t.rawData;
  const count = elementCount(t.dims);
  switch (dtype) {
    case DataType.FLOAT: case DataType.COMPLEX64:
      return t.floatData ? view(t.floatData) : new Uint8Array(0);
    case DataType.DOUBLE: case DataType.COMPLEX128:
      return t.doubleData ? view(t.doubleData) : new Uint8Array(0);
    case DataType.INT64:
      return t.int64Data ? view(t.int64Data) : new Uint8Array(0);
    case DataType.UINT64:
      return t.uint64Data ? view(t.uint64Data) : new Uint8Array(0);
    case DataType.UINT32: {
      // uint32 values are stored in uint64_data
      const src = t.uint64Data ?? new BigUint64Array(0);
      const out = new Uint32Array(src.length);
      for (let i = 0; i < src.length; i++) out[i] = Number(src[i]! & 0xffffffffn);
      return view(out);
    }
    default:
      if (bitsOf(dtype) === 0) throw new OnnxFormatError(`tensor '${t.name}': unknown data type ${dtype}`);
      return t.int32Data ? packInt32Data(dtype, t.int32Data, count) : new Uint8Array(0);
  }
}

/** Bytes the payload takes once in raw form (what it costs in the file), without reading it. */
export function tensorByteLength(t: TensorProto): number {
  if (isExternal(t)) {
    const info = externalInfo(t);
    return info.length ?? rawByteLength(t.dataType, elementCount(t.dims));
  }
  if (t.dataType === DataType.STRING) return t.stringData.reduce((n, s) => n + s.length, 0);
  return rawByteLength(t.dataType, elementCount(t.dims));
}

/** Checks that the payload size agrees with dims and dtype; throws a clear error otherwise. */
export function checkTensorSize(t: TensorProto, external?: ExternalDataSource, name: string | undefined = t.name): void {
  if (t.dataType === DataType.STRING) {
    if (t.stringData.length !== elementCount(t.dims)) {
      throw new OnnxFormatError(`tensor '${name}': ${t.stringData.length} strings for dims [${t.dims.join(',')}]`);
    }
    return;
  }
  const expected = rawByteLength(t.dataType, elementCount(t.dims));
  const actual = tensorBytes(t, external).length;
  if (actual !== expected) {
    throw new OnnxFormatError(
      `tensor '${name}': ${actual} bytes of data for dims [${t.dims.join(',')}] of ${dataTypeName(t.dataType)} (expected ${expected})`,
    );
  }
}

/** Makes a tensor hold `bytes` as raw_data, dropping every other storage form. */
export function setTensorRaw(t: TensorProto, bytes: Uint8Array): void {
  t.rawData = bytes;
  t.floatData = undefined;
  t.int32Data = undefined;
  t.int64Data = undefined;
  t.doubleData = undefined;
  t.uint64Data = undefined;
  t.stringData = [];
  t.externalData = [];
  t.dataLocation = undefined;
}

export function makeTensor(name: string, dataType: number, dims: number[], raw: Uint8Array): TensorProto {
  return { name, dataType, dims, rawData: raw, stringData: [], externalData: [], metadataProps: [] };
}

/** Float32 values of a FLOAT tensor (a copy, aligned). */
export function tensorFloat32(t: TensorProto, external?: ExternalDataSource): Float32Array {
  if (t.dataType !== DataType.FLOAT) throw new OnnxFormatError(`tensor '${t.name}' is ${dataTypeName(t.dataType)}, not float`);
  const b = tensorBytes(t, external);
  const out = new Float32Array(b.length / 4);
  new Uint8Array(out.buffer).set(b);
  return out;
}

// ----------------------------------------------------------------------------------- Constant nodes

const CONSTANT_VALUE_ATTRS = new Set([
  'value', 'value_float', 'value_floats', 'value_int', 'value_ints', 'value_string', 'value_strings', 'sparse_value',
]);

export function isConstantNode(n: NodeProto): boolean {
  return n.opType === 'Constant' && (n.domain ?? '') === '';
}

/** The attribute that holds a Constant node's value. */
export function constantValueAttr(n: NodeProto): AttributeProto | undefined {
  return n.attribute.find((a) => a.name !== undefined && CONSTANT_VALUE_ATTRS.has(a.name));
}

/**
 * A Constant node's value as a dense TensorProto (Constant-13 semantics). For `value` this is the
 * attribute's own tensor object (so a rewrite of it is a rewrite of the node); other forms are built.
 */
export function constantNodeTensor(n: NodeProto, external?: ExternalDataSource): TensorProto | undefined {
  const a = constantValueAttr(n);
  if (!a) return undefined;
  const name = n.output[0];
  switch (a.name) {
    case 'value': return a.t;
    case 'value_float': return makeTensor(name ?? '', DataType.FLOAT, [], view(Float32Array.of(a.f ?? 0)));
    case 'value_floats': return makeTensor(name ?? '', DataType.FLOAT, [a.floats.length], view(Float32Array.from(a.floats)));
    case 'value_int': return makeTensor(name ?? '', DataType.INT64, [], view(BigInt64Array.of(a.i ?? 0n)));
    case 'value_ints': return makeTensor(name ?? '', DataType.INT64, [a.ints.length], view(BigInt64Array.from(a.ints)));
    case 'value_string': return { ...makeTensor(name ?? '', DataType.STRING, [], new Uint8Array(0)), rawData: undefined, stringData: [a.s ?? new Uint8Array(0)] };
    case 'value_strings': return { ...makeTensor(name ?? '', DataType.STRING, [a.strings.length], new Uint8Array(0)), rawData: undefined, stringData: a.strings };
    case 'sparse_value': return a.sparseTensor ? { ...densify(a.sparseTensor, external), name: name ?? '' } : undefined;
    default: return undefined;
  }
}

/** SparseTensorProto → dense tensor (values scattered by linearized or coordinate indices). */
export function densify(s: NonNullable<AttributeProto['sparseTensor']>, external?: ExternalDataSource): TensorProto {
  const values = s.values;
  const indices = s.indices;
  if (!values || !indices) throw new OnnxFormatError('sparse tensor without values or indices');
  const dtype = values.dataType ?? 0;
  const bits = bitsOf(dtype);
  if (bits < 8) throw new OnnxFormatError(`sparse tensor of ${dataTypeName(dtype)} is not supported`);
  const width = bits / 8;
  const total = elementCount(s.dims);
  const out = new Uint8Array(total * width);
  const vals = tensorBytes(values, external);
  const nnz = elementCount(values.dims);
  const idxBytes = tensorBytes(indices, external);
  if (indices.dataType !== DataType.INT64) throw new OnnxFormatError('sparse tensor indices must be int64');
  const idx = new BigInt64Array(idxBytes.length / 8);
  new Uint8Array(idx.buffer).set(idxBytes);
  const rank = s.dims.length;
  const coords = indices.dims.length === 2;
  // onnx.proto SparseTensorProto: indices are [NNZ] linear or [NNZ, rank] coordinates, each in range.
  const perValue = coords ? rank : 1;
  if (idx.length !== nnz * perValue || (coords && indices.dims[1] !== rank)) {
    throw new OnnxFormatError(`sparse tensor: indices of dims [${indices.dims.join(',')}] do not fit ${nnz} values of rank ${rank}`);
  }
  for (let k = 0; k < nnz; k++) {
    let lin = 0;
    if (coords) {
      for (let d = 0; d < rank; d++) {
        const c = Number(idx[k * rank + d]);
        if (c < 0 || c >= s.dims[d]!) throw new OnnxFormatError(`sparse index ${c} outside dimension ${d} of dims [${s.dims.join(',')}]`);
        lin = lin * s.dims[d]! + c;
      }
    } else lin = Number(idx[k]);
    if (lin < 0 || lin >= total) throw new OnnxFormatError(`sparse index ${lin} outside dims [${s.dims.join(',')}]`);
    out.set(vals.subarray(k * width, (k + 1) * width), lin * width);
  }
  return makeTensor(values.name ?? '', dtype, [...s.dims], out);
}
