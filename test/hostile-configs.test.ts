/**
 * Hostile configs (issue 6, item 3): alias bombs, nesting, wrong types, huge and non-finite numbers, negative
 * counts, paths that leave the workspace, and files that are not configs at all. Each ends as exit 2 with a
 * `file:line:col` line (or, for files that cannot be read as a config, a line naming the file). The rule for
 * paths (src/config/workspace.ts): inside GITHUB_WORKSPACE when it is set, else inside the current folder or
 * the config's folder, links followed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config/load.js';
import { ConfigError } from '../src/config/types.js';
import { UsageError } from '../src/onnx/errors.js';
import { assertCleanRefusal, assertPeak, changedPaths, runCli, snapshot } from './helpers/hostile.js';
import { aliasBomb } from './helpers/mutate-config.js';
import { Rng } from './helpers/mutate.js';

const work = mkdtempSync(path.join(tmpdir(), 'hostile-configs-'));
test.after(() => rmSync(work, { recursive: true, force: true }));

const MODEL = 'models:\n  - name: m\n    source: m.onnx\n';

/** A config file in its own folder `work/NAME/`, holding `text`. */
function configFile(name: string, text: string | Uint8Array): string {
  const dir = path.join(work, name);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'onnx-diet.yml');
  writeFileSync(file, text);
  return file;
}

/** loadConfig in `cwd` with `env` (GITHUB_WORKSPACE) set for the call. */
function load(file: string, opts: { cwd?: string; workspace?: string } = {}) {
  const [cwd, ws] = [process.cwd(), process.env.GITHUB_WORKSPACE];
  process.chdir(opts.cwd ?? path.dirname(file));
  if (opts.workspace) process.env.GITHUB_WORKSPACE = opts.workspace; else delete process.env.GITHUB_WORKSPACE;
  try {
    return loadConfig(file);
  } finally {
    process.chdir(cwd);
    if (ws === undefined) delete process.env.GITHUB_WORKSPACE; else process.env.GITHUB_WORKSPACE = ws;
  }
}

/** Refused with a ConfigError whose first line is `file:LINE:COL: …` and says `what`. */
function refused(file: string, line: number, what: RegExp, opts: Parameters<typeof load>[1] = {}): void {
  assert.throws(() => load(file, opts), (e: unknown) => {
    assert.ok(e instanceof ConfigError, `ConfigError, got ${(e as Error).name}: ${(e as Error).message}`);
    const first = e.message.split('\n')[0]!;
    assert.ok(first.startsWith(`${file}:${line}:`), `at line ${line}: ${e.message}`);
    assert.match(e.message, what);
    return true;
  });
}

const CASES: [string, string, number, RegExp][] = [
  ['billion laughs', `${aliasBomb(new Rng(1), 9, 10)}${MODEL}`, 1, /alias.*at most 100/i],
  ['deeply nested flow', `models: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`, 1, /nested too deeply/],
  ['deeply nested block', `models:\n  ${'- '.repeat(20_000)}x\n`, 0, /nested too deeply/],
  ['models is a number', 'models: 5\n', 1, /models: expected a list of models/],
  ['wrong types everywhere', 'models:\n  - name: [a]\n    source: 5\n    stages: dedup\n    parity: yes\n    latency: 3\n    budgets: []\n', 2,
    /name: expected a name.*\n.*source: expected a path.*\n.*stages: expected a list of stages.*\n.*parity: expected false or a parity section.*\n.*latency: expected.*\n.*budgets: expected a mapping/],
  ['1e309', `${MODEL}    budgets: { max-latency-ms: 1e309 }\n`, 4, /max-latency-ms: must be a finite number, got Infinity/],
  ['.nan threshold', `${MODEL}    parity: { thresholds: { cosine: .nan } }\n`, 4, /cosine: must be a finite number, got NaN/],
  ['2^64 bytes', `${MODEL}    budgets: { max-size: 18446744073709551616 }\n`, 4, /max-size: 18446744073709552000 is too large/],
  ['2^64 as a size string', `${MODEL}    budgets: { max-size: 18446744073709551616GB }\n`, 4, /not a usable max-size value/],
  ['negative counts', `${MODEL}    parity: { samples: -1 }\n    latency: { runs: -5, warmup: -1 }\n`, 4, /samples: must be ≥ 1, got -1[^]*runs: must be ≥ 1[^]*warmup: must be ≥ 0/],
  ['__proto__ key', `${MODEL}    __proto__: { output: /etc/x }\n`, 4, /unknown key '__proto__'/],
  ['a list as a key', `models:\n  - name: m\n    ? [source]\n    : m.onnx\n`, 3, /key must be a plain name/],
  ['a key with a newline', `${MODEL}    "out\\nput": x.onnx\n`, 4, /unknown key 'out\\u000aput'/],
  ['output: ../../etc/x', `${MODEL}    output: ../../etc/x\n`, 4, /output: \S*\/etc\/x is outside the current and config folder/],
  ['absolute output', `${MODEL}    output: /tmp/onnx-diet-hostile.onnx\n`, 4, /output: \/tmp\/onnx-diet-hostile\.onnx is outside/],
  ['source /etc/passwd', 'models:\n  - name: m\n    source: /etc/passwd\n', 3, /source: \/etc\/passwd is outside/],
  ['parity inputs outside', `${MODEL}    parity: { inputs: /etc, labels: ../../../etc/group }\n`, 4, /inputs: \/etc is outside[^]*labels: \/etc\/group is outside/],
  ['defaults parity inputs outside', `defaults:\n  parity: { inputs: /root }\n${MODEL}`, 2, /defaults\.parity\.inputs: \/root is outside/],
];

for (const [name, text, line, what] of CASES) {
  test(`hostile config: ${name}`, () => {
    const file = configFile(name.replace(/\W+/g, '-'), text);
    if (line === 0) {
      assert.throws(() => load(file), (e: unknown) => e instanceof ConfigError && what.test(e.message) && e.message.startsWith(`${file}:`));
    } else {
      refused(file, line, what);
    }
  });
}

test('outputs through a symlinked folder that leaves the workspace are refused; inside links are fine', () => {
  const outside = mkdtempSync(path.join(tmpdir(), 'hostile-outside-'));
  try {
    const file = configFile('symlinked-out', `${MODEL}    output: out/m.onnx\n`);
    symlinkSync(outside, path.join(path.dirname(file), 'out'));
    refused(file, 4, /output: .*out\/m\.onnx is outside/);
    const ok = configFile('symlinked-in', `${MODEL}    output: out/m.onnx\n`);
    mkdirSync(path.join(path.dirname(ok), 'real'));
    symlinkSync('real', path.join(path.dirname(ok), 'out'));
    assert.equal(load(ok).models[0]!.output, path.join(path.dirname(ok), 'out/m.onnx'));
  } finally {
    rmSync(outside, { recursive: true, force: true });
  }
});

test('paths may leave the config folder but not the current folder (examples/onnx-diet.yml writes ../out)', () => {
  const file = configFile('sub/dir', `${MODEL}    output: ../../out/m.onnx\n`);
  assert.equal(load(file, { cwd: work }).models[0]!.output, path.join(work, 'out', 'm.onnx'));
  refused(file, 4, /outside/, { cwd: path.dirname(file) });
});

test('with GITHUB_WORKSPACE set, every path must be inside it, whatever the current folder', () => {
  const ws = path.join(work, 'ws');
  const file = configFile('ws/configs', `${MODEL}    output: ../slim/m.onnx\n`);
  assert.equal(load(file, { workspace: ws, cwd: '/' }).models[0]!.output, path.join(ws, 'slim', 'm.onnx'));
  const escape = configFile('ws/configs2', `${MODEL}    output: ../../elsewhere/m.onnx\n`);
  refused(escape, 4, /is outside the workspace .*\(GITHUB_WORKSPACE\); a config may only name files inside it/, { workspace: ws, cwd: work });
});

test('files that are not configs: a folder, binary junk, 10 MB of YAML, empty, a FIFO, unreadable', () => {
  const dir = path.join(work, 'not-configs');
  mkdirSync(path.join(dir, 'folder.yml'), { recursive: true });
  assert.throws(() => load(path.join(dir, 'folder.yml'), { cwd: dir }), (e: unknown) => e instanceof ConfigError && /folder\.yml:1:1: not a file/.test(e.message));

  const junk = path.join(dir, 'junk.yml');
  const rng = new Rng(9);
  writeFileSync(junk, Uint8Array.from({ length: 4096 }, () => rng.int(256)));
  assert.throws(() => load(junk, { cwd: dir }), (e: unknown) => e instanceof ConfigError && e.message.startsWith(`${junk}:`) && !e.message.includes('\u0000'));

  const big = path.join(dir, 'big.yml');
  writeFileSync(big, `${MODEL}${'# padding padding padding padding padding padding padding padding\n'.repeat(160_000)}`);
  assert.throws(() => load(big, { cwd: dir }), (e: unknown) => e instanceof ConfigError && /big\.yml:1:1: \d+ bytes; a config is at most 1 MiB/.test(e.message));

  const empty = path.join(dir, 'empty.yml');
  writeFileSync(empty, '');
  assert.throws(() => load(empty, { cwd: dir }), (e: unknown) => e instanceof ConfigError && /empty\.yml:1:1: the config is empty/.test(e.message));

  const fifo = path.join(dir, 'fifo.yml');
  execFileSync('mkfifo', [fifo]);
  assert.throws(() => load(fifo, { cwd: dir }), (e: unknown) => e instanceof ConfigError && /fifo\.yml:1:1: not a file/.test(e.message));
  assert.throws(() => load('/dev/zero', { cwd: dir }), (e: unknown) => e instanceof ConfigError && /not a file/.test(e.message));
  assert.throws(() => load(path.join(dir, 'missing.yml'), { cwd: dir }), (e: unknown) => e instanceof UsageError && /no such config file/.test(e.message));
});

// Through the real CLI: exit 2, one line, nothing written anywhere (the escaping output least of all).
const CLI_CASES: [string, string | Uint8Array, RegExp][] = [
  ['billion laughs', `${aliasBomb(new Rng(2), 10, 10)}${MODEL}`, /onnx-diet\.yml:1:1: YAML: .*alias/i],
  ['output escaping the workspace', `${MODEL}    output: ../../../escaped/x.onnx\n`, /onnx-diet\.yml:4:13: models\[0\]\.output: .*escaped\/x\.onnx is outside/],
  ['binary junk', Uint8Array.from({ length: 2048 }, (_, i) => (i * 7919) & 0xff), /onnx-diet\.yml:\d+:\d+: /],
  ['10 MB of YAML', `${MODEL}${'#'.repeat(100)}\n`.repeat(100_000), /onnx-diet\.yml:1:1: \d+ bytes; a config is at most 1 MiB/],
];

test(`hostile configs through \`onnx-diet run\`: ${CLI_CASES.length} cases, exit 2, one line, nothing written`, async (t) => {
  const results = await Promise.all(CLI_CASES.map(async ([name, text, what], i) => {
    const caseDir = path.join(work, 'cli', String(i), 'a', 'b', 'c');
    const file = configFile(`cli/${i}/a/b/c`, text);
    const before = snapshot(path.join(work, 'cli', String(i)));
    const r = await runCli(['run', '--config', file], { cwd: caseDir, tmp: path.join(work, 'cli-tmp'), timeoutMs: 15_000 });
    return { name, what, r, changed: changedPaths(before, snapshot(path.join(work, 'cli', String(i)))) };
  }));
  for (const { name, what, r, changed } of results) {
    assertCleanRefusal(r, what, name);
    assert.deepEqual(changed, [], `${name}: files changed`);
    assertPeak(r, 400 * 1024, name, (m) => t.diagnostic(m));
  }
});
