/**
 * Quantization accuracy on real trained weights (test/fixtures/zoo, PaddleOCR models, Apache-2.0; made by
 * scripts/fixtures/zoo_ppocr.py): the stages run on the committed model, onnxruntime-node runs both, and
 * the task's own answer is compared — the text map of the detector (IoU of the binarised probability map,
 * PaddleOCR's DB threshold 0.3) and the orientation class of the line classifier (labels of the rendered
 * lines). The thresholds sit below what this code measures (see the figures in each assertion message)
 * with room for ORT's kernels on other CPUs, and far above what a broken quantizer gives (IoU ≈ 0, or
 * one class for every line).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import { parseNpy } from '../src/check/npy.js';
import { encodeModel } from '../src/onnx/codec.js';
import { loadModel } from '../src/onnx/model-io.js';
import { createStage, type StageSpec } from '../src/stages/registry.js';
import { cosine, FIXTURES } from './helpers/fixture-parity.js';

const ZOO = path.join(FIXTURES, 'zoo');
const tmp = mkdtempSync(path.join(tmpdir(), 'zoo-test-'));
ort.env.logLevel = 'error';

/** uint8 images [n, h, w, 3] → float32 NCHW tensors, (x/255 − mean)/std per channel, one per image. */
function images(file: string, mean: number[], std: number[]): ort.Tensor[] {
  const t = parseNpy(readFileSync(file), 'x', file);
  const [n, h, w] = t.dims as [number, number, number, number];
  const u8 = t.data as Uint8Array;
  return Array.from({ length: n }, (_, k) => {
    const out = new Float32Array(3 * h * w);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        for (let c = 0; c < 3; c++) out[c * h * w + y * w + x] = (u8[((k * h + y) * w + x) * 3 + c]! / 255 - mean[c]!) / std[c]!;
      }
    }
    return new ort.Tensor('float32', out, [1, 3, h, w]);
  });
}

async function outputs(model: Uint8Array | string, feeds: ort.Tensor[]): Promise<Float32Array[]> {
  const s = await ort.InferenceSession.create(model as Uint8Array, { intraOpNumThreads: 1 });
  const out: Float32Array[] = [];
  for (const x of feeds) out.push((await s.run({ [s.inputNames[0]!]: x }))[s.outputNames[0]!]!.data as Float32Array);
  await s.release();
  return out;
}

async function transformed(file: string, specs: StageSpec[]): Promise<Uint8Array> {
  const work = loadModel(file);
  let m = work.model;
  for (const spec of specs) m = (await createStage(spec).run(m, { tmpDir: tmp, log: () => {}, external: work.external })).model;
  return encodeModel(m);
}

function mapIoU(a: Float32Array[], b: Float32Array[], threshold = 0.3): number {
  let inter = 0, union = 0;
  a.forEach((x, s) => x.forEach((v, i) => {
    const p = v > threshold, q = b[s]![i]! > threshold;
    if (p && q) inter++;
    if (p || q) union++;
  }));
  return union ? inter / union : 1;
}

const flat = (xs: Float32Array[]) => Float32Array.from(xs.flatMap((x) => [...x]));

const det = path.join(ZOO, 'ppocr-det', 'model.onnx');
const pages = () => images(path.join(ZOO, 'ppocr-det', 'pages.npy'), [0.485, 0.456, 0.406], [0.229, 0.224, 0.225]);

test('PP-OCRv4 det: the original finds text on the rendered pages (the fixture means something)', async () => {
  const [p] = await outputs(det, pages());
  const text = p!.filter((v) => v > 0.3).length / p!.length;
  assert.ok(text > 0.05 && text < 0.6, `share of text pixels ${text.toFixed(3)}: five printed lines on a 320×320 page`);
});

for (const [label, specs, minIoU, minCos] of [
  // Measured here: IoU 0.926 / cosine 0.971 (ConvInteger), 0.911 / 0.963 (weight-only).
  ['int8 ConvInteger, per tensor', [{ 'quantize-int8': { ops: ['Conv'] } }], 0.85, 0.94],
  ['int8 weight-only, per tensor (per channel needs opset 13; this model is 11)', [{ 'quantize-int8': { ops: ['Conv'], 'conv-mode': 'weight-only' } }], 0.85, 0.94],
] as [string, StageSpec[], number, number][]) {
  test(`PP-OCRv4 det, ${label}: text map IoU ≥ ${minIoU} and cosine ≥ ${minCos} against the float model`, async () => {
    const feeds = pages();
    const want = await outputs(det, feeds);
    const bytes = await transformed(det, specs);
    assert.ok(bytes.length < 0.4 * readFileSync(det).length, `quantized model is ${bytes.length} bytes`);
    const got = await outputs(bytes, feeds);
    const iou = mapIoU(want, got);
    const cos = cosine(flat(want), flat(got));
    assert.ok(iou >= minIoU, `text map IoU ${iou.toFixed(4)}`);
    assert.ok(cos >= minCos, `cosine ${cos.toFixed(4)}`);
  });
}

test('PP-OCR cls, fp16 (keep-io-types) and int8 ConvInteger: every rendered line keeps its orientation class; dedup,prune keep outputs bit-exact', async () => {
  const file = path.join(ZOO, 'ppocr-cls', 'model.onnx');
  const labels = JSON.parse(readFileSync(path.join(ZOO, 'ppocr-cls', 'labels.json'), 'utf8')) as number[];
  const feeds = images(path.join(ZOO, 'ppocr-cls', 'lines.npy'), [0.5, 0.5, 0.5], [0.5, 0.5, 0.5]);
  const want = await outputs(file, feeds);
  const argmax = (p: Float32Array) => (p[1]! > p[0]! ? 1 : 0);
  assert.deepEqual(want.map(argmax), labels, 'the float model reads the rendered lines');
  const half = await outputs(await transformed(file, [{ fp16: { 'keep-io-types': true } }]), feeds);
  assert.deepEqual(half.map(argmax), labels);
  const cos = cosine(flat(want), flat(half));
  assert.ok(cos > 0.9999, `fp16 cosine ${cos}`);
  // The model is opset 9: int8 moves it to 11, rewriting its Clip and Slice nodes (quant/opset.ts).
  const int8 = await outputs(await transformed(file, [{ 'quantize-int8': { ops: ['Conv'] } }]), feeds);
  assert.deepEqual(int8.map(argmax), labels);
  const lossless = await outputs(await transformed(file, ['dedup', 'prune']), feeds);
  assert.deepEqual(lossless.map((x) => Buffer.from(x.buffer).toString('hex')), want.map((x) => Buffer.from(x.buffer).toString('hex')));
});
