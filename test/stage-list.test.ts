/**
 * `compress --stages` takes a comma-separated list or a YAML flow sequence with options, exactly as the
 * config's `stages:` (PRODUCT.md); the peers bench passes its options this way.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { decodeModel } from '../src/onnx/codec.js';
import { parseStageList } from '../src/stages/registry.js';
import { cliSync } from './helpers/cli.js';
import { FIXTURES } from './helpers/fixture-parity.js';

test('a comma-separated list stays a list of names', () => {
  assert.deepEqual(parseStageList('dedup, prune,'), ['dedup', 'prune']);
});

// The YAML flow form is parsed by the CLI (src/cli/stage-list.ts; its unit tests are in
// compress-flags.test.ts); what follows checks it end to end through compress.


test('compress --stages with options runs them (int4 block 16 on gpt-tiny) and refuses a bad option with exit 2', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'stage-list-'));
  const out = path.join(dir, 'q.onnx');
  const r = cliSync(['compress', path.join(FIXTURES, 'gpt-tiny.onnx'), '-o', out, '--stages', '[dedup, {quantize-int4: {block-size: 16, embeddings: none}}]']);
  assert.equal(r.status, 0, r.stderr);
  const m = decodeModel(readFileSync(out));
  const nbits = m.graph!.node.filter((n) => n.opType === 'MatMulNBits');
  assert.ok(nbits.length > 0, 'MatMulNBits nodes written');
  assert.ok(nbits.every((n) => Number(n.attribute.find((a) => a.name === 'block_size')?.i) === 16), 'block size 16 from the flow sequence');
  const bad = cliSync(['compress', path.join(FIXTURES, 'gpt-tiny.onnx'), '-o', out, '--stages', '[{quantize-int4: {block-size: 17}}]']);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /block-size must be a power of two/);
});
