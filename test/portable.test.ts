/**
 * Issue 10, point 2: `npm ci && npm test` on a machine with only Node and npm (macOS and Windows too).
 * No test reads a system path (Debian's libonnx-testdata, /usr/bin/time): suite models come from the
 * repository's copy (test/helpers/onnx-backend.ts), memory from the processes themselves.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { root } from './helpers/cli.js';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'fixtures' ? [] : sources(p);
    return /\.(ts|mjs|js)$/.test(e.name) ? [p] : [];
  });
}

test('no test reads a system path: /usr/share, /usr/bin, /usr/lib', () => {
  const self = path.join(root, 'test/portable.test.ts');
  const offenders = sources(path.join(root, 'test'))
    .filter((f) => f !== self)
    .flatMap((f) => readFileSync(f, 'utf8').split('\n').map((line, i) => [f, i + 1, line] as const))
    .filter(([, , line]) => /['"`]\/usr\/(share|bin|lib)\//.test(line))
    .map(([f, n, line]) => `${path.relative(root, f)}:${n}: ${line.trim()}`);
  assert.deepEqual(offenders, []);
});

test('the repository holds the backend-suite sample the tests use, with its origin and licence', () => {
  const dir = path.join(root, 'test/fixtures/onnx-backend');
  const models = ['node', 'pytorch-converted', 'pytorch-operator', 'simple'].flatMap((s) => readdirSync(path.join(dir, s)));
  assert.ok(models.length >= 100, `${models.length} models`);
  assert.match(readFileSync(path.join(dir, 'COPYRIGHT.debian'), 'utf8'), /License: Expat/);
});
