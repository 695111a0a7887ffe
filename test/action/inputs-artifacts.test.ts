import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileInArtifact, listFiles, validateArtifactName } from '../../src/action/artifacts.js';
import { readInputs } from '../../src/action/inputs.js';
import { UsageError } from '../../src/onnx/errors.js';

const set: string[] = [];
function inputs(values: Record<string, string>): void {
  for (const [k, v] of Object.entries(values)) {
    const key = `INPUT_${k.toUpperCase()}`;
    process.env[key] = v;
    set.push(key);
  }
}
afterEach(() => {
  for (const k of set.splice(0)) delete process.env[k];
});

test('validateArtifactName refuses what the artifact service refuses, before any upload', () => {
  for (const ok of ['onnx-diet', 'slim_models.v2', 'report 1']) validateArtifactName(ok);
  for (const [bad, what] of [['a/b', 'forward slash'], ['a\\b', 'backslash'], ['a:b', 'colon'], ['a*', 'asterisk'], ['x\ny', 'line feed'], ['"q"', 'double quote']] as const) {
    assert.throws(() => validateArtifactName(bad), (e: unknown) => e instanceof UsageError && e.message.includes(what), bad);
  }
  assert.throws(() => validateArtifactName('  '), /empty/);
});

test('fileInArtifact finds the only model, a named path, and refuses escapes', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'art-'));
  mkdirSync(path.join(root, 'm'));
  writeFileSync(path.join(root, 'm/a.onnx'), 'x');
  writeFileSync(path.join(root, 'notes.txt'), 'x');
  const outside = mkdtempSync(path.join(tmpdir(), 'out-'));
  writeFileSync(path.join(outside, 'secret.onnx'), 's');
  symlinkSync(path.join(outside, 'secret.onnx'), path.join(root, 'link.txt'));
  assert.deepEqual(listFiles(root), ['link.txt', 'm/a.onnx', 'notes.txt']);
  assert.equal(fileInArtifact(root, undefined, 'art'), path.join(root, 'm/a.onnx'));
  assert.equal(fileInArtifact(root, 'm/a.onnx', 'art'), path.join(root, 'm/a.onnx'));
  assert.throws(() => fileInArtifact(root, 'm/b.onnx', 'art'), /artifact 'art' has no file 'm\/b\.onnx'; it holds: link\.txt, m\/a\.onnx, notes\.txt/);
  assert.throws(() => fileInArtifact(root, '../x.onnx', 'art'), /leaves the artifact/);
  assert.throws(() => fileInArtifact(root, '/etc/passwd', 'art'), /leaves the artifact/);
  assert.throws(() => fileInArtifact(root, 'link.txt', 'art'), /link out of the artifact/);
  writeFileSync(path.join(root, 'b.onnx'), 'y');
  assert.throws(() => fileInArtifact(root, undefined, 'art'), /holds 2 \.onnx files .*set 'artifact-path'/);
});

test('readInputs: defaults, masking, and one-line errors for bad values', () => {
  inputs({ 'github-token': 'tok', mode: 'full', comment: 'auto', 'fail-on-budget': 'true', baseline: 'false', 'upload-artifact': 'onnx-diet' });
  const i = readInputs();
  assert.equal(i.config, 'onnx-diet.yml');
  assert.equal(i.failOnBudget, true);
  assert.equal(i.retentionDays, undefined);
  assert.equal(i.uploadArtifact, 'onnx-diet');

  inputs({ mode: 'fast' });
  assert.throws(readInputs, /input 'mode': 'fast' is not one of full, report, comment/);
  inputs({ mode: 'full', 'retention-days': '0' });
  assert.throws(readInputs, /input 'retention-days': '0' is not a whole number/);
  inputs({ 'retention-days': '7', 'fail-on-budget': 'maybe' });
  assert.throws(readInputs, /'fail-on-budget': 'maybe' is not a boolean/);
  inputs({ 'fail-on-budget': 'false', 'artifact-path': 'x.onnx' });
  assert.throws(readInputs, /'artifact-path' needs 'artifact'/);
  inputs({ artifact: 'm', 'artifact-repository': 'o/r' });
  assert.throws(readInputs, /'artifact-repository' needs 'artifact-run-id'/);
  inputs({ 'artifact-run-id': '12', mode: 'report', 'upload-artifact': '' });
  assert.throws(readInputs, /mode 'report' uploads the report/);
  inputs({ 'upload-artifact': 'r' });
  const r = readInputs();
  assert.equal(r.artifactRunId, 12);
  assert.equal(r.retentionDays, 7);
  assert.equal(r.failOnBudget, false);
});
