/**
 * Layers of a static int8 recipe for the per-layer fallback. A dynamic recipe quantizes weight-bearing
 * nodes only, so a layer is one weight and its readers (auto-candidates.ts). Static int8 also quantizes
 * the activations between them — the Add, Mul, Concat, pools and gates after a Conv (quant/static-ops.ts)
 * — and on a trained CNN that is where most of the error is: PP-OCRv4's blocks run Conv → Mul → Add →
 * hard-swish (Add, Clip, Mul, Div) → Mul → Add, seven quantized activations per Conv. Handing only the
 * Conv back to float leaves them all. So a static layer is the weight node and every node it feeds up to
 * the next weight node (the first input decides whose a node is), and the fallback's `exclude` takes the
 * whole group: its activations then stay float, and so does the group's input unless another reads it.
 */
import { mainScopes } from '../onnx/graph.js';
import type { ModelProto } from '../onnx/types.js';
import { nodeId } from '../stages/nodes.js';
import { STATIC_RULES } from '../stages/quant/static-ops.js';
import type { Layer, Recipe } from './auto-candidates.js';

/** Whether a recipe places calibrated QDQ (quantize-int8 `activations: static`). */
export const isStaticRecipe = (r: Recipe): boolean => r.stage === 'quantize-int8' && r.options?.activations === 'static';

/**
 * `layers` (weight-bearing nodes of `base`) each with the nodes downstream of it that static QDQ can
 * quantize, in graph order. A node no layer reaches (one on the graph input before any weight) stays
 * out: it is quantized in every attempt.
 */
export function staticLayerGroups(base: ModelProto, layers: readonly Layer[]): Layer[] {
  const owner = new Map<string, number>();
  const groups = layers.map((l) => ({ weight: l.weight, nodes: [...l.nodes] }));
  const layerOf = new Map<string, number>();
  layers.forEach((l, i) => { for (const n of l.nodes) layerOf.set(n, i); });
  // Only the main graph: static QDQ are placed there alone (quantize-static.ts).
  const graph = mainScopes(base)[0]?.graph;
  for (const n of graph?.node ?? []) {
    const id = nodeId(n);
    let at = layerOf.get(id);
    if (at === undefined) {
      at = n.input.map((i) => owner.get(i)).find((o) => o !== undefined);
      if (at !== undefined && (n.domain ?? '') === '' && STATIC_RULES[n.opType ?? ''] && id && !groups[at]!.nodes.includes(id)) groups[at]!.nodes.push(id);
    }
    if (at !== undefined) for (const o of n.output) if (o) owner.set(o, at);
  }
  return groups;
}
