/**
 * `mode: merge`: the job that `needs:` a matrix of per-model jobs (each ran `model: <name>` and uploaded
 * `<upload-artifact>-<name>`). It finds every model of the config among this run's artifacts, renders one
 * comment and one job summary, uploads the merged report under `upload-artifact` (the base branch's
 * merged report is the next PRs' baseline; on a pull_request event it carries the PR record, so the
 * fork-safe `mode: comment` workflow can post it), and sets one verdict: it fails when a model failed
 * a check or a model's job left no report, naming the model.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DefaultArtifactClient } from '@actions/artifact';
import * as core from '@actions/core';
import * as github from '@actions/github';
import { loadConfig } from '../config/load.js';
import type { RunReport } from '../pipeline/run.js';
import { writeJsonAtomically } from '../onnx/files.js';
import { renderMerged, type MergedPart } from '../report/merged.js';
import { downloadArtifact, uploadArtifact, type UploadFile } from './artifacts.js';
import { markerOf, commentBody, type CommentTarget, type Octokit } from './comment.js';
import { REPORT_FILES, prInfoFromEvent } from './fork-safe.js';
import type { ActionInputs } from './inputs.js';
import { setReportOutputs, writeJobSummary } from './summary.js';

/** `onnx-diet-albert`: the artifact of one model's matrix job (`upload-artifact` + `-` + the model's name). */
export function perModelArtifact(prefix: string, model: string): string {
  return `${prefix}-${model}`;
}

/** What merge borrows from main.ts (one place for the comment and file conventions). */
export interface MergeDeps {
  workDir: () => string;
  commentTarget: (policy: ActionInputs['comment']) => CommentTarget | undefined;
  postComment: (octokit: Octokit, target: CommentTarget, marker: string, body: string) => Promise<void>;
  writeReportFiles: (dir: string, report: RunReport, markdown: string) => { json: string; markdown: string };
}

export async function runMergeMode(inputs: ActionInputs, octokit: Octokit | undefined, deps: MergeDeps): Promise<void> {
  const config = loadConfig(inputs.config);
  const prefix = inputs.uploadArtifact ?? inputs.artifact ?? 'onnx-diet';
  const dir = deps.workDir();
  const listed = new Set((await new DefaultArtifactClient().listArtifacts({ latest: true })).artifacts.map((a) => a.name));
  const parts: MergedPart[] = [];
  const missing: string[] = [];
  for (const m of config.models) {
    const name = perModelArtifact(prefix, m.name);
    if (!listed.has(name)) {
      missing.push(m.name);
      continue;
    }
    const got = await downloadArtifact({ name, token: inputs.token }, path.join(dir, 'parts', m.name));
    try {
      const report = JSON.parse(readFileSync(path.join(got, REPORT_FILES.json), 'utf8')) as RunReport;
      const own = report.models.filter((x) => x.name === m.name);
      if (!own.length) throw new Error(`it holds no report of ${m.name}`);
      parts.push({ name: m.name, report: { ...report, models: own }, markdown: readFileSync(path.join(got, REPORT_FILES.markdown), 'utf8') });
    } catch (e) {
      core.warning(`artifact '${name}': no readable report (${(e as Error).message.split('\n')[0]}); counting ${m.name} as missing`);
      missing.push(m.name);
    }
  }
  const models = parts.flatMap((p) => p.report.models);
  const report: RunReport = {
    tool: 'onnx-diet', version: parts[0]?.report.version ?? '', config: inputs.config,
    passed: missing.length === 0 && models.every((m) => m.passed), models,
  };
  const markdown = renderMerged(inputs.config, parts, missing);
  const marker = markerOf(markdown, inputs.config);
  const files = deps.writeReportFiles(dir, report, markdown);
  setReportOutputs(report, { reportJson: files.json, reportMarkdown: files.markdown });
  await writeJobSummary(markdown);

  if (inputs.uploadArtifact) {
    const upload: UploadFile[] = [
      { source: files.json, name: REPORT_FILES.json },
      { source: files.markdown, name: REPORT_FILES.markdown },
    ];
    const ctx = github.context;
    if (ctx.payload.pull_request) {
      const pr = path.join(dir, REPORT_FILES.pr);
      writeJsonAtomically(pr, prInfoFromEvent(ctx.payload, marker));
      upload.push({ source: pr, name: REPORT_FILES.pr });
    }
    const a = await uploadArtifact(inputs.uploadArtifact, upload, { retentionDays: inputs.retentionDays, stagingDir: path.join(dir, 'upload') });
    core.info(`Uploaded the merged report as '${inputs.uploadArtifact}' (id ${a.id}): ${upload.map((f) => f.name).join(', ')}`);
    core.setOutput('artifact-id', String(a.id));
  }

  const target = deps.commentTarget(inputs.comment);
  if (target && octokit) await deps.postComment(octokit, target, marker, commentBody(markdown, marker));

  for (const name of missing) core.error(`${name}: no report from its matrix job (artifact '${perModelArtifact(prefix, name)}' not in this run): the job failed before uploading, or it did not run with model: ${name}`);
  const failed = models.filter((m) => !m.passed).map((m) => m.name);
  if (missing.length) core.setFailed(`onnx-diet merge: ${missing.length} of ${config.models.length} models left no report (${missing.join(', ')})${failed.length ? `; failed a check: ${failed.join(', ')}` : ''}`);
  else if (failed.length) {
    const msg = `onnx-diet merge: a budget or parity check failed for ${failed.join(', ')} (see the report)`;
    if (inputs.failOnBudget) core.setFailed(msg);
    else core.warning(`${msg}; not failing the step because fail-on-budget is false`);
  }
}
