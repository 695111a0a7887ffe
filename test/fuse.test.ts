/**
 * `fuse` on torch-1.13 and torch-2.15 exports of tiny BERT / DistilBERT / GPT-2 style models
 * (test/fixtures/fuse, made by make_models.py, make_hf_models.py and make_torch2_models.py there): onnxruntime-node runs the fused model with the outputs of the unfused
 * one (padding masks included), its own optimized graph (level all) holds the com.microsoft ops, the
 * model does not grow; fuse → quantize-int8 / quantize-int4 put the attention projections on
 * DynamicQuantizeMatMul / MatMulNBits; a variant the stage does not recognise stays, with its reason.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import { decodeModel, encodeModel } from '../src/onnx/codec.js';
import { forEachGraph, attr } from '../src/onnx/graph.js';
import { loadModel } from '../src/onnx/model-io.js';
import type { ModelProto } from '../src/onnx/types.js';
import { createStage } from '../src/stages/registry.js';
import { fuseModel, parseFuseOptions } from '../src/stages/fuse.js';
import { validateModel } from '../src/onnx/validate.js';
import { cosine, FIXTURES } from './helpers/fixture-parity.js';
import { float32Values, runOrt, type Feeds } from './helpers/ort-run.js';

const DIR = path.join(FIXTURES, 'fuse');

function load(file: string): ModelProto {
  return loadModel(path.join(DIR, file)).model;
}

/** Token ids, a mask with right padding in row 0 and left padding in row 1, token types: [2, 12]. */
function feedsFor(m: ModelProto): Feeds {
  const B = 2, S = 12;
  const feeds: Feeds = {};
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  for (const input of m.graph!.input) {
    const data = new BigInt64Array(B * S);
    if (input.name === 'input_ids') data.forEach((_, i) => { data[i] = BigInt(next() % 100); });
    else if (input.name === 'attention_mask') data.forEach((_, i) => { const s = i % S, b = Math.floor(i / S); data[i] = (b === 0 ? s < 8 : s >= 2) ? 1n : 0n; });
    else data.forEach((_, i) => { data[i] = BigInt(next() % 2); });
    feeds[input.name!] = new ort.Tensor('int64', data, [B, S]);
  }
  return feeds;
}

async function compare(a: Uint8Array, b: Uint8Array, feeds: Feeds): Promise<{ cosine: number; maxAbs: number }> {
  const [ra, rb] = [await runOrt(a, feeds), await runOrt(b, feeds)];
  const name = Object.keys(ra)[0]!;
  const x = float32Values(ra[name]!);
  const y = float32Values(rb[name]!);
  let maxAbs = 0;
  for (let i = 0; i < x.length; i++) maxAbs = Math.max(maxAbs, Math.abs(x[i]! - y[i]!));
  return { cosine: cosine(x, y), maxAbs };
}

/** "domain:Op" counts of the graph onnxruntime saves after optimizing at level all. */
async function optimizedOps(bytes: Uint8Array): Promise<Record<string, number>> {
  const dir = mkdtempSync(path.join(tmpdir(), 'fuse-'));
  try {
    const file = path.join(dir, 'opt.onnx');
    const s = await ort.InferenceSession.create(bytes, { optimizedModelFilePath: file, graphOptimizationLevel: 'all', intraOpNumThreads: 1 });
    await s.release();
    const ops: Record<string, number> = {};
    forEachGraph(decodeModel(readFileSync(file)), ({ graph: g }) => {
      for (const n of g.node) { const k = `${n.domain || ''}:${n.opType}`; ops[k] = (ops[k] ?? 0) + 1; }
    });
    return ops;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// heads: what the stage must read off the graph. hf-*: transformers 4.30 models over torch 1.13 (make_hf_models.py).
const CASES = [
  { file: 'bert-tiny.onnx', gelu: 'BiasGelu', causal: false, mask: true, heads: 4 },
  { file: 'bert-opset14-tiny.onnx', gelu: 'BiasGelu', causal: false, mask: true, heads: 4, layerNorms: 5 },
  { file: 'bert-nomask-tiny.onnx', gelu: 'BiasGelu', causal: false, mask: false, heads: 4 },
  { file: 'distilbert-tiny.onnx', gelu: 'BiasGelu', causal: false, mask: true, heads: 2 },
  { file: 'gpt2-tiny.onnx', gelu: 'FastGelu', causal: true, mask: true, heads: 4 },
  { file: 'gpt2-nomask-tiny.onnx', gelu: 'FastGelu', causal: true, mask: false, heads: 4 },
  // The causal mask as an added Trilu(ConstantOfShape([s, s], -inf)) (nn.Transformer's square subsequent mask).
  { file: 'gpt2-triu-tiny.onnx', gelu: 'FastGelu', causal: true, mask: false, heads: 4 },
  { file: 'hf-bert-tiny.onnx', gelu: 'BiasGelu', causal: false, mask: true, heads: 4 },
  { file: 'hf-roberta-tiny.onnx', gelu: 'BiasGelu', causal: false, mask: true, heads: 4 },
  { file: 'hf-albert-tiny.onnx', gelu: 'FastGelu', causal: false, mask: true, heads: 4 },
  { file: 'hf-distilbert-tiny.onnx', gelu: 'BiasGelu', causal: false, mask: true, heads: 4 },
  { file: 'hf-gpt2-tiny.onnx', gelu: 'FastGelu', causal: true, mask: true, heads: 4 },
  // torch 2.15 (PyPI), make_torch2_models.py: t2-* by the TorchScript exporter (dynamo=False), dyn-* by torch.export.
  { file: 't2-bert-tiny.onnx', gelu: 'BiasGelu', causal: false, mask: true, heads: 4 },
  { file: 't2-distilbert-tiny.onnx', gelu: 'BiasGelu', causal: false, mask: true, heads: 2 },
  { file: 't2-gpt2-tiny.onnx', gelu: 'FastGelu', causal: true, mask: true, heads: 4 },
  { file: 'dyn-bert-tiny.onnx', gelu: 'BiasGelu', causal: false, mask: true, heads: 4 },
  { file: 'dyn-gpt2-tiny.onnx', gelu: 'FastGelu', causal: true, mask: true, heads: 4 },
];

for (const c of CASES) {
  test(`fuse: ${c.file} — Attention and ${c.gelu}, same outputs in onnxruntime, fused ops survive ORT's optimizer`, async () => {
    const original = load(c.file);
    const before = encodeModel(original);
    const { model, details } = fuseModel(load(c.file), parseFuseOptions({}));
    validateModel(model);
    const after = encodeModel(model);
    assert.ok(after.length <= before.length, `model grew: ${before.length} → ${after.length}`);
    assert.deepEqual(details.fused, { Attention: 2, [c.gelu]: 2, ...('layerNorms' in c ? { LayerNormalization: c.layerNorms } : {}) });
    assert.deepEqual((details.leftAlone as unknown[]).filter((l) => (l as { fusion: string }).fusion === 'Attention'), []);
    const attention = model.graph!.node.filter((n) => n.opType === 'Attention');
    assert.equal(attention.length, 2);
    for (const n of attention) {
      assert.equal(n.domain, 'com.microsoft');
      assert.equal(attr(n, 'num_heads')?.i, BigInt(c.heads), 'heads read off the graph');
      assert.equal(Number(attr(n, 'unidirectional')?.i ?? 0n), c.causal ? 1 : 0);
      assert.equal(n.input.filter(Boolean).length, c.mask ? 4 : 3, 'mask carried over when the export has one');
    }
    assert.equal(model.graph!.node.filter((n) => n.opType === 'Softmax').length, 0);
    const { cosine: cos, maxAbs } = await compare(before, after, feedsFor(original));
    assert.ok(cos >= 0.99999, `cosine ${cos}`);
    assert.ok(maxAbs < 1e-4, `max abs ${maxAbs}`);
    const ops = await optimizedOps(after);
    assert.equal(ops['com.microsoft:Attention'], 2, JSON.stringify(ops));
    assert.equal(ops['com.microsoft:' + c.gelu], 2, JSON.stringify(ops));
    assert.equal(ops[':Softmax'] ?? 0, 0);
    assert.equal(ops[':Transpose'] ?? 0, 0, 'no head split / merge Transposes left');
  });
}

test('fuse: skip-layernorm and embed-layernorm options add SkipLayerNormalization (bias folded) and EmbedLayerNormalization', async () => {
  for (const file of ['bert-tiny.onnx', 'gpt2-tiny.onnx']) {
    const original = load(file);
    const { model, details } = fuseModel(load(file), parseFuseOptions({ 'skip-layernorm': true, 'embed-layernorm': 'true' }));
    validateModel(model);
    const fused = details.fused as Record<string, number>;
    assert.equal(fused.EmbedLayerNormalization, 1, file);
    // BERT: 2 per layer (after attention, after the FFN); GPT-2 (pre-LN): ln2 and the next block's ln1 / ln_f.
    assert.equal(fused.SkipLayerNormalization, 4, file);
    const skips = model.graph!.node.filter((n) => n.opType === 'SkipLayerNormalization');
    assert.ok(skips.every((n) => n.input.length === 5), 'the Linear bias moves into SkipLayerNormalization');
    if (file.startsWith('gpt2')) assert.ok(skips.some((n) => n.output[3]), 'the residual sum is read on: output 3');
    const { cosine: cos, maxAbs } = await compare(encodeModel(original), encodeModel(model), feedsFor(original));
    assert.ok(cos >= 0.99999 && maxAbs < 1e-4, `${file}: cosine ${cos}, max abs ${maxAbs}`);
  }
});

test('fuse → quantize-int8 / quantize-int4: the packed projection becomes DynamicQuantizeMatMul / MatMulNBits feeding MultiHeadAttention', async () => {
  for (const file of ['bert-tiny.onnx', 'gpt2-tiny.onnx', 'hf-gpt2-tiny.onnx']) {
    const original = encodeModel(load(file));
    const feeds = feedsFor(load(file));
    // int8's floor: onnxruntime's u8s8 kernel on AVX2 without VNNI gives 0.9971 on bert-tiny fused and
    // unfused alike (0.999+ with VNNI); the fused-vs-unfused check below is the one about fusion.
    for (const [spec, op, minCos] of [['quantize-int8', 'com.microsoft:DynamicQuantizeMatMul', 0.995], ['quantize-int4', 'com.microsoft:MatMulNBits', 0.99]] as const) {
      let m = fuseModel(load(file), parseFuseOptions({})).model;
      const out = await createStage(spec).run(m, { tmpDir: tmpdir(), log: () => {} });
      m = out.model;
      validateModel(m);
      assert.equal(out.details.attentionSplit, 2, `${file} ${spec}`);
      const bytes = encodeModel(m);
      const ops = await optimizedOps(bytes);
      // 2 layers × (packed QKV, output projection, 2 FFN MatMuls).
      assert.equal(ops[op], 8, `${file} ${spec}: ${JSON.stringify(ops)}`);
      assert.equal(ops['com.microsoft:MultiHeadAttention'], 2);
      assert.equal(ops[':MatMul'] ?? 0, 0, 'no float projection left');
      // int8: BiasGelu is split so onnxruntime folds the bias into the int8 MatMul (quant/bias-gelu.ts).
      if (spec === 'quantize-int8' && file.startsWith('bert')) assert.ok(ops['com.microsoft:Gelu'] === 2 && !ops['com.microsoft:BiasGelu'], JSON.stringify(ops));
      // Against the unfused model quantized the same way: as close to fp32 as it is.
      const plain = await createStage(spec).run(load(file), { tmpDir: tmpdir(), log: () => {} });
      const fusedCos = (await compare(original, bytes, feeds)).cosine;
      const plainCos = (await compare(original, encodeModel(plain.model), feeds)).cosine;
      assert.ok(fusedCos >= minCos, `${file} ${spec}: fused cosine ${fusedCos} (unfused ${plainCos})`);
      assert.ok(fusedCos >= plainCos - 0.002, `${file} ${spec}: fused ${fusedCos} vs unfused ${plainCos}`);
    }
  }
});

test('fuse: an additive mask that is not (1 - mask) · large negative goes in as attention_bias, same outputs', async () => {
  // The fill becomes -1: no mask_filter_value expresses it, so the [b,1,1,s] mask is added as is.
  const m = load('bert-tiny.onnx');
  const fill = m.graph!.node.find((n) => n.opType === 'Constant' && n.output[0] === '/Constant_8_output_0')!;
  fill.attribute[0]!.t!.rawData = new Uint8Array(Float32Array.of(-1).buffer);
  const before = encodeModel(m);
  const { model, details } = fuseModel(decodeModel(before), parseFuseOptions({}));
  assert.equal((details.fused as Record<string, number>).Attention, 2);
  const attention = model.graph!.node.filter((n) => n.opType === 'Attention');
  assert.ok(attention.every((n) => n.input.length === 6 && n.input[3] === '' && n.input[5]), 'attention_bias, no mask_index');
  const { cosine: cos, maxAbs } = await compare(before, encodeModel(model), feedsFor(m));
  assert.ok(cos >= 0.99999 && maxAbs < 1e-4, `cosine ${cos}, max abs ${maxAbs}`);
});

test('fuse: an attention the patterns do not recognise stays as it was, listed with the reason', async () => {
  // Softmax over the query axis instead of the keys: not attention as the fused op computes it.
  const m = load('bert-tiny.onnx');
  for (const n of m.graph!.node.filter((x) => x.opType === 'Softmax')) attr(n, 'axis')!.i = 2n;
  const before = encodeModel(m);
  const { model, details } = fuseModel(decodeModel(before), parseFuseOptions({}));
  assert.equal((details.fused as Record<string, number>).Attention, undefined);
  const left = (details.leftAlone as { fusion: string; node: string; reason: string }[]).filter((l) => l.fusion === 'Attention');
  assert.deepEqual(left.map((l) => l.node), ['/layers.0/Softmax', '/layers.1/Softmax']);
  assert.match(left[0]!.reason, /no attention pattern/);
  assert.equal(model.graph!.node.filter((n) => n.opType === 'Softmax').length, 2);
  const { cosine: cos, maxAbs } = await compare(before, encodeModel(model), feedsFor(m));
  assert.ok(cos >= 0.99999 && maxAbs < 1e-4, `cosine ${cos}`);
});

test('fuse: options are checked, a model without transformer blocks is returned unchanged', () => {
  assert.throws(() => parseFuseOptions({ heads: 12 }), /fuse: unknown option 'heads'/);
  assert.throws(() => parseFuseOptions({ 'embed-layernorm': 'yes' }), /must be true or false/);
  const m = loadModel(path.join(FIXTURES, 'cnn-tiny.onnx')).model;
  const before = encodeModel(m);
  const { details } = fuseModel(m, parseFuseOptions({}));
  assert.equal(details.fusedOps, 0);
  assert.deepEqual(encodeModel(m), before);
});
