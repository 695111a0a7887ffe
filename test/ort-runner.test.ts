import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DataType } from '../src/onnx/dtype.js';
import { saveModel } from '../src/onnx/model-io.js';
import { startOrtHost, runModelOnce, OrtCrashError } from '../src/runtime/ort-runner.js';
import { tensorValues, type NamedTensor } from '../src/runtime/named-tensor.js';
import { graph, model, node, valueInfo } from './helpers/builder.js';

const dir = mkdtempSync(path.join(tmpdir(), 'ort-runner-test-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

const f32 = (name: string, dims: number[], v: number[]): NamedTensor =>
  ({ name, type: 'float32', dims, data: new Uint8Array(Float32Array.from(v).buffer) });

/** y = a + b (float), n = Not(flag) (bool), s = Identity(words) (string): one model, three tensor kinds. */
function smallModelPath(): string {
  const file = path.join(dir, 'small.onnx');
  saveModel(model(graph({
    node: [node('Add', ['a', 'b'], ['y']), node('Not', ['flag'], ['n']), node('Identity', ['words'], ['s'])],
    input: [
      valueInfo('a', DataType.FLOAT, ['batch', 3]), valueInfo('b', DataType.FLOAT, ['batch', 3]),
      valueInfo('flag', DataType.BOOL, [2]), valueInfo('words', DataType.STRING, [2]),
    ],
    output: [valueInfo('y', DataType.FLOAT, ['batch', 3]), valueInfo('n', DataType.BOOL, [2]), valueInfo('s', DataType.STRING, [2])],
  })), file);
  return file;
}

const feeds = (): NamedTensor[] => [
  f32('a', [1, 3], [1, 2, 3]), f32('b', [1, 3], [0.5, 0.25, -1]),
  { name: 'flag', type: 'bool', dims: [2], data: Uint8Array.of(1, 0) },
  { name: 'words', type: 'string', dims: [2], data: ['héllo', ''] },
];

test('load reports input and output metadata with symbolic dims', async () => {
  const host = startOrtHost();
  try {
    const r = await host.load(smallModelPath());
    assert.ok(r.loadMs > 0);
    assert.deepEqual(r.inputs.map((m) => [m.name, m.type, m.dims]), [
      ['a', 'float32', ['batch', 3]], ['b', 'float32', ['batch', 3]], ['flag', 'bool', [2]], ['words', 'string', [2]],
    ]);
    assert.deepEqual(r.outputs.map((m) => [m.name, m.type]), [['y', 'float32'], ['n', 'bool'], ['s', 'string']]);
  } finally {
    await host.close();
  }
});

test('run returns outputs computed by onnxruntime, by name and in the order asked', async () => {
  const host = startOrtHost();
  try {
    const { id } = await host.load(smallModelPath());
    const r = await host.run(id, feeds());
    assert.ok(r.ms >= 0);
    const [y, n, s] = r.outputs;
    assert.deepEqual([y!.name, y!.dims], ['y', [1, 3]]);
    assert.deepEqual(Array.from(tensorValues(y!) as Float32Array), [1.5, 2.25, 2]); // by hand
    assert.deepEqual(Array.from(tensorValues(n!) as Uint8Array), [0, 1]);
    assert.deepEqual(s!.data, ['héllo', '']);
    const only = await host.run(id, feeds(), ['s']);
    assert.deepEqual(only.outputs.map((o) => o.name), ['s']);
  } finally {
    await host.close();
  }
});

test('an onnxruntime error rejects the call and leaves the child running', async () => {
  const host = startOrtHost();
  try {
    const { id } = await host.load(smallModelPath());
    const pid = host.pid;
    await assert.rejects(host.run(id, [f32('a', [1, 3], [1, 2, 3])]), /onnxruntime failed while running .*small\.onnx: .*input/i);
    await assert.rejects(host.load(path.join(dir, 'missing.onnx')), /onnxruntime failed while loading .*missing\.onnx/);
    assert.equal(host.pid, pid);
    assert.equal((await host.run(id, feeds())).outputs.length, 3);
  } finally {
    await host.close();
  }
});

test('a crash of the child rejects pending calls with a clear error; the host and new hosts work after', async () => {
  const host = startOrtHost();
  try {
    const file = smallModelPath();
    const { id } = await host.load(file);
    const pending = host.run(id, feeds());
    process.kill(host.pid!, 'SIGSEGV');
    await assert.rejects(pending, (e: Error) => {
      assert.ok(e instanceof OrtCrashError);
      assert.equal(e.message, `onnxruntime crashed (SIGSEGV) while running ${file}`);
      return true;
    });
    await assert.rejects(host.run(id, feeds()), /was lost when its process stopped; load the model again/);
    const again = await host.load(file);
    assert.equal((await host.run(again.id, feeds())).outputs.length, 3);
  } finally {
    await host.close();
  }
  const fresh = startOrtHost();
  try {
    const { id } = await fresh.load(smallModelPath());
    assert.equal((await fresh.run(id, feeds())).outputs.length, 3);
  } finally {
    await fresh.close();
  }
});

test('a call past its timeout stops the child and says so', async () => {
  const host = startOrtHost();
  try {
    // Forking the child alone takes far longer than 1 ms.
    await assert.rejects(host.load(smallModelPath(), { timeoutMs: 1 }), /onnxruntime timed out after 1 ms while loading/);
    const { id } = await host.load(smallModelPath());
    assert.equal((await host.run(id, feeds())).outputs.length, 3);
  } finally {
    await host.close();
  }
});

test('runModelOnce loads, runs and stops its child', async () => {
  const r = await runModelOnce(smallModelPath(), feeds(), { outputNames: ['y'] });
  assert.deepEqual(r.load.inputs.map((m) => m.name), ['a', 'b', 'flag', 'words']);
  assert.deepEqual(Array.from(tensorValues(r.outputs[0]!) as Float32Array), [1.5, 2.25, 2]);
});

test('an idle host does not keep the parent process alive (a CLI that forgets close() still exits)', () => {
  const script = `import { startOrtHost } from ${JSON.stringify(path.resolve('src/runtime/ort-runner.ts'))};
    const host = startOrtHost();
    await host.load(${JSON.stringify(smallModelPath())});`;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { timeout: 15_000, encoding: 'utf8' });
  assert.equal(r.signal, null, 'still running after 15 s');
  assert.equal(r.status, 0, r.stderr);
});

test('close() waits for a worker that is slow to exit, even when nothing else keeps the process alive', () => {
  // A stopped worker ignores the disconnect, so close() has to kill it after its 2 s grace period; the
  // caller's last await must still settle (it ended with exit 13, "unsettled top-level await", when a
  // 5 GB model took the worker longer than that to free).
  const script = `import { startOrtHost } from ${JSON.stringify(path.resolve('src/runtime/ort-runner.ts'))};
    const host = startOrtHost();
    await host.load(${JSON.stringify(smallModelPath())});
    process.kill(host.pid, 'SIGSTOP');
    await host.close();
    console.log('closed');`;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { timeout: 20_000, encoding: 'utf8' });
  assert.equal(r.signal, null, 'still running after 20 s');
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout.trim(), 'closed');
});
