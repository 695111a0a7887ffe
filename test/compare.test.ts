import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cliSync } from './helpers/cli.js';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { encodeModel } from '../src/onnx/codec.js';
import type { ModelProto } from '../src/onnx/types.js';
import { compareModels } from '../src/pipeline/compare.js';
import { renderMarkdown } from '../src/report/markdown.js';
import { bertStyle, opaquePositions } from './helpers/position-models.js';

const dir = mkdtempSync(path.join(tmpdir(), 'onnx-diet-compare-'));

const cli = (...args: string[]) => cliSync(args);

function saved(name: string, m: ModelProto): string {
  const file = path.join(dir, `${name}.onnx`);
  writeFileSync(file, encodeModel(m));
  return file;
}

const parity = (dims: Record<string, number>) => ({
  inputs: 'auto', samples: 2, seed: 0, dims, thresholds: { where: {} }, outputs: {},
});

test('compare on albert-tiny with auto inputs runs: seq stops at its 64-row position table', () => {
  const json = path.join(dir, 'albert.json');
  const r = cli('compare', 'test/fixtures/albert-tiny.onnx', 'test/fixtures/albert-tiny.shared.onnx', '--runs', '2', '--json', json);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /auto inputs use seq = 64 \('pos\.weight' has 64 rows, read by node '\/pos\/Gather'\)/);
  const m = JSON.parse(readFileSync(json, 'utf8')).models[0];
  assert.equal(m.parity.outputs[0].maxAbs, 0, 'the shared export answers bit for bit');
});

test('a built HF-BERT-style model runs at its inferred length; a longer dims: value is bad input naming the dim', async () => {
  const file = saved('bert-style', bertStyle(40, 50));
  const ok = await compareModels(file, file, { parity: parity({}), latency: false });
  assert.equal(ok.passed, true, JSON.stringify(ok.models[0]!.parity));
  // 45 ≤ 50 (the buffer) but > 40 (the table): onnxruntime's Gather rejects index 40. The original cannot
  // run on these samples: that is bad input (UsageError, exit 2), not a failed check (issue 10, point 4).
  await assert.rejects(compareModels(file, file, { parity: parity({ sequence_length: 45 }), latency: false }),
    (e: Error) => e.name === 'UsageError'
      && /bert-style\.onnx: onnxruntime cannot run the original model .*out of data bounds.*auto inputs used sequence_length = 45 \(dims:\).*set a smaller sequence_length in dims:/.test(e.message));
});

test('an original that cannot run on the samples (a sequence past its position table) exits 2 in one line', () => {
  const file = saved('opaque-orig', opaquePositions(100)); // nothing limits seq, so 128 overruns 100 rows
  const r = cli('compare', file, file, '--runs', '2');
  assert.equal(r.status, 2, r.stderr);
  const lines = r.stderr.split('\n').filter((l) => l.startsWith('onnx-diet:'));
  assert.equal(lines.length, 1, r.stderr);
  assert.match(lines[0]!, /^onnx-diet: .*opaque-orig\.onnx: onnxruntime cannot run the original model .*out of data bounds.* seq = 128 \(default\).*--dims seq=N for compare and compress --auto\)\); the parity check compares against it$/);
});

test('onnxruntime errors go below the table, one line each; the cells stay short', () => {
  // Positions are 0, 2, 4 …: seq 128 reads row 254, inside the original's 300 rows, past the "compressed" one's 100.
  const original = saved('opaque-300', opaquePositions(300));
  const file = saved('opaque', opaquePositions(100));
  const json = path.join(dir, 'opaque.json');
  const r = cli('compare', original, file, '--runs', '2', '--json', json);
  assert.equal(r.status, 1, r.stderr);
  const widest = Math.max(...r.stdout.split('\n').map((l) => [...l].length));
  assert.ok(widest <= 80, `table is ${widest} columns wide:\n${r.stdout}`);
  assert.equal(r.stdout.match(/could not run \(see below\)/g)?.length, 2, r.stdout);
  const errors = r.stderr.split('\n').filter((l) => l.includes('could not run'));
  assert.equal(errors.length, 1, 'parity and latency failed alike: one line');
  assert.match(errors[0]!, /^onnx-diet: compare: parity and latency could not run: onnxruntime failed .*out of data bounds.* seq = 128 \(default\).*--dims seq=N for compare and compress --auto\)$/);

  // The Markdown report (PR comment): same short cell, the error on its own line under the table.
  const md = renderMarkdown(JSON.parse(readFileSync(json, 'utf8'))).split('\n');
  const parityRow = md.find((l) => l.startsWith('| Parity |'));
  assert.equal(parityRow, '| Parity |  | could not run (see below) | ≥ runs | ❌ |');
  const errorLine = md.findIndex((l) => l.startsWith('❌ parity and latency could not run: `onnxruntime failed'));
  assert.ok(errorLine > md.indexOf(parityRow) && errorLine < md.findIndex((l) => l.startsWith('<details>')), md.join('\n'));
});
