// The stage contract (src/stages/stage.ts): every stage returns { model, modified, details }, leaves its
// input alone unless it declares inPlace, and hands on a model that passes the load checks. runStages
// checks it after every stage under npm test (test/helpers/check-stages.mjs); here it is asked for
// explicitly, so this file checks the same when run alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadModel } from '../src/onnx/model-io.js';
import { decodeModel, encodeModel } from '../src/onnx/codec.js';
import type { ModelProto } from '../src/onnx/types.js';
import { DataType } from '../src/onnx/dtype.js';
import { createStage, STAGES, type StageSpec } from '../src/stages/registry.js';
import { runStages } from '../src/stages/run-stages.js';
import type { Stage } from '../src/stages/stage.js';
import { floatTensor, graph, model as makeModel, node, valueInfo } from './helpers/builder.js';

const F = DataType.FLOAT;

/** y = Relu(x + w): a model every broken stage below starts from. */
function small(): ModelProto {
  return makeModel(graph({
    node: [node('Add', ['x', 'w'], ['s']), node('Relu', ['s'], ['y'])],
    input: [valueInfo('x', F, [2])],
    initializer: [floatTensor('w', [2], [1, 2])],
    output: [valueInfo('y', F, [2])],
  }));
}

const ctx = { tmpDir: tmpdir(), log: () => {} };
const checked = (stage: Stage, m = small()) => runStages(m, [stage], ctx, { checkContract: true });

test('runStages with the contract checked catches a stage whose output is broken, or that says what it did not do', async () => {
  const dangling: Stage = { name: 'dangling', inPlace: true, run: (m) => {
    m.graph!.node[1]!.input = ['nowhere'];
    return { model: m, modified: true, details: {} };
  } };
  await assert.rejects(checked(dangling), /stage dangling broke the stage contract .*reads 'nowhere', defined nowhere/);

  const cycle: Stage = { name: 'cycle', inPlace: true, run: (m) => {
    m.graph!.node[0]!.input = ['x', 'y']; // add reads relu's output, relu reads add's
    return { model: m, modified: true, details: {} };
  } };
  await assert.rejects(checked(cycle), /stage cycle broke the stage contract .*fails the load checks: .*cycle/);

  const twice: Stage = { name: 'twice', inPlace: true, run: (m) => {
    m.graph!.node[1]!.output = ['s'];
    return { model: m, modified: true, details: {} };
  } };
  await assert.rejects(checked(twice), /stage twice broke .*name 's' is defined twice/);

  const silent: Stage = { name: 'silent', inPlace: true, run: (m) => {
    m.graph!.node[1]!.opType = 'Sigmoid';
    return { model: m, modified: false, details: {} };
  } };
  await assert.rejects(checked(silent), /stage silent broke .*modified: false, but its output differs from its input/);

  const boast: Stage = { name: 'boast', run: (m) => ({ model: m, modified: true, details: {} }) };
  await assert.rejects(checked(boast), /stage boast broke .*modified: true, but its output is byte-identical to its input/);

  const sneaky: Stage = { name: 'sneaky', run: (m) => {
    m.graph!.node[1]!.opType = 'Sigmoid';
    return { model: m, modified: true, details: {} };
  } };
  await assert.rejects(checked(sneaky), /stage sneaky broke .*changed the model it was given without declaring inPlace: true/);

  const copyThenTouch: Stage = { name: 'copy-then-touch', run: (m) => {
    const out = decodeModel(encodeModel(m));
    out.graph!.node[1]!.opType = 'Sigmoid';
    m.docString = 'touched';
    return { model: out, modified: true, details: {} };
  } };
  await assert.rejects(checked(copyThenTouch), /stage copy-then-touch broke .*without declaring inPlace/);

  // The same stages, well behaved, pass: a copy changed, the input kept; in place, declared.
  const copy: Stage = { name: 'copy', run: (m) => {
    const out = decodeModel(encodeModel(m));
    out.graph!.node[1]!.opType = 'Sigmoid';
    return { model: out, modified: true, details: {} };
  } };
  const input = small();
  const { model: out } = await checked(copy, input);
  assert.deepEqual([input.graph!.node[1]!.opType, out.graph!.node[1]!.opType], ['Relu', 'Sigmoid']);
  await checked({ name: 'honest', inPlace: true, run: (m) => {
    m.graph!.node[1]!.opType = 'Sigmoid';
    return { model: m, modified: true, details: {} };
  } });
  await checked({ name: 'idle', run: (m) => ({ model: m, modified: false, details: {} }) });

  // A name the input already left undefined is not the stage's fault.
  const pre = small();
  pre.graph!.node[1]!.input = ['missing-before'];
  await checked({ name: 'idle', run: (m) => ({ model: m, modified: false, details: {} }) }, pre);
  // Without the check (a library call outside the tests) runStages does not look.
  await runStages(small(), [dangling], ctx, { checkContract: false });
});

const FIXTURES = [
  ...readdirSync('test/fixtures').filter((f) => f.endsWith('.onnx')).map((f) => path.join('test/fixtures', f)),
  'test/fixtures/third-party/ch_ppocr_mobile_v2.0_cls_infer.onnx',
];

test('every registered stage keeps the contract on every fixture, at its defaults and in the option sets that change most', async () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'stage-contract-'));
  const specs: StageSpec[] = [
    ...Object.keys(STAGES).filter((n) => n !== 'optimize'), // optimize: below, on two models (it starts onnxruntime)
    { dedup: { transposed: false } }, { prune: { 'doc-strings': true } },
    { 'quantize-int8': { ops: ['MatMul', 'Gemm', 'Gather', 'Conv'], 'min-elements': 0, 'per-channel': true } },
    { 'quantize-int8': { ops: ['Conv'], 'min-elements': 0, 'conv-mode': 'weight-only' } },
    { 'quantize-int4': { 'block-size': 16, embeddings: 'int4' } }, { fp16: { 'keep-io-types': false } },
    { 'upgrade-opset': { target: 'latest' } },
  ];
  let modified = 0;
  let untouched = 0;
  try {
    for (const file of FIXTURES) {
      for (const spec of specs) {
        const loaded = loadModel(file);
        try {
          const stage = createStage(spec);
          let outcome: Awaited<ReturnType<Stage['run']>> | undefined;
          const spy: Stage = { name: stage.name, inPlace: stage.inPlace, run: async (m, c) => (outcome = await stage.run(m, c)) };
          await runStages(loaded.model, [spy], { external: loaded.external, tmpDir: tmp, log: () => {} }, { checkContract: true })
            .catch((e: Error) => { throw new Error(`${file} ${JSON.stringify(spec)}: ${e.message}`); });
          if (outcome!.modified) modified++; else untouched++;
        } finally {
          loaded.external.close();
        }
      }
    }
    for (const file of ['test/fixtures/cnn-tiny.onnx', 'test/fixtures/gpt-tiny.onnx']) {
      const loaded = loadModel(file);
      await runStages(loaded.model, [createStage('optimize')], { external: loaded.external, tmpDir: tmp, log: () => {} }, { checkContract: true });
      loaded.external.close();
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  // Both answers occur, so `modified` is really computed (a stage with nothing to do says false).
  assert.ok(modified > 20 && untouched > 5, `modified ${modified}, untouched ${untouched}`);
});
