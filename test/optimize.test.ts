import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { cliSync } from './helpers/cli.js';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import { encodeModel } from '../src/onnx/codec.js';
import { DataType } from '../src/onnx/dtype.js';
import { UsageError } from '../src/onnx/errors.js';
import { forEachGraph, forEachTensor } from '../src/onnx/graph.js';
import { loadModel, saveModel } from '../src/onnx/model-io.js';
import { isExternal } from '../src/onnx/tensor.js';
import type { ModelProto } from '../src/onnx/types.js';
import { optimizeStage } from '../src/stages/optimize.js';
import { floatTensor, graph, model, node, randomFloats, valueInfo } from './helpers/builder.js';
import { cosine, runStageOnFixture } from './helpers/fixture-parity.js';
import { runFirstOutput } from './helpers/ort-run.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'optimize-test-'));

function domains(m: ModelProto): Set<string> {
  const seen = new Set<string>();
  forEachGraph(m, ({ graph: g }) => { for (const n of g.node) seen.add(n.domain ?? ''); });
  return seen;
}

test('options: level basic|extended only', () => {
  assert.throws(() => optimizeStage({ level: 'all' }), UsageError);
  assert.throws(() => optimizeStage({ lvl: 'basic' }), /unknown option/);
  assert.equal(optimizeStage({}).name, 'optimize');
});

for (const file of ['albert-tiny.shared.onnx', 'gpt-tiny.onnx', 'cnn-tiny.onnx', 'vad-if.onnx']) {
  test(`fixture ${file}: basic keeps standard ops, extended may add com.microsoft ops; both run`, async () => {
    const basic = await runStageOnFixture(optimizeStage({}), file, tmp);
    for (const c of basic.cosines) assert.ok(c > 0.99999, `basic cosine ${c}`);
    assert.ok((basic.details.nodesAfter as number) < (basic.details.nodesBefore as number));
    assert.equal(domains(basic.model).has('com.microsoft'), false, 'basic adds no contrib ops');
    const ext = await runStageOnFixture(optimizeStage({ level: 'extended' }), file, tmp);
    for (const c of ext.cosines) assert.ok(c > 0.9999, `extended cosine ${c}`);
    assert.ok((ext.details.nodesAfter as number) <= (basic.details.nodesAfter as number));
    if (file !== 'vad-if.onnx') assert.ok((ext.details.contribOps as number) > 0, 'extended fuses into com.microsoft ops');
  });
}

test('cnn-tiny: basic folds BatchNormalization into Conv; extended fuses Conv+Relu into com.microsoft FusedConv', async () => {
  const basic = await runStageOnFixture(optimizeStage({}), 'cnn-tiny.onnx', tmp);
  assert.deepEqual(basic.details.opTypesRemoved, ['BatchNormalization']);
  const ext = await runStageOnFixture(optimizeStage({ level: 'extended' }), 'cnn-tiny.onnx', tmp);
  assert.ok((ext.details.opTypesAdded as string[]).includes('com.microsoft:FusedConv'));
  assert.ok(ext.model.opsetImport.some((o) => o.domain === 'com.microsoft'));
});

test('a model whose weights live in external data: written, optimized and read back inline', async () => {
  const dir = mkdtempSync(path.join(tmp, 'ext-'));
  const w = randomFloats(64 * 64, 7);
  const m = model(graph({
    node: [node('Identity', ['w'], ['w_id']), node('MatMul', ['x', 'w_id'], ['h']), node('Relu', ['h'], ['y'])],
    input: [valueInfo('x', DataType.FLOAT, [1, 64])],
    output: [valueInfo('y', DataType.FLOAT, [1, 64])],
    initializer: [floatTensor('w', [64, 64], w)],
  }));
  const file = path.join(dir, 'm.onnx');
  saveModel(m, file, { externalData: true });
  const loaded = loadModel(file);
  let external = 0;
  forEachTensor(loaded.model, (t) => { if (isExternal(t)) external++; });
  assert.equal(external, 1);
  const { model: out, details } = await optimizeStage({}).run(loaded.model, { tmpDir: tmp, log: () => {}, external: loaded.external });
  forEachTensor(out, (t) => assert.equal(isExternal(t), false));
  assert.ok((details.opTypesRemoved as string[]).includes('Identity'));
  const x = new ort.Tensor('float32', randomFloats(64, 8), [1, 64]);
  const run = (model: Uint8Array | string) => runFirstOutput(model, { x });
  assert.ok(cosine(await run(file), await run(encodeModel(out))) > 0.999999);
});

test('a model onnxruntime cannot load: exit 2, one line naming the model and what ORT said, no scratch path', () => {
  // BitShift on uint16: valid ONNX, but onnxruntime's CPU provider has no kernel for it.
  const m = model(graph({
    node: [node('BitShift', ['x', 'n'], ['y'], { direction: 'LEFT' })],
    input: [valueInfo('x', DataType.UINT16, [3]), valueInfo('n', DataType.UINT16, [3])],
    output: [valueInfo('y', DataType.UINT16, [3])],
  }), 11);
  const file = path.join(tmp, 'bitshift.onnx');
  writeFileSync(file, encodeModel(m));
  const r = cliSync(['compress', file, '-o', path.join(tmp, 'bitshift.slim.onnx'), '--stages', 'optimize']);
  assert.equal(r.status, 2, r.stderr);
  const last = r.stderr.trim().split('\n').pop()!;
  assert.equal(last, `onnx-diet: ${file}: stage optimize: onnxruntime cannot load the model (Could not find an implementation for BitShift(11) node with name 'BitShift_y'); this stage needs a model onnxruntime runs: leave optimize out of this model's stages`);
});
