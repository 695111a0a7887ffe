/**
 * tensorBytes for every TensorProto storage form (onnx.proto, TensorProto field comments), Constant node
 * values in every attribute form, and checkTensorSize. Expected bytes are written out by hand:
 * little-endian, sub-byte types packed low nibble first.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DataType } from '../src/onnx/dtype.js';
import { OnnxFormatError } from '../src/onnx/errors.js';
import { checkTensorSize, constantNodeTensor, makeTensor, tensorBytes } from '../src/onnx/tensor.js';
import type { SparseTensorProto, TensorProto } from '../src/onnx/types.js';
import { attribute, emptyAttribute, floatTensor, int64Tensor, node } from './helpers/builder.js';

const T = DataType;
const bytes = (...b: number[]) => Uint8Array.from(b);
const ff = (n: number) => new Array<number>(n).fill(0xff);

function tensor(dataType: number, dims: number[], storage: Partial<TensorProto>): TensorProto {
  return { name: 't', dataType, dims, stringData: [], externalData: [], metadataProps: [], ...storage };
}
const i32 = (dataType: number, dims: number[], values: number[]) => tensor(dataType, dims, { int32Data: Int32Array.from(values) });

test('raw_data is returned as is (a view, not a copy)', () => {
  const raw = bytes(0, 0, 0x80, 0x3f);
  const t = tensor(T.FLOAT, [1], { rawData: raw });
  assert.equal(tensorBytes(t), raw);
});

test('float_data, double_data, int64_data and uint64_data give little-endian raw bytes', () => {
  // 1.0f = 0x3f800000, -2.0f = 0xc0000000
  assert.deepEqual(tensorBytes(tensor(T.FLOAT, [2], { floatData: Float32Array.of(1, -2) })), bytes(0, 0, 0x80, 0x3f, 0, 0, 0, 0xc0));
  // complex64: (real, imag) float pairs in float_data
  assert.deepEqual(tensorBytes(tensor(T.COMPLEX64, [1], { floatData: Float32Array.of(1, -2) })), bytes(0, 0, 0x80, 0x3f, 0, 0, 0, 0xc0));
  // 1.0 = 0x3ff0000000000000
  assert.deepEqual(tensorBytes(tensor(T.DOUBLE, [1], { doubleData: Float64Array.of(1) })), bytes(0, 0, 0, 0, 0, 0, 0xf0, 0x3f));
  assert.deepEqual(tensorBytes(tensor(T.COMPLEX128, [1], { doubleData: Float64Array.of(1, 1) })).length, 16);
  assert.deepEqual(tensorBytes(tensor(T.INT64, [2], { int64Data: BigInt64Array.of(-1n, 2n) })), bytes(...ff(8), 2, 0, 0, 0, 0, 0, 0, 0));
  // uint32 values live in uint64_data; raw form is 4 bytes each
  assert.deepEqual(tensorBytes(tensor(T.UINT32, [2], { uint64Data: BigUint64Array.of(4294967295n, 1n) })), bytes(...ff(4), 1, 0, 0, 0));
  assert.deepEqual(tensorBytes(tensor(T.UINT64, [1], { uint64Data: BigUint64Array.of(2n ** 64n - 1n) })), bytes(...ff(8)));
});

test('int32_data: one element per int32 for 32-, 16- and 8-bit types (16-bit floats as their bits)', () => {
  assert.deepEqual(tensorBytes(i32(T.INT32, [2], [1, -1])), bytes(1, 0, 0, 0, ...ff(4)));
  assert.deepEqual(tensorBytes(i32(T.INT16, [2], [-2, 300])), bytes(0xfe, 0xff, 0x2c, 0x01));
  assert.deepEqual(tensorBytes(i32(T.UINT16, [2], [65535, 1])), bytes(0xff, 0xff, 1, 0));
  // float16 1.0 = 0x3c00, -2.0 = 0xc000; bfloat16 1.0 = 0x3f80, 3.140625 = 0x4049
  assert.deepEqual(tensorBytes(i32(T.FLOAT16, [2], [0x3c00, 0xc000])), bytes(0x00, 0x3c, 0x00, 0xc0));
  assert.deepEqual(tensorBytes(i32(T.BFLOAT16, [2], [0x3f80, 0x4049])), bytes(0x80, 0x3f, 0x49, 0x40));
  assert.deepEqual(tensorBytes(i32(T.INT8, [3], [-1, 127, -128])), bytes(0xff, 0x7f, 0x80));
  assert.deepEqual(tensorBytes(i32(T.UINT8, [2], [255, 0])), bytes(0xff, 0));
  assert.deepEqual(tensorBytes(i32(T.BOOL, [3], [1, 0, 1])), bytes(1, 0, 1));
  // float8 variants: one byte of bits per int32 (e4m3fn 1.0 = 0x38, e5m2 1.0 = 0x3c)
  for (const dt of [T.FLOAT8E4M3FN, T.FLOAT8E4M3FNUZ, T.FLOAT8E5M2, T.FLOAT8E5M2FNUZ, T.FLOAT8E8M0]) {
    assert.deepEqual(tensorBytes(i32(dt, [2], [0x38, 0xbc])), bytes(0x38, 0xbc), `dtype ${dt}`);
  }
});

test('int32_data for 4-bit and 2-bit types holds one already-packed byte per int32, low nibble first', () => {
  // int4 [1, -1, 7]: byte 0 = (-1 & 0xf) << 4 | 1 = 0xf1, byte 1 = 0x07 (odd count: high nibble zero)
  assert.deepEqual(tensorBytes(i32(T.INT4, [3], [0xf1, 0x07])), bytes(0xf1, 0x07));
  // uint4 [3, 15, 8]
  assert.deepEqual(tensorBytes(i32(T.UINT4, [3], [0xf3, 0x08])), bytes(0xf3, 0x08));
  // float4e2m1 [1.0 = 0b0010, -1.0 = 0b1010]
  assert.deepEqual(tensorBytes(i32(T.FLOAT4E2M1, [2], [0xa2])), bytes(0xa2));
  // uint2 [1, 2, 3, 0, 1]: 1 | 2<<2 | 3<<4 | 0<<6 = 0x39, then 0x01
  assert.deepEqual(tensorBytes(i32(T.UINT2, [5], [0x39, 0x01])), bytes(0x39, 0x01));
  // one element per int32 is not the packed form: refused, not silently misread
  assert.throws(() => tensorBytes(i32(T.INT4, [3], [1, -1, 7])), OnnxFormatError);
});

test('string_data gives a length-prefixed identity; an absent payload gives no bytes', () => {
  const s = tensor(T.STRING, [2], { stringData: [new TextEncoder().encode('ab'), new Uint8Array(0)] });
  assert.deepEqual(tensorBytes(s), bytes(2, 0, 0, 0, 0x61, 0x62, 0, 0, 0, 0));
  assert.deepEqual(tensorBytes(tensor(T.FLOAT, [0], {})), new Uint8Array(0));
});

test('checkTensorSize catches dims that disagree with the payload', () => {
  checkTensorSize(tensor(T.FLOAT, [2], { rawData: new Uint8Array(8) }));
  checkTensorSize(i32(T.INT4, [3], [0xf1, 0x07]));
  checkTensorSize(tensor(T.INT4, [3], { rawData: new Uint8Array(2) }));
  const bad: TensorProto[] = [
    tensor(T.FLOAT, [2, 2], { rawData: new Uint8Array(12) }),
    tensor(T.FLOAT, [2, 2], { floatData: Float32Array.of(1, 2, 3) }),
    tensor(T.FLOAT, [2], {}),
    tensor(T.INT4, [3], { rawData: new Uint8Array(3) }),
    i32(T.FLOAT16, [3], [1, 2]),
    tensor(T.STRING, [3], { stringData: [new Uint8Array(1)] }),
    tensor(T.FLOAT, [-1], { rawData: new Uint8Array(0) }),
  ];
  for (const t of bad) assert.throws(() => checkTensorSize(t), (e: Error) => e instanceof OnnxFormatError && !e.message.includes('\n'), JSON.stringify(t.dims));
});

function constant(attrName: string, a: ReturnType<typeof emptyAttribute>) {
  a.name = attrName;
  return node('Constant', [], ['c'], {}, { attribute: [a] });
}

test('Constant node values in every attribute form become dense tensors', () => {
  const t = floatTensor('v', [2], [1, 2]);
  const withValue = constant('value', attribute('value', t));
  assert.equal(constantNodeTensor(withValue), t);

  const check = (n: ReturnType<typeof node>, dataType: number, dims: number[], expected: Uint8Array) => {
    const out = constantNodeTensor(n)!;
    assert.deepEqual([out.name, out.dataType, out.dims], ['c', dataType, dims]);
    assert.deepEqual(tensorBytes(out), expected);
  };
  check(constant('value_float', attribute('value_float', { float: 1.5 })), T.FLOAT, [], bytes(0, 0, 0xc0, 0x3f));
  check(constant('value_floats', attribute('value_floats', { floats: [1, -2] })), T.FLOAT, [2], bytes(0, 0, 0x80, 0x3f, 0, 0, 0, 0xc0));
  check(constant('value_int', attribute('value_int', -3n)), T.INT64, [], bytes(0xfd, ...ff(7)));
  check(constant('value_ints', attribute('value_ints', [1n, 2n ** 63n - 1n])), T.INT64, [2], bytes(1, 0, 0, 0, 0, 0, 0, 0, ...ff(7), 0x7f));

  const str = emptyAttribute('value_string');
  str.s = new TextEncoder().encode('hi');
  const one = constantNodeTensor(constant('value_string', str))!;
  assert.deepEqual([one.name, one.dataType, one.dims, one.stringData], ['c', T.STRING, [], [bytes(0x68, 0x69)]]);
  const strs = emptyAttribute('value_strings');
  strs.strings = [bytes(0x61), bytes(0x62, 0x63)];
  const two = constantNodeTensor(constant('value_strings', strs))!;
  assert.deepEqual([two.dataType, two.dims, two.stringData], [T.STRING, [2], [bytes(0x61), bytes(0x62, 0x63)]]);
  assert.equal(constantNodeTensor(node('Constant', [], ['c'])), undefined);
});

function sparseConstant(s: SparseTensorProto) {
  const a = emptyAttribute('sparse_value');
  a.sparseTensor = s;
  return constant('sparse_value', a);
}

test('sparse_value is densified from linear and from coordinate indices', () => {
  // dims [2, 3]; 5 at (0, 1) = linear 1, 6 at (1, 2) = linear 5
  const dense = new Uint8Array(Float32Array.of(0, 5, 0, 0, 0, 6).buffer);
  const values = () => floatTensor('vals', [2], [5, 6]);
  for (const indices of [int64Tensor('i', [2], [1, 5]), int64Tensor('i', [2, 2], [0, 1, 1, 2])]) {
    const out = constantNodeTensor(sparseConstant({ values: values(), indices, dims: [2, 3] }))!;
    assert.deepEqual([out.name, out.dataType, out.dims], ['c', T.FLOAT, [2, 3]]);
    assert.deepEqual(tensorBytes(out), dense);
  }
  const bad: [TensorProto, string][] = [
    [int64Tensor('i', [2], [1, 6]), 'linear index past the end'],
    [int64Tensor('i', [2, 2], [0, 3, 1, 0]), 'coordinate past its dimension'],
    [int64Tensor('i', [1], [1]), 'fewer indices than values'],
    [int64Tensor('i', [2, 1], [1, 2]), 'coordinates of the wrong rank'],
  ];
  for (const [indices, what] of bad) {
    assert.throws(() => constantNodeTensor(sparseConstant({ values: values(), indices, dims: [2, 3] })), OnnxFormatError, what);
  }
});

test('makeTensor keeps the bytes it is given', () => {
  const raw = bytes(1, 2);
  assert.equal(tensorBytes(makeTensor('m', T.UINT8, [2], raw)), raw);
});
