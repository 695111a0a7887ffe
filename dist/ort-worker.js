import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/runtime/ort-worker.ts
import { performance } from "node:perf_hooks";
import * as ort from "onnxruntime-node";

// src/onnx/dtype.ts
var DataType = {
  UNDEFINED: 0,
  FLOAT: 1,
  UINT8: 2,
  INT8: 3,
  UINT16: 4,
  INT16: 5,
  INT32: 6,
  INT64: 7,
  STRING: 8,
  BOOL: 9,
  FLOAT16: 10,
  DOUBLE: 11,
  UINT32: 12,
  UINT64: 13,
  COMPLEX64: 14,
  COMPLEX128: 15,
  BFLOAT16: 16,
  FLOAT8E4M3FN: 17,
  FLOAT8E4M3FNUZ: 18,
  FLOAT8E5M2: 19,
  FLOAT8E5M2FNUZ: 20,
  UINT4: 21,
  INT4: 22,
  FLOAT4E2M1: 23,
  FLOAT8E8M0: 24,
  UINT2: 25,
  INT2: 26
};
var NAMES = [];
for (const [k, v] of Object.entries(DataType)) NAMES[v] = k.toLowerCase();
var ORT_TYPE = {
  1: "float32",
  2: "uint8",
  3: "int8",
  4: "uint16",
  5: "int16",
  6: "int32",
  7: "int64",
  8: "string",
  9: "bool",
  10: "float16",
  11: "float64",
  12: "uint32",
  13: "uint64",
  21: "uint4",
  22: "int4"
};

// src/onnx/float16.ts
var f32 = new Float32Array(1);
var u32 = new Uint32Array(f32.buffer);

// src/runtime/named-tensor.ts
var ONNX_TYPE_OF_ORT = Object.fromEntries(
  Object.entries(ORT_TYPE).map(([code, name]) => [name, Number(code)])
);
var FEEDABLE = /* @__PURE__ */ new Set([
  DataType.FLOAT,
  DataType.UINT8,
  DataType.INT8,
  DataType.UINT16,
  DataType.INT16,
  DataType.INT32,
  DataType.INT64,
  DataType.STRING,
  DataType.BOOL,
  DataType.FLOAT16,
  DataType.DOUBLE,
  DataType.UINT32,
  DataType.UINT64
]);
var utf8 = new TextDecoder("utf-8");
function ownedBytes(bytes) {
  const out = new Uint8Array(bytes.byteLength);
  out.set(bytes);
  return out;
}

// src/runtime/calibration-stats.ts
var HISTOGRAM_BINS = 4096;
var DEFAULT_PERCENTILE = 99.999;
var QUANTIZED_BINS = 128;
var ENTROPY_BINS = 2048;
var MinMaxStat = class {
  min = Infinity;
  max = -Infinity;
  add(values) {
    let lo = this.min;
    let hi = this.max;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    this.min = lo;
    this.max = hi;
  }
  /** Folds in a sample's own min and max (finite, reduced in onnxruntime): the same as add() of its values. */
  addRange(min, max) {
    if (min < this.min) this.min = min;
    if (max > this.max) this.max = max;
  }
  range() {
    return this.min <= this.max ? { min: this.min, max: this.max } : { min: 0, max: 0 };
  }
};
function powerOfTwoAtLeast(x) {
  let r = 2 ** Math.ceil(Math.log2(x));
  while (r < x) r *= 2;
  while (r / 2 >= x) r /= 2;
  return r;
}
var DyadicHistogram = class {
  constructor(bins = HISTOGRAM_BINS) {
    this.bins = bins;
    if (bins < 4 || (bins & bins - 1) !== 0) throw new Error(`histogram bins must be a power of two \u2265 4, not ${bins}`);
    this.counts = new Float64Array(bins);
  }
  bins;
  counts;
  /** Half-width of the covered range; 0 until a non-zero value was seen. */
  radius = 0;
  minMax = new MinMaxStat();
  /** Values seen, NaN excluded. */
  total = 0;
  /** Halves the resolution until [-R, R] covers `absmax`: bin i moves to bins/4 + ⌊i/2⌋. */
  grow(absmax) {
    const target = powerOfTwoAtLeast(absmax);
    if (this.radius === 0) {
      this.radius = target;
      return;
    }
    const c = this.counts;
    const n = this.bins;
    while (this.radius < target) {
      const merged = new Float64Array(n);
      for (let i = 0; i < n; i++) merged[n / 4 + (i >> 1)] += c[i];
      c.set(merged);
      this.radius *= 2;
    }
  }
  add(values) {
    this.minMax.add(values);
    this.bin(values, true);
  }
  /**
   * add() of values known to be finite, with their min and max reduced in onnxruntime: the same counts,
   * without the min-max pass and the NaN test per value.
   */
  addFinite(values, min, max) {
    this.minMax.addRange(min, max);
    this.bin(values, false);
  }
  bin(values, mayHoldNaN) {
    const { min, max } = this.minMax;
    if (min === -Infinity || max === Infinity) return;
    const absmax = Math.max(Math.abs(min), Math.abs(max));
    if (!(absmax > 0)) {
      if (absmax === 0) this.grow(1);
      else return;
    } else if (absmax > this.radius) this.grow(absmax);
    const n = this.bins;
    const r = this.radius;
    const perUnit = n / (2 * r);
    const c = this.counts;
    if (!mayHoldNaN) {
      for (let i = 0; i < values.length; i++) {
        const k = Math.floor((values[i] + r) * perUnit);
        c[k < n ? k : n - 1]++;
      }
      this.total += values.length;
      return;
    }
    let seen = 0;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v !== v) continue;
      let k = Math.floor((v + r) * perUnit);
      if (k >= n) k = n - 1;
      c[k]++;
      seen++;
    }
    this.total += seen;
  }
  /** Left edge of bin k (k = bins gives R). */
  edge(k) {
    return -this.radius + 2 * this.radius * k / this.bins;
  }
  /** Bytes of state: fixed, whatever the number of samples. */
  get stateBytes() {
    return this.counts.byteLength;
  }
};
function searchCdf(counts, target, total) {
  let acc = 0;
  for (let k = 0; k < counts.length; k++) {
    acc += counts[k];
    if (acc / total >= target) return k;
  }
  return counts.length - 1;
}
function percentileRange(h, percentile = DEFAULT_PERCENTILE, symmetric = false) {
  const { min, max } = h.minMax.range();
  if (h.total === 0 || h.radius === 0 || !Number.isFinite(min) || !Number.isFinite(max)) return { min, max };
  let lo;
  let hi;
  if (symmetric) {
    const half = h.bins / 2;
    const abs = new Float64Array(half);
    for (let k2 = 0; k2 < half; k2++) abs[k2] = h.counts[half + k2] + h.counts[half - 1 - k2];
    const k = searchCdf(abs, percentile / 100, h.total);
    hi = h.edge(half + k + 1);
    lo = -hi;
  } else {
    const cut = (100 - percentile) / 200;
    lo = h.edge(searchCdf(h.counts, cut, h.total));
    hi = h.edge(searchCdf(h.counts, 1 - cut, h.total) + 1);
  }
  return { min: Math.max(lo, min), max: Math.min(hi, max) };
}
var SMOOTH_EPS = 1e-4;
function klDivergence(p, q, len, sp, sq) {
  let kl = 0;
  let lastP = NaN;
  let lastQ = NaN;
  let term = 0;
  for (let i = 0; i < len; i++) {
    const a = p[i];
    const b = q[i];
    if (a !== lastP || b !== lastQ) {
      const pi = a / sp;
      term = pi > 0 ? pi * Math.log(pi / (b / sq)) : 0;
      lastP = a;
      lastQ = b;
    }
    kl += term;
  }
  return kl;
}
function entropyRange(h, quantizedBins = QUANTIZED_BINS) {
  const { min, max } = h.minMax.range();
  if (h.total === 0 || h.radius === 0 || !Number.isFinite(min) || !Number.isFinite(max)) return { min, max };
  const factor = Math.max(1, h.bins / ENTROPY_BINS);
  const n = h.bins / factor;
  const hist = new Float64Array(n);
  for (let k = 0; k < h.bins; k++) hist[Math.floor(k / factor)] += h.counts[k];
  const best = entropyWindow(hist, quantizedBins);
  const width = 2 * h.radius / n;
  return { min: Math.max(-h.radius + width * best.start, min), max: Math.min(-h.radius + width * best.end, max) };
}
function entropyWindow(hist, quantizedBins = QUANTIZED_BINS) {
  const n = hist.length;
  const prefix = new Float64Array(n + 1);
  const nonZeros = new Int32Array(n + 1);
  for (let k = 0; k < n; k++) {
    prefix[k + 1] = prefix[k] + hist[k];
    nonZeros[k + 1] = nonZeros[k] + (hist[k] !== 0 ? 1 : 0);
  }
  const zero = Math.floor(n / 2);
  const halfQ = Math.floor(quantizedBins / 2);
  let best = Infinity;
  let bestI = halfQ;
  const ps = new Float64Array(n + 1);
  const qs = new Float64Array(n + 1);
  const level = new Float64Array(quantizedBins);
  for (let i = halfQ; i <= zero; i++) {
    const start = zero - i;
    const end = Math.min(zero + i + 1, n);
    const len = end - start;
    const first = hist[start] + prefix[start];
    const last = hist[end - 1] + (prefix[n] - prefix[end]);
    const pNonZero = (a, b) => {
      let c = nonZeros[start + b] - nonZeros[start + a];
      if (a === 0) c += (first !== 0 ? 1 : 0) - (hist[start] !== 0 ? 1 : 0);
      if (a <= len - 1 && len - 1 < b) c += (last !== 0 ? 1 : 0) - (hist[end - 1] !== 0 ? 1 : 0);
      return c;
    };
    const merged = Math.floor(len / quantizedBins);
    let qZeros = len - quantizedBins * merged;
    for (let b = 0; b < quantizedBins; b++) {
      const s0 = b * merged;
      const e = b === quantizedBins - 1 ? len : s0 + merged;
      const sum = prefix[start + e] - prefix[start + s0];
      const nonZero = pNonZero(s0, s0 + merged);
      level[b] = nonZero === 0 ? 0 : Math.trunc(sum / nonZero);
      if (level[b] === 0) qZeros += merged;
    }
    const pNon = pNonZero(0, len);
    const qNon = len - qZeros;
    let kl = Infinity;
    if (pNon > 0 && qNon > 0) {
      const pEps1 = SMOOTH_EPS * (len - pNon) / pNon;
      const qEps1 = SMOOTH_EPS * qZeros / qNon;
      const spread = quantizedBins * merged;
      for (let k = 0; k < len; k++) {
        const a = hist[start + k];
        ps[k] = a === 0 ? SMOOTH_EPS : a - pEps1;
      }
      ps[0] = first === 0 ? SMOOTH_EPS : first - pEps1;
      ps[len - 1] = last === 0 ? SMOOTH_EPS : last - pEps1;
      for (let b = 0, k = 0; b < quantizedBins; b++) {
        const v = level[b];
        const y = v === 0 ? SMOOTH_EPS : v - qEps1;
        for (const e = k + merged; k < e; k++) qs[k] = y;
      }
      qs.fill(SMOOTH_EPS, spread, len);
      let sp = 0;
      let sq = 0;
      for (let k = 0; k < len; k++) {
        sp += ps[k];
        sq += qs[k];
      }
      kl = klDivergence(ps, qs, len, sp, sq);
    }
    if (kl < best) {
      best = kl;
      bestI = i;
    }
  }
  return { start: zero - bestI, end: Math.min(zero + bestI + 1, n) };
}
function guardedEntropyRange(h) {
  const e = entropyRange(h);
  const p = percentileRange(h, ENTROPY_FLOOR_PERCENTILE);
  return { min: Math.min(e.min, p.min), max: Math.max(e.max, p.max) };
}
var ENTROPY_FLOOR_PERCENTILE = 99.999;
function createStat(method, percentile = DEFAULT_PERCENTILE) {
  if (method === "minmax") {
    const s = new MinMaxStat();
    return { add: (v) => s.add(v), addRange: (lo, hi) => s.addRange(lo, hi), range: () => s.range(), stateBytes: 16 };
  }
  const h = new DyadicHistogram();
  return {
    add: (v) => h.add(v),
    addFinite: (v, lo, hi) => h.addFinite(v, lo, hi),
    range: () => method === "percentile" ? percentileRange(h, percentile) : guardedEntropyRange(h),
    get stateBytes() {
      return h.stateBytes + 16;
    }
  };
}
var MOMENT_ROWS = 64;
var MOMENT_TILE = new Float64Array(32 * MOMENT_ROWS);
var ChannelMoments = class {
  constructor(channels, block = 1) {
    this.channels = channels;
    this.block = block;
    this.sums = new Float64Array(channels * block);
    this.firstSums = new Float64Array(channels);
    if (block * MOMENT_ROWS > MOMENT_TILE.length) MOMENT_TILE = new Float64Array(block * MOMENT_ROWS);
  }
  channels;
  block;
  /** Row i: Σ x_i·x_j for j = blockStart(i) + jj, jj < block (block 1: Σ x_i²). */
  sums;
  /** Σ x_i per channel (non-finite as 0): E[x], for the bias correction of int4 awq / gptq. */
  firstSums;
  /** Rows (positions) folded in. */
  rows = 0;
  add(values) {
    const k = this.channels;
    const b = this.block;
    if (values.length % k !== 0) throw new Error(`channel moments: ${values.length} values are not rows of ${k}`);
    const rows = values.length / k;
    const s = this.sums;
    const first = this.firstSums;
    const tile = MOMENT_TILE;
    for (let r0 = 0; r0 < rows; r0 += MOMENT_ROWS) {
      const n = Math.min(rows, r0 + MOMENT_ROWS) - r0;
      for (let b0 = 0; b0 < k; b0 += b) {
        const len = Math.min(k, b0 + b) - b0;
        for (let r = 0; r < n; r++) {
          const at = (r0 + r) * k + b0;
          for (let i = 0; i < len; i++) {
            const x = values[at + i];
            const v = Number.isFinite(x) ? x : 0;
            tile[i * MOMENT_ROWS + r] = v;
            first[b0 + i] += v;
          }
        }
        for (let i = 0; i < len; i++) {
          const ti = i * MOMENT_ROWS;
          const base = (b0 + i) * b;
          let j = i;
          for (; j + 3 < len; j += 4) {
            const tj = j * MOMENT_ROWS;
            let a0 = s[base + j];
            let a1 = s[base + j + 1];
            let a2 = s[base + j + 2];
            let a3 = s[base + j + 3];
            for (let r = 0; r < n; r++) {
              const x = tile[ti + r];
              a0 += x * tile[tj + r];
              a1 += x * tile[tj + MOMENT_ROWS + r];
              a2 += x * tile[tj + 2 * MOMENT_ROWS + r];
              a3 += x * tile[tj + 3 * MOMENT_ROWS + r];
            }
            s[base + j] = a0;
            s[base + j + 1] = a1;
            s[base + j + 2] = a2;
            s[base + j + 3] = a3;
          }
          for (; j < len; j++) {
            const tj = j * MOMENT_ROWS;
            let a0 = s[base + j];
            for (let r = 0; r < n; r++) a0 += tile[ti + r] * tile[tj + r];
            s[base + j] = a0;
          }
        }
      }
    }
    this.rows += rows;
  }
  /**
   * Folds in one sample's Gram blocks computed in onnxruntime (calibrate.ts, in-graph moments): `gram` is
   * [K / block, block, block], Σ over the sample's `rows` rows of x_i·x_j within each block, the layout of
   * `sums`; `sums` the sample's Σ x_i per channel. Only j ≥ i is kept, as add() fills it. The products were summed in float32 over the sample's
   * rows (one sample: 128 tokens, say), the samples are summed here in double.
   */
  addGram(gram, rows, sums) {
    const k = this.channels;
    const b = this.block;
    const g = Math.min(b, k);
    if (gram.length !== k * g || k % g !== 0) throw new Error(`channel moments: a Gram of ${gram.length} values is not ${k / g} blocks of ${g}\xD7${g}`);
    const s = this.sums;
    for (let i = 0; i < k; i++) {
      const from = i * g;
      const to = i * b;
      for (let jj = i % g; jj < g; jj++) s[to + jj] += gram[from + jj];
    }
    if (sums.length !== k) throw new Error(`channel moments: ${sums.length} channel sums for ${k} channels`);
    for (let i = 0; i < k; i++) this.firstSums[i] += sums[i];
    this.rows += rows;
  }
  /** E[x_k] per channel (zeros before any sample). */
  firstMeans() {
    const out = new Float32Array(this.channels);
    if (this.rows) for (let i = 0; i < this.channels; i++) out[i] = this.firstSums[i] / this.rows;
    return out;
  }
  /** E[x_k²] per channel (zeros before any sample). */
  means() {
    const out = new Float32Array(this.channels);
    const b = this.block;
    if (this.rows) for (let i = 0; i < this.channels; i++) out[i] = this.sums[i * b + i % b] / this.rows;
    return out;
  }
  /** E[x_i·x_j] within blocks, both triangles filled: row i holds j = blockStart(i) … + block − 1. */
  blockMeans() {
    const b = this.block;
    const out = new Float32Array(this.channels * b);
    if (!this.rows) return out;
    for (let i = 0; i < this.channels; i++) {
      const b0 = i - i % b;
      for (let j = i; j < Math.min(this.channels, b0 + b); j++) {
        const v = this.sums[i * b + j - b0] / this.rows;
        out[i * b + j - b0] = v;
        out[j * b + i - b0] = v;
      }
    }
    return out;
  }
  get stateBytes() {
    return this.sums.byteLength + this.firstSums.byteLength + 8;
  }
};

// src/runtime/ort-worker.ts
var sessions = /* @__PURE__ */ new Map();
var nextId = 1;
var ARRAY_OF = {
  float32: Float32Array,
  float64: Float64Array,
  int8: Int8Array,
  uint8: Uint8Array,
  bool: Uint8Array,
  int16: Int16Array,
  uint16: Uint16Array,
  int32: Int32Array,
  uint32: Uint32Array,
  int64: BigInt64Array,
  uint64: BigUint64Array,
  float16: Uint16Array
};
function toOrt(t) {
  if (Array.isArray(t.data)) return new ort.Tensor("string", t.data, t.dims);
  const Ctor = ARRAY_OF[t.type];
  if (!Ctor) throw new Error(`input '${t.name}': onnxruntime-node cannot take ${t.type} tensors`);
  const data = new Ctor(ownedBytes(t.data).buffer);
  return new ort.Tensor(t.type, data, t.dims);
}
function fromOrt(name, v) {
  if (!(v instanceof ort.Tensor)) throw new Error(`output '${name}' is not a tensor; onnxruntime-node cannot return it`);
  const dims = [...v.dims];
  if (v.type === "string") return { name, type: "string", dims, data: [...v.data] };
  const d = v.data;
  return { name, type: v.type, dims, data: ownedBytes(new Uint8Array(d.buffer, d.byteOffset, d.byteLength)) };
}
function metadata(list) {
  return list.map((m) => m.isTensor ? { name: m.name, isTensor: true, type: String(m.type), dims: [...m.shape] } : { name: m.name, isTensor: false, type: "non-tensor", dims: [] });
}
async function load(modelPath, opts) {
  const t0 = performance.now();
  const session = await ort.InferenceSession.create(modelPath, {
    intraOpNumThreads: opts.threads ?? 1,
    interOpNumThreads: 1,
    executionMode: "sequential",
    graphOptimizationLevel: opts.graphOptimizationLevel ?? "all",
    // The binding rejects an explicit `undefined` here.
    ...opts.optimizedModelFilePath !== void 0 ? { optimizedModelFilePath: opts.optimizedModelFilePath } : {},
    // Warnings (e.g. unused initializers) are the parent's business to report, not stderr noise.
    logSeverityLevel: 3
  });
  const loadMs = performance.now() - t0;
  const id = nextId++;
  sessions.set(id, session);
  return { id, loadMs, inputs: metadata(session.inputMetadata), outputs: metadata(session.outputMetadata) };
}
async function run(id, feeds, outputNames) {
  const session = sessions.get(id);
  if (!session) throw new Error(`no session ${id} (released, or lost in an earlier crash)`);
  const ortFeeds = {};
  for (const f of feeds) ortFeeds[f.name] = toOrt(f);
  const names = outputNames ?? session.outputNames;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const result = await session.run(ortFeeds, [...names]);
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  const outputs = names.map((n) => fromOrt(n, result[n]));
  for (const t of Object.values(ortFeeds)) t.dispose();
  return { outputs, ms, cpuMs: (c.user + c.system) / 1e3 };
}
function scalarOf(v) {
  return v instanceof ort.Tensor && v.type === "float32" && v.data.length === 1 ? v.data[0] : NaN;
}
var sessionStats = /* @__PURE__ */ new Map();
var sessionMoments = /* @__PURE__ */ new Map();
async function runStats(id, feeds, outputNames, requests) {
  const session = sessions.get(id);
  if (!session) throw new Error(`no session ${id} (released, or lost in an earlier crash)`);
  const ortFeeds = {};
  for (const f of feeds) ortFeeds[f.name] = toOrt(f);
  const t0 = performance.now();
  const result = outputNames.length ? await session.run(ortFeeds, outputNames) : {};
  const ms = performance.now() - t0;
  let stats = sessionStats.get(id);
  if (!stats) sessionStats.set(id, stats = /* @__PURE__ */ new Map());
  let moments = sessionMoments.get(id);
  if (!moments) sessionMoments.set(id, moments = /* @__PURE__ */ new Map());
  const statOf = (name, method) => {
    let stat = stats.get(name);
    if (!stat) stats.set(name, stat = createStat(method));
    return stat;
  };
  const addMoments = (name, block, v) => {
    const k = v.dims[v.dims.length - 1];
    if (!k) return;
    let m = moments.get(name);
    if (!m) moments.set(name, m = new ChannelMoments(k, block));
    if (m.channels === k) m.add(v.data);
  };
  const readInFull = [];
  for (const request of requests) {
    const { name, method, moments: wantMoments, reduced, gram } = request;
    const v = result[name] ?? ortFeeds[name];
    let finite;
    if (reduced) {
      const [lo, hi, sum] = [scalarOf(result[reduced.min]), scalarOf(result[reduced.max]), scalarOf(result[reduced.sum])];
      if (Number.isFinite(lo) && Number.isFinite(hi) && Number.isFinite(sum)) finite = [lo, hi];
      if (method === "minmax") {
        if (!finite) {
          readInFull.push(request);
          continue;
        }
        statOf(name, method).addRange(...finite);
        const [g, sums, shape] = gram ? [result[gram.out], result[gram.sum], result[gram.shape]] : [];
        if (gram && g instanceof ort.Tensor && g.type === "float32" && sums instanceof ort.Tensor && sums.type === "float32" && shape instanceof ort.Tensor) {
          let m = moments.get(name);
          if (!m) moments.set(name, m = new ChannelMoments(gram.channels, wantMoments));
          m.addGram(g.data, Number(shape.data[0]), sums.data);
        }
        continue;
      }
    }
    if (!(v instanceof ort.Tensor) || v.type !== "float32") continue;
    const stat = statOf(name, method);
    if (finite && stat.addFinite) stat.addFinite(v.data, ...finite);
    else stat.add(v.data);
    if (wantMoments) addMoments(name, wantMoments, v);
  }
  if (readInFull.length) {
    const again = readInFull.map((r) => r.name).filter((n) => !ortFeeds[n]);
    const full = again.length ? await session.run(ortFeeds, again) : {};
    for (const { name, moments: wantMoments } of readInFull) {
      const v = ortFeeds[name] ?? full[name];
      if (!(v instanceof ort.Tensor) || v.type !== "float32") continue;
      statOf(name, "minmax").add(v.data);
      if (wantMoments) addMoments(name, wantMoments, v);
    }
    for (const v of Object.values(full)) if (v instanceof ort.Tensor) v.dispose();
  }
  for (const t of [...Object.values(ortFeeds), ...Object.values(result)]) if (t instanceof ort.Tensor) t.dispose();
  return { ms };
}
function takeStats(id) {
  const stats = sessionStats.get(id) ?? /* @__PURE__ */ new Map();
  let stateBytes = 0;
  const ranges = [];
  for (const [name, stat] of stats) {
    const r = stat.range();
    ranges.push([name, r.min, r.max]);
    stateBytes += stat.stateBytes;
  }
  const moments = [];
  for (const [name, m] of sessionMoments.get(id) ?? []) {
    moments.push([name, m.means(), m.block, m.rows, m.block > 1 ? m.blockMeans() : void 0, m.firstMeans()]);
    stateBytes += m.stateBytes;
  }
  return { ranges, moments, stateBytes, peakRssBytes: process.resourceUsage().maxRSS * 1024 };
}
async function handle(req) {
  switch (req.op) {
    case "load":
      return load(req.modelPath, req.options);
    case "run":
      return run(req.id, req.feeds, req.outputNames);
    case "runStats":
      return runStats(req.id, req.feeds, req.outputNames, req.stats);
    case "takeStats":
      return takeStats(req.id);
    case "release": {
      const s = sessions.get(req.id);
      sessions.delete(req.id);
      sessionStats.delete(req.id);
      sessionMoments.delete(req.id);
      await s?.release();
      return null;
    }
  }
}
process.on("message", (req) => {
  handle(req).then(
    (result) => process.send({ seq: req.seq, ok: true, result }),
    (e) => process.send({ seq: req.seq, ok: false, error: e instanceof Error ? e.message : String(e) })
  );
});
process.on("disconnect", () => process.exit(0));
