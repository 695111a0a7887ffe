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

test('a built HF-BERT-style model runs at its inferred length; a longer dims: value fails naming the dim', async () => {
  const file = saved('bert-style', bertStyle(40, 50));
  const ok = await compareModels(file, file, { parity: parity({}), latency: false });
  assert.equal(ok.passed, true, JSON.stringify(ok.models[0]!.parity));
  // 45 ≤ 50 (the buffer) but > 40 (the table): onnxruntime's Gather rejects index 40
  const bad = await compareModels(file, file, { parity: parity({ sequence_length: 45 }), latency: false });
  const error = bad.models[0]!.parity!.error!;
  assert.match(error, /out of data bounds.*auto inputs used sequence_length = 45 \(dims:\).*set a smaller sequence_length in dims:/);
});

test('onnxruntime errors go below the table, one line each; the cells stay short', () => {
  const file = saved('opaque', opaquePositions(100)); // nothing limits seq, so 128 overruns 100 rows
  const json = path.join(dir, 'opaque.json');
  const r = cli('compare', file, file, '--runs', '2', '--json', json);
  assert.equal(r.status, 1, r.stderr);
  const widest = Math.max(...r.stdout.split('\n').map((l) => [...l].length));
  assert.ok(widest <= 80, `table is ${widest} columns wide:\n${r.stdout}`);
  assert.equal(r.stdout.match(/could not run \(see below\)/g)?.length, 2, r.stdout);
  const errors = r.stderr.split('\n').filter((l) => l.includes('could not run'));
  assert.equal(errors.length, 1, 'parity and latency failed alike: one line');
  assert.match(errors[0]!, /^onnx-diet: compare: parity and latency could not run: onnxruntime failed .*out of data bounds.* seq = 128 \(default\).*compare --dims seq=N\)$/);

  // The Markdown report (PR comment): same short cell, the error on its own line under the table.
  const md = renderMarkdown(JSON.parse(readFileSync(json, 'utf8'))).split('\n');
  const parityRow = md.find((l) => l.startsWith('| Parity |'));
  assert.equal(parityRow, '| Parity |  | could not run (see below) | ≥ runs | ❌ |');
  const errorLine = md.findIndex((l) => l.startsWith('❌ parity and latency could not run: `onnxruntime failed'));
  assert.ok(errorLine > md.indexOf(parityRow) && errorLine < md.findIndex((l) => l.startsWith('<details>')), md.join('\n'));
});
