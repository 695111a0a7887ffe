/**
 * The trend of one model across base-branch runs, with this run's point last and marked: a mermaid
 * xychart per measure (GitHub renders ```mermaid blocks in comments and job summaries) and the numbers
 * in a table, since a chart alone hides the values.
 */
import { metricText } from '../check/budgets.js';
import { formatBytes } from './table.js';

export interface TrendPoint {
  /** `run 1234` for a base-branch run, `this PR` for the current one. */
  label: string;
  bytes: number;
  /** Worst cosine over the model's outputs, when parity ran. */
  cosine?: number;
  p50Ms?: number;
  current: boolean;
}

/** Numbers a report entry holds, read defensively (a baseline may come from an older version). */
export function trendNumbers(m: { compressed: { bytes: number }; parity?: unknown; latency?: unknown }): Omit<TrendPoint, 'label' | 'current'> {
  const outs = (m.parity as { outputs?: { cosine?: unknown }[] } | undefined)?.outputs ?? [];
  const cos = outs.map((o) => o.cosine).filter((c): c is number => typeof c === 'number');
  const p50 = (m.latency as { compressed?: { p50Ms?: unknown } } | undefined)?.compressed?.p50Ms;
  return {
    bytes: m.compressed.bytes,
    ...(cos.length ? { cosine: Math.min(...cos) } : {}),
    ...(typeof p50 === 'number' ? { p50Ms: p50 } : {}),
  };
}

const quote = (s: string) => `"${s.replace(/"/g, "'")}"`;

function chart(title: string, unit: string, labels: string[], values: number[]): string {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  // A flat series still needs a visible range; pad 10 % of the value (or 1) around it.
  const pad = hi > lo ? (hi - lo) * 0.15 : Math.abs(hi) * 0.1 || 1;
  const round = (x: number) => Number(x.toPrecision(4));
  return [
    '```mermaid',
    'xychart-beta',
    `  title ${quote(title)}`,
    `  x-axis [${labels.map(quote).join(', ')}]`,
    `  y-axis ${quote(unit)} ${round(Math.max(0, lo - pad))} --> ${round(hi + pad)}`,
    `  line [${values.map(round).join(', ')}]`,
    '```',
  ].join('\n');
}

/** The folded trend of a model, oldest point first; empty when there is no earlier point. */
export function trendMarkdown(model: string, points: TrendPoint[], branch: string): string {
  if (points.length < 2) return '';
  const labels = points.map((p) => (p.current ? `▶ ${p.label}` : p.label));
  const top = Math.max(...points.map((p) => p.bytes));
  const [div, unit] = top >= 1e9 ? [1e9, 'GB'] : top >= 1e6 ? [1e6, 'MB'] : [1e3, 'kB'];
  const charts = [chart(`${model}: slim size`, unit, labels, points.map((p) => p.bytes / div))];
  const timed = points.filter((p) => p.p50Ms !== undefined);
  if (timed.length >= 2) charts.push(chart(`${model}: p50 latency`, 'ms', timed.map((p) => (p.current ? `▶ ${p.label}` : p.label)), timed.map((p) => p.p50Ms!)));
  const rows = points.map((p) => {
    const cells = [p.label, formatBytes(p.bytes), p.cosine === undefined ? '' : metricText(p.cosine), p.p50Ms === undefined ? '' : `${p.p50Ms.toFixed(2)} ms`];
    return `| ${(p.current ? cells.map((c) => (c ? `**${c}**` : c)) : cells).join(' | ')} |`;
  });
  return [
    `<details><summary>Trend of ${model} over the last ${points.length - 1} runs on \`${branch}\` and this one</summary>`,
    '',
    ...charts.flatMap((c) => [c, '']),
    '| run | slim size | parity (worst cosine) | p50 latency |',
    '| --- | ---: | ---: | ---: |',
    ...rows,
    '',
    '</details>',
  ].join('\n');
}
