/**
 * What every run leaves behind whatever else happened: step outputs, the job summary, and an error
 * annotation on the config line of each broken budget (so the PR's "Files changed" view marks it).
 */
import path from 'node:path';
import * as core from '@actions/core';
import { budgetFailureLine } from '../check/budgets.js';
import { checkErrorLines, type RunReport } from '../pipeline/run.js';
import type { Report } from '../pipeline/report-json.js';
import type { ConfigError } from '../config/types.js';

export interface OutputPaths {
  reportJson: string;
  reportMarkdown: string;
}

/** Sum over the config's models; `reduction` is the fraction of bytes saved (0.9665 = 96.65 % smaller). */
function reportTotals(report: Report): { original: number; compressed: number; reduction: number } {
  const original = report.models.reduce((s, m) => s + m.original.bytes, 0);
  const compressed = report.models.reduce((s, m) => s + m.compressed.bytes, 0);
  const reduction = original > 0 ? Math.round((1 - compressed / original) * 1e4) / 1e4 : 0;
  return { original, compressed, reduction };
}

export function setReportOutputs(report: Report, paths: OutputPaths): void {
  const t = reportTotals(report);
  core.setOutput('passed', String(report.passed));
  core.setOutput('report-json', paths.reportJson);
  core.setOutput('report-markdown', paths.reportMarkdown);
  core.setOutput('original-bytes', String(t.original));
  core.setOutput('compressed-bytes', String(t.compressed));
  core.setOutput('reduction', String(t.reduction));
  // The first model's slim file; a multi-model config lists every output in the report JSON.
  core.setOutput('slim-model', report.models[0]?.output ?? '');
}

/** Annotations attach to files by their path from the repository root. */
function repoPath(file: string): string {
  const root = process.env['GITHUB_WORKSPACE'];
  if (!root || !path.isAbsolute(file)) return file.split(path.sep).join('/');
  return path.relative(root, file).split(path.sep).join('/');
}

/**
 * One `::error file=…,line=…::` per broken budget, at the config line it came from (the pipeline's
 * budget results carry `where`); without a location (built-in parity defaults), on the config file.
 * A check that could not run (ORT crash) gets an error too. With `failing: false` (`fail-on-budget:
 * false`) the step does not fail, so the same annotations are warnings: an error mark on a green step
 * would say something the step does not.
 */
export function annotateBudgets(report: RunReport, configFile: string, opts: { failing?: boolean } = {}): number {
  const annotate = opts.failing === false ? core.warning : core.error;
  let count = 0;
  for (const m of report.models) {
    for (const b of m.budgets.filter((x) => !x.passed)) {
      count++;
      annotate(budgetFailureLine(m.name, b), {
        title: 'onnx-diet budget',
        file: repoPath(b.where?.file ?? configFile),
        startLine: b.where?.line,
        startColumn: b.where?.col,
      });
    }
  }
  for (const line of report.models.flatMap(checkErrorLines)) {
    count++;
    annotate(line, { title: 'onnx-diet check', file: repoPath(configFile) });
  }
  return count;
}

/** One `::error` per config problem at its file:line:col (the message alone would put them all on one line). */
export function annotateConfigError(e: ConfigError): void {
  for (const i of e.issues) core.error(i.message, { title: 'onnx-diet config', file: repoPath(i.file), startLine: i.line, startColumn: i.col });
}

/** Appends Markdown to the job summary (GITHUB_STEP_SUMMARY); a runner without one just logs it. */
export async function writeJobSummary(markdown: string): Promise<void> {
  if (!process.env['GITHUB_STEP_SUMMARY']) {
    core.info(markdown);
    return;
  }
  await core.summary.addRaw(markdown, true).write();
}
