/**
 * Folders for outputs and downloads, made one level at a time: Node 20's recursive mkdir spins forever
 * under /proc, and a level that cannot be made should be named in the error.
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../onnx/errors.js';

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
