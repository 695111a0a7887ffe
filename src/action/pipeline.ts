/**
 * The one call into the library: the config → `runConfig` (src/pipeline/run.ts) → the report and its
 * Markdown. Everything about compression, parity, latency and budgets happens there.
 */
import { loadConfig } from '../config/load.js';
import type { Progress } from '../pipeline/progress.js';
import { runConfig, type RunReport } from '../pipeline/run.js';
import { formatBytes } from '../report/table.js';

export interface PipelineRequest {
  config: string;
  /** Replaces every model's source with this local path (the `model` input, or the downloaded artifact). */
  source: string | undefined;
  /** Turns a config `source: { artifact, path }` into a local file. */
  resolveArtifact: (name: string, path: string | undefined) => Promise<string>;
  progress: Progress;
}

export interface PipelineResult {
  report: RunReport;
  markdown: string;
}

/**
 * INTERIM until the library's Markdown report (issue 4, item 7) lands: a headline and budget lines per
 * model, with the marker the comment is found by. Replace with the library's renderer.
 */
function interimMarkdown(report: RunReport): string {
  const lines = [`<!-- onnx-diet:${report.config} -->`];
  for (const m of report.models) {
    lines.push(`**${m.name}: ${formatBytes(m.original.bytes)} → ${formatBytes(m.compressed.bytes)}** ${m.passed ? '✅' : '❌'}`, '');
    for (const b of m.budgets) lines.push(`- ${b.name}: ${b.actualText} (limit ${b.limitText}) ${b.passed ? '✅' : '❌'}`);
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}

export async function runPipeline(req: PipelineRequest): Promise<PipelineResult> {
  const config = loadConfig(req.config);
  const report = await runConfig(config, {
    progress: req.progress,
    resolveArtifact: req.resolveArtifact,
    sourceOverride: req.source,
  });
  return { report, markdown: interimMarkdown(report) };
}
