/**
 * Lossy-stage checks on the exported fixtures: run the original and the transformed model in the real
 * onnxruntime-node on the fixture's stored inputs and compare the first output by cosine similarity.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { encodeModel } from '../../src/onnx/codec.js';
import { loadModel } from '../../src/onnx/model-io.js';
import type { ModelProto } from '../../src/onnx/types.js';
import type { Stage } from '../../src/stages/stage.js';
import { readTestInputs, runOrt, type RawOutput } from './ort-run.js';

export const FIXTURES = path.resolve(import.meta.dirname, '..', 'fixtures');

export function floatsOf(out: RawOutput): Float64Array {
  if (out.type === 'float32') return Float64Array.from(new Float32Array(out.bytes.slice().buffer));
  throw new Error(`output of type ${out.type}, expected float32`);
}

export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0, na = 0, nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return dot / Math.sqrt(na * nb);
}

export interface FixtureRun {
  model: ModelProto;
  details: Record<string, unknown>;
  bytesBefore: number;
  bytesAfter: number;
  /** Cosine of the first output, one per test_data_set. */
  cosines: number[];
}

/** Applies `stage` to fixture `file` (e.g. 'gpt-tiny.onnx') and compares with the original in ORT. */
export async function runStageOnFixture(stage: Stage, file: string, tmpDir: string): Promise<FixtureRun> {
  const original = loadModel(path.join(FIXTURES, file));
  const work = loadModel(path.join(FIXTURES, file));
  const { model, details } = await stage.run(work.model, { tmpDir, log: () => {}, external: work.external });
  const bytes = encodeModel(model);
  const dataDir = path.join(FIXTURES, `${file.replace(/(\.shared)?\.onnx$/, '')}.data`);
  const names = original.model.graph!.input.map((i) => i.name ?? '');
  const cosines: number[] = [];
  for (const set of readdirSync(dataDir).filter((d) => d.startsWith('test_data_set_')).sort()) {
    const feeds = readTestInputs(path.join(dataDir, set), names);
    const want = await runOrt(original.path, feeds); // onnxruntime reads the untouched original itself
    const got = await runOrt(bytes, feeds);
    const first = Object.keys(want)[0]!;
    cosines.push(cosine(floatsOf(want[first]!), floatsOf(got[first]!)));
  }
  return { model, details, bytesBefore: original.fileBytes, bytesAfter: bytes.length, cosines };
}

