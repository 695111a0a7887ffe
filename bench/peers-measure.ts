/**
 * Parity and latency of one job's outputs in onnxruntime-node, all against the fp32 original on the same
 * samples. Parity reads one output (the task's, else the model's first):
 *   cosine   cosine similarity of the output, all samples flattened together, to the original's;
 *   max abs  largest absolute difference over all samples;
 *   top-1    for class-like outputs (last axis ≥ 2): agreement of the argmax per row, counting only rows
 *            whose original top-1 leads the runner-up by ≥ MARGIN_SHARE of that row's range (a near-tie
 *            flips under any rounding and says nothing about the quantizer);
 *   task     the labelled task where the model has one (task.json): paraphrase retrieval top-1, OCR text
 *            exact match, orientation / speech class, or the text-map IoU against the original's.
 * Latency: all sessions loaded at once (1 intra-op thread, ORT graph level all), warm-ups, then rounds
 * of A B C … interleaved on the first sample (about 3 s per model, 10–60 rounds), p50 of session.run as
 * timed inside the ORT worker.
 */
import { readFileSync } from 'node:fs';
import { loadSamples } from '../src/check/inputs.js';
import { tensorValues, type NamedTensor } from '../src/runtime/named-tensor.js';
import { OrtCallError, type OrtHost } from '../src/runtime/ort-runner.js';
import { percentile } from '../src/check/latency.js';
import type { Sample } from '../src/runtime/input-meta.js';
import type { ModelProto } from '../src/onnx/types.js';
import type { BenchModel } from './peers-models.js';

export const MARGIN_SHARE = 0.01;
const WARMUP = 2;

export interface Parity {
  cosine: number;
  maxAbs: number;
  /** [agreeing rows, rows counted by the margin rule]; undefined for outputs that are not class-like. */
  top1?: [number, number];
  /** The task's score as text (e.g. "12/12"), '' when the model has no labelled task. */
  task: string;
}

export interface Measured {
  parity?: Parity;
  p50Ms?: number;
  error?: string;
}

type Outputs = { values: Float32Array; dims: number[] }[];

function floats(t: NamedTensor): Float32Array {
  const v = tensorValues(t);
  return v instanceof Float32Array ? v : Float32Array.from(v as ArrayLike<number>);
}

function cosineOf(a: Float32Array, b: Float32Array): number {
  let dot = 0, na = 0, nb = 0;
  for (let i = 0; i < a.length; i++) { dot += a[i]! * b[i]!; na += a[i]! * a[i]!; nb += b[i]! * b[i]!; }
  return na === 0 && nb === 0 ? 1 : dot / Math.sqrt(na * nb);
}

function concat(o: Outputs): Float32Array {
  const out = new Float32Array(o.reduce((n, x) => n + x.values.length, 0));
  let at = 0;
  for (const x of o) { out.set(x.values, at); at += x.values.length; }
  return out;
}

function argmax(v: Float32Array, from: number, n: number): number {
  let best = from;
  for (let i = from + 1; i < from + n; i++) if (v[i]! > v[best]!) best = i;
  return best - from;
}

/** Rows whose original top-1 is clear, and how many of them the candidate agrees on. */
function top1(m: BenchModel, output: string, ref: Outputs, got: Outputs): [number, number] | undefined {
  const dims = ref[0]!.dims;
  const n = dims[dims.length - 1] ?? 0;
  // Class-like outputs only: an argmax over embedding or hidden-state features means nothing.
  const classLike = ['classify', 'ctc'].includes(m.task.task) || /logit|prob|score|class/i.test(output);
  if (!classLike || dims.length < 2 || n < 2) return undefined;
  let agree = 0, counted = 0;
  for (let s = 0; s < ref.length; s++) {
    const r = ref[s]!.values, g = got[s]!.values;
    for (let at = 0; at + n <= r.length; at += n) {
      let hi = -Infinity, second = -Infinity, lo = Infinity;
      for (let i = at; i < at + n; i++) {
        const x = r[i]!;
        if (x > hi) { second = hi; hi = x; } else if (x > second) second = x;
        if (x < lo) lo = x;
      }
      if (hi - second < MARGIN_SHARE * (hi - lo)) continue;
      counted++;
      if (argmax(r, at, n) === argmax(g, at, n)) agree++;
    }
  }
  return [agree, counted];
}

function unit(v: Float32Array): Float32Array {
  let n = 0;
  for (const x of v) n += x * x;
  n = Math.sqrt(n) || 1;
  return v.map((x) => x / n);
}

/** The labelled task's score for one set of outputs (ref: the original's, for the IoU task). */
function taskScore(m: BenchModel, got: Outputs, ref: Outputs): string {
  const t = m.task;
  switch (t.task) {
    case 'retrieval': {
      const e = got.map((o) => unit(o.values));
      const pairs = t.pairs!;
      const hits = pairs.filter(([a, b]) => {
        let best = -1, bestSim = -Infinity;
        for (const [, c] of pairs) { const s = cosineOf(e[a]!, e[c]!); if (s > bestSim) { bestSim = s; best = c; } }
        return best === b;
      }).length;
      return `retrieval ${hits}/${pairs.length}`;
    }
    case 'ctc': {
      const keys = [...readFileSync(t.keys!, 'utf8').split('\n').filter((_, i, a) => i < a.length - 1 || a[i] !== ''), ' '];
      const hits = got.filter((o, s) => {
        const n = o.dims[o.dims.length - 1]!;
        let text = '', prev = 0;
        for (let at = 0; at + n <= o.values.length; at += n) {
          const k = argmax(o.values, at, n);
          if (k !== 0 && k !== prev) text += keys[k - 1] ?? '';
          prev = k;
        }
        return text.trim() === String(t.labels![s]).trim();
      }).length;
      return `text ${hits}/${got.length}`;
    }
    case 'classify':
      return `class ${got.filter((o, s) => argmax(o.values, 0, o.values.length) === t.labels![s]).length}/${got.length}`;
    case 'classify-threshold':
      return `speech ${got.filter((o, s) => Number(o.values[0]! > t.threshold!) === t.labels![s]).length}/${got.length}`;
    case 'segment': {
      let inter = 0, union = 0;
      got.forEach((o, s) => o.values.forEach((x, i) => {
        const a = ref[s]!.values[i]! > t.threshold!, b = x > t.threshold!;
        if (a && b) inter++;
        if (a || b) union++;
      }));
      return `map IoU ${(union ? inter / union : 1).toFixed(3)}`;
    }
    default:
      return '';
  }
}

/** Runs every sample through a loaded session; the chosen output of each. */
async function outputsOf(host: OrtHost, id: number, samples: Sample[], output: string): Promise<Outputs> {
  const out: Outputs = [];
  for (const s of samples) {
    const r = await host.run(id, s, [output]);
    out.push({ values: floats(r.outputs[0]!), dims: r.outputs[0]!.dims });
  }
  return out;
}

export function samplesFor(m: BenchModel, model: ModelProto): Sample[] {
  return loadSamples(m.samplesDir, model, { samples: 1 << 20, seed: 1, dims: {} });
}

/** Parity of each candidate against the original, then interleaved latency of all (original first). */
export async function measureJob(host: OrtHost, m: BenchModel, samples: Sample[], output: string, candidates: (string | undefined)[],
  rounds: number | undefined): Promise<{ original: Measured; taskOriginal: string; results: Measured[]; rounds: number }> {
  const orig = await host.load(m.file, { threads: 1 });
  const ref = await outputsOf(host, orig.id, samples, output);
  const sessions: (number | undefined)[] = [];
  const results: Measured[] = [];
  for (const file of candidates) {
    if (!file) { sessions.push(undefined); results.push({}); continue; }
    try {
      const { id } = await host.load(file, { threads: 1 });
      const got = await outputsOf(host, id, samples, output);
      // Over all samples at once: a per-sample cosine of a 1-element output (VAD's probability) is always ±1.
      const cos = cosineOf(concat(ref), concat(got));
      let maxAbs = 0;
      got.forEach((g, s) => g.values.forEach((x, i) => { maxAbs = Math.max(maxAbs, Math.abs(x - ref[s]!.values[i]!)); }));
      sessions.push(id);
      results.push({ parity: { cosine: cos, maxAbs, top1: top1(m, output, ref, got), task: taskScore(m, got, ref) } });
    } catch (e) {
      sessions.push(undefined);
      const said = (e instanceof OrtCallError ? e.said : (e as Error).message).split('\n')[0]!.replace(/^.*?failed:\s*/, '');
      results.push({ error: `onnxruntime cannot load it: ${said.slice(0, 110)}` });
    }
  }
  const all = [orig.id, ...sessions];
  const times: number[][] = all.map(() => []);
  const feed = samples[0]!;
  let warm = 0;
  for (const id of all) if (id !== undefined) for (let i = 0; i < WARMUP; i++) warm = Math.max(warm, (await host.run(id, feed, [output])).ms);
  // Unless told: about 3 s of runs per model, 10 to 60 rounds (small models get more rounds against the noise).
  const n = rounds ?? Math.max(10, Math.min(60, Math.round(3000 / Math.max(warm, 1))));
  for (let r = 0; r < n; r++) {
    for (let k = 0; k < all.length; k++) if (all[k] !== undefined) times[k]!.push((await host.run(all[k]!, feed, [output])).ms);
  }
  for (const id of all) if (id !== undefined) await host.release(id);
  results.forEach((res, k) => { if (times[k + 1]!.length) res.p50Ms = percentile(times[k + 1]!, 50); });
  return { original: { p50Ms: percentile(times[0]!, 50) }, taskOriginal: taskScore(m, ref, ref), results, rounds: n };
}
