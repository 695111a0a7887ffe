/** TensorProto.DataType codes and what we need to know about each. */
export const DataType = {
  UNDEFINED: 0, FLOAT: 1, UINT8: 2, INT8: 3, UINT16: 4, INT16: 5, INT32: 6, INT64: 7, STRING: 8, BOOL: 9,
  FLOAT16: 10, DOUBLE: 11, UINT32: 12, UINT64: 13, COMPLEX64: 14, COMPLEX128: 15, BFLOAT16: 16,
  FLOAT8E4M3FN: 17, FLOAT8E4M3FNUZ: 18, FLOAT8E5M2: 19, FLOAT8E5M2FNUZ: 20, UINT4: 21, INT4: 22,
  FLOAT4E2M1: 23, FLOAT8E8M0: 24, UINT2: 25, INT2: 26,
} as const;
export type DataTypeCode = (typeof DataType)[keyof typeof DataType];

const NAMES: string[] = [];
for (const [k, v] of Object.entries(DataType)) NAMES[v] = k.toLowerCase();

/** Bits per element; 0 for STRING/UNDEFINED (no fixed width). */
const BITS: Record<number, number> = {
  1: 32, 2: 8, 3: 8, 4: 16, 5: 16, 6: 32, 7: 64, 9: 8, 10: 16, 11: 64, 12: 32, 13: 64, 14: 64, 15: 128,
  16: 16, 17: 8, 18: 8, 19: 8, 20: 8, 21: 4, 22: 4, 23: 4, 24: 8, 25: 2, 26: 2,
};

export function dataTypeName(code: number | undefined): string {
  return (code !== undefined && NAMES[code]) || `dtype(${code})`;
}

export function bitsOf(code: number | undefined): number {
  return (code !== undefined && BITS[code]) || 0;
}

export function isKnownDataType(code: number | undefined): boolean {
  return code !== undefined && (BITS[code] !== undefined || code === DataType.STRING);
}

/** Bytes that `count` elements take in raw_data (sub-byte types pack, rounding up to a whole byte). */
export function rawByteLength(code: number | undefined, count: number): number {
  const bits = bitsOf(code);
  return Math.ceil((bits * count) / 8);
}

/** onnxruntime-node's tensor type names. */
export const ORT_TYPE: Record<number, string> = {
  1: 'float32', 2: 'uint8', 3: 'int8', 4: 'uint16', 5: 'int16', 6: 'int32', 7: 'int64', 8: 'string',
  9: 'bool', 10: 'float16', 11: 'float64', 12: 'uint32', 13: 'uint64', 21: 'uint4', 22: 'int4',
};
