/**
 * Hostile configs, fuzzed (issue 6, item 3): thousands of seeded mutations of valid configs. Each must either
 * be a usable config — every number finite, every path inside the workspace — or be refused with a
 * ConfigError (a UsageError: exit 2) whose every line is `file:line:col: …`. Never another exception, never
 * a hang. In-process, as the CLI's `run` and the Action call it: parseConfig with the workspace rule, then
 * the stage check run does before reading any model. `FUZZ_CONFIG_CASES=100000` for a longer local run
 * (or `npm run fuzz`).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { parse } from 'yaml';
import { parseConfig } from '../src/config/load.js';
import { ConfigError, type Config } from '../src/config/types.js';
import { checkStages } from '../src/pipeline/run.js';
import { CONFIG_MUTATIONS, CONFIG_SEEDS, mutateConfig } from './helpers/mutate-config.js';
import { Rng } from './helpers/mutate.js';

const CASES = Number(process.env.FUZZ_CONFIG_CASES ?? 2500);
/** A config the fuzz pretends lives here; nothing is read or written. */
const WORKSPACE = path.resolve('/nonexistent-onnx-diet-workspace');
const FILE = path.join(WORKSPACE, 'onnx-diet.yml');

export type ConfigOutcome = 'valid' | 'refused';

/** Everything a usable config promises to the pipeline. */
function assertUsable(config: Config): void {
  for (const m of config.models) {
    for (const p of [m.output, m.source.kind === 'path' ? m.source.path : WORKSPACE]) {
      assert.ok(path.isAbsolute(p) && (p === WORKSPACE || p.startsWith(WORKSPACE + path.sep)), `${m.name}: path ${p} escapes`);
    }
    for (const b of m.budgets) assert.ok(Number.isFinite(b.limit), `${m.name}: budget ${b.name} = ${b.limit}`);
    if (m.latency) for (const v of Object.values(m.latency)) assert.ok(Number.isSafeInteger(v) && v >= 0, `latency ${v}`);
    if (m.parity) {
      assert.ok(Number.isSafeInteger(m.parity.samples) && m.parity.samples >= 1, `samples ${m.parity.samples}`);
      for (const v of Object.values(m.parity.dims)) assert.ok(Number.isSafeInteger(v) && v >= 1, `dim ${v}`);
      for (const t of [m.parity.thresholds, ...Object.values(m.parity.outputs)]) {
        for (const k of ['maxAbs', 'meanAbs', 'cosine', 'top1'] as const) assert.ok(t[k] === undefined || Number.isFinite(t[k]), `${k} = ${t[k]}`);
      }
    }
    assert.ok(Number.isFinite(m.maxSearchTimeS) && m.maxSearchTimeS > 0, `max-search-time ${m.maxSearchTimeS}`);
  }
}

/** One config text through the loader: the outcome, or a thrown assertion naming the broken contract. */
export function checkConfigText(text: string): ConfigOutcome {
  try {
    const config = parseConfig(text, FILE, { workspace: [WORKSPACE] });
    for (const m of config.models) checkStages(m);
    assertUsable(config);
    return 'valid';
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    assert.ok(e.issues.length > 0, 'a ConfigError names at least one problem');
    for (const line of e.message.split('\n')) {
      assert.match(line, /^\/nonexistent-onnx-diet-workspace\/onnx-diet\.yml:\d+:\d+: \S/, `file:line:col first: ${line}`);
      assert.doesNotMatch(line, /\[object Object\]|undefined:|: undefined$/, `readable: ${line}`);
    }
    return 'refused';
  }
}

test(`${CASES} mutated configs load or fail with file:line ConfigErrors`, async () => {
  const seeds = CONFIG_SEEDS.map((text) => ({ text, data: parse(text) as unknown }));
  for (const s of seeds) assert.equal(checkConfigText(s.text), 'valid', `seed is valid: ${s.text}`);
  // yaml reports some oddities (collection keys) with process.emitWarning: an extra stderr line in the CLI.
  const warnings: string[] = [];
  const onWarning = (w: Error) => warnings.push(w.message);
  process.on('warning', onWarning);
  const rng = new Rng(Number(process.env.FUZZ_SEED ?? 0x6c0f1));
  const counts: Record<ConfigOutcome, number> = { valid: 0, refused: 0 };
  const byKind = new Map<string, number>();
  let slowest = 0;
  const t0 = Date.now();
  for (let i = 0; i < CASES; i++) {
    const seed = seeds[i % seeds.length]!;
    const kind = CONFIG_MUTATIONS[i % CONFIG_MUTATIONS.length]!;
    const text = mutateConfig(seed.text, seed.data, rng, kind);
    const started = Date.now();
    let outcome: ConfigOutcome;
    try {
      outcome = checkConfigText(text);
    } catch (e) {
      assert.fail(`case ${i} (${kind}) threw ${(e as Error).name}: ${(e as Error).message}\n--- config ---\n${text.slice(0, 2000)}`);
    }
    counts[outcome]++;
    if (outcome === 'refused') byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
    slowest = Math.max(slowest, Date.now() - started);
  }
  await new Promise((resolve) => setImmediate(resolve)); // warnings are emitted on the next tick
  process.off('warning', onWarning);
  assert.deepEqual(warnings, [], 'process warnings while loading configs');
  // Both outcomes must be common, or the mutator is not reaching what it is meant to.
  assert.ok(counts.valid > CASES / 20 && counts.refused > CASES / 4, JSON.stringify(counts));
  assert.ok(slowest < 2000, `slowest case ${slowest} ms`);
  console.log(`config fuzz: ${CASES} cases, ${counts.valid} valid, ${counts.refused} refused, slowest ${slowest} ms, total ${Date.now() - t0} ms`);
});
