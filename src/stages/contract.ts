/**
 * The stage contract (stage.ts), checked after a stage ran: the output passes the load checks
 * (onnx/validate.ts), reads no name the input did not already leave undefined, `modified` says whether
 * the output's encoding differs from the input's, and a stage not declared `inPlace` left its input as it
 * was. It encodes every model between stages, so runStages does it only when asked (npm test
 * asks, through ONNX_DIET_CHECK_STAGES=1): a stage that leaves a dangling name or a cycle then fails the
 * test that ran it.
 */
import { encodeModel } from '../onnx/encode.js';
import { outerReferences } from '../onnx/graph.js';
import type { ExternalDataSource } from '../onnx/tensor.js';
import type { ModelProto } from '../onnx/types.js';
import { validateModel } from '../onnx/validate.js';
import { sameBytes } from './content-identity.js';
import type { Stage, StageOutcome } from './stage.js';

/** Whether runStages checks the contract by default: set by npm test (test/helpers/check-stages.mjs). */
export function stageChecksRequested(): boolean {
  return process.env.ONNX_DIET_CHECK_STAGES === '1';
}

/** Names the main graph reads (its nodes, their subgraphs, its outputs) that nothing defines. */
function undefinedReads(model: ModelProto): Set<string> {
  return model.graph ? new Set(outerReferences(model.graph)) : new Set();
}

/** The input as it was before the stage ran: what checkStageOutcome compares the output with. */
export interface StageInput {
  model: ModelProto;
  bytes: Uint8Array;
  undefinedReads: Set<string>;
}

export function stageInput(model: ModelProto): StageInput {
  return { model, bytes: encodeModel(model), undefinedReads: undefinedReads(model) };
}

/**
 * Throws an Error naming the stage and the broken rule (a bug in the stage, not in the user's model).
 * Returns the output as the next stage's StageInput, so each model between stages is encoded once.
 */
export function checkStageOutcome(stage: Stage, input: StageInput, outcome: StageOutcome, external?: ExternalDataSource): StageInput {
  const broke = (rule: string) => new Error(`stage ${stage.name} broke the stage contract (stages/stage.ts): ${rule}`);
  try {
    validateModel(outcome.model, external);
  } catch (e) {
    throw broke(`its output fails the load checks: ${e instanceof Error ? e.message : String(e)}`);
  }
  const reads = undefinedReads(outcome.model);
  const dangling = [...reads].filter((n) => !input.undefinedReads.has(n));
  if (dangling.length) throw broke(`its output reads ${dangling.map((n) => `'${n}'`).join(', ')}, defined nowhere`);
  if (typeof outcome.modified !== 'boolean') throw broke(`modified is ${JSON.stringify(outcome.modified)}, not true or false`);
  const bytes = encodeModel(outcome.model);
  const changed = !sameBytes(input.bytes, bytes);
  if (outcome.modified !== changed) throw broke(`it says modified: ${outcome.modified}, but its output ${changed ? 'differs from' : 'is byte-identical to'} its input`);
  if (!stage.inPlace) {
    const untouched = outcome.model === input.model ? !changed : sameBytes(input.bytes, encodeModel(input.model));
    if (!untouched) throw broke('it changed the model it was given without declaring inPlace: true');
  }
  return { model: outcome.model, bytes, undefinedReads: reads };
}
