/**
 * The one call into the library: the config → `runConfig` (src/pipeline/run.ts) → the report and its
 * Markdown. Everything about compression, parity, latency and budgets happens there.
 */
import { loadConfig } from '../config/load.js';
import type { Progress } from '../pipeline/progress.js';
import { runConfig, type RunReport } from '../pipeline/run.js';
import { renderMarkdown } from '../report/markdown.js';

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

export async function runPipeline(req: PipelineRequest): Promise<PipelineResult> {
  const config = loadConfig(req.config);
  const report = await runConfig(config, {
    progress: req.progress,
    resolveArtifact: req.resolveArtifact,
    sourceOverride: req.source,
  });
  return { report, markdown: renderMarkdown(report) };
}
