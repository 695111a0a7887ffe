/**
 * The one call into the library. INTERIM: until src/pipeline/run.ts lands this runs load → compress
 * → size budgets itself; then it becomes a direct call of the library's run function.
 */
import { loadConfig } from '../config/load.js';
import { compressModel } from '../pipeline/compress.js';
import type { Progress } from '../pipeline/progress.js';
import { buildReport, modelPassed, modelReport, type Report } from '../report/json.js';
import { formatBytes } from '../report/table.js';

export interface PipelineRequest {
  config: string;
  /** Overrides the source of the config's (single) model: a local path. */
  source: string | undefined;
  /** Turns a config `source: { artifact, path }` into a local file. */
  resolveArtifact: (name: string, path: string | undefined) => Promise<string>;
  progress: Progress;
}

export interface PipelineResult {
  report: Report;
  markdown: string;
}

export async function runPipeline(req: PipelineRequest): Promise<PipelineResult> {
  const config = loadConfig(req.config);
  const models = [];
  for (const m of config.models) {
    const source =
      req.source ?? (m.source.kind === 'path' ? m.source.path : m.source.kind === 'artifact' ? await req.resolveArtifact(m.source.artifact, m.source.path) : m.source.url);
    const r = modelReport(await compressModel(source, m.output, { stages: m.stages.map((s) => s.spec), progress: req.progress }), m.name);
    r.budgets = m.budgets
      .filter((b) => b.name === 'max-size' || b.name === 'min-reduction')
      .map((b) => {
        const actual = b.name === 'max-size' ? r.compressed.bytes : r.original.bytes / r.compressed.bytes;
        const passed = b.name === 'max-size' ? actual <= b.limit : actual >= b.limit;
        return { name: b.name, limit: b.limit, actual, passed, where: b.where };
      });
    r.passed = modelPassed(r);
    models.push(r);
  }
  const report = buildReport(models);
  const lines = [`<!-- onnx-diet:${config.file} -->`];
  for (const m of report.models) {
    lines.push(`**${m.name}: ${formatBytes(m.original.bytes)} → ${formatBytes(m.compressed.bytes)}** ${m.passed ? '✅' : '❌'}`);
    for (const b of m.budgets ?? []) lines.push(`- ${b.name}: ${b.actual} (limit ${b.limit}) ${b.passed ? '✅' : '❌'}`);
  }
  return { report, markdown: `${lines.join('\n')}\n` };
}
