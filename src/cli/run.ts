/** `onnx-diet run [--config FILE] [--json FILE] [--markdown FILE] [--dvc-metrics FILE] [--dvc-plots DIR] [--baseline FILE]` (PRODUCT.md). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkAgainstBaseline } from '../check/baseline-budgets.js';
import { loadConfig } from '../config/load.js';
import { UsageError } from '../onnx/errors.js';
import { failureLines, runConfig, type RunReport } from '../pipeline/run.js';
import { dvcMetrics, dvcPlots } from '../report/dvc.js';
import { writeJsonAtomically, writeTextAtomically } from '../onnx/files.js';
import { headline, limitCell, maskNotes, metricsRows, renderMarkdown } from '../report/markdown.js';
import { environmentLines } from '../check/environment.js';
import { formatTable } from '../report/table.js';
import { defineCommand } from './args.js';
import { createProgress } from './progress.js';

const help = `Runs the whole pipeline for every model in the config: source → stages → save → parity →
latency → budgets. Prints a table per model; exits 1 when a parity check or budget fails.

  -c, --config FILE    the config (default: onnx-diet.yml)
  --json FILE          write the report JSON
  --markdown FILE      write the Markdown report (what the Action posts as the PR comment)
  --dvc-metrics FILE   write flat DVC metrics JSON (for \`dvc metrics diff\`)
  --dvc-plots DIR      write DVC plots: DIR/stages.json (size after each stage), DIR/latency.json
  --baseline FILE      a report JSON of an earlier run (e.g. the base branch's): check max-growth and
                       max-latency-regression against it
  -h, --help           show this help`;

/** Plain-text version of the Markdown table, for the terminal, ending with where it was measured. */
export function reportText(report: RunReport): string {
  const where = report.environment ? `\n\n${environmentLines(report.environment).join('\n')}` : '';
  return report.models.map((m) => {
    const rows = metricsRows(m).map((r) => [r.what.replace(/`/g, ''), r.original, r.compressed, r.budget ? limitCell(r.budget) : '',
      r.budget ? (r.budget.passed ? 'ok' : 'FAIL') : '']);
    const notes = maskNotes(m).map((line) => `\n${line.replace(/`/g, '')}`).join('');
    return `${headline(m).replace(/\*\*/g, '')}\n\n${formatTable(['', 'original', 'compressed', 'budget', ''], rows)}${notes}`;
  }).join('\n\n') + where;
}

/** Exit code of a run or compare: 1, with each failure on stderr, when a check failed. */
export function exitCode(report: RunReport): number {
  for (const line of failureLines(report)) process.stderr.write(`onnx-diet: ${line}\n`);
  return report.passed ? 0 : 1;
}

/** A report JSON `--baseline` names; read before the run, so a bad path fails in the first second. */
function readBaseline(file: string): { models: { name: string; compressed: { bytes: number }; latency?: unknown }[] } {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UsageError(`--baseline ${file}: cannot read it as JSON (${(e as Error).message.split('\n')[0]}); give a report written by --json`);
  }
  const models = (data as { models?: unknown } | null)?.models;
  if (!Array.isArray(models) || !models.every((m) => typeof (m as { name?: unknown }).name === 'string' && typeof (m as { compressed?: { bytes?: unknown } }).compressed?.bytes === 'number')) {
    throw new UsageError(`--baseline ${file}: not an onnx-diet report (no models with name and compressed.bytes); give a report written by --json`);
  }
  return data as { models: { name: string; compressed: { bytes: number } }[] };
}

export const runCommand = defineCommand({
  name: 'run',
  help,
  options: {
    config: { type: 'string', short: 'c' },
    json: { type: 'string' },
    markdown: { type: 'string' },
    'dvc-metrics': { type: 'string' },
    'dvc-plots': { type: 'string' },
    baseline: { type: 'string' },
  },
  args: [],
  async run(values) {
    const config = loadConfig(values.config ?? 'onnx-diet.yml');
    const base = values.baseline === undefined ? undefined : readBaseline(values.baseline);
    const report = await runConfig(config, { progress: createProgress() });
    const budgets = new Map(config.models.map((m) => [m.name, m.baselineBudgets ?? []]));
    const baseLines = checkAgainstBaseline(report, base, budgets, values.baseline ?? 'a baseline (--baseline FILE)');
    process.stdout.write(`${reportText(report)}\n${baseLines.map((l) => `\n${l}`).join('')}${baseLines.length ? '\n' : ''}`);
    if (values.json !== undefined) writeJsonAtomically(values.json, report);
    if (values.markdown !== undefined) {
      writeTextAtomically(values.markdown, renderMarkdown(report) + (baseLines.length ? `\n**Budgets against the baseline**\n\n${baseLines.map((l) => `- ${l}`).join('\n')}\n` : ''));
    }
    if (values['dvc-metrics'] !== undefined) writeJsonAtomically(values['dvc-metrics'], dvcMetrics(report));
    if (values['dvc-plots'] !== undefined) {
      const plots = dvcPlots(report);
      writeJsonAtomically(path.join(values['dvc-plots'], 'stages.json'), plots.stages);
      writeJsonAtomically(path.join(values['dvc-plots'], 'latency.json'), plots.latency);
    }
    return exitCode(report);
  },
});
