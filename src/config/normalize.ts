/**
 * Raw (schema-checked) config data → the typed Config: `defaults` merged under each model, paths resolved
 * against the config's folder, sizes and ratios parsed, every budget and threshold given its location.
 */
import path from 'node:path';
import { DEFAULT_STAGES, type StageSpec } from '../stages/registry.js';
import { parseFactor, parseRatio, parseSize } from './sizes.js';
import {
  ConfigError, DEFAULT_LATENCY, DEFAULT_MAX_SEARCH_TIME_S, DEFAULT_PARITY, type BaselineBudgetConfig, type BudgetConfig, type BudgetName, type Config, type LatencyConfig,
  type ModelConfig, type ParityConfig, type SourceSpec, type Thresholds, type Where,
} from './types.js';
import { formatPath, type DataPath } from './validate.js';

export type Raw = Record<string, unknown>;
export interface RawConfig {
  defaults?: Raw;
  models: Raw[];
}
export type Locate = (p: DataPath, atKey?: boolean) => Where;

/** A section value together with the data path it was written at (for locations after merging). */
interface Sourced<T> {
  value: T;
  path: DataPath;
}

/** Model section keys override `defaults` section keys, each remembering where it was written. */
function mergedSection(raw: RawConfig, index: number, section: string): Map<string, Sourced<unknown>> | false | undefined {
  const own = raw.models[index]![section];
  if (own === false) return false;
  const base = raw.defaults?.[section];
  if (own === undefined && base === false) return false;
  if (own === undefined && base === undefined) return undefined;
  const merged = new Map<string, Sourced<unknown>>();
  const add = (obj: unknown, prefix: DataPath) => {
    if (obj && typeof obj === 'object') for (const [k, v] of Object.entries(obj)) merged.set(k, { value: v, path: [...prefix, k] });
  };
  add(base, ['defaults', section]);
  add(own, ['models', index, section]);
  return merged;
}

export function normalize(raw: RawConfig, file: string, locate: Locate): Config {
  const dir = path.dirname(path.resolve(file));
  const abs = (p: string) => path.resolve(dir, p);
  const models = raw.models.map((m, i): ModelConfig => {
    const name = m.name as string;
    const stagesAt: DataPath = m.stages !== undefined ? ['models', i, 'stages'] : ['defaults', 'stages'];
    const stageList = (m.stages ?? raw.defaults?.stages) as StageSpec[] | undefined;
    return {
      name,
      source: normalizeSource(m.source, abs),
      sourceWhere: locate(['models', i, 'source']),
      output: abs((m.output as string | undefined) ?? path.join('out', `${name}.slim.onnx`)),
      stages: stageList
        ? stageList.map((spec, k) => ({ spec, where: locate([...stagesAt, k]) }))
        : DEFAULT_STAGES.map((spec) => ({ spec })),
      parity: normalizeParity(mergedSection(raw, i, 'parity'), abs, locate, ['models', i, 'parity']),
      ...normalizeCalibration(m.calibration as Raw | undefined, abs, () => locate(['models', i, 'calibration'], true)),
      latency: normalizeLatency(mergedSection(raw, i, 'latency')),
      budgets: normalizeBudgets(mergedSection(raw, i, 'budgets'), locate),
      baselineBudgets: normalizeBaselineBudgets(mergedSection(raw, i, 'budgets'), locate),
      strategy: (m.strategy as 'stages' | 'auto' | undefined) ?? 'stages',
      objective: (m.objective as 'size' | 'latency' | undefined) ?? 'size',
      maxSearchTimeS: (m['max-search-time'] as number | undefined) ?? DEFAULT_MAX_SEARCH_TIME_S,
      where: locate(['models', i]),
    };
  });
  return { file, dir, models };
}

function normalizeSource(src: unknown, abs: (p: string) => string): SourceSpec {
  if (typeof src === 'string') {
    if (src.startsWith('https://')) return { kind: 'url', url: src };
    // `models/albert.onnx.dvc` (the file `dvc add` wrote) names the DVC-tracked model next to it.
    if (/\.onnx\.dvc$/i.test(src)) return { kind: 'dvc', path: abs(src.slice(0, -'.dvc'.length)) };
    return { kind: 'path', path: abs(src) };
  }
  const o = src as Raw;
  if (typeof o.dvc === 'string') return { kind: 'dvc', path: abs(o.dvc), ...(o.push === true ? { push: true } : {}) };
  if (typeof o.url === 'string') return { kind: 'url', url: o.url, sha256: (o.sha256 as string | undefined)?.toLowerCase() };
  return { kind: 'artifact', artifact: o.artifact as string, path: o.path as string | undefined };
}

const THRESHOLD_KEYS = { 'max-abs': 'maxAbs', 'mean-abs': 'meanAbs', cosine: 'cosine', top1: 'top1', 'allow-non-finite': 'allowNonFinite' } as const;

function thresholdsFrom(entries: Iterable<[string, Sourced<unknown>]>, locate: Locate): Thresholds {
  const t: Thresholds = { where: {} };
  for (const [k, { value, path: p }] of entries) {
    const field = THRESHOLD_KEYS[k as keyof typeof THRESHOLD_KEYS];
    if (!field) continue;
    (t as unknown as Record<string, unknown>)[field] = value;
    t.where[k] = locate(p);
  }
  return t;
}

function sourcedEntries(obj: unknown, p: DataPath): [string, Sourced<unknown>][] {
  return Object.entries((obj ?? {}) as Raw).map(([k, v]) => [k, { value: v, path: [...p, k] }]);
}

function normalizeParity(
  section: Map<string, Sourced<unknown>> | false | undefined, abs: (p: string) => string, locate: Locate, ownPath: DataPath,
): ParityConfig | false {
  if (section === false) return false;
  const get = <T>(k: string) => section?.get(k)?.value as T | undefined;
  const inputs = get<string>('inputs') ?? DEFAULT_PARITY.inputs;
  const thr = section?.get('thresholds');
  const outputs: Record<string, Thresholds> = {};
  const outs = (thr?.value as Raw | undefined)?.outputs as Raw | undefined;
  for (const [name, o] of Object.entries(outs ?? {})) {
    outputs[name] = thresholdsFrom(sourcedEntries(o, [...thr!.path, 'outputs', name]), locate);
  }
  const labels = get<string>('labels');
  return {
    inputs: inputs === 'auto' ? 'auto' : abs(inputs),
    samples: get<number>('samples') ?? DEFAULT_PARITY.samples,
    seed: get<number>('seed') ?? DEFAULT_PARITY.seed,
    dims: get<Record<string, number>>('dims') ?? {},
    labels: labels === undefined ? undefined : abs(labels),
    labelsOutput: get<string>('labels-output'),
    thresholds: thresholdsFrom(thr ? sourcedEntries(thr.value, thr.path) : [], locate),
    outputs,
    where: section ? locate(ownPath, true) : undefined,
  };
}

function normalizeCalibration(c: Raw | undefined, abs: (p: string) => string, where: () => Where): { calibration?: ModelConfig['calibration'] } {
  if (!c) return {};
  const inputs = (c.inputs as string | undefined) ?? 'auto';
  return {
    calibration: {
      inputs: inputs === 'auto' ? 'auto' : abs(inputs),
      samples: c.samples as number | undefined,
      method: (c.method as 'minmax' | 'percentile' | 'entropy' | undefined) ?? 'minmax',
      where: where(),
    },
  };
}

function normalizeLatency(section: Map<string, Sourced<unknown>> | false | undefined): LatencyConfig | false {
  if (section === false) return false;
  const get = (k: keyof LatencyConfig) => section?.get(k)?.value as number | undefined;
  return {
    runs: get('runs') ?? DEFAULT_LATENCY.runs,
    warmup: get('warmup') ?? DEFAULT_LATENCY.warmup,
    threads: get('threads') ?? DEFAULT_LATENCY.threads,
  };
}

const BUDGET_PARSERS: Record<BudgetName, (v: unknown) => number | undefined> = {
  'max-size': parseSize,
  'min-reduction': parseRatio,
  'max-latency-ms': (v) => (typeof v === 'number' ? v : undefined),
  'min-speedup': parseFactor,
  'max-accuracy-drop': (v) => (typeof v === 'number' ? v : typeof v === 'string' ? Number.parseFloat(v) / 100 : undefined),
};

function normalizeBudgets(section: Map<string, Sourced<unknown>> | false | undefined, locate: Locate): BudgetConfig[] {
  if (!section) return [];
  const out: BudgetConfig[] = [];
  for (const [k, { value, path: p }] of section) {
    if (k in BASELINE_BUDGET_PARSERS) continue;
    const name = k as BudgetName;
    const limit = BUDGET_PARSERS[name](value);
    const where = locate(p);
    // The schema admits the form; this catches what a pattern cannot (e.g. `100%`, sizes past 2^53).
    if (limit === undefined || !Number.isFinite(limit)) {
      throw new ConfigError([{ ...where, message: `${formatPath(p)}: ${JSON.stringify(value)} is not a usable ${name} value` }]);
    }
    out.push({ name, limit, text: String(value), where });
  }
  return out;
}


/** `1%` → a fraction of the baseline; a size (`100kB`, bytes) or milliseconds (`5`, `5ms`) → an amount. */
const BASELINE_BUDGET_PARSERS: Record<BaselineBudgetConfig['name'], (v: unknown) => { limit: number; relative: boolean } | undefined> = {
  'max-growth': (v) => percent(v) ?? amount(parseSize(v)),
  'max-latency-regression': (v) => percent(v) ?? amount(typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+(\.\d+)?\s*ms\s*$/.test(v) ? Number.parseFloat(v) : undefined),
};

function percent(v: unknown): { limit: number; relative: boolean } | undefined {
  const m = typeof v === 'string' ? /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(v) : null;
  return m ? { limit: Number(m[1]) / 100, relative: true } : undefined;
}

function amount(x: number | undefined): { limit: number; relative: boolean } | undefined {
  return x === undefined || !Number.isFinite(x) || x < 0 ? undefined : { limit: x, relative: false };
}

function normalizeBaselineBudgets(section: Map<string, Sourced<unknown>> | false | undefined, locate: Locate): BaselineBudgetConfig[] {
  if (!section) return [];
  const out: BaselineBudgetConfig[] = [];
  for (const [k, { value, path: p }] of section) {
    if (!(k in BASELINE_BUDGET_PARSERS)) continue;
    const name = k as BaselineBudgetConfig['name'];
    const parsed = BASELINE_BUDGET_PARSERS[name](value);
    const where = locate(p);
    if (!parsed) throw new ConfigError([{ ...where, message: `${formatPath(p)}: ${JSON.stringify(value)} is not a usable ${name} value` }]);
    out.push({ name, ...parsed, text: String(value), where });
  }
  return out;
}
