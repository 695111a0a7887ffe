/**
 * Weight quantization on two cores (MatMulNBits' B, GatherBlockQuantized's table): the result's rows (B's
 * N columns, the table's rows) split in two, the upper half fitted in a worker thread (int4-worker.ts)
 * while this thread fits the lower half. Blocks are fitted independently (int4-numerics.ts), and gptq's
 * span feedback (span-feedback.ts) walks each output column on its own, so the codes, scales and zero
 * points are those of one thread to the bit; each block's error and norm are kept apart and summed here in
 * the one-thread order, so the reported reconstruction error is the same to the bit too.
 * Memory: the worker's share is copied (half the weight, the largest tensor's half at most) and handed
 * over; span feedback's factors are copied too (k · span doubles: 18 MiB for K = 3072 in gptq's spans of 768).
 *
 * The stage is synchronous (the tensor store builds a group inside a callback), so this thread waits for
 * the worker with Atomics.wait and takes its answer with receiveMessageOnPort. Should the worker not start
 * or not answer, its half is fitted here: slower, same bytes.
 */
import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { roundToFloat16 } from '../fp16-numerics.js';
import { quantizeColumns4, quantizeRows4, sumBlockErrors, type Int4Blocks, type Int4Options } from './int4-numerics.js';
import { quantizeWithSpanFeedback } from './span-feedback.js';

/** Weights smaller than this (values) are not worth a round trip to the worker. */
export const PARALLEL_MIN_VALUES = 1 << 16;
/** Output rows are split at a multiple of this (quantizeColumns4's and span-feedback.ts's tile width). */
const SPLIT_ALIGN = 64;
/** How long to wait for the worker's half before fitting it here (a stuck worker must not hang the stage). */
const WORKER_TIMEOUT_MS = 120_000;

/** What crosses to the worker: the options without the scale rounding function (named instead). */
export interface WorkerJob {
  /** The worker's share of the values: [k, cols] (columns) or [cols, k] (rows), row-major. */
  values: Float32Array;
  k: number;
  cols: number;
  transposed: boolean;
  opts: Omit<Int4Options, 'storeScale' | 'blockErrors'> & { scaleType: 'float32' | 'float16' };
  /** Feedback across spans (quantizeWithSpanFeedback) instead of within blocks. */
  spans?: SpanFeedback;
}

/** gptq's feedback: blockFactors of the span-wide moments (block = span). */
export interface SpanFeedback {
  factors: Float64Array;
  span: number;
}

export interface WorkerAnswer {
  result?: Int4Blocks;
  blockErrors?: Float64Array;
  error?: string;
  /** The share it was sent (and span feedback's factors), handed back so their memory is freed by this thread's collector. */
  spent?: Float32Array;
  spentFactors?: Float64Array;
}

/** The worker's options back in Int4Options form (storeScale from its name). */
export function jobOptions(job: WorkerJob, blockErrors: Float64Array): Int4Options {
  const { scaleType, ...rest } = job.opts;
  return { ...rest, storeScale: scaleType === 'float16' ? roundToFloat16 : Math.fround, blockErrors };
}

/** Fits a job's blocks (the worker runs this; so does this thread when the worker cannot). */
export function runJob(job: WorkerJob): { result: Int4Blocks; blockErrors: Float64Array } {
  const kBlocks = Math.ceil(job.k / job.opts.blockSize);
  const blockErrors = new Float64Array(job.cols * kBlocks * 2);
  const opts = jobOptions(job, blockErrors);
  const result = job.spans ? quantizeWithSpanFeedback(job.values, job.k, job.cols, job.transposed, opts, job.spans.factors, job.spans.span)
    : job.transposed ? quantizeRows4(job.values, job.cols, job.k, opts) : quantizeColumns4(job.values, job.k, job.cols, opts);
  return { result, blockErrors };
}

interface Helper {
  worker: Worker;
  port: MessagePort;
  /** [0]: 0 while a job is out, 1 once the worker has answered. */
  flag: Int32Array;
  broken: boolean;
}

let helper: Helper | undefined | null;

/** Halves the worker fitted, and halves fitted here because it could not (for tests and the bench). */
export const helperCounts = { answered: 0, fallbacks: 0 };

/**
 * The worker beside this module: compiled `.js` (bundle, tsc build) first, else the `.ts` source through
 * tsx's API (a worker does not take `--import tsx` from execArgv the way a forked process does).
 */
function workerEntry(): { file: string; eval: boolean } | undefined {
  const js = fileURLToPath(new URL('./int4-worker.js', import.meta.url));
  if (existsSync(js)) return { file: js, eval: false };
  const ts = new URL('./int4-worker.ts', import.meta.url);
  if (!existsSync(fileURLToPath(ts))) return undefined;
  const api = import.meta.resolve('tsx/esm/api');
  return { file: `import(${JSON.stringify(api)}).then((t) => { t.register(); return import(${JSON.stringify(ts.href)}); });`, eval: true };
}

/**
 * The one helper thread (started on first call; null when there is one core or no worker file). Call it
 * early (the stage does, before calibration) so the thread has loaded by the first big weight.
 */
export function startInt4Helper(): Helper | undefined {
  if (helper !== undefined) return helper ?? undefined;
  const entry = availableParallelism() > 1 ? workerEntry() : undefined;
  if (!entry) {
    helper = null;
    return undefined;
  }
  const { port1, port2 } = new MessageChannel();
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(entry.file, { eval: entry.eval, workerData: { port: port2, flag }, transferList: [port2] });
  // Neither keeps the process alive: a CLI run ends when its work does.
  worker.unref();
  port1.unref();
  const h: Helper = { worker, port: port1, flag, broken: false };
  worker.on('error', () => (h.broken = true));
  worker.on('exit', () => (h.broken = true));
  helper = h;
  return h;
}

/** Blocks until the worker answers (or the timeout passes: undefined). */
function awaitAnswer(h: Helper): WorkerAnswer | undefined {
  const deadline = Date.now() + WORKER_TIMEOUT_MS;
  for (;;) {
    const got = receiveMessageOnPort(h.port);
    if (got) return got.message as WorkerAnswer;
    const left = deadline - Date.now();
    if (left <= 0) return undefined;
    Atomics.wait(h.flag, 0, 0, Math.min(left, 50));
  }
}

/** The worker's share of `values`: rows [from, n) of the result, as a job's contiguous matrix. */
function share(values: Float32Array, k: number, n: number, transposed: boolean, from: number): Float32Array {
  if (transposed) return values.slice(from * k, n * k);
  const cols = n - from;
  const out = new Float32Array(k * cols);
  for (let kk = 0; kk < k; kk++) out.set(values.subarray(kk * n + from, (kk + 1) * n), kk * cols);
  return out;
}

/**
 * quantizeRows4(values, n, k) when `transposed` (stored [N, K]), else quantizeColumns4(values, k, n):
 * the same result, on two threads when the weight is big enough and the helper is there.
 */
export function quantizeMatrix4(values: Float32Array, k: number, n: number, transposed: boolean, opts: Int4Options, minValues = PARALLEL_MIN_VALUES): Int4Blocks {
  return onTwoThreads(values, k, n, transposed, opts, minValues);
}

/**
 * quantizeWithSpanFeedback(values, k, n, transposed, opts, factors, span): the same result, on two threads
 * when the weight is big enough and the helper is there. gptq's walk (span/2 multiply-adds a weight: 384
 * at spans of 768) costs several times the block fits alone, and before this it ran on one core.
 */
export function quantizeMatrixWithSpanFeedback(
  values: Float32Array, k: number, n: number, transposed: boolean, opts: Int4Options, spans: SpanFeedback, minValues = PARALLEL_MIN_VALUES,
): Int4Blocks {
  return onTwoThreads(values, k, n, transposed, opts, minValues, spans);
}

/** One thread's walk over result rows [from, to) (all of them by default). */
function walk(values: Float32Array, k: number, n: number, transposed: boolean, opts: Int4Options, spans?: SpanFeedback, from = 0, to = n): Int4Blocks {
  if (spans) return quantizeWithSpanFeedback(values, k, n, transposed, opts, spans.factors, spans.span, from, to);
  if (transposed) return quantizeRows4(values.subarray(from * k, to * k), to - from, k, opts);
  return quantizeColumns4(values, k, n, opts, from, to);
}

function onTwoThreads(values: Float32Array, k: number, n: number, transposed: boolean, opts: Int4Options, minValues: number, spans?: SpanFeedback): Int4Blocks {
  const scaleType = opts.storeScale === undefined || opts.storeScale === Math.fround ? 'float32' : opts.storeScale === roundToFloat16 ? 'float16' : undefined;
  const mid = Math.floor(n / 2 / SPLIT_ALIGN) * SPLIT_ALIGN;
  if (k * n < minValues || mid === 0 || !scaleType || opts.blockErrors) return walk(values, k, n, transposed, opts, spans);
  const h = startInt4Helper();
  if (!h || h.broken) return walk(values, k, n, transposed, opts, spans);
  const { storeScale: _s, blockErrors: _b, ...plain } = opts;
  const job: WorkerJob = { values: share(values, k, n, transposed, mid), k, cols: n - mid, transposed, opts: { ...plain, scaleType }, spans };
  Atomics.store(h.flag, 0, 0);
  // The factors are cloned, not moved: this thread keeps them (q, k and v share one activation's).
  h.port.postMessage(job, [job.values.buffer as ArrayBuffer]);
  const kBlocks = Math.ceil(k / opts.blockSize);
  const mine = new Float64Array(mid * kBlocks * 2);
  const low = walk(values, k, n, transposed, { ...opts, blockErrors: mine }, spans, 0, mid);
  const answer = awaitAnswer(h);
  let high: { result: Int4Blocks; blockErrors: Float64Array };
  if (answer?.result && answer.blockErrors) {
    high = { result: answer.result, blockErrors: answer.blockErrors };
    helperCounts.answered++;
  } else {
    helperCounts.fallbacks++;
    if (!answer) h.broken = true; // timed out: do not wait on it again
    high = runJob({ ...job, values: share(values, k, n, transposed, mid) });
  }
  // The order the one-thread walk adds block errors in (sumBlockErrors' groups).
  const groupBlocks = spans ? spans.span / opts.blockSize : transposed ? kBlocks : 1;
  return merge(low, mine, high.result, high.blockErrors, n, kBlocks, groupBlocks);
}

/** The two halves as one Int4Blocks, errors summed in the order the one-thread walk adds them. */
function merge(low: Int4Blocks, lowErr: Float64Array, high: Int4Blocks, highErr: Float64Array, n: number, kBlocks: number, groupBlocks: number): Int4Blocks {
  const data = new Uint8Array(low.data.length + high.data.length);
  data.set(low.data);
  data.set(high.data, low.data.length);
  const scales = new Float32Array(n * kBlocks);
  scales.set(low.scales);
  scales.set(high.scales, low.scales.length);
  let zeroPoints: Uint8Array | undefined;
  if (low.zeroPoints && high.zeroPoints) {
    zeroPoints = new Uint8Array(low.zeroPoints.length + high.zeroPoints.length);
    zeroPoints.set(low.zeroPoints);
    zeroPoints.set(high.zeroPoints, low.zeroPoints.length);
  }
  // Rows [0, mid) then [mid, n): together the one-thread layout of per-block errors.
  const errors = new Float64Array(lowErr.length + highErr.length);
  errors.set(lowErr);
  errors.set(highErr, lowErr.length);
  const { sqError, sqNorm } = sumBlockErrors(errors, n, kBlocks, groupBlocks);
  return { data, scales, zeroPoints, kBlocks, rowBytes: low.rowBytes, sqError, sqNorm };
}
