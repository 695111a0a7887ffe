import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/stages/quant/int4-worker.ts
import { workerData } from "node:worker_threads";

// src/onnx/float16.ts
var f32 = new Float32Array(1);
var u32 = new Uint32Array(f32.buffer);
function toFloat16Bits(x) {
  f32[0] = x;
  const b = u32[0];
  const sign = b >>> 16 & 32768;
  const exp = b >>> 23 & 255;
  let mant = b & 8388607;
  if (exp === 255) return sign | 31744 | (mant ? 512 : 0);
  let e = exp - 127 + 15;
  if (e >= 31) return sign | 31744;
  if (e <= 0) {
    if (e < -10) return sign;
    mant |= 8388608;
    const shift = 14 - e;
    const half = 1 << shift - 1;
    let m2 = mant >>> shift;
    const rest2 = mant & (1 << shift) - 1;
    if (rest2 > half || rest2 === half && m2 & 1) m2++;
    return sign | m2;
  }
  let m = mant >>> 13;
  const rest = mant & 8191;
  if (rest > 4096 || rest === 4096 && m & 1) {
    m++;
    if (m === 1024) {
      m = 0;
      e++;
      if (e >= 31) return sign | 31744;
    }
  }
  return sign | e << 10 | m;
}
function fromFloat16Bits(h) {
  const sign = h & 32768 ? -1 : 1;
  const e = h >>> 10 & 31;
  const m = h & 1023;
  if (e === 0) return sign * m * 2 ** -24;
  if (e === 31) return m ? NaN : sign * Infinity;
  return sign * (1 + m / 1024) * 2 ** (e - 15);
}

// src/stages/fp16-numerics.ts
var FP16_MIN_SUBNORMAL = 2 ** -24;
function roundToFloat16(x) {
  return fromFloat16Bits(toFloat16Bits(x));
}

// src/stages/quant/block-solver.ts
var f322 = Math.fround;
var CLIP = Float64Array.of(0.9, 0.85, 0.95, 1, 0.8);
var ASYMMETRIC_CLIP = Float64Array.of(0.9, 1, 1, 0.9, 0.9, 0.9, 0.8, 1, 1, 0.8, 0.8, 0.9, 0.9, 0.8, 0.8, 0.8);
var REFINE = 1;
function roundHalfAway(x) {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}
function code(v, rs, zp, maxq) {
  const y = f322(f322(v * rs) + zp);
  const q = y < 0 ? 0 : Math.floor(y + 0.5);
  return q > maxq ? maxq : q;
}
function encode(v, len, scale, zp, maxq, codes) {
  const rs = scale !== 0 ? f322(1 / scale) : 0;
  let err = 0;
  for (let i = 0; i < len; i++) {
    const c = code(v[i], rs, zp, maxq);
    codes[i] = c;
    const d = v[i] - (c - zp) * scale;
    err += d * d;
  }
  return err;
}
function errorBelow(v, len, scale, zp, maxq, bound, imp) {
  const rs = 1 / scale;
  let err = 0;
  for (let i = 0; i < len; i++) {
    const x = v[i];
    let q = Math.floor(x * rs + zp + 0.5);
    q = q < 0 ? 0 : q > maxq ? maxq : q;
    const d = x - (q - zp) * scale;
    err += imp === void 0 ? d * d : imp[i] * d * d;
    if (err >= bound) return err;
  }
  return err;
}
var PAIR = new Float64Array(2);
function asymmetricInto(min, max, maxq, store, out) {
  min = Math.min(min, 0);
  max = Math.max(max, 0);
  const scaleF = f322(f322(max - min) / maxq);
  let zp = 0;
  if (scaleF !== 0) {
    const zpf = f322(0 - f322(min / scaleF));
    zp = zpf < 0 ? 0 : zpf > maxq ? maxq : roundHalfAway(zpf);
  }
  out[0] = store(scaleF);
  out[1] = zp;
}
function rtnParams(min, max, bits, symmetric, store, out) {
  const mid = 1 << bits - 1;
  if (symmetric) {
    const m = Math.abs(max) > Math.abs(min) ? max : min;
    out[0] = store(f322(-m / mid));
    out[1] = mid;
    return;
  }
  asymmetricInto(min, max, (1 << bits) - 1, store, out);
}
function fitBlock(v, len, spec, codes, work, imp) {
  const { bits, symmetric, store } = spec;
  const maxq = (1 << bits) - 1;
  const mid = 1 << bits - 1;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < len; i++) {
    const x = v[i];
    if (x < min) min = x;
    if (x > max) max = x;
  }
  rtnParams(min, max, bits, symmetric, store, PAIR);
  let scale = PAIR[0];
  let zp = PAIR[1];
  if (spec.method === "rtn" || scale === 0) return { scale, zp, sqErr: encode(v, len, scale, zp, maxq, codes) };
  let best = errorBelow(v, len, scale, zp, maxq, Infinity, imp);
  if (best === 0) return { scale, zp, sqErr: encode(v, len, scale, zp, maxq, codes) };
  if (symmetric) {
    const m = Math.abs(max) > Math.abs(min) ? max : min;
    for (let c = 0; c < 2 * CLIP.length; c++) {
      const r = CLIP[c >> 1];
      if (r === 1 && !(c & 1)) continue;
      const s = store(f322(c & 1 ? m / (mid - 1) * r : -m / mid * r));
      const e = errorBelow(v, len, s, mid, maxq, best, imp);
      if (e < best) {
        best = e;
        scale = s;
      }
    }
  } else {
    const pair = PAIR;
    for (let c = 0; c < ASYMMETRIC_CLIP.length; c += 2) {
      asymmetricInto(min * ASYMMETRIC_CLIP[c], max * ASYMMETRIC_CLIP[c + 1], maxq, store, pair);
      const e = pair[0] === 0 ? Infinity : errorBelow(v, len, pair[0], pair[1], maxq, best, imp);
      if (e < best) {
        best = e;
        scale = pair[0];
        zp = pair[1];
      }
    }
  }
  for (let it = 0; it < REFINE; it++) {
    roughCodes(v, len, scale, zp, maxq, work);
    let s;
    let z = zp;
    if (symmetric) {
      let num = 0;
      let den = 0;
      for (let i = 0; i < len; i++) {
        const q = work[i] - zp;
        const a = imp ? imp[i] : 1;
        num += a * v[i] * q;
        den += a * q * q;
      }
      if (den === 0) break;
      s = store(f322(num / den));
    } else {
      let sa = 0, sc = 0, sv = 0, scc = 0, scv = 0;
      for (let i = 0; i < len; i++) {
        const c = work[i];
        const a = imp ? imp[i] : 1;
        sa += a;
        sc += a * c;
        sv += a * v[i];
        scc += a * c * c;
        scv += a * c * v[i];
      }
      const det = sa * scc - sc * sc;
      if (det === 0) break;
      const slope = (sa * scv - sc * sv) / det;
      s = store(f322(slope));
      if (s === 0) break;
      const zr = roundHalfAway(-((sv - slope * sc) / sa) / s);
      z = zr < 0 ? 0 : zr > maxq ? maxq : zr;
    }
    if (s === 0 || !Number.isFinite(s)) break;
    const e = errorBelow(v, len, s, z, maxq, best, imp);
    if (!(e < best)) break;
    best = e;
    scale = s;
    zp = z;
  }
  return { scale, zp, sqErr: encode(v, len, scale, zp, maxq, codes) };
}
function roughCodes(v, len, scale, zp, maxq, out) {
  const rs = 1 / scale;
  for (let i = 0; i < len; i++) {
    const q = Math.floor(v[i] * rs + zp + 0.5);
    out[i] = q < 0 ? 0 : q > maxq ? maxq : q;
  }
}

// src/stages/quant/block-feedback.ts
function feedbackCodes(v, len, scale, zp, maxq, u, k0, block, codes, w) {
  if (!(u[k0 * block] > 0)) return false;
  for (let i = 0; i < len; i++) w[i] = v[i];
  const rs = 1 / scale;
  for (let i = 0; i < len; i++) {
    let q = Math.floor(w[i] * rs + zp + 0.5);
    q = q < 0 ? 0 : q > maxq ? maxq : q;
    codes[i] = q;
    const row = (k0 + i) * block;
    const err = (w[i] - (q - zp) * scale) / u[row + i];
    for (let j = i + 1; j < len; j++) w[j] -= err * u[row + j];
  }
  return true;
}

// src/stages/quant/int4-numerics.ts
var f323 = Math.fround;
function emptyBlocks(rows, k, opts, bits) {
  const kBlocks = Math.ceil(k / opts.blockSize);
  const perByte = 8 / bits;
  const rowBytes = opts.padToBlock ? kBlocks * opts.blockSize / perByte : Math.ceil(k / perByte);
  const zpRowBytes = Math.ceil(kBlocks / perByte);
  return {
    data: new Uint8Array(rows * rowBytes),
    scales: new Float32Array(rows * kBlocks),
    zeroPoints: opts.symmetric ? void 0 : new Uint8Array(rows * zpRowBytes).fill(bits === 4 ? 136 : 128),
    kBlocks,
    rowBytes,
    zpRowBytes,
    sqError: 0,
    sqNorm: 0
  };
}
var BlockWriter = class {
  constructor(rows, k, opts) {
    this.opts = opts;
    const bits = opts.bits ?? 4;
    this.out = emptyBlocks(rows, k, opts, bits);
    this.spec = { bits, symmetric: opts.symmetric, method: opts.method ?? "rtn", store: opts.storeScale ?? f323 };
    this.codes = new Uint8Array(opts.blockSize);
    this.work = new Uint8Array(opts.blockSize);
    this.block = new Float32Array(opts.blockSize);
    this.blockImp = opts.importance ? new Float32Array(opts.blockSize) : void 0;
    this.scratch = new Float64Array(opts.blockSize);
  }
  opts;
  out;
  spec;
  codes;
  work;
  /** The block being fitted, copied here: the solver always sees one array (no per-block views to allocate). */
  block;
  blockImp;
  scratch;
  /** Scale and zero point of block `b` (values v[0, len)), its nearest codes into `this.codes`. */
  fit(b, v, len) {
    const imp = this.blockImp;
    const k0 = b * this.opts.blockSize;
    if (imp) for (let i = 0; i < len; i++) imp[i] = this.opts.importance[k0 + i];
    return fitBlock(v, len, this.spec, this.codes, this.work, imp);
  }
  /** Fits block `b` of row `r` from src[from + i·stride], i < len, and writes its codes, scale and zero point. */
  put(r, b, src, from, stride, len) {
    const k0 = b * this.opts.blockSize;
    const v = this.block;
    for (let i = 0; i < len; i++) v[i] = src[from + i * stride];
    const fit = this.fit(b, v, len);
    const fed = this.opts.feedback !== void 0 && feedbackCodes(v, len, fit.scale, fit.zp, (1 << this.spec.bits) - 1, this.opts.feedback, k0, this.opts.blockSize, this.codes, this.scratch);
    this.commit(r, b, fit, v, 0, len, this.opts.errorScale !== void 0 || fed);
  }
  /**
   * Writes `this.codes` at `fit` as block `b` of row `r`; the error is counted against orig[at, at + len),
   * the weights as given (error feedback moves the values it rounds, not the ones it reports on), in full
   * when `measure`, else fit.sqErr (the codes are the nearest ones of those very values).
   */
  commit(r, b, fit, orig, at, len, measure) {
    const o = this.out;
    const k0 = b * this.opts.blockSize;
    const codes = this.codes;
    const unscale = this.opts.errorScale;
    let e = 0, w = 0;
    if (measure) {
      for (let i2 = 0; i2 < len; i2++) {
        const inv = unscale ? 1 / unscale[k0 + i2] : 1;
        const d = (orig[at + i2] - (codes[i2] - fit.zp) * fit.scale) * inv;
        const x = orig[at + i2] * inv;
        e += d * d;
        w += x * x;
      }
    } else {
      e = fit.sqErr;
      for (let i2 = 0; i2 < len; i2++) w += orig[at + i2] * orig[at + i2];
    }
    const perBlock = this.opts.blockErrors;
    if (perBlock) {
      perBlock[(r * o.kBlocks + b) * 2] = e;
      perBlock[(r * o.kBlocks + b) * 2 + 1] = w;
    } else {
      o.sqError += e;
      o.sqNorm += w;
    }
    o.scales[r * o.kBlocks + b] = fit.scale;
    if (this.spec.bits === 8) {
      const byte2 = r * o.rowBytes + k0;
      for (let i2 = 0; i2 < len; i2++) o.data[byte2 + i2] = codes[i2];
      if (o.zeroPoints) o.zeroPoints[r * o.zpRowBytes + b] = fit.zp;
      return;
    }
    let byte = r * o.rowBytes + (k0 >> 1);
    let i = 0;
    for (; i + 1 < len; i += 2, byte++) o.data[byte] = codes[i] | codes[i + 1] << 4;
    if (i < len) o.data[byte] = codes[i];
    if (o.zeroPoints) {
      const zi = r * o.zpRowBytes + (b >> 1);
      o.zeroPoints[zi] = b & 1 ? o.zeroPoints[zi] & 15 | fit.zp << 4 : o.zeroPoints[zi] & 240 | fit.zp;
    }
  }
  result() {
    const { data, scales, zeroPoints, kBlocks, rowBytes, sqError, sqNorm } = this.out;
    return { data, scales, zeroPoints, kBlocks, rowBytes, sqError, sqNorm };
  }
};
function quantizeRows4(src, rows, k, opts) {
  const { blockSize } = opts;
  const w = new BlockWriter(rows, k, opts);
  const kBlocks = w.out.kBlocks;
  for (let r = 0; r < rows; r++) {
    for (let b = 0; b < kBlocks; b++) {
      const from = r * k + b * blockSize;
      const len = Math.min(k, (b + 1) * blockSize) - b * blockSize;
      w.put(r, b, src, from, 1, len);
    }
  }
  return w.result();
}
function quantizeColumns4(src, k, n, opts, from = 0, to = n) {
  const { blockSize } = opts;
  const w = new BlockWriter(to - from, k, opts);
  const TILE = 64;
  const tile = new Float32Array(TILE * blockSize);
  for (let b = 0; b < w.out.kBlocks; b++) {
    const k0 = b * blockSize;
    const len = Math.min(k, k0 + blockSize) - k0;
    for (let c0 = from; c0 < to; c0 += TILE) {
      const width = Math.min(TILE, to - c0);
      for (let kk = 0; kk < len; kk++) {
        const row = (k0 + kk) * n + c0;
        for (let j = 0; j < width; j++) tile[j * blockSize + kk] = src[row + j];
      }
      for (let j = 0; j < width; j++) w.put(c0 - from + j, b, tile, j * blockSize, 1, len);
    }
  }
  return w.result();
}

// src/stages/quant/int4-parallel.ts
var PARALLEL_MIN_VALUES = 1 << 16;
function jobOptions(job, blockErrors) {
  const { scaleType, ...rest } = job.opts;
  return { ...rest, storeScale: scaleType === "float16" ? roundToFloat16 : Math.fround, blockErrors };
}
function runJob(job) {
  const kBlocks = Math.ceil(job.k / job.opts.blockSize);
  const blockErrors = new Float64Array(job.cols * kBlocks * 2);
  const opts = jobOptions(job, blockErrors);
  const result = job.transposed ? quantizeRows4(job.values, job.cols, job.k, opts) : quantizeColumns4(job.values, job.k, job.cols, opts);
  return { result, blockErrors };
}

// src/stages/quant/int4-worker.ts
var { port, flag } = workerData;
port.on("message", (job) => {
  let answer;
  const transfer = [job.values.buffer];
  try {
    const { result, blockErrors } = runJob(job);
    answer = { result, blockErrors, spent: job.values };
    transfer.push(result.data.buffer, result.scales.buffer, blockErrors.buffer);
    if (result.zeroPoints) transfer.push(result.zeroPoints.buffer);
  } catch (e) {
    answer = { error: e instanceof Error ? e.message : String(e), spent: job.values };
  }
  port.postMessage(answer, transfer);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
});
