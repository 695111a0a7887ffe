/**
 * Issue 10, point 5: every report with a parity or latency figure says where it was measured (CPU, the
 * ISA features that change int8 numerics and speed, threads, onnxruntime, node, os); top-1 agreement is
 * judged on the rows where the original has a clear first choice, and says how many those were.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { OutputComparison, TOP1_MARGIN, top1Lead } from '../src/check/parity-metrics.js';
import { currentEnvironment, environmentLine, environmentLines } from '../src/check/environment.js';
import { cpuIsa, int8Saturates, isaFromCpuinfo } from '../src/runtime/cpu-isa.js';
import { parseInt8Options } from '../src/stages/quantize-int8.js';
import { renderMarkdown } from '../src/report/markdown.js';
import { cliSync } from './helpers/cli.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'onnx-diet-env-'));

test('ISA features from /proc/cpuinfo: x86 with and without VNNI/AMX, and Arm dot-product', () => {
  // Flags lines as Linux prints them (abridged): a Haswell-class AVX2 part, a Sapphire Rapids, a Neoverse N1.
  assert.deepEqual(isaFromCpuinfo('processor\t: 0\nflags\t\t: fpu sse4_2 avx avx2 fma bmi2\n'), ['avx2']);
  assert.deepEqual(
    isaFromCpuinfo('flags\t\t: avx2 avx512f avx512bw avx_vnni avx512_vnni avx512_bf16 amx_bf16 avx512_fp16 amx_tile amx_int8\n'),
    ['avx2', 'avx512f', 'avx512_vnni', 'avx_vnni', 'avx512_bf16', 'avx512_fp16', 'amx']);
  assert.deepEqual(isaFromCpuinfo('flags\t\t: avx2 amx_tile\n'), ['avx2'], 'AMX counts with its int8 unit only');
  assert.deepEqual(isaFromCpuinfo('Features\t: fp asimd evtstrm aes crc32 asimddp\n'), ['neon', 'dotprod']);
  assert.deepEqual(isaFromCpuinfo('no flags here'), []);
});

test("static int8's weight range follows this CPU's int8 kernels: 7-bit on x86 without VNNI, 8-bit with it or on Arm", () => {
  const avx2 = isaFromCpuinfo('flags\t\t: fpu sse4_2 avx avx2 fma\n');
  assert.equal(int8Saturates(avx2, 'cpuinfo', 'x64').saturates, true);
  assert.match(int8Saturates(avx2, 'cpuinfo', 'x64').why, /no VNNI/);
  assert.equal(int8Saturates(['avx2', 'avx512f', 'avx512_vnni'], 'cpuinfo', 'x64').saturates, false);
  assert.equal(int8Saturates(['avx2', 'avx_vnni'], 'cpuinfo', 'x64').saturates, false);
  assert.equal(int8Saturates([], 'unknown', 'x64').saturates, true, 'an x86 CPU of unknown features is taken to saturate');
  assert.equal(int8Saturates([], 'unknown', 'arm64').saturates, false);
  // Unset on static: this machine's answer, with the reason; given: the user's value, no reason; dynamic: ORT's false.
  const here = int8Saturates(cpuIsa().isa, cpuIsa().isaSource);
  const unset = parseInt8Options({ activations: 'static' });
  assert.equal(unset.reduceRange, here.saturates);
  assert.equal(unset.reduceRangeWhy, `${here.saturates ? 7 : 8}-bit weights: ${here.why}`);
  for (const given of [true, false]) {
    const o = parseInt8Options({ activations: 'static', 'reduce-range': given });
    assert.equal(o.reduceRange, given);
    assert.equal(o.reduceRangeWhy, undefined);
  }
  assert.equal(parseInt8Options({}).reduceRange, false);
});

test('the environment names this machine: CPU model, threads, the installed onnxruntime-node, node, os', () => {
  const e = currentEnvironment(3);
  assert.equal(e.cpu, os.cpus()[0]!.model.trim().replace(/\s+/g, ' '));
  assert.equal(e.threads, 3);
  const pkg = createRequire(import.meta.url)('onnxruntime-node/package.json') as { version: string };
  assert.equal(e.onnxruntime, pkg.version);
  assert.equal(e.node, process.versions.node);
  assert.equal(e.os, `${process.platform} ${process.arch}`);
  assert.match(environmentLine(e), new RegExp(`· 3 threads · onnxruntime ${pkg.version} · node ${process.versions.node} · ${process.platform} ${process.arch}$`));
});

test('top-1 lead by hand: softmax of logits, distributions as they are', () => {
  // softmax([0.01, 0.02, 0.015]) = [0.33166, 0.33500, 0.33333]: a near tie
  assert.ok(Math.abs(top1Lead([0.01, 0.02, 0.015]) - (Math.exp(0.02) - Math.exp(0.015)) / (Math.exp(0.01) + Math.exp(0.02) + Math.exp(0.015))) < 1e-12);
  assert.ok(top1Lead([0.01, 0.02, 0.015]) < TOP1_MARGIN);
  // softmax([0, 5]) = [0.0066929, 0.9933071]
  assert.ok(Math.abs(top1Lead([0, 5]) - (0.9933071 - 0.0066929)) < 1e-6);
  assert.ok(Math.abs(top1Lead([0.2, 0.5, 0.3]) - 0.2) < 1e-12, 'a distribution is read as it is');
});

test('top-1 is judged on rows with a clear first choice only; near ties are counted, not judged', () => {
  const t = (name: string, data: number[]) => ({ name, type: 'float32', dims: [4, 3], data: new Uint8Array(Float32Array.from(data).buffer) });
  // Row 0 is a near tie that the "compressed" model flips; rows 1–3 are clear and agree.
  const original = t('logits', [0.01, 0.02, 0.015, 3, 0, 0, 0, 4, 1, 0, 0, 2]);
  const compressed = t('logits', [0.02, 0.01, 0.015, 2.9, 0, 0, 0, 3.9, 1, 0, 0, 2.1]);
  const c = new OutputComparison('logits');
  c.add(original, compressed);
  const m = c.result();
  assert.equal(m.top1, 1, 'the flipped near tie is not a disagreement');
  assert.deepEqual(m.top1Rows, { total: 4, clear: 3 });

  const ties = new OutputComparison('logits');
  ties.add(t('logits', Array(12).fill(0.5)), t('logits', Array(12).fill(0.5)));
  assert.equal(ties.result().top1, undefined, 'no clear row: top-1 is not judged');
  assert.deepEqual(ties.result().top1Rows, { total: 4, clear: 0 });
});

test('run and compare reports carry the environment in JSON, Markdown and the table; compress --auto in its JSON', () => {
  const json = path.join(dir, 'compare.json');
  const r = cliSync(['compare', 'test/fixtures/albert-tiny.onnx', 'test/fixtures/albert-tiny.shared.onnx', '--runs', '2', '--threads', '2', '--json', json]);
  assert.equal(r.status, 0, r.stderr);
  const report = JSON.parse(readFileSync(json, 'utf8'));
  assert.deepEqual(Object.keys(report.environment).sort(), ['cpu', 'isa', 'isaSource', 'node', 'onnxruntime', 'os', 'threads']);
  assert.equal(report.environment.threads, 2);
  assert.equal(report.environment.cpu, os.cpus()[0]!.model.trim().replace(/\s+/g, ' '));
  const line = environmentLine(report.environment);
  assert.ok(r.stdout.trimEnd().endsWith(environmentLines(report.environment).join('\n')), r.stdout);
  assert.ok(r.stdout.split('\n').every((l) => [...l].length <= 100), 'the terminal lines stay short');
  assert.ok(renderMarkdown(report).includes(`measured on ${line}</sub>`));
  assert.match(r.stdout, /logits top-1 agreement +\d(\.\d+)? \(\d+ of 4 rows with a clear top-1\)|logits top-1 agreement +not judged \(0 of 4 rows/);

  const plain = path.join(dir, 'plain.json');
  assert.equal(cliSync(['compress', 'test/fixtures/cnn-tiny.onnx', '-o', path.join(dir, 'c.onnx'), '--json', plain]).status, 0);
  assert.equal(JSON.parse(readFileSync(plain, 'utf8')).environment, undefined, 'sizes alone are the same on every machine');

  const auto = path.join(dir, 'auto.json');
  const a = cliSync(['compress', 'test/fixtures/cnn-tiny.onnx', '-o', path.join(dir, 'a.onnx'), '--auto', '--max-search-time', '60', '--json', auto]);
  assert.equal(a.status, 0, a.stderr);
  assert.equal(JSON.parse(readFileSync(auto, 'utf8')).environment.onnxruntime, report.environment.onnxruntime);
  assert.match(a.stdout, /measured on .*\n {2}ISA .*\n {2}1 thread · onnxruntime /);
});
