/**
 * Graph-scale bench: the stages' passes on graphs of 2,000 and 16,000 weight-bearing layers (32×32
 * weights, so the work is graph walking, not arithmetic), weights as initializers and as Constant
 * nodes. A pass that reads the graph once per weight is quadratic: 8× the layers would cost 64× the
 * time. Target: 8× the layers costs at most 16× the time (linear work plus noise and GC). Each run is
 * its own child process; the two sizes run back to back per stage.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatTable } from '../src/report/table.js';
import { runMeasuredChild } from './child-process.js';

const SMALL = 2000;
const LARGE = 16000;
const LIMIT = 16;
const STAGES = ['dedup', 'prune', 'quantize-int8', { 'quantize-int8': { 'per-channel': true } }, 'quantize-int4', 'fp16'];
const child = path.join(path.dirname(fileURLToPath(import.meta.url)), 'graph-scale-child.ts');

export async function run(): Promise<void> {
  const rows: string[][] = [];
  let worst = 0;
  for (const form of ['initializer', 'constant']) {
    for (const spec of STAGES) {
      const time = (n: number) => runMeasuredChild<{ ms: number; maxRssBytes: number }>(child, [String(n), form, JSON.stringify(spec)], `graph-scale ${n}`).ms;
      const small = time(SMALL);
      const large = time(LARGE);
      const ratio = large / small;
      worst = Math.max(worst, ratio);
      const label = typeof spec === 'string' ? spec : JSON.stringify(spec).replace(/[{}"]/g, '');
      rows.push([form, label, `${small.toFixed(0)} ms`, `${large.toFixed(0)} ms`, `${ratio.toFixed(1)}×`, ratio <= LIMIT ? 'yes' : 'NO']);
    }
  }
  console.log(formatTable(['weights as', 'stage', `${SMALL} layers`, `${LARGE} layers`, `time ratio (layers ${LARGE / SMALL}×)`, `≤ ${LIMIT}×`], rows));
  console.log(`\nworst ratio ${worst.toFixed(1)}× for ${LARGE / SMALL}× the layers (quadratic would be ${(LARGE / SMALL) ** 2}×)`);
}
