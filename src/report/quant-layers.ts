/**
 * Markdown for where a quantized model's accuracy went: per quantized layer its bits and its relative
 * reconstruction error ‖W − Ŵ‖ / ‖W‖ (quantize-int4's `details.layers`), worst first; and, for `strategy:
 * auto`, the layers the search kept at 8 bits or in float and why (`auto.layers`).
 */
import type { LayerChoice } from '../pipeline/auto-report.js';
import type { StageResult } from '../stages/stage.js';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/** Rows shown per stage; the rest are in the JSON report. */
const MAX_ROWS = 40;

interface QuantLayer { node: string; op: string; weight: string; bits: number; relError: number }

function layersOf(s: StageResult): QuantLayer[] {
  const l = s.details.layers;
  return Array.isArray(l) ? (l as QuantLayer[]).filter((x) => typeof x?.bits === 'number' && typeof x.relError === 'number') : [];
}

/** A `<details>` block per stage that reports layers (empty when none does). */
export function quantLayersDetails(modelName: string, stages: readonly StageResult[]): string[] {
  const out: string[] = [];
  for (const s of stages) {
    const layers = [...layersOf(s)].sort((a, b) => b.relError - a.relError);
    if (!layers.length) continue;
    const byBits = new Map<number, number>();
    for (const l of layers) byBits.set(l.bits, (byBits.get(l.bits) ?? 0) + 1);
    const mix = [...byBits].sort(([a], [b]) => a - b).map(([b, n]) => `${n} at ${b} bits`).join(', ');
    out.push('', `<details><summary>${cell(s.name)} on ${cell(modelName)}: ${layers.length} layers (${mix}), worst reconstruction error ${(layers[0]!.relError * 100).toFixed(2)} %</summary>`, '',
      '| Layer | Op | Weight | Bits | ‖W − Ŵ‖ / ‖W‖ |', '|---|---|---|---:|---:|');
    for (const l of layers.slice(0, MAX_ROWS)) out.push(`| ${cell(l.node)} | ${cell(l.op)} | ${cell(l.weight)} | ${l.bits} | ${(l.relError * 100).toFixed(2)} % |`);
    if (layers.length > MAX_ROWS) out.push('', `… ${layers.length - MAX_ROWS} more in the JSON report (\`stages[].details.layers\`).`);
    out.push('', '</details>');
  }
  return out;
}

/** The auto search's per-layer choices, one line each (empty when it kept none). */
export function layerChoiceLines(choices: readonly LayerChoice[] | undefined): string[] {
  if (!choices?.length) return [];
  return ['', 'Layers kept above the recipe\'s bits:', '', ...choices.map((c) => `- \`${cell(c.weight)}\` (${cell(c.nodes.join(', '))}): ${c.bits === 8 ? '8 bits' : 'float'} — ${cell(c.why)}`)];
}
