/**
 * Quantization bench (issue 3) on a generated BERT-base-sized encoder (bert-model.ts, ~110 M parameters).
 *   1. dedup → quantize-int8: output ≤ 112 MB in ≤ 5 s end to end (load + stages + save).
 *   2. dedup → quantize-int4 (block 32, 4-bit embeddings): output ≤ 80 MB.
 *      Each compression runs in its own child process, so its peak RSS is its own.
 *   3. Speed through the onnxruntime host (seq 128, 1 thread): fp32 vs int8 interleaved A B A B, p50 ratio
 *      ≥ 1.8×; int4 at accuracy-level 0 and 4 vs fp32; cosine similarity of last_hidden_state vs fp32.
 *      ORT's optimized graphs are saved (optimizedModelFilePath) to show which fused kernels ran.
 * Run: `npm run bench -- quantize` (each compression runs in bench/compress-child.ts).
 */
import { compressInChild } from './child-process.js';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startOrtHost, type OrtHost } from '../src/runtime/ort-runner.js';
import type { NamedTensor } from '../src/runtime/named-tensor.js';
import { decodeModel } from '../src/onnx/codec.js';
import { saveModel } from '../src/onnx/model-io.js';
import { formatBytes, formatTable } from '../src/report/table.js';
import { cosine } from '../test/helpers/fixture-parity.js';
import type { StageSpec } from '../src/stages/registry.js';
import { BERT_BASE, bertModel, parameterCount } from './bert-model.js';

const SEQ = 128;
const WARMUP = 2;
const INT8_ROUNDS = 20;
const INT4_ROUNDS = 20;
const MB = 1e6;



/** Child side: compress IN → OUT with the given stages; prints { ms, maxRssBytes, stageMs } last. */
/** Seeded token ids in [1000, vocab) and a mask with the last 8 positions padded. */
function feeds(): NamedTensor[] {
  const ids = new BigInt64Array(SEQ);
  const mask = new BigInt64Array(SEQ);
  let s = 12345;
  for (let i = 0; i < SEQ; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    ids[i] = BigInt(1000 + (s % (BERT_BASE.vocab - 1000)));
    mask[i] = i < SEQ - 8 ? 1n : 0n;
  }
  const t = (name: string, a: BigInt64Array): NamedTensor => ({ name, type: 'int64', dims: [1, SEQ], data: new Uint8Array(a.buffer) });
  return [t('input_ids', ids), t('attention_mask', mask)];
}

function floats(n: NamedTensor): Float32Array {
  const d = n.data as Uint8Array;
  return new Float32Array(d.slice().buffer);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Timed { label: string; id: number; times: number[]; hidden?: Float32Array; optimized: string }

/** Loads each model in the host (1 thread, ORT level all) and saves ORT's optimized graph beside it. */
async function loadAll(host: OrtHost, dir: string, models: [string, string][]): Promise<Timed[]> {
  const out: Timed[] = [];
  for (const [label, file] of models) {
    const optimized = path.join(dir, `${label}.ort-optimized.onnx`);
    const { id } = await host.load(file, { threads: 1, optimizedModelFilePath: optimized });
    out.push({ label, id, times: [], optimized });
  }
  return out;
}

/** Warm-up, then rounds of A B C … interleaved; run times are session.run alone, measured in the worker. */
async function interleave(host: OrtHost, sessions: Timed[], rounds: number): Promise<void> {
  const input = feeds();
  for (const s of sessions) {
    for (let i = 0; i < WARMUP; i++) {
      const r = await host.run(s.id, input, ['last_hidden_state']);
      s.hidden ??= floats(r.outputs[0]!);
    }
  }
  for (let i = 0; i < rounds; i++) {
    for (const s of sessions) s.times.push((await host.run(s.id, input, ['last_hidden_state'])).ms);
  }
}

const WATCHED_OPS = [
  'MatMul', 'DynamicQuantizeMatMul', 'MatMulIntegerToFloat', 'MatMulInteger', 'DynamicQuantizeLinear', 'MatMulNBits',
  'FusedMatMul', 'Attention', 'MultiHeadAttention', 'Softmax', 'BiasGelu', 'Gelu', 'FastGelu', 'Erf',
  'SkipLayerNormalization', 'LayerNormalization', 'Gather', 'GatherBlockQuantized', 'DequantizeLinear',
];

/** Op-type counts of ORT's optimized graph, for the ops that tell which kernels run. */
function fusedOps(file: string): string {
  const m = decodeModel(readFileSync(file));
  const counts = new Map<string, number>();
  for (const n of m.graph!.node) counts.set(n.opType ?? '', (counts.get(n.opType ?? '') ?? 0) + 1);
  return WATCHED_OPS.filter((op) => counts.has(op)).map((op) => `${op} ${counts.get(op)}`).join(', ');
}

const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const ok = (yes: boolean) => (yes ? 'yes' : 'NO');

export async function run(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'onnx-diet-bench-quantize-'));
  const host = startOrtHost();
  try {
    const fp32 = path.join(dir, 'bert-base.onnx');
    let t0 = performance.now();
    const m = bertModel();
    const params = parameterCount(m);
    saveModel(m, fp32);
    const fileBytes = statSync(fp32).size;
    console.log(`generated ${fp32}: ${(params / 1e6).toFixed(1)} M parameters, ${formatBytes(fileBytes)} in ${sec(performance.now() - t0)}`);

    const variants: { label: string; stages: StageSpec[]; target?: number }[] = [
      { label: 'int8', stages: ['dedup', 'quantize-int8'], target: 112 * MB },
      { label: 'int4', stages: ['dedup', 'quantize-int4'], target: 80 * MB },
      { label: 'int4-al4', stages: ['dedup', { 'quantize-int4': { 'accuracy-level': 4 } }] },
    ];
    const files: Record<string, string> = { fp32 };
    const rows: string[][] = [];
    for (const v of variants) {
      files[v.label] = path.join(dir, `bert-base.${v.label}.onnx`);
      const r = compressInChild(fp32, files[v.label]!, v.stages);
      const bytes = statSync(files[v.label]!).size;
      const stageMs = Object.entries(r.stageMs).map(([k, ms]) => `${k} ${sec(ms)}`).join(', ');
      rows.push([
        v.stages.map((s) => (typeof s === 'string' ? s : JSON.stringify(s))).join(' → '),
        `${formatBytes(bytes)} (${(bytes / MB).toFixed(1)} MB)`, v.target ? `≤ ${v.target / MB} MB ${ok(bytes <= v.target)}` : '',
        sec(r.ms), v.label === 'int8' ? `≤ 5 s ${ok(r.ms <= 5000)}` : '', sec(r.wallMs), formatBytes(r.maxRssBytes), stageMs,
      ]);
    }
    console.log();
    console.log(formatTable(['stages (each a child process)', 'output', 'size target', 'load+stages+save', 'time target', 'process wall', 'peak RSS', 'per stage'], rows));

    t0 = performance.now();
    const [a, b] = await loadAll(host, dir, [['fp32', fp32], ['int8', files.int8!]]);
    await interleave(host, [a!, b!], INT8_ROUNDS);
    host.restart(); // frees the fp32 + int8 sessions before the int4 ones load
    const [c, d, e] = await loadAll(host, dir, [['fp32', fp32], ['int4', files.int4!], ['int4-al4', files['int4-al4']!]]);
    await interleave(host, [c!, d!, e!], INT4_ROUNDS);
    const speedSec = (performance.now() - t0) / 1000;

    const base8 = median(a!.times);
    const base4 = median(c!.times);
    const line = (s: Timed, base: number, rounds: number, target?: number) => {
      const ratio = base / median(s.times);
      return [
        s.label, `${rounds}`, `${median(s.times).toFixed(1)} ms`, s.label === 'fp32' ? '' : `${ratio.toFixed(2)}×`,
        target ? `≥ ${target}× ${ok(ratio >= target)}` : '',
        s.label === 'fp32' ? '' : cosine(s.hidden!, (rounds === INT8_ROUNDS ? a! : c!).hidden!).toFixed(5),
      ];
    };
    console.log();
    console.log(`onnxruntime-node, seq ${SEQ}, 1 thread, level all; ${WARMUP} warm-up runs each, then interleaved (${speedSec.toFixed(0)} s)`);
    console.log(formatTable(['model', 'runs', 'p50', 'speed-up vs fp32', 'target', 'cosine vs fp32'], [
      line(a!, base8, INT8_ROUNDS), line(b!, base8, INT8_ROUNDS, 1.8),
      line(c!, base4, INT4_ROUNDS), line(d!, base4, INT4_ROUNDS), line(e!, base4, INT4_ROUNDS),
    ]));
    console.log();
    console.log(formatTable(['model', 'ops in ORT\'s optimized graph'], [a!, b!, d!, e!].map((s) => [s.label, fusedOps(s.optimized)])));
  } finally {
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
