/**
 * `fuse` on GPT-2-style decoder steps with a key/value cache (test/fixtures/fuse/*gpt2-past*.onnx, torch
 * 1.13 and 2.15 exports made by make_models.py / make_torch2_models.py: past_key_i / past_value_i in, present_key_i / present_value_i
 * out): each attention becomes MatMul → Split → MultiHeadAttention with past and present, and
 * onnxruntime gives every output — hidden state and all presents — as the unfused model does, for a
 * prompt (past length 0), a few tokens after a past, and a one-token step, with left padding.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import { encodeModel } from '../src/onnx/codec.js';
import { attr } from '../src/onnx/graph.js';
import { loadModel } from '../src/onnx/model-io.js';
import { validateModel } from '../src/onnx/validate.js';
import { createStage } from '../src/stages/registry.js';
import { fuseModel, parseFuseOptions } from '../src/stages/fuse.js';
import { cosine, FIXTURES } from './helpers/fixture-parity.js';
import { float32Values, runOrt, type Feeds } from './helpers/ort-run.js';

const DIR = path.join(FIXTURES, 'fuse');
const HEADS = 4, HEAD = 8, LAYERS = 2, B = 2;

/** Ids for `s` new tokens after `p` cached ones; row 1 is left-padded by 2 over the whole window. */
function feeds(withMask: boolean, s: number, p: number): Feeds {
  let seed = 11;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1;
  const f: Feeds = { input_ids: new ort.Tensor('int64', BigInt64Array.from({ length: B * s }, (_, i) => BigInt((i * 37 + 5) % 100)), [B, s]) };
  if (withMask) {
    const t = p + s;
    f.attention_mask = new ort.Tensor('int64', BigInt64Array.from({ length: B * t }, (_, i) => (Math.floor(i / t) === 1 && i % t < 2 ? 0n : 1n)), [B, t]);
  }
  for (let l = 0; l < LAYERS; l++) {
    for (const kind of ['key', 'value']) f[`past_${kind}_${l}`] = new ort.Tensor('float32', Float32Array.from({ length: B * HEADS * p * HEAD }, rand), [B, HEADS, p, HEAD]);
  }
  return f;
}

async function allOutputs(bytes: Uint8Array, f: Feeds): Promise<Record<string, Float32Array>> {
  const out = await runOrt(bytes, f);
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, float32Values(v)]));
}

function assertSame(a: Record<string, Float32Array>, b: Record<string, Float32Array>, what: string): void {
  assert.deepEqual(Object.keys(b).sort(), Object.keys(a).sort(), what);
  for (const [name, x] of Object.entries(a)) {
    const y = b[name]!;
    assert.equal(y.length, x.length, `${what} ${name}: length`);
    let maxAbs = 0;
    for (let i = 0; i < x.length; i++) maxAbs = Math.max(maxAbs, Math.abs(x[i]! - y[i]!));
    const cos = cosine(x, y);
    assert.ok(cos >= 0.99999 && maxAbs < 1e-4, `${what} ${name}: cosine ${cos}, max abs ${maxAbs}`);
  }
}

// t2-*: the same decoder exported by torch 2.15's TorchScript exporter (make_torch2_models.py); hf-*: transformers
// 4.30's GPT2Model with use_cache over torch 1.13 (make_hf_models.py).
for (const [file, withMask] of [['gpt2-past-tiny.onnx', true], ['gpt2-past-nomask-tiny.onnx', false], ['t2-gpt2-past-tiny.onnx', true], ['hf-gpt2-past-tiny.onnx', true]] as const) {
  test(`fuse: ${file} — MultiHeadAttention with past/present, every output as unfused for prompt, continuation and one-token steps`, async () => {
    const before = encodeModel(loadModel(path.join(DIR, file)).model);
    const { model, details } = fuseModel(loadModel(path.join(DIR, file)).model, parseFuseOptions({}));
    validateModel(model);
    const after = encodeModel(model);
    assert.ok(after.length <= before.length, `model grew: ${before.length} → ${after.length}`);
    assert.deepEqual(details.fused, { MultiHeadAttention: 2, FastGelu: 2 });
    const mha = model.graph!.node.filter((n) => n.opType === 'MultiHeadAttention');
    assert.equal(mha.length, 2);
    mha.forEach((n, l) => {
      assert.equal(attr(n, 'num_heads')?.i, BigInt(HEADS));
      assert.equal(attr(n, 'unidirectional')?.i, 1n);
      assert.deepEqual([n.input[6], n.input[7]], [`past_key_${l}`, `past_value_${l}`]);
      assert.deepEqual(n.output.slice(1), [`present_key_${l}`, `present_value_${l}`]);
      assert.equal(Boolean(n.input[5]), withMask, 'the padding mask goes in as attention_bias');
    });
    assert.equal(model.graph!.node.filter((n) => n.opType === 'Softmax' || n.opType === 'Concat' && n.output.some((o) => o.startsWith('present'))).length, 0);
    for (const [s, p] of [[4, 0], [3, 5], [1, 7]] as const) {
      const f = feeds(withMask, s, p);
      assertSame(await allOutputs(before, f), await allOutputs(after, f), `${file} s=${s} past=${p}`);
    }
  });
}

test('fuse → quantize-int4: the cached attention\'s packed projection becomes MatMulNBits', async () => {
  const file = path.join(DIR, 'gpt2-past-tiny.onnx');
  const fused = fuseModel(loadModel(file).model, parseFuseOptions({})).model;
  const out = await createStage('quantize-int4').run(fused, { tmpDir: tmpdir(), log: () => {} });
  validateModel(out.model);
  const q = out.model.graph!.node;
  assert.equal(q.filter((n) => n.opType === 'MultiHeadAttention').length, 2);
  // 2 layers × (packed QKV, output projection, 2 FFN MatMuls), none left in float.
  assert.equal(q.filter((n) => n.opType === 'MatMulNBits').length, 8);
  assert.equal(q.filter((n) => n.opType === 'MatMul').length, 0);
  const f = feeds(true, 3, 5);
  const [ref, got] = [await allOutputs(encodeModel(loadModel(file).model), f), await allOutputs(encodeModel(out.model), f)];
  for (const name of Object.keys(ref)) assert.ok(cosine(got[name]!, ref[name]!) >= 0.98, `${name}: cosine ${cosine(got[name]!, ref[name]!)}`);
});

test('fuse → quantize-int8: the cached attention\'s packed projection is quantized, presents stay close to fp32', async () => {
  const file = path.join(DIR, 'gpt2-past-tiny.onnx');
  const before = encodeModel(loadModel(file).model);
  const fused = fuseModel(loadModel(file).model, parseFuseOptions({})).model;
  const out = await createStage('quantize-int8').run(fused, { tmpDir: tmpdir(), log: () => {} });
  validateModel(out.model);
  const q = out.model.graph!.node;
  assert.equal(q.filter((n) => n.opType === 'MultiHeadAttention').length, 2);
  assert.equal(q.filter((n) => n.opType === 'MatMul' && n.name?.includes('qkv')).length, 0, 'the packed QKV MatMul is quantized');
  // Against the unfused model quantized the same way: every output as close to fp32 as there.
  const plain = await createStage('quantize-int8').run(loadModel(file).model, { tmpDir: tmpdir(), log: () => {} });
  const f = feeds(true, 3, 5);
  const ref = await allOutputs(before, f);
  const [ours, theirs] = [await allOutputs(encodeModel(out.model), f), await allOutputs(encodeModel(plain.model), f)];
  for (const name of Object.keys(ref)) {
    const [a, b] = [cosine(ours[name]!, ref[name]!), cosine(theirs[name]!, ref[name]!)];
    assert.ok(a >= 0.99 && a >= b - 0.002, `${name}: fused int8 cosine ${a}, unfused int8 ${b}`);
  }
});

test('fuse: a cache whose causal rows are not sliced at key_length - query_length stays unfused, with the reason', () => {
  const m = loadModel(path.join(DIR, 'gpt2-past-tiny.onnx')).model;
  // Slice the causal rows from key_length - key_length (= 0) instead: a different mask once past > 0.
  for (const n of m.graph!.node.filter((x) => x.opType === 'Sub' && x.name?.endsWith('/Sub'))) n.input[1] = n.input[0]!;
  const { details } = fuseModel(m, parseFuseOptions({}));
  assert.equal((details.fused as Record<string, number>).MultiHeadAttention, undefined);
  const left = (details.leftAlone as { fusion: string; reason: string }[]).filter((l) => l.fusion === 'Attention');
  assert.equal(left.length, 2);
  assert.match(left[0]!.reason, /key_length - query_length/);
});
