/**
 * The one option parser of every stage. Options arrive as written in the config (YAML/JSON) or on the CLI,
 * so a value may be a quoted string (`'false'`, `'32'`): each helper takes it the same way in every stage,
 * and a bad value gets one wording, `STAGE: OPTION must be WHAT, got VALUE` (badOptionValue).
 */
import { UsageError } from '../onnx/errors.js';
import type { StageOptions } from './stage.js';

/** The error for a bad value, in the one wording every stage uses. */
export function badOptionValue(stage: string, key: string, expected: string, got: unknown): UsageError {
  return new UsageError(`${stage}: ${key} must be ${expected}, got ${JSON.stringify(got)}`);
}

/** Refuses keys not in `known`: a misspelt option must fail, not be silently ignored. */
export function rejectUnknownOptions(stage: string, o: StageOptions, known: readonly string[]): void {
  for (const k of Object.keys(o)) {
    if (!known.includes(k)) throw new UsageError(`${stage}: unknown option '${k}'; known: ${known.join(', ')}`);
  }
}

/** true or false (also as the strings a quoted YAML value leaves); `fallback` when absent. */
export function booleanOption(stage: string, o: StageOptions, key: string, fallback: boolean): boolean {
  const v = o[key];
  if (v === undefined) return fallback;
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === 'false') return v === 'true';
  throw badOptionValue(stage, key, 'true or false', v);
}

/** A list of names: a list of strings, or one comma-separated string; undefined when absent. */
export function stringListOption(stage: string, o: StageOptions, key: string): string[] | undefined {
  const v = o[key];
  if (v === undefined) return undefined;
  if (typeof v === 'string') return v.split(',').map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(v) && v.every((s) => typeof s === 'string')) return v as string[];
  throw badOptionValue(stage, key, 'a list of names', v);
}

/** One of `choices`, the first when absent. */
export function choiceOption<T extends string>(stage: string, o: StageOptions, key: string, choices: readonly T[]): T {
  const v = o[key] ?? choices[0];
  if (choices.includes(v as T)) return v as T;
  const list = `${choices.slice(0, -1).join(', ')} or ${choices[choices.length - 1]}`;
  throw badOptionValue(stage, key, list, v);
}

/**
 * A whole number (also as the digits a quoted YAML value leaves) for which `ok` holds, else the error
 * saying it must be `expected`; undefined when absent.
 */
export function integerOption(stage: string, o: StageOptions, key: string, expected: string, ok: (n: number) => boolean): number | undefined {
  const v = o[key];
  if (v === undefined) return undefined;
  const n = typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : v;
  if (typeof n === 'number' && Number.isSafeInteger(n) && ok(n)) return n;
  throw badOptionValue(stage, key, expected, v);
}
