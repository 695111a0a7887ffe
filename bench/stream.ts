/**
 * Streaming bench (issue 6): a generated ~5 GB float32 model with external data — 40 MatMuls alternating
 * [4096, 8192] and [8192, 4096] weights (128 MiB each), the last 4 copies of the first 4 — goes through
 * `onnx-diet compress --stages dedup,quantize-int4 --external-data` in a child process.
 * Target: the child's peak RSS ≤ 1 GiB + the largest tensor. Then both models run in onnxruntime on
 * generated inputs and their outputs are compared (onnxruntime itself loads the whole fp32 model; the
 * RSS target is for our process only).
 *
 * Weights are written tensor by tensor (32 rows at a time), never 5 GB in memory. Their values sit on
 * the int4 grid: k·s with k in [-8, 7] and one -8 and one 7 in every block of 32 along K, so blockwise
 * int4 represents them exactly, symmetric (scale = -m/8, onnxruntime's MLAS scheme) or asymmetric (the
 * default: scale (max − min)/15 = s, zero point 8). The parity check then tests
 * the plumbing — streaming, dedup, packing order, scales — to float rounding, not int4's accuracy on
 * real weights (random weights through 40 layers would compound int4 error to a cosine near 0.9).
 */
import { runMeasuredChild } from './child-process.js';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statfsSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { startOrtHost } from '../src/runtime/ort-runner.js';
import { encodeModel } from '../src/onnx/codec.js';
import { DataType } from '../src/onnx/dtype.js';
import type { GraphProto, ModelProto, NodeProto, TensorProto, ValueInfoProto } from '../src/onnx/types.js';
import { formatBytes, formatTable } from '../src/report/table.js';

const LAYERS = 40;
const COPIES = 4; // layers LAYERS-COPIES.. reuse the weights of layers 0..COPIES-1
const D = 4096;
const H = 8192;
const BLOCK = 32;
const SAMPLES = 4;
const WEIGHT_BYTES = D * H * 4;

const here = path.dirname(fileURLToPath(import.meta.url));
const child = path.join(here, 'stream-child.ts');

const dimsOf = (layer: number): [number, number] => (layer % 2 === 0 ? [D, H] : [H, D]);
const seedOf = (layer: number) => (layer >= LAYERS - COPIES ? layer - (LAYERS - COPIES) : layer) + 1;

/**
 * Writes one [k, n] weight at `offset` of `fd`, 32 rows at a time: values k·s (k uniform in [-7, 7],
 * xorshift32 seeded per weight) with one -8·s and one 7·s per column in every block of 32 rows (so the
 * block's scale is exactly s and its mean stays near 0: a biased mean would grow a common component
 * through 40 layers until it overflows), s chosen so each layer keeps the activations' scale
 * (variance of k is 18.67; rows·s²·18.67 = 1).
 */
function writeWeight(fd: number, offset: number, rows: number, cols: number, seed: number): void {
  const s = Math.fround(1 / Math.sqrt(18.67 * rows));
  const chunk = new Float32Array(BLOCK * cols);
  const bytes = new Uint8Array(chunk.buffer);
  let x = (seed * 2654435761) >>> 0 || 1;
  const next = () => {
    x ^= x << 13; x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5; x >>>= 0;
    return x;
  };
  for (let r0 = 0; r0 < rows; r0 += BLOCK) {
    for (let i = 0; i < chunk.length; i++) chunk[i] = ((next() % 15) - 7) * s;
    for (let c = 0; c < cols; c++) {
      const low = next() % BLOCK;
      chunk[low * cols + c] = -8 * s;
      chunk[((low + 1 + (next() % (BLOCK - 1))) % BLOCK) * cols + c] = 7 * s;
    }
    const at = offset + r0 * cols * 4;
    for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done, bytes.length - done, at + done);
  }
}

function io(name: string, width: number): ValueInfoProto {
  return { name, metadataProps: [], type: { tensorType: { elemType: DataType.FLOAT, shape: { dim: [{ dimValue: 1 }, { dimValue: width }] } } } };
}

/** Writes `model.onnx` and `model.onnx.data` into `dir`; returns the .onnx path. */
function generate(dir: string): string {
  const file = path.join(dir, 'model.onnx');
  const location = 'model.onnx.data';
  const fd = openSync(path.join(dir, location), 'w');
  const initializer: TensorProto[] = [];
  const node: NodeProto[] = [];
  try {
    for (let l = 0; l < LAYERS; l++) {
      const [rows, cols] = dimsOf(l);
      const offset = l * WEIGHT_BYTES; // 128 MiB apart: 64 KiB-aligned
      writeWeight(fd, offset, rows, cols, seedOf(l));
      initializer.push({
        name: `layer${l}.weight`, dataType: DataType.FLOAT, dims: [rows, cols], dataLocation: 1, stringData: [], metadataProps: [],
        externalData: [{ key: 'location', value: location }, { key: 'offset', value: String(offset) }, { key: 'length', value: String(WEIGHT_BYTES) }],
      });
      node.push({
        opType: 'MatMul', name: `matmul${l}`, input: [l === 0 ? 'x' : `h${l - 1}`, `layer${l}.weight`], output: [l === LAYERS - 1 ? 'y' : `h${l}`],
        attribute: [], metadataProps: [], deviceConfigurations: [],
      });
    }
  } finally {
    closeSync(fd);
  }
  const graph: GraphProto = {
    name: 'stream-bench', node, initializer, input: [io('x', D)], output: [io('y', dimsOf(LAYERS - 1)[1])], valueInfo: [],
    quantizationAnnotation: [], sparseInitializer: [], metadataProps: [],
  };
  const model: ModelProto = {
    irVersion: 8, producerName: 'onnx-diet-bench', graph, opsetImport: [{ domain: '', version: 17 }],
    metadataProps: [], trainingInfo: [], functions: [], configuration: [],
  };
  writeFileSync(file, encodeModel(model));
  return file;
}

const filesBytes = (onnx: string) => statSync(onnx).size + statSync(`${onnx}.data`).size;

function cosine(a: Float32Array, b: Float32Array): { cosine: number; maxAbs: number } {
  let dot = 0, na = 0, nb = 0, maxAbs = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
    maxAbs = Math.max(maxAbs, Math.abs(a[i]! - b[i]!));
  }
  return { cosine: dot / Math.sqrt(na * nb), maxAbs };
}

/** Seeded uniform [-1, 1) inputs, one [1, 4096] row per sample. */
function inputs(): Float32Array[] {
  let x = 12345;
  return Array.from({ length: SAMPLES }, () => Float32Array.from({ length: D }, () => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return (x / 2 ** 32) * 2 - 1;
  }));
}

async function parity(original: string, compressed: string): Promise<{ cosine: number; maxAbs: number; outputRms: number }> {
  const host = startOrtHost();
  try {
    const a = await host.load(original);
    const b = await host.load(compressed);
    let worst = { cosine: 1, maxAbs: 0 };
    let rms = 0;
    for (const row of inputs()) {
      const feeds = [{ name: 'x', type: 'float32', dims: [1, D], data: new Uint8Array(row.buffer) }];
      const [ya, yb] = await Promise.all([host.run(a.id, feeds), host.run(b.id, feeds)]);
      const f = (t: { data: Uint8Array | string[] }) => {
        const u = t.data as Uint8Array;
        return new Float32Array(u.buffer.slice(u.byteOffset, u.byteOffset + u.byteLength));
      };
      const va = f(ya.outputs[0]!);
      const c = cosine(va, f(yb.outputs[0]!));
      rms = Math.max(rms, Math.sqrt(va.reduce((n, v) => n + v * v, 0) / va.length));
      worst = { cosine: Math.min(worst.cosine, c.cosine), maxAbs: Math.max(worst.maxAbs, c.maxAbs) };
    }
    return { ...worst, outputRms: rms };
  } finally {
    await host.close();
  }
}

export async function run(): Promise<void> {
  const base = tmpdir();
  const fs = statfsSync(base);
  const free = fs.bavail * fs.bsize;
  const needed = LAYERS * WEIGHT_BYTES * 1.4;
  if (free < needed) {
    console.log(`stream: skipped, ${formatBytes(free)} free in ${base}, needs about ${formatBytes(needed)}`);
    return;
  }
  const dir = mkdtempSync(path.join(base, 'onnx-diet-stream-'));
  try {
    let t0 = performance.now();
    const input = generate(dir);
    const inputBytes = filesBytes(input);
    console.log(`generated ${input}: ${formatBytes(inputBytes)} (${LAYERS} float32 weights of ${D}×${H}, ${COPIES} of them copies) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const output = path.join(dir, 'out', 'model.int4.onnx');
    const report = path.join(dir, 'report.json');
    const args = ['compress', input, '-o', output, '--stages', 'dedup,quantize-int4', '--external-data', '--json', report];
    const measured = runMeasuredChild<{ code: number; ms: number; maxRssBytes: number }>(child, args, 'compress child');
    const wallMs = measured.wallMs;
    if (measured.code !== 0) throw new Error(`compress exited ${measured.code}`);
    const outputBytes = filesBytes(output);
    const stages = (JSON.parse(readFileSync(report, 'utf8')) as { models: { stages: { name: string; ms: number; details: Record<string, unknown> }[] }[] }).models[0]!.stages;

    t0 = performance.now();
    const p = await parity(input, output);
    const parityS = (performance.now() - t0) / 1000;

    const target = 2 ** 30 + WEIGHT_BYTES;
    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    console.log(formatTable(['figure', 'value', 'target', 'ok'], [
      ['input (.onnx + .data)', formatBytes(inputBytes), '', ''],
      ['output (.onnx + .data)', `${formatBytes(outputBytes)} (${(inputBytes / outputBytes).toFixed(1)}× smaller)`, '', ''],
      ['compress peak RSS (child maxRSS)', formatBytes(measured.maxRssBytes), `≤ ${formatBytes(target)} (1 GiB + largest tensor)`, measured.maxRssBytes <= target ? 'yes' : 'NO'],
      ['compress time (in process / process wall)', `${s(measured.ms)} / ${s(wallMs)}`, '', ''],
      ...stages.map((st) => [`  stage ${st.name}`, `${s(st.ms)} ${JSON.stringify(pick(st.details))}`, '', '']),
      [`parity, ${SAMPLES} inputs: worst cosine`, p.cosine.toFixed(6), '≥ 0.99', p.cosine >= 0.99 ? 'yes' : 'NO'],
      ['parity: worst max |Δ| (output rms)', `${p.maxAbs.toExponential(2)} (${p.outputRms.toFixed(3)})`, '', ''],
      ['parity time (onnxruntime loads both)', `${parityS.toFixed(1)} s`, '', ''],
    ]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function pick(d: Record<string, unknown>): Record<string, unknown> {
  const keys = ['merged', 'bytesSaved', 'matmulNBits', 'tensorsQuantized', 'sharedReuses'];
  return Object.fromEntries(keys.filter((k) => d[k] !== undefined).map((k) => [k, d[k]]));
}
