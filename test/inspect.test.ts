/**
 * `inspect`'s analysis on a model built here, every expected number worked out by hand from the
 * construction below (sizes are elements × 4 bytes for float, × 8 for int64).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DataType } from '../src/onnx/dtype.js';
import { saveModel } from '../src/onnx/model-io.js';
import { modelByteSize } from '../src/onnx/size.js';
import type { ModelProto } from '../src/onnx/types.js';
import { analyzeModel, inspectModel, int4Estimate, int8Estimate } from '../src/report/inspect.js';
import { inspectTables } from '../src/report/table.js';
import { attribute, floatTensor, graph, model, node, randomFloats, valueInfo } from './helpers/builder.js';

const F = DataType.FLOAT;

/** Transpose of a row-major [rows, cols] matrix, written out independently of the code under test. */
function transposed(values: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(values.length);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) out[j * rows + i] = values[i * cols + j]!;
  return out;
}

/**
 *   A  [32,32]  init      MatMul slot 1                 4096 B   quantizable
 *   A2 [32,32]  init      = A, MatMul slot 1            4096 B   quantizable, duplicate of A
 *   B  [32,64]  init      MatMul slot 1                 8192 B   quantizable
 *   Bt [64,32]  Constant  = Bᵀ, MatMul slot 1           8192 B   quantizable, transposed tie of B
 *   c  [32]     init      Add                            128 B
 *   E  [40,32]  init      Gather slot 0                 5120 B   quantizable
 *   D  [32,32]  init      MatMul slot 1 and Add         4096 B   not (Add reads it in float)
 *   F  [64,32]  init      Transpose → MatMul slot 1     8192 B   quantizable
 *   U  [8]      init      nobody                          32 B
 *   shape       Constant value_ints [2] → Reshape         16 B   int64
 *   S  [16]     init of the If's then-branch, Mul         64 B
 */
function builtModel(): ModelProto {
  const a = randomFloats(32 * 32, 1);
  const b = randomFloats(32 * 64, 2);
  const thenBranch = graph({
    name: 'then', node: [node('Mul', ['h8', 'S'], ['t'])],
    initializer: [floatTensor('S', [16], randomFloats(16, 7))], output: [valueInfo('t', F)],
  });
  const elseBranch = graph({ name: 'else', node: [node('Identity', ['h8'], ['e'])], output: [valueInfo('e', F)] });
  const g = graph({
    name: 'main',
    input: [valueInfo('x', F, [1, 32]), valueInfo('ids', DataType.INT64, [4]), valueInfo('cond', DataType.BOOL, [])],
    output: [valueInfo('y', F), valueInfo('emb', F)],
    initializer: [
      floatTensor('A', [32, 32], a), floatTensor('A2', [32, 32], a), floatTensor('B', [32, 64], b),
      floatTensor('c', [32], randomFloats(32, 3)), floatTensor('E', [40, 32], randomFloats(40 * 32, 4)),
      floatTensor('D', [32, 32], randomFloats(32 * 32, 5)), floatTensor('F', [64, 32], randomFloats(64 * 32, 6)),
      floatTensor('U', [8], randomFloats(8, 8)),
    ],
    node: [
      node('MatMul', ['x', 'A'], ['h1']),
      node('MatMul', ['h1', 'A2'], ['h2']),
      node('MatMul', ['h2', 'B'], ['h3']),
      node('Constant', [], ['Bt'], { value: floatTensor('Bt', [64, 32], transposed(b, 32, 64)) }),
      node('MatMul', ['h3', 'Bt'], ['h4']),
      node('Add', ['h4', 'c'], ['h5']),
      node('MatMul', ['h5', 'D'], ['h6']),
      node('Add', ['h6', 'D'], ['h7']),
      node('Transpose', ['F'], ['Ft'], { perm: [1, 0] }),
      node('Constant', [], ['shape'], {}, { attribute: [{ ...attribute('value_ints', [1, 32]), type: 7 }] }),
      node('Reshape', ['h7', 'shape'], ['h7r']),
      node('MatMul', ['h7r', 'Ft'], ['h8']),
      node('If', ['cond'], ['y'], { then_branch: thenBranch, else_branch: elseBranch }),
      node('Gather', ['E', 'ids'], ['emb']),
    ],
  });
  return model(g);
}

test('bytes by dtype and by op, largest tensors: hand-computed totals', () => {
  const r = analyzeModel(builtModel());
  // float: 4096+4096+8192+8192+128+5120+4096+8192+32+64 = 42208; int64: 2 × 8 = 16
  assert.deepEqual(r.byDtype, [{ dtype: 'float', tensors: 10, bytes: 42208 }, { dtype: 'int64', tensors: 1, bytes: 16 }]);
  assert.deepEqual(r.weights, { count: 11, bytes: 42224 });
  assert.equal(r.graphs, 3);
  assert.equal(r.nodes, 16); // 14 in main, 1 in each branch
  // D (4096) is read by MatMul and Add: 2048 to each.
  assert.deepEqual(r.byOp, [
    { op: 'MatMul', nodes: 6, weights: 6, bytes: 4096 + 4096 + 8192 + 8192 + 8192 + 2048 },
    { op: 'Gather', nodes: 1, weights: 1, bytes: 5120 },
    { op: 'Add', nodes: 2, weights: 2, bytes: 128 + 2048 },
    { op: 'Mul', nodes: 1, weights: 1, bytes: 64 },
    { op: '(unused)', nodes: 0, weights: 1, bytes: 32 },
    { op: 'Reshape', nodes: 1, weights: 1, bytes: 16 },
  ]);
  assert.equal(r.byOp.reduce((n, o) => n + o.bytes, 0), r.weights.bytes);
  assert.deepEqual(new Set(r.largest.slice(0, 3).map((t) => t.name)), new Set(['B', 'Bt', 'F']));
  assert.deepEqual(r.largest[3], { name: 'E', kind: 'initializer', graph: 'main', dtype: 'float', dims: [40, 32], elements: 1280, bytes: 5120 });
  assert.equal(r.largest.length, 10);
  assert.equal(analyzeModel(builtModel(), { top: 3 }).largest.length, 3);
});

test('quantizable weights and their int8/int4 estimates, each duplicate counted once as dedup leaves it', () => {
  const r = analyzeModel(builtModel());
  const q = r.quantizable;
  // A, B, E, F: A2 is a copy of A and Bt a transposed copy of B, which dedup removes (issue 10): 1024+2048+1280+2048
  assert.equal(q.tensors, 4);
  assert.equal(q.elements, 6400);
  assert.equal(q.bytes, 25600);
  assert.equal(q.dedupBytes, 4096 + 8192);
  assert.equal(q.int8Bytes, 6400 + 4 * 4); // one byte per weight + an fp32 scale per tensor
  // int4 (asymmetric, the default): half a byte per weight + an fp32 scale and a 4-bit zero point per 32:
  // 656+1312+820+1312
  assert.equal(q.int4Bytes, 4100);
  assert.equal(q.modelBytesInt8, r.modelBytes - (4096 + 8192) - 25600 + 6416);
  assert.equal(q.convTensors, 0);
  assert.equal(int8Estimate(1000), 1004);
  assert.equal(int4Estimate(33), 17 + 8 + 1); // 16.5 → 17 bytes, two blocks, their two zero points in a byte
});

test('Conv weights are quantizable by int8 (weight-only), not by int4', () => {
  const q = inspectModel('test/fixtures/cnn-tiny.onnx').quantizable;
  // cnn-tiny's Conv weights: 16·3·3·3 = 432 (< 1024, left out), 32·16·3·3 = 4608, 64·32·3·3 = 18432; fc 10·64 = 640 (< 1024)
  assert.deepEqual([q.tensors, q.convTensors, q.elements, q.bytes, q.convBytes], [2, 2, 23040, 92160, 92160]);
  assert.equal(q.int8Bytes, 23040 + 2 * 4);
  assert.equal(q.int4Bytes, 92160, 'int4 has no Conv form: those weights stay float');
});

test('duplicates and transposed ties come from the dedup plan', () => {
  const d = analyzeModel(builtModel()).duplicates;
  assert.equal(d.groups.length, 1);
  assert.deepEqual(d.groups[0]!.names, ['A', 'A2']);
  assert.equal(d.groups[0]!.reclaimableBytes, 4096);
  assert.equal(d.transposedTies.length, 1);
  assert.equal(d.transposedTies[0]!.kept, 'B');
  assert.equal(d.transposedTies[0]!.transposed, 'Bt');
  assert.equal(d.reclaimableBytes, 4096 + 8192);
});

test('inspectModel counts the bytes of the files on disk, external data included', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'inspect-test-'));
  try {
    const file = path.join(dir, 'm.onnx');
    const saved = saveModel(builtModel(), file, { externalData: true });
    const r = inspectModel(file);
    assert.equal(r.modelBytes, statSync(file).size + statSync(saved.dataPath!).size);
    assert.equal(r.weights.bytes, 42224);
    assert.equal(r.duplicates.reclaimableBytes, 4096 + 8192); // compared through the external data reader
    const text = inspectTables(r);
    assert.match(text, /bytes by dtype/);
    assert.match(text, /B\s+\[32, 64\]\s+Bt\s+\[64, 32\]/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an in-memory model is measured by its serialized size', () => {
  const m = builtModel();
  assert.equal(analyzeModel(m).modelBytes, modelByteSize(m));
});
