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
  feedOne(w, 0, 0, len, len, u, k0, block, scale, zp, maxq, codes, 0);
  return true;
}
function feedOne(cur, base, o, len, end, u, h0, uStride, scale, zp, maxq, codes, c0) {
  const rs = 1 / scale;
  for (let i = 0; i < len; i++) {
    const at = o + i;
    const x = cur[base + at];
    let q = Math.floor(x * rs + zp + 0.5);
    q = q < 0 ? 0 : q > maxq ? maxq : q;
    codes[c0 + i] = q;
    const row = (h0 + at) * uStride;
    const err = (x - (q - zp) * scale) / u[row + at];
    for (let t = at + 1; t < end; t++) cur[base + t] -= err * u[row + t];
  }
}
function feedbackCodes4(v, len, fits, maxq, u, k0, block, codes, w) {
  for (let g = 0; g < 4; g++) for (let i = 0; i < len; i++) w[g * block + i] = v[g * block + i];
  feedFour(w, 0, block, 0, len, len, u, k0, block, fits, maxq, codes, block);
}
function feedFour(cur, base, stride, o, len, end, u, h0, uStride, fits, maxq, codes, codeStride) {
  const [f0, f1, f2, f3] = fits;
  const [s0, s1, s2, s3] = [f0.scale, f1.scale, f2.scale, f3.scale];
  const [z0, z1, z2, z3] = [f0.zp, f1.zp, f2.zp, f3.zp];
  const [r0, r1, r2, r3] = [1 / s0, 1 / s1, 1 / s2, 1 / s3];
  const b0 = base, b1 = base + stride, b2 = base + 2 * stride, b3 = base + 3 * stride;
  const c1 = codeStride, c2 = 2 * codeStride, c3 = 3 * codeStride;
  for (let i = 0; i < len; i++) {
    const at = o + i;
    const row = (h0 + at) * uStride;
    const d = u[row + at];
    const x0 = cur[b0 + at], x1 = cur[b1 + at], x2 = cur[b2 + at], x3 = cur[b3 + at];
    let q0 = Math.floor(x0 * r0 + z0 + 0.5);
    let q1 = Math.floor(x1 * r1 + z1 + 0.5);
    let q2 = Math.floor(x2 * r2 + z2 + 0.5);
    let q3 = Math.floor(x3 * r3 + z3 + 0.5);
    q0 = q0 < 0 ? 0 : q0 > maxq ? maxq : q0;
    q1 = q1 < 0 ? 0 : q1 > maxq ? maxq : q1;
    q2 = q2 < 0 ? 0 : q2 > maxq ? maxq : q2;
    q3 = q3 < 0 ? 0 : q3 > maxq ? maxq : q3;
    codes[i] = q0;
    codes[c1 + i] = q1;
    codes[c2 + i] = q2;
    codes[c3 + i] = q3;
    const e0 = (x0 - (q0 - z0) * s0) / d;
    const e1 = (x1 - (q1 - z1) * s1) / d;
    const e2 = (x2 - (q2 - z2) * s2) / d;
    const e3 = (x3 - (q3 - z3) * s3) / d;
    for (let t = at + 1; t < end; t++) {
      const ut = u[row + t];
      cur[b0 + t] -= e0 * ut;
      cur[b1 + t] -= e1 * ut;
      cur[b2 + t] -= e2 * ut;
      cur[b3 + t] -= e3 * ut;
    }
  }
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
    this.block4 = new Float32Array(4 * opts.blockSize);
    this.codes4 = new Uint8Array(4 * opts.blockSize);
    this.scratch4 = new Float64Array(4 * opts.blockSize);
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
  /** putFour's four blocks (values, codes, feedback scratch at g · blockSize) and fits. */
  block4;
  codes4;
  scratch4;
  fits4 = [];
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
   * put() on rows r … r + 3 of block `b`, row g's values at src[from + g·rowStride + i], i < len, written
   * in row order. With error feedback the four rows' roundings run interleaved (feedbackCodes4): one
   * block's feedback took 0.89 µs a column one at a time, 0.43 µs four at a time (eight: 0.45 µs); a
   * 768 × 768 awq weight 50 → 45 ms (36 ms without feedback; the rest is fitBlock). Same bits as four
   * put() calls.
   */
  putFour(r, b, src, from, rowStride, len) {
    const bs = this.opts.blockSize;
    const k0 = b * bs;
    const u = this.opts.feedback;
    if (u === void 0 || !(u[k0 * bs] > 0)) {
      for (let g = 0; g < 4; g++) this.put(r + g, b, src, from + g * rowStride, 1, len);
      return;
    }
    const { block4, codes4, fits4 } = this;
    for (let g = 0; g < 4; g++) {
      for (let i = 0; i < len; i++) block4[g * bs + i] = src[from + g * rowStride + i];
      for (let i = 0; i < len; i++) this.block[i] = block4[g * bs + i];
      fits4[g] = this.fit(b, this.block, len);
    }
    feedbackCodes4(block4, len, fits4, (1 << this.spec.bits) - 1, u, k0, bs, codes4, this.scratch4);
    for (let g = 0; g < 4; g++) this.commit(r + g, b, fits4[g], block4, g * bs, len, true, codes4, g * bs);
  }
  /**
   * Writes codes[c0, c0 + len) (default `this.codes`) at `fit` as block `b` of row `r`; the error is counted
   * against orig[at, at + len), the weights as given (error feedback moves the values it rounds, not the
   * ones it reports on), in full when `measure`, else fit.sqErr (the codes are the nearest ones of those
   * very values).
   */
  commit(r, b, fit, orig, at, len, measure, codes = this.codes, c0 = 0) {
    const o = this.out;
    const k0 = b * this.opts.blockSize;
    const unscale = this.opts.errorScale;
    let e = 0, w = 0;
    if (measure) {
      for (let i2 = 0; i2 < len; i2++) {
        const inv = unscale ? 1 / unscale[k0 + i2] : 1;
        const d = (orig[at + i2] - (codes[c0 + i2] - fit.zp) * fit.scale) * inv;
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
      for (let i2 = 0; i2 < len; i2++) o.data[byte2 + i2] = codes[c0 + i2];
      if (o.zeroPoints) o.zeroPoints[r * o.zpRowBytes + b] = fit.zp;
      return;
    }
    let byte = r * o.rowBytes + (k0 >> 1);
    let i = 0;
    for (; i + 1 < len; i += 2, byte++) o.data[byte] = codes[c0 + i] | codes[c0 + i + 1] << 4;
    if (i < len) o.data[byte] = codes[c0 + i];
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
function sumBlockErrors(errors, rows, kBlocks, groupBlocks) {
  let sqError = 0, sqNorm = 0;
  for (let g0 = 0; g0 < kBlocks; g0 += groupBlocks) {
    const g1 = Math.min(kBlocks, g0 + groupBlocks);
    for (let r = 0; r < rows; r++) {
      for (let b = g0; b < g1; b++) {
        sqError += errors[(r * kBlocks + b) * 2];
        sqNorm += errors[(r * kBlocks + b) * 2 + 1];
      }
    }
  }
  return { sqError, sqNorm };
}
function quantizeRows4(src, rows, k, opts) {
  const { blockSize } = opts;
  const kBlocks = Math.ceil(k / blockSize);
  const four = opts.feedback !== void 0;
  const errors = four && !opts.blockErrors ? new Float64Array(rows * kBlocks * 2) : void 0;
  const w = new BlockWriter(rows, k, errors ? { ...opts, blockErrors: errors } : opts);
  let r = 0;
  if (four) {
    for (; r + 4 <= rows; r += 4) {
      for (let b = 0; b < kBlocks; b++) {
        const len = Math.min(k, (b + 1) * blockSize) - b * blockSize;
        w.putFour(r, b, src, r * k + b * blockSize, k, len);
      }
    }
  }
  for (; r < rows; r++) {
    for (let b = 0; b < kBlocks; b++) {
      const from = r * k + b * blockSize;
      const len = Math.min(k, (b + 1) * blockSize) - b * blockSize;
      w.put(r, b, src, from, 1, len);
    }
  }
  if (errors) Object.assign(w.out, sumBlockErrors(errors, rows, kBlocks, kBlocks));
  return w.result();
}
function quantizeColumns4(src, k, n, opts, from = 0, to = n) {
  const { blockSize } = opts;
  const w = new BlockWriter(to - from, k, opts);
  const TILE2 = 64;
  const tile = new Float32Array(TILE2 * blockSize);
  for (let b = 0; b < w.out.kBlocks; b++) {
    const k0 = b * blockSize;
    const len = Math.min(k, k0 + blockSize) - k0;
    for (let c0 = from; c0 < to; c0 += TILE2) {
      const width = Math.min(TILE2, to - c0);
      for (let kk = 0; kk < len; kk++) {
        const row = (k0 + kk) * n + c0;
        for (let j2 = 0; j2 < width; j2++) tile[j2 * blockSize + kk] = src[row + j2];
      }
      let j = 0;
      if (opts.feedback) for (; j + 4 <= width; j += 4) w.putFour(c0 - from + j, b, tile, j * blockSize, blockSize, len);
      for (; j < width; j++) w.put(c0 - from + j, b, tile, j * blockSize, 1, len);
    }
  }
  return w.result();
}

// src/stages/quant/span-feedback.ts
var TILE = 64;
function quantizeWithSpanFeedback(values, k, n, rowsFirst, opts, u, span, from = 0, to = n) {
  const bs = opts.blockSize;
  if (span % bs !== 0) throw new Error(`span feedback: span ${span} is not a multiple of the block size ${bs}`);
  const rows = to - from;
  const kBlocks = Math.ceil(k / bs);
  const errors = opts.blockErrors ?? new Float64Array(rows * kBlocks * 2);
  const walk = new SpanWalk(new BlockWriter(rows, k, { ...opts, blockErrors: errors }), u, span);
  const { orig, cur } = walk;
  for (let h0 = 0; h0 < k; h0 += span) {
    const hl = Math.min(k, h0 + span) - h0;
    const fed = u[h0 * span] > 0;
    for (let c0 = from; c0 < to; c0 += TILE) {
      const width = Math.min(TILE, to - c0);
      if (rowsFirst) {
        for (let j2 = 0; j2 < width; j2++) for (let i = 0; i < hl; i++) orig[j2 * span + i] = values[(c0 + j2) * k + h0 + i];
      } else {
        for (let i = 0; i < hl; i++) {
          const row = (h0 + i) * n + c0;
          for (let j2 = 0; j2 < width; j2++) orig[j2 * span + i] = values[row + j2];
        }
      }
      cur.set(orig);
      let j = 0;
      if (fed) for (; j + 4 <= width; j += 4) walk.fourColumns(c0 - from + j, j * span, h0, hl);
      for (; j < width; j++) walk.column(c0 - from + j, j * span, h0, hl, fed);
    }
  }
  const out = walk.writer.out;
  if (!opts.blockErrors) Object.assign(out, sumBlockErrors(errors, rows, kBlocks, span / bs));
  return walk.writer.result();
}
var SpanWalk = class {
  constructor(writer, u, span) {
    this.writer = writer;
    this.u = u;
    this.span = span;
    const bs = writer.opts.blockSize;
    this.orig = new Float64Array(span * TILE);
    this.cur = new Float64Array(span * TILE);
    this.v = new Float32Array(bs);
    this.codes4 = new Uint8Array(4 * bs);
    this.maxq = (1 << writer.spec.bits) - 1;
  }
  writer;
  u;
  span;
  orig;
  cur;
  v;
  /** Four columns' codes of the block being rounded, at g · blockSize. */
  codes4;
  fits = [];
  maxq;
  /** Block b of the column at cur[base + o, base + o + len) fitted on its current values (as float32). */
  fit(b, base, len) {
    const v = this.v;
    for (let i = 0; i < len; i++) v[i] = this.cur[base + i];
    return this.writer.fit(b, v, len);
  }
  /** Result row r, its span at cur[base, base + hl), one column at a time. */
  column(r, base, h0, hl, fed) {
    const bs = this.writer.opts.blockSize;
    const codes = this.writer.codes;
    for (let o = 0; o < hl; o += bs) {
      const len = Math.min(bs, hl - o);
      const b = (h0 + o) / bs;
      const fit = this.fit(b, base + o, len);
      if (fed && fit.scale !== 0) feedOne(this.cur, base, o, len, hl, this.u, h0, this.span, fit.scale, fit.zp, this.maxq, codes, 0);
      this.writer.commit(r, b, fit, this.orig, base + o, len, true);
    }
  }
  /**
   * Result rows r … r + 3, spans at cur[base + g·span, …): column()'s walk on four columns at once. Each
   * column's values see the same float64 operations in the same order as column() gives them (the four
   * chains are independent), so the codes are the same to the bit; what changes is that one load of
   * U_it serves four updates and the four roundings' divisions overlap. 768 × 768 in spans of 256, one
   * thread (AMD EPYC Zen 5): 130 → 82 ms, of which the block fits are 35; eight columns, or the four
   * interleaved in memory, measured no faster.
   */
  fourColumns(r, base, h0, hl) {
    const { span, writer, fits, codes4 } = this;
    const bs = writer.opts.blockSize;
    for (let o = 0; o < hl; o += bs) {
      const len = Math.min(bs, hl - o);
      const b = (h0 + o) / bs;
      let all = true;
      for (let g = 0; g < 4; g++) {
        const fit = fits[g] = this.fit(b, base + g * span + o, len);
        for (let i = 0; i < len; i++) codes4[g * bs + i] = writer.codes[i];
        if (fit.scale === 0) all = false;
      }
      if (all) this.feed4(base, o, len, h0, hl);
      else for (let g = 0; g < 4; g++) if (fits[g].scale !== 0) feedOne(this.cur, base + g * span, o, len, hl, this.u, h0, span, fits[g].scale, fits[g].zp, this.maxq, codes4, g * bs);
      for (let g = 0; g < 4; g++) writer.commit(r + g, b, fits[g], this.orig, base + g * span + o, len, true, codes4, g * bs);
    }
  }
  /** feed() on the four columns at base + g·span, g < 4, every one of which has a scale. */
  feed4(base, o, len, h0, hl) {
    feedFour(this.cur, base, this.span, o, len, hl, this.u, h0, this.span, this.fits, this.maxq, this.codes4, this.writer.opts.blockSize);
  }
};

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
  const result = job.spans ? quantizeWithSpanFeedback(job.values, job.k, job.cols, job.transposed, opts, job.spans.factors, job.spans.span) : job.transposed ? quantizeRows4(job.values, job.cols, job.k, opts) : quantizeColumns4(job.values, job.k, job.cols, opts);
  return { result, blockErrors };
}

// src/stages/quant/int4-worker.ts
var { port, flag } = workerData;
port.on("message", (job) => {
  let answer;
  const transfer = [job.values.buffer];
  const spentFactors = job.spans?.factors;
  if (spentFactors) transfer.push(spentFactors.buffer);
  try {
    const { result, blockErrors } = runJob(job);
    answer = { result, blockErrors, spent: job.values, spentFactors };
    transfer.push(result.data.buffer, result.scales.buffer, blockErrors.buffer);
    if (result.zeroPoints) transfer.push(result.zeroPoints.buffer);
  } catch (e) {
    answer = { error: e instanceof Error ? e.message : String(e), spent: job.values, spentFactors };
  }
  port.postMessage(answer, transfer);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
});
