/** Runs stages in order, measuring each one's bytes and time the same way. */
import { performance } from 'node:perf_hooks';
import { modelByteSize } from '../onnx/size.js';
import type { ModelProto } from '../onnx/types.js';
import type { Stage, StageContext, StageResult } from './stage.js';

export async function runStages(
  model: ModelProto,
  stages: Stage[],
  ctx: StageContext,
): Promise<{ model: ModelProto; results: StageResult[] }> {
  const results: StageResult[] = [];
  let current = model;
  let bytes = modelByteSize(current);
  for (const stage of stages) {
    const t0 = performance.now();
    const { model: next, details } = await stage.run(current, ctx);
    const ms = Math.round(performance.now() - t0);
    const after = modelByteSize(next);
    results.push({ name: stage.name, bytesBefore: bytes, bytesAfter: after, ms, details });
    current = next;
    bytes = after;
  }
  return { model: current, results };
}
