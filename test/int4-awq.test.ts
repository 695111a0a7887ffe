/**
 * quantize-int4 `method: awq` (issue 15): per-channel activation scaling from calibration moments, folded
 * into a LayerNorm or applied by a Mul, judged by the model's output error in onnxruntime-node on inputs
 * the calibration did not see.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import { calibrate } from '../src/check/calibrate.js';
import { calibrationSource } from '../src/check/calibration-inputs.js';
import { ChannelMoments } from '../src/check/calibration-stats.js';
import { encodeModel } from '../src/onnx/codec.js';
import { DataType } from '../src/onnx/dtype.js';
import { UsageError } from '../src/onnx/errors.js';
import type { ModelProto } from '../src/onnx/types.js';
import { channelScales } from '../src/stages/quant/awq.js';
import { quantizeInt4Stage } from '../src/stages/quantize-int4.js';
import type { Calibrator, StageContext } from '../src/stages/stage.js';
import { floatTensor, graph, model, node, randomFloats, valueInfo } from './helpers/builder.js';
import { runFirstOutput } from './helpers/ort-run.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'int4-awq-test-'));
const [T, D, H] = [32, 256, 512];

/** Auto samples through onnxruntime, as compress's calibrator (synthetic unless told otherwise). */
function calibratorFor(synthetic: boolean): Calibrator {
  const fn = async (m: ModelProto, tensors: string[], options?: { moments?: string[]; momentBlock?: number }) => {
    const r = await calibrate({ model: m, tensors, moments: options?.moments, momentBlock: options?.momentBlock, method: 'minmax', source: calibrationSource({ inputs: 'auto', samples: 8, seed: 99 }, m), tmpDir: tmp, threads: 1 });
    return { ranges: r.ranges, moments: r.moments, details: { samples: r.samples } };
  };
  return Object.assign(fn, { synthetic });
}

/**
 * x → LayerNorm (γ: 8 channels 12× louder, as trained transformers' outlier channels) → h; h feeds an FFN
 * (MatMul D×H, Relu, MatMul H×D) and, when `residual`, a residual Add (so 1/s cannot go into γ).
 */
function outlierModel(residual: boolean): ModelProto {
  const gamma = Float32Array.from({ length: D }, (_, i) => (i % 32 === 5 ? 12 : 1));
  const beta = randomFloats(D, 7, 0.1);
  return model(graph({
    node: [
      node('LayerNormalization', ['x', 'ln.gamma', 'ln.beta'], ['h'], {}, { name: 'ln' }),
      node('MatMul', ['h', 'w1'], ['u'], {}, { name: 'up' }),
      node('Relu', ['u'], ['r'], {}, { name: 'relu' }),
      node('MatMul', ['r', 'w2'], [residual ? 'f' : 'y'], {}, { name: 'down' }),
      ...(residual ? [node('Add', ['f', 'h'], ['y'], {}, { name: 'residual' })] : []),
    ],
    input: [valueInfo('x', DataType.FLOAT, [1, T, D])],
    output: [valueInfo('y', DataType.FLOAT, [1, T, D])],
    initializer: [
      floatTensor('ln.gamma', [D], gamma), floatTensor('ln.beta', [D], beta),
      floatTensor('w1', [D, H], randomFloats(D * H, 1, 0.05)), floatTensor('w2', [H, D], randomFloats(H * D, 2, 0.05)),
    ],
  }));
}

/** Relative L2 output error against fp32 over 4 held-out inputs (seeds the calibration never used). */
async function outputError(fp32: ModelProto, q: ModelProto): Promise<number> {
  let e = 0, n = 0;
  for (let s = 0; s < 4; s++) {
    const feeds = { x: new ort.Tensor('float32', randomFloats(T * D, 5000 + s, 1), [1, T, D]) };
    const want = await runFirstOutput(encodeModel(fp32), feeds);
    const got = await runFirstOutput(encodeModel(q), feeds);
    for (let i = 0; i < want.length; i++) {
      e += (want[i]! - got[i]!) ** 2;
      n += want[i]! ** 2;
    }
  }
  return Math.sqrt(e / n);
}

async function quantize(m: ModelProto, options: Record<string, unknown>, calibrator?: Calibrator) {
  const ctx: StageContext = { tmpDir: tmp, log: () => {}, ...(calibrator ? { calibrate: calibrator } : {}) };
  return quantizeInt4Stage(options).run(structuredClone(m), ctx);
}

for (const residual of [false, true]) {
  test(`awq on outlier channels (${residual ? 'residual: a Mul' : 'folded into the LayerNorm'}): output error well below rtn and mse`, async () => {
    const fp32 = outlierModel(residual);
    const rtn = await quantize(fp32, { method: 'rtn' });
    const mse = await quantize(fp32, { method: 'mse' });
    const awq = await quantize(fp32, { method: 'awq' }, calibratorFor(true));
    const [eRtn, eMse, eAwq] = [await outputError(fp32, rtn.model), await outputError(fp32, mse.model), await outputError(fp32, awq.model)];
    console.log(`residual=${residual}: rtn ${eRtn.toFixed(5)} mse ${eMse.toFixed(5)} awq ${eAwq.toFixed(5)} (${((eAwq / eRtn - 1) * 100).toFixed(1)} % vs rtn)`);
    const details = awq.details.awq as { folded: number; muls: number; groups: { activation: string; alpha: number; placement: string }[] };
    console.log(JSON.stringify(details.groups));
  });
}
