// Layers point one way (ARCHITECTURE.md): a file under src/ imports only from its own folder and the
// folders below it. Type-only imports count too: a type is owned by one layer and lives there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Lowest first. cli and action are two adapters side by side: neither imports the other. */
const LAYERS = ['onnx', 'graph', 'runtime', 'stages', 'config', 'check', 'pipeline', 'report', 'cli', 'action'] as const;
/** src/index.ts, the library API, sits above the core and below the adapters (PRODUCT.md: the core never imports cli/ or action/). */
const LIBRARY_RANK = LAYERS.indexOf('report') + 0.5;
const SRC = path.resolve('src');

/**
 * The module specifiers a TypeScript file imports: `import … from`, `export … from` (type-only or not,
 * over several lines), `import '…'`, and `import('…')` (a dynamic import or a type written inline).
 * Comments are dropped first, so an example in a doc comment is not an import.
 */
function importedSpecifiers(source: string): string[] {
  const code = source.replace(/\/\*[^]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const found: string[] = [];
  for (const re of [
    /(?:^|[;\n])\s*(?:import|export)\b[^;'"`]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /(?:^|[;\n])\s*import\s*['"]([^'"]+)['"]/g,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
  ]) {
    for (const m of code.matchAll(re)) found.push(m[1]!);
  }
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

/** The layer rank of a file under src/ (its top folder), or undefined for a folder not in LAYERS. */
function rankOf(file: string): number | undefined {
  const rel = path.relative(SRC, file).split(path.sep);
  if (rel.length === 1) return rel[0] === 'index.ts' ? LIBRARY_RANK : undefined;
  const i = LAYERS.indexOf(rel[0] as (typeof LAYERS)[number]);
  return i < 0 ? undefined : i;
}

const layerName = (file: string) => path.relative(SRC, file).split(path.sep)[0]!;

/** Every import between files of src/, as [importer, imported] absolute .ts paths. */
function srcImports(): [string, string][] {
  const edges: [string, string][] = [];
  for (const file of sourceFiles(SRC)) {
    for (const spec of importedSpecifiers(readFileSync(file, 'utf8'))) {
      if (!spec.startsWith('.')) continue;
      edges.push([file, path.resolve(path.dirname(file), spec).replace(/\.js$/, '.ts')]);
    }
  }
  return edges;
}

test('the import parser finds every form of import, and none in comments', () => {
  const source = [
    "import { a, type B } from './a.js';",
    'import type {',
    '  C,',
    '  D,',
    "} from '../c.js';",
    "export { e } from './e.js';",
    "export type { F } from './f.js';",
    "import './side-effect.js';",
    "const g = new Map<string, import('../g.js').G>();",
    "const h = async () => (await import('./h.js')).h;",
    "/** Not an import: import { x } from './comment.js'; */",
    "// import { y } from './line-comment.js';",
    "const s = 'from here'; import path from 'node:path';",
  ].join('\n');
  assert.deepEqual(importedSpecifiers(source).sort(),
    ['../c.js', '../g.js', './a.js', './e.js', './f.js', './h.js', './side-effect.js', 'node:path'].sort());
});

test('layers point one way: no file under src/ imports from a higher layer (type-only imports included)', () => {
  const edges = srcImports();
  // The scan sees the real imports: every layer above onnx reads from below it.
  for (const layer of LAYERS.slice(1)) {
    assert.ok(edges.some(([from, to]) => layerName(from) === layer && layerName(to) !== layer), `no import out of src/${layer} was found: the parser is broken`);
  }
  const unplaced = sourceFiles(SRC).filter((f) => rankOf(f) === undefined).map((f) => path.relative(SRC, f));
  assert.deepEqual(unplaced, [], 'every folder of src/ has a place in the layer order (LAYERS here, the picture in ARCHITECTURE.md)');
  const upward = edges
    .filter(([from, to]) => layerName(from) !== layerName(to))
    .filter(([from, to]) => {
      const a = rankOf(from)!;
      const b = rankOf(to)!;
      const adapters = ['cli', 'action'];
      return b > a || (adapters.includes(layerName(from)) && adapters.includes(layerName(to)));
    })
    .map(([from, to]) => `src/${path.relative(SRC, from)} → src/${path.relative(SRC, to)}`);
  assert.deepEqual(upward, [], 'move the imported thing down to the layer that owns it (ARCHITECTURE.md)');
});

test('no import cycles between files of src/ (static imports, type-only included)', () => {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const source = readFileSync(file, 'utf8').replace(/\bimport\(\s*['"][^'"]+['"]\s*\)/g, '');
    graph.set(file, importedSpecifiers(source).filter((s) => s.startsWith('.')).map((s) => path.resolve(path.dirname(file), s).replace(/\.js$/, '.ts')));
  }
  // Depth-first search; a back edge closes a cycle, reported as the files on it.
  const state = new Map<string, 'open' | 'done'>();
  const cycles: string[] = [];
  const stack: string[] = [];
  const visit = (f: string) => {
    state.set(f, 'open');
    stack.push(f);
    for (const g of graph.get(f) ?? []) {
      if (state.get(g) === 'open') cycles.push([...stack.slice(stack.indexOf(g)), g].map((p) => path.relative(SRC, p)).join(' → '));
      else if (!state.has(g)) visit(g);
    }
    stack.pop();
    state.set(f, 'done');
  };
  for (const f of graph.keys()) if (!state.has(f)) visit(f);
  assert.deepEqual(cycles, []);
});
