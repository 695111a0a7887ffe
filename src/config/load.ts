/**
 * Reads onnx-diet.yml: YAML (the `yaml` package, aliases bounded) → JSON Schema check (schema.ts via
 * validate.ts) → normalize.ts's typed Config → the checks that span keys (unique names and outputs,
 * budgets that need a step, paths inside the workspace). Every problem is reported at its file:line:col.
 */
import { readFileSync, statSync } from 'node:fs';
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, visit, type Document, type Node } from 'yaml';
import { UsageError } from '../onnx/errors.js';
import { normalize, type Locate, type Raw, type RawConfig } from './normalize.js';
import { CONFIG_SCHEMA } from './schema.js';
import { ConfigError, type BudgetName, type Config, type ConfigIssue, type ModelConfig, type Where } from './types.js';
import { formatPath, validateAgainstSchema, type DataPath } from './validate.js';
import { insideWorkspace, outsideMessage, workspaceRoots } from './workspace.js';

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
  const problems: ConfigIssue[] = []; // checks across keys: unique names and outputs, auto settings, paths, budgets
  const raw = data as RawConfig;
  config.models.forEach((m, i) => {
    const first = seen.get(m.name);
    if (first !== undefined) problems.push({ ...locate(['models', i, 'name']), message: `models[${i}].name: '${m.name}' is already the name of models[${first}]; names must be unique` });
    else seen.set(m.name, i);
    // Compared without case: on macOS and Windows `out/Albert.slim.onnx` and `out/albert.slim.onnx` are one file.
    const clash = config.models.findIndex((o, j) => j < i && o.output.toLowerCase() === m.output.toLowerCase());
    if (clash >= 0) problems.push({ ...locate(['models', i, 'output']), message: `models[${i}].output: ${m.output} is also the output of models[${clash}]` });
    if (m.source.kind === 'path' && m.source.path === m.output) {
      problems.push({ ...locate(['models', i, 'output']), message: `models[${i}].output: would overwrite the source model; choose another path` });
    }
    // Said twice and one silently ignored would be worse than refused: the CLI refuses --auto with --stages too.
    const own = raw.models[i]!;
    if (m.strategy === 'auto' && own.stages !== undefined) {
      problems.push({ ...locate(['models', i, 'stages']), message: `models[${i}].stages: strategy: auto chooses the stages itself; remove stages or set strategy: stages` });
    }
    // PRODUCT.md: calibration samples are never the parity samples (ranges fitted to the judged data).
    const c = m.calibration;
    if (c && c.inputs !== 'auto' && m.parity && m.parity.inputs === c.inputs) {
      problems.push({ ...locate(['models', i, 'calibration', 'inputs']), message: `models[${i}].calibration.inputs: ${c.inputs} is also the parity inputs; calibrate on other samples than those parity judges` });
    }
    for (const key of ['objective', 'max-search-time'] as const) {
      if (m.strategy !== 'auto' && own[key] !== undefined) {
        problems.push({ ...locate(['models', i, key]), message: `models[${i}].${key}: only strategy: auto uses it; add strategy: auto or remove ${key}` });
      }
    }
  });
  if (opts.workspace) problems.push(...escapingPaths(config, raw, opts.workspace, locate));
  for (const m of config.models) {
    for (const b of m.budgets) {
      const needs = NEEDS[b.name];
      if (needs && !needs.ok(m)) problems.push({ ...b.where, message: `${m.name}: budget ${b.name} needs ${needs.what}` });
    }
  }
  if (problems.length) throw new ConfigError(problems);
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
      [m.source.kind === 'path' || m.source.kind === 'dvc' ? m.source.path : undefined, ['models', i, 'source']],
      [m.output, own.output !== undefined ? ['models', i, 'output'] : ['models', i, 'name']],
      [m.parity && m.parity.inputs !== 'auto' ? m.parity.inputs : undefined, at('parity', 'inputs')],
      [m.parity ? m.parity.labels : undefined, at('parity', 'labels')],
      [m.calibration && m.calibration.inputs !== 'auto' ? m.calibration.inputs : undefined, ['models', i, 'calibration', 'inputs']],
    ];
    for (const [p, where] of paths) {
      if (p === undefined || insideWorkspace(p, roots)) continue;
      issues.push({ ...locate(where), message: `${formatPath(where)}: ${p} ${outsideMessage(roots)}` });
    }
  });
  return issues;
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
