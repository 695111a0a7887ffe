import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cliSync } from './helpers/cli.js';
import { loadConfig, parseConfig } from '../src/config/load.js';
import { ConfigError } from '../src/config/types.js';
import { CONFIG_SCHEMA } from '../src/config/schema.js';
import { parseFactor, parseRatio, parseSize } from '../src/config/sizes.js';
import { suggest } from '../src/config/validate.js';
import { UsageError } from '../src/onnx/errors.js';
import { runCommand } from '../src/cli/run.js';

test('sizes: decimal and binary units, plain bytes; malformed ones are undefined', () => {
  assert.equal(parseSize('15MB'), 15_000_000);
  assert.equal(parseSize('15 mb'), 15_000_000);
  assert.equal(parseSize('14.3MiB'), 14_994_637); // 14.3 × 1,048,576 = 14,994,636.8
  assert.equal(parseSize('2GiB'), 2_147_483_648);
  assert.equal(parseSize('400kB'), 400_000);
  assert.equal(parseSize(1048576), 1048576);
  assert.equal(parseSize('1048576'), 1048576);
  for (const bad of ['15 MQ', 'MB', '-1MB', '1.5', 1.5, -3, '15M']) assert.equal(parseSize(bad), undefined, String(bad));
});

test('ratios: 4x and 75% both mean a quarter of the size; speed factors', () => {
  assert.equal(parseRatio('4x'), 4);
  assert.equal(parseRatio('4×'), 4);
  assert.equal(parseRatio('75%'), 4);
  assert.equal(parseRatio('50%'), 2);
  assert.equal(parseRatio(2.5), 2.5);
  for (const bad of ['100%', '4y', '0.5x', 0.5]) assert.equal(parseRatio(bad), undefined, String(bad));
  assert.equal(parseFactor('1.2x'), 1.2);
  assert.equal(parseFactor(0.9), 0.9);
});

test('schema/onnx-diet.schema.json is CONFIG_SCHEMA written out (editors and the CLI agree)', () => {
  assert.deepEqual(JSON.parse(readFileSync('schema/onnx-diet.schema.json', 'utf8')), JSON.parse(JSON.stringify(CONFIG_SCHEMA)),
    'regenerate with npm run schema');
});

test('did-you-mean picks the closest key within a small distance', () => {
  assert.equal(suggest('max-szie', ['max-size', 'min-reduction']), 'max-size');
  assert.equal(suggest('max_size', ['max-size', 'min-reduction']), 'max-size');
  assert.equal(suggest('colour', ['max-size', 'min-reduction']), undefined);
});

const GOOD = `# yaml-language-server: $schema=../schema/onnx-diet.schema.json
defaults:
  latency: { runs: 5, threads: 2 }
  budgets: { min-reduction: 75% }
models:
  - name: albert
    source: models/albert.onnx
    stages: [dedup, { quantize-int8: { per-channel: true } }]
    parity:
      dims: { batch: 1, seq: 16 }
      thresholds:
        cosine: 0.995
        outputs: { logits: { top1: 0.9 } }
    latency: { warmup: 1 }
    budgets:
      max-size: 15MB
  - name: gpt
    source: { url: "https://example.com/gpt.onnx", sha256: "${'ab'.repeat(32)}" }
    parity: false
`;

test('a valid config normalizes: paths against the config folder, defaults merged, locations kept', () => {
  const c = parseConfig(GOOD, '/repo/cfg/onnx-diet.yml');
  const [albert, gpt] = c.models;
  assert.deepEqual(albert!.source, { kind: 'path', path: '/repo/cfg/models/albert.onnx' });
  assert.equal(albert!.output, '/repo/cfg/out/albert.slim.onnx');
  assert.deepEqual(albert!.stages.map((s) => s.spec), ['dedup', { 'quantize-int8': { 'per-channel': true } }]);
  assert.deepEqual(albert!.stages[1]!.where, { file: '/repo/cfg/onnx-diet.yml', line: 8, col: 21 });
  assert.deepEqual(albert!.latency, { runs: 5, warmup: 1, threads: 2 }, 'model keys override defaults per key');
  assert.deepEqual(albert!.budgets.map((b) => [b.name, b.limit, b.text, b.where.line, b.where.col]),
    [['min-reduction', 4, '75%', 4, 29], ['max-size', 15e6, '15MB', 16, 17]]);
  assert.equal(albert!.parity && albert!.parity.thresholds.cosine, 0.995);
  assert.equal(albert!.parity && albert!.parity.outputs.logits!.top1, 0.9);
  assert.equal(albert!.parity && albert!.parity.outputs.logits!.where.top1!.line, 13);
  assert.deepEqual(gpt!.source, { kind: 'url', url: 'https://example.com/gpt.onnx', sha256: 'ab'.repeat(32) });
  assert.equal(gpt!.parity, false);
});

/** Each broken config: its text, the line:col the first error must point at, and words the message must say. */
const BROKEN: [string, string, string, RegExp][] = [
  ['YAML syntax', 'models:\n  - name: a\n    source: [x.onnx\n', '4:1', /YAML/],
  ['unknown top-level key', 'modles:\n  - name: a\n    source: a.onnx\n', '1:1', /unknown key 'modles'; did you mean 'models'/],
  ['misspelt budget', 'models:\n  - name: a\n    source: a.onnx\n    budgets:\n      max-szie: 15MB\n', '5:7', /did you mean 'max-size'/],
  ['bad size', 'models:\n  - name: a\n    source: a.onnx\n    budgets: { max-size: 15 MQ }\n', '4:26', /expected a size like 15MB/],
  ['bad ratio', 'models:\n  - name: a\n    source: a.onnx\n    budgets: { min-reduction: 4y }\n', '4:31', /reduction like 4x or 75%/],
  ['wrong type', 'models:\n  - name: a\n    source: a.onnx\n    parity: { samples: eight }\n', '4:24', /samples: expected a whole number, got "eight"/],
  ['missing source', 'models:\n  - name: a\n', '2:5', /missing key 'source'/],
  ['unknown stage', 'models:\n  - name: a\n    source: a.onnx\n    stages: [dedup, quantise-int8]\n', '4:21', /did you mean 'quantize-int8'/],
  ['duplicate key', 'models:\n  - name: a\n    name: b\n    source: a.onnx\n', '3:5', /unique/],
  ['alias bomb', `a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\nmodels: []\n`, '1:1', /alias/i],
  ['empty file', '# nothing here\n', '1:1', /empty/],
  ['plain http source', 'models:\n  - name: a\n    source: http://example.com/a.onnx\n', '3:13', /https:\/\/ URL/],
  ['bad sha256', 'models:\n  - name: a\n    source: { url: "https://e.com/a.onnx", sha256: abc }\n', '3:52', /sha256 of 64 hex digits/],
  ['duplicate model names', 'models:\n  - name: a\n    source: a.onnx\n  - name: a\n    source: b.onnx\n', '4:11', /already the name/],
  ['threads 0', 'models:\n  - name: a\n    source: a.onnx\n    latency: { threads: 0 }\n', '4:25', /must be ≥ 1/],
  ['latency budget without latency', 'models:\n  - name: a\n    source: a.onnx\n    latency: false\n    budgets: { min-speedup: 1.1 }\n', '5:29', /needs latency measured/],
  ['list at the top', '- a\n- b\n', '1:1', /expected a mapping/],
  ['unresolved tag', 'models:\n  - name: !!js/function a\n    source: a.onnx\n', '2', /YAML.*tag/i],
  ['auto with its own stages', 'models:\n  - name: a\n    source: a.onnx\n    strategy: auto\n    stages: [dedup]\n', '5:13', /strategy: auto chooses the stages itself/],
  ['objective without auto', 'models:\n  - name: a\n    source: a.onnx\n    objective: latency\n', '4:16', /objective: only strategy: auto uses it/],
  ['max-search-time without auto', 'models:\n  - name: a\n    source: a.onnx\n    strategy: stages\n    max-search-time: 60\n', '5:22', /max-search-time: only strategy: auto uses it/],
];

for (const [kind, text, at, words] of BROKEN) {
  test(`broken config (${kind}) → ConfigError at file:${at} (exit 2)`, () => {
    assert.throws(() => parseConfig(text, 'cfg.yml'), (e: unknown) => {
      assert.ok(e instanceof ConfigError && e instanceof UsageError, 'a UsageError: the CLI exits 2');
      const first = e.message.split('\n')[0]!;
      assert.ok(first.startsWith(`cfg.yml:${at}`), `points at cfg.yml:${at}: ${first}`);
      assert.match(e.message, words);
      return true;
    });
  });
}

test('strategy: auto may sit beside stages set in defaults (they serve the other models)', () => {
  const c = parseConfig('defaults:\n  stages: [dedup, quantize-int8]\nmodels:\n  - name: a\n    source: a.onnx\n    strategy: auto\n    objective: latency\n    max-search-time: 60\n  - name: b\n    source: b.onnx\n', 'cfg.yml');
  assert.deepEqual(c.models.map((m) => [m.strategy, m.objective, m.maxSearchTimeS]), [['auto', 'latency', 60], ['stages', 'size', 600]]);
  assert.deepEqual(c.models[1]!.stages.map((s) => s.spec), ['dedup', 'quantize-int8']);
});

test('the run command rejects a broken config before doing anything (exit 2 in the CLI)', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'onnx-diet-cfg-'));
  const file = path.join(dir, 'onnx-diet.yml');
  writeFileSync(file, BROKEN[2]![1]);
  await assert.rejects(runCommand.run(['--config', file]), (e: Error) => e instanceof UsageError && e.message.startsWith(`${file}:5:7:`));
  await assert.rejects(runCommand.run(['--config', path.join(dir, 'missing.yml')]), /no such config file/);
});

test('the CLI exits 2 with file:line:col on stderr for a broken config', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'onnx-diet-cfg-'));
  const file = path.join(dir, 'bad.yml');
  writeFileSync(file, BROKEN[7]![1]);
  const r = cliSync(['run', '--config', file]);
  assert.equal(r.status, 2, r.stderr);
  assert.match(r.stderr, new RegExp(`${file.replace(/[.]/g, '\\.')}:4:21: models\\[0\\]\\.stages\\[1\\]: "quantise-int8" is not one of .*did you mean 'quantize-int8'`));
});

test('loadConfig reads the example config', () => {
  const c = loadConfig('examples/onnx-diet.yml');
  assert.equal(c.models[0]!.name, 'albert-tiny');
  assert.equal(c.models[0]!.source.kind, 'path');
});
