/**
 * A longer hostile-input campaign than CI runs (issue 6): `npm run fuzz -- --cases 100000 [--seed N]` (the seed reaches the config fuzz) runs
 * the model fuzz (test/fuzz-models.test.ts) and the config fuzz (test/fuzz-configs.test.ts) with that many
 * cases each, one after the other, and exits non-zero on the first broken contract (the failing case and
 * its input are printed by the test).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { cases: { type: 'string', default: '100000' }, seed: { type: 'string' } } });
const cases = Number(values.cases);
if (!Number.isSafeInteger(cases) || cases < 1) {
  process.stderr.write(`fuzz: --cases must be a whole number ≥ 1, not '${values.cases}'\n`);
  process.exit(2);
}
const root = path.resolve(import.meta.dirname, '..');
const env = { ...process.env, FUZZ_CASES: String(cases), FUZZ_CONFIG_CASES: String(cases), ...(values.seed ? { FUZZ_SEED: values.seed } : {}) };
for (const file of ['test/fuzz-models.test.ts', 'test/fuzz-configs.test.ts']) {
  process.stdout.write(`fuzz: ${cases} cases of ${file}\n`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-timeout=0', file], { cwd: root, env, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
