/**
 * The peers bench's models: the trained ones fetch_models.py put in the cache (manifest.json), and two
 * built in code — BERT-base (bert-model.ts) and ALBERT-base as older exporters wrote it, every layer's
 * shared weights stored again under each layer's own names (12 copies) and the embeddings factorised
 * (30000×128, then a 128×768 projection), ~357 MB. Both get the MiniLM samples (real sentences tokenized
 * with BERT's uncased vocab), ids taken modulo the vocab size.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseNpz } from '../src/check/npz.js';
import { tensorValues } from '../src/runtime/named-tensor.js';
import { DataType } from '../src/onnx/dtype.js';
import { saveModel } from '../src/onnx/model-io.js';
import { makeTensor } from '../src/onnx/tensor.js';
import type { ModelProto } from '../src/onnx/types.js';
import { node } from '../test/helpers/builder.js';
import { BERT_BASE, bertModel, normalFloats } from './bert-model.js';

export interface TaskSpec {
  task: 'retrieval' | 'ctc' | 'classify' | 'classify-threshold' | 'segment' | 'none';
  /** The output parity and the task read; the model's first output when null. */
  output: string | null;
  pairs?: [number, number][];
  labels?: (string | number)[];
  threshold?: number;
  keys?: string;
}

export interface BenchModel {
  name: string;
  file: string;
  samplesDir: string;
  task: TaskSpec;
  trained: boolean;
  source: string;
}

const ALBERT = { vocab: 30000, positions: 512, hidden: 768, heads: 12, intermediate: 3072, layers: 12 };
const ALBERT_EMBEDDING = 128;

/** ALBERT-base with per-use copies: bertModel's graph, layer l's weights = layer 0's bytes, factorised embeddings. */
export function albertCopiesModel(): ModelProto {
  const m = bertModel(ALBERT, 3);
  const g = m.graph!;
  const layer0 = new Map<string, Uint8Array>();
  for (const t of g.initializer) {
    const hit = /^encoder\.layer\.(\d+)\.(.*)$/.exec(t.name ?? '');
    if (!hit) continue;
    if (hit[1] === '0') layer0.set(hit[2]!, t.rawData!);
    else t.rawData = new Uint8Array(layer0.get(hit[2]!)!); // a copy of its own, as a file would hold it
  }
  const words = g.initializer.find((t) => t.name === 'embeddings.word_embeddings.weight')!;
  const small = normalFloats(ALBERT.vocab * ALBERT_EMBEDDING, 991, 0.02);
  words.dims = [ALBERT.vocab, ALBERT_EMBEDDING];
  words.rawData = new Uint8Array(small.buffer);
  const proj = normalFloats(ALBERT_EMBEDDING * ALBERT.hidden, 992, 0.02);
  g.initializer.push(makeTensor('embeddings.projection.weight', DataType.FLOAT, [ALBERT_EMBEDDING, ALBERT.hidden], new Uint8Array(proj.buffer)));
  const at = g.node.findIndex((n) => n.output[0] === 'embeddings.words');
  g.node[at]!.output[0] = 'embeddings.words.small';
  g.node.splice(at + 1, 0, node('MatMul', ['embeddings.words.small', 'embeddings.projection.weight'], ['embeddings.words'], {}, { name: 'embeddings.projection' }));
  g.name = 'albert_copies_bench';
  return m;
}

function loadTask(dir: string): TaskSpec {
  return JSON.parse(readFileSync(path.join(dir, 'task.json'), 'utf8')) as TaskSpec;
}

/** Trained models from the manifest, then the two generated ones (written once into the cache). */
export function benchModels(cache: string, only: string[]): BenchModel[] {
  const manifest = JSON.parse(readFileSync(path.join(cache, 'manifest.json'), 'utf8')) as { name: string; dir: string; source: string }[];
  const out: BenchModel[] = manifest.map((e) => ({
    name: e.name, file: path.join(e.dir, 'model.onnx'), samplesDir: path.join(e.dir, 'samples'), task: loadTask(e.dir), trained: true, source: e.source,
  }));
  const minilm = out.find((m) => m.name === 'minilm-l6');
  for (const [name, build, vocab] of [['bert-base-gen', () => bertModel(), BERT_BASE.vocab], ['albert-copies-gen', albertCopiesModel, ALBERT.vocab]] as const) {
    if (only.length && !only.includes(name)) continue;
    const dir = path.join(cache, 'models', name);
    const file = path.join(dir, 'model.onnx');
    mkdirSync(dir, { recursive: true });
    if (!existsSync(file)) saveModel(build(), file);
    const samples = path.join(dir, 'samples.json');
    if (!existsSync(samples) && minilm) writeFileSync(samples, JSON.stringify(minilmIdsAsJson(minilm.samplesDir, vocab)));
    out.push({ name, file, samplesDir: samples, task: { task: 'none', output: 'last_hidden_state' }, trained: false, source: 'generated in code (seeded normal weights)' });
  }
  return only.length ? out.filter((m) => only.includes(m.name)) : out;
}

/** The MiniLM npz samples as JSON samples (input_ids modulo vocab, attention_mask) for the generated encoders. */
function minilmIdsAsJson(dir: string, vocab: number): Record<string, number[][]>[] {
  return readdirSync(dir).filter((f) => f.endsWith('.npz')).sort().map((f) => {
    const file = path.join(dir, f);
    const arrays = new Map(parseNpz(readFileSync(file), file).map((t) => [t.name, tensorValues(t) as BigInt64Array]));
    return {
      input_ids: [Array.from(arrays.get('input_ids')!, (v) => Number(v) % vocab)],
      attention_mask: [Array.from(arrays.get('attention_mask')!, Number)],
    };
  });
}
