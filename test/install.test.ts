/**
 * Issue 10, point 6: installing for a CPU user. onnxruntime-node's install script downloads the CUDA
 * provider on Linux x64 (from api.nuget.org, failing offline); a dependency cannot switch that off for its
 * users, so the README's Install section documents onnxruntime-node's own switch. These checks hold the
 * pinned onnxruntime-node to what the README says, so a version that renames the switch fails here.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { root } from './helpers/cli.js';

const require = createRequire(import.meta.url);
const ortDir = path.dirname(require.resolve('onnxruntime-node/package.json'));
const script = path.join(ortDir, 'script/install.js');

/** The environment without npm's own variables (as a user's shell has it), plus `extra`. */
function env(extra: Record<string, string>): NodeJS.ProcessEnv {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) && k !== 'ONNXRUNTIME_NODE_INSTALL'));
  return { ...clean, ...extra };
}

test('onnxruntime-node\'s install script does nothing with ONNXRUNTIME_NODE_INSTALL=skip, or npm\'s onnxruntime-node-install=skip', () => {
  assert.equal(JSON.parse(readFileSync(path.join(ortDir, 'package.json'), 'utf8')).scripts.postinstall, 'node ./script/install');
  const settings: Record<string, string>[] = [{ ONNXRUNTIME_NODE_INSTALL: 'skip' }, { npm_config_onnxruntime_node_install: 'skip' }];
  for (const extra of settings) {
    const r = spawnSync(process.execPath, [script], { cwd: ortDir, env: env(extra), encoding: 'utf8', timeout: 60_000 });
    assert.equal(r.status, 0, `${JSON.stringify(extra)}: ${r.stderr}`);
    assert.equal(r.stdout + r.stderr, '', 'no download attempted');
  }
});

test('only Linux x64 needs it: onnxruntime-node downloads its CUDA provider there and nowhere else', () => {
  const metadata = require(path.join(ortDir, 'script/install-metadata.js')) as { requirements: Record<string, string[]> };
  const downloading = Object.entries(metadata.requirements).filter(([, needs]) => needs.length).map(([platform]) => platform);
  assert.deepEqual(downloading, ['linux/x64']);
  assert.deepEqual(metadata.requirements['linux/x64'], ['cuda12']);
});

test('the README\'s Install section gives the commands and the one variable', () => {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const section = /^## Install\n([^]*?)^## /m.exec(readme)?.[1] ?? '';
  for (const s of ['npm i -g onnx-diet', 'npx onnx-diet', 'ONNXRUNTIME_NODE_INSTALL=skip npm i -g onnx-diet', '--onnxruntime-node-install=skip', 'Linux x64']) {
    assert.ok(section.includes(s), `Install section lacks ${s}`);
  }
});
