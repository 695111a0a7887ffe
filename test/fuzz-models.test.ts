/**
 * Hostile models (issue 6): thousands of seeded mutations of real models. Every case must either load
 * and compress, or fail with OnnxFormatError/UsageError (which the CLI turns into exit 2 and one line) —
 * never a TypeError, RangeError, stack overflow or hang. The cases take turns through every stage:
 * dedup,prune, int8 (every op it can take, tiny tensors too), int4 (with embeddings) and fp16. `FUZZ_CASES=50000 npm test -- test/fuzz-models.test.ts`
 * runs a larger campaign locally.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { decodeModel, encodeModel } from '../src/onnx/codec.js';
import { OnnxFormatError, UsageError } from '../src/onnx/errors.js';
import { validateModel } from '../src/onnx/validate.js';
import { createStage, type StageSpec } from '../src/stages/registry.js';
import { runStages } from '../src/stages/run-stages.js';
import { Rng, mutate, MUTATIONS } from './helpers/mutate.js';
import { backendModel } from './helpers/onnx-backend.js';

const SEEDS = [
  'test/fixtures/vad-if.onnx',
  'test/fixtures/cnn-tiny.onnx',
  'test/fixtures/gpt-tiny.onnx',
  'test/fixtures/fuse/bert-tiny.onnx',
  'test/fixtures/fuse/hf-gpt2-tiny.onnx',
  // From the repository's copy of the ONNX backend suite (test/helpers/onnx-backend.ts).
  ...['node/test_loop11', 'node/test_if_seq', 'node/test_constant', 'node/test_scan9_sum'].map(backendModel),
];

const CASES = Number(process.env.FUZZ_CASES ?? 5000);

const INT8_OPS = ['MatMul', 'Gemm', 'Gather', 'Conv'];
const STAGE_SETS: StageSpec[][] = [
  ['dedup', 'prune'],
  [{ 'quantize-int8': { ops: INT8_OPS, 'min-elements': 0 } }],
  [{ 'quantize-int8': { ops: INT8_OPS, 'min-elements': 0, 'per-channel': true, 'weight-type': 'uint8' } }],
  [{ 'quantize-int4': { 'block-size': 16, embeddings: 'int4' } }],
  [{ 'quantize-int4': { symmetric: false, embeddings: 'int8' } }],
  ['fp16'],
  [{ fp16: { 'keep-io-types': false } }],
  [{ fuse: { 'skip-layernorm': true, 'embed-layernorm': true } }, 'quantize-int8'],
  ['fuse', 'quantize-int4'],
];

async function attempt(bytes: Uint8Array, specs: StageSpec[]): Promise<'ok' | 'rejected'> {
  try {
    const model = decodeModel(bytes);
    validateModel(model);
    const stages = specs.map((s) => createStage(s));
    const { model: out } = await runStages(model, stages, { tmpDir: '/tmp', log: () => {} });
    const again = decodeModel(encodeModel(out));
    validateModel(again);
    return 'ok';
  } catch (e) {
    if (e instanceof OnnxFormatError || e instanceof UsageError) {
      assert.ok(!e.message.includes('\n'), `error message is one line: ${e.message}`);
      return 'rejected';
    }
    throw e;
  }
}

test(`${CASES} mutated models load-and-compress or fail with a clear format error`, async () => {
  const seeds = SEEDS.map((p) => readFileSync(p));
  const rng = new Rng(20261127);
  const counts = { ok: 0, rejected: 0 };
  const started = Date.now();
  let slowest = 0;
  for (let i = 0; i < CASES; i++) {
    const seed = seeds[i % seeds.length]!;
    const kind = MUTATIONS[i % MUTATIONS.length]!;
    const bytes = mutate(seed, rng, kind);
    const specs = STAGE_SETS[Math.floor(i / seeds.length) % STAGE_SETS.length]!;
    const t0 = Date.now();
    try {
      counts[await attempt(bytes, specs)]++;
    } catch (e) {
      assert.fail(`case ${i} (${kind} of ${SEEDS[i % SEEDS.length]}, stages ${JSON.stringify(specs)}) threw ${(e as Error).name}: ${(e as Error).message}`);
    }
    slowest = Math.max(slowest, Date.now() - t0);
  }
  // Both outcomes must occur, or the mutator is not reaching the code paths it is meant to.
  assert.ok(counts.ok > 0 && counts.rejected > 0, JSON.stringify(counts));
  console.log(`fuzz: ${CASES} cases, ${counts.ok} ok, ${counts.rejected} rejected, slowest ${slowest} ms, total ${Date.now() - started} ms`);
});

test('nesting subgraphs thousands deep is refused quickly', () => {
  // If → then_branch → If → … built as raw protobuf bytes, 3000 levels.
  const enc = (field: number, payload: Uint8Array) => {
    const len: number[] = [];
    let n = payload.length;
    while (n > 0x7f) { len.push((n & 0x7f) | 0x80); n >>>= 7; }
    len.push(n);
    const out = new Uint8Array(1 + len.length + payload.length);
    out[0] = (field << 3) | 2;
    out.set(len, 1);
    out.set(payload, 1 + len.length);
    return out;
  };
  let graph = new Uint8Array(0);
  for (let depth = 0; depth < 3000; depth++) {
    const attrG = enc(6, graph); // AttributeProto.g
    const attribute = enc(5, attrG); // NodeProto.attribute
    const node = enc(1, attribute); // GraphProto.node
    graph = node;
  }
  const model = enc(7, graph); // ModelProto.graph
  const t0 = Date.now();
  assert.throws(() => decodeModel(model), (e: unknown) => e instanceof OnnxFormatError && /nested deeper/.test((e as Error).message));
  assert.ok(Date.now() - t0 < 2000);
});
