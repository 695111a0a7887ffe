/**
 * Static int8's scalar affine fold (quant/static-affine.ts): Conv → Mul(a) → Add(d) with scalar constants
 * (PP-LCNet's learnable affine block) becomes one Conv with weight a·W and bias a·b + d, equal in float up
 * to rounding; a per-channel Mul, an excluded node, or a Mul output read twice stays as it is. And the
 * hard-swish rewrite (quant/static-hardswish.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { encodeModel } from '../src/onnx/codec.js';
import { DataType } from '../src/onnx/dtype.js';
import type { ModelProto } from '../src/onnx/types.js';
import { foldScalarAffine } from '../src/stages/quant/static-affine.js';
import { gateHardSwish } from '../src/stages/quant/static-hardswish.js';
import { compressModel } from '../src/pipeline/compress.js';
import { CalibrationCache } from '../src/pipeline/calibration.js';
import { loadModel } from '../src/onnx/model-io.js';
import { makeTensor } from '../src/onnx/tensor.js';
import { floatTensor, graph, model, node, randomFloats, valueInfo } from './helpers/builder.js';
import { float32Values, runOrt } from './helpers/ort-run.js';
import { cosine } from './helpers/fixture-parity.js';

/**
 * x [1, 4, 6, 6] → conv1 → mul1 (×1.5, scalar first, as Paddle writes it) → add1 (+0.25) → Relu → conv2 →
 * mul2 (per-channel [1, 4, 1, 1]) → add2 (+1) → y, and `mulTwice`: mul1's output also feeds the Relu'd sum.
 */
function affineModel(opts: { mulTwice?: boolean } = {}): ModelProto {
  const init = [
    floatTensor('w1', [4, 4, 3, 3], randomFloats(144, 1, 0.3)), floatTensor('b1', [4], randomFloats(4, 2, 0.1)),
    floatTensor('w2', [4, 4, 1, 1], randomFloats(16, 3, 0.5)),
    floatTensor('a1', [1], [1.5]), floatTensor('d1', [], [0.25]),
    floatTensor('a2', [1, 4, 1, 1], [1, 2, 3, 4]), floatTensor('d2', [1], [1]),
  ];
  const nodes = [
    node('Conv', ['x', 'w1', 'b1'], ['c1'], { pads: [1, 1, 1, 1] }, { name: 'conv1' }),
    node('Mul', ['a1', 'c1'], ['m1'], {}, { name: 'mul1' }),
    node('Add', ['m1', 'd1'], ['s1'], {}, { name: 'add1' }),
    ...(opts.mulTwice ? [node('Add', ['s1', 'm1'], ['t1'], {}, { name: 'twice' })] : []),
    node('Relu', [opts.mulTwice ? 't1' : 's1'], ['r1'], {}, { name: 'relu1' }),
    node('Conv', ['r1', 'w2'], ['c2'], {}, { name: 'conv2' }),
    node('Mul', ['c2', 'a2'], ['m2'], {}, { name: 'mul2' }),
    node('Add', ['m2', 'd2'], ['y'], {}, { name: 'add2' }),
  ];
  return model(graph({ node: nodes, initializer: init, input: [valueInfo('x', DataType.FLOAT, [1, 4, 6, 6])], output: [valueInfo('y', DataType.FLOAT, [1, 4, 6, 6])] }), 13);
}

const feeds = () => ({ x: makeTensor('x', DataType.FLOAT, [1, 4, 6, 6], new Uint8Array(randomFloats(144, 9).buffer)) });

test('foldScalarAffine: Conv → Mul(scalar) → Add(scalar) becomes one Conv, the same in float; a per-channel Mul stays', async () => {
  const before = affineModel();
  const ref = float32Values((await runOrt(encodeModel(before), feeds())).y!);
  const m = affineModel();
  assert.equal(foldScalarAffine(m, undefined, []), 1);
  const ops = m.graph!.node.map((n) => n.name);
  assert.deepEqual(ops, ['conv1', 'relu1', 'conv2', 'mul2', 'add2'], 'mul1 and add1 are gone; mul2 (per-channel) is kept');
  const conv1 = m.graph!.node[0]!;
  assert.deepEqual(conv1.output, ['s1'], 'the Conv writes the Add\'s output');
  assert.ok(!m.graph!.initializer.some((t) => t.name === 'a1' || t.name === 'd1' || t.name === 'w1'), 'the old constants are removed');
  const got = float32Values((await runOrt(encodeModel(m), feeds())).y!);
  for (let i = 0; i < ref.length; i++) assert.ok(Math.abs(got[i]! - ref[i]!) <= 1e-5 * Math.max(1, Math.abs(ref[i]!)), `${i}: ${got[i]} vs ${ref[i]}`);
});

test('foldScalarAffine leaves excluded nodes and a Mul output read twice alone', () => {
  const excluded = affineModel();
  assert.equal(foldScalarAffine(excluded, undefined, [/^add1$/]), 1, 'add1 excluded: the Mul alone is folded');
  assert.deepEqual(excluded.graph!.node.map((n) => n.name), ['conv1', 'add1', 'relu1', 'conv2', 'mul2', 'add2']);
  const none = affineModel();
  assert.equal(foldScalarAffine(none, undefined, [/^conv1$/]), 0);
  const twice = affineModel({ mulTwice: true });
  assert.equal(foldScalarAffine(twice, undefined, []), 1, 'm1 has two readers: the Add is not folded, the Mul is');
  assert.deepEqual(twice.graph!.node.map((n) => n.name), ['conv1', 'add1', 'twice', 'relu1', 'conv2', 'mul2', 'add2']);
  assert.deepEqual(twice.graph!.node[0]!.output, ['m1']);
});

test('static int8 folds the scalar affine chain before placing QDQ and says so', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'qs-affine-'));
  try {
    const src = path.join(dir, 'affine.onnx');
    writeFileSync(src, encodeModel(affineModel()));
    const out = path.join(dir, 'affine.q.onnx');
    const r = await compressModel(src, out, { stages: [{ 'quantize-int8': { activations: 'static', 'per-channel': true } }], digest: false, calibration: { inputs: 'auto', samples: 8, method: 'minmax' } });
    const d = r.stages[0]!.details as { affineFolded?: number; quantizedByOp: Record<string, number> };
    assert.equal(d.affineFolded, 1);
    assert.deepEqual(d.quantizedByOp, { Conv: 2, Mul: 1, Add: 1 }, 'conv1 carries mul1 and add1; mul2 and add2 are quantized ops');
    const q = loadModel(out).model.graph!;
    assert.ok(!q.node.some((n) => n.name === 'mul1' || n.name === 'add1'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** x → Add(3) → Clip(0, 6) → Mul(x, ·) → Div(6) → y (PaddlePaddle's hard-swish), or with `divAsMul` a Mul by 1/6. */
function hardSwishModel(divAsMul = false): ModelProto {
  const init = [floatTensor('three', [], [3]), floatTensor('zero', [], [0]), floatTensor('six', [], [6]), floatTensor('sixth', [], [1 / 6])];
  const nodes = [
    node('Add', ['x', 'three'], ['a'], {}, { name: 'add3' }),
    node('Clip', ['a', 'zero', 'six'], ['c'], {}, { name: 'clip' }),
    node('Mul', ['x', 'c'], ['m'], {}, { name: 'mul' }),
    divAsMul ? node('Mul', ['m', 'sixth'], ['y'], {}, { name: 'div' }) : node('Div', ['m', 'six'], ['y'], {}, { name: 'div' }),
  ];
  return model(graph({ node: nodes, initializer: init, input: [valueInfo('x', DataType.FLOAT, [1, 4, 6, 6])], output: [valueInfo('y', DataType.FLOAT, [1, 4, 6, 6])] }), 13);
}

test('gateHardSwish: x · Clip(x + 3, 0, 6) / 6 becomes x · HardSigmoid(x; 1/6, 1/2), the same in float; excluded or unmatched forms stay', async () => {
  const x = { x: makeTensor('x', DataType.FLOAT, [1, 4, 6, 6], new Uint8Array(randomFloats(144, 5, 5).buffer)) };
  for (const divAsMul of [false, true]) {
    const m = hardSwishModel(divAsMul);
    const ref = float32Values((await runOrt(encodeModel(hardSwishModel(divAsMul)), x)).y!);
    assert.equal(gateHardSwish(m, undefined, []), 1);
    assert.deepEqual(m.graph!.node.map((n) => `${n.opType}:${n.name}`), ['HardSigmoid:clip', 'Mul:div']);
    const got = float32Values((await runOrt(encodeModel(m), x)).y!);
    for (let i = 0; i < ref.length; i++) assert.ok(Math.abs(got[i]! - ref[i]!) <= 1e-5 * Math.max(1, Math.abs(ref[i]!)), `${i}: ${got[i]} vs ${ref[i]}`);
  }
  assert.equal(gateHardSwish(hardSwishModel(), undefined, [/^mul$/]), 0);
  const five = hardSwishModel();
  five.graph!.initializer[2] = floatTensor('six', [], [5]);
  assert.equal(gateHardSwish(five, undefined, []), 0, 'Clip(0, 5) is not hard-swish');
});

test('CalibrationCache: builds of one model under other exclusions (so folded differently) share ranges by name; only new tensors calibrate', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'qs-cache-'));
  try {
    const src = path.join(dir, 'affine.onnx');
    writeFileSync(src, encodeModel(affineModel()));
    const cache = new CalibrationCache();
    const build = async (name: string, exclude: string[]) => {
      const r = await compressModel(src, path.join(dir, name), {
        stages: [{ 'quantize-int8': { activations: 'static', 'per-channel': true, ...(exclude.length ? { exclude } : {}) } }], digest: false,
        calibration: { inputs: 'auto', samples: 4, method: 'minmax' }, calibrationCache: cache,
      });
      return r.stages[0]!.details as { affineFolded?: number; calibration: { reused?: boolean; tensors: number } };
    };
    const full = await build('a.onnx', []);
    assert.equal(full.affineFolded, 1);
    assert.equal(cache.runs, 1);
    // conv1 in float: mul1 and add1 are no longer folded, so mul1's output m1 is a tensor the first build never had.
    const partial = await build('b.onnx', ['conv1']);
    assert.equal(partial.affineFolded, undefined);
    assert.deepEqual([cache.runs, cache.hits], [2, 0], 'one more run, for the new tensors only');
    assert.equal(partial.calibration.reused, true);
    const again = await build('c.onnx', ['conv1']);
    assert.deepEqual([cache.runs, cache.hits], [2, 1], 'the same exclusions again: nothing to calibrate');
    assert.equal(again.calibration.reused, true);
    // The reused ranges are those a fresh calibration finds, up to the float rounding the fold changes
    // (s1 is the folded Conv's output in the first build, add1's in this one): the models agree.
    await compressModel(src, path.join(dir, 'd.onnx'), { stages: [{ 'quantize-int8': { activations: 'static', 'per-channel': true, exclude: ['conv1'] } }], digest: false, calibration: { inputs: 'auto', samples: 4, method: 'minmax' } });
    const [c, d] = await Promise.all(['c.onnx', 'd.onnx'].map(async (f) => float32Values((await runOrt(readFileSync(path.join(dir, f)), feeds())).y!)));
    assert.ok(cosine(c!, d!) > 0.9999, `cosine ${cosine(c!, d!)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
