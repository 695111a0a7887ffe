/**
 * Checks shared by the stages' option parsers. Options arrive as written in the config (YAML/JSON), so
 * each check names the stage and the option in its one-line error.
 */
import { UsageError } from '../onnx/errors.js';
import type { StageOptions } from './stage.js';

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
  throw new UsageError(`${stage}: '${key}' must be true or false, got ${JSON.stringify(v)}`);
}

/** A list of names: a list of strings, or one comma-separated string; undefined when absent. */
export function stringListOption(stage: string, o: StageOptions, key: string): string[] | undefined {
  const v = o[key];
  if (v === undefined) return undefined;
  if (typeof v === 'string') return v.split(',').map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(v) && v.every((s) => typeof s === 'string')) return v as string[];
  throw new UsageError(`${stage}: '${key}' must be a list of names`);
}

/** One of `choices`, the first when absent. */
export function choiceOption<T extends string>(stage: string, o: StageOptions, key: string, choices: readonly T[]): T {
  const v = o[key] ?? choices[0];
  if (choices.includes(v as T)) return v as T;
  const list = `${choices.slice(0, -1).join(', ')} or ${choices[choices.length - 1]}`;
  throw new UsageError(`${stage}: ${key} must be ${list}, got ${JSON.stringify(v)}`);
}
