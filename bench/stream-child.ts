/**
 * One CLI run in its own process, so its peak RSS is the run's alone: `stream-child.ts ARGS...` runs
 * `onnx-diet ARGS...` (importing the CLI entry runs it on process.argv) and prints one JSON line last:
 * { code, ms, maxRssBytes }.
 */
import { performance } from 'node:perf_hooks';

const t0 = performance.now();
await import('../src/cli/main.js');
const ms = performance.now() - t0;
process.stdout.write(`\n${JSON.stringify({ code: process.exitCode ?? 0, ms, maxRssBytes: process.resourceUsage().maxRSS * 1024 })}\n`);
