import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as github from '@actions/github';
import { REPORT_FILES, checkPrInfo, escapeUntrustedMarkdown, prInfoFromEvent, readPrInfo } from '../../src/action/fork-safe.js';
import { UsageError } from '../../src/onnx/errors.js';
import { FakeGitHub } from './fake-github.js';

const SHA = '1'.repeat(40);
let fake: FakeGitHub;
let dir: string;

before(async () => {
  fake = await new FakeGitHub().start();
  fake.tokens.set('t', true);
  fake.pulls.push({ repo: 'o/r', number: 5, headSha: SHA, baseRef: 'main' });
  fake.pulls.push({ repo: 'o/r', number: 6, headSha: '2'.repeat(40), baseRef: 'main' });
  dir = mkdtempSync(path.join(tmpdir(), 'fork-safe-'));
});
after(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

test('escapeUntrustedMarkdown neutralises HTML, comments, mentions and references but keeps layout and code', () => {
  const md = [
    '<!-- onnx-diet:other.yml -->',
    '**albert: 1 MB → 0.5 MB** <img src=x onerror=alert(1)> <a href="https://evil">x</a>',
    'cc @octocat and @acme/team, see #12 and acme/repo#3; mail a@b.c',
    '<details><summary>stages</summary>',
    '',
    '```mermaid',
    'xychart-beta',
    '  title "<b>size</b> @me #1"',
    '```',
    '</details>',
    '<DETAILS >x</DETAILS>',
  ].join('\n');
  const out = escapeUntrustedMarkdown(md);
  assert.doesNotMatch(out, /<!--/);
  assert.doesNotMatch(out, /<img|<a /);
  assert.match(out, /&lt;img src=x onerror=alert\(1\)>/);
  assert.match(out, /cc @\u200boctocat and @\u200bacme\/team, see #\u200b12 and acme\/repo#\u200b3; mail a@b\.c/);
  assert.match(out, /<details><summary>stages<\/summary>/);
  assert.match(out, /<\/details>\n<details>x<\/details>$/);
  // Inside the fence nothing changes (GitHub renders no HTML or mentions there).
  assert.match(out, /\n {2}title "<b>size<\/b> @me #1"\n```\n/);
});

test('escapeUntrustedMarkdown closes a fence left open', () => {
  assert.equal(escapeUntrustedMarkdown('a\n~~~~\n<b>'), 'a\n~~~~\n<b>\n~~~~');
});

test('prInfoFromEvent records the PR head (not the merge commit) and refuses non-PR events', () => {
  const info = prInfoFromEvent({ pull_request: { number: 5, head: { sha: SHA } }, repository: { full_name: 'o/r' } }, '<!-- onnx-diet:a.yml -->');
  assert.deepEqual(info, { repository: 'o/r', number: 5, headSha: SHA, marker: '<!-- onnx-diet:a.yml -->' });
  assert.throws(() => prInfoFromEvent({ repository: { full_name: 'o/r' } }, 'm'), UsageError);
});

test('readPrInfo accepts only a well-formed record', () => {
  const write = (v: unknown) => writeFileSync(path.join(dir, REPORT_FILES.pr), JSON.stringify(v));
  const good = { repository: 'o/r', number: 5, headSha: SHA, marker: '<!-- onnx-diet:a.yml -->' };
  write(good);
  assert.deepEqual(readPrInfo(dir), good);
  for (const bad of [
    { ...good, number: '5' },
    { ...good, number: 0 },
    { ...good, headSha: 'abc' },
    { ...good, marker: '<!-- onnx-diet:x --> <img src=x>' },
    { ...good, repository: '../x' },
  ]) {
    write(bad);
    assert.throws(() => readPrInfo(dir), UsageError, JSON.stringify(bad));
  }
});

test('checkPrInfo trusts the run and the API, not the artifact', async () => {
  const ok = github.getOctokit('t', { baseUrl: fake.apiUrl });
  const info = { repository: 'o/r', number: 5, headSha: SHA, marker: '<!-- onnx-diet:a -->' };
  assert.equal(await checkPrInfo(ok, info, { headSha: SHA, repository: 'o/r' }), undefined);
  assert.match((await checkPrInfo(ok, info, { headSha: '3'.repeat(40), repository: 'o/r' }))!, /report is for commit 1111111/);
  assert.match((await checkPrInfo(ok, { ...info, repository: 'x/y' }, { headSha: SHA, repository: 'o/r' }))!, /names repository x\/y/);
  // A record that names another PR (whose head is another commit) is refused.
  assert.match((await checkPrInfo(ok, { ...info, number: 6 }, { headSha: SHA, repository: 'o/r' }))!, /PR #6's head is 2222222/);
});
