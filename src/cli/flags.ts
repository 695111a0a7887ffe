/** Numeric and `NAME=N` flags shared by compare and compress --auto, each refused in one line naming the flag. */
import { UsageError } from '../onnx/errors.js';

/** A whole number ≥ `min` from `flag`'s value, or `fallback` when not given. */
export function wholeFlag(command: string, flag: string, v: string | undefined, fallback: number, min: number): number {
  if (v === undefined) return fallback;
  if (!/^\d+$/.test(v) || Number(v) < min) throw new UsageError(`${command}: ${flag} takes a whole number ≥ ${min}, got '${v}'`);
  return Number(v);
}

/** `--dims batch=1,seq=32` (or `input[axis]=N` for an unnamed dim) as the config's `parity.dims`. */
export function dimsFlag(command: string, v: string | undefined): Record<string, number> {
  const dims: Record<string, number> = {};
  for (const part of (v ?? '').split(',').filter(Boolean)) {
    const m = /^([^=]+)=(\d+)$/.exec(part.trim());
    if (!m || Number(m[2]) < 1) throw new UsageError(`${command}: --dims takes NAME=N pairs separated by commas, got '${part}'`);
    dims[m[1]!.trim()] = Number(m[2]);
  }
  return dims;
}
