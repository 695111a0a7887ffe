/**
 * The Markdown report, which becomes the sticky PR comment: a hidden marker (one per config, so the
 * Action finds and updates its own comment), a one-line headline per model, a table of size / latency /
 * parity with ✅/❌ per budget, and the per-stage breakdown with a mermaid chart inside <details>
 * (after compressed-size-action: headline first, everything else one click away).
 */
import type { BudgetResult } from '../check/budgets.js';
import { metricText } from '../check/budgets.js';
import { candidateLabel, type AutoCandidate, type AutoReport } from '../pipeline/auto-report.js';
import { checkErrors, type ModelRunReport, type RunReport } from '../pipeline/run.js';
import { environmentLine } from '../check/environment.js';
import { layerChoiceLines, quantLayersDetails } from './quant-layers.js';
import { formatBytes, plural } from './table.js';

/** The hidden marker the Action looks for; `-->` cannot appear inside an HTML comment. */
export function reportMarker(configPath: string): string {
  return `<!-- onnx-diet:${configPath.replace(/--+>?/g, '-')} -->`;
}

/** `29.9×` for big factors, `1.13×` for small ones. */
function formatFactor(x: number): string {
  if (!Number.isFinite(x)) return '∞×';
  return `${x >= 10 ? x.toFixed(1) : x.toFixed(2)}×`;
}

/** `−96.7 %` with a real minus sign, `+4.0 %` when the model grew. */
function signedPercent(part: number, whole: number): string {
  if (whole === 0) return '±0 %';
  const p = (100 * part) / whole;
  return `${p < 0 ? '−' : p > 0 ? '+' : '±'}${Math.abs(p).toFixed(1)} %`;
}

const mark = (passed: boolean) => (passed ? '✅' : '❌');

/** Table cells are one line; pipes would split them. */
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/** `**albert: 358.7 MB → 12.0 MB (−96.7 %, 29.9×)** · parity ✅ · 1.13× faster` */
export function headline(m: ModelRunReport): string {
  const o = m.original.bytes;
  const c = m.compressed.bytes;
  const parts = [`**${cell(m.name)}: ${formatBytes(o)} → ${formatBytes(c)} (${signedPercent(c - o, o)}, ${formatFactor(c > 0 ? o / c : Infinity)})**`];
  if (m.parity) parts.push(`parity ${mark(m.parity.passed)}`);
  if (m.latency && !('error' in m.latency)) {
    const s = m.latency.speedup;
    parts.push(s >= 1 ? `${formatFactor(s)} faster` : `${formatFactor(1 / s)} slower`);
  }
  const broken = m.budgets.filter((b) => !b.passed && !b.name.startsWith('parity.')).length;
  if (broken) parts.push(`❌ ${plural(broken, 'budget')} broken`);
  return parts.join(' · ');
}

/** A row's mark for a check that has no numeric limit (onnxruntime failed, outputs incomparable). */
function failedCheck(what: string): BudgetResult {
  return { name: 'parity', limit: 0, actual: 0, passed: false, atMost: false, limitText: what, actualText: 'failed' };
}

/**
 * What a table cell says for a check onnxruntime could not run. The error itself (often 200+
 * characters) goes on its own line below the table (checkErrors, pipeline/run.ts), so the table keeps its width.
 */
const COULD_NOT_RUN = 'could not run (see below)';

export interface Row {
  what: string;
  original: string;
  compressed: string;
  budget?: BudgetResult;
}

/** The rows of the metrics table (the CLI prints the same rows as plain text). */
export function metricsRows(m: ModelRunReport): Row[] {
  const budget = (name: string) => m.budgets.find((b) => b.name === name);
  const o = m.original.bytes;
  const c = m.compressed.bytes;
  const rows: Row[] = [
    { what: 'Size', original: formatBytes(o), compressed: formatBytes(c), budget: budget('max-size') },
    { what: 'Reduction', original: '', compressed: `${formatFactor(c > 0 ? o / c : Infinity)} (${signedPercent(c - o, o)})`, budget: budget('min-reduction') },
  ];
  const lat = m.latency;
  if (lat && 'error' in lat) rows.push({ what: 'Latency', original: '', compressed: COULD_NOT_RUN });
  else if (lat) {
    const ms = (x: number) => `${x.toFixed(2)} ms`;
    rows.push(
      { what: `Latency p50 (${plural(lat.threads, 'thread')})`, original: ms(lat.original.p50Ms), compressed: ms(lat.compressed.p50Ms), budget: budget('max-latency-ms') },
      { what: 'Latency p90', original: ms(lat.original.p90Ms), compressed: ms(lat.compressed.p90Ms) },
      { what: 'Load time', original: ms(lat.original.loadMs), compressed: ms(lat.compressed.loadMs) },
      { what: 'Speedup (p50)', original: '', compressed: formatFactor(lat.speedup), budget: budget('min-speedup') },
    );
  }
  const parity = m.parity;
  if (parity?.error) rows.push({ what: 'Parity', original: '', compressed: COULD_NOT_RUN, budget: failedCheck('runs') });
  for (const out of parity?.outputs ?? []) {
    const b = (metric: string) => budget(`parity.${out.name}.${metric}`);
    const name = `\`${out.name}\``;
    if (out.incomparable) rows.push({ what: `Parity ${name}`, original: '', compressed: out.incomparable, budget: failedCheck('comparable') });
    rows.push({ what: `${name} max abs diff`, original: '', compressed: metricText(out.maxAbs), budget: b('max-abs') });
    rows.push({ what: `${name} mean abs diff`, original: '', compressed: metricText(out.meanAbs), budget: b('mean-abs') });
    rows.push({ what: `${name} cosine`, original: '', compressed: metricText(out.cosine), budget: b('cosine') });
    // Top-1 is judged on the rows where the original has a clear first choice (parity-metrics.ts TOP1_MARGIN); the row says how many.
    const clear = out.top1Rows ? ` (${out.top1Rows.clear} of ${plural(out.top1Rows.total, 'row')} with a clear top-1)` : '';
    if (out.top1 !== undefined) rows.push({ what: `${name} top-1 agreement`, original: '', compressed: `${metricText(out.top1)}${clear}`, budget: b('top1') });
    else if (out.top1Rows) rows.push({ what: `${name} top-1 agreement`, original: '', compressed: `not judged${clear}` });
    // What the row gates: NaN/Inf new in the compressed model (an original with any is refused before, original-run.ts).
    if (out.nonFinite.compressed || out.newNonFinite) {
      rows.push({ what: `${name} NaN/Inf new in compressed`, original: '', compressed: String(out.newNonFinite), budget: b('non-finite') });
    }
  }
  if (parity?.accuracy) {
    const a = parity.accuracy;
    const pct = (x: number) => `${(x * 100).toFixed(2)} %`;
    rows.push({ what: `Accuracy (${a.rows} labels)`, original: pct(a.original), compressed: `${pct(a.compressed)} (drop ${pct(a.drop)})`, budget: budget('max-accuracy-drop') });
  }
  return rows;
}

/** `≤ 15MB`, `≥ 0.99` */
export function limitCell(b: BudgetResult): string {
  return `${b.atMost ? '≤' : '≥'} ${b.limitText}`;
}

function metricsTable(m: ModelRunReport): string {
  const lines = ['| | Original | Compressed | Budget | |', '|---|---:|---:|---:|:---:|'];
  for (const r of metricsRows(m)) {
    lines.push(`| ${cell(r.what)} | ${cell(r.original)} | ${cell(r.compressed)} | ${r.budget ? cell(limitCell(r.budget)) : ''} | ${r.budget ? mark(r.budget.passed) : ''} |`);
  }
  return lines.join('\n');
}

/** How auto inputs filled bool masks (the polarity original-run.ts settled on), one line each. */
export function maskNotes(m: Pick<ModelRunReport, 'parity' | 'auto'>): string[] {
  const masks = m.parity?.masks ?? m.auto?.masks ?? [];
  return masks.map((c) => `Auto inputs: \`${c.input}\` ${c.why}`);
}

/** Which samples calibrated the static ranges and which judged parity (never the same ones). */
function calibrationLines(m: ModelRunReport): string[] {
  const c = m.calibration;
  if (!c) return [];
  const from = c.synthetic ? 'auto-generated samples (ranges from synthetic data)' : `\`${cell(c.inputs)}\``;
  const parity = c.parity ? `; parity judged on ${plural(c.parity.samples, 'other sample')} (${c.parity.inputs === 'auto' ? 'auto' : `\`${cell(c.parity.inputs)}\``})` : '';
  return ['', `Calibration (${c.method}): ${plural(c.samples, 'sample')} from ${from}${parity}.`];
}

/** Errors of checks that could not run, one line each below the metrics table (empty when none). */
function errorLines(m: ModelRunReport): string[] {
  const errors = checkErrors(m);
  return errors.length ? ['', ...errors.map((e) => `❌ ${e.check} could not run: \`${e.error.replace(/`/g, "'")}\``)] : [];
}

function stagesTable(m: ModelRunReport): string {
  const lines = ['| Stage | Before | After | Change | Time | Details |', '|---|---:|---:|---:|---:|---|'];
  for (const s of m.stages) {
    const details = Object.entries(s.details)
      // Counts that are 0 say nothing; nested objects are in the JSON report.
      .filter(([, v]) => (typeof v === 'number' && v !== 0) || typeof v === 'string' || v === true)
      .map(([k, v]) => `${k}: ${v}`)
      .join(', ');
    lines.push(`| ${cell(s.name)} | ${formatBytes(s.bytesBefore)} | ${formatBytes(s.bytesAfter)} | ${signedPercent(s.bytesAfter - s.bytesBefore, s.bytesBefore)} | ${s.ms} ms | ${cell(details)} |`);
  }
  lines.push(`| **saved file** | | ${formatBytes(m.compressed.bytes)} | ${signedPercent(m.compressed.bytes - m.original.bytes, m.original.bytes)} | | \`${cell(m.output)}\` |`);
  return lines.join('\n');
}

/** A mermaid bar chart of the model's size after each stage (GitHub renders ```mermaid blocks). */
function sizeChart(m: ModelRunReport): string {
  const [div, unit] = m.original.bytes >= 1e9 ? [1e9, 'GB'] : m.original.bytes >= 1e6 ? [1e6, 'MB'] : [1e3, 'kB'];
  const points: [string, number][] = [
    ['original', m.original.bytes],
    ...m.stages.map((s): [string, number] => [s.name, s.bytesAfter]),
    ['saved', m.compressed.bytes],
  ];
  const quote = (s: string) => `"${s.replace(/"/g, "'")}"`;
  const values = points.map(([, b]) => Number((b / div).toFixed(3)));
  const top = Math.max(...values) * 1.1;
  return [
    '```mermaid',
    'xychart-beta',
    `  title ${quote(`${m.name}: size after each stage`)}`,
    `  x-axis [${points.map(([n]) => quote(n)).join(', ')}]`,
    `  y-axis ${quote(unit)} 0 --> ${Number(top.toPrecision(3))}`,
    `  bar [${values.join(', ')}]`,
    '```',
  ].join('\n');
}

/** `cosine 0.9998 · top-1 1` for the worst output of a candidate. */
function paritySummary(c: AutoCandidate): string {
  const outs = c.parity?.outputs ?? [];
  if (!outs.length) return '';
  const cosine = Math.min(...outs.map((o) => o.cosine));
  const top1 = outs.flatMap((o) => (o.top1 === undefined ? [] : [o.top1]));
  return [`cosine ${metricText(cosine)}`, ...(top1.length ? [`top-1 ${metricText(Math.min(...top1))}`] : []), `score ${c.parity!.score ?? '∞'}`].join(' · ');
}

function candidateResult(c: AutoCandidate): string {
  if (c.status === 'passed') return '✅';
  if (c.status === 'failed') return '❌';
  return `${c.status === 'error' ? '⚠️ error' : 'skipped'}${c.note ? `: ${c.note}` : ''}`;
}

/** `strategy: auto`: every candidate tried, in the order tried, with the chosen one in bold. */
function autoDetails(auto: AutoReport): string {
  const lines = [
    `<details><summary>Auto search (${auto.objective}): ${auto.candidates.length} candidates in ${(auto.elapsedMs / 1000).toFixed(1)} s${auto.timedOut ? ', stopped by max-search-time' : ''}</summary>`,
    '',
    cell(auto.reason),
    '',
    '| # | Candidate | Kept layers | Size | Latency p50 | Parity | Result |',
    '|---:|---|---|---:|---:|---|---|',
  ];
  auto.candidates.forEach((c, i) => {
    const label = i === auto.chosen ? `**${cell(candidateLabel(c))}** (chosen)` : cell(candidateLabel(c));
    const list = (xs: string[]) => (xs.length > 3 ? `${xs.slice(0, 3).join(', ')} … (${xs.length})` : xs.join(', '));
    const floats = [c.eightBitLayers?.length ? `8-bit: ${list(c.eightBitLayers)}` : '', c.floatLayers.length ? `${c.eightBitLayers?.length ? 'float: ' : ''}${list(c.floatLayers)}` : ''].filter(Boolean).join('; ');
    lines.push(`| ${i + 1} | ${label} | ${cell(floats)} | ${c.bytes === undefined ? '' : formatBytes(c.bytes)} | ${c.latency ? `${c.latency.p50Ms.toFixed(3)} ms` : ''} | ${paritySummary(c)} | ${cell(candidateResult(c))} |`);
  });
  for (const s of auto.sensitivity) {
    const top = s.layers.slice(0, 3).map((l) => `\`${cell(l.weight)}\``).join(', ');
    lines.push('', `Sensitivity of ${cell(s.recipe)} (${s.method}, ${s.layers.length} layers${s.complete ? '' : ', incomplete'}): most sensitive ${top}`);
  }
  lines.push(...layerChoiceLines(auto.layers));
  lines.push('', '</details>');
  return lines.join('\n');
}

function modelSection(m: ModelRunReport): string {
  return [
    headline(m),
    '',
    metricsTable(m),
    ...maskNotes(m).flatMap((line) => ['', cell(line)]),
    ...calibrationLines(m),
    ...errorLines(m),
    '',
    `<details><summary>Stages of ${cell(m.name)} (${m.stages.length}) and size chart</summary>`,
    '',
    stagesTable(m),
    '',
    sizeChart(m),
    '',
    '</details>',
    ...quantLayersDetails(m.name, m.stages),
    ...(m.auto ? ['', autoDetails(m.auto)] : []),
  ].join('\n');
}

/** The whole report: marker, title line, a section per model, and a footer. */
export function renderMarkdown(report: RunReport): string {
  const failed = report.models.filter((m) => !m.passed).length;
  const title = report.passed
    ? `### onnx-diet ✅ all checks passed`
    : `### onnx-diet ❌ ${failed} of ${plural(report.models.length, 'model')} failed a check`;
  return [
    reportMarker(report.config),
    title,
    '',
    report.models.map(modelSection).join('\n\n---\n\n'),
    '',
    `<sub>onnx-diet ${report.version} · config \`${cell(report.config)}\`${report.environment ? ` · measured on ${cell(environmentLine(report.environment))}` : ''}</sub>`,
    '',
  ].join('\n');
}
