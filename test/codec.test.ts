/**
 * The codec against bytes crafted by hand (test/helpers/wire.ts follows the protobuf encoding spec, not
 * our codec): unknown fields at every level, exact int64, packed and unpacked repeated fields, the ONNX
 * backend suite byte for byte, and malformed input that must end as OnnxFormatError.
 */
import { test } from 'node:test';
import { backendModel, backendSample } from './helpers/onnx-backend.js';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { MAX_MESSAGE_DEPTH, decodeModel, decodeTensor, encodeModel, encodeTensor } from '../src/onnx/codec.js';
import { OnnxFormatError } from '../src/onnx/errors.js';
import { cat, f32, fixed64, ld, packedVarints, tag, varint, vint } from './helpers/wire.js';

const INT64_MAX = 2n ** 63n - 1n;
const INT64_MIN = -(2n ** 63n);

// Field numbers from onnx.proto.
const RAW = Uint8Array.from({ length: 24 }, (_, i) => i * 7);
const tensorUnknowns = [vint(99, 12345), ld(100, 'hello'), ld(2, 'known id, wrong wire type')];
const tensor = cat(vint(1, 2), vint(1, 3), vint(2, 1), ld(8, 'w'), ld(9, RAW), ...tensorUnknowns);
const attrUnknowns = [vint(99, 7), fixed64(101, [1, 2, 3, 4, 5, 6, 7, 8])];
const attribute = cat(ld(1, 'alpha'), f32(2, 0.5), ld(5, tensor), vint(20, 1), ...attrUnknowns);
const nodeUnknowns = [ld(100, ld(1, 'looks like a message'))];
const node = cat(ld(1, 'x'), ld(2, 'y'), ld(3, 'n0'), ld(4, 'Custom'), ld(5, attribute), ld(7, 'custom.domain'), ...nodeUnknowns);
const graphUnknowns = [vint(99, 1), f32(102, 1.5)];
const graph = cat(ld(1, node), ld(2, 'g'), ld(5, tensor), ...graphUnknowns);
const modelUnknowns = [vint(99, 300), ld(100, 'future')];
const modelBytes = cat(vint(1, 9), ld(7, graph), ld(8, vint(2, 17)), ...modelUnknowns);

test('unknown fields at model, graph, node, attribute and tensor level survive decode→encode byte for byte', () => {
  const m = decodeModel(modelBytes);
  assert.equal(m.irVersion, 9);
  assert.deepEqual(m.opsetImport.map((o) => [o.domain, o.version]), [[undefined, 17]]);
  const g = m.graph!;
  assert.equal(g.name, 'g');
  const n = g.node[0]!;
  assert.deepEqual([n.input, n.output, n.name, n.opType, n.domain], [['x'], ['y'], 'n0', 'Custom', 'custom.domain']);
  const a = n.attribute[0]!;
  assert.deepEqual([a.name, a.f, a.type], ['alpha', 0.5, 1]);
  for (const t of [a.t!, g.initializer[0]!]) {
    assert.deepEqual([t.dims, t.dataType, t.name], [[2, 3], 1, 'w']);
    assert.deepEqual(t.rawData, RAW);
    assert.deepEqual(t.$unknown, tensorUnknowns);
  }
  assert.deepEqual(a.$unknown, attrUnknowns);
  assert.deepEqual(n.$unknown, nodeUnknowns);
  assert.deepEqual(g.$unknown, graphUnknowns);
  assert.deepEqual(m.$unknown, modelUnknowns);
  assert.deepEqual(encodeModel(m), modelBytes);
});

test('attribute int64 is exact at INT64_MAX and INT64_MIN; negative varints decode and re-encode as 10 bytes', () => {
  for (const v of [INT64_MAX, INT64_MIN, -1n, 0n, 2n ** 53n + 1n]) {
    const bytes = cat(vint(1, 9), ld(7, ld(1, ld(5, cat(ld(1, 'i'), vint(3, v), vint(20, 2))))));
    const m = decodeModel(bytes);
    assert.equal(m.graph!.node[0]!.attribute[0]!.i, v);
    assert.deepEqual(encodeModel(m), bytes);
  }
  assert.equal(varint(INT64_MIN).length, 10);
  // int32 (data_type) and int64-as-number (dims) fields with negative values: sign-extended 10-byte varints.
  const t = cat(vint(1, -1), vint(2, -5), ld(5, packedVarints([-1, -2147483648, 7])));
  const decoded = decodeTensor(t);
  assert.deepEqual(decoded.dims, [-1]);
  assert.equal(decoded.dataType, -5);
  assert.deepEqual(decoded.int32Data, Int32Array.of(-1, -2147483648, 7));
  assert.deepEqual(encodeTensor(decoded), t);
});

test('int64 and uint64 tensor data are exact; an int64 beyond 2^53 where a number is kept is refused', () => {
  const t = cat(vint(2, 7), ld(7, packedVarints([INT64_MAX, INT64_MIN, -1n])), ld(11, packedVarints([2n ** 64n - 1n, 3n])));
  const d = decodeTensor(t);
  assert.deepEqual(d.int64Data, BigInt64Array.of(INT64_MAX, INT64_MIN, -1n));
  assert.deepEqual(d.uint64Data, BigUint64Array.of(2n ** 64n - 1n, 3n));
  assert.deepEqual(encodeTensor(d), t);
  assert.throws(() => decodeTensor(vint(1, 2n ** 60n)), OnnxFormatError);
  assert.deepEqual(decodeTensor(vint(1, 2 ** 53 - 1)).dims, [2 ** 53 - 1]);
});

test('packed and unpacked repeated fields decode alike and re-encode in the schema form', () => {
  const floats = new Uint8Array(Float32Array.of(1.5, -2, 3.25).buffer);
  const cases: [Uint8Array, Uint8Array][] = [
    // float_data: packed (schema form) and unpacked (legal on the wire)
    [ld(4, floats), cat(f32(4, 1.5), f32(4, -2), f32(4, 3.25))],
    // int32_data
    [ld(5, packedVarints([4, -3])), cat(vint(5, 4), vint(5, -3))],
    // int64_data split over a packed record and a loose element
    [ld(7, packedVarints([4, -3])), cat(ld(7, packedVarints([4])), vint(7, -3))],
    // dims: unpacked in the schema, packed accepted
    [cat(vint(1, 2), vint(1, 5)), ld(1, packedVarints([2, 5]))],
  ];
  for (const [schemaForm, other] of cases) {
    assert.deepEqual(decodeTensor(other), decodeTensor(schemaForm));
    assert.deepEqual(encodeTensor(decodeTensor(other)), schemaForm);
  }
  assert.deepEqual(decodeTensor(ld(4, floats)).floatData, Float32Array.of(1.5, -2, 3.25));
  const d = new Float64Array([0.1, -1e300]);
  assert.deepEqual(decodeTensor(ld(10, new Uint8Array(d.buffer))).doubleData, d);
  // attribute ints: unpacked in the schema, packed accepted
  const packedInts = cat(ld(1, 'p'), ld(8, packedVarints([-1n, 5n, INT64_MIN])));
  const unpackedInts = cat(ld(1, 'p'), vint(8, -1n), vint(8, 5n), vint(8, INT64_MIN));
  const wrap = (a: Uint8Array) => cat(ld(7, ld(1, ld(5, a))));
  assert.deepEqual(decodeModel(wrap(packedInts)).graph!.node[0]!.attribute[0]!.ints, [-1n, 5n, INT64_MIN]);
  assert.deepEqual(encodeModel(decodeModel(wrap(packedInts))), wrap(unpackedInts));
});

test('every 10th ONNX backend suite model (the repository\'s copy) round-trips to identical bytes', () => {
  // The copy holds every 10th model of the suite plus the ones other tests name (scripts/fixtures/onnx_backend_sample.sh);
  // the protobuf library of the ONNX project wrote them, so this checks our encoder against another one.
  const sample = backendSample().map(backendModel);
  assert.ok(sample.length >= 100, `sampled ${sample.length} models`);
  for (const file of sample) {
    const bytes = readFileSync(file);
    assert.ok(Buffer.from(encodeModel(decodeModel(bytes))).equals(bytes), file);
  }
});

const rejects = (bytes: Uint8Array, what: string) => assert.throws(() => decodeModel(bytes), OnnxFormatError, what);

test('truncated buffers are OnnxFormatError, never RangeError', () => {
  const graphField = ld(7, graph);
  const bytes = cat(vint(1, 9), graphField, ld(8, vint(2, 17)));
  const graphStart = 2;
  for (let cut = 0; cut < bytes.length; cut++) {
    const part = bytes.subarray(0, cut);
    if (cut > graphStart && cut < graphStart + graphField.length) rejects(part, `cut at ${cut}`);
    else {
      try { decodeModel(part); } catch (e) { assert.ok(e instanceof OnnxFormatError, `cut at ${cut}: ${(e as Error).name}`); }
    }
  }
  // A real model, cut everywhere inside it.
  const real = readFileSync(backendModel('node/test_loop11'));
  for (let cut = 1; cut < real.length; cut++) {
    try { decodeModel(real.subarray(0, cut)); } catch (e) { assert.ok(e instanceof OnnxFormatError, `loop11 cut at ${cut}: ${(e as Error).name}`); }
  }
});

test('length prefixes that lie are OnnxFormatError', () => {
  const padding = new Uint8Array(64);
  rejects(cat(vint(1, 9), tag(7, 2), varint(1000), graph), 'graph longer than the file');
  // node claims more bytes than its graph holds (the bytes exist further on in the file)
  rejects(cat(ld(7, cat(tag(1, 2), varint(40), node.subarray(0, 10))), ld(100, padding)), 'node past its graph');
  // raw_data, a string, a packed array and an unknown field each running past their message
  const inTensor = (t: Uint8Array) => cat(ld(7, ld(5, t)), ld(100, padding));
  rejects(inTensor(cat(tag(9, 2), varint(50), Uint8Array.of(1, 2, 3))), 'raw_data');
  rejects(inTensor(cat(tag(8, 2), varint(50), Uint8Array.of(65))), 'name');
  rejects(inTensor(cat(tag(5, 2), varint(50), Uint8Array.of(1))), 'packed int32_data');
  rejects(inTensor(cat(tag(4, 2), varint(6), Uint8Array.of(1, 2, 3, 4, 5, 6))), 'float_data not a multiple of 4');
  rejects(inTensor(cat(tag(200, 2), varint(50), Uint8Array.of(1))), 'unknown field');
  // protobufjs' Reader throws plain Errors for lengths ≥ 2^31, bad tags and deep groups: ours wraps them.
  rejects(cat(tag(100, 2), varint(2 ** 31)), 'unknown field of length 2^31');
  rejects(cat(tag(100, 2), varint(2 ** 32 - 1)), 'unknown field of length 2^32-1');
  rejects(cat(tag(100, 2), varint(2 ** 31 - 1)), 'unknown field of length 2^31-1');
  rejects(Uint8Array.of(0x80, 0x80, 0x80, 0x80, 0x80, 0x01), 'tag longer than 5 bytes');
  rejects(cat(...Array.from({ length: 200 }, () => tag(100, 3))), 'unknown groups nested 200 deep');
  // malformed tags and varints
  rejects(Uint8Array.of(0x08, 0x80), 'varint cut short');
  rejects(cat(tag(1, 0), Uint8Array.from({ length: 11 }, () => 0xff)), 'varint longer than 10 bytes');
  rejects(Uint8Array.of(0x0f), 'wire type 7');
  rejects(Uint8Array.of(0x00, 0x00), 'field number 0');
});

/** graph → node → attribute(g) → graph → ..., `levels` times: three messages per level. */
function nestedModel(levels: number): Uint8Array {
  let g = ld(2, 'leaf');
  for (let i = 0; i < levels; i++) g = ld(1, cat(ld(4, 'If'), ld(5, cat(ld(1, 'then_branch'), ld(6, g)))));
  return ld(7, g);
}

test(`messages nested deeper than ${MAX_MESSAGE_DEPTH} levels are refused without a stack overflow`, () => {
  const ok = decodeModel(nestedModel(300));
  let depth = 0;
  for (let g = ok.graph; g?.node[0]; g = g.node[0].attribute[0]!.g) depth++;
  assert.equal(depth, 300);
  assert.throws(() => decodeModel(nestedModel(400)), (e: Error) => e instanceof OnnxFormatError && /nested deeper/.test(e.message));
  assert.throws(() => decodeModel(nestedModel(3000)), OnnxFormatError);
});
