/**
 * What a loaded config is: models with their sources, stages, parity, latency and budgets, each budget
 * and threshold remembering the file:line:col it came from; the defaults; and the error that lists
 * every problem found, one line each.
 */
import { oneLine, UsageError } from '../onnx/errors.js';
import { AUTO_SEED } from '../runtime/auto-inputs.js';
import type { StageSpec } from '../stages/registry.js';

export interface Where {
  file: string;
  line: number;
  col: number;
}

export function formatWhere(w: Where | undefined): string {
  return w ? `${w.file}:${w.line}:${w.col}` : '';
}

export interface ConfigIssue extends Where {
  message: string;
}

/** A config that cannot be used; one line per problem, each `file:line:col: key: what is wrong`. */
export class ConfigError extends UsageError {
  override name = 'ConfigError';
  constructor(readonly issues: ConfigIssue[]) {
    super(issues.map((i) => `${formatWhere(i)}: ${oneLine(i.message)}`).join('\n'));
  }
}

export type SourceSpec =
  | { kind: 'path'; path: string }
  | { kind: 'url'; url: string; sha256?: string }
  | { kind: 'artifact'; artifact: string; path?: string }
  /** DVC-tracked: `dvc pull` the path (absolute) before use. */
  | { kind: 'dvc'; path: string; push?: boolean };

export interface Thresholds {
  maxAbs?: number;
  meanAbs?: number;
  cosine?: number;
  top1?: number;
  allowNonFinite?: boolean;
  /** Config location of each threshold that was written (keys as in the config: `cosine`, `max-abs`). */
  where: Record<string, Where>;
}

export interface ParityConfig {
  /** 'auto' or an absolute path. */
  inputs: string;
  samples: number;
  seed: number;
  dims: Record<string, number>;
  labels?: string;
  labelsOutput?: string;
  thresholds: Thresholds;
  outputs: Record<string, Thresholds>;
  where?: Where;
}

export interface CalibrationSection {
  /** 'auto' or an absolute path. */
  inputs: string;
  samples?: number;
  method: 'minmax' | 'percentile' | 'entropy';
  where: Where;
}

export interface LatencyConfig {
  runs: number;
  warmup: number;
  threads: number;
}

export type BudgetName = 'max-size' | 'min-reduction' | 'max-latency-ms' | 'min-speedup' | 'max-accuracy-drop';

export interface BudgetConfig {
  name: BudgetName;
  /** Bytes for max-size, a factor for min-reduction/min-speedup, ms, or an accuracy fraction. */
  limit: number;
  /** As written in the config (`15MB`, `75%`). */
  text: string;
  where: Where;
}

/** Budgets against the base branch's last report (the Action's `baseline: true`), evaluated in baseline-budgets.ts. */
export type BaselineBudgetName = 'max-growth' | 'max-latency-regression';

export interface BaselineBudgetConfig {
  name: BaselineBudgetName;
  /** A fraction of the baseline's value (`1%` → 0.01), or an absolute amount (bytes; ms). */
  limit: number;
  relative: boolean;
  text: string;
  where: Where;
}

export interface StageEntry {
  spec: StageSpec;
  where?: Where;
}

export interface ModelConfig {
  name: string;
  source: SourceSpec;
  /** Where `source` is written (a missing file is reported there). */
  sourceWhere?: Where;
  /** Absolute path of the slim model. */
  output: string;
  stages: StageEntry[];
  parity: ParityConfig | false;
  /** Samples for static quantization (absent: auto samples with their own seed). */
  calibration?: CalibrationSection;
  latency: LatencyConfig | false;
  budgets: BudgetConfig[];
  /** max-growth / max-latency-regression: checked only where a baseline report exists. */
  baselineBudgets?: BaselineBudgetConfig[];
  strategy: 'stages' | 'auto';
  objective: 'size' | 'latency';
  maxSearchTimeS: number;
  where: Where;
}

export interface Config {
  /** The config file as given (used in messages and the report marker). */
  file: string;
  dir: string;
  models: ModelConfig[];
}

export const DEFAULT_PARITY = { inputs: 'auto', samples: 4, seed: AUTO_SEED } as const;
export const DEFAULT_LATENCY: LatencyConfig = { runs: 20, warmup: 3, threads: 1 };
/** Seconds `strategy: auto` may search when the config does not say. */
export const DEFAULT_MAX_SEARCH_TIME_S = 600;
