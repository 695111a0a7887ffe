/**
 * Static QDQ MatMul on transformers (issue 14), against dynamic int8 on the same model: a BERT-shaped
 * encoder built in code (bench/bert-model.ts: 4 layers, hidden 384, 6 heads, seq 128, normal(0, 0.02)
 * weights) and, when present, the trained all-MiniLM-L6-v2 export ($MINILM_ONNX, default
 * /work/cache/int4-models/minilm.onnx). Variants: `quantize-int8` dynamic (its defaults), static with
 * `ops: [MatMul]` (QDQ around the MatMuls alone: onnxruntime fuses them into QLinearMatMul, or
 * MatMulIntegerToFloat where the output stays float), and static over every op it knows. Calibration on
 * auto samples of one seed, parity on 8 held-out auto samples of another; size, time to produce, the
 * integer kernels in onnxruntime's optimized graph, worst cosine of the first output, and p50 latency and
 * CPU time at 1 thread, all models interleaved in one onnxruntime host. Run: `npm run bench -- static-transformer`.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { autoSamples } from '../src/runtime/auto-inputs.js';
import { modelInputs } from '../src/check/inputs.js';
import { loadModel, saveModel } from '../src/onnx/model-io.js';
import { compressModel } from '../src/pipeline/compress.js';
import type { StageSpec } from '../src/stages/registry.js';
import { formatBytes, formatTable } from '../src/report/table.js';
import { optimizedOpCounts } from '../test/helpers/ort-graph.js';
import { bertModel } from './bert-model.js';
import { DEFAULT_STATIC_OPS } from '../src/stages/quant/static-ops.js';
import { measureInterleaved, type Interleaved } from './interleaved.js';

const MINILM = process.env.MINILM_ONNX ?? '/work/cache/int4-models/minilm.onnx';
const DIMS = { batch: 1, seq: 128 };
const CALIBRATION_SAMPLES = 16;
const PARITY_SAMPLES = 8;
const ROUNDS = 30;
/** Op types of onnxruntime's integer kernels (and the quantize/dequantize left between them). */
const INTEGER_OPS = ['QLinearMatMul', 'MatMulIntegerToFloat', 'DynamicQuantizeMatMul', 'MatMulInteger', 'QLinearAdd', 'QLinearMul', 'QuantizeLinear', 'DequantizeLinear', 'DynamicQuantizeLinear', 'MatMul'];

const STATIC = { activations: 'static', 'per-channel': true };
const VARIANTS: { label: string; stages: StageSpec[]; calibrated?: boolean }[] = [
  { label: 'int8 dynamic', stages: [{ 'quantize-int8': {} }] },
  { label: 'static [MatMul, Gather]', stages: [{ 'quantize-int8': { ...STATIC, ops: ['MatMul', 'Gather'] } }], calibrated: true },
  { label: 'static [MatMul, Gather], float-outputs [MatMul]', stages: [{ 'quantize-int8': { ...STATIC, ops: ['MatMul', 'Gather'], 'float-outputs': ['MatMul'] } }], calibrated: true },
  { label: 'static, every op + Gather', stages: [{ 'quantize-int8': { ...STATIC, ops: [...DEFAULT_STATIC_OPS, 'Gather'] } }], calibrated: true },
];

interface Row { label: string; file: string; seconds: number; ops: Record<string, number> }

function measure(files: string[], fp32: string): Promise<Interleaved> {
  const { model } = loadModel(fp32);
  // Held out: seed 0, where calibration draws from CALIBRATION_SEED (calibration-inputs.ts).
  const samples = autoSamples(model, modelInputs(model), { samples: PARITY_SAMPLES, seed: 0, dims: DIMS });
  return measureInterleaved(files, samples, ROUNDS);
}

async function bench(name: string, fp32: string, tmp: string): Promise<void> {
  const rows: Row[] = [];
  for (const v of VARIANTS) {
    const out = path.join(tmp, `${name}.${rows.length}.onnx`);
    const t0 = performance.now();
    await compressModel(fp32, out, {
      stages: v.stages, digest: false,
      ...(v.calibrated ? { calibration: { inputs: 'auto', samples: CALIBRATION_SAMPLES, dims: DIMS, method: 'minmax' as const } } : {}),
    });
    const seconds = (performance.now() - t0) / 1000;
    rows.push({ label: v.label, file: out, seconds, ops: await optimizedOpCounts(out, path.join(tmp, `${name}.${rows.length}.opt.onnx`)) });
  }
  const fp32Ops = await optimizedOpCounts(fp32, path.join(tmp, `${name}.fp32.opt.onnx`));
  const { p50, cpu50, worstCos } = await measure([fp32, ...rows.map((r) => r.file)], fp32);
  const bytes = statSync(fp32).size;
  const kernels = (ops: Record<string, number>) => INTEGER_OPS.filter((o) => ops[o]).map((o) => `${o} ${ops[o]}`).join(', ');
  const table = [['fp32', formatBytes(bytes), '', '', p50[0]!.toFixed(2), '1.00×', cpu50[0]!.toFixed(2), '1.00×', '', kernels(fp32Ops)]];
  rows.forEach((r, i) => {
    const b = statSync(r.file).size;
    const k = i + 1;
    table.push([r.label, formatBytes(b), `${((100 * b) / bytes).toFixed(1)} %`, `${r.seconds.toFixed(2)} s`, p50[k]!.toFixed(2), `${(p50[0]! / p50[k]!).toFixed(2)}×`, cpu50[k]!.toFixed(2), `${(cpu50[0]! / cpu50[k]!).toFixed(2)}×`, worstCos[k]!.toFixed(5), kernels(r.ops)]);
  });
  console.log(`\n### ${name} (seq ${DIMS.seq}; static calibrated on ${CALIBRATION_SAMPLES} auto samples, cosine on ${PARITY_SAMPLES} held-out ones)\n`);
  console.log(formatTable(['model', 'size', 'of fp32', 'produce', 'p50 ms', 'speed-up', 'CPU p50 ms', 'CPU speed-up', 'worst cosine', "onnxruntime's optimized graph"], table));
}

export async function run(): Promise<void> {
  const tmp = mkdtempSync(path.join(tmpdir(), 'static-transformer-'));
  try {
    const bert = path.join(tmp, 'bert-small.onnx');
    saveModel(bertModel({ vocab: 8192, positions: 128, hidden: 384, heads: 6, intermediate: 1536, layers: 4 }), bert);
    await bench('BERT-shaped encoder (4 layers, hidden 384, built in code)', bert, tmp);
    if (existsSync(MINILM)) await bench('all-MiniLM-L6-v2 (trained)', MINILM, tmp);
    else console.log(`\nall-MiniLM-L6-v2: ${MINILM} missing (set MINILM_ONNX); skipped`);
    console.log(`\n${cpus()[0]?.model ?? 'cpu'}; onnxruntime-node, 1 thread, ${ROUNDS} interleaved rounds after 3 warm-ups; shared machine, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
