/** Plain-text tables for the terminal: aligned columns, sizes people can read at a glance. */
import type { CompressResult } from '../pipeline/compress.js';
import type { InspectReport } from './inspect.js';

// Sizes and counts are formatted in config/sizes.ts, beside their parsing (check and pipeline print them
// too); re-exported for the tables' other users (report, action, benches).
import { formatBytes, formatCount, formatSignedBytes } from '../config/sizes.js';

export { formatBytes, formatCount, formatSignedBytes };

export function formatPercent(part: number, whole: number, signed = false): string {
  if (whole === 0) return '';
  const p = (100 * part) / whole;
  return `${signed && p > 0 ? '+' : ''}${p.toFixed(1)}%`;
}

export type Align = 'l' | 'r';

/** Columns padded to their widest cell; `align` per column (default: first left, the rest right). */
export function formatTable(header: string[], rows: string[][], align?: Align[]): string {
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((r) => [...(r[c] ?? '')].length)));
  const line = (r: string[]) => r
    .map((cell, c) => {
      const pad = ' '.repeat(widths[c]! - [...cell].length);
      return (align?.[c] ?? (c === 0 ? 'l' : 'r')) === 'l' ? cell + pad : pad + cell;
    })
    .join('  ')
    .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/**
 * The size table `compress` prints: the original files, the model after each stage (sizes as the
 * stage pipeline measures them, serialized size), the saved files, and the overall ratio.
 */
export function compressTable(r: CompressResult): string {
  const rows: string[][] = [['original', formatBytes(r.original.bytes), formatCount(r.original.bytes), '', '', '']];
  for (const s of r.stages) {
    const delta = s.bytesAfter - s.bytesBefore;
    rows.push([`after ${s.name}`, formatBytes(s.bytesAfter), formatCount(s.bytesAfter), formatSignedBytes(delta),
      formatPercent(delta, s.bytesBefore, true), `${formatCount(s.ms)} ms`]);
  }
  const total = r.compressed.bytes - r.original.bytes;
  rows.push(['final (saved)', formatBytes(r.compressed.bytes), formatCount(r.compressed.bytes), formatSignedBytes(total),
    formatPercent(total, r.original.bytes, true), '']);
  const table = formatTable(['step', 'size', 'bytes', 'change', '%', 'time'], rows);
  const ratio = r.compressed.bytes > 0 ? (r.original.bytes / r.compressed.bytes).toFixed(2) : '∞';
  return `${table}\n\n${r.source} → ${r.output}: ${ratio}× smaller`;
}

/** `1 graph`, `3 graphs` */
export const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
const dimsText = (dims: number[]) => `[${dims.join(', ')}]`;

/** Shows a long list as its first few items and a count of the rest. */
function firstOf(items: string[], n = 3): string {
  return items.length <= n ? items.join(', ') : `${items.slice(0, n).join(', ')} +${items.length - n} more`;
}

/** The human form of `onnx-diet inspect`. */
export function inspectTables(r: InspectReport & { source?: string }, maxGroups = 10): string {
  const out: string[] = [];
  const w = r.weights.bytes;
  out.push(`${r.source ?? 'model'}: ${formatBytes(r.modelBytes)}, ${formatCount(r.nodes)} nodes in ${plural(r.graphs, 'graph')}, ` +
    `weights ${formatBytes(w)} in ${formatCount(r.weights.count)} tensors`);

  out.push('', 'bytes by dtype');
  out.push(formatTable(['dtype', 'tensors', 'size', '% of weights'],
    r.byDtype.map((d) => [d.dtype, formatCount(d.tensors), formatBytes(d.bytes), formatPercent(d.bytes, w)])));

  out.push('', 'bytes by op (weights split evenly among the op types that read them, through Identity/Transpose)');
  out.push(formatTable(['op', 'nodes', 'weights', 'size', '% of weights'],
    r.byOp.map((o) => [o.op, formatCount(o.nodes), formatCount(o.weights), formatBytes(o.bytes), formatPercent(o.bytes, w)])));

  out.push('', `largest tensors (top ${r.largest.length})`);
  out.push(formatTable(['name', 'kind', 'dtype', 'dims', 'size'],
    r.largest.map((t) => [t.name, t.kind, t.dtype, dimsText(t.dims), formatBytes(t.bytes)]), ['l', 'l', 'l', 'l', 'r']));

  const d = r.duplicates;
  const copies = d.groups.reduce((n, g) => n + g.count, 0);
  out.push('', `duplicates: ${plural(d.groups.length, 'group')} (${copies} copies), ${plural(d.transposedTies.length, 'transposed tie')}; ` +
    `dedup reclaims ${formatBytes(d.reclaimableBytes)} (${formatPercent(d.reclaimableBytes, r.modelBytes)} of the model)`);
  if (d.groups.length) {
    const shown = d.groups.slice(0, maxGroups);
    out.push(formatTable(['dtype', 'dims', 'copies', 'each', 'reclaimable', 'names'],
      shown.map((g) => [g.dtype, dimsText(g.dims), String(g.count), formatBytes(g.bytes), formatBytes(g.reclaimableBytes), firstOf(g.names)]),
      ['l', 'l', 'r', 'r', 'r', 'l']));
    if (d.groups.length > shown.length) out.push(`… ${d.groups.length - shown.length} more groups (see --json)`);
  }
  if (d.transposedTies.length) {
    out.push(formatTable(['kept', 'dims', 'transposed copy', 'dims', 'reclaimable'],
      d.transposedTies.map((t) => [t.kept, dimsText(t.keptDims), t.transposed, dimsText(t.transposedDims), formatBytes(t.bytes)]),
      ['l', 'l', 'l', 'l', 'r']));
  }

  const q = r.quantizable;
  out.push('', `quantizable: ${plural(q.tensors, 'float weight')} of ≥ ${q.minElements} elements read only by ${q.ops.join('/')} ` +
    `(${formatBytes(q.bytes)}, ${formatPercent(q.bytes, r.modelBytes)} of the model), each duplicate counted once` +
    (q.convTensors ? `; ${plural(q.convTensors, 'Conv weight')} (${formatBytes(q.convBytes)}) only int8 takes (conv-mode: weight-only)` : ''));
  out.push(formatTable(['as', 'those weights', 'model (estimate)'], [
    ['now', formatBytes(q.bytes), formatBytes(r.modelBytes)],
    ...(q.dedupBytes ? [['after dedup', formatBytes(q.bytes), formatBytes(r.modelBytes - q.dedupBytes)]] : []),
    ['int8', formatBytes(q.int8Bytes), formatBytes(q.modelBytesInt8)],
    [`int4, block ${q.int4BlockSize}${q.convTensors ? ' (Conv in float)' : ''}`, formatBytes(q.int4Bytes), formatBytes(q.modelBytesInt4)],
  ]));
  return out.join('\n');
}
