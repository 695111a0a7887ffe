/**
 * Issue 10, points 6 and 7: one rule for `exclude` (globs, int8 and int4 alike), one atomic writer for
 * everything written (reports too), the library's saveModel making the output folder like the CLI does,
 * and the repository's loose ends (licence, scratch files, pointers that lead nowhere).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DataType } from '../src/onnx/dtype.js';
import { saveModel } from '../src/onnx/model-io.js';
import { writeJsonAtomically } from '../src/onnx/files.js';
import { quantizeInt4Stage } from '../src/stages/quantize-int4.js';
import { floatTensor, graph, model, node, randomFloats, valueInfo } from './helpers/builder.js';
import { root } from './helpers/cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'onnx-diet-housekeeping-'));
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

/** Two MatMul layers named like a torch export, weights [64, 64]. */
function twoLayers() {
  return model(graph({
    node: [
      node('MatMul', ['x', 'w0'], ['h'], {}, { name: '/encoder/layer.0/MatMul' }),
      node('MatMul', ['h', 'w1'], ['y'], {}, { name: '/head/MatMul' }),
    ],
    input: [valueInfo('x', DataType.FLOAT, [1, 64])],
    output: [valueInfo('y', DataType.FLOAT, [1, 64])],
    initializer: [floatTensor('w0', [64, 64], randomFloats(64 * 64, 1)), floatTensor('w1', [64, 64], randomFloats(64 * 64, 2))],
  }));
}

test('quantize-int4 exclude takes globs, as quantize-int8 does', async () => {
  const m = twoLayers();
  const r = await quantizeInt4Stage({ exclude: ['/encoder/*'] }).run(m, { tmpDir: dir, log: () => {} });
  assert.deepEqual(m.graph!.node.map((n) => n.opType), ['MatMul', 'MatMulNBits']);
  assert.deepEqual(r.details.skipped, [{ node: '/encoder/layer.0/MatMul', op: 'MatMul', reason: 'excluded' }]);
  const exact = twoLayers();
  await quantizeInt4Stage({ exclude: ['/head/MatMul'] }).run(exact, { tmpDir: dir, log: () => {} });
  assert.deepEqual(exact.graph!.node.map((n) => n.opType), ['MatMulNBits', 'MatMul'], 'a plain name is a glob matching itself');
});

test('saveModel makes a missing output folder, as compress does', () => {
  const out = path.join(dir, 'new', 'deeper', 'm.onnx');
  const saved = saveModel(twoLayers(), out);
  assert.equal(saved.path, out);
  assert.ok(existsSync(out));
});

test('reports go through the one atomic writer: temp beside the target, cleaned up after a killed run', () => {
  const target = path.join(dir, 'reports', 'report.json');
  writeJsonAtomically(target, { a: 1 });
  // What a run killed mid-write leaves: a temporary of a process that is gone, older than this one.
  const stale = path.join(dir, 'reports', `.report.json.999999999.0123abcd.tmp`);
  writeFileSync(stale, '{"half');
  const old = new Date(Date.now() - 3_600_000);
  utimesSync(stale, old, old);
  writeJsonAtomically(target, { a: 2 });
  assert.deepEqual(JSON.parse(readFileSync(target, 'utf8')), { a: 2 });
  assert.deepEqual(readdirSync(path.join(dir, 'reports')), ['report.json'], 'the stale temporary is gone, no new one left');
  // The report writer is the model writer (onnx/files.ts), which fsyncs before the rename.
  assert.match(read('src/onnx/files.ts'), /function writeJsonAtomically[^]*?writeTextAtomically\(/);
  assert.match(read('src/onnx/files.ts'), /fsyncSync\(fd\);\s+closeSync\(fd\);\s+renameSync\(tmp, target\)/);
});

test('the repository: an MIT LICENSE as package.json says, no scratch scripts, pointers that lead somewhere', () => {
  assert.equal(JSON.parse(read('package.json')).license, 'MIT');
  assert.match(read('LICENSE'), /^MIT License\n/);
  // Every script is run by package.json, .ci/run or another script, or named by a README or the test it feeds.
  const uses = [read('package.json'), read('.ci/run'), read('README.md'), read('scripts/fixtures/README.md'),
    ...readdirSync(path.join(root, 'scripts')).filter((f) => f.endsWith('.ts')).map((f) => read(`scripts/${f}`)),
    ...readdirSync(path.join(root, 'test')).filter((f) => f.endsWith('.test.ts')).map((f) => read(`test/${f}`))].join('\n');
  for (const f of readdirSync(path.join(root, 'scripts')).filter((n) => /\.(ts|mjs|py)$/.test(n))) {
    assert.ok(uses.includes(`scripts/${f}`) || uses.includes(`./${f.replace(/\.ts$/, '.js')}`), `scripts/${f} is used nowhere`);
  }
  // action.yml's pointers: `See "SECTION" in FILE` names a heading of FILE.
  const action = read('action.yml').replace(/\n# /g, ' ');
  const pointers = [...action.matchAll(/See "([^"]+)" in\s+(\S+\.md)/g)];
  assert.ok(pointers.length > 0);
  for (const [, section, file] of pointers) assert.match(read(file!), new RegExp(`^#+ ${section}$`, 'm'), `${file} has no section "${section}"`);
  // Test files the README names exist.
  for (const [name] of read('README.md').matchAll(/test\/[\w/.-]+\.test\.ts/g)) assert.ok(existsSync(path.join(root, name)), `README names ${name}`);
  // The schema's strategy text lists the Conv weight-only recipes auto tries.
  assert.match(JSON.stringify(JSON.parse(read('schema/onnx-diet.schema.json'))), /Conv weight-only/);
});
