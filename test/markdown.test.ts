import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateBudgets } from '../src/check/budgets.js';
import { judgeOutput } from '../src/check/parity.js';
import type { ModelRunReport, RunReport } from '../src/pipeline/run.js';
import { dvcMetrics } from '../src/report/dvc.js';
import { headline, renderMarkdown, reportMarker } from '../src/report/markdown.js';

const where = (line: number) => ({ file: 'onnx-diet.yml', line, col: 17 });

/** The ALBERT numbers (PRODUCT.md report example), with budgets evaluated by the real code. */
function albert(maxSize = 15_000_000): ModelRunReport {
  const parity = {
    passed: true, samples: 8,
    outputs: [judgeOutput({ name: 'logits', maxAbs: 0.004, meanAbs: 0.001, cosine: 0.9998, top1: 1, elements: 24, nonFinite: { original: 0, compressed: 0 }, newNonFinite: 0 })],
  };
  const latency = {
    runs: 20, warmup: 3, threads: 1, speedup: 441.2 / 390.1,
    original: { p50Ms: 441.2, p90Ms: 450.3, meanMs: 443, loadMs: 2293 },
    compressed: { p50Ms: 390.1, p90Ms: 401.0, meanMs: 392, loadMs: 410 },
  };
  const budgets = evaluateBudgets([
    { name: 'max-size', limit: maxSize, text: String(maxSize), where: where(14) },
    { name: 'min-reduction', limit: 4, text: '4x', where: where(15) },
    { name: 'min-speedup', limit: 1, text: '1.0', where: where(16) },
  ], { originalBytes: 358_748_464, compressedBytes: 12_011_022, parity, latency });
  return {
    name: 'albert', source: 'models/albert.onnx', output: 'out/albert.slim.onnx',
    original: { bytes: 358_748_464, sha256: 'a'.repeat(64) }, compressed: { bytes: 12_011_022, sha256: 'b'.repeat(64) },
    stages: [
      { name: 'dedup', bytesBefore: 358_748_464, bytesAfter: 46_874_441, ms: 812, details: { merged: 297, transposedTies: 0 } },
      { name: 'quantize-int8', bytesBefore: 46_874_441, bytesAfter: 12_011_022, ms: 1432, details: { quantizedNodes: 74 } },
    ],
    parity, latency, budgets, passed: budgets.every((b) => b.passed),
  };
}

function report(models: ModelRunReport[]): RunReport {
  return { tool: 'onnx-diet', version: '0.1.0', passed: models.every((m) => m.passed), config: 'onnx-diet.yml', models };
}

test('headline: sizes, change, ratio, parity mark, speed (the issue\'s example, computed by hand)', () => {
  // (12,011,022 − 358,748,464) / 358,748,464 = −96.65 %; 358,748,464 / 12,011,022 = 29.87; 441.2 / 390.1 = 1.131
  assert.equal(headline(albert()), '**albert: 358.7 MB → 12.0 MB (−96.7 %, 29.9×)** · parity ✅ · 1.13× faster');
});

test('structure: marker, title, headline, table with a mark per budget, stages and chart in <details>', () => {
  const md = renderMarkdown(report([albert()]));
  const lines = md.split('\n');
  assert.equal(lines[0], '<!-- onnx-diet:onnx-diet.yml -->');
  assert.equal(lines[1], '### onnx-diet ✅ all checks passed');
  const at = (re: RegExp) => lines.findIndex((l) => re.test(l));
  const order = [/^\*\*albert: /, /^\| \| Original \| Compressed \| Budget \| \|$/, /^<details><summary>/, /^\| Stage \| Before/, /^```mermaid$/, /^<\/details>$/, /^<sub>onnx-diet 0\.1\.0/];
  const positions = order.map(at);
  assert.ok(positions.every((p, i) => p >= 0 && (i === 0 || p > positions[i - 1]!)), `sections in order: ${positions}`);
  const row = (what: string) => lines.find((l) => l.startsWith(`| ${what} |`));
  assert.equal(row('Size'), '| Size | 358.7 MB | 12.0 MB | ≤ 15000000 | ✅ |');
  assert.equal(row('Reduction'), '| Reduction |  | 29.9× (−96.7 %) | ≥ 4x | ✅ |');
  assert.equal(row('Speedup (p50)'), '| Speedup (p50) |  | 1.13× | ≥ 1.0 | ✅ |');
  assert.equal(row('`logits` cosine'), '| `logits` cosine |  | 0.9998 | ≥ 0.99 | ✅ |');
  assert.equal(row('`logits` max abs diff'), '| `logits` max abs diff |  | 0.004 |  |  |', 'no max-abs budget, no mark');
  assert.equal(row('dedup'), '| dedup | 358.7 MB | 46.9 MB | −86.9 % | 812 ms | merged: 297 |');
  const chart = lines.slice(at(/^```mermaid$/), at(/^<\/details>$/)).join('\n');
  assert.match(chart, /xychart-beta/);
  assert.match(chart, /x-axis \["original", "dedup", "quantize-int8", "saved"\]/);
  assert.match(chart, /bar \[358\.748, 46\.874, 12\.011, 12\.011\]/);
  assert.match(chart, /y-axis "MB" 0 --> 395/);
});

test('a broken budget shows ❌ in its row, the headline and the title', () => {
  const m = albert(12_000_000);
  assert.equal(m.passed, false);
  const md = renderMarkdown(report([m, albert()]));
  assert.match(md, /^### onnx-diet ❌ 1 of 2 models failed a check$/m);
  assert.match(md, /^\| Size \| 358\.7 MB \| 12\.0 MB \| ≤ 12000000 \| ❌ \|$/m);
  assert.match(headline(m), / · ❌ 1 budget broken$/);
  assert.equal(md.split('\n---\n').length, 2, 'models are separated by a rule');
});

test('the marker cannot be closed early by the config path; table cells escape pipes', () => {
  assert.equal(reportMarker('a-->b.yml'), '<!-- onnx-diet:a-b.yml -->');
  const m = { ...albert(), name: 'a|b' };
  assert.match(renderMarkdown(report([m])), /\*\*a\\\|b: /);
});

test('DVC metrics: flat numbers keyed model.metric', () => {
  const d = dvcMetrics(report([albert()]));
  assert.equal(d['albert.compressed_bytes'], 12_011_022);
  assert.equal(d['albert.reduction'], 358_748_464 / 12_011_022);
  assert.equal(d['albert.stage.quantize-int8.bytes_after'], 12_011_022);
  assert.equal(d['albert.parity.logits.cosine'], 0.9998);
  assert.equal(d['albert.latency.speedup'], 441.2 / 390.1);
  assert.equal(d['albert.passed'], 1);
  assert.ok(Object.values(d).every((v) => typeof v === 'number' && Number.isFinite(v)));
});
