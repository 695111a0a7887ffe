/**
 * One CLI run in its own process, so its peak RSS is the run's alone: `stream-child.ts ARGS...` runs
 * `onnx-diet ARGS...` (importing the CLI entry runs it on process.argv) and prints one JSON line last:
 * { code, ms, maxRssBytes }.
 */
import { performance } from 'node:perf_hooks';
import { reportFromChild } from './child-process.js';

const t0 = performance.now();
await import('../src/cli/main.js');
const ms = performance.now() - t0;
reportFromChild({ code: process.exitCode ?? 0, ms });
