/**
 * Static int8 bench (issue 14): torchvision-architecture resnet18 and mobilenet_v3_small
 * (bench/static_models.py; torch 1.13 exports, opset 13) quantized with `quantize-int8 { activations: static,
 * per-channel: true }` and with onnxruntime's own quantize_static (bench/static_ort.py, QDQ, uint8/int8,
 * per-channel) on the same calibration files and method. For each: size vs fp32, time to produce, peak RSS
 * of calibration (ours: the onnxruntime child that runs the samples; ORT: the Python process), cosine of
 * the logits vs fp32 on 16 held-out samples, and p50 latency at 1 thread, all models interleaved in one
 * onnxruntime host (A B C A B C …). Ours also calibrates on 500 samples to show the RSS does not grow.
 * The produce times are set against a floor: plain fp32 inference of the model over the same calibration
 * files in onnxruntime (load, decode each .npz, run, all cores), what any calibrator has to pay.
 * Needs the models: `/usr/bin/python3 bench/static_models.py` (writes /work/cache/static-bench or
 * $STATIC_BENCH_DIR; $STATIC_BENCH_MODELS picks some, comma-separated) and, for the side by side, a Python with onnxruntime ($ORT_PYTHON, default
 * /work/cache/venv/bin/python). Run: `npm run bench -- static`. Also its own child: `static.ts compress …`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { calibrationSource } from '../src/check/calibration-inputs.js';
import { loadSamples } from '../src/check/inputs.js';
import { loadModel } from '../src/onnx/model-io.js';
import { compressModel } from '../src/pipeline/compress.js';
import { formatBytes, formatTable } from '../src/report/table.js';
import { reportFromChild, runMeasuredChild } from './child-process.js';
import { startOrtHost } from '../src/runtime/ort-runner.js';
import { measureInterleaved, type Interleaved } from './interleaved.js';

const DIR = process.env.STATIC_BENCH_DIR ?? '/work/cache/static-bench';
const PY = process.env.ORT_PYTHON ?? '/work/cache/venv/bin/python';
const MODELS = process.env.STATIC_BENCH_MODELS?.split(',') ?? ['resnet18', 'mobilenet_v3_small'];
const SAMPLES = 100;
const ROUNDS = 40;
const self = fileURLToPath(import.meta.url);

interface Produced { label: string; file: string; seconds: number; peakRssBytes: number }

/** Child side: compress with static int8; prints the time and the calibration child's peak RSS. */
async function child(input: string, output: string, samples: string, method: string): Promise<void> {
  const t0 = performance.now();
  const r = await compressModel(input, output, {
    stages: [{ 'quantize-int8': { activations: 'static', 'per-channel': true } }], digest: false,
    calibration: { inputs: path.join(DIR, 'calib-500'), samples: Number(samples), method: method as 'minmax' },
  });
  const cal = (r.stages[0]!.details as { calibration: { peakRssBytes: number; samples: number } }).calibration;
  reportFromChild({ seconds: (performance.now() - t0) / 1000, calibrationRssBytes: cal.peakRssBytes, samples: cal.samples });
}

/** Child side of the floor: load the fp32 model, run it on each calibration sample (first output only). */
async function floorChild(input: string, samples: string): Promise<void> {
  const t0 = performance.now();
  const { model } = loadModel(input);
  const source = calibrationSource({ inputs: path.join(DIR, 'calib-500'), samples: Number(samples) }, model);
  const host = startOrtHost();
  let n = 0;
  try {
    const s = await host.load(input, { threads: availableParallelism() });
    const first = s.outputs[0]!.name;
    for (const sample of source.samples()) { await host.run(s.id, sample, [first]); n++; }
  } finally {
    await host.close();
  }
  reportFromChild({ seconds: (performance.now() - t0) / 1000, samples: n });
}

function floor(model: string, samples: number): number {
  return runMeasuredChild<{ maxRssBytes: number; seconds: number }>(self, ['floor', model, String(samples)], `fp32 inference floor of ${model}`).seconds;
}

function ours(model: string, out: string, samples: number, method: string): Produced & { samples: number } {
  const r = runMeasuredChild<{ maxRssBytes: number; seconds: number; calibrationRssBytes: number; samples: number }>(
    self, ['compress', model, out, String(samples), method], `static int8 of ${model}`);
  return { label: `onnx-diet ${method} ×${r.samples}`, file: out, seconds: r.seconds, peakRssBytes: r.calibrationRssBytes, samples: r.samples };
}

function ortStatic(model: string, out: string, samples: number, method: string, reduceRange = false): Produced | { error: string } {
  const r = spawnSync('nice', [PY, path.join(path.dirname(self), 'static_ort.py'), model, out, path.join(DIR, 'calib-500'), String(samples), method, '1', reduceRange ? '1' : '0'], { encoding: 'utf8' });
  const last = r.stdout?.trim().split('\n').pop() ?? '';
  if (r.status !== 0 || !last.startsWith('{')) return { error: `quantize_static failed (${r.error?.message ?? r.status}): ${(r.stderr ?? '').trim().split('\n').slice(-1)[0]}` };
  const j = JSON.parse(last) as { seconds: number; peakRssBytes: number };
  return { label: `ORT quantize_static ${method}${reduceRange ? ' reduce_range' : ''} ×${samples}`, file: out, seconds: j.seconds, peakRssBytes: j.peakRssBytes };
}

function measure(fp32: string, produced: Produced[]): Promise<Interleaved> {
  const samples = loadSamples(path.join(DIR, 'parity-16'), loadModel(fp32).model, { samples: 16, seed: 0, dims: {} });
  return measureInterleaved([fp32, ...produced.map((p) => p.file)], samples, ROUNDS);
}

export async function run(): Promise<void> {
  const missing = MODELS.filter((m) => !existsSync(path.join(DIR, `${m}.onnx`)));
  if (missing.length || !existsSync(path.join(DIR, 'calib-500'))) {
    console.log(`static bench: ${missing.join(', ') || 'samples'} missing in ${DIR}; generate with /usr/bin/python3 bench/static_models.py ${DIR}`);
    process.exitCode = 1;
    return;
  }
  const tmp = mkdtempSync(path.join(tmpdir(), 'static-bench-'));
  try {
    for (const name of MODELS) {
      const fp32 = path.join(DIR, `${name}.onnx`);
      const produced: Produced[] = [];
      const errors: string[] = [];
      const floorSeconds = floor(fp32, SAMPLES);
      for (const method of ['minmax', 'entropy']) {
        produced.push(ours(fp32, path.join(tmp, `${name}.ours.${method}.onnx`), SAMPLES, method));
        const o = ortStatic(fp32, path.join(tmp, `${name}.ort.${method}.onnx`), SAMPLES, method);
        if ('error' in o) errors.push(o.error); else produced.push(o);
      }
      // ORT's own advice for CPUs without VNNI (7-bit weights), which our static default follows.
      const rr = ortStatic(fp32, path.join(tmp, `${name}.ort.rr.onnx`), SAMPLES, 'minmax', true);
      if ('error' in rr) errors.push(rr.error); else produced.push(rr);
      const big = ours(fp32, path.join(tmp, `${name}.ours.500.onnx`), 500, 'minmax');
      const { p50, cpu50, worstCos } = await measure(fp32, produced);
      const bytes = statSync(fp32).size;
      const rows = [['fp32', formatBytes(bytes), '', `${floorSeconds.toFixed(2)} s (floor)`, '', '', p50[0]!.toFixed(2), '1.00×', cpu50[0]!.toFixed(2), '1.00×', '']];
      produced.forEach((p, k) => {
        const b = statSync(p.file).size;
        rows.push([p.label, formatBytes(b), `${((100 * b) / bytes).toFixed(1)} %`, `${p.seconds.toFixed(2)} s`, `${(p.seconds / floorSeconds).toFixed(2)}×`, formatBytes(p.peakRssBytes), p50[k + 1]!.toFixed(2), `${(p50[0]! / p50[k + 1]!).toFixed(2)}×`, cpu50[k + 1]!.toFixed(2), `${(cpu50[0]! / cpu50[k + 1]!).toFixed(2)}×`, worstCos[k + 1]!.toFixed(5)]);
      });
      console.log(`\n### ${name} (${SAMPLES} calibration samples, 16 held-out parity samples)\n`);
      console.log(formatTable(['model', 'size', 'of fp32', 'produce', 'of floor', 'calib. peak RSS', 'p50 ms', 'speed-up', 'CPU p50 ms', 'CPU speed-up', 'worst cosine'], rows));
      console.log(`onnx-diet minmax ×${big.samples}: calibration peak RSS ${formatBytes(big.peakRssBytes)} (×${SAMPLES}: ${formatBytes(produced[0]!.peakRssBytes)}), produced in ${big.seconds.toFixed(2)} s`);
      for (const method of ['minmax', 'entropy']) {
        const o = produced.find((p) => p.label.startsWith(`onnx-diet ${method}`));
        const t = produced.find((p) => p.label === `ORT quantize_static ${method} ×${SAMPLES}`);
        if (o && t) console.log(`${method}: ORT quantize_static takes ${(t.seconds / o.seconds).toFixed(2)}× our time to produce; above the fp32 inference floor (${floorSeconds.toFixed(2)} s) ours spends ${Math.max(0, o.seconds - floorSeconds).toFixed(2)} s, ORT ${Math.max(0, t.seconds - floorSeconds).toFixed(2)} s`);
      }
      for (const e of errors) console.log(`side by side: ${e}`);
    }
    console.log(`\n${cpus()[0]?.model ?? 'cpu'}; onnxruntime-node, 1 thread, ${ROUNDS} interleaved rounds after 3 warm-ups; calibration with all cores; shared machine, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[2] === 'floor') await floorChild(process.argv[3]!, process.argv[4]!);
if (process.argv[2] === 'compress') await child(process.argv[3]!, process.argv[4]!, process.argv[5]!, process.argv[6]!);
