/**
 * Runs the Action the way the GitHub runner does: `node <action>/dist/index.js` with the action's
 * inputs as INPUT_* variables, the event in a JSON file, GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files, the
 * API and results URLs, the runtime token, and the workspace as the working directory. The action
 * folder is a copy of what a `uses:` checkout holds (the repository's files: no node_modules, no build).
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { ONNXRUNTIME_VERSION } from '../../src/action/onnxruntime-setup.js';
import { runtimeToken, type FakeGitHub, type FakeRun } from './fake-github.js';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The files `uses: owner/onnx-diet@ref` checks out: what git would commit (tracked + not ignored). */
export function checkoutCopy(dest: string): string {
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: REPO_ROOT, encoding: 'utf8' })
    .split('\0')
    .filter((f) => f && existsSync(path.join(REPO_ROOT, f)));
  for (const f of files) {
    mkdirSync(path.dirname(path.join(dest, f)), { recursive: true });
    cpSync(path.join(REPO_ROOT, f), path.join(dest, f));
  }
  return dest;
}

/**
 * A runner tool cache that already holds onnxruntime-node (as a previous job on the runner left it),
 * pointing at this checkout's installed copy so the test needs no download.
 */
export function seededToolCache(dir: string): string {
  const pkgDir = path.join(dir, 'onnx-diet-onnxruntime', ONNXRUNTIME_VERSION, `${process.platform}-${process.arch}`);
  mkdirSync(path.join(pkgDir, 'node_modules'), { recursive: true });
  for (const p of ['onnxruntime-node', 'onnxruntime-common']) {
    symlinkSync(path.join(REPO_ROOT, 'node_modules', p), path.join(pkgDir, 'node_modules', p), 'junction');
  }
  writeFileSync(path.join(pkgDir, '.complete'), `${ONNXRUNTIME_VERSION}\n`);
  return dir;
}

export interface ActionRun {
  fake: FakeGitHub;
  /** The action folder (holding dist/index.js). */
  action: string;
  workspace: string;
  temp: string;
  toolCache: string;
  run: FakeRun;
  eventName: string;
  event: object;
  inputs: Record<string, string>;
  token: string;
  /** The job's backend id in the run (matrix jobs share a run, each is its own job). */
  job?: string;
}

export interface ActionResult {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

/** GITHUB_OUTPUT's format, as @actions/core writes it: `name<<DELIM\nvalue\nDELIM\n`. */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /^(.+?)<<(ghadelimiter_[\w-]+)\n([\s\S]*?)\n\2$/gm;
  for (const m of text.matchAll(re)) out[m[1]!] = m[3]!;
  return out;
}

let seq = 0;

export async function runAction(o: ActionRun): Promise<ActionResult> {
  const n = ++seq;
  const files = path.join(o.temp, `step-${n}`);
  mkdirSync(files, { recursive: true });
  const eventPath = path.join(files, 'event.json');
  const outputPath = path.join(files, 'output');
  const summaryPath = path.join(files, 'summary.md');
  writeFileSync(eventPath, JSON.stringify(o.event));
  writeFileSync(outputPath, '');
  writeFileSync(summaryPath, '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'],
    HOME: process.env['HOME'],
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: o.eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: o.run.repo,
    GITHUB_REPOSITORY_OWNER: o.run.repo.split('/')[0],
    GITHUB_RUN_ID: String(o.run.runId),
    GITHUB_RUN_NUMBER: '1',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_SHA: o.run.headSha,
    GITHUB_REF: `refs/heads/${o.run.headBranch}`,
    GITHUB_REF_NAME: o.run.headBranch,
    GITHUB_WORKSPACE: o.workspace,
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: o.fake.apiUrl,
    GITHUB_GRAPHQL_URL: `${o.fake.apiUrl}/graphql`,
    GITHUB_ACTION_PATH: o.action,
    ACTIONS_RUNTIME_TOKEN: runtimeToken(o.run, o.job),
    ACTIONS_RESULTS_URL: o.fake.resultsUrl,
    RUNNER_TEMP: path.join(files, 'runner-temp'),
    RUNNER_TOOL_CACHE: o.toolCache,
    RUNNER_OS: 'Linux',
  };
  // The runner passes every input declared in action.yml, defaults filled in.
  const defaults = actionDefaults(o.action, o.token);
  for (const [k, v] of Object.entries({ ...defaults, ...o.inputs })) env[`INPUT_${k.replace(/ /g, '_').toUpperCase()}`] = v;
  mkdirSync(env['RUNNER_TEMP']!, { recursive: true });
  const child = spawn(process.execPath, [path.join(o.action, 'dist', 'index.js')], { cwd: o.workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, stdout, stderr, outputs: parseOutputFile(readFileSync(outputPath, 'utf8')), summary: readFileSync(summaryPath, 'utf8') };
}

/** action.yml's input defaults, with `${{ github.token }}` as the runner would expand it. */
function actionDefaults(action: string, token: string): Record<string, string> {
  const yml = parse(readFileSync(path.join(action, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }> };
  return Object.fromEntries(
    Object.entries(yml.inputs).map(([k, v]) => [k, String(v.default ?? '').replace('${{ github.token }}', token)]),
  );
}
