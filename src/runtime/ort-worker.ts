/**
 * The onnxruntime-node side of the host (ort-runner.ts), run as a forked child process. onnxruntime is
 * native code: a hostile or broken model can crash it with a signal (SIGSEGV, SIGABRT from a failed
 * ORT_ENFORCE) that no JavaScript try/catch survives. Running it here turns such a crash into the death of
 * this process, which the parent reports as a clear error.
 *
 * Protocol (IPC, advanced serialization): requests {seq, op, ...}; one reply {seq, ok, result | error}.
 */
import { performance } from 'node:perf_hooks';
import * as ort from 'onnxruntime-node';
import { ownedBytes, type NamedTensor } from './named-tensor.js';
import type { LoadOptions, OrtRequest, OrtReply, StatRequest, StatsResult, ValueMetadata } from './ort-protocol.js';
import { ChannelMoments, createStat, type TensorStat } from './calibration-stats.js';

const sessions = new Map<number, ort.InferenceSession>();
let nextId = 1;

/** Typed-array constructor per ORT type; float16 travels as its bit pattern (ORT accepts Uint16Array). */
const ARRAY_OF: Record<string, new (buf: ArrayBuffer) => ArrayBufferView> = {
  float32: Float32Array, float64: Float64Array, int8: Int8Array, uint8: Uint8Array, bool: Uint8Array,
  int16: Int16Array, uint16: Uint16Array, int32: Int32Array, uint32: Uint32Array, int64: BigInt64Array,
  uint64: BigUint64Array, float16: Uint16Array,
};

function toOrt(t: NamedTensor): ort.Tensor {
  if (Array.isArray(t.data)) return new ort.Tensor('string', t.data, t.dims);
  const Ctor = ARRAY_OF[t.type];
  if (!Ctor) throw new Error(`input '${t.name}': onnxruntime-node cannot take ${t.type} tensors`);
  // The IPC copy may sit at any offset of a shared pool: typed arrays need their own aligned buffer.
  const data = new Ctor(ownedBytes(t.data).buffer as ArrayBuffer);
  return new ort.Tensor(t.type as 'float32', data as Float32Array, t.dims);
}

function fromOrt(name: string, v: ort.OnnxValue): NamedTensor {
  if (!(v instanceof ort.Tensor)) throw new Error(`output '${name}' is not a tensor; onnxruntime-node cannot return it`);
  const dims = [...v.dims];
  if (v.type === 'string') return { name, type: 'string', dims, data: [...(v.data as string[])] };
  const d = v.data as ArrayBufferView;
  return { name, type: v.type, dims, data: ownedBytes(new Uint8Array(d.buffer, d.byteOffset, d.byteLength)) };
}

function metadata(list: readonly ort.InferenceSession.ValueMetadata[]): ValueMetadata[] {
  return list.map((m) => (m.isTensor
    ? { name: m.name, isTensor: true, type: String(m.type), dims: [...m.shape] }
    : { name: m.name, isTensor: false, type: 'non-tensor', dims: [] }));
}

async function load(modelPath: string, opts: LoadOptions) {
  const t0 = performance.now();
  const session = await ort.InferenceSession.create(modelPath, {
    intraOpNumThreads: opts.threads ?? 1,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: opts.graphOptimizationLevel ?? 'all',
    // The binding rejects an explicit `undefined` here.
    ...(opts.optimizedModelFilePath !== undefined ? { optimizedModelFilePath: opts.optimizedModelFilePath } : {}),
    // Warnings (e.g. unused initializers) are the parent's business to report, not stderr noise.
    logSeverityLevel: 3,
  });
  const loadMs = performance.now() - t0;
  const id = nextId++;
  sessions.set(id, session);
  return { id, loadMs, inputs: metadata(session.inputMetadata), outputs: metadata(session.outputMetadata) };
}

async function run(id: number, feeds: NamedTensor[], outputNames?: string[]) {
  const session = sessions.get(id);
  if (!session) throw new Error(`no session ${id} (released, or lost in an earlier crash)`);
  const ortFeeds: Record<string, ort.Tensor> = {};
  for (const f of feeds) ortFeeds[f.name] = toOrt(f);
  const names = outputNames ?? session.outputNames;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const result = await session.run(ortFeeds, [...names]);
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  const outputs = names.map((n) => fromOrt(n, result[n]!));
  for (const t of Object.values(ortFeeds)) t.dispose();
  return { outputs, ms, cpuMs: (c.user + c.system) / 1000 };
}

/** The value of a one-element float tensor (an in-graph reduction), NaN if it is anything else. */
function scalarOf(v: ort.OnnxValue | undefined): number {
  return v instanceof ort.Tensor && v.type === 'float32' && v.data.length === 1 ? (v.data as Float32Array)[0]! : NaN;
}

/** Calibration statistics per session: activations are reduced here, so only ranges cross the IPC channel. */
const sessionStats = new Map<number, Map<string, TensorStat>>();
const sessionMoments = new Map<number, Map<string, ChannelMoments>>();

async function runStats(id: number, feeds: NamedTensor[], outputNames: string[], requests: StatRequest[]) {
  const session = sessions.get(id);
  if (!session) throw new Error(`no session ${id} (released, or lost in an earlier crash)`);
  const ortFeeds: Record<string, ort.Tensor> = {};
  for (const f of feeds) ortFeeds[f.name] = toOrt(f);
  const t0 = performance.now();
  const result = outputNames.length ? await session.run(ortFeeds, outputNames) : {};
  const ms = performance.now() - t0;
  let stats = sessionStats.get(id);
  if (!stats) sessionStats.set(id, (stats = new Map()));
  let moments = sessionMoments.get(id);
  if (!moments) sessionMoments.set(id, (moments = new Map()));
  const statOf = (name: string, method: StatRequest['method']) => {
    let stat = stats!.get(name);
    if (!stat) stats!.set(name, (stat = createStat(method)));
    return stat;
  };
  const addMoments = (name: string, block: number, v: ort.Tensor) => {
    const k = v.dims[v.dims.length - 1];
    if (!k) return;
    let m = moments!.get(name);
    if (!m) moments!.set(name, (m = new ChannelMoments(k, block)));
    // A sample whose last axis differs from the first's is not the same channels: left out.
    if (m.channels === k) m.add(v.data as Float32Array);
  };
  const readInFull: StatRequest[] = [];
  for (const request of requests) {
    const { name, method, moments: wantMoments, reduced, gram } = request;
    const v = result[name] ?? ortFeeds[name];
    let finite: [number, number] | undefined;
    if (reduced) {
      const [lo, hi, sum] = [scalarOf(result[reduced.min]), scalarOf(result[reduced.max]), scalarOf(result[reduced.sum])];
      // ReduceMin/Max of values with a NaN can skip it or return a wrong value (onnxruntime's vector
      // min keeps its second operand): only a finite sum vouches for them.
      if (Number.isFinite(lo) && Number.isFinite(hi) && Number.isFinite(sum)) finite = [lo, hi];
      if (method === 'minmax') {
        if (!finite) {
          readInFull.push(request);
          continue;
        }
        statOf(name, method).addRange!(...finite);
        // Finite values, so the in-graph Gram is theirs (a NaN or Inf would have poisoned its block).
        const [g, sums, shape] = gram ? [result[gram.out], result[gram.sum], result[gram.shape]] : [];
        if (gram && g instanceof ort.Tensor && g.type === 'float32' && sums instanceof ort.Tensor && sums.type === 'float32' && shape instanceof ort.Tensor) {
          let m = moments.get(name);
          if (!m) moments.set(name, (m = new ChannelMoments(gram.channels, wantMoments!)));
          m.addGram(g.data as Float32Array, Number((shape.data as BigInt64Array)[0]), sums.data as Float32Array);
        }
        continue;
      }
    }
    if (!(v instanceof ort.Tensor) || v.type !== 'float32') continue;
    const stat = statOf(name, method);
    if (finite && stat.addFinite) stat.addFinite(v.data as Float32Array, ...finite);
    else stat.add(v.data as Float32Array);
    if (wantMoments) addMoments(name, wantMoments, v);
  }
  if (readInFull.length) {
    // A graph input is at hand in the feeds; the rest are run again and fetched.
    const again = readInFull.map((r) => r.name).filter((n) => !ortFeeds[n]);
    const full = again.length ? await session.run(ortFeeds, again) : {};
    for (const { name, moments: wantMoments } of readInFull) {
      const v = ortFeeds[name] ?? full[name];
      if (!(v instanceof ort.Tensor) || v.type !== 'float32') continue;
      statOf(name, 'minmax').add(v.data as Float32Array);
      // Non-finite values count as 0 in ChannelMoments.add, as they would have without the Gram.
      if (wantMoments) addMoments(name, wantMoments, v);
    }
    for (const v of Object.values(full)) if (v instanceof ort.Tensor) v.dispose();
  }
  for (const t of [...Object.values(ortFeeds), ...Object.values(result)]) if (t instanceof ort.Tensor) t.dispose();
  return { ms };
}

function takeStats(id: number): StatsResult {
  const stats = sessionStats.get(id) ?? new Map<string, TensorStat>();
  let stateBytes = 0;
  const ranges: StatsResult['ranges'] = [];
  for (const [name, stat] of stats) {
    const r = stat.range();
    ranges.push([name, r.min, r.max]);
    stateBytes += stat.stateBytes;
  }
  const moments: StatsResult['moments'] = [];
  for (const [name, m] of sessionMoments.get(id) ?? []) {
    moments.push([name, m.means(), m.block, m.rows, m.block > 1 ? m.blockMeans() : undefined, m.firstMeans()]);
    stateBytes += m.stateBytes;
  }
  return { ranges, moments, stateBytes, peakRssBytes: process.resourceUsage().maxRSS * 1024 };
}

async function handle(req: OrtRequest): Promise<unknown> {
  switch (req.op) {
    case 'load': return load(req.modelPath, req.options);
    case 'run': return run(req.id, req.feeds, req.outputNames);
    case 'runStats': return runStats(req.id, req.feeds, req.outputNames, req.stats);
    case 'takeStats': return takeStats(req.id);
    case 'release': {
      const s = sessions.get(req.id);
      sessions.delete(req.id);
      sessionStats.delete(req.id);
      sessionMoments.delete(req.id);
      await s?.release();
      return null;
    }
  }
}

process.on('message', (req: OrtRequest) => {
  handle(req).then(
    (result) => process.send!({ seq: req.seq, ok: true, result } satisfies OrtReply),
    (e: unknown) => process.send!({ seq: req.seq, ok: false, error: e instanceof Error ? e.message : String(e) } satisfies OrtReply),
  );
});
// The parent went away: nothing left to serve.
process.on('disconnect', () => process.exit(0));
