/**
 * The `layers` option of quantize-int4: bits per layer, `{ "<node or weight name, or glob>": 4 | 8 | float }`.
 * A pattern matches a node's name (an unnamed node by its first output, as `exclude` takes it) or the name
 * of the weight it reads, so one entry can name a layer either way (`lm_head`, `*.embeddings.*`). YAML and
 * JSON keep a map's order: the first entry that matches wins, and layers no entry matches take 4 bits.
 */
import { UsageError } from '../../onnx/errors.js';

export type LayerBits = 4 | 8 | 'float';

export interface LayerRule {
  pattern: string;
  match: RegExp;
  bits: LayerBits;
}

/** A glob (`*` any run, `?` one character) as a whole-name RegExp (quantize-int8's `exclude` reads them so too). */
export function globToRegExp(glob: string): RegExp {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`);
}

export function parseLayerTable(stage: string, raw: unknown): LayerRule[] {
  if (raw === undefined) return [];
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new UsageError(`${stage}: 'layers' must be a map of layer name or glob to 4, 8 or float, e.g. { lm_head: 8 }`);
  }
  return Object.entries(raw as Record<string, unknown>).map(([pattern, v]) => {
    const bits = v === 4 || v === '4' ? 4 : v === 8 || v === '8' ? 8 : v === 'float' ? 'float' : undefined;
    if (bits === undefined) throw new UsageError(`${stage}: layers.${pattern} must be 4, 8 or float, got ${JSON.stringify(v)}`);
    return { pattern, match: globToRegExp(pattern), bits };
  });
}

/** The bits of the layer `node` reading `weight`: the first rule matching either name, else 4. */
export function layerBits(rules: readonly LayerRule[], node: string, weight: string): LayerBits {
  for (const r of rules) if (r.match.test(node) || (weight && r.match.test(weight))) return r.bits;
  return 4;
}
