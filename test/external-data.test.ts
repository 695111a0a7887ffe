/**
 * External data (ONNX IR "External Tensor Data"): saving with 64 KiB-aligned offsets, loading back, running
 * in onnxruntime-node, and refusing locations that escape the model's folder or ranges past the file's end.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { decodeModel, encodeModel } from '../src/onnx/codec.js';
import { DataType } from '../src/onnx/dtype.js';
import { isInside } from '../src/onnx/external.js';
import { OnnxFormatError, UsageError } from '../src/onnx/errors.js';
import { EXTERNAL_ALIGNMENT, loadModel, saveModel } from '../src/onnx/model-io.js';
import { externalInfo, isExternal, tensorBytes } from '../src/onnx/tensor.js';
import type { ModelProto, TensorProto } from '../src/onnx/types.js';
import { floatTensor, graph, model, node, randomFloats, valueInfo } from './helpers/builder.js';
import { runOrt } from './helpers/ort-run.js';

const F = DataType.FLOAT;

/** Y = (X·W1)·W2 + B: W1 16 KiB and W2 32 KiB go external, B (512 B) stays inline below the threshold. */
function mlp(): ModelProto {
  return model(graph({
    node: [node('MatMul', ['X', 'W1'], ['H']), node('MatMul', ['H', 'W2'], ['H2']), node('Add', ['H2', 'B'], ['Y'])],
    input: [valueInfo('X', F, [1, 64])],
    output: [valueInfo('Y', F, [1, 128])],
    initializer: [
      floatTensor('W1', [64, 64], randomFloats(64 * 64, 1)),
      floatTensor('W2', [64, 128], randomFloats(64 * 128, 2)),
      floatTensor('B', [128], randomFloats(128, 3)),
    ],
  }));
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const tempFiles = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.tmp'));
const feeds = () => ({ X: floatTensor('X', [1, 64], randomFloats(64, 9)) });

function scratch(): string {
  return mkdtempSync(path.join(tmpdir(), 'onnx-diet-ext-'));
}

test('externalData: true writes 64 KiB-aligned offsets, loads back identically and runs the same in ORT', async () => {
  const dir = scratch();
  try {
    const original = mlp();
    const file = path.join(dir, 'mlp.onnx');
    const saved = saveModel(original, file, { externalData: true });
    assert.equal(saved.dataPath, path.join(dir, 'mlp.onnx.data'));
    assert.deepEqual(tempFiles(dir), []);

    const onDisk = decodeModel(readFileSync(file));
    const ext = onDisk.graph!.initializer.filter(isExternal);
    assert.deepEqual(ext.map((t) => t.name), ['W1', 'W2']);
    const offsets = ext.map((t) => externalInfo(t).offset);
    assert.deepEqual(offsets, [0, 65536]);
    for (const o of offsets) assert.equal(o % EXTERNAL_ALIGNMENT, 0);
    assert.equal(readFileSync(saved.dataPath!).length, 65536 + 64 * 128 * 4);

    const loaded = loadModel(file);
    const byName = new Map(original.graph!.initializer.map((t) => [t.name, t] as [string | undefined, TensorProto]));
    for (const t of loaded.model.graph!.initializer) {
      assert.deepEqual(Buffer.from(tensorBytes(t, loaded.external)), Buffer.from(tensorBytes(byName.get(t.name)!)), t.name);
    }
    loaded.external.close();
    assert.deepEqual(await runOrt(file, feeds()), await runOrt(encodeModel(original), feeds()));

    // Re-saving a model that reads from external data, inline this time, keeps every byte.
    const again = loadModel(file);
    const inline = path.join(dir, 'inline.onnx');
    saveModel(again.model, inline, { externalData: false, source: again.external });
    again.external.close();
    assert.deepEqual(readFileSync(inline), Buffer.from(encodeModel(original)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('Constant nodes: shape data stays inline (ORT reads it while loading), a Constant weight goes out; ORT runs both', async () => {
  const dir = scratch();
  try {
    // Y = Reshape(X · Wc, shape): Wc (64 KiB + 4 B, float) in a Constant node, shape (int64 [2]) in another.
    const wc = floatTensor('', [64, 257], randomFloats(64 * 257, 4));
    const shape = { ...floatTensor('', [2], [0, 0]), dataType: DataType.INT64, rawData: new Uint8Array(BigInt64Array.from([257n, 1n]).buffer) };
    const m = model(graph({
      node: [
        node('Constant', [], ['Wc'], { value: wc }), node('Constant', [], ['shape'], { value: shape }),
        node('MatMul', ['X', 'Wc'], ['H']), node('Reshape', ['H', 'shape'], ['Y']),
      ],
      input: [valueInfo('X', F, [1, 64])], output: [valueInfo('Y', F, [257, 1])],
    }));
    const file = path.join(dir, 'constants.onnx');
    saveModel(m, file, { externalData: true, sizeThreshold: 0 });
    const onDisk = decodeModel(readFileSync(file));
    const [weight, dims] = onDisk.graph!.node.slice(0, 2).map((n) => n.attribute[0]!.t!);
    assert.equal(isExternal(weight!), true, 'the Constant weight is written out');
    assert.equal(isExternal(dims!), false, 'the shape stays inline: ORT shape inference cannot read it outside');
    assert.deepEqual(await runOrt(file, feeds()), await runOrt(encodeModel(m), feeds()));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("'auto' keeps a small model inline", () => {
  const dir = scratch();
  try {
    const saved = saveModel(mlp(), path.join(dir, 'small.onnx'), { externalData: 'auto' });
    assert.equal(saved.dataBytes, 0);
    assert.deepEqual(readdirSync(dir), ['small.onnx']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Writes a model whose W1 points at `location` (offset/length as given) and returns its path. */
function withLocation(dir: string, location: string, offset = 0, length = 64 * 64 * 4): string {
  const m = mlp();
  const w = m.graph!.initializer[0]!;
  Object.assign(w, {
    rawData: undefined, dataLocation: 1,
    externalData: [{ key: 'location', value: location }, { key: 'offset', value: String(offset) }, { key: 'length', value: String(length) }],
  });
  const file = path.join(dir, 'model', 'm.onnx');
  writeFileSync(file, encodeModel(m));
  return file;
}

test('external locations that escape the folder, or ranges past the end, are OnnxFormatError naming the tensor', () => {
  const dir = scratch();
  try {
    const inner = path.join(dir, 'model');
    mkdirSync(inner);
    writeFileSync(path.join(dir, 'outside.bin'), new Uint8Array(64 * 64 * 4));
    writeFileSync(path.join(inner, 'w.bin'), new Uint8Array(64 * 64 * 4));
    symlinkSync(path.join(dir, 'outside.bin'), path.join(inner, 'link.bin'));
    const cases: [string, number, string][] = [
      [path.join(dir, 'outside.bin'), 0, 'absolute'],
      ['../outside.bin', 0, 'outside'],
      ['sub/../../outside.bin', 0, 'outside'],
      ['link.bin', 0, 'link'],
      ['w.bin', 100, 'past the end'],
      ['missing.bin', 0, 'not found'],
    ];
    for (const [location, offset, why] of cases) {
      const file = withLocation(dir, location, offset);
      assert.throws(() => loadModel(file), (e: Error) =>
        e instanceof OnnxFormatError && e.message.includes("'W1'") && e.message.includes(why) && !e.message.includes('\n'),
      `${location} @ ${offset}`);
    }
    // The same model pointing at a proper file inside the folder loads.
    loadModel(withLocation(dir, 'w.bin')).external.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('saveModel refuses to overwrite its source, leaves no temp files, and never changes the input', () => {
  const dir = scratch();
  try {
    const file = path.join(dir, 'in.onnx');
    saveModel(mlp(), file, { externalData: true });
    const before = [sha256(file), sha256(`${file}.data`)];

    const loaded = loadModel(file);
    assert.throws(() => saveModel(loaded.model, file, { source: loaded.external }), UsageError);
    assert.throws(() => saveModel(loaded.model, path.join(dir, 'x', '..', 'in.onnx'), { source: loaded.external }), UsageError);
    // Writing the output's data file over the input's data file would change the input model.
    assert.throws(() => saveModel(loaded.model, path.join(dir, 'out.onnx'), { externalData: true, location: 'in.onnx.data', source: loaded.external }), UsageError);

    // A failing save (an external tensor with no source to read it from) cleans up after itself.
    assert.throws(() => saveModel(loaded.model, path.join(dir, 'fail.onnx'), { externalData: true }), OnnxFormatError);
    assert.deepEqual(tempFiles(dir), []);
    assert.ok(!existsSync(path.join(dir, 'fail.onnx')));

    saveModel(loaded.model, path.join(dir, 'out.onnx'), { externalData: true, source: loaded.external });
    loaded.external.close();
    assert.deepEqual(tempFiles(dir), []);
    assert.deepEqual([sha256(file), sha256(`${file}.data`)], before);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('isInside: `..` as a path segment leaves the folder, a name starting with dots does not', () => {
  assert.equal(isInside('/m', '/m'), true);
  assert.equal(isInside('/m', '/m/w.data'), true);
  assert.equal(isInside('/m', '/m/..w.data'), true);
  assert.equal(isInside('/m', '/m/sub/../w.data'), true);
  assert.equal(isInside('/m', '/w.data'), false);
  assert.equal(isInside('/m', '/m/../w.data'), false);
  assert.equal(isInside('/m', '/mx/w.data'), false);
});
