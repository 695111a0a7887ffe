import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as github from '@actions/github';
import { MAX_COMMENT_CHARS, capMarkdown, commentBody, findComment, isPermissionDenied, markerOf, upsertComment } from '../../src/action/comment.js';
import { FakeGitHub, commitKey } from './fake-github.js';

let fake: FakeGitHub;
const TOKEN = 'ghs_test';
const RO = 'ghs_ro';
const octokit = (token = TOKEN) => github.getOctokit(token, { baseUrl: fake.apiUrl });

before(async () => {
  fake = await new FakeGitHub().start();
  fake.tokens.set(TOKEN, true);
  fake.tokens.set(RO, false);
});
after(() => fake.close());

test('markerOf takes the report marker, else makes one from the config path', () => {
  assert.equal(markerOf('x\n<!-- onnx-diet:models.yml -->\n**albert**', 'c.yml'), '<!-- onnx-diet:models.yml -->');
  assert.equal(markerOf('**albert**', 'ci/onnx-diet.yml'), '<!-- onnx-diet:config=ci/onnx-diet.yml -->');
  assert.equal(markerOf('', 'a-->b.yml'), '<!-- onnx-diet:config=ab.yml -->');
});

test('commentBody puts the marker first once', () => {
  assert.equal(commentBody('hello', '<!-- m -->'), '<!-- m -->\nhello');
  assert.equal(commentBody('<!-- m -->\nhello', '<!-- m -->'), '<!-- m -->\nhello');
});

test('capMarkdown keeps short text, cuts long text at a line under the limit and closes fences and details', () => {
  assert.equal(capMarkdown('short', 100), 'short');
  const long = `<details>\n\n\`\`\`mermaid\n${'line of chart\n'.repeat(10_000)}`;
  const cut = capMarkdown(long, MAX_COMMENT_CHARS);
  assert.ok(cut.length <= MAX_COMMENT_CHARS, String(cut.length));
  assert.ok(cut.length > MAX_COMMENT_CHARS - 400);
  assert.equal((cut.match(/^```/gm) ?? []).length % 2, 0, 'fence closed');
  assert.match(cut, /<\/details>/);
  assert.match(cut, /report cut at 65,536 characters/);
  // No partial line survives before the closing text.
  assert.match(cut, /line of chart\n```\n<\/details>/);
});

test('upsertComment creates once, then finds our comment past page one and updates it', async () => {
  const target = { owner: 'o', repo: 'r', issue: 3 };
  for (let i = 0; i < 101; i++) fake.addComment('o/r', 3, `chatter ${i}`);
  // A person quoting our marker is not our comment.
  fake.addComment('o/r', 3, '> <!-- onnx-diet:a.yml -->\n> quoted');
  const c1 = await upsertComment(octokit(), target, '<!-- onnx-diet:a.yml -->', '<!-- onnx-diet:a.yml -->\nv1');
  assert.equal(c1.created, true);
  const c2 = await upsertComment(octokit(), target, '<!-- onnx-diet:a.yml -->', '<!-- onnx-diet:a.yml -->\nv2');
  assert.equal(c2.created, false);
  assert.equal(c2.id, c1.id);
  assert.equal(fake.comments.find((c) => c.id === c1.id)!.body, '<!-- onnx-diet:a.yml -->\nv2');
  // Another config's marker makes a second comment.
  const c3 = await upsertComment(octokit(), target, '<!-- onnx-diet:b.yml -->', '<!-- onnx-diet:b.yml -->\nb');
  assert.equal(c3.created, true);
  assert.equal(fake.commentsOn('o/r', 3).length, 101 + 1 + 2);
});

test('findComment prefers a bot comment over a person\'s with the same marker', async () => {
  const target = { owner: 'o', repo: 'r', issue: 4 };
  fake.addComment('o/r', 4, '<!-- onnx-diet:x -->\nby hand', 'mallory');
  const bot = fake.addComment('o/r', 4, '<!-- onnx-diet:x -->\nby bot', 'github-actions[bot]');
  assert.equal((await findComment(octokit(), target, '<!-- onnx-diet:x -->'))?.id, bot.id);
});

test('commit comments for comment: always outside PRs', async () => {
  const sha = 'f'.repeat(40);
  const target = { owner: 'o', repo: 'r', sha };
  const c1 = await upsertComment(octokit(), target, '<!-- onnx-diet:c -->', '<!-- onnx-diet:c -->\n1');
  const c2 = await upsertComment(octokit(), target, '<!-- onnx-diet:c -->', '<!-- onnx-diet:c -->\n2');
  assert.equal(c1.created, true);
  assert.equal(c2.created, false);
  assert.deepEqual(fake.commentsOn('o/r', commitKey(sha)).map((c) => c.body), ['<!-- onnx-diet:c -->\n2']);
});

test('a read-only token is recognised as permission denied', async () => {
  await assert.rejects(upsertComment(octokit(RO), { owner: 'o', repo: 'r', issue: 5 }, '<!-- m -->', 'x'), (e: unknown) => isPermissionDenied(e));
  assert.equal(isPermissionDenied(new Error('boom')), false);
  assert.equal(isPermissionDenied({ status: 500 }), false);
});

test('an unreachable API: the warning names the call and the cause, and the step result is left to the gate', async () => {
  const { createServer } = await import('node:net');
  const { postComment } = await import('../../src/action/main.js');
  const port = await new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
  const dead = github.getOctokit(TOKEN, { baseUrl: `http://127.0.0.1:${port}`, request: { retries: 0 } });
  const lines: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    lines.push(...String(chunk).split('\n').filter(Boolean));
    return true;
  }) as typeof process.stdout.write;
  const exitCode = process.exitCode;
  try {
    await postComment(dead, { owner: 'o', repo: 'r', issue: 5 }, '<!-- m -->', '<!-- m -->\nx');
  } finally {
    process.stdout.write = write;
  }
  assert.equal(process.exitCode, exitCode, 'posting the comment did not fail the step');
  const warnings = lines.filter((l) => l.startsWith('::warning'));
  assert.equal(warnings.length, 1, lines.join('\n'));
  assert.match(warnings[0]!, new RegExp(`^::warning title=onnx-diet comment::onnx-diet: the report comment was not posted: GET /repos/o/r/issues/5/comments: connect ECONNREFUSED 127\\.0\\.0\\.1:${port}; the report is in the job summary and the step outputs$`));
});
