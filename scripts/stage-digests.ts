/**
 * Byte-identity of stage outputs: runs every stage, in the option sets the tests and the conformance
 * passes use, over the repository's fixtures and (when installed) the ONNX backend suite, and records the
 * sha256 of each saved output. A refactor that must not change behaviour (issue 11) is checked by running
 * this before and after and comparing:
 *
 *   npm run digests -- --out before.json            (on the old commit)
 *   npm run digests -- --compare before.json        (on the new one: exit 1 on any difference)
 *
 * Options: --root DIR (suite root), --no-suite, --only SUBSTRING (model path filter).
 * Suite models are run twice: as they are, and with their weight inputs turned into initializers holding
 * test_data_set_0's values (as conformance --lossy does), so the quantizers have something to quantize.
 * An error is recorded by its first line, so "fails the same way" is identity too.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { decodeModel } from '../src/onnx/codec.js';
import { loadModel, saveModel } from '../src/onnx/model-io.js';
import type { ModelProto } from '../src/onnx/types.js';
import type { ExternalDataReader } from '../src/onnx/external.js';
import { createStage, type StageSpec } from '../src/stages/registry.js';
import { runStages } from '../src/stages/run-stages.js';
import { digestFiles } from '../src/onnx/digest.js';
import { firstLine, MAIN_FOLDERS, suiteModels, SUITE_ROOT, weightsFromTestData } from './conformance/check-model.js';

const INT8_OPS = ['MatMul', 'Gemm', 'Gather', 'Conv'];
/** Option sets: every stage at its defaults, and the forms the tests and conformance passes use. */
const SPECS: StageSpec[][] = [
  ['dedup'], ['prune'], ['dedup', 'prune'], [{ dedup: { transposed: false } }], [{ prune: { 'doc-strings': true } }],
  ['quantize-int8'], [{ 'quantize-int8': { 'per-channel': true } }], [{ 'quantize-int8': { 'reduce-range': true } }],
  [{ 'quantize-int8': { ops: INT8_OPS, 'min-elements': 0 } }],
  [{ 'quantize-int8': { ops: INT8_OPS, 'min-elements': 0, 'per-channel': true, 'reduce-range': true } }],
  [{ 'quantize-int8': { ops: INT8_OPS, 'min-elements': 0, 'weight-type': 'uint8' } }],
  [{ 'quantize-int8': { ops: ['Conv'], 'min-elements': 0, 'conv-mode': 'weight-only' } }],
  ['quantize-int4'], [{ 'quantize-int4': { 'block-size': 16, embeddings: 'int4' } }],
  [{ 'quantize-int4': { symmetric: false, embeddings: 'int8' } }], [{ 'quantize-int4': { 'block-size': 128 } }],
  ['fp16'], [{ fp16: { 'keep-io-types': false } }],
  ['dedup', 'prune', { 'quantize-int8': { 'reduce-range': true } }],
  ['fold-batchnorm'], ['fuse', 'quantize-int8'],
];

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** Repository models: fixtures and the demo (external data read through loadModel). */
function repoModels(): string[] {
  const dirs = ['test/fixtures', 'test/fixtures/third-party', 'examples/demo'];
  return dirs.filter(existsSync).flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.onnx')).map((f) => path.join(d, f)));
}

/** A model to run; `load` gives a fresh copy each time, or undefined when this variant does not exist. */
interface Subject { id: string; load: () => { model: ModelProto; external?: ExternalDataReader } | undefined }

function subjects(): Subject[] {
  const out: Subject[] = repoModels().map((file) => ({ id: file, load: () => loadModel(file) }));
  const root = arg('--root') ?? SUITE_ROOT;
  if (process.argv.includes('--no-suite') || !existsSync(root)) return out;
  for (const [folder, dirs] of suiteModels(root)) {
    if (!MAIN_FOLDERS.includes(folder)) continue;
    for (const dir of dirs) {
      const file = path.join(dir, 'model.onnx');
      const id = path.relative(root, file);
      out.push({ id, load: () => ({ model: decodeModel(readFileSync(file)) }) });
      const sets = readdirSync(dir).filter((d) => d.startsWith('test_data_set_')).sort();
      if (sets.length) {
        out.push({
          id: `${id} (weights from test_data_set_0)`,
          load: () => {
            const model = decodeModel(readFileSync(file));
            return weightsFromTestData(model, path.join(dir, sets[0]!)).size ? { model } : undefined;
          },
        });
      }
    }
  }
  return out;
}

async function main() {
  const only = arg('--only');
  const tmp = mkdtempSync(path.join(tmpdir(), 'onnx-diet-digests-'));
  const digests: Record<string, string> = {};
  const t0 = Date.now();
  try {
    for (const s of subjects()) {
      if (only && !s.id.includes(only)) continue;
      for (const spec of SPECS) {
        const key = `${s.id} | ${JSON.stringify(spec)}`;
        try {
          const loaded = s.load(); // fresh per spec: a stage that mutated its input cannot leak
          if (!loaded) break;
          const { model, external } = loaded;
          const { model: out } = await runStages(model, spec.map((x) => createStage(x)), { external, tmpDir: tmp, log: () => {} });
          const file = path.join(tmp, 'out.onnx');
          const saved = saveModel(out, file, { source: external });
          digests[key] = digestFiles(saved.dataPath ? [file, saved.dataPath] : [file]).sha256!;
        } catch (e) {
          digests[key] = `error: ${firstLine(e)}`;
        }
      }
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  const keys = Object.keys(digests);
  const all = createHash('sha256').update(keys.map((k) => `${k}=${digests[k]}`).join('\n')).digest('hex');
  console.log(`${keys.length} outputs (${SPECS.length} option sets) in ${((Date.now() - t0) / 1000).toFixed(1)} s; combined sha256 ${all}`);
  const out = arg('--out');
  if (out) writeFileSync(out, JSON.stringify(digests, null, 1) + '\n');
  const against = arg('--compare');
  if (against) {
    const before = JSON.parse(readFileSync(against, 'utf8')) as Record<string, string>;
    const changed = keys.filter((k) => k in before && before[k] !== digests[k]);
    const missing = Object.keys(before).filter((k) => !(k in digests));
    const added = keys.filter((k) => !(k in before));
    for (const k of changed.slice(0, 50)) console.log(`changed: ${k}\n  before ${before[k]}\n  now    ${digests[k]}`);
    for (const k of missing.slice(0, 20)) console.log(`missing now: ${k}`);
    console.log(`${keys.length - changed.length - added.length} passed, ${changed.length + missing.length} failed` + (added.length ? ` (${added.length} new outputs not in ${against})` : ''));
    process.exitCode = changed.length + missing.length ? 1 : 0;
  }
}

await main();
