/**
 * The float stem of static int8 (stages/quant/static-stem.ts) on CNNs built here: a narrow MobileNet-like
 * input stem stays float (onnxruntime runs it as NCHWc float Convs) and everything from the first wide Conv
 * on runs in integer kernels behind one QuantizeLinear; a wide-output RGB stem (ResNet's) and a stem over
 * the 1 % weight budget stay int8; `float-stem: false` quantizes every Conv.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DataType } from '../src/onnx/dtype.js';
import { encodeModel } from '../src/onnx/codec.js';
import { loadSamples } from '../src/check/inputs.js';
import { loadModel } from '../src/onnx/model-io.js';
import { compressModel } from '../src/pipeline/compress.js';
import type { ModelProto, NodeProto, TensorProto } from '../src/onnx/types.js';
import { floatTensor, graph, model, node, randomFloats, valueInfo } from './helpers/builder.js';
import { optimizedOpCounts, worstFirstOutputCosine } from './helpers/ort-graph.js';

interface ConvSpec { name: string; cin: number; cout: number; k: number; stride?: number; group?: number }

/** Conv → Relu layers in a chain, then GlobalAveragePool → Flatten → Gemm; He-scaled random weights. */
function cnn(convs: ConvSpec[], size = 32): ModelProto {
  const nodes: NodeProto[] = [];
  const inits: TensorProto[] = [];
  let x = 'image';
  convs.forEach((c, i) => {
    const g = c.group ?? 1;
    const fan = (c.cin / g) * c.k * c.k;
    inits.push(floatTensor(`${c.name}_w`, [c.cout, c.cin / g, c.k, c.k], randomFloats(c.cout * fan, 10 + i, Math.sqrt(2 / fan))));
    inits.push(floatTensor(`${c.name}_b`, [c.cout], randomFloats(c.cout, 50 + i, 0.1)));
    const p = (c.k - 1) / 2;
    nodes.push(node('Conv', [x, `${c.name}_w`, `${c.name}_b`], [`${c.name}_c`], { pads: [p, p, p, p], strides: [c.stride ?? 1, c.stride ?? 1], group: g }, { name: c.name }));
    nodes.push(node('Relu', [`${c.name}_c`], [`${c.name}_r`], {}, { name: `${c.name}_relu` }));
    x = `${c.name}_r`;
  });
  const last = convs[convs.length - 1]!.cout;
  nodes.push(node('GlobalAveragePool', [x], ['pooled'], {}, { name: 'gap' }), node('Flatten', ['pooled'], ['flat'], {}, { name: 'flatten' }));
  nodes.push(node('Gemm', ['flat', 'fc_w', 'fc_b'], ['logits'], { transB: 1 }, { name: 'fc' }));
  inits.push(floatTensor('fc_w', [10, last], randomFloats(10 * last, 99, 0.2)), floatTensor('fc_b', [10], randomFloats(10, 98, 0.1)));
  return model(graph({
    node: nodes, initializer: inits,
    input: [valueInfo('image', DataType.FLOAT, [1, 3, size, size])], output: [valueInfo('logits', DataType.FLOAT, [1, 10])],
  }), 13);
}

// A MobileNet-like stem of 2 824 weights: 3→8, an inverted residual's 8→48, 48-channel depthwise (wide, but
// between narrow layers) and 48→16, then 16→64; then a wide body of 368 640 weights.
const NARROW_STEM: ConvSpec[] = [
  { name: 'stem', cin: 3, cout: 8, k: 3, stride: 2 }, { name: 'expand', cin: 8, cout: 48, k: 1 },
  { name: 'dw', cin: 48, cout: 48, k: 3, group: 48 }, { name: 'project', cin: 48, cout: 16, k: 1 }, { name: 'pw', cin: 16, cout: 64, k: 1 },
  { name: 'body1', cin: 64, cout: 128, k: 3, stride: 2 }, { name: 'body2', cin: 128, cout: 128, k: 3 }, { name: 'body3', cin: 128, cout: 128, k: 3 },
];

async function quantize(m: ModelProto, dir: string, extra: Record<string, unknown> = {}) {
  const src = path.join(dir, 'm.onnx');
  writeFileSync(src, encodeModel(m));
  const out = path.join(dir, 'q.onnx');
  const r = await compressModel(src, out, { stages: [{ 'quantize-int8': { activations: 'static', 'per-channel': true, ...extra } }], digest: false, calibration: { inputs: 'auto', samples: 8, method: 'minmax' } });
  const d = r.stages[0]!.details as { quantizedByOp: Record<string, number>; skipped: { node: string; reason: string }[] };
  return { src, out, d, ops: await optimizedOpCounts(out, path.join(dir, 'opt.onnx')) };
}

test('static int8 keeps a narrow input stem float: NCHWc float Convs, one QuantizeLinear, integer kernels after it', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'qs-stem-'));
  try {
    const m = cnn(NARROW_STEM);
    const { src, out, d, ops } = await quantize(m, dir);
    assert.deepEqual(d.skipped.map((s) => s.node), ['stem', 'expand', 'dw', 'project', 'pw']);
    assert.ok(d.skipped.every((s) => s.reason.startsWith('float stem')), JSON.stringify(d.skipped));
    assert.match(d.skipped[2]!.reason, /depthwise/);
    assert.deepEqual(d.quantizedByOp, { Conv: 3, GlobalAveragePool: 1, Flatten: 1, Gemm: 1 });
    // The five stem Convs run as float (NCHWc) Convs, their Relus fused; the body in QLinearConv.
    assert.equal(ops.Conv, 5);
    assert.equal(ops.QuantizeLinear, 1);
    assert.equal(ops.QLinearConv, 3);
    assert.equal(ops.DequantizeLinear, 1);
    assert.equal(ops.QGemm, 1);
    assert.equal(ops.Relu ?? 0, 0);
    // Their weights are stored int8 behind Cast and Mul, which onnxruntime folds at load.
    assert.equal((ops.Cast ?? 0) + (ops.Mul ?? 0), 0);
    const q = loadModel(out).model;
    assert.deepEqual(q.graph!.initializer.filter((t) => t.dataType === DataType.FLOAT && t.dims.slice(1).some((d) => Number(d) !== 1)).map((t) => t.name), []);
    assert.equal(q.graph!.node.filter((n) => n.opType === 'Cast').length, 5);
    const feeds = loadSamples('auto', m, { samples: 4, seed: 7, dims: {} });
    const worst = await worstFirstOutputCosine(src, out, feeds);
    assert.ok(worst >= 0.99, `held-out cosine ${worst}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('float-stem: false quantizes the stem too; a wide-output RGB stem and a stem over the weight budget stay int8', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'qs-stem-off-'));
  try {
    const off = await quantize(cnn(NARROW_STEM), dir, { 'float-stem': false });
    assert.deepEqual(off.d.skipped, []);
    assert.equal(off.ops.QLinearConv, 8);
    assert.equal(off.ops.Conv ?? 0, 0);
    // ResNet's stem: 3 input channels (an RGB image does not make a Conv narrow) and 32 outputs.
    const wide = await quantize(cnn([{ name: 'stem', cin: 3, cout: 32, k: 3, stride: 2 }, { name: 'body', cin: 32, cout: 64, k: 3 }]), dir);
    assert.deepEqual(wide.d.skipped, []);
    assert.equal(wide.ops.QLinearConv, 2);
    // Narrow throughout: the stem would hold more than 1 % of the weights, so nothing stays float.
    const small = await quantize(cnn([{ name: 'stem', cin: 3, cout: 8, k: 3 }, { name: 'pw', cin: 8, cout: 16, k: 1 }, { name: 'body', cin: 16, cout: 16, k: 3 }], 16), dir);
    assert.deepEqual(small.d.skipped, []);
    assert.equal(small.ops.QLinearConv, 3);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
