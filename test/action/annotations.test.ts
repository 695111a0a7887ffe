/**
 * annotateBudgets: one `::error` per broken budget at its config line, one per check that could not run
 * on the config file — each problem once, told apart by what it is, not by the wording of its line.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { annotateBudgets } from '../../src/action/summary.js';
import type { RunReport } from '../../src/pipeline/run.js';

function captureStdout(work: () => number): { lines: string[]; count: number } {
  const lines: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    lines.push(...String(chunk).split('\n').filter(Boolean));
    return true;
  }) as typeof process.stdout.write;
  try {
    return { count: work(), lines };
  } finally {
    process.stdout.write = write;
  }
}

test('each broken budget and each check that could not run is annotated once, at the right place', () => {
  const digest = { bytes: 10, sha256: 'x' };
  const report: RunReport = {
    tool: 'onnx-diet', version: '0.1.0', passed: false, config: 'onnx-diet.yml',
    models: [{
      // A model whose name holds the words a text filter would have keyed on.
      name: 'm: budget x', source: 'a.onnx', output: 'b.onnx', original: digest, compressed: digest, stages: [], passed: false,
      parity: { passed: false, samples: 0, outputs: [], error: 'onnxruntime crashed' } as unknown as RunReport['models'][0]['parity'],
      budgets: [
        { name: 'max-size', limit: 5, actual: 10, passed: false, limitText: '5 B', actualText: '10 B', where: { file: 'onnx-diet.yml', line: 7, col: 17 } },
        { name: 'min-reduction', limit: 1, actual: 1, passed: true, limitText: '1x', actualText: '1x' },
      ] as unknown as RunReport['models'][0]['budgets'],
    }],
  };
  const { lines, count } = captureStdout(() => annotateBudgets(report, 'onnx-diet.yml'));
  const errors = lines.filter((l) => l.startsWith('::error'));
  assert.equal(count, 2);
  assert.equal(errors.length, 2, errors.join('\n'));
  assert.match(errors[0]!, /^::error title=onnx-diet budget,file=onnx-diet.yml,line=7,col=17::m: budget x: budget max-size broken: limit 5 B, actual 10 B/);
  assert.match(errors[1]!, /^::error title=onnx-diet check,file=onnx-diet.yml::m: budget x: parity could not run: onnxruntime crashed$/);
});

test('with fail-on-budget: false the same annotations are warnings (the step stays green)', () => {
  const digest = { bytes: 10, sha256: 'x' };
  const report = {
    tool: 'onnx-diet', version: '0.1.0', passed: false, config: 'c.yml',
    models: [{
      name: 'm', source: 'a.onnx', output: 'b.onnx', original: digest, compressed: digest, stages: [], passed: false,
      budgets: [{ name: 'max-size', limit: 5, actual: 10, passed: false, limitText: '5 B', actualText: '10 B', where: { file: 'c.yml', line: 3, col: 5 } }],
    }],
  } as unknown as RunReport;
  const warned = captureStdout(() => annotateBudgets(report, 'c.yml', { failing: false }));
  assert.deepEqual(warned.lines.map((l) => l.split('::')[1]), ['warning title=onnx-diet budget,file=c.yml,line=3,col=5']);
  const failed = captureStdout(() => annotateBudgets(report, 'c.yml', { failing: true }));
  assert.deepEqual(failed.lines.map((l) => l.split('::')[1]), ['error title=onnx-diet budget,file=c.yml,line=3,col=5']);
});

test('a config with two problems gets one annotation per problem, each at its line', async () => {
  const { annotateConfigError } = await import('../../src/action/summary.js');
  const { ConfigError } = await import('../../src/config/types.js');
  const e = new ConfigError([
    { file: 'onnx-diet.yml', line: 4, col: 21, message: "models[0].stages[1]: unknown stage 'shrink'" },
    { file: 'onnx-diet.yml', line: 5, col: 7, message: "models[0].budgets.max-sise: unknown key 'max-sise'" },
  ]);
  const { lines } = captureStdout(() => {
    annotateConfigError(e);
    return 0;
  });
  assert.deepEqual(lines, [
    "::error title=onnx-diet config,file=onnx-diet.yml,line=4,col=21::models[0].stages[1]: unknown stage 'shrink'",
    "::error title=onnx-diet config,file=onnx-diet.yml,line=5,col=7::models[0].budgets.max-sise: unknown key 'max-sise'",
  ]);
});
