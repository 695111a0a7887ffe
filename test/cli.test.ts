/**
 * The CLI as users and CI call it: spawned, exit codes (0 ok, 2 bad input or usage), one-line errors,
 * the report JSON contract, and outputs that load (in our codec and in onnxruntime-node).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import { errorLine } from '../src/cli/errors.js';
import { DataType } from '../src/onnx/dtype.js';
import { OnnxFormatError, UsageError } from '../src/onnx/errors.js';
import { loadModel, saveModel } from '../src/onnx/model-io.js';
import { floatTensor, graph, model, node, randomFloats, valueInfo } from './helpers/builder.js';
import { cliArgs, root } from './helpers/cli.js';

const demo = path.join(root, 'examples/demo/albert-tiny.onnx');
const tmp = mkdtempSync(path.join(tmpdir(), 'cli-test-'));
test.after(() => rmSync(tmp, { recursive: true, force: true }));

interface Ran { code: number; stdout: string; stderr: string }

function cli(...args: string[]): Promise<Ran> {
  return new Promise((resolve) => {
    execFile(process.execPath, cliArgs(args),
      { cwd: root, env: { ...process.env, ONNX_DIET_DEBUG: '' } },
      (err, stdout, stderr) => resolve({ code: err ? Number(err.code) : 0, stdout, stderr }));
  });
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Exit 2 and a single `onnx-diet: …` line on stderr (no stack trace) that mentions `what`. */
function assertUsageError(r: Ran, what: RegExp) {
  assert.equal(r.code, 2, `expected exit 2, got ${r.code}; stderr: ${r.stderr}`);
  const lines = r.stderr.split('\n').filter((l) => l && !l.startsWith('['));
  assert.equal(lines.length, 1, `one error line expected, got:\n${r.stderr}`);
  assert.match(lines[0]!, /^onnx-diet: /);
  assert.match(lines[0]!, what);
  assert.doesNotMatch(r.stderr, /\n\s+at /);
}

/** y = (x·W)·W2 + b with W2 a copy of W, saved to `file` (external data optional). */
function builtModel(file: string, externalData = false) {
  const w = randomFloats(64 * 64, 11);
  const g = graph({
    input: [valueInfo('x', DataType.FLOAT, [1, 64])],
    output: [valueInfo('y', DataType.FLOAT, [1, 64])],
    initializer: [floatTensor('W', [64, 64], w), floatTensor('W2', [64, 64], w), floatTensor('b', [64], randomFloats(64, 12)),
      floatTensor('unused', [16], randomFloats(16, 13))],
    node: [node('MatMul', ['x', 'W'], ['h']), node('MatMul', ['h', 'W2'], ['h2']), node('Add', ['h2', 'b'], ['y'])],
  });
  saveModel(model(g), file, { externalData });
  return file;
}

test('--version and --help', async () => {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
  const v = await cli('--version');
  assert.equal(v.code, 0);
  assert.equal(v.stdout.trim(), pkg.version);
  const h = await cli('--help');
  assert.equal(h.code, 0);
  assert.match(h.stdout, /onnx-diet inspect MODEL/);
  assert.match(h.stdout, /onnx-diet compress IN -o OUT/);
  const ch = await cli('compress', '--help');
  assert.equal(ch.code, 0);
  assert.match(ch.stdout, /--stages LIST/);
});

test('compress the demo model: size table, report JSON contract, outputs that load and run', async () => {
  const out = path.join(tmp, 'new/folder/albert.slim.onnx');
  const json = path.join(tmp, 'reports/albert.json');
  const before = sha256(demo);
  const r = await cli('compress', demo, '-o', out, '--json', json);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^original\s/m);
  assert.match(r.stdout, /^after dedup\s/m);
  assert.match(r.stdout, /^after prune\s/m);
  assert.match(r.stdout, /^final \(saved\)\s/m);
  assert.equal(sha256(demo), before, 'the input is never modified');

  const report = JSON.parse(readFileSync(json, 'utf8'));
  assert.equal(report.tool, 'onnx-diet');
  assert.equal(typeof report.version, 'string');
  assert.equal(report.passed, true);
  assert.equal(report.models.length, 1);
  const m = report.models[0];
  assert.equal(m.name, 'albert-tiny');
  assert.equal(m.source, demo);
  assert.equal(m.output, out);
  assert.deepEqual(m.original, { bytes: statSync(demo).size, sha256: before });
  assert.deepEqual(m.compressed, { bytes: statSync(out).size, sha256: sha256(out) });
  assert.deepEqual(m.stages.map((s: { name: string }) => s.name), ['dedup', 'prune']);
  for (const s of m.stages) {
    assert.deepEqual(Object.keys(s).sort(), ['bytesAfter', 'bytesBefore', 'details', 'ms', 'name']);
    assert.ok(s.bytesAfter <= s.bytesBefore);
  }
  assert.ok(m.compressed.bytes < m.original.bytes / 2, 'the demo model is bloated with per-use copies');
  assert.equal(m.passed, true);

  assert.ok(loadModel(out).model.graph);
  const session = await ort.InferenceSession.create(out);
  assert.ok(session.outputNames.length > 0);
  await session.release();
});

test('compress a built model with --external-data: sizes and sha256 cover both files', async () => {
  const input = builtModel(path.join(tmp, 'built.onnx'));
  const out = path.join(tmp, 'built-out/built.slim.onnx');
  const json = path.join(tmp, 'built.json');
  const r = await cli('compress', input, '-o', out, '--stages', 'dedup,prune', '--external-data', '--json', json);
  assert.equal(r.code, 0, r.stderr);
  const data = `${out}.data`;
  assert.ok(existsSync(data));
  const m = JSON.parse(readFileSync(json, 'utf8')).models[0];
  assert.equal(m.compressed.bytes, statSync(out).size + statSync(data).size);
  const both = createHash('sha256').update(readFileSync(out)).update(readFileSync(data)).digest('hex');
  assert.equal(m.compressed.sha256, both);
  // W2 merged into W (16384 bytes), `unused` pruned (64 bytes): the stages say so.
  assert.equal(m.stages[0].bytesBefore - m.stages[0].bytesAfter >= 16384, true);
  const loaded = loadModel(out);
  assert.deepEqual(loaded.model.graph!.initializer.map((t) => t.name).sort(), ['W', 'b']);
  loaded.external.close();
});

test('inspect prints the analysis and writes JSON', async () => {
  const json = path.join(tmp, 'inspect.json');
  const r = await cli('inspect', demo, '--json', json);
  assert.equal(r.code, 0, r.stderr);
  for (const heading of ['bytes by dtype', 'bytes by op', 'largest tensors', 'duplicates:', 'quantizable:']) {
    assert.ok(r.stdout.includes(heading), `missing '${heading}'`);
  }
  const j = JSON.parse(readFileSync(json, 'utf8'));
  assert.equal(j.tool, 'onnx-diet');
  assert.equal(j.source, demo);
  assert.equal(j.modelBytes, statSync(demo).size);
  assert.ok(j.duplicates.reclaimableBytes > 0);
  assert.ok(j.quantizable.tensors > 0);
  assert.equal(j.byOp.reduce((n: number, o: { bytes: number }) => n + o.bytes, 0), j.weights.bytes);
});

test('bad input and usage exit 2 with one line', async () => {
  const text = path.join(tmp, 'notes.onnx');
  writeFileSync(text, 'this is not a protobuf message, just some text\n');
  const empty = path.join(tmp, 'empty.onnx');
  writeFileSync(empty, '');
  const copy = path.join(tmp, 'copy.onnx');
  copyFileSync(demo, copy);
  const before = sha256(copy);

  const cases: [string[], RegExp][] = [
    [['compress', path.join(tmp, 'missing.onnx'), '-o', path.join(tmp, 'x.onnx')], /missing\.onnx: no such file/],
    [['inspect', path.join(tmp, 'missing.onnx')], /missing\.onnx: no such file/],
    [['compress', text, '-o', path.join(tmp, 'x.onnx')], /notes\.onnx: .*not a valid ONNX model|notes\.onnx: /],
    [['inspect', empty], /empty\.onnx: empty file/],
    [['compress', demo, '-o', path.join(tmp, 'x.onnx'), '--stages', 'dedup,shrink'], /unknown stage 'shrink'/],
    [['compress', demo], /missing -o OUT/],
    [['compress', copy, '-o', copy], /overwrite the input/],
    [['compress', copy, '-o', path.join(tmp, '.', 'copy.onnx')], /overwrite the input/],
    [['compress', '-o', path.join(tmp, 'x.onnx')], /missing the input model/],
    [['compress', demo, '-o', path.join(tmp, 'x.onnx'), '--bogus'], /unknown option '--bogus'/],
    [['inspect', demo, 'extra'], /unexpected argument 'extra'/],
    [['shrink'], /unknown command 'shrink'/],
  ];
  const results = await Promise.all(cases.map(([args]) => cli(...args)));
  results.forEach((r, i) => assertUsageError(r, cases[i]![1]));
  assert.equal(sha256(copy), before, 'the input survives an attempt to overwrite it');
  assert.ok(!existsSync(path.join(tmp, 'x.onnx')));
  assert.equal((await cli()).code, 2);
});

test('error lines: ours and system errors as they are, bugs labelled, stack only when debugging', () => {
  assert.equal(errorLine(new UsageError('a.onnx: no such file')), 'onnx-diet: a.onnx: no such file');
  assert.equal(errorLine(new OnnxFormatError('a.onnx: not a valid ONNX model (x)')), 'onnx-diet: a.onnx: not a valid ONNX model (x)');
  const sys = Object.assign(new Error("EACCES: permission denied, open 'a.onnx'"), { code: 'EACCES' });
  assert.equal(errorLine(sys), "onnx-diet: EACCES: permission denied, open 'a.onnx'");
  const bug = new TypeError('cannot read properties of undefined\n(reading "x")');
  assert.equal(errorLine(bug), 'onnx-diet: unexpected error: cannot read properties of undefined (reading "x") (set ONNX_DIET_DEBUG=1 to see where)');
  assert.match(errorLine(bug, true), /\n\s+at /);
});
