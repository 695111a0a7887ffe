/**
 * The onnx-diet CLI run from source as users and CI run it: a separate node process (tsx loads the
 * TypeScript). One place for the command line, so every test spawns the same thing.
 */
import { spawnSync, type SpawnSyncOptionsWithStringEncoding } from 'node:child_process';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '../..');

/** node's arguments for `onnx-diet ARGS`; tsx is resolved here, so any working folder works. */
export const cliArgs = (args: string[]): string[] =>
  ['--import', import.meta.resolve('tsx'), path.join(root, 'src/cli/main.ts'), ...args];

/** Runs `onnx-diet ARGS` to the end; stdout and stderr as text. */
export function cliSync(args: string[], options: Partial<SpawnSyncOptionsWithStringEncoding> = {}) {
  return spawnSync(process.execPath, cliArgs(args), { encoding: 'utf8', ...options });
}
