/**
 * onnxruntime-node behind a process boundary. The host forks ort-worker and talks to it over IPC; when
 * native code kills the child (a crash on a hostile model, an ORT abort), every pending call rejects with
 * an OrtCrashError naming the signal and what was being done, and the next load() starts a fresh child.
 * The CLI survives and can put the error in its report.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { feedsFor, inputTypes } from './feed-types.js';
import type { NamedTensor } from './named-tensor.js';
import type { LoadOptions, LoadResult, OrtReply, OrtRequest, RunResult, StatRequest, StatsResult } from './ort-protocol.js';

export type { LoadOptions, LoadResult, RunResult, ValueMetadata } from './ort-protocol.js';

/**
 * onnxruntime refused a call (a model it cannot load, inputs it cannot run). The message names what was
 * being done and the file; `said` is onnxruntime's own words alone, for messages that name the file
 * their own way.
 */
export class OrtCallError extends Error {
  override name = 'OrtCallError';
  constructor(what: string, readonly said: string) {
    super(`onnxruntime failed while ${what}: ${said}`);
  }
}

/** What onnxruntime said about a failed call (its first line): OrtCallError's own words, else the message. */
export function ortSaid(e: unknown): string {
  return (e instanceof OrtCallError ? e.said : e instanceof Error ? e.message : String(e)).split('\n')[0]!;
}

/** onnxruntime died or was stopped while serving a call. `stderr` holds the child's last words. */
export class OrtCrashError extends Error {
  override name = 'OrtCrashError';
  constructor(message: string, readonly stderr = '') {
    super(message);
  }
}

export interface OrtHostOptions {
  /** Default per-call timeout in ms (none by default). A timed-out call stops the child: native code cannot be interrupted. */
  timeoutMs?: number;
}

export interface CallOptions {
  timeoutMs?: number;
}

export interface OrtHost {
  load(modelPath: string, options?: LoadOptions & CallOptions): Promise<LoadResult>;
  run(id: number, feeds: NamedTensor[], outputNames?: string[], options?: CallOptions): Promise<RunResult>;
  release(id: number): Promise<void>;
  /** Runs `id` and folds the named outputs (or feeds) into its calibration statistics, in the child. */
  runStats(id: number, feeds: NamedTensor[], outputNames: string[], stats: StatRequest[]): Promise<{ ms: number }>;
  /** The ranges of the session's calibration statistics so far. */
  takeStats(id: number): Promise<StatsResult>;
  /** Stops the child (if any); the next load() starts a new one. Sessions of the old child are gone. */
  restart(): void;
  close(): Promise<void>;
  /** Pid of the current child, if one runs. */
  readonly pid: number | undefined;
}

interface Pending {
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
  what: string;
  timer?: NodeJS.Timeout;
}

interface SessionRef {
  child: ChildProcess;
  workerId: number;
  modelPath: string;
  /** The model's input types: float feeds are converted to the float type each declares (feed-types.ts). */
  inputTypes: Map<string, string>;
}

const STDERR_TAIL = 4096;

type WithoutSeq<T> = T extends unknown ? Omit<T, 'seq'> : never;

/** The worker beside this module: compiled `.js` (bundle, tsc build) first, else the `.ts` source via tsx. */
function workerEntry(): { file: string; execArgv: string[] } {
  const js = fileURLToPath(new URL('./ort-worker.js', import.meta.url));
  if (existsSync(js)) return { file: js, execArgv: [] };
  const ts = fileURLToPath(new URL('./ort-worker.ts', import.meta.url));
  if (existsSync(ts)) return { file: ts, execArgv: ['--import', import.meta.resolve('tsx')] };
  throw new Error(`onnxruntime worker not found next to ${fileURLToPath(import.meta.url)} (expected ort-worker.js); rebuild the bundle`);
}

class ForkedOrtHost implements OrtHost {
  private child: ChildProcess | undefined;
  private pending = new Map<number, Pending>();
  private sessions = new Map<number, SessionRef>();
  private seq = 0;
  private nextSession = 1;
  private stderr = '';

  constructor(private readonly options: OrtHostOptions) {}

  get pid() {
    return this.child?.pid;
  }

  private spawn(): ChildProcess {
    const { file, execArgv } = workerEntry();
    const child = fork(file, [], { serialization: 'advanced', execArgv, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    this.child = child;
    this.stderr = '';
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (s: string) => {
      if (this.child === child) this.stderr = (this.stderr + s).slice(-STDERR_TAIL);
    });
    child.on('message', (m: OrtReply) => this.settle(m));
    child.on('error', (e) => this.failAll(child, `onnxruntime worker failed: ${e.message}`));
    // After stop() or close() the child is already detached and this is a no-op.
    child.on('exit', (code, signal) => this.failAll(child, `onnxruntime crashed (${signal ?? `exit code ${code}`})`));
    return child;
  }

  private failAll(child: ChildProcess, message: string) {
    if (this.child !== child) return;
    this.child = undefined;
    const stderr = this.stderr.trim();
    for (const [seq, p] of this.pending) {
      clearTimeout(p.timer);
      this.pending.delete(seq);
      p.reject(new OrtCrashError(`${message} while ${p.what}`, stderr));
    }
  }

  private settle(m: OrtReply) {
    const p = this.pending.get(m.seq);
    if (!p) return;
    this.pending.delete(m.seq);
    clearTimeout(p.timer);
    if (this.pending.size === 0) this.idle(true);
    if (m.ok) p.resolve(m.result);
    else p.reject(new OrtCallError(p.what, m.error));
  }

  /** An idle child must not keep the parent's event loop alive (a CLI that forgot close() still exits). */
  private idle(yes: boolean) {
    const c = this.child;
    if (!c) return;
    // The stderr pipe is a handle of its own (a net.Socket) and would keep the loop alive too.
    const pipe = c.stderr as unknown as { ref?(): void; unref?(): void } | null;
    if (yes) { c.unref(); c.channel?.unref(); pipe?.unref?.(); } else { c.ref(); c.channel?.ref(); pipe?.ref?.(); }
  }

  private call<T>(child: ChildProcess, req: WithoutSeq<OrtRequest>, what: string, timeoutMs?: number): Promise<T> {
    const seq = ++this.seq;
    return new Promise<T>((resolve, reject) => {
      const p: Pending = { resolve: resolve as (v: unknown) => void, reject, what };
      const limit = timeoutMs ?? this.options.timeoutMs;
      if (limit !== undefined) {
        p.timer = setTimeout(() => this.stop(child, `timed out after ${limit >= 1000 ? `${(limit / 1000).toFixed(1)} s` : `${limit} ms`}`), limit);
      }
      this.pending.set(seq, p);
      this.idle(false);
      child.send({ ...req, seq } as OrtRequest, (e) => {
        if (e) this.failAll(child, `onnxruntime worker unreachable (${e.message})`);
      });
    });
  }

  /** Detaches the child (pending calls reject with `reason`) and kills it: native code cannot be interrupted. */
  private stop(child: ChildProcess, reason: string) {
    if (this.child !== child) return;
    this.failAll(child, `onnxruntime ${reason}`);
    child.kill('SIGKILL');
  }

  async load(modelPath: string, options: LoadOptions & CallOptions = {}): Promise<LoadResult> {
    const child = this.child ?? this.spawn();
    const { timeoutMs, ...loadOptions } = options;
    const r = await this.call<LoadResult>(child, { op: 'load', modelPath, options: loadOptions }, `loading ${modelPath}`, timeoutMs);
    const id = this.nextSession++;
    this.sessions.set(id, { child, workerId: r.id, modelPath, inputTypes: inputTypes(r.inputs) });
    return { ...r, id };
  }

  private session(id: number): SessionRef {
    const s = this.sessions.get(id);
    if (!s) throw new Error(`onnxruntime session ${id} does not exist (already released?)`);
    if (s.child !== this.child) {
      throw new OrtCrashError(`onnxruntime session for ${s.modelPath} was lost when its process stopped; load the model again`);
    }
    return s;
  }

  async run(id: number, feeds: NamedTensor[], outputNames?: string[], options: CallOptions = {}): Promise<RunResult> {
    const s = this.session(id);
    return this.call<RunResult>(s.child, { op: 'run', id: s.workerId, feeds: feedsFor(feeds, s.inputTypes), outputNames }, `running ${s.modelPath}`, options.timeoutMs);
  }

  async runStats(id: number, feeds: NamedTensor[], outputNames: string[], stats: StatRequest[]): Promise<{ ms: number }> {
    const s = this.session(id);
    return this.call(s.child, { op: 'runStats', id: s.workerId, feeds: feedsFor(feeds, s.inputTypes), outputNames, stats }, `calibrating on ${s.modelPath}`);
  }

  async takeStats(id: number): Promise<StatsResult> {
    const s = this.session(id);
    return this.call(s.child, { op: 'takeStats', id: s.workerId }, `reading calibration ranges of ${s.modelPath}`);
  }

  async release(id: number): Promise<void> {
    const s = this.sessions.get(id);
    this.sessions.delete(id);
    if (!s || s.child !== this.child) return;
    await this.call(s.child, { op: 'release', id: s.workerId }, `releasing ${s.modelPath}`);
  }

  restart(): void {
    if (this.child) this.stop(this.child, 'was restarted');
    this.sessions.clear();
  }

  async close(): Promise<void> {
    const child = this.child;
    this.sessions.clear();
    if (!child) return;
    const exited = child.exitCode !== null || child.signalCode !== null
      ? Promise.resolve()
      : new Promise<void>((resolve) => child.once('exit', () => resolve()));
    // An idle child is unref'd; waiting for its exit must hold the event loop, or a caller with nothing
    // else pending (a bench's last await) ends with "unsettled top-level await" (exit 13) when the worker
    // takes longer than the kill timer below to free a big model.
    this.idle(false);
    this.failAll(child, 'onnxruntime was closed');
    // Closing the IPC channel lets the worker exit on its own ('disconnect'); kill it if it lingers.
    if (child.connected) child.disconnect();
    const timer = setTimeout(() => child.kill('SIGKILL'), 2000);
    await exited;
    clearTimeout(timer);
  }
}

/** Starts a host; the child process is forked lazily by the first load(). */
export function startOrtHost(options: OrtHostOptions = {}): OrtHost {
  return new ForkedOrtHost(options);
}

/** Loads a model in a fresh child, runs it once on `feeds`, and stops the child. */
export async function runModelOnce(
  modelPath: string,
  feeds: NamedTensor[],
  options: LoadOptions & CallOptions & { outputNames?: string[] } = {},
): Promise<RunResult & { load: LoadResult }> {
  const host = startOrtHost({ timeoutMs: options.timeoutMs });
  try {
    const { outputNames, ...loadOptions } = options;
    const load = await host.load(modelPath, loadOptions);
    const result = await host.run(load.id, feeds, outputNames);
    return { ...result, load };
  } finally {
    await host.close();
  }
}
