/**
 * Fusion bench (issue 13) on a BERT-base-shaped encoder (12 layers, hidden 768, 12 heads, seq 128):
 *   1. `fuse` on it: ≤ 2 s for the stage, and no model grows.
 *   2. Speed in onnxruntime-node (1 thread, level all), interleaved A B C …: fused fp32 ≥ 1.15× the
 *      unfused model; fuse → quantize-int8 ≥ 1.15× quantize-int8 alone; cosine of fused fp32 vs the
 *      original ≥ 0.99999.
 *   3. Side by side with onnxruntime's Python transformer optimizer (optimize_model with the heads and
 *      hidden size given by hand, + quantize_dynamic for int8) on the same file, with the op counts of
 *      every model's optimized graph.
 * The model is a torch-1.13 export (test/fixtures/fuse/make_models.py --bert-base, random weights) when
 * `/usr/bin/python3` has torch, or the file in ONNX_DIET_BERT_ONNX; otherwise bench/bert-model.ts's
 * generated graph (said in the output). onnxruntime's optimizer needs `/work/cache/venv/bin/python` or
 * ONNX_DIET_ORT_PYTHON with onnxruntime; without it those columns say so.
 * Then, for the unfused fp32 and int8 models, the share of onnxruntime's kernel time that is the weight
 * GEMMs (bench/ort-kernel-share.py, onnxruntime's profiler): no fusion makes those faster, so
 * total / GEMM time is the ceiling of any fusion's speed-up on this CPU.
 * Run: `npm run bench -- fuse` (each compression runs in bench/compress-child.ts).
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { startOrtHost, type OrtHost } from '../src/runtime/ort-runner.js';
import type { NamedTensor } from '../src/runtime/named-tensor.js';
import { decodeModel } from '../src/onnx/codec.js';
import { saveModel } from '../src/onnx/model-io.js';
import { formatBytes, formatTable } from '../src/report/table.js';
import type { StageSpec } from '../src/stages/registry.js';
import { cosine } from '../test/helpers/fixture-parity.js';
import { bertModel } from './bert-model.js';
import { compressInChild } from './child-process.js';

const SEQ = 128;
const WARMUP = 2;
const ROUNDS = Number(process.env.ONNX_DIET_BENCH_ROUNDS ?? 20);
const self = fileURLToPath(import.meta.url);
const root = path.resolve(path.dirname(self), '..');

/** The torch-1.13 export (or a given file), else the generated graph; says which. */
function sourceModel(dir: string): { file: string; what: string } {
  const given = process.env.ONNX_DIET_BERT_ONNX;
  if (given) return { file: given, what: `${given} (ONNX_DIET_BERT_ONNX)` };
  const py = '/usr/bin/python3';
  const script = path.join(root, 'test/fixtures/fuse/make_models.py');
  const r = existsSync(py) ? spawnSync('nice', ['-n', '10', py, script, dir, '--bert-base'], { encoding: 'utf8' }) : undefined;
  const file = path.join(dir, 'bert-base.onnx');
  if (r?.status === 0 && existsSync(file)) return { file, what: 'torch 1.13 export of a BERT-base-shaped encoder (make_models.py --bert-base, random weights)' };
  const gen = path.join(dir, 'bert-base.generated.onnx');
  saveModel(bertModel(), gen);
  return { file: gen, what: `bench/bert-model.ts's generated BERT-base (no torch: ${r ? r.stderr.trim().split('\n').pop() : `${py} missing`})` };
}

/** onnxruntime's optimize_model (+ quantize_dynamic) in Python, or why it could not run. */
function ortOptimizer(input: string, fp32: string, int8: string): { seconds?: number; int8Seconds?: number; fused?: Record<string, number>; error?: string } {
  const py = process.env.ONNX_DIET_ORT_PYTHON ?? '/work/cache/venv/bin/python';
  if (!existsSync(py)) return { error: `no Python with onnxruntime at ${py} (set ONNX_DIET_ORT_PYTHON)` };
  return lastJsonLine(spawnSync('nice', ['-n', '10', py, path.join(root, 'bench/ort-transformers-optimizer.py'), input, fp32, 'bert', '12', '768', '--int8', int8], { encoding: 'utf8', maxBuffer: 1 << 24 }));
}

/** A bench Python script's answer, its last stdout line as JSON, or its last stderr lines as the error. */
function lastJsonLine<T>(r: SpawnSyncReturns<string>): T | { error: string } {
  const last = r.stdout.trim().split('\n').pop() ?? '';
  if (r.status !== 0 || !last.startsWith('{')) return { error: r.stderr.trim().split('\n').slice(-2).join(' | ') };
  return JSON.parse(last) as T;
}

/** Seeded ids, mask with the last 8 positions padded, token types 0: [1, 128] int64. */
function feeds(inputs: string[]): NamedTensor[] {
  let s = 12345;
  const make = (name: string, value: (i: number) => bigint): NamedTensor => {
    const a = new BigInt64Array(SEQ);
    for (let i = 0; i < SEQ; i++) a[i] = value(i);
    return { name, type: 'int64', dims: [1, SEQ], data: new Uint8Array(a.buffer) };
  };
  const all: Record<string, NamedTensor> = {
    input_ids: make('input_ids', () => { s = (Math.imul(s, 1103515245) + 12345) >>> 0; return BigInt(1000 + (s % 29000)); }),
    attention_mask: make('attention_mask', (i) => (i < SEQ - 8 ? 1n : 0n)),
    token_type_ids: make('token_type_ids', () => 0n),
  };
  return inputs.map((n) => all[n]!).filter(Boolean);
}

/** Weight-GEMM share of each model's kernel time (bench/ort-kernel-share.py), or why it could not run. */
function kernelShare(files: string[]): Record<string, { weightMs: number; restMs: number; ceiling: number }> | { error: string } {
  const py = process.env.ONNX_DIET_ORT_PYTHON ?? '/work/cache/venv/bin/python';
  if (!existsSync(py)) return { error: `no Python with onnxruntime at ${py}` };
  return lastJsonLine(spawnSync(py, [path.join(root, 'bench/ort-kernel-share.py'), String(SEQ), ...files], { encoding: 'utf8', maxBuffer: 1 << 24 }));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Timed { label: string; file: string; id: number; feed: NamedTensor[]; times: number[]; out?: Float32Array; optimized: string }

async function measure(host: OrtHost, dir: string, models: [string, string][]): Promise<Timed[]> {
  const sessions: Timed[] = [];
  for (const [label, file] of models) {
    const optimized = path.join(dir, `${label}.ort-optimized.onnx`);
    const { id, inputs } = await host.load(file, { threads: 1, optimizedModelFilePath: optimized, graphOptimizationLevel: 'all' });
    sessions.push({ label, file, id, feed: feeds(inputs.map((i) => i.name)), times: [], optimized });
  }
  for (const s of sessions) {
    for (let i = 0; i < WARMUP; i++) {
      const d = (await host.run(s.id, s.feed)).outputs[0]!.data as Uint8Array;
      s.out ??= new Float32Array(new Uint8Array(d).buffer);
    }
  }
  for (let i = 0; i < ROUNDS; i++) {
    for (const s of sessions) s.times.push((await host.run(s.id, s.feed)).ms);
  }
  return sessions;
}

const WATCHED = ['Attention', 'QAttention', 'MultiHeadAttention', 'MatMul', 'FusedMatMul', 'DynamicQuantizeMatMul', 'MatMulIntegerToFloat', 'MatMulNBits', 'MatMulInteger', 'GatherBlockQuantized',
  'Softmax', 'Transpose', 'Reshape', 'BiasGelu', 'Gelu', 'FastGelu', 'SkipLayerNormalization', 'LayerNormalization', 'EmbedLayerNormalization',
  'Add', 'Split', 'Shape', 'Concat', 'Unsqueeze', 'Gather', 'DequantizeLinear', 'DynamicQuantizeLinear'];

function opCounts(file: string): string {
  const counts = new Map<string, number>();
  const m = decodeModel(readFileSync(file));
  for (const n of m.graph!.node) counts.set(n.opType ?? '', (counts.get(n.opType ?? '') ?? 0) + 1);
  return `${m.graph!.node.length} nodes: ` + WATCHED.filter((op) => counts.has(op)).map((op) => `${op} ${counts.get(op)}`).join(', ');
}

const ok = (yes: boolean) => (yes ? 'yes' : 'NO');

export async function run(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'onnx-diet-bench-fuse-'));
  const host = startOrtHost();
  try {
    const { file: src, what } = sourceModel(dir);
    console.log(`model: ${what}, ${formatBytes(statSync(src).size)}`);
    const f = (label: string) => path.join(dir, `bert.${label}.onnx`);
    const variants: { label: string; stages: StageSpec[] }[] = [
      { label: 'fused', stages: ['fuse'] },
      { label: 'int8', stages: ['quantize-int8'] },
      { label: 'fused-int8', stages: ['fuse', 'quantize-int8'] },
      { label: 'fused-int4', stages: ['fuse', 'quantize-int4'] },
    ];
    const rows: string[][] = [];
    const srcBytes = statSync(src).size;
    for (const v of variants) {
      const r = compressInChild(src, f(v.label), v.stages);
      const bytes = statSync(f(v.label)).size;
      const fuseMs = r.stageMs.fuse;
      const fused = v.stages.includes('fuse') ? JSON.stringify((r.details[0] as { fused: unknown }).fused) : '';
      rows.push([v.stages.join(' → '), formatBytes(bytes), v.label === 'fused' ? `${ok(bytes <= srcBytes)} (${formatBytes(srcBytes)} before)` : '',
        fuseMs === undefined ? '' : `${(fuseMs / 1000).toFixed(2)} s (≤ 2 s ${ok(fuseMs <= 2000)})`, fused]);
    }
    console.log();
    console.log(formatTable(['stages', 'output', 'no growth', 'fuse stage time', 'fused'], rows));

    const ort = ortOptimizer(src, f('ort-opt'), f('ort-opt-int8'));
    console.log();
    console.log(ort.error ? `onnxruntime.transformers.optimize_model: not run (${ort.error})`
      : `onnxruntime.transformers.optimize_model(num_heads=12, hidden_size=768): ${ort.seconds} s, fused ${JSON.stringify(ort.fused)}; quantize_dynamic ${ort.int8Seconds} s`);

    const t0 = performance.now();
    const fp = await measure(host, dir, [['unfused', src], ['fused', f('fused')], ...(ort.error ? [] : [['ort-optimizer', f('ort-opt')] as [string, string]])]);
    host.restart();
    const q = await measure(host, dir, [['unfused-int8', f('int8')], ['fused-int8', f('fused-int8')], ...(ort.error ? [] : [['ort-optimizer-int8', f('ort-opt-int8')] as [string, string]])]);
    host.restart();
    const q4 = await measure(host, dir, [['fused-int4', f('fused-int4')]]);
    const secs = ((performance.now() - t0) / 1000).toFixed(0);
    const ref = fp[0]!.out!;
    const line = (s: Timed, base: Timed, target?: number) => {
      const ratio = median(base.times) / median(s.times);
      const cos = cosine(s.out!, ref);
      return [s.label, formatBytes(statSync(s.file).size), `${median(s.times).toFixed(1)} ms`, s === base ? '' : `${ratio.toFixed(3)}×`,
        target ? `≥ ${target}× ${ok(ratio >= target)}` : '', cos.toFixed(6), s.label === 'fused' ? `≥ 0.99999 ${ok(cos >= 0.99999)}` : ''];
    };
    console.log();
    console.log(`onnxruntime-node, seq ${SEQ}, 1 thread, level all; ${WARMUP} warm-up runs each, then ${ROUNDS} rounds interleaved per group (${secs} s)`);
    console.log(formatTable(['model', 'size', 'p50', 'speed-up vs group\'s first', 'target', 'cosine vs unfused fp32', ''], [
      ...fp.map((s) => line(s, fp[0]!, s.label === 'fused' ? 1.15 : undefined)),
      ...q.map((s) => line(s, q[0]!, s.label === 'fused-int8' ? 1.15 : undefined)),
      ...q4.map((s) => line(s, q4[0]!)),
    ]));
    const vsOrt = (a: Timed[], ours: string, theirs: string) => {
      const x = a.find((s) => s.label === ours);
      const y = a.find((s) => s.label === theirs);
      return x && y ? `${ours} / ${theirs} p50 ratio ${(median(x.times) / median(y.times)).toFixed(3)} (≤ 1.0 ${ok(median(x.times) <= median(y.times))})` : '';
    };
    console.log([vsOrt(fp, 'fused', 'ort-optimizer'), vsOrt(q, 'fused-int8', 'ort-optimizer-int8')].filter(Boolean).join('; '));
    console.log();
    console.log(formatTable(['model', 'ops in onnxruntime\'s optimized graph (level all)'], [...fp, ...q, ...q4].map((s) => [s.label, opCounts(s.optimized)])));
    const share = kernelShare([src, f('int8')]);
    console.log();
    if ('error' in share) console.log(`kernel-time share: not run (${String(share.error)})`);
    else {
      console.log('onnxruntime profiler, 1 thread: kernel time in the weight GEMMs (projections, feed-forward) vs everything else a fusion can touch');
      console.log(formatTable(['model', 'weight GEMMs', 'everything else', 'share', 'ceiling of any fusion'], Object.entries(share).map(([k, v]) =>
        [k, `${v.weightMs} ms`, `${v.restMs} ms`, `${((100 * v.restMs) / (v.weightMs + v.restMs)).toFixed(1)} %`, `${v.ceiling.toFixed(3)}×`])));
    }
  } finally {
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
