/**
 * `npm run bench -- peers` (issue 12): onnx-diet side by side with the Python tools users would run for
 * the same job, on the same input model in the same run, on trained models and two generated ≥ 100 MB ones.
 * Each tool runs in its own process under /usr/bin/time (wall, peak RSS); onnx-diet runs as its published
 * CLI (node dist/cli.js compress), the peers through bench/peers/run_peer.py in a pinned venv
 * (peers-env.ts). Every output then goes through peers-measure.ts: parity against the fp32 original on
 * the same samples and interleaved latency, all in onnxruntime-node.
 *
 * Env: PEERS_MODELS=a,b (subset), PEERS_JOBS=lossless,int8,… , PEERS_TIMEOUT_S (per tool run, default
 * 1800), PEERS_ROUNDS (latency rounds; default about 3 s per model), plus the venv/cache variables of
 * peers-env.ts.
 */
import { spawnSync } from 'node:child_process';
import { cpus, tmpdir } from 'node:os';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startOrtHost } from '../src/runtime/ort-runner.js';
import { loadModel } from '../src/onnx/model-io.js';
import { formatBytes, formatTable } from '../src/report/table.js';
import { PEERS_DIR, peerVersions, setUpPeers, type PeersEnv } from './peers-env.js';
import { measureJob, samplesFor, type Measured } from './peers-measure.js';
import { benchModels, type BenchModel } from './peers-models.js';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

interface PeerRun {
  label: string;
  /** run_peer.py's first argument. */
  peer: string;
  options: Record<string, unknown>;
  /** The HQQ venv (torch) instead of the main one. */
  torch?: boolean;
  /** Runs only when the peer with this label failed or changed nothing (a user's next try), else no row. */
  retryOf?: string;
}

interface Job {
  id: string;
  title: string;
  /** onnx-diet's --stages, a YAML flow sequence as the CLI takes it. */
  ours: string;
  peers: PeerRun[];
  note: string;
}

const INT8_OPS = ['MatMul', 'Gather', 'Conv'];

/**
 * One row per job: what onnx-diet runs and what each peer runs with the same options. Transformer fusion
 * (`fuse` vs onnxruntime.transformers.optimizer.optimize_model) and static int8 (quantize-int8
 * activations: static vs quantize_static with the same calibration samples and method) are added here as
 * two more rows when those stages land, with their runners in run_peer.py.
 */
export const JOBS: Job[] = [
  {
    id: 'lossless', title: 'dedup + prune (lossless)', ours: '[dedup, prune]',
    peers: [
      { label: 'onnxslim', peer: 'onnxslim', options: {} },
      { label: 'onnxslim --no-shape-infer', peer: 'onnxslim', options: { no_shape_infer: true } },
    ],
    note: 'onnxslim default passes (constant folding, dead-node and common-subexpression elimination, shape inference)',
  },
  {
    id: 'int8', title: 'dynamic int8', ours: `[{quantize-int8: {per-channel: false, reduce-range: false, weight-type: int8, ops: [${INT8_OPS.join(', ')}]}}]`,
    peers: [
      { label: 'quantize_dynamic', peer: 'quantize_dynamic', options: { per_channel: false, reduce_range: false, weight_type: 'int8', op_types: INT8_OPS } },
      { label: 'onnxslim, then quantize_dynamic', peer: 'quantize_dynamic', options: { per_channel: false, reduce_range: false, weight_type: 'int8', op_types: INT8_OPS, preslim: true }, retryOf: 'quantize_dynamic' },
    ],
    note: `per-tensor, no reduce-range, int8 weights, ops ${INT8_OPS.join('/')}`,
  },
  {
    id: 'int4', title: '4-bit weight-only (MatMul)', ours: '[{quantize-int4: {block-size: 32, symmetric: true, embeddings: none}}]',
    peers: [
      { label: 'MatMulNBits RTN', peer: 'nbits-rtn', options: { block_size: 32, symmetric: true } },
      { label: 'onnxslim, then MatMulNBits RTN', peer: 'nbits-rtn', options: { block_size: 32, symmetric: true, preslim: true }, retryOf: 'MatMulNBits RTN' },
      { label: 'MatMulNBits HQQ', peer: 'nbits-hqq', options: { block_size: 32, symmetric: false }, torch: true },
    ],
    note: 'block 32, symmetric (HQQ is asymmetric by construction), MatMul only, accuracy level unset',
  },
  {
    id: 'fp16', title: 'fp16', ours: '[{fp16: {keep-io-types: true}}]',
    peers: [
      { label: 'onnxconverter-common float16', peer: 'float16', options: { keep_io_types: true } },
      { label: 'onnxslim --dtype fp16', peer: 'onnxslim-fp16', options: {} },
    ],
    note: 'keep_io_types (onnxslim has no such option: its inputs and outputs become float16)',
  },
];

interface ToolRun { wallS: number; rssBytes: number; error?: string }

/** `cmd args…` under /usr/bin/time: wall seconds and peak RSS (KiB → bytes) of the whole process. */
function timed(cmd: string, args: string[], timeoutS: number): ToolRun {
  const stats = path.join(tmpdir(), `onnx-diet-peers-${process.pid}.time`);
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', '-o', stats, cmd, ...args], { encoding: 'utf8', timeout: timeoutS * 1000, killSignal: 'SIGKILL', maxBuffer: 1 << 26 });
  if (r.error || r.signal) return { wallS: timeoutS, rssBytes: NaN, error: r.signal ? `timed out after ${timeoutS} s` : String(r.error) };
  const [wall, rss] = readFileSync(stats, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
  rmSync(stats, { force: true });
  if (r.status !== 0) {
    const why = (r.stderr ?? '').trim().split('\n').filter((l) => !/^Command exited|^\s*$/.test(l)).slice(-1)[0] ?? `exit ${r.status}`;
    return { wallS: wall!, rssBytes: rss! * 1024, error: `failed: ${why.slice(0, 90)}` };
  }
  return { wallS: wall!, rssBytes: rss! * 1024 };
}

interface Row { tool: string; file: string; run: ToolRun; bytes?: number; m?: Measured }

/** Each tool writes into a folder of its own, so its size is the folder's (model file + any external data). */
const folderBytes = (dir: string) => readdirSync(dir).reduce((n, f) => n + statSync(path.join(dir, f)).size, 0);
const sizeOf = (file: string) => statSync(file).size + (existsSync(`${file}.data`) ? statSync(`${file}.data`).size : 0);
const cell = (x: number | undefined, f: (v: number) => string) => (x === undefined || Number.isNaN(x) ? '–' : f(x));

async function runJob(env: PeersEnv, m: BenchModel, job: Job, outDir: string, timeoutS: number, rounds: number | undefined): Promise<{ text: string; rows: Row[] }> {
  const rows: Row[] = [];
  const place = (slug: string) => {
    const dir = path.join(outDir, `${job.id}.${slug}`);
    mkdirSync(dir, { recursive: true });
    return path.join(dir, 'model.onnx');
  };
  const oursOut = place('onnx-diet');
  const ours = timed(process.execPath, [path.join(root, 'dist', 'cli.js'), 'compress', m.file, '-o', oursOut, '--stages', job.ours], timeoutS);
  rows.push({ tool: 'onnx-diet', file: oursOut, run: ours });
  job.peers.forEach((p, k) => {
    const first = rows.find((r) => r.tool === p.retryOf);
    // "Changed nothing": within 3 % of the original size (a re-save alone moves a few bytes).
    if (first && !first.run.error && existsSync(first.file) && folderBytes(path.dirname(first.file)) < 0.97 * sizeOf(m.file)) return;
    const out = place(`peer${k}`);
    const python = p.torch ? env.hqqPython : env.python;
    const run: ToolRun = python
      ? timed(python, [path.join(PEERS_DIR, 'run_peer.py'), p.peer, m.file, out, JSON.stringify(p.options)], timeoutS)
      : { wallS: NaN, rssBytes: NaN, error: env.hqqWhyNot };
    rows.push({ tool: p.label, file: out, run });
  });
  for (const r of rows) if (!r.run.error && existsSync(r.file)) r.bytes = folderBytes(path.dirname(r.file));
  const { model } = loadModel(m.file);
  const output = m.task.output ?? model.graph!.output[0]!.name!;
  const samples = samplesFor(m, model);
  const host = startOrtHost();
  let measured;
  try {
    measured = await measureJob(host, m, samples, output, rows.map((r) => (r.bytes === undefined ? undefined : r.file)), rounds);
  } finally {
    await host.close();
  }
  rows.forEach((r, k) => { r.m = measured.results[k]; });
  const originalBytes = sizeOf(m.file);
  const ourRow = rows[0]!;
  const table = formatTable(
    ['tool', 'wall', 'peak RSS', 'output', 'cosine', 'max abs', 'top-1 (clear margin)', 'task', 'p50 latency', 'vs onnx-diet: time ×, RSS ×'],
    [
      ['fp32 original', '', '', formatBytes(originalBytes), '', '', '', measured.taskOriginal, cell(measured.original.p50Ms, (v) => `${v.toFixed(2)} ms`), ''],
      ...rows.map((r) => {
        const err = r.run.error ?? r.m?.error;
        const p = r.m?.parity;
        return [
          r.tool, cell(r.run.wallS, (v) => `${v.toFixed(2)} s`), cell(r.run.rssBytes, formatBytes), err && !r.bytes ? err : cell(r.bytes, formatBytes),
          p ? p.cosine.toFixed(6) : err && r.bytes ? err : '–', p ? p.maxAbs.toExponential(2) : '–',
          p?.top1 ? `${p.top1[0]}/${p.top1[1]}` : '–', p?.task ?? '–', cell(r.m?.p50Ms, (v) => `${v.toFixed(2)} ms`),
          r === ourRow || r.run.error || ourRow.run.error ? '' : `${(r.run.wallS / ourRow.run.wallS).toFixed(1)}×, ${(r.run.rssBytes / ourRow.run.rssBytes).toFixed(2)}×`,
        ];
      }),
    ],
  );
  return { text: `### ${m.name} — ${job.title}\n(${job.note}; latency over ${measured.rounds} rounds)\n\n${table}`, rows };
}

function machineLine(env: PeersEnv): string {
  const flags = readFileSync('/proc/cpuinfo', 'utf8').match(/^flags\s*:(.*)$/m)?.[1]?.trim().split(/\s+/) ?? [];
  const isa = ['avx2', 'avx512f', 'avx512_vnni', 'avx512_bf16', 'avx512_fp16', 'amx_int8'].filter((f) => flags.includes(f));
  const ortNode = (JSON.parse(readFileSync(path.join(root, 'node_modules', 'onnxruntime-node', 'package.json'), 'utf8')) as { version: string }).version;
  return `machine: ${cpus()[0]?.model ?? '?'} × ${cpus().length} (${isa.join(', ')}); node ${process.version}; onnxruntime-node ${ortNode}, 1 intra-op thread; ` +
    `peers: ${peerVersions(env.python)}`;
}

export async function run(): Promise<void> {
  const env = setUpPeers();
  const only = (process.env.PEERS_MODELS ?? '').split(',').filter(Boolean);
  const jobs = (process.env.PEERS_JOBS ?? '').split(',').filter(Boolean);
  const timeoutS = Number(process.env.PEERS_TIMEOUT_S ?? 1800);
  const rounds = process.env.PEERS_ROUNDS ? Number(process.env.PEERS_ROUNDS) : undefined;
  console.log(machineLine(env));
  console.log(`latency: p50 of ${rounds ?? '10–60 (≈ 3 s per model)'} interleaved rounds after 2 warm-ups, first sample; top-1 counts rows whose original top-1 leads by ≥ 1% of the row's range`);
  console.log('onnx-diet runs as `node dist/cli.js compress` (the published CLI: fsync\'d atomic write; no --json, so no sha256); each peer as one python process\n');
  const targets: string[][] = [];
  for (const m of benchModels(env.cache, only)) {
    console.log(`## ${m.name}: ${formatBytes(sizeOf(m.file))}, ${m.trained ? 'trained' : 'generated'}; ${m.source}\n`);
    for (const job of JOBS.filter((j) => !jobs.length || jobs.includes(j.id))) {
      const outDir = path.join(env.cache, 'out', m.name);
      const { text, rows } = await runJob(env, m, job, outDir, timeoutS, rounds);
      console.log(`${text}\n`);
      if (sizeOf(m.file) >= 100e6) targets.push(...targetRows(m, job, rows));
      rmSync(outDir, { recursive: true, force: true });
    }
  }
  console.log('## Targets on models ≥ 100 MB (issue 12): time ≥ 10× faster, peak RSS ≤, output size ≤, cosine ≥, p50 latency ≤ the peer\'s\n');
  console.log(formatTable(['model', 'job', 'peer', 'time ×', 'RSS', 'size', 'cosine', 'latency', 'all met'], targets));
}

/** One line per peer of a job: each target met (yes) or missed (NO, with the two figures). */
function targetRows(m: BenchModel, job: Job, rows: Row[]): string[][] {
  const ours = rows[0]!;
  return rows.slice(1).map((p) => {
    if (ours.run.error || !ours.m?.parity) return [m.name, job.id, p.tool, 'onnx-diet failed', '', '', '', '', 'NO'];
    if (p.run.error || !p.m?.parity) return [m.name, job.id, p.tool, `peer failed (${(p.run.error ?? p.m?.error ?? '').slice(0, 40)})`, '', '', '', '', 'n/a'];
    const ratio = p.run.wallS / ours.run.wallS;
    const checks: [boolean, string][] = [
      [ratio >= 10, `${ratio.toFixed(1)}×`],
      [ours.run.rssBytes <= p.run.rssBytes, `${formatBytes(ours.run.rssBytes)} vs ${formatBytes(p.run.rssBytes)}`],
      [ours.bytes! <= p.bytes!, `${formatBytes(ours.bytes!)} vs ${formatBytes(p.bytes!)}`],
      [ours.m.parity.cosine >= p.m.parity.cosine - 1e-6, `${ours.m.parity.cosine.toFixed(6)} vs ${p.m.parity.cosine.toFixed(6)}`],
      // Latency: within 3 % counts as equal; the machine's noise between interleaved rounds is larger.
      [ours.m.p50Ms! <= p.m.p50Ms! * 1.03, `${ours.m.p50Ms!.toFixed(1)} vs ${p.m.p50Ms!.toFixed(1)} ms`],
    ];
    return [m.name, job.id, p.tool, ...checks.map(([ok, text]) => (ok ? `yes ${text}` : `NO ${text}`)), checks.every(([ok]) => ok) ? 'yes' : 'NO'];
  });
}
