/**
 * One measured run of the foundation bench, in its own process so peak RSS is this run's alone.
 * `copy IN OUT`: readFileSync + writeFileSync (the floor any tool must pay).
 * `compress IN OUT`: the CLI's compress command, dedup,prune (load + stages + save).
 * `idle`: nothing (the runtime's own RSS).
 * Prints one JSON line last: { ms, maxRssBytes }.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { compressCommand } from '../src/cli/compress.js';
import { reportFromChild } from './child-process.js';

const [mode, input, output] = process.argv.slice(2);
const t0 = performance.now();
if (mode === 'copy') {
  writeFileSync(output!, readFileSync(input!));
} else if (mode === 'compress') {
  const code = await compressCommand.run([input!, '-o', output!, '--stages', 'dedup,prune']);
  if (code !== 0) throw new Error(`compress exited ${code}`);
} else if (mode !== 'idle') {
  throw new Error(`unknown mode ${mode}`);
}
const ms = performance.now() - t0;
reportFromChild({ ms });
