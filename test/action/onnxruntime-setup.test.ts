import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ONNXRUNTIME_VERSION, bindingDir, ensureOnnxRuntime } from '../../src/action/onnxruntime-setup.js';
import { REPO_ROOT, seededToolCache } from './runner.js';

test('the pinned onnxruntime-node version is the one installed and locked', () => {
  const lock = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string }> };
  assert.equal(lock.packages['node_modules/onnxruntime-node']?.version, ONNXRUNTIME_VERSION);
});

test('the npm package has a binding for each runner the README promises', () => {
  const pkg = path.join(REPO_ROOT, 'node_modules/onnxruntime-node');
  for (const [p, a] of [['linux', 'x64'], ['linux', 'arm64'], ['darwin', 'arm64'], ['win32', 'x64'], ['win32', 'arm64']] as const) {
    assert.ok(existsSync(path.join(bindingDir(pkg, p, a), 'onnxruntime_binding.node')), `${p}-${a}`);
  }
});

test('nothing to do where onnxruntime-node resolves (a source checkout)', () => {
  assert.deepEqual(ensureOnnxRuntime(), { downloaded: false });
});

test('an action checkout without node_modules links the tool-cache copy, without npm', () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'ort-setup-'));
  const action = path.join(tmp, 'action');
  mkdirSync(path.join(action, 'dist'), { recursive: true });
  writeFileSync(path.join(action, 'dist/index.js'), '');
  const cache = seededToolCache(path.join(tmp, 'cache'));
  const lines: string[] = [];
  const from = pathToFileURL(path.join(action, 'dist/index.js')).href;
  const r = ensureOnnxRuntime({ from, env: { RUNNER_TOOL_CACHE: cache, PATH: '' }, log: (l) => lines.push(l) });
  assert.equal(r.downloaded, false);
  assert.equal(r.installedIn, path.join(cache, 'onnx-diet-onnxruntime', ONNXRUNTIME_VERSION, `${process.platform}-${process.arch}`));
  const link = path.join(action, 'node_modules/onnxruntime-node');
  assert.ok(lstatSync(link).isSymbolicLink());
  assert.equal(realpathSync(link), realpathSync(path.join(REPO_ROOT, 'node_modules/onnxruntime-node')));
  assert.match(lines.join('\n'), /Using onnxruntime-node@1\.30\.0 from /);
  // Second call: already resolvable.
  assert.deepEqual(ensureOnnxRuntime({ from }), { downloaded: false });
});

test('without npm on PATH and no cache, the error says what to do', () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'ort-setup-'));
  const action = path.join(tmp, 'action');
  mkdirSync(path.join(action, 'dist'), { recursive: true });
  const from = pathToFileURL(path.join(action, 'dist/index.js')).href;
  assert.throws(
    () => ensureOnnxRuntime({ from, env: { RUNNER_TOOL_CACHE: path.join(tmp, 'cache'), PATH: path.join(tmp, 'empty') } }),
    /needs onnxruntime-node@1\.30\.0 and could not install it \(npm was not found on PATH\); add actions\/setup-node/,
  );
});
