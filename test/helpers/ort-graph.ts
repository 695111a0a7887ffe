/**
 * What onnxruntime makes of a model: the op counts of its optimized graph (what the CPU provider fused,
 * read from optimizedModelFilePath) and the worst output cosine of two models on the same feeds.
 */
import { readFileSync } from 'node:fs';
import * as ort from 'onnxruntime-node';
import { decodeModel } from '../../src/onnx/codec.js';
import type { NamedTensor } from '../../src/runtime/named-tensor.js';
import { tensorValues } from '../../src/runtime/named-tensor.js';
import { startOrtHost } from '../../src/runtime/ort-runner.js';
import { cosine } from './fixture-parity.js';

/** Op type → count in onnxruntime's level-all optimized graph of `file` (written to `optimizedPath`). */
export async function optimizedOpCounts(file: string, optimizedPath: string): Promise<Record<string, number>> {
  await (await ort.InferenceSession.create(file, { optimizedModelFilePath: optimizedPath, graphOptimizationLevel: 'all' })).release();
  const ops: Record<string, number> = {};
  for (const n of decodeModel(readFileSync(optimizedPath)).graph!.node) ops[n.opType!] = (ops[n.opType!] ?? 0) + 1;
  return ops;
}

/** The lowest cosine between the first outputs of `reference` and `candidate` over `feeds`. */
export async function worstFirstOutputCosine(reference: string, candidate: string, feeds: NamedTensor[][]): Promise<number> {
  const host = startOrtHost();
  try {
    const [a, b] = [await host.load(reference), await host.load(candidate)];
    let worst = 1;
    for (const f of feeds) {
      const x = tensorValues((await host.run(a.id, f)).outputs[0]!) as Float32Array;
      const y = tensorValues((await host.run(b.id, f)).outputs[0]!) as Float32Array;
      worst = Math.min(worst, cosine(x, y));
    }
    return worst;
  } finally {
    await host.close();
  }
}
