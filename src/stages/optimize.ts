/**
 * `optimize`: onnxruntime's own graph optimizer. The model is written to the scratch folder, loaded by
 * onnxruntime-node in a child process (src/runtime/ort-runner.ts: a native crash on a hostile model kills
 * the child, not us) with `graphOptimizationLevel` and `optimizedModelFilePath`, and the file ORT writes
 * is read back through our codec. ORT works out shapes, heads and hidden sizes itself: no hand-given
 * model parameters.
 *
 * Options: level `basic` (default) or `extended`.
 * - basic: constant folding, redundant node elimination, semantics-preserving fusions into standard
 *   ONNX ops (Conv+BN, Conv+Add, ...). The result runs anywhere.
 * - extended: adds ORT's complex fusions into com.microsoft contrib ops (Gelu, LayerNormalization /
 *   SkipLayerNormalization, Attention, FusedMatMul, BiasGelu, ...). Those ops run only in onnxruntime,
 *   and ORT fuses them for the execution provider it loaded with (here CPU): use `extended` only when
 *   the model ships to onnxruntime on CPU.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { LoadOptions } from '../runtime/ort-protocol.js';
import { ortSaid, startOrtHost, type OrtHost } from '../runtime/ort-runner.js';
import { OnnxFormatError } from '../onnx/errors.js';
import { ExternalDataReader } from '../onnx/external.js';
import { forEachGraph, forEachTensor } from '../onnx/graph.js';
import { loadModel, saveModel } from '../onnx/model-io.js';
import { isExternal, setTensorRaw, tensorBytes } from '../onnx/tensor.js';
import type { ModelProto } from '../onnx/types.js';
import { choiceOption, rejectUnknownOptions } from './options.js';
import type { Stage, StageOptions } from './stage.js';

export type OptimizeLevel = 'basic' | 'extended';

export function parseOptimizeOptions(o: StageOptions): { level: OptimizeLevel } {
  rejectUnknownOptions('optimize', o, ['level']);
  return { level: choiceOption('optimize', o, 'level', ['basic', 'extended'] as const) };
}

/** "domain:Op" → node count, over every graph (for the report: what ORT fused into what). */
function opCounts(model: ModelProto): Map<string, number> {
  const counts = new Map<string, number>();
  forEachGraph(model, ({ graph }) => {
    for (const n of graph.node) {
      const key = n.domain ? `${n.domain}:${n.opType}` : (n.opType ?? '');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  });
  return counts;
}

function total(counts: Map<string, number>): number {
  let n = 0;
  for (const c of counts.values()) n += c;
  return n;
}

/**
 * Has onnxruntime load (and so optimize) `input`. A model it cannot load (an op it lacks, a type it
 * cannot run) is the user's input, not our failure: one line saying what ORT said and what to do,
 * without the scratch file's path.
 */
async function loadForOptimizer(host: OrtHost, input: string, options: LoadOptions): Promise<void> {
  try {
    await host.load(input, options);
  } catch (e) {
    const said = ortSaid(e).replaceAll(input, 'the model');
    throw new OnnxFormatError(`stage optimize: onnxruntime cannot load the model (${said}); this stage needs a model onnxruntime runs: leave optimize out of this model's stages`);
  }
}

export function optimizeStage(options: StageOptions = {}): Stage {
  const { level } = parseOptimizeOptions(options);
  return {
    name: 'optimize',
    async run(model, ctx) {
      const dir = mkdtempSync(path.join(ctx.tmpDir, 'optimize-'));
      const host = startOrtHost();
      try {
        const input = path.join(dir, 'input.onnx');
        const output = path.join(dir, 'optimized.onnx');
        const source = ctx.external instanceof ExternalDataReader ? ctx.external : undefined;
        saveModel(model, input, { externalData: 'auto', source });
        await loadForOptimizer(host, input, { graphOptimizationLevel: level, optimizedModelFilePath: output, threads: 1 });
        await host.close();
        const loaded = loadModel(output);
        // ORT may write big initializers to a data file beside the optimized model; that folder is
        // deleted below, so payloads are read in now (views into one buffer per file, no copies).
        forEachTensor(loaded.model, (t) => {
          if (isExternal(t)) setTensorRaw(t, tensorBytes(t, loaded.external));
        });
        const before = opCounts(model);
        const after = opCounts(loaded.model);
        const added = [...after.keys()].filter((k) => !before.has(k)).sort();
        const removed = [...before.keys()].filter((k) => !after.has(k)).sort();
        ctx.log(`optimize (${level}): ${total(before)} → ${total(after)} nodes`);
        return {
          model: loaded.model,
          modified: true,
          details: {
            level,
            nodesBefore: total(before),
            nodesAfter: total(after),
            opTypesAdded: added,
            opTypesRemoved: removed,
            contribOps: [...after].filter(([k]) => k.startsWith('com.microsoft:')).reduce((n, [, c]) => n + c, 0),
          },
        };
      } finally {
        await host.close();
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
