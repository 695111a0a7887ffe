/**
 * The Action runs the committed dist/ (check-dist does this on GitHub; this does it in .ci/run too):
 * a fresh bundle of src/ must equal it byte for byte.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

test('dist/ is the bundle of the current src/ (run `npm run bundle` and commit dist/)', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'onnx-diet-dist-'));
  try {
    const r = spawnSync(process.execPath, ['scripts/bundle.mjs', '--outdir', dir], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const built = readdirSync(dir).sort();
    assert.deepEqual(built, readdirSync('dist').sort());
    for (const f of built) {
      const fresh = readFileSync(path.join(dir, f));
      const committed = readFileSync(path.join('dist', f));
      assert.ok(fresh.equals(committed), `dist/${f} differs from a fresh bundle of src/: run \`npm run bundle\` and commit dist/`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
