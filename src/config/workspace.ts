/**
 * Which folders a config's paths may name. A config can come from a pull request, so `output:
 * ../../etc/x`, an absolute output or `source: /etc/passwd` must not reach outside the checkout. The rule:
 * in GitHub Actions (GITHUB_WORKSPACE set) every path — source, output, parity inputs and labels — must be
 * inside the workspace; elsewhere inside the current folder or the config's folder. Links are followed, so a
 * symlinked folder inside the workspace that points out of it does not count as inside.
 */
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { isInside } from '../onnx/external.js';

/** The folders paths of `configFile` must stay in (absolute, links resolved). */
export function workspaceRoots(configFile: string, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string[] {
  const ws = env['GITHUB_WORKSPACE'];
  const roots = ws ? [path.resolve(ws)] : [path.resolve(cwd), path.dirname(path.resolve(configFile))];
  return [...new Set(roots.map(realOrSelf))];
}

/** The end of the error line for a path outside `roots`: where it must be and how to fix it. */
export function outsideMessage(roots: readonly string[], env: NodeJS.ProcessEnv = process.env): string {
  if (env['GITHUB_WORKSPACE']) return `is outside the workspace ${roots[0]} (GITHUB_WORKSPACE); a config may only name files inside it`;
  const where = roots.length === 1 ? `the current and config folder ${roots[0]}` : `the current folder ${roots[0]} and the config's folder ${roots[1]}`;
  return `is outside ${where}; a config may only name files inside them (or run from a folder that contains it)`;
}

/** The real path of `p`: its deepest existing ancestor with links resolved, plus the rest as written. */
function realOrSelf(p: string): string {
  let head = path.resolve(p);
  const tail: string[] = [];
  while (!existsSync(head) && path.dirname(head) !== head) {
    tail.unshift(path.basename(head));
    head = path.dirname(head);
  }
  try {
    return path.join(realpathSync(head), ...tail);
  } catch {
    return path.join(head, ...tail);
  }
}

/** Whether the absolute path `p`, links followed, is inside one of `roots`. */
export function insideWorkspace(p: string, roots: readonly string[]): boolean {
  const real = realOrSelf(p);
  return roots.some((r) => isInside(r, real));
}
