/**
 * The helper thread of int4-parallel.ts: fits the blocks of the share of a weight it is sent and answers
 * on the port, then raises the shared flag the waiting thread sleeps on. Every buffer goes back with the
 * answer, the share it was sent (and span feedback's factors) too: this thread keeps nothing between jobs,
 * so its memory does not wait for its own collector (which the stage's memory bounds do not see coming).
 */
import { workerData } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { runJob, type WorkerAnswer, type WorkerJob } from './int4-parallel.js';

const { port, flag } = workerData as { port: MessagePort; flag: Int32Array };

port.on('message', (job: WorkerJob) => {
  let answer: WorkerAnswer;
  const transfer: ArrayBuffer[] = [job.values.buffer as ArrayBuffer];
  const spentFactors = job.spans?.factors;
  if (spentFactors) transfer.push(spentFactors.buffer as ArrayBuffer);
  try {
    const { result, blockErrors } = runJob(job);
    answer = { result, blockErrors, spent: job.values, spentFactors };
    transfer.push(result.data.buffer as ArrayBuffer, result.scales.buffer as ArrayBuffer, blockErrors.buffer as ArrayBuffer);
    if (result.zeroPoints) transfer.push(result.zeroPoints.buffer as ArrayBuffer);
  } catch (e) {
    answer = { error: e instanceof Error ? e.message : String(e), spent: job.values, spentFactors };
  }
  port.postMessage(answer, transfer);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
});
