/**
 * A matrix of models end to end, against the loopback GitHub (fake-github.ts) and the committed bundle:
 * each model's job runs `model: <name>` and uploads its own report; one job breaks a budget, one never
 * uploads; `mode: merge` renders one report for all, fails naming the missing model, and its upload is
 * what the fork-safe `mode: comment` workflow posts. Base-branch runs give every model a trend.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FakeGitHub, type FakeRun } from './fake-github.js';
import { REPO_ROOT, checkoutCopy, runAction, seededToolCache, type ActionRun } from './runner.js';
import { readZip } from './zip.js';

const REPO = 'acme/models';
const PR_SHA = 'f'.repeat(40);
const MODEL = readFileSync(path.join(REPO_ROOT, 'test/fixtures/albert-tiny.onnx'));
const haveDist = existsSync(path.join(REPO_ROOT, 'dist/index.js'));
const WRITE = 'ghs_write_token_matrix_0123456789';
const READ = 'ghs_read_only_token_matrix_0123456789';

// Three models; `beta` cannot meet its size budget (line 16); `gamma`'s job never uploads.
const CONFIG = `models:
  - name: alpha
    source: models/alpha.onnx
    output: slim/alpha.slim.onnx
    stages: [dedup, prune]
    parity: { samples: 1, dims: { batch: 1, seq: 16 } }
    latency: false
    budgets: { max-size: 100MB, max-growth: 1% }
  - name: beta
    source: models/beta.onnx
    output: slim/beta.slim.onnx
    stages: [dedup, prune]
    parity: { samples: 1, dims: { batch: 1, seq: 16 } }
    latency: false
    budgets:
      max-size: 1kB
  - name: gamma
    source: models/gamma.onnx
    output: slim/gamma.slim.onnx
    stages: [dedup]
    latency: false
`;

let fake: FakeGitHub;
let tmp: string;
let action: string;
let workspace: string;
let toolCache: string;

before(async () => {
  fake = await new FakeGitHub().start();
  fake.tokens.set(WRITE, true);
  fake.tokens.set(READ, false);
  tmp = mkdtempSync(path.join(tmpdir(), 'onnx-diet-matrix-'));
  if (haveDist) action = checkoutCopy(path.join(tmp, 'action'));
  toolCache = seededToolCache(path.join(tmp, 'toolcache'));
  workspace = path.join(tmp, 'workspace');
  mkdirSync(path.join(workspace, 'models'), { recursive: true });
  writeFileSync(path.join(workspace, 'onnx-diet.yml'), CONFIG);
  for (const m of ['alpha', 'beta', 'gamma']) writeFileSync(path.join(workspace, 'models', `${m}.onnx`), MODEL);
});

after(async () => {
  await fake?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

function prEvent(number: number, sha: string): object {
  return {
    number,
    pull_request: { number, head: { sha }, base: { ref: 'main' } },
    repository: { full_name: REPO, name: 'models', owner: { login: 'acme' } },
  };
}

/** A base-branch run's merged report as the merge job uploads it (only the numbers the trend reads). */
function baseReport(alphaBytes: number, cosine: number): string {
  const model = (name: string, bytes: number) => ({
    name, original: { bytes: MODEL.length }, compressed: { bytes }, stages: [], passed: true,
    parity: { passed: true, outputs: [{ name: 'logits', cosine }] },
  });
  return JSON.stringify({ tool: 'onnx-diet', version: '0.1.0', passed: true, models: [model('alpha', alphaBytes), model('beta', alphaBytes)] });
}

test('matrix: per-model jobs, one broken budget, one missing job → one merged report and a failing verdict naming it; fork-safe comment posts it', { skip: !haveDist && 'dist/ not built (npm run bundle)' }, async () => {
  // Three earlier runs on main left merged reports (oldest first: 300, 301, 302); sizes above this PR's.
  const sizes = [MODEL.length + 3000, MODEL.length + 2000, MODEL.length + 1000];
  const baseRuns = sizes.map((bytes, i) => {
    const run = fake.addRun({ repo: REPO, runId: 300 + i, headBranch: 'main', headSha: String(i).repeat(40) });
    fake.addArtifact(run, 'onnx-diet', { 'onnx-diet-report.json': baseReport(bytes, 0.999 - i * 0.001) });
    return run;
  });

  // The pull request from a fork: read-only token, mode report in each matrix job.
  const run: FakeRun = fake.addRun({ repo: REPO, runId: 400, headBranch: 'feature', headSha: PR_SHA, headRepoId: 4343 });
  const step = (inputs: Record<string, string>, job: string, over: Partial<ActionRun> = {}): ActionRun => ({
    fake, action, workspace, temp: tmp, toolCache, run, eventName: 'pull_request', event: prEvent(21, PR_SHA),
    inputs: { 'upload-artifact': 'onnx-diet', baseline: 'true', history: '5', ...inputs }, token: READ, job, ...over,
  });
  const alpha = await runAction(step({ mode: 'report', model: 'alpha' }, 'job-alpha'));
  assert.equal(alpha.code, 0, alpha.stdout + alpha.stderr);
  const beta = await runAction(step({ mode: 'report', model: 'beta' }, 'job-beta'));
  assert.equal(beta.code, 1, 'beta breaks max-size');
  assert.match(beta.stdout, /^::error title=onnx-diet budget,file=onnx-diet\.yml,line=16,col=\d+::beta: budget max-size broken/m);

  // Each job ran only its model and uploaded it under its own name.
  const names = fake.artifacts.filter((a) => a.runId === run.runId && a.finalized).map((a) => a.name).sort();
  assert.deepEqual(names, ['onnx-diet-alpha', 'onnx-diet-beta']);
  const alphaJson = JSON.parse(readZip(fake.artifacts.find((a) => a.name === 'onnx-diet-alpha')!.zip).get('onnx-diet-report.json')!.toString()) as {
    models: { name: string; compressed: { bytes: number }; budgets: { name: string; passed: boolean; actual: number }[] }[];
  };
  assert.deepEqual(alphaJson.models.map((m) => m.name), ['alpha']);
  const slim = readFileSync(path.join(workspace, 'slim/alpha.slim.onnx')).length;
  assert.equal(alphaJson.models[0]!.compressed.bytes, slim);
  // max-growth against the newest base run (302): a fraction of its slim size.
  const growth = alphaJson.models[0]!.budgets.find((b) => b.name === 'max-growth');
  assert.ok(growth?.passed);
  assert.ok(Math.abs(growth.actual - (slim - sizes[2]!) / sizes[2]!) < 1e-12);

  // The merge job: read-only token too (a fork PR), so it cannot comment; it says so and uploads.
  const merge = await runAction(step({ mode: 'merge' }, 'job-merge'));
  assert.equal(merge.code, 1, merge.stdout + merge.stderr);
  assert.match(merge.stdout, /^::error::gamma: no report from its matrix job \(artifact 'onnx-diet-gamma' not in this run\)/m);
  assert.match(merge.stdout, /^::error::onnx-diet merge: 1 of 3 models left no report \(gamma\); failed a check: beta$/m);
  assert.match(merge.stdout, /^::warning::The token cannot write comments/m);
  assert.equal(merge.outputs['passed'], 'false');
  assert.equal(Number(merge.outputs['compressed-bytes']), slim + readFileSync(path.join(workspace, 'slim/beta.slim.onnx')).length);
  const s = merge.summary;
  assert.match(s, /^### onnx-diet ❌ 3 models: 1 failed a check, 1 left no report$/m);
  assert.match(s, /^\| alpha \| .* \| ✅ \|$/m);
  assert.match(s, /^\| beta \| .* \| ❌ max-size \|$/m);
  assert.match(s, /^\| gamma \| \| \| \| \| ❌ no report/m);
  assert.equal((s.match(/<!-- onnx-diet:/g) ?? []).length, 1, 'one marker');
  assert.equal((s.match(/^<details><summary>(alpha|beta):/gm) ?? []).length, 2, 'each model folded');
  // alpha's trend: the three base runs oldest first, then this run, marked; numbers in the table.
  assert.match(s, /x-axis \["run 300", "run 301", "run 302", "▶ this run"\]/);
  assert.match(s, /Trend of alpha over the last 3 runs on `main`/);
  assert.match(s, /\| \*\*this run\*\* \| \*\*[\d.]+ [kM]B\*\* \|/);
  assert.match(s, /✅ alpha: max-growth ≤ 1% vs `main` \(run 302\)/);

  // The trusted workflow_run workflow posts the merged report (escaped) as the one sticky comment.
  fake.pulls.push({ repo: REPO, number: 21, headSha: PR_SHA, baseRef: 'main' });
  const wr = fake.addRun({ repo: REPO, runId: 401, headBranch: 'main', headSha: 'e'.repeat(40) });
  const posted = await runAction({
    fake, action, workspace, temp: tmp, toolCache, run: wr, eventName: 'workflow_run', token: WRITE,
    event: { workflow_run: { id: run.runId, head_sha: PR_SHA, repository: { full_name: REPO } }, repository: { full_name: REPO } },
    inputs: { mode: 'comment', artifact: 'onnx-diet', 'upload-artifact': '' },
  });
  assert.equal(posted.code, 0, posted.stdout + posted.stderr);
  const comments = fake.commentsOn(REPO, 21);
  assert.equal(comments.length, 1);
  assert.match(comments[0]!.body, /^<!-- onnx-diet:onnx-diet\.yml -->/);
  assert.match(comments[0]!.body, /\| gamma \| \| \| \| \| ❌ no report/);
  assert.match(comments[0]!.body, /```mermaid\nxychart-beta/);
  assert.equal(baseRuns.length, 3);

  // The same matrix on a same-repository PR: the merge job's write token posts the one sticky comment
  // itself, and a re-run updates it. (upload-artifact '' skips the merged upload; `artifact` names the parts.)
  const full = (): ActionRun => step({ mode: 'merge', 'upload-artifact': '', artifact: 'onnx-diet', baseline: 'false' }, 'job-merge-2', { token: WRITE, event: prEvent(22, PR_SHA) });
  const m1 = await runAction(full());
  assert.equal(m1.code, 1, 'still failing: beta broken, gamma missing');
  assert.match(m1.outputs['comment-url'] ?? '', /pull\/22#issuecomment-/);
  const m2 = await runAction(full());
  assert.equal(m2.outputs['comment-url'], m1.outputs['comment-url']);
  const on22 = fake.commentsOn(REPO, 22);
  assert.equal(on22.length, 1);
  assert.equal((on22[0]!.body.match(/<sub>onnx-diet /g) ?? []).length, 1, 'one footer');
  assert.match(on22[0]!.body, /^### onnx-diet ❌ 3 models: 1 failed a check, 1 left no report$/m);
});
