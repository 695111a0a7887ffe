/**
 * Every file the tool writes goes through here: models, their data files, reports, downloads. A write is
 * atomic — a temporary file beside the target (`.NAME.PID.xxxxxxxx.tmp`), fsync, rename — so a reader, or
 * a run killed at any moment, sees either the old file or the whole new one; temporaries a killed run left
 * are removed by the next write of the same target. Folders on the way are made one level at a time
 * (Node 20's recursive mkdir spins forever under /proc, and a level that cannot be made should be named).
 */
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from './errors.js';

/** The temporary file a write of `target` goes to first. */
export function tempBeside(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/** Whether process `pid` is alive on this machine (EPERM: it is, but not ours). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A run killed mid-write (SIGKILL, OOM, a cancelled CI job) leaves its `.NAME.PID.xxxxxxxx.tmp` beside the
 * target. The next save of the same target removes those whose writer is gone: its PID is not alive and the
 * file is older than this process (so a live writer, or a PID reused since, is never touched).
 */
export function removeStaleTemps(target: string): void {
  const dir = path.dirname(target);
  const prefix = `.${path.basename(target)}.`;
  const started = Date.now() - process.uptime() * 1000;
  let names: string[];
  try { names = readdirSync(dir); } catch { return; }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const m = /^(\d+)\.[0-9a-f]{8}\.tmp$/.exec(name.slice(prefix.length));
    if (!m || Number(m[1]) === process.pid || alive(Number(m[1]))) continue;
    const file = path.join(dir, name);
    try {
      if (statSync(file).mtimeMs < started) rmSync(file, { force: true });
    } catch { /* removed by someone else meanwhile */ }
  }
}

/**
 * Writes `target` atomically: `write` fills the open temporary file (its fd) and returns the bytes it
 * wrote; then fsync and rename. On any error the temporary file is removed and the target is untouched.
 */
export function writeFileAtomically(target: string, write: (fd: number) => number): number {
  removeStaleTemps(target);
  const tmp = tempBeside(target);
  const fd = openSync(tmp, 'wx', 0o644);
  try {
    const written = write(fd);
    fsyncSync(fd);
    closeSync(fd);
    renameSync(tmp, target);
    return written;
  } catch (e) {
    try { closeSync(fd); } catch { /* already closed */ }
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** `text` (UTF-8) written atomically to `file`, creating its missing folders. */
export function writeTextAtomically(file: string, text: string): void {
  const target = path.resolve(file);
  ensureFolder(path.dirname(target), file);
  const bytes = Buffer.from(text, 'utf8');
  writeFileAtomically(target, (fd) => {
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
    return off;
  });
}

/** `value` as indented JSON with a final newline (reports, DVC metrics), written like writeTextAtomically. */
export function writeJsonAtomically(file: string, value: unknown): void {
  writeTextAtomically(file, `${JSON.stringify(value, null, 2)}\n`);
}

/** Makes a temporary file written by someone else (a download stream) durable, then renames it over `target`. */
export function commitTemp(tmp: string, target: string): void {
  const fd = openSync(tmp, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, target);
}

/**
 * The folders missing on the way to `dir`, outermost first (empty when it exists). The nearest one that
 * exists must be a folder. `what` starts the error line (the output or URL the folder is for).
 */
export function missingFolders(dir: string, what: string): string[] {
  const missing: string[] = [];
  let d = path.resolve(dir);
  while (!existsSync(d) && path.dirname(d) !== d) {
    missing.unshift(d);
    d = path.dirname(d);
  }
  if (!statSync(d).isDirectory()) throw new UsageError(`${what}: ${d} is a file, not a folder`);
  return missing;
}

/** Creates the folders missingFolders listed (one made meanwhile by someone else is fine). */
export function createFolders(missing: readonly string[], what: string): void {
  for (const m of missing) {
    try {
      mkdirSync(m);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw new UsageError(`${what}: cannot create folder ${m} (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
    }
  }
}

/** Creates `dir` and its missing parents. */
export function ensureFolder(dir: string, what: string): void {
  createFolders(missingFolders(dir, what), what);
}
