/**
 * Reads onnx-diet.yml: YAML (the `yaml` package, aliases bounded) → JSON Schema check (schema.ts via
 * validate.ts) → a typed, normalized Config whose every budget and threshold remembers the file:line:col it
 * came from, so a failing budget can point at its line. Relative paths resolve against the config's folder.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, visit, type Document, type Node } from 'yaml';
import { oneLine, UsageError } from '../onnx/errors.js';
import { DEFAULT_STAGES } from '../pipeline/compress.js';
import type { StageSpec } from '../stages/registry.js';
import { CONFIG_SCHEMA } from './schema.js';
import { parseFactor, parseRatio, parseSize } from './sizes.js';
import { validateAgainstSchema, type DataPath } from './validate.js';
import { insideWorkspace, outsideMessage, workspaceRoots } from './workspace.js';

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
  | { kind: 'artifact'; artifact: string; path?: string };

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

export interface StageEntry {
  spec: StageSpec;
  where?: Where;
}

export interface ModelConfig {
  name: string;
  source: SourceSpec;
  /** Absolute path of the slim model. */
  output: string;
  stages: StageEntry[];
  parity: ParityConfig | false;
  latency: LatencyConfig | false;
  budgets: BudgetConfig[];
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

export const DEFAULT_PARITY = { inputs: 'auto', samples: 4, seed: 0 } as const;
export const DEFAULT_LATENCY: LatencyConfig = { runs: 20, warmup: 3, threads: 1 };
/** Seconds `strategy: auto` may search when the config does not say. */
export const DEFAULT_MAX_SEARCH_TIME_S = 600;
/** YAML anchors may be reused, but an alias "billion laughs" must not expand without bound. */
export const MAX_ALIAS_COUNT = 100;
const MAX_CONFIG_BYTES = 1 << 20;

/** Reads and checks a config file; throws ConfigError (→ exit 2) with file:line:col lines. */
export function loadConfig(file: string): Config {
  let text: string;
  try {
    const st = statSync(file);
    if (!st.isFile()) throw new ConfigError([{ file, line: 1, col: 1, message: 'not a file' }]);
    if (st.size > MAX_CONFIG_BYTES) throw new ConfigError([{ file, line: 1, col: 1, message: `${st.size} bytes; a config is at most 1 MiB` }]);
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if (e instanceof ConfigError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') throw new UsageError(`${file}: cannot read the config (${code ?? String(e)})`);
    throw new UsageError(`${file}: no such config file; write one (see examples/onnx-diet.yml) or pass --config FILE`);
  }
  return parseConfig(text, file, { workspace: workspaceRoots(file) });
}

export interface ParseOptions {
  /** Folders every path of the config must stay in (workspace.ts); loadConfig passes workspaceRoots(). */
  workspace?: readonly string[];
}

/** YAML's parser recurses per nesting level; a hostile file nests until the stack runs out. */
function yamlMessage(message: string): string {
  const first = message.split('\n')[0]!;
  return /call stack/i.test(first) ? 'YAML: nested too deeply (a config needs a few levels, not hundreds)' : `YAML: ${first}`;
}

/** Parses config text; `file` names it in messages and anchors relative paths. */
export function parseConfig(text: string, file: string, opts: ParseOptions = {}): Config {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number): Where => ({ file, ...lines.linePos(offset) });
  const yamlIssues = [...doc.errors, ...doc.warnings].map((e) => ({ ...at(e.pos[0]), message: yamlMessage(e.message) }));
  if (yamlIssues.length) throw new ConfigError(yamlIssues);
  const complexKey = firstComplexKey(doc);
  if (complexKey !== undefined) throw new ConfigError([{ ...at(complexKey), message: 'YAML: a key must be a plain name, not a list, mapping or alias' }]);

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    const message = (e as Error).message;
    throw new ConfigError([{ ...at(0), message: /call stack/i.test(message) ? yamlMessage(message) : `YAML: ${message} (aliases may expand at most ${MAX_ALIAS_COUNT} times)` }]);
  }
  if (data === null || data === undefined) {
    throw new ConfigError([{ ...at(0), message: 'the config is empty; it needs `models:` with at least one model' }]);
  }
  const locate = (p: DataPath, atKey = false) => at(nodeOffset(doc, p, atKey));
  const issues = validateAgainstSchema(data, CONFIG_SCHEMA).map((i) => ({
    ...locate(i.path, i.atKey), message: `${formatPath(i.path)}: ${i.message}`,
  }));
  if (issues.length) throw new ConfigError(issues);

  const config = normalize(data as RawConfig, file, locate);
  const seen = new Map<string, number>();
  const dupes: ConfigIssue[] = [];
  config.models.forEach((m, i) => {
    const first = seen.get(m.name);
    if (first !== undefined) dupes.push({ ...locate(['models', i, 'name']), message: `models[${i}].name: '${m.name}' is already the name of models[${first}]; names must be unique` });
    else seen.set(m.name, i);
    const clash = config.models.findIndex((o, j) => j < i && o.output === m.output);
    if (clash >= 0) dupes.push({ ...locate(['models', i, 'output']), message: `models[${i}].output: ${m.output} is also the output of models[${clash}]` });
    if (m.source.kind === 'path' && m.source.path === m.output) {
      dupes.push({ ...locate(['models', i, 'output']), message: `models[${i}].output: would overwrite the source model; choose another path` });
    }
  });
  (data as RawConfig).models.forEach((m, i) => {
    // Said twice and one silently ignored would be worse than refused: the CLI refuses --auto with --stages too.
    if (m.strategy === 'auto' && m.stages !== undefined) {
      dupes.push({ ...locate(['models', i, 'stages']), message: `models[${i}].stages: strategy: auto chooses the stages itself; remove stages or set strategy: stages` });
    }
    for (const key of ['objective', 'max-search-time'] as const) {
      if (m.strategy !== 'auto' && m[key] !== undefined) {
        dupes.push({ ...locate(['models', i, key]), message: `models[${i}].${key}: only strategy: auto uses it; add strategy: auto or remove ${key}` });
      }
    }
  });
  if (opts.workspace) dupes.push(...escapingPaths(config, data as RawConfig, opts.workspace, locate));
  for (const m of config.models) {
    for (const b of m.budgets) {
      const needs = NEEDS[b.name];
      if (needs && !needs.ok(m)) dupes.push({ ...b.where, message: `${m.name}: budget ${b.name} needs ${needs.what}` });
    }
  }
  if (dupes.length) throw new ConfigError(dupes);
  return config;
}

/**
 * Offset of the first key that is not a plain scalar (`? [a, b]: x`, `*alias: x`): a JS object cannot hold
 * it (yaml would stringify it and print a process warning), and no config key is one.
 */
function firstComplexKey(doc: Document): number | undefined {
  let found: number | undefined;
  visit(doc, {
    Pair(_, pair) {
      if (pair.key === null || isScalar(pair.key)) return undefined;
      found = (pair.key as Node).range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return found;
}

/** Budgets that need a measurement a model's config may switch off. */
const NEEDS: Partial<Record<BudgetName, { ok: (m: ModelConfig) => boolean; what: string }>> = {
  'max-latency-ms': { ok: (m) => m.latency !== false, what: 'latency measured (remove `latency: false`)' },
  'min-speedup': { ok: (m) => m.latency !== false, what: 'latency measured (remove `latency: false`)' },
  'max-accuracy-drop': { ok: (m) => m.parity !== false && m.parity.labels !== undefined, what: 'parity.labels (a file of expected class ids)' },
};

/** Paths of the config that leave the workspace (the rule is in workspace.ts). */
function escapingPaths(config: Config, raw: RawConfig, roots: readonly string[], locate: Locate): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  config.models.forEach((m, i) => {
    const own = raw.models[i]!;
    const at = (section: string, key: string): DataPath =>
      (own[section] as Raw | undefined)?.[key] !== undefined ? ['models', i, section, key] : ['defaults', section, key];
    const paths: [string | undefined, DataPath][] = [
      [m.source.kind === 'path' ? m.source.path : undefined, ['models', i, 'source']],
      [m.output, own.output !== undefined ? ['models', i, 'output'] : ['models', i, 'name']],
      [m.parity && m.parity.inputs !== 'auto' ? m.parity.inputs : undefined, at('parity', 'inputs')],
      [m.parity ? m.parity.labels : undefined, at('parity', 'labels')],
    ];
    for (const [p, where] of paths) {
      if (p === undefined || insideWorkspace(p, roots)) continue;
      issues.push({ ...locate(where), message: `${formatPath(where)}: ${p} ${outsideMessage(roots)}` });
    }
  });
  return issues;
}

/** `models[0].budgets.max-size` */
export function formatPath(p: DataPath): string {
  // A key from the file that is not a plain word (spaces, a BOM, quotes) is shown quoted, so it stays visible.
  const key = (k: string) => (/^[\w.-]+$/.test(k) ? k : JSON.stringify(k));
  return p.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? key(k) : `.${key(k)}`)).join('') || '(top level)';
}

/** Offset of the node at a data path (its key when atKey), or of the deepest node found on the way. */
function nodeOffset(doc: Document, p: DataPath, atKey: boolean): number {
  let node: unknown = doc.contents;
  let offset = (node as Node | null)?.range?.[0] ?? 0;
  for (const [i, key] of p.entries()) {
    let next: unknown;
    if (isMap(node)) {
      const pair = node.items.find((it) => isPair(it) && isScalar(it.key) && String(it.key.value) === String(key));
      if (!pair) break;
      const keyNode = pair.key as Node;
      if (i === p.length - 1 && atKey) return keyNode.range?.[0] ?? offset;
      offset = keyNode.range?.[0] ?? offset;
      next = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      next = node.items[key];
    } else break;
    const r = (next as Node | null)?.range;
    if (!r) break;
    offset = r[0];
    node = next;
  }
  return offset;
}

// ------------------------------------------------------------------------------------- normalizing

type Raw = Record<string, unknown>;
interface RawConfig {
  defaults?: Raw;
  models: Raw[];
}
type Locate = (p: DataPath, atKey?: boolean) => Where;

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

function normalize(raw: RawConfig, file: string, locate: Locate): Config {
  const dir = path.dirname(path.resolve(file));
  const abs = (p: string) => path.resolve(dir, p);
  const models = raw.models.map((m, i): ModelConfig => {
    const name = m.name as string;
    const stagesAt: DataPath = m.stages !== undefined ? ['models', i, 'stages'] : ['defaults', 'stages'];
    const stageList = (m.stages ?? raw.defaults?.stages) as StageSpec[] | undefined;
    return {
      name,
      source: normalizeSource(m.source, abs),
      output: abs((m.output as string | undefined) ?? path.join('out', `${name}.slim.onnx`)),
      stages: stageList
        ? stageList.map((spec, k) => ({ spec, where: locate([...stagesAt, k]) }))
        : DEFAULT_STAGES.map((spec) => ({ spec })),
      parity: normalizeParity(mergedSection(raw, i, 'parity'), abs, locate, ['models', i, 'parity']),
      latency: normalizeLatency(mergedSection(raw, i, 'latency')),
      budgets: normalizeBudgets(mergedSection(raw, i, 'budgets'), locate),
      strategy: (m.strategy as 'stages' | 'auto' | undefined) ?? 'stages',
      objective: (m.objective as 'size' | 'latency' | undefined) ?? 'size',
      maxSearchTimeS: (m['max-search-time'] as number | undefined) ?? DEFAULT_MAX_SEARCH_TIME_S,
      where: locate(['models', i]),
    };
  });
  return { file, dir, models };
}

function normalizeSource(src: unknown, abs: (p: string) => string): SourceSpec {
  if (typeof src === 'string') return src.startsWith('https://') ? { kind: 'url', url: src } : { kind: 'path', path: abs(src) };
  const o = src as Raw;
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
