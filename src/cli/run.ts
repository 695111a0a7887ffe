/** `onnx-diet run [--config FILE] [--json FILE] [--markdown FILE] [--dvc-metrics FILE]` (PRODUCT.md). */
import { loadConfig } from '../config/load.js';
import { failureLines, runConfig, type RunReport } from '../pipeline/run.js';
import { dvcMetrics } from '../report/dvc.js';
import { writeJsonFile, writeTextFile } from '../report/json.js';
import { headline, limitCell, maskNotes, metricsRows, renderMarkdown } from '../report/markdown.js';
import { environmentLines } from '../report/environment.js';
import { formatTable } from '../report/table.js';
import { defineCommand } from './args.js';
import { createProgress } from './progress.js';

const help = `Runs the whole pipeline for every model in the config: source → stages → save → parity →
latency → budgets. Prints a table per model; exits 1 when a parity check or budget fails.

  -c, --config FILE    the config (default: onnx-diet.yml)
  --json FILE          write the report JSON
  --markdown FILE      write the Markdown report (what the Action posts as the PR comment)
  --dvc-metrics FILE   write flat DVC metrics JSON (for \`dvc metrics diff\`)
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

export const runCommand = defineCommand({
  name: 'run',
  help,
  options: {
    config: { type: 'string', short: 'c' },
    json: { type: 'string' },
    markdown: { type: 'string' },
    'dvc-metrics': { type: 'string' },
  },
  args: [],
  async run(values) {
    const config = loadConfig(values.config ?? 'onnx-diet.yml');
    const report = await runConfig(config, { progress: createProgress() });
    process.stdout.write(`${reportText(report)}\n`);
    if (values.json !== undefined) writeJsonFile(values.json, report);
    if (values.markdown !== undefined) writeTextFile(values.markdown, renderMarkdown(report));
    if (values['dvc-metrics'] !== undefined) writeJsonFile(values['dvc-metrics'], dvcMetrics(report));
    return exitCode(report);
  },
});
