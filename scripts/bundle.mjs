/**
 * Bundles the entry points into dist/ with esbuild (committed bundle, as the Action template does).
 * onnxruntime-node stays external: a native addon cannot be bundled; how the Action ships it is the
 * Action's decision. Output is deterministic (no timestamps, no absolute paths, stable order), so a
 * check-dist job can rebuild and diff.
 */
import { existsSync } from 'node:fs';
import { build } from 'esbuild';

const ENTRIES = [
  { in: 'src/cli/main.ts', out: 'cli' },
  { in: 'src/runtime/ort-worker.ts', out: 'ort-worker' },
  { in: 'src/stages/quant/int4-worker.ts', out: 'int4-worker' },
  { in: 'src/action/index.ts', out: 'index' },
];

// `--outdir DIR` builds elsewhere (the dist-in-sync test compares that build with the committed dist/).
const at = process.argv.indexOf('--outdir');
const outdir = at > 0 ? process.argv[at + 1] : 'dist';

const entryPoints = ENTRIES.filter((e) => existsSync(e.in));
await build({
  entryPoints,
  outdir,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['onnxruntime-node'],
  // Bundled CommonJS dependencies call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  legalComments: 'none',
  sourcemap: false,
  logLevel: 'warning',
});
for (const e of entryPoints) console.log(`${outdir}/${e.out}.js ← ${e.in}`);
