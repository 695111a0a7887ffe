/** `onnx-diet run [--config FILE] [--json FILE] [--markdown FILE] [--dvc-metrics FILE]` (PRODUCT.md). */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config/load.js';
import { failureLines, type RunReport } from '../pipeline/run.js';
import { runConfig } from '../pipeline/run.js';
import { dvcMetrics } from '../report/dvc.js';
import { writeJsonFile } from '../report/json.js';
import { headline, limitCell, metricsRows, renderMarkdown } from '../report/markdown.js';
import { formatTable } from '../report/table.js';
import { HELP_OPTION, parseCommandArgs, positionals, type Command } from './args.js';
import { createProgress } from './progress.js';

const usage = `usage: onnx-diet run [--config FILE] [--json FILE] [--markdown FILE] [--dvc-metrics FILE]

Runs the whole pipeline for every model in the config: source → stages → save → parity →
latency → budgets. Prints a table per model; exits 1 when a parity check or budget fails.

  -c, --config FILE    the config (default: onnx-diet.yml)
  --json FILE          write the report JSON
  --markdown FILE      write the Markdown report (what the Action posts as the PR comment)
  --dvc-metrics FILE   write flat DVC metrics JSON (for \`dvc metrics diff\`)
  -h, --help           show this help`;

/** Plain-text version of the Markdown table, for the terminal. */
export function reportText(report: RunReport): string {
  return report.models.map((m) => {
    const rows = metricsRows(m).map((r) => [r.what.replace(/`/g, ''), r.original, r.compressed, r.budget ? limitCell(r.budget) : '',
      r.budget ? (r.budget.passed ? 'ok' : 'FAIL') : '']);
    return `${headline(m).replace(/\*\*/g, '')}\n\n${formatTable(['', 'original', 'compressed', 'budget', ''], rows)}`;
  }).join('\n\n');
}

function writeText(file: string, text: string): void {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  writeFileSync(file, text);
}

export const runCommand: Command = {
  synopsis: 'run [--config FILE] [--json FILE] [--markdown FILE] [--dvc-metrics FILE]',
  summary: 'compress, check parity and latency, enforce budgets for every model of a config',
  usage,
  async run(argv) {
    const { values, positionals: given } = parseCommandArgs('run', argv, {
      ...HELP_OPTION,
      config: { type: 'string', short: 'c' },
      json: { type: 'string' },
      markdown: { type: 'string' },
      'dvc-metrics': { type: 'string' },
    });
    if (values.help) {
      process.stdout.write(`${usage}\n`);
      return 0;
    }
    positionals('run', given, []);
    const config = loadConfig(values.config ?? 'onnx-diet.yml');
    const report = await runConfig(config, { progress: createProgress() });
    process.stdout.write(`${reportText(report)}\n`);
    if (values.json !== undefined) writeJsonFile(values.json, report);
    if (values.markdown !== undefined) writeText(values.markdown, renderMarkdown(report));
    if (values['dvc-metrics'] !== undefined) writeJsonFile(values['dvc-metrics'], dvcMetrics(report));
    for (const line of failureLines(report)) process.stderr.write(`onnx-diet: ${line}\n`);
    return report.passed ? 0 : 1;
  },
};
