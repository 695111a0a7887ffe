/**
 * Hostile models through the real CLI (issue 6, item 2): every malformed model below must end with exit 2
 * and exactly one stderr line naming the file and the problem — no stack trace — within a time limit and
 * a memory limit, and without touching anything but the output folder: the case folder is hashed before
 * and after each run, the input's sha256 must not change, no temporary file may remain (beside the
 * output or in TMPDIR).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { decodeModel, encodeModel } from '../src/onnx/codec.js';
import { DataType } from '../src/onnx/dtype.js';
import { saveModel } from '../src/onnx/model-io.js';
import type { ModelProto, TensorProto } from '../src/onnx/types.js';
import { floatTensor, graph, model, node, randomFloats, valueInfo } from './helpers/builder.js';
import { assertCleanRefusal, assertPeak, changedPaths, runCli, snapshot } from './helpers/hostile.js';
import { Rng } from './helpers/mutate.js';
import { cat, ld, varint, vint } from './helpers/wire.js';

const work = mkdtempSync(path.join(tmpdir(), 'hostile-models-'));
/** The runs' TMPDIR: at the end it may hold only tsx's compile cache (`tsx-UID`), nothing of ours. */
const tmp = path.join(work, 'tmp');
test.after(() => rmSync(work, { recursive: true, force: true }));

/** Each run gets this long (a refusal takes ~1 s; the limit only has to catch hangs). */
const TIME_LIMIT_MS = 15_000;
/** Peak RSS of one refusal: node + tsx + our modules are ~150 MB; a hostile size claim believed would be GBs. */
const RSS_LIMIT_KIB = 400 * 1024;

// ------------------------------------------------------------------------------------- model builders

/** y = x·W + b, W [16,16]: big enough (1 KiB) to go to external data, small enough to be instant. */
function baseModel(): ModelProto {
  return model(graph({
    input: [valueInfo('x', DataType.FLOAT, [1, 16])],
    output: [valueInfo('y', DataType.FLOAT, [1, 16])],
    initializer: [floatTensor('W', [16, 16], randomFloats(256, 3)), floatTensor('b', [16], randomFloats(16, 4))],
    node: [node('MatMul', ['x', 'W'], ['h']), node('Add', ['h', 'b'], ['y'])],
  }));
}

const validBytes = () => encodeModel(baseModel());

/** A model whose W lives in `model.onnx.data`, with W's external_data entries edited by `edit`. */
function externalModel(dir: string, edit: (w: TensorProto) => void): string {
  const file = path.join(dir, 'model.onnx');
  saveModel(baseModel(), file, { externalData: true });
  const m = decodeModel(encodeModel(decodeModel(readBytes(file))));
  const w = m.graph!.initializer.find((t) => t.name === 'W')!;
  edit(w);
  writeFileSync(file, encodeModel(m));
  return file;
}

function readBytes(file: string): Uint8Array {
  return new Uint8Array(execFileSync('cat', [file]));
}

function setEntry(t: TensorProto, key: string, value: string): void {
  const e = t.externalData.find((x) => x.key === key);
  if (e) e.value = value; else t.externalData.push({ key, value });
}

function edited(edit: (m: ModelProto) => void): Uint8Array {
  const m = baseModel();
  edit(m);
  return encodeModel(m);
}

/** Raw wire bytes: a model whose one initializer is the TensorProto `tensor` (fields as bytes). */
function modelWithTensor(tensor: Uint8Array): Uint8Array {
  return cat(vint(1, 8), ld(8, cat(vint(2, 17))), ld(7, cat(ld(2, 'g'), ld(5, tensor))));
}

/** If → then_branch → If → … `depth` levels, as raw protobuf (decoding must refuse it, not recurse). */
function deepIfs(depth: number): Uint8Array {
  let g: Uint8Array = new Uint8Array(0);
  for (let i = 0; i < depth; i++) g = ld(1, cat(ld(4, 'If'), ld(5, cat(ld(1, 'then_branch'), vint(20, 5), ld(6, g)))));
  return cat(vint(1, 8), ld(8, vint(2, 17)), ld(7, g));
}

/** Seeded bit flips of the valid model that the format check rejects (flips in weights are harmless). */
function breakingFlips(count: number): Uint8Array[] {
  const rng = new Rng(6061);
  const src = validBytes();
  const found: Uint8Array[] = [];
  // Flip inside the structural prefix (tags and lengths before W's payload), where a flip breaks the file.
  while (found.length < count) {
    const b = Uint8Array.from(src);
    const at = rng.int(40);
    b[at] = b[at]! ^ (1 << rng.int(8));
    try {
      decodeModel(b);
    } catch {
      found.push(b);
    }
  }
  return found;
}

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
  0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89, 0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);

// ------------------------------------------------------------------------------------------- the cases

interface Case {
  name: string;
  /** Writes the hostile input into `dir` (the model's folder) and returns its path. */
  make(dir: string, caseDir: string): string;
  /** The line must say this (besides naming the file). */
  says: RegExp;
  /** Command (default compress). */
  command?: 'compress' | 'inspect' | 'run';
  /** The line names this path fragment (default: the model's file name). */
  names?: string;
}

const write = (bytes: Uint8Array | string, name = 'model.onnx') => (dir: string) => {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
};

const CASES: Case[] = [
  { name: 'empty file', make: write(new Uint8Array(0)), says: /empty/ },
  { name: 'truncated file', make: write(validBytes().subarray(0, 700)), says: /not a valid ONNX model/ },
  ...breakingFlips(2).map((b, i): Case => ({ name: `bit flips #${i + 1}`, make: write(b), says: /not a valid ONNX model|corrupt|invalid/ })),
  { name: 'graph length prefix claims 2 GiB', make: write(cat(vint(1, 8), varint((7 << 3) | 2), varint(2 ** 31), ld(2, 'g'))), says: /not a valid ONNX model/ },
  { name: 'string_data length prefix claims 1 GiB', command: 'inspect',
    make: write(modelWithTensor(cat(vint(1, 1), vint(2, DataType.STRING), ld(8, 's'), varint((6 << 3) | 2), varint(2 ** 30), new Uint8Array(8)))),
    says: /not a valid ONNX model/ },
  { name: 'string tensor claiming 2^40 elements', make: write(modelWithTensor(cat(vint(1, 2 ** 40), vint(2, DataType.STRING), ld(8, 's'), ld(6, 'a')))),
    says: /'s'.*strings|strings.*'s'/ },
  { name: 'dims whose product disagrees with the bytes',
    make: write(edited((m) => { m.graph!.initializer[0]!.dims = [16, 17]; })), says: /'W'.*bytes/ },
  { name: 'negative dim', make: write(edited((m) => { m.graph!.initializer[0]!.dims = [-1, 16]; })), says: /'W'.*dimension -1/ },
  { name: 'dim 2^62', command: 'inspect',
    make: write(modelWithTensor(cat(vint(1, 2n ** 62n), vint(1, 4), vint(2, DataType.FLOAT), ld(8, 'big'), ld(9, new Uint8Array(16))))),
    says: /TensorProto 'big': dims: int64 value beyond/ }, // the name comes after the bad dim on the wire
  { name: 'dims whose product overflows', make: write(modelWithTensor(cat(vint(1, 2 ** 31), vint(1, 2 ** 31), vint(1, 2 ** 31), vint(2, 1), ld(8, 'ovf')))),
    says: /overflow|dimension/ },
  { name: 'subgraphs nested 3000 deep', make: write(deepIfs(3000)), says: /nested/ },
  { name: 'a cycle', make: write(edited((m) => {
    m.graph!.node = [node('Add', ['x', 't2'], ['t1']), node('Relu', ['t1'], ['t2']), node('MatMul', ['t1', 'W'], ['h']), node('Add', ['h', 'b'], ['y'])];
  })), says: /cycle/ },
  { name: 'a name defined twice', make: write(edited((m) => {
    m.graph!.node = [node('MatMul', ['x', 'W'], ['h']), node('Relu', ['x'], ['h']), node('Add', ['h', 'b'], ['y'])];
  })), says: /'h' is defined twice/ },
  { name: 'external data at an absolute path', make: (dir) => externalModel(dir, (w) => setEntry(w, 'location', '/etc/passwd')), says: /absolute/ },
  { name: 'external data through ..', make: (dir) => externalModel(dir, (w) => setEntry(w, 'location', '../outside/secret.bin')), says: /outside the model's folder/ },
  { name: 'external data through a symlink leaving the folder', make: (dir) => {
    symlinkSync('../outside/secret.bin', path.join(dir, 'link.bin'));
    return externalModel(dir, (w) => setEntry(w, 'location', 'link.bin'));
  }, says: /through a link/ },
  { name: 'external data offset past the end', make: (dir) => externalModel(dir, (w) => setEntry(w, 'offset', String(2 ** 40))), says: /past the end/ },
  { name: 'external data length that lies', make: (dir) => externalModel(dir, (w) => setEntry(w, 'length', '8')), says: /length 8 does not match/ },
  { name: 'external data offset that is not a number', make: (dir) => externalModel(dir, (w) => setEntry(w, 'offset', '-4')), says: /offset '-4'/ },
  { name: 'external data file that is a folder', make: (dir) => {
    mkdirSync(path.join(dir, 'weights.bin'));
    return externalModel(dir, (w) => setEntry(w, 'location', 'weights.bin'));
  }, says: /not a regular file/ },
  { name: 'external data file that is a FIFO (/dev/zero-like: opening it would block forever)', make: (dir) => {
    execFileSync('mkfifo', [path.join(dir, 'pipe.bin')]);
    return externalModel(dir, (w) => setEntry(w, 'location', 'pipe.bin'));
  }, says: /not a regular file/ },
  { name: 'external data file that is missing', command: 'inspect', make: (dir) => externalModel(dir, (w) => setEntry(w, 'location', 'gone.bin')), says: /not found/ },
  { name: 'a PNG', make: write(PNG, 'model.onnx'), says: /not a valid ONNX model/ },
  { name: 'a zip', make: write(cat(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0]), new Uint8Array(40).fill(7)), 'model.zip'), says: /not a valid ONNX model/ },
  { name: 'random bytes', make: write(Uint8Array.from({ length: 4096 }, (_, i) => (i * 2654435761) >>> 24)), says: /not a valid ONNX model/ },
  { name: 'a text file', make: write('models:\n  - name: albert\n    source: model.onnx\n', 'model.txt'), says: /not a valid ONNX model/ },
  { name: 'a folder', make: (dir) => { mkdirSync(path.join(dir, 'model.onnx')); return path.join(dir, 'model.onnx'); }, says: /not a file/ },
  { name: 'a missing file', command: 'inspect', make: (dir) => path.join(dir, 'nope.onnx'), says: /no such file/ },
  { name: 'run: a config whose model is truncated', command: 'run', make: write(validBytes().subarray(0, 500)), says: /not a valid ONNX model/ },
  { name: 'run: a config whose model reads ../ external data', command: 'run',
    make: (dir) => externalModel(dir, (w) => setEntry(w, 'location', '../outside/secret.bin')), says: /outside the model's folder/ },
];

// ------------------------------------------------------------------------------------------ the runner

async function runCase(c: Case, index: number, diagnostic: (message: string) => void): Promise<void> {
  const caseDir = path.join(work, `case-${index}`);
  const inDir = path.join(caseDir, 'in');
  mkdirSync(inDir, { recursive: true });
  mkdirSync(path.join(caseDir, 'outside'));
  writeFileSync(path.join(caseDir, 'outside', 'secret.bin'), new Uint8Array(4096).fill(0x5a));
  const input = c.make(inDir, caseDir);
  const command = c.command ?? 'compress';
  let args: string[];
  if (command === 'run') {
    const config = path.join(caseDir, 'onnx-diet.yml');
    writeFileSync(config, `models:\n  - name: m\n    source: in/${path.basename(input)}\n    output: out/m.slim.onnx\n    parity: false\n    latency: false\n`);
    args = ['run', '--config', config];
  } else if (command === 'inspect') {
    args = ['inspect', input];
  } else {
    args = ['compress', input, '-o', path.join(caseDir, 'out', 'slim.onnx')];
  }

  const before = snapshot(caseDir);
  const r = await runCli(args, { cwd: caseDir, tmp, timeoutMs: TIME_LIMIT_MS });
  const after = snapshot(caseDir);

  assertCleanRefusal(r, c.says, c.name);
  assert.ok(r.stderr.includes(c.names ?? path.basename(input)), `${c.name}: the line names the file: ${r.stderr}`);
  // Only the output folder may change, and on a refusal it holds no file (a created empty folder is fine).
  const changed = changedPaths(before, after);
  assert.deepEqual(changed.filter((p) => p !== 'out'), [], `${c.name}: changed outside the output folder`);
  assert.deepEqual(existsSync(path.join(caseDir, 'out')) ? readdirSync(path.join(caseDir, 'out')) : [], [], `${c.name}: stray files in out/`);
  assert.ok(r.ms < TIME_LIMIT_MS, `${c.name}: ${r.ms} ms`);
  assertPeak(r, RSS_LIMIT_KIB, c.name, diagnostic);
}

test(`${CASES.length} hostile models: exit 2, one line, bounded time and memory, nothing touched`, async (t) => {
  const t0 = Date.now();
  const failures: string[] = [];
  let slowest = 0;
  let next = 0;
  // Two at a time: the CI runner (and this machine) has 2 cores.
  await Promise.all([0, 1].map(async () => {
    while (next < CASES.length) {
      const i = next++;
      const started = Date.now();
      try {
        await runCase(CASES[i]!, i, (m) => t.diagnostic(m));
      } catch (e) {
        failures.push(`[${CASES[i]!.name}] ${(e as Error).message}`);
      }
      slowest = Math.max(slowest, Date.now() - started);
    }
  }));
  assert.deepEqual(failures, []);
  assert.deepEqual(readdirSync(tmp).filter((n) => !n.startsWith('tsx-')), [], 'temporary files left in TMPDIR');
  console.log(`hostile models: ${CASES.length} cases refused cleanly in ${Date.now() - t0} ms (slowest ${slowest} ms)`);
});

test('peak RSS is measured by the processes themselves (no /usr/bin/time): a plausible figure for --version', async () => {
  const r = await runCli(['--version'], { cwd: tmp, tmp: path.join(tmp, 'rss-probe') });
  assert.equal(r.code, 0, r.stderr);
  assert.ok(r.peakKiB !== undefined && r.peakKiB > 10 * 1024 && r.peakKiB < 1024 * 1024, `peak ${r.peakKiB} KiB`);
  rmSync(path.join(tmp, 'rss-probe'), { recursive: true, force: true });
});
