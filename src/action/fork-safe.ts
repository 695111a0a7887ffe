/**
 * The fork-safe pair. A pull_request run from a fork has a read-only token and no secrets, and must not
 * get more: `mode: report` runs there and only uploads the report with the PR number and head SHA. A
 * `workflow_run` workflow (base repository code, write token) runs `mode: comment`: it downloads that
 * artifact, treats everything in it as untrusted (the fork wrote it), checks it belongs to the run's head
 * commit and that the PR's head is that commit, escapes the Markdown and posts it. This is GitHub's
 * documented pattern for commenting on fork PRs ("Keeping your GitHub Actions and workflows secure:
 * preventing pwn requests").
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../onnx/errors.js';
import type { Octokit } from './comment.js';

/** File names inside the report artifact (shared by both modes and the baseline lookup). */
export const REPORT_FILES = {
  json: 'onnx-diet-report.json',
  markdown: 'onnx-diet-report.md',
  pr: 'onnx-diet-pr.json',
} as const;

export interface PrInfo {
  repository: string;
  number: number;
  headSha: string;
  marker: string;
}

interface PullRequestPayload {
  number?: number;
  pull_request?: { number?: number; head?: { sha?: string } };
  repository?: { full_name?: string };
}

/** What `mode: report` records: the PR the report is for, from the pull_request event. */
export function prInfoFromEvent(payload: PullRequestPayload, marker: string): PrInfo {
  const number = payload.pull_request?.number ?? payload.number;
  const headSha = payload.pull_request?.head?.sha;
  const repository = payload.repository?.full_name;
  if (number === undefined || headSha === undefined || repository === undefined) {
    throw new UsageError(`mode 'report' runs on pull_request events (it records the PR number and head SHA); this event has no pull request`);
  }
  return { repository, number, headSha, marker };
}

const SHA = /^[0-9a-f]{40}$/;
const MARKER = /^<!-- onnx-diet:[\w.\/:=@ -]{1,200} -->$/;

/** Reads and strictly checks the PR record of an untrusted artifact. */
export function readPrInfo(dir: string): PrInfo {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path.join(dir, REPORT_FILES.pr), 'utf8'));
  } catch (e) {
    throw new UsageError(`report artifact: ${REPORT_FILES.pr} is missing or not JSON (${(e as Error).message}); was it uploaded by 'mode: report'?`);
  }
  const r = raw as Partial<Record<keyof PrInfo, unknown>>;
  if (
    typeof r.number !== 'number' || !Number.isSafeInteger(r.number) || r.number < 1 ||
    typeof r.headSha !== 'string' || !SHA.test(r.headSha) ||
    typeof r.repository !== 'string' || !/^[A-Za-z0-9-]+\/[\w.-]+$/.test(r.repository) ||
    typeof r.marker !== 'string' || !MARKER.test(r.marker)
  ) {
    throw new UsageError(`report artifact: ${REPORT_FILES.pr} does not hold a PR number, a 40-hex head SHA, a repository and an onnx-diet marker`);
  }
  return { number: r.number, headSha: r.headSha, repository: r.repository, marker: r.marker };
}

/**
 * Checks the untrusted record against trusted facts: the workflow_run event's head SHA and repository
 * (set by GitHub, not the fork), and the PR's current head from the API. A record naming another PR
 * (whose head is a different commit) or a stale one (the PR moved on) is refused.
 * Returns undefined when all is well, else why not.
 */
export async function checkPrInfo(
  octokit: Octokit,
  info: PrInfo,
  run: { headSha: string; repository: string },
): Promise<string | undefined> {
  if (info.headSha !== run.headSha) {
    return `the report is for commit ${info.headSha.slice(0, 7)}, but the workflow run was for ${run.headSha.slice(0, 7)}`;
  }
  if (info.repository.toLowerCase() !== run.repository.toLowerCase()) {
    return `the report names repository ${info.repository}, but the workflow run belongs to ${run.repository}`;
  }
  const [owner, repo] = run.repository.split('/') as [string, string];
  const pr = await octokit.rest.pulls.get({ owner, repo, pull_number: info.number });
  if (pr.data.head.sha !== run.headSha) {
    return `PR #${info.number}'s head is ${pr.data.head.sha.slice(0, 7)}, not the run's ${run.headSha.slice(0, 7)} (a newer push, or the report names another PR)`;
  }
  return undefined;
}

/** HTML that renders as layout only (no attributes, so no links, images, styles or handlers). */
const SAFE_TAGS = new Set(['details', 'summary', 'br', 'b', 'strong', 'i', 'em', 'code', 'sub', 'sup', 'p', 'hr']);

function escapeProse(text: string): string {
  return (
    text
      // Every '<' is escaped, then the bare layout tags are allowed back. HTML comments go too: a
      // forged marker could hijack another config's comment.
      .replace(/</g, '&lt;')
      .replace(/&lt;(\/?)([a-zA-Z]+)\s*\/?>/g, (m: string, slash: string, tag: string) =>
        SAFE_TAGS.has(tag.toLowerCase()) ? `<${slash}${tag.toLowerCase()}>` : m)
      // @mentions would notify people and teams; #123 / owner/repo#123 would backlink other threads.
      // A zero-width space after the sigil keeps the text and stops the link.
      .replace(/(^|[^\w`])@(?=[A-Za-z0-9])/g, '$1@\u200b')
      .replace(/#(?=\d)/g, '#\u200b')
  );
}

/**
 * Makes untrusted report Markdown safe to post with a write token: HTML comments are dropped (the
 * caller adds our own, checked marker), prose is escaped (above), fenced code blocks (mermaid charts)
 * are kept, since GitHub renders nothing active in them; an unclosed fence is closed. The caller caps
 * the length (commentBody).
 */
export function escapeUntrustedMarkdown(md: string): string {
  const out: string[] = [];
  let fence: string | undefined;
  const text = md.replace(/\r\n?/g, '\n').replace(/<!--[\s\S]*?-->/g, '');
  for (const line of text.split('\n')) {
    const open = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence === undefined) {
      if (open) {
        fence = open[1]!;
        out.push(line.replace(/</g, '&lt;')); // the info string is prose-like; `mermaid` is unaffected
      } else out.push(escapeProse(line));
    } else {
      if (open && open[1]!.startsWith(fence[0]!) && open[1]!.length >= fence.length && line.trim() === open[1]) fence = undefined;
      out.push(line);
    }
  }
  if (fence !== undefined) out.push(fence);
  return out.join('\n');
}
