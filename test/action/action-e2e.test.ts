/**
 * The Action end to end: the committed bundle (dist/index.js) in a copy of what a `uses:` checkout
 * holds, run as the runner runs it, against a local GitHub (fake-github.ts) that speaks the REST API,
 * the artifact service's Twirp JSON and the blob protocol, so the real @actions/artifact and Octokit
 * do the HTTP. The onnxruntime-node binding comes through the Action's own tool-cache path.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FakeGitHub, type FakeRun } from './fake-github.js';
import { REPO_ROOT, checkoutCopy, runAction, seededToolCache, type ActionRun } from './runner.js';
import { readZip } from './zip.js';

const REPO = 'acme/models';
const HEAD_SHA = 'a'.repeat(40);
const MODEL = readFileSync(path.join(REPO_ROOT, 'test/fixtures/albert-tiny.onnx'));
const haveDist = existsSync(path.join(REPO_ROOT, 'dist/index.js'));

let fake: FakeGitHub;
let tmp: string;
let action: string;
let workspace: string;
let toolCache: string;
let runId = 100;
const WRITE = 'ghs_write_token_0123456789';
const READ = 'ghs_read_only_token_0123456789';

// A config whose model comes from the Action's inputs; lossless stages and a loose budget pass.
const CONFIG = `models:
  - name: albert
    source: placeholder.onnx
    output: slim/albert.slim.onnx
    stages: [dedup, prune]
    parity: { samples: 1, dims: { batch: 1, seq: 16 } }
    latency: false
    budgets:
      max-size: 100MB
`;
// The same model with a budget it cannot meet, at line 9.
const TIGHT = CONFIG.replace('slim/albert.slim.onnx', 'slim/tight.slim.onnx').replace('max-size: 100MB', 'max-size: 1kB');

function newRun(opts: Partial<FakeRun> = {}): FakeRun {
  return fake.addRun({ repo: REPO, runId: ++runId, headBranch: 'feature', headSha: HEAD_SHA, ...opts });
}

function prEvent(number: number, sha = HEAD_SHA): object {
  return {
    number,
    pull_request: { number, head: { sha }, base: { ref: 'main' } },
    repository: { full_name: REPO, name: 'models', owner: { login: 'acme' } },
  };
}

function step(run: FakeRun, inputs: Record<string, string>, over: Partial<ActionRun> = {}): ActionRun {
  return { fake, action, workspace, temp: tmp, toolCache, run, eventName: 'pull_request', event: prEvent(7), inputs, token: WRITE, ...over };
}

function ourComments(issue: number): { body: string }[] {
  return fake.commentsOn(REPO, issue).filter((c) => c.body.includes('<!-- onnx-diet:'));
}

function uploaded(name: string, run: FakeRun): Map<string, Buffer> {
  const a = fake.artifacts.find((x) => x.name === name && x.runId === run.runId && x.finalized);
  assert.ok(a, `artifact ${name} uploaded in run ${run.runId}`);
  return readZip(a.zip);
}

before(async () => {
  fake = await new FakeGitHub().start();
  fake.tokens.set(WRITE, true);
  fake.tokens.set(READ, false);
  tmp = mkdtempSync(path.join(tmpdir(), 'onnx-diet-action-'));
  if (haveDist) action = checkoutCopy(path.join(tmp, 'action'));
  toolCache = seededToolCache(path.join(tmp, 'toolcache'));
  workspace = path.join(tmp, 'workspace');
  mkdirSync(workspace);
  writeFileSync(path.join(workspace, 'onnx-diet.yml'), CONFIG);
  writeFileSync(path.join(workspace, 'onnx-diet-tight.yml'), TIGHT);
  // 120 comments by people before ours: our comment lands on page 2 of 100.
  for (let i = 0; i < 120; i++) fake.addComment(REPO, 7, `comment ${i}`);
});

after(async () => {
  await fake?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

test('the checkout copy holds no node_modules and dist/index.js is the entry', { skip: !haveDist && 'dist/ not built (npm run bundle)' }, () => {
  assert.equal(existsSync(path.join(action, 'node_modules')), false);
  assert.ok(existsSync(path.join(action, 'action.yml')));
  assert.ok(existsSync(path.join(action, 'dist/ort-worker.js')));
  // The Action installs onnxruntime-node at run time, so the entry bundle must not import it statically
  // (ESM links static imports before any code runs); only the forked worker does.
  assert.doesNotMatch(readFileSync(path.join(action, 'dist/index.js'), 'utf8'), /\bfrom\s*["']onnxruntime-node["']|require\(["']onnxruntime-node["']\)/);
  assert.match(readFileSync(path.join(action, 'dist/ort-worker.js'), 'utf8'), /from\s*["']onnxruntime-node["']/);
});

test('full mode: artifact in, slim model out, one comment created then updated', { skip: !haveDist && 'dist/ not built' }, async () => {
  const run1 = newRun();
  fake.addArtifact(run1, 'exported-model', { 'model/albert.onnx': MODEL, 'model/README.txt': 'export notes' });
  const inputs = { artifact: 'exported-model', 'artifact-path': 'model/albert.onnx', 'upload-artifact': 'onnx-diet-slim', 'retention-days': '5' };
  const r1 = await runAction(step(run1, inputs));
  assert.equal(r1.code, 0, r1.stdout + r1.stderr);

  // Outputs.
  assert.equal(r1.outputs['passed'], 'true');
  assert.equal(Number(r1.outputs['original-bytes']), MODEL.length);
  const slimPath = path.join(workspace, 'slim/albert.slim.onnx');
  const slim = readFileSync(slimPath);
  assert.equal(Number(r1.outputs['compressed-bytes']), slim.length);
  assert.ok(slim.length < MODEL.length, 'dedup shrinks the bloated fixture');
  assert.equal(Number(r1.outputs['reduction']), Math.round((1 - slim.length / MODEL.length) * 1e4) / 1e4);
  assert.match(r1.outputs['slim-model'] ?? '', /slim[/\\]albert\.slim\.onnx$/);
  assert.ok(existsSync(r1.outputs['report-json'] ?? ''));
  const report = JSON.parse(readFileSync(r1.outputs['report-json']!, 'utf8')) as { passed: boolean; models: { compressed: { sha256: string } }[] };
  assert.equal(report.passed, true);
  assert.equal(report.models[0]!.compressed.sha256, createHash('sha256').update(slim).digest('hex'));

  // The slim model and reports went up as one artifact, with the retention asked for.
  const files = uploaded('onnx-diet-slim', run1);
  assert.deepEqual([...files.keys()].sort(), ['onnx-diet-report.json', 'onnx-diet-report.md', 'slim/albert.slim.onnx']);
  assert.ok(files.get('slim/albert.slim.onnx')!.equals(slim));
  assert.equal(r1.outputs['artifact-id'], String(fake.artifacts.find((a) => a.name === 'onnx-diet-slim')!.id));
  const expires = fake.artifacts.find((a) => a.name === 'onnx-diet-slim')!.expiresAt;
  assert.ok(expires && Math.abs(Date.parse(expires) - Date.now() - 5 * 86_400_000) < 86_400_000);

  // Summary and comment.
  assert.match(r1.summary, /albert/);
  const mine = ourComments(7);
  assert.equal(mine.length, 1);
  assert.ok(mine[0]!.body.startsWith('<!-- onnx-diet:'));
  assert.equal(fake.commentsOn(REPO, 7).length, 121);
  assert.match(r1.outputs['comment-url'] ?? '', /#issuecomment-\d+$/);
  // The token is registered as a secret first (the runner then masks it), and printed nowhere else.
  const lines = `${r1.stdout}\n${r1.stderr}`.split('\n');
  assert.equal(lines.findIndex((l) => l.includes(WRITE)), lines.indexOf(`::add-mask::${WRITE}`));
  assert.equal(lines.filter((l) => l.includes(WRITE)).length, 1);

  // A re-run (new run, same PR) updates the comment instead of adding one, found past page one.
  const run2 = newRun();
  fake.addArtifact(run2, 'exported-model', { 'model/albert.onnx': MODEL });
  const before2 = fake.log.length;
  const r2 = await runAction(step(run2, inputs));
  assert.equal(r2.code, 0, r2.stdout + r2.stderr);
  assert.equal(ourComments(7).length, 1);
  assert.equal(r2.outputs['comment-url'], r1.outputs['comment-url']);
  const calls = fake.log.slice(before2).map((l) => `${l.method} ${l.path.split('?')[0]}`);
  assert.ok(calls.some((c) => /^PATCH \/api\/repos\/acme\/models\/issues\/comments\/\d+$/.test(c)));
  assert.ok(!calls.includes('POST /api/repos/acme/models/issues/7/comments'));
  assert.ok(fake.log.slice(before2).some((l) => l.path.includes('/issues/7/comments') && l.path.includes('page=2')), 'paginated');
});

test('a broken budget fails the step with an annotation on its config line; another config gets its own comment', { skip: !haveDist && 'dist/ not built' }, async () => {
  // The model comes from another repository's run, through the REST API and the zip redirect.
  const other = fake.addRun({ repo: 'acme/exporter', runId: 555, headBranch: 'main', headSha: 'b'.repeat(40) });
  fake.addArtifact(other, 'onnx-export', { 'albert.onnx': MODEL });
  const run = newRun();
  const r = await runAction(step(run, {
    config: 'onnx-diet-tight.yml', artifact: 'onnx-export', 'artifact-run-id': '555', 'artifact-repository': 'acme/exporter', 'upload-artifact': '',
  }));
  assert.equal(r.code, 1, r.stdout + r.stderr);
  assert.equal(r.outputs['passed'], 'false');
  assert.match(r.stdout, /^::error title=onnx-diet budget,file=onnx-diet-tight\.yml,line=9,col=\d+::albert: budget max-size broken/m);
  assert.match(r.stdout, /^::error::onnx-diet: a budget or parity check failed/m);
  assert.ok(fake.log.some((l) => l.path === '/api/repos/acme/exporter/actions/runs/555/artifacts?name=onnx-export'));
  // Two configs, two markers, two comments; no upload asked for.
  assert.equal(ourComments(7).length, 2);
  assert.equal(fake.artifacts.filter((a) => a.runId === run.runId).length, 0);

  // fail-on-budget: false reports the same failure without failing.
  const r2 = await runAction(step(newRun(), {
    config: 'onnx-diet-tight.yml', artifact: 'onnx-export', 'artifact-run-id': '555', 'artifact-repository': 'acme/exporter',
    'upload-artifact': '', 'fail-on-budget': 'false',
  }));
  assert.equal(r2.code, 0, r2.stdout + r2.stderr);
  assert.equal(r2.outputs['passed'], 'false');
  assert.match(r2.stdout, /^::warning::onnx-diet: a budget or parity check failed.*fail-on-budget is false/m);
  // A step that does not fail marks the broken budget as a warning, not an error.
  assert.match(r2.stdout, /^::warning title=onnx-diet budget,file=onnx-diet-tight\.yml,line=9,col=\d+::albert: budget max-size broken/m);
  assert.doesNotMatch(r2.stdout, /^::error/m);
});

test('a read-only token degrades to the job summary with the fork-safe hint, without failing', { skip: !haveDist && 'dist/ not built' }, async () => {
  const run = newRun();
  fake.addArtifact(run, 'exported-model', { 'albert.onnx': MODEL });
  const before = fake.comments.length;
  const r = await runAction(step(run, { artifact: 'exported-model', 'upload-artifact': '' }, { token: READ, event: prEvent(8) }));
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.equal(fake.comments.length, before);
  assert.ok(fake.log.some((l) => l.method === 'POST' && l.path.endsWith('/issues/8/comments') && l.status === 403));
  assert.match(r.stdout, /^::warning::The token cannot write comments.*mode: report.*mode: comment/m);
  assert.match(r.summary, /albert/);
  assert.match(r.stdout, /<!-- onnx-diet:/, 'the Markdown is in the log');
  assert.equal(r.outputs['passed'], 'true');
  assert.equal(r.outputs['comment-url'], undefined);
});

test('fork-safe pair: report mode uploads report + PR record; comment mode checks the head SHA and posts', { skip: !haveDist && 'dist/ not built' }, async () => {
  const forkSha = 'c'.repeat(40);
  // The untrusted pull_request run from a fork: read-only token.
  const prRun = newRun({ headBranch: 'main', headSha: forkSha, headRepoId: 4242 });
  fake.addArtifact(prRun, 'exported-model', { 'albert.onnx': MODEL });
  const r1 = await runAction(step(prRun, { mode: 'report', artifact: 'exported-model', 'upload-artifact': 'onnx-diet-report' },
    { token: READ, event: prEvent(9, forkSha) }));
  assert.equal(r1.code, 0, r1.stdout + r1.stderr);
  const files = uploaded('onnx-diet-report', prRun);
  assert.deepEqual([...files.keys()].sort(), ['onnx-diet-pr.json', 'onnx-diet-report.json', 'onnx-diet-report.md']);
  const pr = JSON.parse(files.get('onnx-diet-pr.json')!.toString()) as { number: number; headSha: string };
  assert.equal(pr.number, 9);
  assert.equal(pr.headSha, forkSha);
  assert.equal(fake.commentsOn(REPO, 9).length, 0, 'report mode never comments');

  // The trusted workflow_run run: write token, base repository code.
  fake.pulls.push({ repo: REPO, number: 9, headSha: forkSha, baseRef: 'main' });
  const commentRun = newRun({ headBranch: 'main', headSha: 'd'.repeat(40) });
  const wrEvent = (sha: string): object => ({
    action: 'completed',
    workflow_run: { id: prRun.runId, head_sha: sha, event: 'pull_request', conclusion: 'success', repository: { full_name: REPO } },
    repository: { full_name: REPO },
  });
  const r2 = await runAction(step(commentRun, { mode: 'comment', artifact: 'onnx-diet-report', 'upload-artifact': '' },
    { eventName: 'workflow_run', event: wrEvent(forkSha) }));
  assert.equal(r2.code, 0, r2.stdout + r2.stderr);
  const posted = fake.commentsOn(REPO, 9);
  assert.equal(posted.length, 1);
  assert.ok(posted[0]!.body.startsWith('<!-- onnx-diet:'));
  assert.match(posted[0]!.body, /albert/);
  assert.ok(posted[0]!.body.length <= 65_536);
  assert.match(r2.outputs['comment-url'] ?? '', /pull\/9#issuecomment-/);

  // A run whose head SHA is not the report's: nothing is posted.
  const r3 = await runAction(step(newRun(), { mode: 'comment', artifact: 'onnx-diet-report', 'upload-artifact': '' },
    { eventName: 'workflow_run', event: wrEvent('e'.repeat(40)) }));
  assert.equal(r3.code, 0, r3.stdout + r3.stderr);
  assert.match(r3.stdout, /^::warning::Not posting the report: the report is for commit ccccccc, but the workflow run was for eeeeeee/m);
  assert.equal(fake.commentsOn(REPO, 9).length, 1);
  assert.equal(fake.commentsOn(REPO, 9)[0]!.updatedAt, posted[0]!.updatedAt);
});

test('a missing artifact and a name conflict fail with one clear line each', { skip: !haveDist && 'dist/ not built' }, async () => {
  const r = await runAction(step(newRun(), { artifact: 'nope' }));
  assert.equal(r.code, 1);
  assert.match(r.stdout, /^::error::artifact 'nope' not found in this workflow run: upload it earlier/m);

  const run = newRun();
  fake.addArtifact(run, 'exported-model', { 'albert.onnx': MODEL });
  fake.addArtifact(run, 'taken', { 'x.txt': 'x' });
  const r2 = await runAction(step(run, { artifact: 'exported-model', 'upload-artifact': 'taken', comment: 'never' }));
  assert.equal(r2.code, 1);
  assert.match(r2.stdout, /^::error::artifact 'taken' already exists in this workflow run \(409 Conflict\)/m);
  // The summary and outputs were still written before the upload failed.
  assert.equal(r2.outputs['passed'], 'true');

  const r3 = await runAction(step(newRun(), { 'upload-artifact': 'bad/name' }));
  assert.equal(r3.code, 1);
  assert.match(r3.stdout, /^::error::input 'upload-artifact': artifact name 'bad\/name' contains a forward slash/m);
});

test('baseline: deltas against the base branch\'s last report; a fork\'s "main" is not the base; none is a note', { skip: !haveDist && 'dist/ not built' }, async () => {
  const slimBytes = readFileSync(path.join(workspace, 'slim/albert.slim.onnx')).length;
  const baseReport = (bytes: number) => JSON.stringify({
    tool: 'onnx-diet', version: '0.1.0', passed: true,
    models: [{ name: 'albert', original: { bytes: MODEL.length }, compressed: { bytes }, stages: [], passed: true }],
  });
  const mainRun = newRun({ headBranch: 'main', headSha: '9'.repeat(40) });
  fake.addArtifact(mainRun, 'onnx-diet', { 'onnx-diet-report.json': baseReport(slimBytes + 1000) });
  // Newer, from a fork whose branch is also called main: must be skipped.
  const forkRun = newRun({ headBranch: 'main', headSha: '8'.repeat(40), headRepoId: 777 });
  fake.addArtifact(forkRun, 'onnx-diet', { 'onnx-diet-report.json': baseReport(1) });

  const run = newRun();
  fake.addArtifact(run, 'exported-model', { 'albert.onnx': MODEL });
  const r = await runAction(step(run, { artifact: 'exported-model', baseline: 'true' }, { event: prEvent(11) }));
  assert.equal(r.code, 0, r.stdout + r.stderr);
  const body = ourComments(11)[0]?.body ?? '';
  assert.match(body, new RegExp(`#### Compared with \`main\` \\(run ${mainRun.runId}\\)`));
  // 1000 bytes smaller than main's: -1.00 kB, and the percentage of main's size.
  const pct = ((-1000 / (slimBytes + 1000)) * 100).toFixed(1);
  assert.ok(body.includes(`| -1.00 kB (${pct}%) 🟢 |`), body);
  assert.match(r.summary, /Compared with `main`/);

  const r2 = await runAction(step(newRun(), { artifact: 'exported-model', 'artifact-run-id': String(run.runId), baseline: 'true', 'upload-artifact': 'onnx-diet-other' }, { event: prEvent(12) }));
  assert.equal(r2.code, 0, r2.stdout + r2.stderr);
  assert.match(ourComments(12)[0]?.body ?? '', /> \[!NOTE\]\n> No baseline yet: no 'onnx-diet-other' artifact from a run on `main`/);
});
