/**
 * Measured runs in a child process, so a run's peak RSS is its own and not the bench driver's.
 * The child prints one JSON line last (`reportFromChild`); the parent parses it (`runMeasuredChild`).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { StageSpec } from '../src/stages/registry.js';
import type { CalibrationConfig } from '../src/pipeline/calibration.js';

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

/** What compress-child.ts reports: total and per-stage milliseconds, each stage's details, peak RSS. */
export interface CompressRun {
  ms: number;
  stageMs: Record<string, number>;
  details: Record<string, unknown>[];
  maxRssBytes: number;
  wallMs: number;
}

const COMPRESS_CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'compress-child.ts');

/** `stages` on `input` → `output` in a child process of its own (compress-child.ts). */
export function compressInChild(input: string, output: string, stages: StageSpec[], what = `bench child for ${JSON.stringify(stages)}`, calibration?: CalibrationConfig): CompressRun {
  return runMeasuredChild<Omit<CompressRun, 'wallMs'>>(COMPRESS_CHILD, [input, output, JSON.stringify(stages), ...(calibration ? [JSON.stringify(calibration)] : [])], what);
}
