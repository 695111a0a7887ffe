/**
 * The sticky PR comment: one per config, found again by a hidden marker, updated instead of piling up
 * (as compressed-size-action does). A token that cannot write (a fork's pull_request run gets a
 * read-only GITHUB_TOKEN) is not a failure: the caller falls back to the job summary.
 */
import type * as github from '@actions/github';

export type Octokit = ReturnType<typeof github.getOctokit>;

/** GitHub refuses comment bodies past 65,536 characters (422 "body is too long"). */
export const MAX_COMMENT_CHARS = 65_536;

const MARKER = /<!-- onnx-diet:[^\n]*?-->/;

/**
 * The report's hidden marker (the pipeline writes `<!-- onnx-diet:... -->`, one per config), or one
 * made from the config path when the Markdown has none. Two configs → two markers → two comments.
 */
export function markerOf(markdown: string, configPath: string): string {
  return MARKER.exec(markdown)?.[0] ?? `<!-- onnx-diet:config=${configPath.replace(/-->/g, '')} -->`;
}

/** The body we post: the marker first (so finding it is a prefix test), then the report, capped. */
export function commentBody(markdown: string, marker: string, note = ''): string {
  const text = markdown.includes(marker) ? markdown : `${marker}\n${markdown}`;
  return capMarkdown(text + note, MAX_COMMENT_CHARS);
}

/**
 * Cuts Markdown to `max` characters at a line break, closing an open code fence and <details>, and
 * says so at the end, so GitHub accepts it and it still renders.
 */
export function capMarkdown(md: string, max: number): string {
  if (md.length <= max) return md;
  const tail = (cut: number): string => {
    const kept = md.slice(0, cut);
    const fences = (kept.match(/^```/gm) ?? []).length;
    const opened = (kept.match(/<details>/g) ?? []).length - (kept.match(/<\/details>/g) ?? []).length;
    return (
      (fences % 2 === 1 ? '\n```' : '') +
      '\n</details>'.repeat(Math.max(0, opened)) +
      `\n\n_… report cut at ${max.toLocaleString('en-US')} characters (GitHub's comment limit; ${md.length.toLocaleString('en-US')} in full). ` +
      'The whole report is in the job summary and the uploaded artifact._\n'
    );
  };
  // The closing text's length depends on what is open where we cut: shrink until both fit.
  let cut = max - tail(max).length;
  for (;;) {
    const lineEnd = md.lastIndexOf('\n', cut);
    const at = lineEnd > max / 2 ? lineEnd : cut;
    const out = md.slice(0, at) + tail(at);
    if (out.length <= max) return out;
    cut -= out.length - max;
  }
}

export interface IssueTarget {
  owner: string;
  repo: string;
  /** Pull request (or issue) number. */
  issue: number;
}

export interface CommitTarget {
  owner: string;
  repo: string;
  sha: string;
}

export type CommentTarget = IssueTarget | CommitTarget;

interface RestComment {
  id: number;
  body?: string | undefined;
  html_url: string;
  user?: { type?: string } | null;
}

/**
 * Our comment among the target's comments: the body must start with the marker (a person quoting it
 * starts with `>`); among several, a bot's wins, since a GITHUB_TOKEN can only edit its own. Pages
 * through all comments (100 per page): long PRs hide the first comment past page one.
 */
export async function findComment(octokit: Octokit, target: CommentTarget, marker: string): Promise<RestComment | undefined> {
  const pages =
    'issue' in target
      ? octokit.paginate.iterator(octokit.rest.issues.listComments, { owner: target.owner, repo: target.repo, issue_number: target.issue, per_page: 100 })
      : octokit.paginate.iterator(octokit.rest.repos.listCommentsForCommit, { owner: target.owner, repo: target.repo, commit_sha: target.sha, per_page: 100 });
  let found: RestComment | undefined;
  for await (const page of pages) {
    for (const c of page.data as RestComment[]) {
      if (!(c.body ?? '').trimStart().startsWith(marker)) continue;
      if (c.user?.type === 'Bot') return c;
      found ??= c;
    }
  }
  return found;
}

export interface PostedComment {
  url: string;
  id: number;
  created: boolean;
}

/** Updates our comment if there is one, else creates it. */
export async function upsertComment(octokit: Octokit, target: CommentTarget, marker: string, body: string): Promise<PostedComment> {
  const existing = await findComment(octokit, target, marker);
  const { owner, repo } = target;
  if (existing) {
    const res =
      'issue' in target
        ? await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body })
        : await octokit.rest.repos.updateCommitComment({ owner, repo, comment_id: existing.id, body });
    return { url: res.data.html_url, id: res.data.id, created: false };
  }
  const res =
    'issue' in target
      ? await octokit.rest.issues.createComment({ owner, repo, issue_number: target.issue, body })
      : await octokit.rest.repos.createCommitComment({ owner, repo, commit_sha: target.sha, body });
  return { url: res.data.html_url, id: res.data.id, created: true };
}

/**
 * True for the answer a token without write access gets: 403 "Resource not accessible by integration"
 * (fork PRs, `permissions:` without pull-requests: write). 404 on a private repository means the same.
 */
export function isPermissionDenied(e: unknown): boolean {
  const status = (e as { status?: unknown } | null)?.status;
  return status === 403 || status === 404;
}

/**
 * Which GitHub API call failed and what it said, on one line: `GET /repos/o/r/issues/5/comments: connect
 * ECONNREFUSED 127.0.0.1:4010` (octokit's own message is the cause alone, without the call).
 */
export function describeApiError(e: unknown): string {
  const err = (e ?? {}) as { request?: { method?: string; url?: string }; status?: unknown; message?: unknown };
  const url = err.request?.url ? err.request.url.replace(/^[a-z]+:\/\/[^/]+/i, '').replace(/\?.*$/, '') : undefined;
  const call = err.request?.method && url ? `${err.request.method} ${url}` : 'a GitHub API call';
  const status = typeof err.status === 'number' && err.status !== 500 ? ` (HTTP ${err.status})` : '';
  const said = (typeof err.message === 'string' ? err.message : String(e)).split('\n')[0];
  return `${call}${status}: ${said}`;
}
