/**
 * Measured runs in a child process, so a run's peak RSS is its own and not the bench driver's.
 * The child prints one JSON line last (`reportFromChild`); the parent parses it (`runMeasuredChild`).
 */
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';

/** Child side: `fields` plus the process's peak RSS, as the last line of stdout. */
export function reportFromChild(fields: Record<string, unknown>): void {
  process.stdout.write(`\n${JSON.stringify({ ...fields, maxRssBytes: process.resourceUsage().maxRSS * 1024 })}\n`);
}

/** Parent side: runs `script args…` under tsx, returns the child's report and the wall time around it. */
export function runMeasuredChild<T extends { maxRssBytes: number }>(script: string, args: string[], what: string): T & { wallMs: number } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { encoding: 'utf8', maxBuffer: 1 << 24 });
  const wallMs = performance.now() - t0;
  const last = r.stdout.trim().split('\n').pop() ?? '';
  if (r.status !== 0 || !last.startsWith('{')) {
    throw new Error(`${what} failed (${r.status}): ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`);
  }
  return { ...(JSON.parse(last) as T), wallMs };
}
