/**
 * Stage names (a contract: ../shared/PRODUCT.md) → factories taking the stage's options from config or
 * CLI. Adding a stage is one row here and one file beside this one.
 */
import { parse as parseYaml } from 'yaml';
import { UsageError } from '../onnx/errors.js';
import type { Stage } from './stage.js';
import { dedupStage } from './dedup.js';
import { pruneStage } from './prune.js';
import { quantizeInt8Stage } from './quantize-int8.js';
import { quantizeInt4Stage } from './quantize-int4.js';
import { fp16Stage } from './fp16.js';
import { optimizeStage } from './optimize.js';

export type StageOptions = Record<string, unknown>;
export type StageFactory = (options: StageOptions) => Stage;

export const STAGES: Record<string, StageFactory> = {
  dedup: dedupStage,
  prune: pruneStage,
  'quantize-int8': quantizeInt8Stage,
  'quantize-int4': quantizeInt4Stage,
  fp16: fp16Stage,
  optimize: optimizeStage,
};

/** A stage spec as written in config: a name, or `{ name: options }`. */
export type StageSpec = string | Record<string, StageOptions | null>;

export function createStage(spec: StageSpec): Stage {
  const [name, options] = typeof spec === 'string' ? [spec, {}] : (Object.entries(spec)[0] ?? ['', {}]);
  const factory = STAGES[name];
  if (!factory) {
    throw new UsageError(`unknown stage '${name}'; known stages: ${Object.keys(STAGES).join(', ')}`);
  }
  return factory(options ?? {});
}

/**
 * Parses the CLI's --stages: a comma-separated list (`dedup,prune`), or a YAML flow sequence with options
 * exactly as the config's `stages:` takes it (`[dedup, {quantize-int8: {reduce-range: true}}]`, PRODUCT.md).
 */
export function parseStageList(list: string): StageSpec[] {
  if (!list.trim().startsWith('[')) return list.split(',').map((s) => s.trim()).filter(Boolean);
  let doc: unknown;
  try {
    doc = parseYaml(list);
  } catch (e) {
    throw new UsageError(`--stages: not a YAML flow sequence (${(e as Error).message.split('\n')[0]}); write e.g. '[dedup, {quantize-int8: {per-channel: true}}]'`);
  }
  const specs = doc as unknown[];
  for (const s of specs) {
    const ok = typeof s === 'string' || (s !== null && typeof s === 'object' && !Array.isArray(s) && Object.keys(s).length === 1 &&
      Object.values(s).every((o) => o === null || (typeof o === 'object' && !Array.isArray(o))));
    if (!ok) throw new UsageError(`--stages: each entry must be a stage name or {name: {options}}, got ${JSON.stringify(s)}`);
  }
  return specs as StageSpec[];
}
