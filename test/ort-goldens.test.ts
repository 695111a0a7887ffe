/**
 * onnxruntime itself is the golden source: test/fixtures/goldens holds what onnxruntime 1.30's
 * quantize_dynamic and MatMulNBitsQuantizer (default RTN) wrote for two MatMuls with trained weights
 * (slices of all-MiniLM-L6-v2's layer 0), made by scripts/fixtures/ort_goldens.py. Our stages run on the
 * same model with the same options and must write the same tensors, byte for byte: the int8 codes, scales
 * and zero points, and MatMulNBits' packed 4-bit blocks, scales and zero points. A restatement of ORT's
 * numerics in numpy (quant-numerics.test.ts) cannot catch a misreading both share; this can.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseNpz } from '../src/check/npz.js';
import { loadModel } from '../src/onnx/model-io.js';
import { tensorBytes } from '../src/onnx/tensor.js';
import { createStage, type StageSpec } from '../src/stages/registry.js';
import type { StageOptions } from '../src/stages/stage.js';
import { FIXTURES } from './helpers/fixture-parity.js';

const DIR = path.join(FIXTURES, 'goldens');
const tmp = mkdtempSync(path.join(tmpdir(), 'ort-goldens-'));

interface GoldenCase { name: string; stage: string; options: StageOptions; tensors: string[] }
const spec = JSON.parse(readFileSync(path.join(DIR, 'ort-goldens.json'), 'utf8')) as { onnxruntime: string; model: string; cases: GoldenCase[] };
const npzFile = path.join(DIR, 'ort-goldens.npz');
const golden = new Map(parseNpz(readFileSync(npzFile), npzFile).map((t) => [t.name, t]));

/** Index of the first differing byte and a few values around it, for a readable failure. */
function firstDifference(want: Uint8Array, got: Uint8Array): string {
  const n = Math.min(want.length, got.length);
  let i = 0;
  while (i < n && want[i] === got[i]) i++;
  if (i === n && want.length === got.length) return '';
  const around = (b: Uint8Array) => [...b.subarray(Math.max(0, i - 2), i + 3)].join(',');
  return `byte ${i} of ${want.length} (ours ${got.length}): onnxruntime …${around(want)}…, ours …${around(got)}…`;
}

for (const c of spec.cases) {
  test(`${c.name}: ${c.stage} ${JSON.stringify(c.options)} writes onnxruntime ${spec.onnxruntime}'s tensors exactly`, async () => {
    const work = loadModel(path.join(DIR, spec.model));
    // onnxruntime's MatMulNBitsQuantizer default is round-to-nearest: ours is `method: rtn` (the default is mse).
    const options = c.stage === 'quantize-int4' ? { ...c.options, method: 'rtn' } : c.options;
    const stage = createStage({ [c.stage]: options } as StageSpec);
    const { model } = await stage.run(work.model, { tmpDir: tmp, log: () => {}, external: work.external });
    const ours = new Map(model.graph!.initializer.map((t) => [t.name!, t]));
    // Ours keeps one tensor per content (equal zero points of two weights are stored once, under the first
    // name); find a weight's zero point where MatMulInteger reads it (input 3) when its own name is absent.
    const zeroPointOf = (name: string) => {
      const q = name.replace(/_zero_point$/, '_quantized');
      const user = model.graph!.node.find((n) => n.opType === 'MatMulInteger' && n.input[1] === q);
      return user ? ours.get(user.input[3]!) : undefined;
    };
    const problems: string[] = [];
    for (const name of c.tensors) {
      const want = golden.get(`${c.name}/${name}`)!;
      const got = ours.get(name) ?? (name.endsWith('_zero_point') ? zeroPointOf(name) : undefined);
      if (!got) { problems.push(`${name}: missing (ours: ${[...ours.keys()].join(', ')})`); continue; }
      if (JSON.stringify([...got.dims]) !== JSON.stringify(want.dims)) { problems.push(`${name}: dims ${JSON.stringify(got.dims)} ≠ ${JSON.stringify(want.dims)}`); continue; }
      const diff = firstDifference(want.data as Uint8Array, tensorBytes(got, work.external));
      if (diff) problems.push(`${name}: ${diff}`);
    }
    // A symmetric MatMulNBits has no zero points in onnxruntime's output (the kernel assumes 8): ours neither.
    for (const name of ours.keys()) {
      if (/^w_.*(_quantized|_scale|_zero_point|_Q4|_scales|_zero_points)$/.test(name) && !c.tensors.includes(name)) problems.push(`${name}: ours only`);
    }
    assert.deepEqual(problems, []);
  });
}
