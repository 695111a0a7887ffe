/**
 * `npm run bench [NAME...]`: runs the named benches (default: all) one after another.
 * A bench is a module with `run(): Promise<void>` that prints its own table; add one as a row below.
 * `peers` runs only when named: it installs Python venvs and fetches models (bench/peers-env.ts).
 */
const BENCHES: Record<string, () => Promise<{ run(): Promise<void> }>> = {
  foundation: () => import('./foundation.js'),
  quantize: () => import('./quantize.js'),
  stream: () => import('./stream.js'),
  'graph-scale': () => import('./graph-scale.js'),
  ocr: () => import('./ocr.js'),
  int4: () => import('./int4.js'),
  fuse: () => import('./fuse.js'),
  static: () => import('./static.js'),
  'static-transformer': () => import('./static-transformer.js'),
  peers: () => import('./peers.js'),
};

const names = process.argv.slice(2);
const unknown = names.filter((n) => !Object.hasOwn(BENCHES, n));
if (unknown.length) {
  console.error(`bench: unknown bench ${unknown.join(', ')}; known: ${Object.keys(BENCHES).join(', ')}`);
  process.exit(2);
}
const OPT_IN = new Set(['peers']);
for (const name of names.length ? names : Object.keys(BENCHES).filter((n) => !OPT_IN.has(n))) {
  console.log(`\n## bench ${name}\n`);
  await (await BENCHES[name]!()).run();
}
