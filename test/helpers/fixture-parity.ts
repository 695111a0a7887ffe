/**
 * Lossy-stage checks on the exported fixtures: run the original and the transformed model in the real
 * onnxruntime-node on the fixture's stored inputs and compare the first output by cosine similarity.
 */
import path from 'node:path';
import { encodeModel } from '../../src/onnx/codec.js';
import { loadModel } from '../../src/onnx/model-io.js';
import type { ModelProto } from '../../src/onnx/types.js';
import { runStages } from '../../src/stages/run-stages.js';
import type { Stage, StageContext } from '../../src/stages/stage.js';
import { float32Values, runOrt, testInputSets } from './ort-run.js';

export const FIXTURES = path.resolve(import.meta.dirname, '..', 'fixtures');

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

/** The test-data folder of fixture `file`: albert-tiny.shared.onnx shares albert-tiny.data. */
export const fixtureDataDir = (file: string) => path.join(FIXTURES, `${file.replace(/(\.shared)?\.onnx$/, '')}.data`);

/** Applies `stage` to fixture `file` (e.g. 'gpt-tiny.onnx') and compares with the original in ORT. */
export async function runStageOnFixture(stage: Stage, file: string, tmpDir: string, calibrate?: StageContext['calibrate']): Promise<FixtureRun> {
  const original = path.join(FIXTURES, file);
  const work = loadModel(original);
  // Read before the stage runs: it changes the model in place.
  const feedSets = testInputSets(fixtureDataDir(file), work.model.graph!);
  // Through runStages with the stage contract checked (src/stages/contract.ts): valid output, honest `modified`.
  const { model, results } = await runStages(work.model, [stage], { tmpDir, log: () => {}, external: work.external, ...(calibrate ? { calibrate } : {}) }, { checkContract: true });
  const details = results[0]!.details;
  const bytes = encodeModel(model);
  const cosines: number[] = [];
  for (const feeds of feedSets) {
    const want = await runOrt(original, feeds); // onnxruntime reads the untouched original itself
    const got = await runOrt(bytes, feeds);
    const first = Object.keys(want)[0]!;
    cosines.push(cosine(float32Values(want[first]!), float32Values(got[first]!)));
  }
  return { model, details, bytesBefore: work.fileBytes, bytesAfter: bytes.length, cosines };
}
