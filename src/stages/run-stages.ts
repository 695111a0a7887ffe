/** Runs stages in order, measuring each one's bytes and time the same way. */
import { performance } from 'node:perf_hooks';
import { modelByteSize } from '../onnx/size.js';
import type { ModelProto } from '../onnx/types.js';
import { checkStageOutcome, stageChecksRequested, stageInput } from './contract.js';
import type { Stage, StageContext, StageResult } from './stage.js';

export interface RunStagesOptions {
  /** Check the stage contract after every stage (contract.ts); default: when npm test asks for it. */
  checkContract?: boolean;
}

export async function runStages(
  model: ModelProto,
  stages: Stage[],
  ctx: StageContext,
  options: RunStagesOptions = {},
): Promise<{ model: ModelProto; results: StageResult[] }> {
  const check = options.checkContract ?? stageChecksRequested();
  const results: StageResult[] = [];
  let current = model;
  let bytes = modelByteSize(current);
  let input = check ? stageInput(current) : undefined;
  for (const stage of stages) {
    const t0 = performance.now();
    const outcome = await stage.run(current, ctx);
    const ms = Math.round(performance.now() - t0);
    if (input) input = checkStageOutcome(stage, input, outcome, ctx.external);
    const { model: next, details } = outcome;
    const after = modelByteSize(next);
    results.push({ name: stage.name, bytesBefore: bytes, bytesAfter: after, ms, details });
    current = next;
    bytes = after;
  }
  return { model: current, results };
}
