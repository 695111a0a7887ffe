/**
 * DVC-tracked models (`source: { dvc: path }`): `dvc pull <path>` fetches the file from the repository's
 * DVC remote before the run, `dvc push <output>` sends the slim model back. dvc is a Python tool users
 * install themselves (`pip install dvc`); we call its CLI, as a user would, from the file's folder (dvc
 * finds the repository root upwards from there).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../onnx/errors.js';

/** Runs `dvc <args>` in `cwd`; a missing dvc or a failed command is one line naming the file and the fix. */
export function dvc(args: string[], cwd: string, what: string): string {
  const r = spawnSync(process.env['ONNX_DIET_DVC'] ?? 'dvc', args, { cwd, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new UsageError(`${what}: dvc is not on PATH; install it (pip install dvc) or give the model as a plain path`);
  }
  if (r.status !== 0) {
    const said = `${r.stderr}\n${r.stdout}`.split('\n').map((l) => l.trim()).filter(Boolean).slice(-2).join(' ');
    throw new UsageError(`${what}: \`dvc ${args.join(' ')}\` failed (exit ${r.status ?? r.signal}): ${said || 'no output'}`);
  }
  return r.stdout;
}

/** `dvc pull` of one tracked file; resolves to the file, now in the workspace. */
export function dvcPull(file: string): string {
  dvc(['pull', path.basename(file)], path.dirname(file), `source ${file}`);
  if (!existsSync(file)) throw new UsageError(`source ${file}: dvc pull succeeded but the file is not there; is it tracked (dvc add ${path.basename(file)})?`);
  return file;
}

/** `dvc push` of the slim model (a stage output or a `dvc add`ed file). */
export function dvcPush(file: string): void {
  dvc(['push', path.basename(file)], path.dirname(file), `output ${file}`);
}
