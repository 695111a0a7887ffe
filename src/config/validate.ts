/**
 * A small validator for the JSON Schema subset schema.ts uses (2020-12 keywords: $ref into $defs, type,
 * const, enum, properties, required, additionalProperties, minProperties/maxProperties, items, minItems,
 * minimum/maximum/exclusiveMinimum, minLength, pattern, oneOf, anyOf). Issues carry the data path so
 * load.ts can point at the YAML line; unknown keys and bad enum values come with a did-you-mean.
 */

export type DataPath = (string | number)[];

export interface SchemaIssue {
  path: DataPath;
  message: string;
  /** The issue is about the key at `path` (an unknown key), not its value. */
  atKey?: boolean;
  /** Precise already (unknown key, missing key, suggestion): never replaced by an `x-expected` phrase. */
  specific?: boolean;
}

type Schema = { [k: string]: unknown };

export function validateAgainstSchema(value: unknown, schema: object): SchemaIssue[] {
  return check(value, schema as Schema, schema as Schema, []);
}

function check(v: unknown, s: Schema, root: Schema, path: DataPath): SchemaIssue[] {
  const issues = checkKeywords(v, s, root, path);
  const expected = s['x-expected'];
  if (typeof expected === 'string' && issues.length > 0 && issues.every((i) => !i.specific && samePath(i.path, path))) {
    return [{ path, message: `expected ${expected}, got ${describe(v)}` }];
  }
  return issues;
}

function checkKeywords(v: unknown, s: Schema, root: Schema, path: DataPath): SchemaIssue[] {
  if (typeof s.$ref === 'string') {
    const target = resolveRef(root, s.$ref);
    return check(v, target, root, path);
  }
  for (const key of ['oneOf', 'anyOf'] as const) {
    const branches = s[key] as Schema[] | undefined;
    if (!branches) continue;
    const results = branches.map((b) => check(v, b, root, path));
    const passing = results.filter((r) => r.length === 0).length;
    if (passing === 1 || (passing > 1 && key === 'anyOf')) continue;
    if (passing > 1) return [{ path, message: `matches more than one form (${describe(v)})` }];
    // Report the branch this value was evidently meant for (its type fits), else one general line.
    let fitting = branches.map((b, i) => (shapeFits(v, b, root) ? i : -1)).filter((i) => i >= 0);
    // Among mappings, the branch whose required keys are all present is the one meant.
    if (fitting.length > 1) fitting = fitting.filter((i) => hasRequired(v, branches[i]!));
    if (fitting.length === 1) return results[fitting[0]!]!;
    return [{ path, message: `expected ${branches.map((b) => typeWords(b, root)).join(' or ')}, got ${describe(v)}` }];
  }
  if ('const' in s && v !== s.const) return [{ path, message: `expected ${JSON.stringify(s.const)}, got ${describe(v)}` }];
  if (Array.isArray(s.enum) && !s.enum.includes(v)) {
    const options = s.enum.map(String);
    const hint = typeof v === 'string' ? suggest(v, options) : undefined;
    return [{
      path, specific: hint !== undefined,
      message: `${describe(v)} is not one of ${options.join(', ')}${hint ? `; did you mean '${hint}'?` : ''}`,
    }];
  }
  if (s.type !== undefined && !typeMatches(v, s.type as string | string[])) {
    return [{ path, message: `expected ${typeWords(s, root)}, got ${describe(v)}` }];
  }
  if (typeof v === 'number') return checkNumber(v, s, path);
  if (typeof v === 'string') return checkString(v, s, path);
  if (Array.isArray(v)) return checkArray(v, s, root, path);
  if (v !== null && typeof v === 'object') return checkObject(v as Record<string, unknown>, s, root, path);
  return [];
}

/** Past 2^53 a YAML number is no longer the number written (2^64 reads as 18446744073709552000). */
const LARGEST_EXACT = Number.MAX_SAFE_INTEGER;

function checkNumber(v: number, s: Schema, path: DataPath): SchemaIssue[] {
  // YAML has .nan and .inf, and 1e309 parses as Infinity: no setting means anything with them.
  if (!Number.isFinite(v)) return [{ path, message: `must be a finite number, got ${v}`, specific: true }];
  if (Math.abs(v) > LARGEST_EXACT) return [{ path, message: `${v} is too large (at most ${LARGEST_EXACT})`, specific: true }];
  if (typeof s.minimum === 'number' && v < s.minimum) return [{ path, message: `must be ≥ ${s.minimum}, got ${v}` }];
  if (typeof s.maximum === 'number' && v > s.maximum) return [{ path, message: `must be ≤ ${s.maximum}, got ${v}` }];
  if (typeof s.exclusiveMinimum === 'number' && v <= s.exclusiveMinimum) {
    return [{ path, message: `must be > ${s.exclusiveMinimum}, got ${v}` }];
  }
  return [];
}

function checkString(v: string, s: Schema, path: DataPath): SchemaIssue[] {
  if (typeof s.minLength === 'number' && v.length < s.minLength) return [{ path, message: 'must not be empty' }];
  if (typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(v)) {
    return [{ path, message: `${describe(v)} does not match the expected form` }];
  }
  return [];
}

function checkArray(v: unknown[], s: Schema, root: Schema, path: DataPath): SchemaIssue[] {
  if (typeof s.minItems === 'number' && v.length < s.minItems) {
    return [{ path, message: `needs at least ${s.minItems} item${s.minItems === 1 ? '' : 's'}` }];
  }
  const items = s.items as Schema | undefined;
  return items ? v.flatMap((item, i) => check(item, items, root, [...path, i])) : [];
}

function checkObject(v: Record<string, unknown>, s: Schema, root: Schema, path: DataPath): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  const props = (s.properties ?? {}) as Record<string, Schema>;
  const keys = Object.keys(v);
  for (const req of (s.required ?? []) as string[]) {
    if (!(req in v)) issues.push({ path, message: `missing key '${req}'`, specific: true });
  }
  if (typeof s.minProperties === 'number' && keys.length < s.minProperties) {
    issues.push({ path, message: `needs at least ${s.minProperties} key${s.minProperties === 1 ? '' : 's'}` });
  }
  if (typeof s.maxProperties === 'number' && keys.length > s.maxProperties) {
    issues.push({ path, message: `takes at most ${s.maxProperties} key${s.maxProperties === 1 ? '' : 's'}, got ${keys.join(', ')}`, specific: true });
  }
  for (const key of keys) {
    // Own keys only: `__proto__`, `constructor` or `toString` are unknown keys, not Object.prototype's.
    const propertySchema = Object.hasOwn(props, key) ? props[key] : undefined;
    if (propertySchema) {
      issues.push(...check(v[key], propertySchema, root, [...path, key]));
    } else if (s.additionalProperties === false) {
      const known = Object.keys(props);
      const hint = suggest(key, known);
      issues.push({
        path: [...path, key], atKey: true, specific: true,
        message: `unknown key '${key}'${hint ? `; did you mean '${hint}'?` : ''} (known: ${known.join(', ')})`,
      });
    } else if (typeof s.additionalProperties === 'object' && s.additionalProperties !== null) {
      issues.push(...check(v[key], s.additionalProperties as Schema, root, [...path, key]));
    }
  }
  return issues;
}

function resolveRef(root: Schema, ref: string): Schema {
  if (!ref.startsWith('#/')) throw new Error(`schema: only local $ref is supported, got ${ref}`);
  let node: unknown = root;
  for (const part of ref.slice(2).split('/')) node = (node as Schema)[part];
  if (!node || typeof node !== 'object') throw new Error(`schema: $ref ${ref} does not resolve`);
  return node as Schema;
}

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function typeMatches(v: unknown, type: string | string[]): boolean {
  const t = jsonType(v);
  const types = Array.isArray(type) ? type : [type];
  return types.includes(t) || (t === 'integer' && types.includes('number'));
}

/** Whether the value has the shape (type, or the const/enum's type) a oneOf branch is about. */
function shapeFits(v: unknown, s: Schema, root: Schema): boolean {
  if (typeof s.$ref === 'string') return shapeFits(v, resolveRef(root, s.$ref), root);
  if (s.type !== undefined) return typeMatches(v, s.type as string | string[]);
  if ('const' in s) return jsonType(v) === jsonType(s.const);
  return false;
}

function hasRequired(v: unknown, s: Schema): boolean {
  const required = (s.required ?? []) as string[];
  return v !== null && typeof v === 'object' && required.length > 0 && required.every((k) => k in v);
}

const TYPE_WORDS: Record<string, string> = {
  object: 'a mapping', array: 'a list', string: 'a string', integer: 'a whole number', number: 'a number',
  boolean: 'true or false', null: 'nothing',
};

function typeWords(s: Schema, root: Schema): string {
  if (typeof s.$ref === 'string') return typeWords(resolveRef(root, s.$ref), root);
  if (typeof s['x-expected'] === 'string') return s['x-expected'];
  if ('const' in s) return JSON.stringify(s.const);
  const types = s.type === undefined ? [] : Array.isArray(s.type) ? s.type : [s.type];
  return types.map((t) => TYPE_WORDS[t as string] ?? String(t)).join(' or ') || 'something else';
}

export function describe(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (Array.isArray(v)) return 'a list';
  if (v === null || v === undefined) return 'nothing';
  if (typeof v === 'object') return 'a mapping';
  return String(v);
}

/** The closest candidate within a small edit distance (Levenshtein; `_` and `-` and case are equal). */
export function suggest(word: string, candidates: readonly string[]): string | undefined {
  const norm = (s: string) => s.toLowerCase().replace(/_/g, '-');
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(norm(word), norm(c));
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length]!;
}

function samePath(a: DataPath, b: DataPath): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** `models[0].budgets.max-size` */
export function formatPath(p: DataPath): string {
  // A key from the file that is not a plain word (spaces, a BOM, quotes) is shown quoted, so it stays visible.
  const key = (k: string) => (/^[\w.-]+$/.test(k) ? k : JSON.stringify(k));
  return p.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? key(k) : `.${key(k)}`)).join('') || '(top level)';
}
