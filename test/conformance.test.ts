/**
 * A fast slice of `npm run conformance`: a fixed sample of ONNX backend-suite models (control flow,
 * strings, bool, float16, int64, recurrent ops, pytorch exports) through decode→encode and dedup,prune,
 * run in onnxruntime-node against the suite's expected outputs. The expected outputs are the suite's own
 * (computed by the ONNX reference), not ours.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkModels, type ModelOutcome } from '../scripts/conformance/check-model.js';
import { BACKEND_SAMPLE } from './helpers/onnx-backend.js';
import type { Stage } from '../src/stages/stage.js';
import { intAttr } from '../src/stages/nodes.js';
import { upgradeOpset } from '../src/stages/opset/upgrade.js';
import { createStage } from '../src/stages/registry.js';
import { DataType } from '../src/onnx/dtype.js';
import { OnnxFormatError } from '../src/onnx/errors.js';
import { bitDifference, closeDifference } from '../src/check/tensor-compare.js';
import type { NamedTensor } from '../src/runtime/named-tensor.js';

const PASSING = [
  'node/test_if', 'node/test_loop11', 'node/test_scan9_sum', 'node/test_scan_sum', 'node/test_cast_FLOAT_to_FLOAT16',
  'node/test_gather_0', 'node/test_nonzero_example', 'node/test_argmax_default_axis_example', 'node/test_isnan',
  'node/test_and2d', 'node/test_cast_STRING_to_FLOAT', 'node/test_add_uint8', 'node/test_max_float16', 'node/test_top_k',
  'node/test_unique_sorted_with_axis', 'node/test_strnormalizer_nostopwords_nochangecase', 'node/test_bitshift_left_uint64',
  'node/test_mod_mixed_sign_float16', 'node/test_constant', 'node/test_constantofshape_int_zeros', 'node/test_dropout_default',
  'node/test_gru_defaults', 'node/test_lstm_defaults', 'node/test_softmax_axis_0',
  'node/test_range_float_type_positive_delta_expanded', 'node/test_sce_mean_weight_expanded',
  'node/test_layer_normalization_2d_axis0', 'node/test_einsum_batch_matmul',
  'node/test_tfidfvectorizer_tf_batch_onlybigrams_skip0', 'node/test_where_example', 'node/test_pow_types_int64_float32',
  'simple/test_sequence_model1', 'simple/test_single_relu_model', 'simple/test_expand_shape_model1',
  'pytorch-converted/test_Conv2d', 'pytorch-operator/test_operator_maxpool',
];

/** Models in which dedup,prune find something to merge or drop (so the sample exercises the stages). */
const CHANGED = [
  'node/test_layer_normalization_2d_axis0_expanded', 'node/test_nllloss_NCd1d2_with_weight_reduction_sum_ii_expanded',
  'node/test_hannwindow_expanded', 'node/test_resize_downsample_sizes_nearest_tf_half_pixel_for_nn',
];

/** Tests onnxruntime-node cannot take part in, and the reason each must be reported with. */
const SKIPPED: Record<string, string> = {
  'node/test_cast_FLOAT_to_BFLOAT16': 'outputs hold bfloat16 tensors',
  'node/test_cast_BFLOAT16_to_FLOAT': 'input holds bfloat16 tensors',
  'node/test_identity_sequence': 'input holds sequence values',
  'node/test_optional_get_element': 'input holds optional values',
  'node/test_if_seq': 'outputs hold sequence values',
  // Bernoulli samples: onnxruntime's generator is not numpy's.
  'node/test_bernoulli_seed': "ORT's output for the original differs from expected",
};

/** The repository's copy of these suite folders (test/helpers/onnx-backend.ts): no Debian package needed. */
const SUITE_ROOT = BACKEND_SAMPLE;

test('a sample of the ONNX backend suite survives decode→encode and dedup,prune in onnxruntime', async () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'conformance-test-'));
  try {
    const names = [...PASSING, ...CHANGED, ...Object.keys(SKIPPED)];
    const jobs = names.map((n) => ({ folder: n.split('/')[0]!, dir: path.join(SUITE_ROOT, n) }));
    const outcomes = await checkModels(jobs, 2, tmp);
    const byName = new Map<string, ModelOutcome>(outcomes.map((o) => [`${o.folder}/${o.name}`, o]));
    for (const n of names) {
      const o = byName.get(n)!;
      assert.equal(o.error, undefined, n);
      assert.ok(o.roundTripIdentical, `${n}: decode→encode changed the bytes`);
      assert.equal(o.tests.length, 1, n);
    }
    for (const n of [...PASSING, ...CHANGED]) {
      const t = byName.get(n)!.tests[0]!;
      assert.equal(t.status, 'pass', `${n}: ${t.reason}`);
    }
    for (const n of CHANGED) assert.ok(byName.get(n)!.changedByStages, `${n}: dedup,prune changed nothing`);
    for (const [n, reason] of Object.entries(SKIPPED)) {
      const t = byName.get(n)!.tests[0]!;
      assert.deepEqual([t.status, t.reason], ['skip', reason], n);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});

test('a stage that changes results is caught: the test fails and says which output differs', async () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'conformance-test-'));
  // Abs → Neg: same types and shapes, different values (y = |x| becomes y = −x).
  const absToNeg: Stage = {
    name: 'abs-to-neg',
    inPlace: true,
    run(model) {
      for (const n of model.graph!.node) if (n.opType === 'Abs') n.opType = 'Neg';
      return { model, modified: true, details: {} };
    },
  };
  try {
    const [o] = await checkModels([{ folder: 'node', dir: path.join(SUITE_ROOT, 'node/test_abs') }], 1, tmp, undefined, { stages: () => [absToNeg], lossy: false });
    assert.ok(o!.changedByStages);
    assert.equal(o!.tests[0]!.status, 'fail');
    assert.match(o!.tests[0]!.reason!, /^compressed output 'y' differs from the original's: bytes differ from byte \d+$/);
    // A lossy pass accepts other values, but not another shape or type, nor a model ORT cannot run.
    const lossy = (stage: Stage) => checkModels([{ folder: 'node', dir: path.join(SUITE_ROOT, 'node/test_abs') }], 1, tmp, undefined, { stages: () => [stage], lossy: true });
    const [neg] = await lossy(absToNeg);
    assert.deepEqual(neg!.tests.map((t) => t.status), ['pass']);
    const toInt: Stage = { name: 'abs-to-int', inPlace: true, run(model) { // y = int32(|x|), declared int32
      const g = model.graph!;
      g.node[0]!.output = ['abs'];
      g.node.push({ ...g.node[0]!, opType: 'Cast', input: ['abs'], output: ['y'], attribute: [intAttr('to', DataType.INT32)] });
      g.output[0]!.type!.tensorType!.elemType = DataType.INT32;
      return { model, modified: true, details: {} };
    } };
    const [int] = await lossy(toInt);
    assert.equal(int!.tests[0]!.status, 'fail');
    assert.match(int!.tests[0]!.reason!, /^compressed output 'y' is int32 \[3,4,5\], the original's float32 \[3,4,5\]$/);
    const broken: Stage = { name: 'abs-to-nothing', inPlace: true, run(model) { model.graph!.node[0]!.opType = 'NoSuchOp'; return { model, modified: true, details: {} }; } };
    const [bad] = await lossy(broken);
    assert.match(bad!.tests[0]!.reason!, /^ORT cannot run the compressed model: .*NoSuchOp/);
    // A lossy stage may refuse a model, but not one onnxruntime runs.
    const refuse: Stage = { name: 'refuse', run() { throw new OnnxFormatError('no thanks'); } };
    const [refused] = await lossy(refuse);
    assert.deepEqual([refused!.error, refused!.tests[0]!.status, refused!.tests[0]!.reason], [undefined, 'fail', 'the stages refused a model onnxruntime runs: no thanks']);
    // A model the stages leave alone is not run again (the lossless pass covers it).
    const [same] = await lossy({ name: 'nothing', run: (model) => ({ model, modified: false, details: {} }) });
    assert.deepEqual([same!.changedByStages, same!.tests.length], [false, 0]);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});

test('--opset: an upgraded model must give the expected outputs; a changed value or a refusal fails', async () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'conformance-test-'));
  const job = [{ folder: 'node', dir: path.join(SUITE_ROOT, 'node/test_upsample_nearest') }]; // opset 9
  const pass = (stage: Stage) => checkModels(job, 1, tmp, undefined, { stages: () => [stage], lossy: false, expectedOnly: true });
  try {
    const [up] = await pass(createStage({ 'upgrade-opset': { target: 13 } }));
    assert.deepEqual([up!.changedByStages, up!.tests.map((t) => t.status)], [true, ['pass']]);
    const nearestToLinear: Stage = { name: 'linear', inPlace: true, run(model) {
      const { model: m } = upgradeOpset(model, 13);
      m.graph!.node[0]!.attribute = m.graph!.node[0]!.attribute.map((a) => (a.name === 'mode' ? { ...a, s: new TextEncoder().encode('linear') } : a));
      return { model: m, modified: true, details: {} };
    } };
    const [wrong] = await pass(nearestToLinear);
    assert.match(wrong!.tests[0]!.reason!, /^compressed output 'Y' differs from expected: /);
    const [refused] = await pass({ name: 'refuse', run() { throw new OnnxFormatError('no thanks'); } });
    assert.equal(refused!.tests[0]!.reason, 'the stages refused a model onnxruntime runs: no thanks');
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});

test('weights from test data: the suite\'s weight inputs become initializers the quantizers reach; a pass checks cosine to the float model', async () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'conformance-test-'));
  const job = [{ folder: 'node', dir: path.join(SUITE_ROOT, 'node/test_gemm_default_matrix_bias') }];
  const weights = { minCosine: 0.98 };
  try {
    const [int8] = await checkModels(job, 1, tmp, undefined, { stages: () => [createStage({ 'quantize-int8': { 'min-elements': 0 } })], lossy: true, weights });
    assert.ok(int8!.changedByStages, 'b is an initializer now: int8 quantizes the Gemm');
    assert.deepEqual(int8!.tests.map((t) => [t.set, t.status]), [['test_data_set_0', 'pass']]);
    // Without the weights the same stage finds nothing to quantize (b is a graph input).
    const [plain] = await checkModels(job, 1, tmp, undefined, { stages: () => [createStage({ 'quantize-int8': { 'min-elements': 0 } })], lossy: true });
    assert.equal(plain!.changedByStages, false);
    // A stage that wrecks the weight is caught by the cosine, not only by shapes.
    const negateB: Stage = { name: 'negate-b', inPlace: true, run(model) {
      const b = model.graph!.initializer.find((t) => t.name === 'b')!;
      const bytes = Uint8Array.from(b.rawData!);
      for (let i = 3; i < bytes.length; i += 4) bytes[i]! ^= 0x80; // flip each float32's sign bit
      b.rawData = bytes;
      return { model, modified: true, details: {} };
    } };
    const [bad] = await checkModels(job, 1, tmp, undefined, { stages: () => [negateB], lossy: true, weights });
    assert.match(bad!.tests[0]!.reason!, /^compressed output 'y' has cosine -0\.\d{5} to the float model's \(< 0\.98\)$/);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});

const f32 = (v: number[], dims = [v.length]): NamedTensor =>
  ({ name: 'x', type: 'float32', dims, data: new Uint8Array(Float32Array.from(v).buffer) });

test('closeDifference follows numpy assert_allclose with the backend defaults (rtol 1e-3, atol 1e-7)', () => {
  // |1.0009765625 − 1| = 9.77e-4 ≤ 1e-7 + 1e-3·1; NaN equals NaN; an infinity equals itself only.
  assert.equal(closeDifference(f32([1.0009765625, NaN, Infinity, 0]), f32([1, NaN, Infinity, 0])), undefined);
  // |1.001953125 − 1| = 1.95e-3 > 1.0000001e-3
  assert.match(closeDifference(f32([1.001953125, 2]), f32([1, 2]))!, /^1 of 2 elements differ .*first at 0/);
  assert.match(closeDifference(f32([NaN]), f32([1]))!, /1 of 1 elements differ/);
  assert.match(closeDifference(f32([Infinity]), f32([-Infinity]))!, /1 of 1 elements differ/);
  // atol alone near zero: 1e-7 passes, 2e-7 does not (float32 of 2e-7 is ≈ 2.0000000233e-7).
  assert.equal(closeDifference(f32([9e-8]), f32([0])), undefined);
  assert.match(closeDifference(f32([2e-7]), f32([0]))!, /differ/);
  assert.equal(closeDifference(f32([1, 2], [2, 1]), f32([1, 2], [1, 2])), 'dims [2,1] ≠ [1,2]');
  const i64: NamedTensor = { name: 'x', type: 'int64', dims: [1], data: new Uint8Array(8) };
  assert.equal(closeDifference(f32([0], [1]), i64), 'type float32 ≠ int64');
  const words = (data: string[]): NamedTensor => ({ name: 's', type: 'string', dims: [data.length], data });
  assert.equal(closeDifference(words(['a', 'b']), words(['a', 'b'])), undefined);
  assert.equal(closeDifference(words(['a', 'b']), words(['a', 'c'])), 'strings differ at element 1');
  // float16 by value (it was once compared like strings, element by element for equality):
  // 0x3c01 = 1.0009765625 is within rtol of 0x3c00 = 1; 0x3c02 = 1.001953125 is not.
  const f16 = (bits: number[]): NamedTensor => ({ name: 'h', type: 'float16', dims: [bits.length], data: new Uint8Array(Uint16Array.from(bits).buffer) });
  assert.equal(closeDifference(f16([0x3c01, 0x7e00]), f16([0x3c00, 0x7e00])), undefined);
  assert.match(closeDifference(f16([0x3c02]), f16([0x3c00]))!, /^1 of 1 elements differ .*1\.001953125 vs 1;/);
});

test('bitDifference compares bytes: -0 is not 0, and the same NaN is itself', () => {
  assert.equal(bitDifference(f32([NaN, 1]), f32([NaN, 1])), undefined);
  assert.equal(bitDifference(f32([1, -0]), f32([1, 0])), 'bytes differ from byte 7');
  assert.equal(closeDifference(f32([1, -0]), f32([1, 0])), undefined);
});
