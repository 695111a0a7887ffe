/**
 * Atomic outputs (issue 6, item 4): `compress` on a ~100 MB model is SIGKILLed at several moments — while
 * loading, during the stages, mid-way through writing the output — and after each kill the output path
 * holds either nothing or the complete model an uninterrupted run writes (same sha256, loads), and the
 * input's files keep their sha256. A kill leaves its `.NAME.PID.xxxxxxxx.tmp` beside the target; the next
 * run removes such files of dead writers (model-io.ts removeStaleTemps), which the last test checks.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync, readSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DataType } from '../src/onnx/dtype.js';
import { loadModel, saveModel } from '../src/onnx/model-io.js';
import { graph, model, node, valueInfo } from './helpers/builder.js';
import { cliArgs } from './helpers/cli.js';
import type { TensorProto } from '../src/onnx/types.js';

const work = mkdtempSync(path.join(tmpdir(), 'atomic-write-'));
test.after(() => rmSync(work, { recursive: true, force: true }));

const TENSORS = 6;
const ELEMENTS = 4 * 2 ** 20; // 16 MiB of float32 per tensor, 96 MiB in all

/** y = x + W0 + W1 + … with distinct W_i (nothing for dedup to merge), weights in model.onnx.data. */
function bigModel(dir: string): string {
  const initializer: TensorProto[] = [];
  const nodes = [];
  let prev = 'x';
  for (let i = 0; i < TENSORS; i++) {
    const values = new Float32Array(ELEMENTS);
    for (let j = 0; j < ELEMENTS; j += 1024) values[j] = i + j / ELEMENTS;
    initializer.push({ name: `W${i}`, dims: [ELEMENTS], dataType: DataType.FLOAT, rawData: new Uint8Array(values.buffer),
      floatData: [], int32Data: [], stringData: [], int64Data: [], doubleData: [], uint64Data: [], externalData: [] } as unknown as TensorProto);
    const out = i === TENSORS - 1 ? 'y' : `h${i}`;
    nodes.push(node('Add', [prev, `W${i}`], [out]));
    prev = out;
  }
  const file = path.join(dir, 'model.onnx');
  saveModel(model(graph({
    input: [valueInfo('x', DataType.FLOAT, [ELEMENTS])], output: [valueInfo('y', DataType.FLOAT, [ELEMENTS])], initializer, node: nodes,
  })), file, { externalData: true });
  return file;
}

function sha256(file: string): string {
  const hash = createHash('sha256');
  const buf = Buffer.allocUnsafe(1 << 20);
  const fd = openSync(file, 'r');
  try {
    for (let n; (n = readSync(fd, buf, 0, buf.length, null)) > 0;) hash.update(buf.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

interface Compress { child: ChildProcess; done: Promise<number | null>; stderr: () => string }

function compress(input: string, output: string): Compress {
  const child = spawn(process.execPath, cliArgs(['compress', input, '-o', output]),
    { cwd: work, env: { ...process.env, ONNX_DIET_DEBUG: '' }, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (b: Buffer) => { err += b.toString(); });
  const done = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, done, stderr: () => err };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(what: string, ok: () => boolean, timeoutMs = 30_000): Promise<void> {
  const t0 = Date.now();
  while (!ok()) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

const tempFiles = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((n) => /^\.slim\.onnx\.\d+\.[0-9a-f]{8}\.tmp$/.test(n)) : []);

test('a compress killed at any moment leaves nothing or the complete model at the output path; the input is untouched', { timeout: 120_000 }, async () => {
  const inDir = path.join(work, 'in');
  mkdirSync(inDir);
  const input = bigModel(inDir);
  const inputFiles = [input, `${input}.data`];
  const inputSha = inputFiles.map(sha256);

  // The reference: what an uninterrupted run writes.
  const refOut = path.join(work, 'ref', 'slim.onnx');
  const ref = compress(input, refOut);
  assert.equal(await ref.done, 0, ref.stderr());
  const refSha = sha256(refOut);
  assert.ok(statSync(refOut).size > TENSORS * ELEMENTS * 4, 'the output holds the weights inline');
  const loaded = loadModel(refOut);
  assert.equal(loaded.model.graph!.initializer.length, TENSORS);
  loaded.external.close();

  // Moments to kill at, each found by watching the run (its progress lines, the temp file growing).
  const moments: [string, (c: Compress, outDir: string) => Promise<void>][] = [
    ['while loading', async (c) => { await until('load', () => /\] load /.test(c.stderr())); }],
    ['during the stages', async (c) => { await until('stage prune', () => /stage prune/.test(c.stderr())); }],
    ['mid-write, a few MB in', async (c, outDir) => {
      await until('the temp file', () => tempFiles(outDir).some((n) => statSync(path.join(outDir, n)).size > 4 << 20));
    }],
    ['mid-write, most of it written', async (c, outDir) => {
      await until('the temp file', () => tempFiles(outDir).some((n) => statSync(path.join(outDir, n)).size > 72 << 20));
    }],
    ['right after the rename', async (c, outDir) => { await until('the output', () => existsSync(path.join(outDir, 'slim.onnx'))); }],
  ];
  let leftovers = 0;
  for (const [i, [when, wait]] of moments.entries()) {
    // The last run writes where the previous one was killed mid-write: it must remove that dead writer's temp file.
    const outDir = path.join(work, `out-${Math.min(i, moments.length - 2)}`);
    const output = path.join(outDir, 'slim.onnx');
    const run = compress(input, output);
    await wait(run, outDir);
    run.child.kill('SIGKILL');
    await run.done;
    console.log(`killed ${when}: output ${existsSync(output) ? 'complete' : 'absent'}, ${tempFiles(outDir).length} temp file(s)`);
    if (existsSync(output)) {
      assert.equal(sha256(output), refSha, `${when}: the output path holds a partial or different model`);
    } else {
      assert.notEqual(when, 'right after the rename', 'the output was there before the kill');
    }
    assert.deepEqual(inputFiles.map(sha256), inputSha, `${when}: the input changed`);
    if (when === 'right after the rename') assert.deepEqual(tempFiles(outDir), [], 'the stale temp file of the killed writer was removed');
    else leftovers += tempFiles(outDir).length;
  }
  assert.ok(leftovers >= 1, 'the mid-write kills left their temp file (else they did not kill mid-write)');
});

test('the next save removes temp files of dead writers, keeps live ones and other files', () => {
  const dir = path.join(work, 'stale');
  mkdirSync(dir);
  const target = path.join(dir, 'm.onnx');
  const deadPid = 2 ** 22 + 12345; // above Linux's pid_max default of 2^22: no such process
  const stale = path.join(dir, `.m.onnx.${deadPid}.0123abcd.tmp`);
  const live = path.join(dir, `.m.onnx.${process.ppid}.89abcdef.tmp`); // our parent is alive
  const fresh = path.join(dir, `.m.onnx.${deadPid}.fedcba98.tmp`); // dead writer but newer than this process: kept
  const other = path.join(dir, `.other.onnx.${deadPid}.0123abcd.tmp`);
  for (const f of [stale, live, fresh, other]) writeFileSync(f, 'partial');
  const past = new Date(Date.now() - 3600_000);
  for (const f of [stale, live, other]) utimesSync(f, past, past);
  utimesSync(fresh, new Date(Date.now() + 60_000), new Date(Date.now() + 60_000));

  saveModel(model(graph({ input: [valueInfo('x', DataType.FLOAT, [1])], output: [valueInfo('x', DataType.FLOAT, [1])], node: [] })), target);
  assert.deepEqual(readdirSync(dir).sort(), [path.basename(other), path.basename(live), path.basename(fresh), 'm.onnx'].sort());
});
