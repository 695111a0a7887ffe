/**
 * The one comment of a matrix (`mode: merge`): the config's marker, a headline over all models, a row
 * per model (missing ones included, named), and each model's own report folded below. The per-model
 * Markdown is what its matrix job rendered (trend and baseline sections included); only its marker,
 * title line and footer are dropped, since the merged comment has its own.
 */
import type { RunReport } from '../pipeline/run.js';
import { headline, reportMarker } from './markdown.js';
import { formatBytes, plural } from './table.js';

export interface MergedPart {
  name: string;
  report: RunReport;
  markdown: string;
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

function body(markdown: string): string {
  return markdown
    .split('\n')
    .filter((l, i, all) => !/^<!-- onnx-diet:.*-->$/.test(l) && !l.startsWith('<sub>onnx-diet ') &&
      !(l.startsWith('### onnx-diet ') && all.slice(0, i).every((x) => !x.trim() || x.startsWith('<!--'))))
    .join('\n')
    .trim();
}

export function renderMerged(config: string, parts: MergedPart[], missing: string[]): string {
  const models = parts.flatMap((p) => p.report.models);
  const failed = models.filter((m) => !m.passed).length;
  const total = models.length + missing.length;
  const original = models.reduce((s, m) => s + m.original.bytes, 0);
  const slim = models.reduce((s, m) => s + m.compressed.bytes, 0);
  const problems = [
    ...(failed ? [`${failed} failed a check`] : []),
    ...(missing.length ? [`${missing.length} left no report`] : []),
  ];
  const title = problems.length
    ? `### onnx-diet ❌ ${plural(total, 'model')}: ${problems.join(', ')}`
    : `### onnx-diet ✅ all checks passed for ${plural(total, 'model')}`;
  const rows = models.map((m) => {
    const lat = m.latency && !('error' in m.latency) ? `${m.latency.compressed.p50Ms.toFixed(2)} ms` : '';
    const parity = m.parity ? (m.parity.passed ? '✅' : '❌') : '';
    const broken = m.budgets.filter((b) => !b.passed).map((b) => b.name);
    return `| ${cell(m.name)} | ${formatBytes(m.original.bytes)} | ${formatBytes(m.compressed.bytes)} | ${parity} | ${lat} | ${m.passed ? '✅' : `❌ ${cell(broken.join(', '))}`} |`;
  });
  for (const name of missing) rows.push(`| ${cell(name)} | | | | | ❌ no report: its matrix job failed or did not upload one |`);
  const details = parts.map((p) => [
    `<details><summary>${p.report.models.map((m) => headline(m).replace(/\*\*/g, '')).join(' · ')}</summary>`,
    '',
    body(p.markdown),
    '',
    '</details>',
  ].join('\n'));
  return [
    reportMarker(config),
    title,
    '',
    `**${formatBytes(original)} → ${formatBytes(slim)}** over ${plural(models.length, 'model')} with a report`,
    '',
    '| model | original | slim | parity | p50 latency | result |',
    '| --- | ---: | ---: | :---: | ---: | --- |',
    ...rows,
    '',
    ...details.flatMap((d) => [d, '']),
    `<sub>onnx-diet ${parts[0]?.report.version ?? ''} · config \`${cell(config)}\` · merged from ${plural(parts.length, 'matrix job')}</sub>`,
    '',
  ].join('\n');
}
