/**
 * Sizes and ratios as people write them in config: `15MB`, `14.3MiB`, `1048576` (bytes); `4x`, `75%`.
 * Decimal units are powers of 1000 and binary ones powers of 1024 (IEC 80000-13), so `15MB` is
 * 15,000,000 bytes — the same unit `ls -l --si` and GitHub's artifact list show.
 */

const UNITS: Record<string, number> = {
  b: 1, kb: 1e3, mb: 1e6, gb: 1e9, tb: 1e12, kib: 2 ** 10, mib: 2 ** 20, gib: 2 ** 30, tib: 2 ** 40,
};

/** The string form of a size; the JSON Schema uses the same pattern, so editors flag what we refuse. */
export const SIZE_PATTERN = '^\\s*\\d+(\\.\\d+)?\\s*([kKmMgGtT]i?)?[bB]\\s*$|^\\s*\\d+\\s*$';
/** `4x`, `4×`, `2.5x` (original ÷ compressed) or `75%` (bytes removed). */
export const RATIO_PATTERN = '^\\s*\\d+(\\.\\d+)?\\s*[xX×]\\s*$|^\\s*\\d+(\\.\\d+)?\\s*%\\s*$';

/** Bytes for a size written as a number of bytes or a string with a unit; undefined when malformed. */
export function parseSize(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmgt]?i?b)?\s*$/i.exec(value);
  if (!m || (m[2] === undefined && m[1]!.includes('.'))) return undefined;
  const unit = UNITS[(m[2] ?? 'b').toLowerCase()];
  if (unit === undefined) return undefined;
  const bytes = Math.round(Number(m[1]) * unit);
  return Number.isSafeInteger(bytes) ? bytes : undefined;
}

/**
 * A reduction as a factor original ÷ compressed: `4x` → 4; `75%` (three quarters removed) → 4;
 * a bare number is a factor. Undefined when malformed or not a reduction (factor below 1, 100 %).
 */
export function parseRatio(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 1 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const x = /^\s*(\d+(?:\.\d+)?)\s*[x×]\s*$/i.exec(value);
  if (x) return parseRatio(Number(x[1]));
  const p = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(value);
  if (!p) return undefined;
  const removed = Number(p[1]) / 100;
  return removed >= 0 && removed < 1 ? 1 / (1 - removed) : undefined;
}

/** A speed factor: `1.2x` or a bare number 1.2 (any positive value; below 1 allows a slowdown). */
export function parseFactor(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value > 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const x = /^\s*(\d+(?:\.\d+)?)\s*[x×]?\s*$/i.exec(value);
  const n = x ? Number(x[1]) : NaN;
  return n > 0 ? n : undefined;
}

/** Decimal units (1 MB = 10^6 bytes), as file managers and the PR comment show them. */
export function formatBytes(n: number): string {
  const abs = Math.abs(n);
  if (abs < 1000) return `${n} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let v = abs / 1000;
  let u = 0;
  while (v >= 1000 && u < units.length - 1) { v /= 1000; u++; }
  const digits = v < 10 ? 2 : 1;
  return `${n < 0 ? '-' : ''}${v.toFixed(digits)} ${units[u]}`;
}

export function formatSignedBytes(n: number): string {
  return n > 0 ? `+${formatBytes(n)}` : formatBytes(n);
}

/** Thousands separated with commas, independent of the machine's locale. */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
