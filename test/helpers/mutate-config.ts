/**
 * A seeded mutator for onnx-diet.yml (issue 6, item 3): structural edits of the parsed config (drop or
 * rename keys, swap value types, huge and non-finite numbers, escaping paths, deep nesting) written back
 * as YAML, YAML-level attacks (alias bombs, anchors, duplicate keys, tags) and byte-level edits of the text.
 */
import { stringify } from 'yaml';
import { Rng } from './mutate.js';

/** Valid configs the mutations start from; between them they use every section and key. */
export const CONFIG_SEEDS: readonly string[] = [
  `models:
  - name: albert
    source: models/albert.onnx
`,
  `# yaml-language-server: $schema=../schema/onnx-diet.schema.json
defaults:
  stages: [dedup, prune]
  latency: { runs: 5, warmup: 1, threads: 2 }
  budgets: { min-reduction: 75% }
models:
  - name: albert
    source: models/albert.onnx
    output: slim/albert.onnx
    stages: [dedup, { quantize-int8: { per-channel: true, ops: [MatMul, Gemm] } }, fp16]
    parity:
      inputs: auto
      samples: 8
      seed: 3
      dims: { batch: 1, seq: 16 }
      thresholds:
        cosine: 0.995
        max-abs: 0.01
        outputs: { logits: { top1: 0.9, allow-non-finite: false } }
    latency: { warmup: 1 }
    budgets: { max-size: 15MB, max-latency-ms: 500, min-speedup: 1.1x }
  - name: gpt
    source: { url: "https://example.com/gpt.onnx", sha256: "${'ab'.repeat(32)}" }
    stages: [{ quantize-int4: { block-size: 32 } }]
    parity: false
    latency: false
    budgets: { max-size: 14.3MiB, min-reduction: 4x }
`,
  `models:
  - name: vad
    source: { artifact: exported-model, path: vad.onnx }
    output: out/vad.onnx
    strategy: auto
    objective: latency
    max-search-time: 120
    parity:
      inputs: data/inputs
      labels: data/labels.json
      labels-output: probs
    budgets: { max-accuracy-drop: 1%, max-size: 1048576 }
`,
];

const KEYS = ['models', 'defaults', 'name', 'source', 'output', 'stages', 'parity', 'latency', 'budgets', 'inputs', 'samples',
  'seed', 'dims', 'thresholds', 'cosine', 'max-abs', 'top1', 'runs', 'warmup', 'threads', 'max-size', 'min-reduction',
  'url', 'sha256', 'artifact', 'path', 'strategy', 'labels', '__proto__', 'constructor', 'toString', ''];

/** Values that are wrong somewhere and maybe right elsewhere: types, extremes, non-finite, hostile paths. */
const ODD_VALUES: readonly unknown[] = [
  null, true, false, 0, -1, -0.5, 1e309, -1e309, NaN, 2 ** 53 + 2, 2 ** 64, 18446744073709551616n, 1e-320, 0.1,
  '', ' ', 'x', '15MB', '4x', '75%', '100%', '1e309', '-3', 'auto', 'dedup', 'quantise-int8', '../../etc/x', '/etc/passwd',
  '/tmp/onnx-diet-escape.onnx', 'C:\\Windows\\x.onnx', 'http://example.com/a.onnx', 'https://', 'a\u0000b', '\u202e', '☃'.repeat(50),
  'x'.repeat(5000), [], [null], [[[]]], {}, { a: { b: { c: {} } } }, { 'quantize-int8': { 'per-channel': 'yes' } },
  { url: 'https://e.com/a.onnx', sha256: 'zz' }, { artifact: '' },
];

export type ConfigMutation =
  | 'drop-key' | 'rename-key' | 'swap-value' | 'odd-value' | 'add-key' | 'deep-nesting' | 'escape-path' | 'duplicate-model'
  | 'alias-bomb' | 'anchor-reuse' | 'duplicate-key' | 'tag' | 'text-flip' | 'text-cut' | 'text-splice' | 'indent';

export const CONFIG_MUTATIONS: readonly ConfigMutation[] = ['drop-key', 'rename-key', 'swap-value', 'odd-value', 'add-key',
  'deep-nesting', 'escape-path', 'duplicate-model', 'alias-bomb', 'anchor-reuse', 'duplicate-key', 'tag', 'text-flip',
  'text-cut', 'text-splice', 'indent'];

type Json = unknown;
interface Slot { parent: Record<string, Json> | Json[]; key: string | number }

/** Every place in a parsed config a value sits (object keys and list items), parents before children. */
function slots(v: Json, out: Slot[] = []): Slot[] {
  if (Array.isArray(v)) v.forEach((item, i) => { out.push({ parent: v, key: i }); slots(item, out); });
  else if (v && typeof v === 'object') {
    for (const [k, item] of Object.entries(v)) { out.push({ parent: v as Record<string, Json>, key: k }); slots(item, out); }
  }
  return out;
}

function get(s: Slot): Json { return (s.parent as Record<string | number, Json>)[s.key]; }
function set(s: Slot, value: Json): void { (s.parent as Record<string | number, Json>)[s.key] = value; }

function remove(s: Slot): void {
  if (Array.isArray(s.parent)) s.parent.splice(s.key as number, 1);
  else delete s.parent[s.key as string];
}

/** Renames an object key in place, keeping the order of the other keys. */
function rename(s: Slot, to: string): void {
  if (Array.isArray(s.parent)) return;
  const entries = Object.entries(s.parent).map(([k, v]): [string, Json] => [k === s.key ? to : k, v]);
  for (const k of Object.keys(s.parent)) delete s.parent[k];
  for (const [k, v] of entries) Object.defineProperty(s.parent, k, { value: v, enumerable: true, writable: true, configurable: true });
}

function typo(rng: Rng, word: string): string {
  if (word.length < 2) return `${word}x`;
  const i = rng.int(word.length - 1);
  switch (rng.int(4)) {
    case 0: return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
    case 1: return word.slice(0, i) + word.slice(i + 1);
    case 2: return word.replace(/-/g, '_');
    default: return word.toUpperCase();
  }
}

function nested(depth: number, leaf: Json): Json {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { k: v };
  return v;
}

function toYaml(data: Json, rng: Rng): string {
  // BigInt and non-finite numbers are written as YAML has them (.inf, .nan, plain digits).
  return stringify(data, { aliasDuplicateObjects: false, flowCollectionPadding: rng.int(2) === 0, lineWidth: 0 });
}

/** One mutated config text from `seed` (a valid config). */
export function mutateConfig(seed: string, data: Json, rng: Rng, kind: ConfigMutation): string {
  const copy = structuredClone(data) as Record<string, Json>;
  const all = slots(copy);
  const at = all.length ? rng.pick(all) : undefined;
  switch (kind) {
    case 'drop-key': if (at) remove(at); return toYaml(copy, rng);
    case 'rename-key': if (at && typeof at.key === 'string') rename(at, rng.int(3) === 0 ? rng.pick(KEYS) : typo(rng, at.key)); return toYaml(copy, rng);
    case 'swap-value': {
      if (!at) return toYaml(copy, rng);
      // Copies, so swapping a value with one inside it cannot make a cycle.
      const other = rng.pick(all);
      const [a, b] = [structuredClone(get(at)), structuredClone(get(other))];
      set(at, b);
      set(other, a);
      return toYaml(copy, rng);
    }
    case 'odd-value': if (at) set(at, structuredClone(rng.pick(ODD_VALUES))); return toYaml(copy, rng);
    case 'add-key': {
      const objects = all.map(get).filter((v): v is Record<string, Json> => !!v && typeof v === 'object' && !Array.isArray(v));
      const target = objects.length ? rng.pick(objects) : copy;
      target[rng.pick(KEYS)] = structuredClone(rng.pick(ODD_VALUES));
      return toYaml(copy, rng);
    }
    case 'deep-nesting': if (at) set(at, nested(1 + rng.int(rng.int(2) ? 40 : 400), rng.pick(ODD_VALUES))); return toYaml(copy, rng);
    case 'escape-path': {
      const pathSlots = all.filter((s) => ['source', 'output', 'inputs', 'labels', 'path'].includes(String(s.key)));
      const s = pathSlots.length ? rng.pick(pathSlots) : at;
      if (s) set(s, rng.pick(['../../etc/x.onnx', '/etc/passwd', '/tmp/escape.onnx', 'a/../../b.onnx', '~/x.onnx', '.', '..', 'out/', 'a\u0000b']));
      return toYaml(copy, rng);
    }
    case 'duplicate-model': {
      const models = copy.models;
      if (Array.isArray(models) && models.length) models.push(structuredClone(rng.pick(models)));
      return toYaml(copy, rng);
    }
    case 'alias-bomb': return aliasBomb(rng) + seed;
    case 'anchor-reuse': {
      // A legitimate-looking anchor on a section, aliased from a random spot (or from itself).
      const text = seed.replace(/^(\s+)(parity|latency|budgets|stages): /m, '$1$2: &sec ');
      return text.includes('&sec') ? text.replace(/(\n\s+)(name|output|latency|seed): [^\n]*/, `$1$2: *${rng.int(2) ? 'sec' : 'nope'}`) : text;
    }
    case 'duplicate-key': {
      const lines = seed.split('\n');
      const i = rng.int(lines.length);
      lines.splice(i, 0, lines[i]!);
      return lines.join('\n');
    }
    case 'tag': {
      const tags = ['!!binary', '!!set', '!!omap', '!!timestamp', '!!float', '!!int', '!!str', '!!js/function', '!custom', '!!map', '!!seq'];
      return seed.replace(/: (?=[^\n&*])/g, (m) => (rng.int(4) === 0 ? `: ${rng.pick(tags)} ` : m));
    }
    case 'text-flip': {
      const b = Buffer.from(seed);
      for (let n = 1 + rng.int(4); n > 0; n--) { const j = rng.int(b.length); b[j] = b[j]! ^ (1 << rng.int(8)); }
      return b.toString('utf8');
    }
    case 'text-cut': return seed.slice(0, rng.int(seed.length));
    case 'text-splice': {
      const pieces = [':', '- ', '{', '}', '[', ']', '&a ', '*a', '? ', '|', '>', '"', "'", '#', '\t', '\n', '%YAML 1.1\n', '---\n', '...\n', '<<: ', '@', '`', '\\', '\u0000', '\uFEFF'];
      const j = rng.int(seed.length);
      return seed.slice(0, j) + rng.pick(pieces) + seed.slice(j + rng.int(3));
    }
    case 'indent': {
      const lines = seed.split('\n');
      const i = rng.int(lines.length);
      lines[i] = rng.int(2) ? ` ${lines[i]}` : lines[i]!.replace(/^ {1,2}/, '');
      return lines.join('\n');
    }
  }
}

/** "Billion laughs": each level aliases the previous one `width` times; the seed's keys follow. */
export function aliasBomb(rng: Rng, levels = 3 + rng.int(8), width = 2 + rng.int(9)): string {
  const lines = ['l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i < levels; i++) lines.push(`l${i}: &l${i} [${Array(width).fill(`*l${i - 1}`).join(', ')}]`);
  return `${lines.join('\n')}\n`;
}
