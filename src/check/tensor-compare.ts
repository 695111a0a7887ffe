/**
 * Two ways to call tensors equal: bit for bit (what lossless stages promise), and numpy's
 * `assert_allclose` as the ONNX backend test runner uses it (onnx/backend/test/runner
 * `assert_similar_outputs`: same dtype, same shape, |actual − expected| ≤ atol + rtol·|expected|, NaN equal
 * to NaN, infinities equal only to themselves; string tensors compared exactly).
 * Each returns undefined when equal, else a one-line description of the first difference.
 */
import { tensorValues, type NamedTensor } from '../runtime/named-tensor.js';

function sameShape(a: NamedTensor, b: NamedTensor): string | undefined {
  if (a.type !== b.type) return `type ${a.type} ≠ ${b.type}`;
  if (a.dims.length !== b.dims.length || a.dims.some((d, i) => d !== b.dims[i])) {
    return `dims [${a.dims.join(',')}] ≠ [${b.dims.join(',')}]`;
  }
  return undefined;
}

function stringsDiffer(a: string[], b: string[]): string | undefined {
  const i = a.findIndex((s, k) => s !== b[k]);
  return i >= 0 || a.length !== b.length ? `strings differ at element ${i < 0 ? Math.min(a.length, b.length) : i}` : undefined;
}

/** Bit-identical: same type, dims and payload bytes (NaN payloads included). */
export function bitDifference(actual: NamedTensor, expected: NamedTensor): string | undefined {
  const shape = sameShape(actual, expected);
  if (shape) return shape;
  const a = actual.data;
  const b = expected.data;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) ? stringsDiffer(a, b) : 'string vs numeric data';
  }
  if (a.length !== b.length) return `${a.length} bytes ≠ ${b.length} bytes`;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return `bytes differ from byte ${i}`;
  return undefined;
}

export interface Tolerance {
  rtol: number;
  atol: number;
}

/** The ONNX backend runner's defaults. */
export const BACKEND_TOLERANCE: Tolerance = { rtol: 1e-3, atol: 1e-7 };

/** numpy.testing.assert_allclose semantics (equal_nan=True) on two tensors. */
export function closeDifference(actual: NamedTensor, expected: NamedTensor, tol: Tolerance = BACKEND_TOLERANCE): string | undefined {
  const shape = sameShape(actual, expected);
  if (shape) return shape;
  const a = tensorValues(actual);
  const e = tensorValues(expected);
  if (Array.isArray(a) || Array.isArray(e)) {
    return Array.isArray(a) && Array.isArray(e) ? stringsDiffer(a as string[], e as string[]) : 'string vs numeric data';
  }
  let bad = 0;
  let first = -1;
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    const x = Number(a[i]);
    const y = Number(e[i]);
    if (x === y || (Number.isNaN(x) && Number.isNaN(y))) continue;
    const diff = Math.abs(x - y);
    // NaN against a number fails (diff is NaN); an infinity only matches itself, handled above (numpy
    // compares infinities by position and sign, and atol + rtol·∞ would otherwise accept anything).
    if (Number.isFinite(x) && Number.isFinite(y) && diff <= tol.atol + tol.rtol * Math.abs(y)) continue;
    bad++;
    if (first < 0) first = i;
    if (!(diff <= worst)) worst = diff;
  }
  if (!bad) return undefined;
  return `${bad} of ${a.length} elements differ beyond rtol=${tol.rtol} atol=${tol.atol} (first at ${first}: ${Number(a[first])} vs ${Number(e[first])}; max |diff| ${worst})`;
}
