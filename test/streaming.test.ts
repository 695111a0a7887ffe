/**
 * Streaming (issue 6 item 1): with weights in external data, stages read each weight when they need it,
 * keep no payload once done with it, and park the tensors they create in a scratch file. Measured here
 * by a reader that counts reads per tensor and holds a weak reference to every buffer it hands out:
 * after a stage and a garbage collection, every such buffer must be gone. The streamed result must be
 * byte for byte what the in-memory path produces.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { DataType } from '../src/onnx/dtype.js';
import { forEachTensor } from '../src/onnx/graph.js';
import { loadModel, saveModel } from '../src/onnx/model-io.js';
import { SPILL_MIN_BYTES, SpillingReader } from '../src/onnx/spill.js';
import { externalInfo, isExternal, tensorBytes } from '../src/onnx/tensor.js';
import type { ModelProto, TensorProto } from '../src/onnx/types.js';
import { createStage } from '../src/stages/registry.js';
import type { StageContext } from '../src/stages/stage.js';
import { floatTensor, graph, model, node, randomFloats, valueInfo } from './helpers/builder.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const F = DataType.FLOAT;
const A = 512;
const B = 1024;

/** Transpose of a row-major [rows, cols] matrix, written out by hand. */
function transposed(v: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(v.length);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) out[j * rows + i] = v[i * cols + j]!;
  return out;
}

/**
 * x [1, 512] through ten MatMuls alternating [512, 1024] and [1024, 512] weights (2 MiB each, 20 MiB in
 * all): w6 copies w2 and w9 copies w5 (dedup merges them), w7 is the exact transpose of w0 (a tie).
 */
function streamModel(): ModelProto {
  const values: Float32Array[] = [];
  for (let i = 0; i < 10; i++) values.push(randomFloats(A * B, 100 + i, 0.05));
  values[6] = values[2]!;
  values[9] = values[5]!;
  values[7] = transposed(values[0]!, A, B);
  const nodes = values.map((_, i) => node('MatMul', [i === 0 ? 'x' : `h${i - 1}`, `w${i}`], [i === 9 ? 'y' : `h${i}`]));
  return model(graph({
    node: nodes,
    input: [valueInfo('x', F, [1, A])],
    output: [valueInfo('y', F, [1, A])],
    initializer: values.map((v, i) => floatTensor(`w${i}`, i % 2 === 0 ? [A, B] : [B, A], v)),
  }));
}

const MiB = 2 ** 20;
/** One weight's payload. */
const WEIGHT = A * B * 4;

/**
 * A SpillingReader that counts reads of each stored tensor and measures the ArrayBuffer bytes alive
 * (after a full collection) each time a stage reads a payload or parks a new one: the peak tells how
 * many payloads the stage held at once.
 */
class CountingReader extends SpillingReader {
  readonly reads = new Map<string, number>();
  /** Most ArrayBuffer bytes alive at once since startStage(), above what was alive then. */
  peak = 0;
  private base = 0;

  private live(): number {
    // V8 frees ArrayBuffer memory in a sweep that may still be running after one collection; the
    // second collection finishes it, so the count is exact.
    gc();
    gc();
    return process.memoryUsage().arrayBuffers - this.base;
  }

  startStage(): void {
    this.reads.clear();
    this.base = 0;
    this.base = this.live();
    this.peak = 0;
  }

  /**
   * ArrayBuffer bytes still alive above the stage's start. Collected in a few later jobs, least taken:
   * freeing can lag a collection (sweeping runs in the background), a real reference never goes away.
   */
  async held(): Promise<number> {
    let least = Infinity;
    for (let i = 0; i < 5 && least >= MiB; i++) {
      await new Promise((r) => setTimeout(r, 10));
      least = Math.min(least, this.live());
    }
    return least;
  }

  override read(t: TensorProto): Uint8Array {
    const { location, offset, length = 0 } = externalInfo(t);
    if (location !== this.location) {
      const key = `${location}@${offset}`;
      this.reads.set(key, (this.reads.get(key) ?? 0) + 1);
    }
    this.peak = Math.max(this.peak, this.live() + length);
    return super.read(t);
  }

  override spill(t: TensorProto, raw: Uint8Array): void {
    this.peak = Math.max(this.peak, this.live());
    super.spill(t, raw);
  }
}

interface Fixture {
  dir: string;
  file: string;
  /** Location@offset of each weight in the data file, by initializer name. */
  keyOf: Map<string, string>;
}

function writeFixture(): Fixture {
  const dir = mkdtempSync(path.join(tmpdir(), 'onnx-diet-stream-'));
  const file = path.join(dir, 'stack.onnx');
  saveModel(streamModel(), file, { externalData: true });
  const keyOf = new Map<string, string>();
  for (const t of loadModel(file).model.graph!.initializer) {
    const { location, offset } = externalInfo(t);
    keyOf.set(t.name!, `${location}@${offset}`);
  }
  return { dir, file, keyOf };
}

function open(fx: Fixture): { model: ModelProto; reader: CountingReader; ctx: StageContext; close: () => void } {
  const loaded = loadModel(fx.file);
  loaded.external.close();
  const scratch = mkdtempSync(path.join(fx.dir, 'scratch-'));
  const reader = new CountingReader(fx.file, scratch);
  reader.startStage();
  return { model: loaded.model, reader, ctx: { external: reader, tmpDir: scratch, log: () => {} }, close: () => reader.close() };
}

/** Inline tensors of at least SPILL_MIN_BYTES (what a streamed run must not hold in memory). */
function bigInline(m: ModelProto): string[] {
  const names: string[] = [];
  forEachTensor(m, (t) => { if (!isExternal(t) && tensorBytes(t).length >= SPILL_MIN_BYTES) names.push(t.name ?? ''); });
  return names;
}

test('loading reads no weight; prune reads none either', async () => {
  const fx = writeFixture();
  try {
    const { model: m, reader, ctx, close } = open(fx);
    await createStage('prune').run(m, ctx);
    assert.equal(reader.reads.size, 0);
    close();
  } finally {
    rmSync(fx.dir, { recursive: true, force: true });
  }
});

test('dedup reads each weight once, a copy twice, a tied pair twice, and keeps none of them', async () => {
  const fx = writeFixture();
  try {
    const { model: m, reader, ctx, close } = open(fx);
    const { details } = await createStage('dedup').run(m, ctx);
    assert.equal(details.merged, 2);
    assert.equal(details.transposedTies, 1);
    const twice = new Set(['w2', 'w6', 'w5', 'w9', 'w0', 'w7'].map((n) => fx.keyOf.get(n)));
    for (const [name, key] of fx.keyOf) assert.equal(reader.reads.get(key), twice.has(key) ? 2 : 1, `reads of ${name}`);
    // A copy against the first of its class, a tie's two sides: two payloads at once (three allows for
    // a dead local the interpreter has not overwritten yet), of the ten.
    assert.ok(reader.peak <= 3 * WEIGHT + MiB, `dedup held ${(reader.peak / MiB).toFixed(1)} MiB at once`);
    assert.ok(await reader.held() < MiB);
    close();
  } finally {
    rmSync(fx.dir, { recursive: true, force: true });
  }
});

/** Nodes and every tensor's name, type, dims and payload of a saved model (data file name aside). */
function snapshot(file: string): unknown {
  const loaded = loadModel(file);
  const tensors: unknown[] = [];
  forEachTensor(loaded.model, (t) => { tensors.push([t.name, t.dataType, t.dims, Buffer.from(tensorBytes(t, loaded.external)).toString('base64')]); });
  loaded.external.close();
  const nodes = JSON.stringify(loaded.model.graph!.node, (_, v: unknown) => (typeof v === 'bigint' ? String(v) : v));
  return { nodes, tensors };
}

/** Runs `stages` streamed (counting) and in memory; both saved results must hold the same bytes. */
async function streamedEqualsInMemory(stages: string[], perStageMaxReads: number): Promise<void> {
  const fx = writeFixture();
  try {
    const { model: m, reader, ctx, close } = open(fx);
    let current = m;
    for (const spec of stages) {
      reader.startStage();
      current = (await createStage(spec).run(current, ctx)).model;
      for (const [key, n] of reader.reads) assert.ok(n <= perStageMaxReads, `${spec} read ${key} ${n} times`);
      // The payload being worked on and its float copy or transpose, never the model's 20 MiB.
      assert.ok(reader.peak <= 3 * WEIGHT + MiB, `${spec} held ${(reader.peak / MiB).toFixed(1)} MiB at once`);
      const held = await reader.held();
      assert.ok(held < MiB, `${spec} kept ${(held / MiB).toFixed(1)} MiB of payloads`);
      assert.deepEqual(bigInline(current), [], `${spec} left big new tensors in memory`);
    }
    assert.ok(reader.spilledTensors > 0);
    const streamed = path.join(fx.dir, 'streamed.onnx');
    saveModel(current, streamed, { externalData: true, source: reader });
    close();

    // The same stages on the same model with every payload in memory.
    const loaded = loadModel(fx.file);
    forEachTensor(loaded.model, (t) => { if (isExternal(t)) Object.assign(t, { rawData: tensorBytes(t, loaded.external), externalData: [], dataLocation: undefined }); });
    loaded.external.close();
    let inMemory = loaded.model;
    for (const spec of stages) inMemory = (await createStage(spec).run(inMemory, { tmpDir: fx.dir, log: () => {} })).model;
    const plain = path.join(fx.dir, 'plain.onnx');
    saveModel(inMemory, plain, { externalData: true });

    assert.deepEqual(snapshot(streamed), snapshot(plain));
    assert.deepEqual(readFileSync(`${streamed}.data`), readFileSync(`${plain}.data`));
  } finally {
    rmSync(fx.dir, { recursive: true, force: true });
  }
}

test('dedup then quantize-int4 streamed: bounded reads, nothing kept, new tensors in scratch, same bytes', async () => {
  await streamedEqualsInMemory(['dedup', 'quantize-int4'], 2);
});

test('quantize-int8 streamed: bounded reads, nothing kept, same bytes', async () => {
  // Read to check it is finite, to quantize it, and once more to confirm that a later copy (w6 of w2)
  // is identical: the content cache re-reads a weight on disk instead of keeping it.
  await streamedEqualsInMemory(['quantize-int8'], 3);
});

test('fp16 streamed: each weight read once, nothing kept, same bytes', async () => {
  await streamedEqualsInMemory(['fp16'], 1);
});

test('an inline save of an external-data model reads each weight once and sizes it without reading', () => {
  const fx = writeFixture();
  try {
    const { model: m, reader, close } = open(fx);
    const out = path.join(fx.dir, 'inline.onnx');
    saveModel(m, out, { externalData: 'auto', source: reader });
    for (const [name, key] of fx.keyOf) assert.equal(reader.reads.get(key), 1, `reads of ${name}`);
    close();
    const plain = path.join(fx.dir, 'plain.onnx');
    saveModel(streamModel(), plain, { externalData: false });
    assert.deepEqual(readFileSync(out), readFileSync(plain));
  } finally {
    rmSync(fx.dir, { recursive: true, force: true });
  }
});
