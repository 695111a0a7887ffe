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

/**
 * `dvc push` of the slim model. A stage output (dvc.yaml) or a tracked file is pushed as it is; a file
 * DVC does not track yet is `dvc add`ed first (writing `<output>.dvc`, which the user commits), as
 * `source: { dvc }` files are.
 */
export function dvcPush(file: string): void {
  const [name, cwd, what] = [path.basename(file), path.dirname(file), `output ${file}`];
  try {
    dvc(['push', name], cwd, what);
  } catch (e) {
    if (!(e instanceof UsageError) || !/does not exist as an output/.test(e.message)) throw e;
    dvc(['add', name], cwd, what);
    dvc(['push', name], cwd, what);
  }
}
