/**
 * Stage names (a contract: ../shared/PRODUCT.md) → factories taking the stage's options from config or
 * CLI. Adding a stage is one row here and one file beside this one.
 */
import { UsageError } from '../onnx/errors.js';
import type { Stage, StageOptions } from './stage.js';
import { dedupStage } from './dedup.js';
import { pruneStage } from './prune.js';
import { quantizeInt8Stage } from './quantize-int8.js';
import { quantizeInt4Stage } from './quantize-int4.js';
import { fp16Stage } from './fp16.js';
import { optimizeStage } from './optimize.js';
import { foldBatchNormStage } from './fold-batchnorm.js';
import { upgradeOpsetStage } from './upgrade-opset.js';
import { fuseStage } from './fuse.js';

export type StageFactory = (options: StageOptions) => Stage;

export const STAGES: Record<string, StageFactory> = {
  dedup: dedupStage,
  prune: pruneStage,
  'quantize-int8': quantizeInt8Stage,
  'quantize-int4': quantizeInt4Stage,
  fp16: fp16Stage,
  optimize: optimizeStage,
  'fold-batchnorm': foldBatchNormStage,
  'upgrade-opset': upgradeOpsetStage,
  fuse: fuseStage,
};

/**
 * The stages `compress` runs when none are given (PRODUCT.md: `--stages` defaults to `dedup,prune`), and
 * the lossless base every `strategy: auto` candidate starts from: dedup and prune change no output value.
 */
export const DEFAULT_STAGES: readonly StageSpec[] = ['dedup', 'prune'];

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

/** Parses the CLI's comma-separated list (`dedup,prune`). */
export function parseStageList(list: string): StageSpec[] {
  return list.split(',').map((s) => s.trim()).filter(Boolean);
}
