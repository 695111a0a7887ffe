import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { resolveSource } from '../src/check/sources.js';

const dir = mkdtempSync(path.join(tmpdir(), 'onnx-diet-src-'));
const body = readFileSync('test/fixtures/cnn-tiny.onnx');
const sha = createHash('sha256').update(body).digest('hex');
// A throwaway self-signed certificate for a real TLS server on localhost (no network, no stand-in client).
const cert = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${dir}/k.pem`,
  '-out', `${dir}/c.pem`, '-days', '1', '-subj', '/CN=localhost'], { encoding: 'utf8' });
const skip = cert.status !== 0 ? 'openssl is not available' : false;
let server: https.Server;
let base = '';
let agent: https.Agent;

before(async () => {
  if (skip) return;
  server = https.createServer({ key: readFileSync(`${dir}/k.pem`), cert: readFileSync(`${dir}/c.pem`) }, (req, res) => {
    if (req.url === '/latest') { res.writeHead(302, { location: '/v1/cnn.onnx' }); res.end(); return; }
    if (req.url === '/v1/cnn.onnx') { res.writeHead(200, { 'content-length': body.length }); res.end(body); return; }
    res.writeHead(404); res.end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  agent = new https.Agent({ ca: readFileSync(`${dir}/c.pem`), checkServerIdentity: () => undefined });
});
after(() => {
  server?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('an https source is streamed to disk, following a redirect, and its sha256 checked', { skip }, async () => {
  const file = await resolveSource({ kind: 'url', url: `${base}/latest`, sha256: sha }, { cacheDir: `${dir}/cache`, agent });
  assert.deepEqual(readFileSync(file), body);
  // a second resolve with the same sha256 reuses the file (the server is not needed)
  server.closeAllConnections();
  assert.equal(await resolveSource({ kind: 'url', url: `${base}/latest`, sha256: sha }, { cacheDir: `${dir}/cache`, agent }), file);
});

test('a wrong sha256, an HTTP error and a plain path each give one clear line', { skip }, async () => {
  await assert.rejects(resolveSource({ kind: 'url', url: `${base}/v1/cnn.onnx`, sha256: 'a'.repeat(64) }, { cacheDir: `${dir}/c2`, agent }),
    new RegExp(`sha256 is ${sha}, the config expects a{64}`));
  await assert.rejects(resolveSource({ kind: 'url', url: `${base}/missing.onnx` }, { cacheDir: `${dir}/c3`, agent }), /HTTP 404/);
  assert.equal(await resolveSource({ kind: 'path', path: '/x/model.onnx' }, { cacheDir: dir }), '/x/model.onnx');
  await assert.rejects(resolveSource({ kind: 'artifact', artifact: 'model' }, { cacheDir: dir }), /only available inside the GitHub Action/);
});
