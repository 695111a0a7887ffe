/**
 * Issue 10, point 8: parity labels, the max-accuracy-drop budget and auto's accuracy bound end to end —
 * through `run`, `compare` and `strategy: auto` — on a labelled sample set whose answers are computed
 * here, independently of the code under test.
 *
 * The model is a linear classifier, logits = x · W with W [256, 4]. W holds one outlier (1000) on the last
 * input feature, which every sample sets to 0: the float model never sees it, but per-tensor int8 scales W
 * by 1000/127, every other weight rounds to 0, and the int8 model's logits are all exactly 0 — class 0
 * (argmax takes the first of equals) for every row. Labels are the float64 argmax of x · W, so the
 * original scores 100 % and that int8 model the share of rows labelled 0.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import { encodeModel } from '../src/onnx/codec.js';
import { DataType } from '../src/onnx/dtype.js';
import { floatTensor, graph, model, node, randomFloats, valueInfo } from './helpers/builder.js';
import { cliSync } from './helpers/cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'onnx-diet-labels-'));
const ROWS = 32;
const FEATURES = 256; // W has 1024 elements: auto's int8 recipes (min-elements 1024) take it
const CLASSES = 4;

const W = randomFloats(FEATURES * CLASSES, 11);
W[(FEATURES - 1) * CLASSES + 3] = 1000;

/** Rows of x (the last feature zero) whose float64 top-1 leads by ≥ 0.05, so float32 rounding cannot flip it. */
function labelledRows(): { x: number[][]; labels: number[] } {
  const pool = randomFloats(ROWS * 4 * FEATURES, 12);
  const x: number[][] = [];
  const labels: number[] = [];
  for (let r = 0; x.length < ROWS; r++) {
    const row = Array.from(pool.subarray(r * FEATURES, (r + 1) * FEATURES));
    row[FEATURES - 1] = 0;
    const logits = Array.from({ length: CLASSES }, (_, c) => row.reduce((s, v, f) => s + v * W[f * CLASSES + c]!, 0));
    const sorted = [...logits].sort((a, b) => b - a);
    if (sorted[0]! - sorted[1]! < 0.05) continue;
    x.push(row);
    labels.push(logits.indexOf(sorted[0]!));
  }
  return { x, labels };
}

const { x, labels } = labelledRows();
const ZERO_SHARE = labels.filter((l) => l === 0).length / ROWS;

const MODEL = path.join(dir, 'linear.onnx');
writeFileSync(MODEL, encodeModel(model(graph({
  node: [node('MatMul', ['x', 'W'], ['logits'])],
  input: [valueInfo('x', DataType.FLOAT, [ROWS, FEATURES])],
  output: [valueInfo('logits', DataType.FLOAT, [ROWS, CLASSES])],
  initializer: [floatTensor('W', [FEATURES, CLASSES], W)],
}))));
const INPUTS = path.join(dir, 'samples.json');
writeFileSync(INPUTS, JSON.stringify([{ x }]));
const LABELS = path.join(dir, 'labels.json');
writeFileSync(LABELS, JSON.stringify(labels));

/** Accuracy of a saved model on the samples, run here in onnxruntime-node. */
async function accuracyOfFile(file: string): Promise<number> {
  const session = await ort.InferenceSession.create(file);
  const out = (await session.run({ x: new ort.Tensor('float32', Float32Array.from(x.flat()), [ROWS, FEATURES]) })).logits!;
  const v = out.data as Float32Array;
  let hits = 0;
  for (let r = 0; r < ROWS; r++) {
    let best = 0;
    for (let c = 1; c < CLASSES; c++) if (v[r * CLASSES + c]! > v[r * CLASSES + best]!) best = c;
    if (best === labels[r]) hits++;
  }
  return hits / ROWS;
}

function config(name: string, body: string[]): string {
  const file = path.join(dir, `${name}.yml`);
  writeFileSync(file, ['models:', `  - name: ${name}`, '    source: linear.onnx', `    output: out/${name}.onnx`, ...body, ''].join('\n'));
  return file;
}

const LOOSE_PARITY = ['    parity:', '      inputs: samples.json', '      labels: labels.json', '      thresholds: { cosine: 0, top1: 0 }', '    latency: false'];

test('the labelled set: the float model scores 100 %, and some but not all rows are class 0', async () => {
  assert.equal(await accuracyOfFile(MODEL), 1);
  assert.ok(ZERO_SHARE > 0 && ZERO_SHARE < 1, `share of class 0: ${ZERO_SHARE}`);
});

test('run: labels give both accuracies; max-accuracy-drop passes a lossless model and fails the broken int8 at its line', async () => {
  const okJson = path.join(dir, 'ok.json');
  const ok = cliSync(['run', '--config', config('lossless', ['    stages: [dedup, prune]', ...LOOSE_PARITY, '    budgets: { max-accuracy-drop: 0% }']), '--json', okJson], { cwd: dir });
  assert.equal(ok.status, 0, ok.stderr);
  const okModel = JSON.parse(readFileSync(okJson, 'utf8')).models[0];
  assert.deepEqual(okModel.parity.accuracy, { rows: ROWS, original: 1, compressed: 1, drop: 0 });
  assert.match(ok.stdout, /Accuracy \(32 labels\) +100\.00 % +100\.00 % \(drop 0\.00 %\)/);

  const badJson = path.join(dir, 'bad.json');
  const bad = cliSync(['run', '--config', config('int8', ['    stages: [{ quantize-int8: { min-elements: 0 } }]', ...LOOSE_PARITY, '    budgets: { max-accuracy-drop: 5% }']), '--json', badJson], { cwd: dir });
  assert.equal(bad.status, 1, bad.stderr);
  const m = JSON.parse(readFileSync(badJson, 'utf8')).models[0];
  assert.equal(m.parity.passed, true, 'cosine and top-1 thresholds are 0: only the accuracy budget can fail');
  assert.deepEqual(m.parity.accuracy, { rows: ROWS, original: 1, compressed: ZERO_SHARE, drop: 1 - ZERO_SHARE });
  assert.equal(await accuracyOfFile(path.join(dir, 'out/int8.onnx')), ZERO_SHARE, 'the saved model scores what the report says');
  const budget = m.budgets.find((b: { name: string }) => b.name === 'max-accuracy-drop');
  assert.deepEqual([budget.limit, budget.actual, budget.passed], [0.05, 1 - ZERO_SHARE, false]);
  assert.match(bad.stderr, /^onnx-diet: int8: budget max-accuracy-drop broken: .*int8\.yml:11:\d+\)$/m);
});

test('compare --labels reports both accuracies on the same rows; labels without given inputs are refused', async () => {
  const broken = path.join(dir, 'out/int8.onnx'); // written by the run test above (tests in a file run in order)
  const json = path.join(dir, 'compare.json');
  const r = cliSync(['compare', MODEL, broken, '--inputs', INPUTS, '--labels', LABELS, '--runs', '0', '--json', json]);
  assert.equal(r.status, 1, r.stderr); // cosine 0 against the default 0.99
  assert.deepEqual(JSON.parse(readFileSync(json, 'utf8')).models[0].parity.accuracy, { rows: ROWS, original: 1, compressed: ZERO_SHARE, drop: 1 - ZERO_SHARE });

  const refused = cliSync(['compare', MODEL, MODEL, '--labels', LABELS]);
  assert.equal(refused.status, 2);
  assert.match(refused.stderr, /--labels needs --inputs/);
  const short = path.join(dir, 'short.json');
  writeFileSync(short, JSON.stringify(labels.slice(1)));
  const mismatch = cliSync(['compare', MODEL, MODEL, '--inputs', INPUTS, '--labels', short, '--runs', '0']);
  assert.equal(mismatch.status, 2, mismatch.stderr);
  assert.match(mismatch.stderr, /31 labels for 32 predicted rows/);
});

test('strategy: auto keeps within max-accuracy-drop: candidates that lose accuracy fail, the chosen one scores within the bound', async () => {
  const json = path.join(dir, 'auto.json');
  const r = cliSync(['run', '--config', config('auto', ['    strategy: auto', ...LOOSE_PARITY, '    budgets: { max-accuracy-drop: 5% }']), '--json', json], { cwd: dir });
  assert.equal(r.status, 0, r.stderr);
  const m = JSON.parse(readFileSync(json, 'utf8')).models[0];
  const perTensor = m.auto.candidates.find((c: { recipe: string }) => c.recipe === 'int8 per-tensor');
  assert.equal(perTensor.status, 'failed');
  assert.equal(perTensor.parity.accuracyDrop, 1 - ZERO_SHARE, 'the per-tensor int8 model drops to the class-0 share');
  const chosen = m.auto.candidates[m.auto.chosen];
  assert.ok(chosen.parity.accuracyDrop <= 0.05, JSON.stringify(chosen));
  const measured = await accuracyOfFile(path.join(dir, 'out/auto.onnx'));
  assert.ok(1 - measured <= 0.05, `the returned model scores ${measured}`);
  assert.equal(m.parity.accuracy.compressed, measured);
});
