/**
 * The one call into the library: the config → `runConfig` (src/pipeline/run.ts) → the report and its
 * Markdown. Everything about compression, parity, latency and budgets happens there.
 */
import { loadConfig } from '../config/load.js';
import type { BaselineBudgetConfig, Config } from '../config/types.js';
import type { Progress } from '../pipeline/progress.js';
import { runConfig, type RunReport } from '../pipeline/run.js';
import { renderMarkdown } from '../report/markdown.js';

export interface ConfigRunRequest {
  config: string;
  /** The `model` input: a model of the config to run alone (a matrix job), else a source path (see modelChoice). */
  model: string | undefined;
  /** Replaces every model's source with this local path (the downloaded artifact). */
  source: string | undefined;
  /** Turns a config `source: { artifact, path }` into a local file. */
  resolveArtifact: (name: string, path: string | undefined) => Promise<string>;
  progress: Progress;
}

export interface ConfigRunResult {
  report: RunReport;
  markdown: string;
  /** The model the `model` input selected by name (a matrix job), if it did. */
  selected: string | undefined;
  /** Each model's max-growth / max-latency-regression (checked by the Action against the baseline). */
  baselineBudgets: Map<string, BaselineBudgetConfig[]>;
}

/**
 * What the `model` input means for this config: the name of one of its models selects that model (one
 * matrix job per model, PRODUCT.md); anything else is a path replacing the model's source, as before.
 */
export function modelChoice(config: Config, model: string | undefined): { selected?: string; source?: string } {
  if (model === undefined) return {};
  if (config.models.some((m) => m.name === model)) return { selected: model };
  return { source: model };
}

export async function runConfigFile(req: ConfigRunRequest): Promise<ConfigRunResult> {
  const loaded = loadConfig(req.config);
  const choice = modelChoice(loaded, req.model);
  const config = choice.selected ? { ...loaded, models: loaded.models.filter((m) => m.name === choice.selected) } : loaded;
  const report = await runConfig(config, {
    progress: req.progress,
    resolveArtifact: req.resolveArtifact,
    sourceOverride: req.source ?? choice.source,
  });
  const baselineBudgets = new Map(config.models.map((m) => [m.name, m.baselineBudgets ?? []]));
  return { report, markdown: renderMarkdown(report), selected: choice.selected, baselineBudgets };
}
