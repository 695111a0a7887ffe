/**
 * `fuse`: rewrites transformer subgraphs into onnxruntime's com.microsoft operators — what
 * onnxruntime's Python transformer optimizer (`optimize_model(path, 'bert', num_heads, hidden_size)`)
 * does, natively and without hand-given model parameters: heads and hidden size are read off the graph.
 * One file per fusion under fuse/, each a declarative pattern (src/graph/pattern.ts) plus checks; a
 * subgraph any check refuses stays as it is and is listed in `details.leftAlone` with the reason. The
 * fused ops run only in onnxruntime (CPU and GPU providers): use this stage when the model ships to it.
 *
 * Order matters as in onnxruntime's optimizer: attention first (it reads the projections' MatMul/Add),
 * then GELU, then embedding and residual LayerNorms (SkipLayerNormalization takes the attention output
 * projection's bias). Finally what the fusions left unread (shape chains, the three Q/K/V weights now
 * packed into one) is pruned, so the model never grows.
 *
 * Options:
 * - `skip-layernorm` (default false): residual Add + LayerNormalization → SkipLayerNormalization. Off by
 *   default because onnxruntime 1.30's CPU kernel for it is the slower one: 2–4× the time of the
 *   Add + Add + LayerNormalization it replaces at [1, 128, 768], in every input form (with or without
 *   bias or beta, static or symbolic shapes; bench/ort-skiplayernorm.py; AMD EPYC AVX2, and ~9× on a
 *   Xeon with AVX-512). Turn it on for providers where it pays (CUDA).
 * - `embed-layernorm` (default false): also fuse the embedding sum + LayerNorm into
 *   EmbedLayerNormalization (it needs int32 ids, so Casts are added in front; see fuse/embed-layernorm.ts).
 */
import { mainScopes, allNames } from '../onnx/graph.js';
import type { ModelProto } from '../onnx/types.js';
import { DefUse } from '../graph/def-use.js';
import { booleanOption, rejectUnknownOptions } from './options.js';
import { pruneModel } from './prune.js';
import type { Stage, StageContext, StageOptions, StageOutcome } from './stage.js';
import { FuseContext, MS_DOMAIN } from './fuse/context.js';
import { fuseAttention } from './fuse/attention.js';
import { fuseGelu } from './fuse/gelu.js';
import { fuseSkipLayerNorm } from './fuse/skip-layernorm.js';
import { fuseLayerNorm } from './fuse/layernorm.js';
import { fuseEmbedLayerNorm } from './fuse/embed-layernorm.js';

export interface FuseOptions {
  embedLayerNorm: boolean;
  skipLayerNorm: boolean;
}

const STAGE = 'fuse';

export function parseFuseOptions(o: StageOptions): FuseOptions {
  rejectUnknownOptions(STAGE, o, ['embed-layernorm', 'skip-layernorm']);
  return {
    embedLayerNorm: booleanOption(STAGE, o, 'embed-layernorm', false),
    skipLayerNorm: booleanOption(STAGE, o, 'skip-layernorm', false),
  };
}

/** Ops the com.microsoft domain must be imported for (version 1 holds all of them). */
function importMicrosoftDomain(model: ModelProto): void {
  if (!model.opsetImport.some((o) => o.domain === MS_DOMAIN)) model.opsetImport.push({ domain: MS_DOMAIN, version: 1 });
}

export function fuseModel(model: ModelProto, options: FuseOptions, ctx?: Pick<StageContext, 'external' | 'log'>): StageOutcome {
  const names = allNames(model);
  const fused: Record<string, number> = {};
  const leftAlone: FuseContext['leftAlone'] = [];
  const opset = model.opsetImport.find((o) => (o.domain ?? '') === '' || o.domain === 'ai.onnx')?.version ?? 1;
  for (const scope of mainScopes(model)) {
    const fc = new FuseContext(new DefUse(scope), names, ctx?.external, opset);
    // LayerNormalization exists from opset 17; an older export spells it out, which fuseLayerNorm joins
    // into the contrib LayerNormalization so the later fusions see one form.
    fuseLayerNorm(fc);
    fuseAttention(fc);
    fuseGelu(fc);
    if (options.embedLayerNorm) fuseEmbedLayerNorm(fc);
    if (options.skipLayerNorm) fuseSkipLayerNorm(fc);
    for (const [op, n] of Object.entries(fc.fused)) fused[op] = (fused[op] ?? 0) + n;
    leftAlone.push(...fc.leftAlone);
  }
  const total = Object.values(fused).reduce((a, b) => a + b, 0);
  let pruned = 0;
  if (total > 0) {
    importMicrosoftDomain(model);
    const counts = pruneModel(model);
    pruned = counts.nodes;
  }
  ctx?.log(`fuse: ${total} fused ops (${Object.entries(fused).map(([k, v]) => `${v} ${k}`).join(', ') || 'none'}), ${leftAlone.length} left alone`);
  return {
    model,
    modified: total > 0,
    details: { options: { embedLayerNorm: options.embedLayerNorm, skipLayerNorm: options.skipLayerNorm }, fused, fusedOps: total, nodesPruned: pruned, leftAlone },
  };
}

export function fuseStage(options: StageOptions = {}): Stage {
  const parsed = parseFuseOptions(options);
  return { name: STAGE, inPlace: true, run: (model, ctx) => fuseModel(model, parsed, ctx) };
}
