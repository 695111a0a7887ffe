/**
 * Open input axes without a config: the batch axis is 1, readers' weights and strides give the rest,
 * every choice says why; the samples run in onnxruntime-node; when the original model cannot run on
 * what was chosen, compare and auto ask in one line naming the axis and --dims (exit 2).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { autoDims } from '../src/runtime/auto-inputs.js';
import { loadSamples, modelInputs } from '../src/check/inputs.js';
import { startOrtHost } from '../src/runtime/ort-runner.js';
import { DataType } from '../src/onnx/dtype.js';
import { loadModel, saveModel } from '../src/onnx/model-io.js';
import type { ModelProto } from '../src/onnx/types.js';
import { UsageError } from '../src/onnx/errors.js';
import { autoCompress } from '../src/pipeline/auto.js';
import { floatTensor, graph, model, node, randomFloats, valueInfo } from './helpers/builder.js';
import { cliSync } from './helpers/cli.js';
import { FIXTURES } from './helpers/fixture-parity.js';
import { runOrt } from './helpers/ort-run.js';

const F = DataType.FLOAT;
/** valueInfo with open axes: undefined leaves a dim with neither size nor name. */
function openInput(name: string, elemType: number, dims: (number | string | undefined)[]) {
  const v = valueInfo(name, elemType, []);
  v.type!.tensorType!.shape!.dim = dims.map((d) => (d === undefined ? {} : typeof d === 'number' ? { dimValue: d } : { dimParam: d }));
  return v;
}

/** x [?, ?, ?, ?] → Conv 3×3 stride 3 → MaxPool stride 2 → y; and f [?, ?] → MatMul [20, 5]. */
function openModel(): ModelProto {
  return model(graph({
    node: [
      node('Conv', ['x', 'w'], ['c'], { kernel_shape: [3, 3], strides: [3, 3] }),
      node('MaxPool', ['c'], ['y'], { kernel_shape: [2, 2], strides: [2, 2] }),
      node('MatMul', ['f', 'm'], ['z']),
    ],
    input: [openInput('x', F, [undefined, undefined, 'height', undefined]), openInput('f', F, ['rows', undefined])],
    output: [valueInfo('y', F), valueInfo('z', F)],
    initializer: [floatTensor('w', [4, 3, 3, 3], randomFloats(108, 1)), floatTensor('m', [20, 5], randomFloats(100, 2))],
  }), 13);
}

test('open axes: batch 1, channels from the Conv weight, sides a multiple of the stride, K from the MatMul weight', async () => {
  const m = openModel();
  const dims = autoDims(m, modelInputs(m), {});
  const by = Object.fromEntries(dims.map((d) => [d.name, d]));
  assert.equal(by['x[0]']!.value, 1);
  assert.match(by['x[0]']!.why, /batch axis/);
  assert.equal(by['x[1]']!.value, 3);
  assert.match(by['x[1]']!.why, /weight 'w' of Conv .* takes 3 channels/);
  // Stride 3 then 2: 6 along each side, so 224 → 228.
  assert.deepEqual([by.height!.value, by['x[3]']!.value], [228, 228]);
  assert.match(by.height!.why, /default 224 rounded up, a multiple of the model's total stride 6/);
  assert.equal(by.rows!.value, 1);
  assert.equal(by['f[1]']!.value, 20);
  assert.match(by['f[1]']!.why, /weight 'm' of MatMul .* is \[20, 5\]/);
  // The samples have those dims, and onnxruntime runs the model on them.
  const [sample] = loadSamples('auto', m, { samples: 1, seed: 0, dims: {} });
  assert.deepEqual(sample!.map((t) => t.dims), [[1, 3, 228, 228], [1, 20]]);
  const { encodeModel } = await import('../src/onnx/codec.js');
  const { tensorProtoFromNamed } = await import('../src/runtime/named-tensor.js');
  const out = await runOrt(encodeModel(m), Object.fromEntries(sample!.map((t) => [t.name, tensorProtoFromNamed(t)])));
  assert.deepEqual(out.y!.dims, [1, 4, 38, 38]);
  // dims: wins over every inference, by name or by input[axis].
  const given = autoDims(m, modelInputs(m), { height: 30, 'x[3]': 12 });
  assert.deepEqual(given.filter((d) => d.why === 'dims:').map((d) => [d.name, d.value]), [['height', 30], ['x[3]', 12]]);
});

test('the PP-OCR classifier (paddle2onnx p2o.DynamicDimension names) gets sizes it runs on', async () => {
  const m = loadModel(path.join(FIXTURES, 'third-party', 'ch_ppocr_mobile_v2.0_cls_infer.onnx')).model;
  const dims = autoDims(m, modelInputs(m), {});
  assert.deepEqual(dims.map((d) => d.name), ['p2o.DynamicDimension.0', 'p2o.DynamicDimension.1', 'p2o.DynamicDimension.2']);
  assert.equal(dims[0]!.value, 1);
  for (const d of dims.slice(1)) assert.ok(d.value >= 224 && /total stride/.test(d.why), JSON.stringify(d));
  const r = cliSync(['compare', path.join(FIXTURES, 'third-party', 'ch_ppocr_mobile_v2.0_cls_infer.onnx'), path.join(FIXTURES, 'third-party', 'ch_ppocr_mobile_v2.0_cls_infer.onnx')]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout + r.stderr, /auto inputs use p2o\.DynamicDimension\.0 = 1 \(the batch axis/);
});

test('the original cannot run on the chosen sizes: compare and auto ask for the axis and --dims (exit 2)', async () => {
  // Flatten → Gemm with K = 3·8·8 fixes the image at 8×8; nothing in the input says so.
  const m = model(graph({
    node: [node('Conv', ['x', 'w'], ['c'], { kernel_shape: [1, 1] }), node('Flatten', ['c'], ['f']), node('Gemm', ['f', 'g'], ['y'], { transB: 1 })],
    input: [openInput('x', F, ['N', 3, 'H', undefined])],
    output: [valueInfo('y', F)],
    initializer: [floatTensor('w', [3, 3, 1, 1], randomFloats(9, 1)), floatTensor('g', [2, 192], randomFloats(384, 2))],
  }), 13);
  const dir = mkdtempSync(path.join(tmpdir(), 'dims-'));
  const host = startOrtHost();
  try {
    const file = path.join(dir, 'fixed.onnx');
    saveModel(m, file);
    const r = cliSync(['compare', file, file]);
    assert.equal(r.status, 2, r.stdout + r.stderr);
    const line = r.stderr.trim().split('\n').filter((l) => /does not run/.test(l));
    assert.equal(line.length, 1, r.stderr);
    // N is a batch name with its default (not asked for); H and the unnamed axis 3 were inferred.
    assert.match(line[0]!, /sizes chosen for its open input axes: H = 224 \(.*\); x\[3\] = 224 .*; set them with --dims H=<size>,x\[3\]=<size> \(config: parity\.dims\) — onnxruntime said: /);
    // With the sizes given, compare runs.
    assert.equal(cliSync(['compare', file, file, '--dims', 'H=8,x[3]=8']).status, 0);
    await assert.rejects(autoCompress(file, path.join(dir, 'out.onnx'), { host }), (e: unknown) => e instanceof UsageError && /--dims H=<size>,x\[3\]=<size>/.test(e.message));
  } finally {
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
