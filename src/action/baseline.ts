/**
 * `baseline: true`: the base branch's latest report, and how this PR moves each model's numbers.
 * The report is the one the Action uploaded on a base-branch run (same `upload-artifact` name). A
 * missing baseline (first run, expired artifact, upload disabled) is a note in the comment, never an error.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Report } from '../report/json.js';
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

export type Baseline = { report: Report; runId: number; branch: string } | { note: string };

interface ListedArtifact {
  id: number;
  expired: boolean;
  workflow_run?: { id?: number; head_branch?: string | null; repository_id?: number; head_repository_id?: number } | null;
}

/**
 * Newest unexpired artifact of that name from a run on `branch` of this repository itself: a fork's
 * branch may also be called `main`, so the run's head repository must be the repository.
 */
export async function fetchBaseline(octokit: Octokit, q: BaselineQuery): Promise<Baseline> {
  let found: ListedArtifact | undefined;
  const pages = octokit.paginate.iterator(octokit.rest.actions.listArtifactsForRepo, {
    owner: q.owner, repo: q.repo, name: q.artifactName, per_page: 100,
  });
  outer: for await (const page of pages) {
    for (const a of page.data as unknown as ListedArtifact[]) {
      const run = a.workflow_run;
      if (a.expired || !run || run.id === q.runId || run.head_branch !== q.branch) continue;
      if (run.head_repository_id !== undefined && run.head_repository_id !== run.repository_id) continue;
      found = a;
      break outer;
    }
  }
  if (!found?.workflow_run?.id) {
    return { note: `No baseline yet: no '${q.artifactName}' artifact from a run on \`${q.branch}\` (it appears after the Action runs there with upload-artifact set).` };
  }
  const runId = found.workflow_run.id;
  const dir = await downloadArtifact({ name: q.artifactName, runId, repository: `${q.owner}/${q.repo}`, token: q.token }, q.dest);
  try {
    const report = JSON.parse(readFileSync(path.join(dir, REPORT_FILES.json), 'utf8')) as Report;
    if (!Array.isArray(report.models)) throw new Error('no models list');
    return { report, runId, branch: q.branch };
  } catch (e) {
    return { note: `Baseline artifact of run ${runId} has no readable ${REPORT_FILES.json} (${(e as Error).message}).` };
  }
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
