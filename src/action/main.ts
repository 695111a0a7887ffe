/**
 * The Action: a thin adapter over the library's `run` (src/pipeline/run.ts). It turns inputs into a
 * runConfig call, model artifacts into local paths, and the report into outputs, a job summary,
 * annotations, an artifact and a sticky PR comment. No compression or parity logic lives here.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as core from '@actions/core';
import * as github from '@actions/github';
import { isInside } from '../onnx/external.js';
import { writeJsonAtomically, writeTextAtomically } from '../onnx/files.js';
import type { Report } from '../pipeline/report-json.js';
import type { Progress } from '../pipeline/progress.js';
import { downloadArtifact, fileInArtifact, uploadArtifact, type UploadFile } from './artifacts.js';
import { applyBaselineBudgets, baselineMarkdown, fetchBaseline, trendSection, type Baseline } from './baseline.js';
import { commentBody, describeApiError, isPermissionDenied, markerOf, upsertComment, type CommentTarget, type Octokit } from './comment.js';
import { REPORT_FILES, checkPrInfo, escapeUntrustedMarkdown, prInfoFromEvent, readPrInfo } from './fork-safe.js';
import { readInputs, type ActionInputs } from './inputs.js';
import { dvcMetricsDiffSection } from './dvc-diff.js';
import { perModelArtifact, runMergeMode } from './merge.js';
import { ensureOnnxRuntime } from './onnxruntime-setup.js';
import { runConfigFile } from './config-run.js';
import { ConfigError } from '../config/types.js';
import { annotateBudgets, annotateConfigError, setReportOutputs, writeJobSummary } from './summary.js';

const FORK_HINT =
  'The token cannot write comments (a pull request from a fork gets a read-only GITHUB_TOKEN). The report is in ' +
  'the job summary. To comment on fork PRs, use the fork-safe pair: `mode: report` in the pull_request workflow and ' +
  '`mode: comment` in a workflow_run workflow (examples/workflows/onnx-diet-fork-report.yml and onnx-diet-fork-comment.yml).';

function workDir(): string {
  const dir = path.join(process.env['RUNNER_TEMP'] ?? tmpdir(), `onnx-diet-${process.env['GITHUB_RUN_ID'] ?? 'local'}-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Timestamped log lines per step; each step's lines in a collapsible group. */
const actionProgress: Progress = {
  async step(label, work) {
    const t0 = Date.now();
    try {
      return await core.group(label, async () => work());
    } finally {
      core.info(`${label}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }
  },
  note: (message) => core.info(message),
};

const PR_EVENTS = new Set(['pull_request', 'pull_request_target']);

function commentTarget(policy: ActionInputs['comment']): CommentTarget | undefined {
  const ctx = github.context;
  if (policy === 'never') return undefined;
  const pr = ctx.payload.pull_request?.number;
  if (PR_EVENTS.has(ctx.eventName) && pr !== undefined) return { ...ctx.repo, issue: pr };
  // `always` on a push or schedule: a commit comment is the nearest thing to a PR comment.
  if (policy === 'always') return { ...ctx.repo, sha: ctx.sha };
  return undefined;
}

/**
 * Posts or updates our comment; a token that cannot write degrades to the job summary + log. Any other
 * failed call (the API unreachable, a 5xx) is a warning naming the call and what it said: the comment is
 * a copy of the report, which is already in the outputs, the job summary and the artifact, so the step's
 * result stays the gate's verdict (`passed`) instead of failing with `passed=true` in its outputs.
 */
export async function postComment(octokit: Octokit, target: CommentTarget, marker: string, body: string): Promise<void> {
  try {
    const c = await upsertComment(octokit, target, marker, body);
    core.info(`${c.created ? 'Created' : 'Updated'} comment ${c.url}`);
    core.setOutput('comment-url', c.url);
  } catch (e) {
    if (!isPermissionDenied(e)) {
      core.warning(`onnx-diet: the report comment was not posted: ${describeApiError(e)}; the report is in the job summary and the step outputs`, { title: 'onnx-diet comment' });
      return;
    }
    core.warning(FORK_HINT);
    core.startGroup('Report Markdown (not posted)');
    core.info(body);
    core.endGroup();
  }
}

/** The report files the artifact and the fork-safe pair carry. */
function writeReportFiles(dir: string, report: Report, markdown: string): { json: string; markdown: string } {
  const json = path.join(dir, REPORT_FILES.json);
  const md = path.join(dir, REPORT_FILES.markdown);
  writeJsonAtomically(json, report);
  writeTextAtomically(md, markdown);
  return { json, markdown: md };
}

/** Each slim model and its external data files, under their paths relative to the workspace. */
function modelFiles(report: Report): UploadFile[] {
  const root = process.env['GITHUB_WORKSPACE'] ?? process.cwd();
  const files: UploadFile[] = [];
  for (const m of report.models) {
    const out = path.resolve(root, m.output);
    const paths = m.compressed.files?.map((f) => path.resolve(path.dirname(out), f.path)) ?? [out];
    for (const p of paths) {
      const name = isInside(root, p) ? path.relative(root, p).split(path.sep).join('/') : path.basename(p);
      if (!files.some((f) => f.name === name)) files.push({ source: p, name });
    }
  }
  return files;
}

async function runConfigMode(inputs: ActionInputs, octokit: Octokit | undefined): Promise<void> {
  const setup = ensureOnnxRuntime({ log: (l) => core.info(l) });
  if (setup.installedIn) core.info(`onnxruntime-node from ${setup.installedIn}`);
  const ctx = github.context;
  const dir = workDir();
  let artifactCount = 0;
  // An artifact named by the inputs or by the config (`source: { artifact, path }`), from this run.
  const fromArtifact = async (name: string, rel: string | undefined, runId?: number, repository?: string): Promise<string> => {
    const dest = path.join(dir, `artifact-${++artifactCount}`);
    await downloadArtifact({ name, runId, repository, token: inputs.token }, dest);
    return fileInArtifact(dest, rel, name);
  };
  const source = inputs.artifact
    ? await fromArtifact(inputs.artifact, inputs.artifactPath, inputs.artifactRunId, inputs.artifactRepository)
    : undefined;

  const result = await runConfigFile({
    config: inputs.config,
    model: inputs.model,
    source,
    resolveArtifact: (name, rel) => fromArtifact(name, rel),
    progress: actionProgress,
  });
  const { report } = result;
  let markdown = result.markdown;
  const marker = markerOf(markdown, inputs.config);

  const hasBaselineBudgets = [...result.baselineBudgets.values()].some((b) => b.length > 0);
  if (inputs.baseline) {
    const branch = (ctx.payload.pull_request?.['base'] as { ref?: string } | undefined)?.ref ?? process.env['GITHUB_REF_NAME'];
    let baseline: Baseline;
    if (!octokit || !branch || !inputs.uploadArtifact) {
      baseline = { note: 'No baseline: it needs a github-token, a branch and upload-artifact set.' };
    } else {
      try {
        baseline = await fetchBaseline(octokit, {
          ...ctx.repo, branch, artifactName: inputs.uploadArtifact, token: inputs.token, runId: ctx.runId, dest: path.join(dir, 'baseline'), limit: inputs.history,
        });
      } catch (e) {
        baseline = { note: `Baseline not available: ${(e as Error).message.split('\n')[0]}` };
      }
    }
    const budgets = applyBaselineBudgets(report, baseline, result.baselineBudgets);
    markdown += baselineMarkdown(report, baseline) + budgets + trendSection(report, baseline);
  } else if (hasBaselineBudgets) {
    markdown += `\n\n> [!NOTE]\n> max-growth / max-latency-regression are checked against the base branch's last report: set \`baseline: true\`.\n`;
  }
  if (inputs.dvcMetricsDiff) {
    const base = (ctx.payload.pull_request?.['base'] as { sha?: string } | undefined)?.sha ?? (ctx.payload['before'] as string | undefined);
    markdown += dvcMetricsDiffSection(process.env['GITHUB_WORKSPACE'] ?? process.cwd(), base && !/^0+$/.test(base) ? base : undefined);
  }
  // A per-model report of a matrix job goes up under its own name, for `mode: merge` to find.
  const artifactName = result.selected && inputs.uploadArtifact ? perModelArtifact(inputs.uploadArtifact, result.selected) : inputs.uploadArtifact;

  const files = writeReportFiles(dir, report, markdown);
  setReportOutputs(report, { reportJson: files.json, reportMarkdown: files.markdown });
  await writeJobSummary(markdown);
  annotateBudgets(report, inputs.config, { failing: inputs.failOnBudget });

  if (artifactName) {
    const upload: UploadFile[] = [
      { source: files.json, name: REPORT_FILES.json },
      { source: files.markdown, name: REPORT_FILES.markdown },
    ];
    if (inputs.mode === 'report') {
      const pr = path.join(dir, REPORT_FILES.pr);
      writeJsonAtomically(pr, prInfoFromEvent(ctx.payload, marker));
      upload.push({ source: pr, name: REPORT_FILES.pr });
    } else {
      upload.push(...modelFiles(report));
    }
    const a = await uploadArtifact(artifactName, upload, { retentionDays: inputs.retentionDays, stagingDir: path.join(dir, 'upload') });
    core.info(`Uploaded artifact '${artifactName}' (id ${a.id}, ${a.size} bytes): ${upload.map((f) => f.name).join(', ')}`);
    core.setOutput('artifact-id', String(a.id));
  }

  if (inputs.mode === 'full' && result.selected) {
    core.info(`Model '${result.selected}' of a matrix: no comment from this job; the job with 'mode: merge' posts one for all models.`);
  } else if (inputs.mode === 'full') {
    const target = commentTarget(inputs.comment);
    if (target && octokit) await postComment(octokit, target, marker, commentBody(markdown, marker));
    else if (target) core.warning(`No github-token: the report is in the job summary only. ${FORK_HINT}`);
  }

  if (!report.passed) {
    const msg = 'onnx-diet: a budget or parity check failed (see the annotations and the report)';
    if (inputs.failOnBudget) core.setFailed(msg);
    else core.warning(`${msg}; not failing the step because fail-on-budget is false`);
  }
}

interface WorkflowRunPayload {
  id?: number;
  head_sha?: string;
  repository?: { full_name?: string };
}

/** `mode: comment` in a workflow_run workflow: post the report a `mode: report` run uploaded. */
async function runCommentMode(inputs: ActionInputs, octokit: Octokit | undefined): Promise<void> {
  const ctx = github.context;
  const wr = ctx.payload['workflow_run'] as WorkflowRunPayload | undefined;
  if (ctx.eventName !== 'workflow_run' || wr?.id === undefined || wr.head_sha === undefined) {
    throw new Error(`mode 'comment' runs in a workflow_run workflow (see examples/workflows/onnx-diet-fork-comment.yml); this event is ${ctx.eventName}`);
  }
  if (!octokit) throw new Error(`mode 'comment' needs a github-token with pull-requests: write and actions: read`);
  const repository = wr.repository?.full_name ?? `${ctx.repo.owner}/${ctx.repo.repo}`;
  const name = inputs.artifact ?? inputs.uploadArtifact ?? 'onnx-diet';
  const dir = await downloadArtifact({ name, runId: wr.id, repository, token: inputs.token }, path.join(workDir(), 'report'));
  const info = readPrInfo(dir);
  const refused = await checkPrInfo(octokit, info, { headSha: wr.head_sha, repository });
  if (refused) {
    core.warning(`Not posting the report: ${refused}`);
    return;
  }
  const markdown = escapeUntrustedMarkdown(readFileSync(path.join(dir, REPORT_FILES.markdown), 'utf8'));
  await writeJobSummary(markdown);
  try {
    const report = JSON.parse(readFileSync(path.join(dir, REPORT_FILES.json), 'utf8')) as { passed?: unknown };
    // From the untrusted run: informational only (this workflow's result does not gate the PR).
    core.setOutput('passed', String(report.passed === true));
  } catch {
    core.setOutput('passed', 'false');
  }
  const [owner, repo] = repository.split('/') as [string, string];
  await postComment(octokit, { owner, repo, issue: info.number }, info.marker, commentBody(markdown, info.marker));
}

export async function run(): Promise<void> {
  try {
    const inputs = readInputs();
    const octokit = inputs.token ? github.getOctokit(inputs.token) : undefined;
    if (inputs.mode === 'comment') await runCommentMode(inputs, octokit);
    else if (inputs.mode === 'merge') await runMergeMode(inputs, octokit, { workDir, commentTarget, postComment, writeReportFiles });
    else await runConfigMode(inputs, octokit);
  } catch (e) {
    if (e instanceof ConfigError) {
      annotateConfigError(e);
      core.setFailed(`onnx-diet: ${e.issues.length === 1 ? 'a problem' : `${e.issues.length} problems`} in the config (see the annotations)`);
      return;
    }
    core.setFailed(e instanceof Error ? e.message : String(e));
  }
}
