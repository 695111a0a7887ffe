/**
 * `baseline: true`: the base branch's latest report, and how this PR moves each model's numbers.
 * The report is the one the Action uploaded on a base-branch run (same `upload-artifact` name). A
 * missing baseline (first run, expired artifact, upload disabled) is a note in the comment, never an error.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkAgainstBaseline } from '../check/baseline-budgets.js';
import type { BaselineBudgetConfig } from '../config/types.js';
import type { RunReport } from '../pipeline/run.js';
import type { Report } from '../pipeline/report-json.js';
import { trendMarkdown, trendNumbers, type TrendPoint } from '../report/trend.js';
import { formatBytes, formatPercent, formatSignedBytes } from '../report/table.js';
import { downloadArtifact } from './artifacts.js';
import type { Octokit } from './comment.js';
import { REPORT_FILES } from './fork-safe.js';

export interface BaselineQuery {
  owner: string;
  repo: string;
  /** The branch whose runs hold the baseline (a PR's base ref). */
  branch: string;
  artifactName: string;
  token: string;
  /** This run, never its own baseline. */
  runId: number;
  dest: string;
}

export interface BaseRun {
  report: Report;
  runId: number;
  /** When the run's artifact was made (ISO time), for the trend's labels. */
  createdAt?: string;
}

export type Baseline = { report: Report; runId: number; branch: string; history?: BaseRun[] } | { note: string };

interface ListedArtifact {
  id: number;
  expired: boolean;
  created_at?: string | null;
  workflow_run?: { id?: number; head_branch?: string | null; repository_id?: number; head_repository_id?: number } | null;
}

/**
 * The newest `limit` unexpired artifacts of that name from runs on `branch` of this repository itself (a
 * fork's branch may also be called `main`, so the run's head repository must be the repository), newest
 * first; the first is the baseline, all of them the trend. One artifact per run (a re-run's newest).
 */
export async function fetchBaseline(octokit: Octokit, q: BaselineQuery & { limit?: number }): Promise<Baseline> {
  const limit = q.limit ?? 1;
  const found: ListedArtifact[] = [];
  const pages = octokit.paginate.iterator(octokit.rest.actions.listArtifactsForRepo, {
    owner: q.owner, repo: q.repo, name: q.artifactName, per_page: 100,
  });
  outer: for await (const page of pages) {
    for (const a of page.data as unknown as ListedArtifact[]) {
      const run = a.workflow_run;
      if (a.expired || !run?.id || run.id === q.runId || run.head_branch !== q.branch) continue;
      if (run.head_repository_id !== undefined && run.head_repository_id !== run.repository_id) continue;
      if (found.some((f) => f.workflow_run?.id === run.id)) continue;
      found.push(a);
      if (found.length >= limit) break outer;
    }
  }
  if (!found.length) {
    return { note: `No baseline yet: no '${q.artifactName}' artifact from a run on \`${q.branch}\` (it appears after the Action runs there with upload-artifact set).` };
  }
  const history: BaseRun[] = [];
  for (const [i, a] of found.entries()) {
    const runId = a.workflow_run!.id!;
    try {
      const dir = await downloadArtifact({ name: q.artifactName, runId, repository: `${q.owner}/${q.repo}`, token: q.token }, path.join(q.dest, String(i)));
      const report = JSON.parse(readFileSync(path.join(dir, REPORT_FILES.json), 'utf8')) as Report;
      if (!Array.isArray(report.models)) throw new Error('no models list');
      history.push({ report, runId, ...(a.created_at ? { createdAt: a.created_at } : {}) });
    } catch (e) {
      // The newest is the baseline and must be readable; an older unreadable one only thins the trend.
      if (i === 0) return { note: `Baseline artifact of run ${runId} has no readable ${REPORT_FILES.json} (${(e as Error).message.split('\n')[0]}).` };
    }
  }
  return { report: history[0]!.report, runId: history[0]!.runId, branch: q.branch, history };
}

/** `+1.2 MB (+3.1%) 🔺`: bigger is worse for sizes, so growth gets the red mark. */
function formatDelta(before: number, after: number): string {
  const d = after - before;
  if (d === 0) return 'no change';
  return `${formatSignedBytes(d)} (${formatPercent(d, before, true)}) ${d > 0 ? '🔺' : '🟢'}`;
}

function formatMsDelta(before: number, after: number): string {
  const d = after - before;
  const pct = formatPercent(d, before, true);
  return `${d > 0 ? '+' : ''}${d.toFixed(1)} ms${pct ? ` (${pct})` : ''}`;
}

function p50(m: Report['models'][number]): number | undefined {
  const v = (m.latency as { compressed?: { p50Ms?: unknown } } | undefined)?.compressed?.p50Ms;
  return typeof v === 'number' ? v : undefined;
}

/** The section added to the comment: one row per model present now, compared by model name. */
export function baselineMarkdown(current: Report, baseline: Baseline): string {
  if ('note' in baseline) return `\n\n> [!NOTE]\n> ${baseline.note}\n`;
  const rows = current.models.map((m) => {
    const b = baseline.report.models.find((x) => x.name === m.name);
    if (!b) return `| ${m.name} | ${formatBytes(m.compressed.bytes)} | new model | |`;
    const [lb, lc] = [p50(b), p50(m)];
    const latency = lb !== undefined && lc !== undefined ? formatMsDelta(lb, lc) : '';
    return `| ${m.name} | ${formatBytes(m.compressed.bytes)} | ${formatDelta(b.compressed.bytes, m.compressed.bytes)} | ${latency} |`;
  });
  return [
    '',
    '',
    `#### Compared with \`${baseline.branch}\` (run ${baseline.runId})`,
    '',
    '| model | slim size | Δ size | Δ p50 latency |',
    '| --- | ---: | ---: | ---: |',
    ...rows,
    '',
  ].join('\n');
}

/**
 * `max-growth` / `max-latency-regression` of each model against the baseline: results join the model's
 * budgets (so annotations, the verdict and the exit code see them), and the section says what was checked.
 * Without a baseline each such budget is a note.
 */
export function applyBaselineBudgets(report: RunReport, baseline: Baseline, budgets: ReadonlyMap<string, readonly BaselineBudgetConfig[]>): string {
  const what = 'note' in baseline ? 'the base branch' : `\`${baseline.branch}\` (run ${baseline.runId})`;
  const lines = checkAgainstBaseline(report, 'note' in baseline ? undefined : baseline.report, budgets, what);
  return lines.length ? `\n\n**Budgets against the base branch**\n\n${lines.map((l) => `- ${l}`).join('\n')}\n` : '';
}

/** Per model, the trend over the base-branch runs (oldest first) ending at this run's point. */
export function trendSection(current: Report, baseline: Baseline): string {
  if ('note' in baseline || !baseline.history?.length) return '';
  const runs = [...baseline.history].reverse();
  const parts = current.models.map((m) => {
    const points: TrendPoint[] = runs.flatMap((r) => {
      const b = r.report.models.find((x) => x.name === m.name);
      return b ? [{ label: `run ${r.runId}`, ...trendNumbers(b), current: false }] : [];
    });
    points.push({ label: 'this run', ...trendNumbers(m), current: true });
    return trendMarkdown(m.name, points, baseline.branch);
  }).filter(Boolean);
  return parts.length ? `\n\n${parts.join('\n\n')}\n` : '';
}
