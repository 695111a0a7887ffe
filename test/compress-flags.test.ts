/**
 * Issue 10, point 3: what a config can set, `compress` takes on the command line — stage options in the
 * config's own YAML flow syntax (PRODUCT.md), and `--dims` / `--inputs` / `--samples` / `--calibration`
 * for `--auto`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { compressModel } from '../src/pipeline/compress.js';
import { cliSync } from './helpers/cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'onnx-diet-flags-'));
const DEMO = 'examples/demo/albert-tiny.onnx';
const ENCODER = 'test/fixtures/mask-encoder.onnx';

const sha = (json: string) => JSON.parse(readFileSync(json, 'utf8')).models[0].compressed.sha256 as string;

test('--stages takes the config\'s YAML flow sequence with options: the same model as the config\'s stages', async () => {
  const json = path.join(dir, 'flow.json');
  const r = cliSync(['compress', DEMO, '-o', path.join(dir, 'flow.onnx'), '--stages', '[dedup, prune, {quantize-int8: {reduce-range: true}}]', '--json', json]);
  assert.equal(r.status, 0, r.stderr);
  const lib = await compressModel(DEMO, path.join(dir, 'lib.onnx'), { stages: ['dedup', 'prune', { 'quantize-int8': { 'reduce-range': true } }] });
  assert.equal(sha(json), lib.compressed.sha256, 'the flag and the library call build the same bytes');

  const plainJson = path.join(dir, 'plain.json');
  assert.equal(cliSync(['compress', DEMO, '-o', path.join(dir, 'plain.onnx'), '--stages', 'dedup,prune,quantize-int8', '--json', plainJson]).status, 0);
  assert.notEqual(sha(plainJson), sha(json), 'reduce-range changed the weights');
});

test('--stages mistakes are one line with the fix: options in a comma list, unknown stages and options, broken YAML', () => {
  const cases: [string, RegExp][] = [
    ['quantize-int8:reduce-range', /'quantize-int8:reduce-range' is not a stage name; stage options take the config's YAML flow syntax, e\.g\. --stages '\[dedup, prune, \{quantize-int8: \{reduce-range: true\}\}\]'/],
    ['[dedup, {quantize-int9: {}}]', /--stages\[1\]\.quantize-int9: unknown key 'quantize-int9'; did you mean 'quantize-int8'\?/],
    ['[dedup, {quantize-int8: {reduce-rang: true}}]', /--stages: quantize-int8: unknown option 'reduce-rang'/],
    ['[dedup, prune', /--stages: not a YAML flow sequence/],
    ['[]', /--stages is empty/],
  ];
  for (const [stages, want] of cases) {
    const r = cliSync(['compress', DEMO, '-o', path.join(dir, 'bad.onnx'), '--stages', stages]);
    assert.equal(r.status, 2, `${stages}: ${r.stderr}`);
    const lines = r.stderr.trim().split('\n');
    assert.equal(lines.length, 1, r.stderr);
    assert.match(lines[0]!, want);
  }
});

test('compress --auto takes --dims and --samples: a seq past the position table is bad input naming dims:, a short one runs', () => {
  const long = cliSync(['compress', ENCODER, '-o', path.join(dir, 'long.onnx'), '--auto', '--dims', 'seq=65']);
  assert.equal(long.status, 2, long.stderr);
  assert.match(long.stderr, /seq = 65 \(dims:\).*--dims seq=N for compare and compress --auto/);

  const json = path.join(dir, 'short.json');
  const ok = cliSync(['compress', ENCODER, '-o', path.join(dir, 'short.onnx'), '--auto', '--dims', 'seq=8,batch=2', '--samples', '2', '--max-search-time', '120', '--json', json]);
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(ok.stderr, /auto: run the original on 2 samples/);
  assert.ok(JSON.parse(readFileSync(json, 'utf8')).models[0].auto.candidates.length > 1);
});

test('compress --auto --inputs uses the given samples; --calibration is checked and never the parity inputs', () => {
  const inputs = 'test/fixtures/mask-encoder.data';
  const ok = cliSync(['compress', ENCODER, '-o', path.join(dir, 'files.onnx'), '--auto', '--inputs', inputs, '--max-search-time', '120']);
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(ok.stderr, new RegExp(`sample inputs \\(${path.resolve(inputs).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\)`));
  assert.doesNotMatch(ok.stderr, /auto inputs use/, 'no auto samples were drawn');

  const cases: [string[], RegExp][] = [
    [['--auto', '--inputs', inputs, '--calibration', inputs], /--calibration and --inputs name the same data/],
    [['--auto', '--calibration', path.join(dir, 'nope')], /--calibration .*nope: no such file or folder/],
    [['--calibration', path.join(dir, 'nope')], /--calibration .*nope: no such file or folder/],
    [['--dims', 'seq=8', '--samples', '2'], /--samples, --dims go with --auto/],
    [['--auto', '--samples', '0'], /--samples takes a whole number ≥ 1, got '0'/],
    [['--auto', '--dims', 'seq'], /--dims takes NAME=N pairs/],
  ];
  for (const [flags, want] of cases) {
    const r = cliSync(['compress', ENCODER, '-o', path.join(dir, 'x.onnx'), ...flags]);
    assert.equal(r.status, 2, `${flags.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, want);
  }
});

test('compress --help documents the flow syntax and the --auto flags', () => {
  const r = cliSync(['compress', '--help']);
  assert.equal(r.status, 0);
  for (const flag of ['--stages', "{quantize-int8: {reduce-range: true}}", '--inputs PATH', '--samples N', '--dims NAME=N', '--calibration PATH']) {
    assert.ok(r.stdout.includes(flag), `${flag} missing from:\n${r.stdout}`);
  }
});
