/**
 * Issue 10, point 4: exit codes and messages a new user meets — a parity check that cannot run on the
 * original is bad input (2), a missing feed too; config problems one per line; a missing source at its
 * config line; two models writing one file (also when only the case differs) refused.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cliSync, root } from './helpers/cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'onnx-diet-exit-'));
const DEMO = path.join(root, 'examples/demo/albert-tiny.onnx');

function config(name: string, text: string): string {
  const file = path.join(dir, `${name}.yml`);
  writeFileSync(file, text);
  return file;
}

const errors = (stderr: string) => stderr.split('\n').filter((l) => l.startsWith('onnx-diet:'));

test('two config problems are two lines, each with its file:line:col', () => {
  const file = config('two', [
    'models:',
    '  - name: a',
    `    source: ${DEMO}`,
    '    stages: [dedup, shrink]',
    '    budgets: { max-sise: 1MB }',
    '',
  ].join('\n'));
  const r = cliSync(['run', '--config', file], { cwd: root });
  assert.equal(r.status, 2, r.stderr);
  const lines = errors(r.stderr);
  assert.equal(lines.length, 2, r.stderr);
  assert.match(lines[0]!, /^onnx-diet: .*two\.yml:4:\d+: models\[0\]\.stages\[1\]: /);
  assert.match(lines[1]!, /^onnx-diet: .*two\.yml:5:\d+: models\[0\]\.budgets\.max-sise: unknown key 'max-sise'; did you mean 'max-size'\?/);
});

test('a missing source is a config error at the source line, before anything is written', () => {
  const file = config('nope', ['models:', '  - name: a', '    source: nope.onnx', '    output: out/a.onnx', ''].join('\n'));
  const r = cliSync(['run', '--config', file], { cwd: root });
  assert.equal(r.status, 2, r.stderr);
  const lines = errors(r.stderr);
  assert.equal(lines.length, 1, r.stderr);
  assert.match(lines[0]!, /^onnx-diet: .*nope\.yml:3:13: a: source .*nope\.onnx: no such file; export the model there first, or fix the path$/);
  assert.equal(existsSync(path.join(dir, 'out')), false);
});

test('a sample without a value for one of the model inputs (a missing feed) is exit 2, one line', () => {
  const file = config('feed', [
    'models:',
    '  - name: a',
    `    source: ${DEMO}`,
    `    output: ${path.join(dir, 'feed.onnx')}`,
    `    parity: { inputs: ${path.join(root, 'test/fixtures/inputs/arange.npy')} }`,
    '    latency: false',
    '',
  ].join('\n'));
  const r = cliSync(['run', '--config', file], { cwd: root });
  assert.equal(r.status, 2, r.stderr);
  const lines = errors(r.stderr);
  assert.equal(lines.length, 1, r.stderr);
  assert.match(lines[0]!, /arange\.npy: (no value for the model input|'.*' is not an input)/);
});

test('two models whose outputs are one file (names differing only in case) are refused', () => {
  const file = config('case', [
    'models:',
    '  - name: Albert',
    `    source: ${DEMO}`,
    '  - name: albert',
    `    source: ${DEMO}`,
    '',
  ].join('\n'));
  const r = cliSync(['run', '--config', file], { cwd: root });
  assert.equal(r.status, 2, r.stderr);
  assert.match(r.stderr, /case\.yml:4:\d+: models\[1\]\.output: .*albert\.slim\.onnx is also the output of models\[0\]/);
});
