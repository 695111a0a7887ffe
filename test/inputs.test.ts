import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadModel } from '../src/onnx/model-io.js';
import { UsageError } from '../src/onnx/errors.js';
import { DataType } from '../src/onnx/dtype.js';
import { parseNpy } from '../src/check/npy.js';
import { parseNpz } from '../src/check/npz.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { encodeModel } from '../src/onnx/codec.js';
import { runModelOnce } from '../src/runtime/ort-runner.js';
import { encodeValues, loadSamples, modelInputs, resolveDims } from '../src/check/inputs.js';
import { autoDims, gatherBounds, withDimHint } from '../src/runtime/auto-inputs.js';
import { dimLimits } from '../src/runtime/dim-limits.js';
import { bertStyle, opaquePositions, optStyle } from './helpers/position-models.js';
import { tensorValues, type NamedTensor } from '../src/runtime/named-tensor.js';
import { graph, model, node, valueInfo } from './helpers/builder.js';

const FIX = 'test/fixtures/inputs';
const albert = loadModel('test/fixtures/albert-tiny.onnx').model;
const cnn = loadModel('test/fixtures/cnn-tiny.onnx').model;
const opts = { samples: 3, seed: 0, dims: { seq: 8 } };
const values = (t: NamedTensor | undefined) => Array.from(tensorValues(t!) as ArrayLike<number | bigint>, Number);

test('.npy: dtype, shape and C-order values as numpy wrote them', () => {
  const t = parseNpy(readFileSync(`${FIX}/arange.npy`), 'x', 'arange.npy');
  assert.equal(t.type, 'float32');
  assert.deepEqual(t.dims, [2, 3]);
  assert.deepEqual(values(t), [0, 1, 2, 3, 4, 5]);
});

test('.npy: big-endian data is byte-swapped; Fortran order is refused with a fix', () => {
  const t = parseNpy(readFileSync(`${FIX}/big_endian.npy`), 'x', 'big_endian.npy');
  assert.equal(t.type, 'int32');
  assert.deepEqual(values(t), [1, 2, 3]);
  assert.throws(() => parseNpy(readFileSync(`${FIX}/fortran.npy`), 'x', 'fortran.npy'), /ascontiguousarray/);
  assert.throws(() => parseNpy(new Uint8Array(20), 'x', 'junk.npy'), /not a \.npy file/);
});

test('.npz: stored and deflated archives give the same tensors', () => {
  for (const f of ['albert.npz', 'albert_compressed.npz']) {
    const ts = parseNpz(readFileSync(`${FIX}/${f}`), f);
    assert.deepEqual(ts.map((t) => t.name).sort(), ['attention_mask', 'input_ids', 'token_type_ids']);
    const ids = ts.find((t) => t.name === 'input_ids');
    assert.equal(ids!.type, 'int64');
    assert.deepEqual(values(ids), [5, 17, 999, 0, 42, 7, 3, 1]);
  }
});

test('.npz: a corrupted archive is a clear error, not a crash', () => {
  const bytes = new Uint8Array(readFileSync(`${FIX}/albert_compressed.npz`));
  bytes[90] = bytes[90]! ^ 0xff; // inside the first entry's deflate stream (its data starts at 30 + 13 + 20)
  assert.throws(() => parseNpz(bytes, 'bad.npz'), (e: Error) => e instanceof UsageError && /bad\.npz/.test(e.message));
  assert.throws(() => parseNpz(new Uint8Array(100), 'zero.npz'), /not a zip archive/);
});

test('file samples: .npz, .json (a list = several samples), test_data_set folders, .npy converted to the input type', () => {
  const npz = loadSamples(`${FIX}/albert.npz`, albert, opts);
  assert.equal(npz.length, 1);
  assert.deepEqual(npz[0]!.map((t) => t.name).sort(), ['attention_mask', 'input_ids', 'token_type_ids']);
  const json = loadSamples(`${FIX}/albert.json`, albert, opts);
  assert.equal(json.length, 2);
  assert.deepEqual(values(json[1]!.find((t) => t.name === 'attention_mask')), [1, 1, 1, 1, 1, 1, 0, 0]);
  const sets = loadSamples('test/fixtures/vad-if.data', loadModel('test/fixtures/vad-if.onnx').model, opts);
  assert.equal(sets.length, 2);
  assert.deepEqual(sets.map((s) => values(s.find((t) => t.name === 'use_a'))), [[1], [0]]);
  // image.npy is float64 (numpy's default); the model takes float32; linspace(-1, 1, 3072)[1] = -1 + 2/3071
  const img = loadSamples(`${FIX}/image.npy`, cnn, opts)[0]![0]!;
  assert.equal(img.type, 'float32');
  assert.ok(Math.abs(values(img)[1]! - (-1 + 2 / 3071)) < 1e-7);
});

test('file samples: mismatches are one clear line', () => {
  assert.throws(() => loadSamples(`${FIX}/arange.npy`, albert, opts), /no value for the model input|not an input/);
  assert.throws(() => loadSamples(`${FIX}/arange.npy`, cnn, opts), /dims \[2,3\]/);
  assert.throws(() => loadSamples(`${FIX}/nope.npz`, albert, opts), /no such file/);
  assert.throws(() => loadSamples(`${FIX}/make_inputs.py`, albert, opts), /unknown input file type/);
});

test('auto: token ids stay inside the embedding table, masks are 1, token types 0', () => {
  assert.equal(gatherBounds(albert).get('input_ids'), 1000); // word embeddings are [1000, 32]
  const samples = loadSamples('auto', albert, { samples: 4, seed: 7, dims: { seq: 64 } });
  assert.equal(samples.length, 4);
  for (const s of samples) {
    const ids = values(s.find((t) => t.name === 'input_ids'));
    assert.equal(ids.length, 64);
    assert.ok(ids.every((v) => Number.isInteger(v) && v >= 0 && v < 1000));
    assert.ok(new Set(ids).size > 20, 'ids are spread over the table');
    assert.ok(values(s.find((t) => t.name === 'attention_mask')).every((v) => v === 1));
    assert.ok(values(s.find((t) => t.name === 'token_type_ids')).every((v) => v === 0));
  }
});

test('auto: indices into tables that are inputs, and into GatherElements / GatherND / ScatterElements / loss labels, stay in range', async () => {
  const m = model(graph({
    node: [
      node('Gather', ['table', 'ids'], ['g']), // table is an input [rows, 4]: rows from dims:
      node('GatherElements', ['data', 'idx'], ['ge'], { axis: 1 }), // data [3, 5]: idx < 5
      node('GatherND', ['cube', 'tuples'], ['gn']), // cube [4, 6, 2], tuples [..., 2]: < min(4, 6)
      node('Cast', ['labels64'], ['labels'], { to: DataType.INT64 }), // passes through: labels < 7 classes
      node('NegativeLogLikelihoodLoss', ['scores', 'labels'], ['loss'], { reduction: 'none' }),
    ],
    input: [
      valueInfo('table', DataType.FLOAT, ['rows', 4]), valueInfo('ids', DataType.INT64, [2, 6]),
      valueInfo('data', DataType.FLOAT, [3, 5]), valueInfo('idx', DataType.INT64, [3, 8]),
      valueInfo('cube', DataType.FLOAT, [4, 6, 2]), valueInfo('tuples', DataType.INT64, [5, 2]),
      valueInfo('scores', DataType.FLOAT, [9, 7]), valueInfo('labels64', DataType.INT32, [9]),
    ],
    output: [valueInfo('g', DataType.FLOAT), valueInfo('ge', DataType.FLOAT), valueInfo('gn', DataType.FLOAT), valueInfo('loss', DataType.FLOAT)],
  }), 13);
  // The inputs' dims as the samples have them (autoSamples resolves them from dims:).
  const inputDims = new Map([['table', [3, 4]], ['data', [3, 5]], ['cube', [4, 6, 2]], ['tuples', [5, 2]], ['scores', [9, 7]]]);
  assert.deepEqual(Object.fromEntries(gatherBounds(m, inputDims)), { ids: 3, idx: 5, tuples: 4, labels: 7, labels64: 7 });
  assert.deepEqual(Object.fromEntries(gatherBounds(m)), {}, 'no table is an initializer: nothing known without the inputs');
  const [sample] = loadSamples('auto', m, { samples: 1, seed: 3, dims: { rows: 3 } });
  const max = (name: string) => Math.max(...values(sample!.find((t) => t.name === name)));
  assert.ok(max('ids') < 3 && max('idx') < 5 && max('tuples') < 4 && max('labels64') < 7);
  // And onnxruntime runs the model on them (it refuses an index out of range).
  const file = path.join(tmpdir(), `onnx-diet-indexing-${process.pid}.onnx`);
  writeFileSync(file, encodeModel(m));
  const r = await runModelOnce(file, sample!);
  assert.equal(r.outputs.length, 4);
});

test('auto: same seed → same bytes; another seed → other values; images are pictures, other floats standard normal', () => {
  const a = loadSamples('auto', cnn, { samples: 2, seed: 1, dims: {} });
  const b = loadSamples('auto', cnn, { samples: 2, seed: 1, dims: {} });
  const c = loadSamples('auto', cnn, { samples: 2, seed: 2, dims: {} });
  assert.deepEqual(a, b);
  assert.notDeepEqual(a[0]![0]!.data, c[0]![0]!.data);
  assert.notDeepEqual(a[0]![0]!.data, a[1]![0]!.data, 'samples differ from each other');
  // cnn-tiny's input is an image: values in the normalised range, neighbours mostly alike (edges are few).
  const img = a[0]![0]!;
  assert.equal(img.dims.length, 4);
  const px = values(img);
  const w = img.dims[3]!;
  let alike = 0;
  for (let i = 0; i + 1 < px.length; i++) if ((i + 1) % w !== 0 && Math.abs(px[i]! - px[i + 1]!) < 0.2) alike++;
  assert.ok(px.every((v) => v >= -2.1 && v <= 2.1), 'within [−2.1, 2.1]');
  assert.ok(alike / px.length > 0.7, `neighbours alike: ${alike / px.length}`);
  const flat = model(graph({ node: [node('Identity', ['x'], ['y'])], input: [valueInfo('x', DataType.FLOAT, [4, 256])], output: [valueInfo('y', DataType.FLOAT)] }));
  const x = values(loadSamples('auto', flat, { samples: 1, seed: 1, dims: {} })[0]![0]);
  const mean = x.reduce((s, v) => s + v, 0) / x.length;
  const sd = Math.sqrt(x.reduce((s, v) => s + (v - mean) ** 2, 0) / x.length);
  assert.ok(Math.abs(mean) < 0.1 && Math.abs(sd - 1) < 0.1, `mean ${mean}, sd ${sd}`);
});

test('dims: config values, name defaults (batch 1, sequence 128), and a clear error for unknown ones', () => {
  const m = model(graph({
    node: [node('Identity', ['x'], ['y'])],
    input: [valueInfo('x', DataType.FLOAT, ['batch', 'sequence', 'features', 4])],
    output: [valueInfo('y', DataType.FLOAT)],
  }));
  const [input] = modelInputs(m);
  assert.throws(() => resolveDims(input!, {}), /symbolic dim 'features'.*parity\.dims\.features/);
  assert.deepEqual(resolveDims(input!, { features: 3 }), [1, 128, 3, 4]);
  assert.deepEqual(resolveDims(input!, { features: 3, batch: 2, sequence: 5 }), [2, 5, 3, 4]);
});

test('encodeValues writes little-endian bytes of each type (float16 by IEEE half rounding)', () => {
  assert.deepEqual([...encodeValues('int64', [1, -1])], [1, 0, 0, 0, 0, 0, 0, 0, 255, 255, 255, 255, 255, 255, 255, 255]);
  assert.deepEqual([...encodeValues('float16', [1, -2])], [0x00, 0x3c, 0x00, 0xc0]);
  assert.deepEqual([...encodeValues('bool', [0, 3])], [0, 1]);
  assert.deepEqual([...encodeValues('float32', [1])], [0, 0, 0x80, 0x3f]);
});

// Golden sizes from the fixture scripts: albert_tiny.py MAX_POS = 64, gpt_tiny.py MAX_POS = 128.
test('auto: an unset sequence dim stops at the model\'s position table (albert-tiny 64 rows, gpt-tiny 128)', () => {
  const albertDims = autoDims(albert, modelInputs(albert), {});
  assert.deepEqual(albertDims.map((d) => [d.name, d.value]), [['batch', 1], ['seq', 64]]);
  assert.match(albertDims[1]!.why, /'pos\.weight' has 64 rows, read by node '\/pos\/Gather'/);
  const samples = loadSamples('auto', albert, { samples: 1, seed: 0, dims: {} });
  assert.ok(samples[0]!.every((t) => t.dims[1] === 64));

  const gpt = loadModel('test/fixtures/gpt-tiny.onnx').model;
  const gptSeq = autoDims(gpt, modelInputs(gpt), {}).find((d) => d.name === 'seq')!;
  assert.equal(gptSeq.value, 128); // the default and the table agree; the table is named
  assert.match(gptSeq.why, /wpe\.weight/);

  // dims: wins over the model, and is reported as such
  assert.deepEqual(autoDims(albert, modelInputs(albert), { seq: 8 }).find((d) => d.name === 'seq'), { name: 'seq', value: 8, why: 'dims:' });
});

test('dim limits: HF BERT (sliced arange buffer), OPT (CumSum of the mask + 2), and no limit from a zeros buffer', () => {
  // position table of 40 rows, buffers of 50: indices 0 … L−1 must be < 40; the zeros buffer only says L ≤ 50.
  const bert = dimLimits(bertStyle(40, 50)).get('sequence_length');
  assert.deepEqual(bert && [bert.max, bert.table], [40, 'position_embeddings']);
  // a buffer shorter than the table: Slice would clamp, so the buffer's length is the limit
  assert.equal(dimLimits(bertStyle(40, 30)).get('sequence_length')?.max, 30);
  // largest index L − 1 + 2 = L + 1 must be < 34 → L ≤ 32
  assert.deepEqual(dimLimits(optStyle(34)).get('seq')?.max, 32);
  assert.equal(autoDims(optStyle(34), modelInputs(optStyle(34)), {}).find((d) => d.name === 'seq')?.value, 32);
  // Range(0, 2·L, 2) goes through Mul, which the analysis does not follow: no limit, default 128
  assert.equal(dimLimits(opaquePositions(100)).size, 0);
  assert.equal(autoDims(opaquePositions(100), modelInputs(opaquePositions(100)), {}).find((d) => d.name === 'seq')?.value, 128);
});

test('an index-out-of-range error on auto inputs names the sequence dim to set; other errors are left alone', () => {
  const used = [{ name: 'batch', value: 1, why: 'default' }, { name: 'seq', value: 128, why: 'default' }];
  const msg = withDimHint("Status Message: indices element out of data bounds, idx=64 must be within the inclusive range [-64,63]", used);
  assert.match(msg, /the auto inputs used seq = 128 \(default\), batch = 1 \(default\); set a smaller seq in dims: \(config parity\.dims\.seq, or --dims seq=N for compare and compress --auto\)$/);
  assert.equal(withDimHint('Invalid rank for input', used), 'Invalid rank for input');
  assert.equal(withDimHint('idx out of range', []), 'idx out of range');
});
