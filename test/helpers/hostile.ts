/**
 * Running the real CLI on hostile input (issue 6): spawned like CI spawns it, with a time limit, its peak
 * RSS reported by the processes themselves (rss-preload.mjs: no /usr/bin/time, so on every OS), its own
 * TMPDIR, and the folder tree hashed before and after so a test can say exactly which files the run
 * created or changed.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import assert from 'node:assert/strict';
import { cliArgs } from './cli.js';

const RSS_PRELOAD = pathToFileURL(path.join(path.dirname(fileURLToPath(import.meta.url)), 'rss-preload.mjs')).href;

export interface Ran {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
  /**
   * Peak resident set of the largest process of the run (the CLI or its onnxruntime worker), KiB;
   * undefined when none exited normally (killed by the time limit), which assertPeak says.
   */
  peakKiB?: number;
}

/** Spawns `onnx-diet ARGS` in `cwd`, killed after `timeoutMs`. TMPDIR is `tmp` (created; must be left empty). */
export function runCli(args: string[], opts: { cwd: string; tmp: string; timeoutMs?: number; env?: Record<string, string> }): Promise<Ran> {
  mkdirSync(opts.tmp, { recursive: true });
  const rssFile = path.join(opts.tmp, '..', `.rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const argv = [process.execPath, '--import', RSS_PRELOAD, ...cliArgs(args)];
  const t0 = Date.now();
  return new Promise((resolve) => {
    const child = spawn(argv[0]!, argv.slice(1), {
      cwd: opts.cwd,
      env: { ...process.env, ONNX_DIET_DEBUG: '', TMPDIR: opts.tmp, NODE_OPTIONS: '', ONNX_DIET_TEST_RSS_FILE: rssFile, ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: process.platform !== 'win32', // its own process group, so a timeout kills the CLI and its worker
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => { stdout += b.toString(); });
    child.stderr.on('data', (b: Buffer) => { stderr += b.toString(); });
    const kill = () => {
      try { process.kill(process.platform === 'win32' ? child.pid! : -child.pid!, 'SIGKILL'); } catch { /* gone */ }
    };
    const timer = setTimeout(kill, opts.timeoutMs ?? 20_000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      let peakKiB: number | undefined;
      if (existsSync(rssFile)) {
        const values = readFileSync(rssFile, 'utf8').trim().split('\n').map((l) => Number(l.split(' ')[1]));
        peakKiB = Math.max(...values.filter((v) => Number.isFinite(v)));
        if (!Number.isFinite(peakKiB)) peakKiB = undefined;
        rmSync(rssFile, { force: true });
      }
      resolve({ code, signal, stdout, stderr, ms: Date.now() - t0, peakKiB });
    });
  });
}

/** Path (relative to `dir`) → sha256 of files, link target of symlinks, `dir` for folders. Never follows links. */
export function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = path.join(d, name);
      const rel = path.relative(dir, p);
      const st = lstatSync(p);
      if (st.isSymbolicLink()) out.set(rel, `link:${readlinkSync(p)}`);
      else if (st.isDirectory()) { out.set(rel, 'dir'); walk(p); }
      else if (st.isFile()) out.set(rel, createHash('sha256').update(readFileSync(p)).digest('hex'));
      else out.set(rel, `special:${st.mode}`);
    }
  };
  walk(dir);
  return out;
}

/** Paths added, removed or changed between two snapshots. */
export function changedPaths(before: Map<string, string>, after: Map<string, string>): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((k) => before.get(k) !== after.get(k)).sort();
}

/** stderr without the progress lines (`[hh:mm:ss] …`), which go to stderr by design (PRODUCT.md). */
export function errorLines(stderr: string): string[] {
  return stderr.split('\n').filter((l) => l.trim() !== '' && !/^\[\d\d:\d\d:\d\d\]/.test(l));
}

/**
 * Peak RSS under `limitKiB`; when it could not be measured the test output says so (a diagnostic line),
 * never a silent pass.
 */
export function assertPeak(r: Ran, limitKiB: number, label: string, diagnostic: (message: string) => void): void {
  if (r.peakKiB === undefined) {
    diagnostic(`${label}: peak RSS not measured (no process of the run exited normally: exit ${r.code}, signal ${r.signal}); the memory limit was not checked`);
    return;
  }
  assert.ok(r.peakKiB < limitKiB, `${label}: peak RSS ${r.peakKiB} KiB ≥ ${limitKiB} KiB`);
}

/** Exit 2, exactly one `onnx-diet: …` line matching `what`, no stack trace, not a crash of ours. */
export function assertCleanRefusal(r: Ran, what: RegExp, label: string): void {
  const detail = `${label}: exit ${r.code} signal ${r.signal} after ${r.ms} ms; stderr:\n${r.stderr}`;
  assert.equal(r.signal, null, `killed (timeout?) — ${detail}`);
  assert.equal(r.code, 2, detail);
  const lines = errorLines(r.stderr);
  assert.equal(lines.length, 1, `exactly one error line — ${detail}`);
  assert.match(lines[0]!, /^onnx-diet: /, detail);
  assert.doesNotMatch(lines[0]!, /unexpected error/, detail);
  assert.doesNotMatch(r.stderr, /\n\s+at |Error: .*\n.*node:internal/, detail);
  assert.match(lines[0]!, what, detail);
}
