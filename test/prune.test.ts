import { test } from 'node:test';
import { backendDir, backendModel } from './helpers/onnx-backend.js';
import assert from 'node:assert/strict';
import path from 'node:path';
import { decodeModel, encodeModel } from '../src/onnx/codec.js';
import { DataType } from '../src/onnx/dtype.js';
import { UsageError } from '../src/onnx/errors.js';
import { loadModel } from '../src/onnx/model-io.js';
import { makeTensor } from '../src/onnx/tensor.js';
import type { FunctionProto, ModelProto } from '../src/onnx/types.js';
import { testDataSetDirs } from '../src/check/test-data.js';
import { pruneModel, pruneStage } from '../src/stages/prune.js';
import { floatTensor, graph, int64Tensor, model, node, valueInfo } from './helpers/builder.js';
import { readTestInputs, runOrt } from './helpers/ort-run.js';

const F = DataType.FLOAT;
const names = (xs: { name?: string }[]) => xs.map((x) => x.name);

function localFunction(name: string, body: ReturnType<typeof node>[], input: string[], output: string[]): FunctionProto {
  return {
    name, domain: 'local', input, output, attribute: [], node: body, attributeProto: [], valueInfo: [],
    metadataProps: [], opsetImport: [{ domain: '', version: 17 }, { domain: 'local', version: 1 }],
  };
}

/**
 * Main graph with dead code at every level:
 *   Y = X·W; R = Relu(Y); D1 = R + dead_w; D2 = Neg(D1)              (D1, D2 dead: a chain)
 *   P = Identity(X)                                                 (read only by a dead node in a branch)
 *   Z = If(flag, then: {t = R + B; dead = P * C}, else: {e = R - B})  (B captured, C only by the dead node)
 *   out = local.Double(Z)                                           (Double calls local.Twice; local.Unused is never called)
 * Inputs X, flag, opt (an input with an initializer default, unused), spare (unused).
 */
function deadCodeModel(): ModelProto {
  const thenBranch = graph({
    name: 'then',
    node: [node('Add', ['R', 'B'], ['t']), node('Mul', ['P', 'C'], ['dead_in_branch'])],
    output: [valueInfo('t', F, [2, 3])],
  });
  const elseBranch = graph({ name: 'else', node: [node('Sub', ['R', 'B'], ['e'])], output: [valueInfo('e', F, [2, 3])] });
  const g = graph({
    node: [
      node('MatMul', ['X', 'W'], ['Y']),
      node('Relu', ['Y'], ['R']),
      node('Add', ['R', 'dead_w'], ['D1']),
      node('Neg', ['D1'], ['D2']),
      node('Identity', ['X'], ['P']),
      node('If', ['flag'], ['Z'], { then_branch: thenBranch, else_branch: elseBranch }),
      node('Double', ['Z'], ['out'], {}, { domain: 'local' }),
    ],
    input: [valueInfo('X', F, [2, 3]), valueInfo('flag', DataType.BOOL, []), valueInfo('opt', F, [1]), valueInfo('spare', F, [1])],
    output: [valueInfo('out', F, [2, 3])],
    initializer: [
      floatTensor('W', [3, 3], [1, 2, 3, 4, 5, 6, 7, 8, 9]),
      floatTensor('dead_w', [3], [1, 1, 1]),
      floatTensor('opt', [1], [0.5]),
      floatTensor('B', [3], [0.25, -0.5, 2]),
      floatTensor('C', [2, 3], [1, 2, 3, 4, 5, 6]),
    ],
    sparseInitializer: [{ values: floatTensor('sp', [1], [7]), indices: int64Tensor('sp_idx', [1], [2]), dims: [4] }],
    valueInfo: [valueInfo('D1', F, [2, 3]), valueInfo('R', F, [2, 3]), valueInfo('ghost', F, [1])],
  });
  const m = model(g, 17, [{ domain: 'local', version: 1 }]);
  m.functions = [
    localFunction('Double', [node('Twice', ['x'], ['y'], {}, { domain: 'local' })], ['x'], ['y']),
    localFunction('Twice', [node('Add', ['x', 'x'], ['y'])], ['x'], ['y']),
    localFunction('Unused', [node('Neg', ['x'], ['y'])], ['x'], ['y']),
  ];
  return m;
}

const feeds = () => ({
  X: floatTensor('X', [2, 3], [0.5, -1, 2, 3, -0.25, 1.5]),
  flag: makeTensor('flag', DataType.BOOL, [], Uint8Array.of(1)),
  spare: floatTensor('spare', [1], [9]),
});

test('prune drops dead nodes, storage, value_info and functions at every level, and nothing else', () => {
  const m = deadCodeModel();
  const counts = pruneModel(m);
  const g = m.graph!;
  assert.deepEqual(g.node.map((n) => n.output[0]), ['Y', 'R', 'Z', 'out']);
  const thenBranch = g.node[2]!.attribute.find((a) => a.name === 'then_branch')!.g!;
  assert.deepEqual(thenBranch.node.map((n) => n.output[0]), ['t']);
  // opt stays: it is the default of input 'opt'; dropping it would make the input required.
  assert.deepEqual(names(g.initializer), ['W', 'opt', 'B']);
  assert.deepEqual(names(g.input), ['X', 'flag', 'opt', 'spare']);
  assert.equal(g.sparseInitializer.length, 0);
  assert.deepEqual(names(g.valueInfo), ['R']);
  assert.deepEqual(m.functions.map((f) => f.name), ['Double', 'Twice']);
  assert.deepEqual(counts, {
    nodes: 4, initializers: 2, initializerBytes: 12 + 24, sparseInitializers: 1, valueInfo: 2,
    quantizationAnnotations: 0, functions: 1, docStrings: 0,
  });
  // A second run finds nothing: the first reached the fixed point.
  assert.deepEqual(Object.values(pruneModel(m)).every((n) => n === 0), true);
});

test('pruned model gives bit-identical outputs in onnxruntime-node', async () => {
  const original = encodeModel(deadCodeModel());
  const m = decodeModel(original);
  const { details } = await pruneStage({}).run(m, { tmpDir: '/tmp', log: () => {} });
  const pruned = encodeModel(m);
  assert.equal(details.bytesSaved, original.length - pruned.length);
  for (const flag of [0, 1]) {
    const f = { ...feeds(), flag: makeTensor('flag', DataType.BOOL, [], Uint8Array.of(flag)) };
    assert.deepEqual(await runOrt(pruned, f), await runOrt(original, f));
  }
  // Hand check of one branch: out = 2·(Relu(X·W) + B).
  const [a, b, c] = [[0.5, -1, 2], [3, -0.25, 1.5]][0]!;
  const row0 = [1, 2, 3].map((_, j) => 2 * (Math.max(0, a! * [1, 2, 3][j]! + b! * [4, 5, 6][j]! + c! * [7, 8, 9][j]!) + [0.25, -0.5, 2][j]!));
  const got = new Float32Array((await runOrt(pruned, feeds())).out!.bytes.buffer);
  assert.deepEqual(Array.from(got.subarray(0, 3)), row0.map(Math.fround));
});

test('a value captured only by a nested subgraph keeps its producer and initializer', () => {
  const inner = graph({ name: 'inner', node: [node('Add', ['K', 'V'], ['o'])], output: [valueInfo('o', F)] });
  const outer = graph({ name: 'outer', node: [node('If', ['c'], ['io'], { then_branch: inner, else_branch: inner })], output: [valueInfo('io', F)] });
  const m = model(graph({
    node: [node('Neg', ['X'], ['V']), node('If', ['c'], ['Z'], { then_branch: outer, else_branch: outer })],
    input: [valueInfo('X', F), valueInfo('c', DataType.BOOL)],
    output: [valueInfo('Z', F)],
    initializer: [floatTensor('K', [1], [1])],
  }));
  const counts = pruneModel(m);
  assert.equal(counts.nodes + counts.initializers, 0);
  assert.deepEqual(m.graph!.node.map((n) => n.opType), ['Neg', 'If']);
});

test('names read or bound by training graphs are kept in the main graph', () => {
  const m = model(graph({
    node: [node('Relu', ['X'], ['Y'])],
    input: [valueInfo('X', F)], output: [valueInfo('Y', F)],
    initializer: [floatTensor('read_by_training', [1], [1]), floatTensor('bound', [1], [2]), floatTensor('dead', [1], [3])],
  }));
  m.trainingInfo = [{
    algorithm: graph({ node: [node('Neg', ['read_by_training'], ['n'])], output: [valueInfo('n', F)] }),
    initializationBinding: [], updateBinding: [{ key: 'bound', value: 'n' }],
  }];
  pruneModel(m);
  assert.deepEqual(names(m.graph!.initializer), ['read_by_training', 'bound']);
});

test('quantization annotations keep their parameter tensors while their value lives', () => {
  const m = model(graph({
    node: [node('Relu', ['X'], ['Y']), node('Neg', ['X'], ['gone'])],
    input: [valueInfo('X', F)], output: [valueInfo('Y', F)],
    initializer: [floatTensor('y_scale', [], [0.1]), floatTensor('gone_scale', [], [0.2])],
    quantizationAnnotation: [
      { tensorName: 'Y', quantParameterTensorNames: [{ key: 'SCALE_TENSOR', value: 'y_scale' }] },
      { tensorName: 'gone', quantParameterTensorNames: [{ key: 'SCALE_TENSOR', value: 'gone_scale' }] },
    ],
  }));
  const counts = pruneModel(m);
  assert.deepEqual(names(m.graph!.initializer), ['y_scale']);
  assert.deepEqual(m.graph!.quantizationAnnotation.map((a) => a.tensorName), ['Y']);
  assert.equal(counts.quantizationAnnotations, 1);
});

test('doc-strings: true clears every doc_string; the default keeps them', async () => {
  const build = () => {
    const m = deadCodeModel();
    m.docString = 'model';
    m.graph!.docString = 'graph';
    m.graph!.node[0]!.docString = 'node';
    m.graph!.node[5]!.attribute[0]!.docString = 'attr';
    m.graph!.node[5]!.attribute[0]!.g!.node[0]!.docString = 'nested';
    m.graph!.initializer[0]!.docString = 'tensor';
    m.graph!.input[0]!.docString = 'input';
    m.functions[0]!.docString = 'function';
    return m;
  };
  const kept = build();
  await pruneStage({}).run(kept, { tmpDir: '/tmp', log: () => {} });
  assert.equal(kept.docString, 'model');
  assert.equal(kept.graph!.node[0]!.docString, 'node');

  const m = build();
  const { details } = await pruneStage({ 'doc-strings': true }).run(m, { tmpDir: '/tmp', log: () => {} });
  assert.equal(details.docStrings, 8);
  // Byte-identical to the same model pruned without ever having had doc strings.
  const plain = deadCodeModel();
  pruneModel(plain);
  assert.deepEqual(encodeModel(m), encodeModel(plain));
});

test('prune rejects unknown options with a one-line usage error', () => {
  assert.throws(() => pruneStage({ docstrings: true }), UsageError);
  assert.throws(() => pruneStage({ 'doc-strings': 'yes' }), UsageError);
});

const FIXTURES = ['albert-tiny', 'gpt-tiny', 'cnn-tiny', 'vad-if'];
const BACKEND = ['node/test_loop11', 'node/test_if', 'node/test_scan9_sum', 'node/test_range_float_type_positive_delta_expanded', 'simple/test_sign_model'];

test('fixtures and backend models with subgraphs keep bit-identical ORT outputs after prune', async () => {
  const cases = [
    ...FIXTURES.map((n) => ({ file: `test/fixtures/${n}.onnx`, data: `test/fixtures/${n}.data` })),
    ...BACKEND.map((n) => ({ file: backendModel(n), data: backendDir(n) })),
  ];
  for (const { file, data } of cases) {
    const original = loadModel(file);
    const originalBytes = encodeModel(original.model);
    pruneModel(original.model, { docStrings: true });
    const pruned = encodeModel(original.model);
    const sets = testDataSetDirs(data);
    assert.ok(sets.length > 0, `${data} has test data`);
    for (const set of sets) {
      const f = readTestInputs(set, original.model.graph!);
      assert.deepEqual(await runOrt(pruned, f), await runOrt(originalBytes, f), `${file} ${path.basename(set)}`);
    }
    original.external.close();
  }
});
