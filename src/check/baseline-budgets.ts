/**
 * Budgets against the base branch: `max-growth` (the slim model may grow by at most X % or X bytes
 * against the baseline report's slim model) and `max-latency-regression` (its p50 may rise by at most
 * X % or X ms). A model with no baseline (first run, a new model, latency not measured there) gets a
 * note, never a failure: there is nothing to regress from.
 */
import type { BaselineBudgetConfig } from '../config/types.js';
import { formatBytes, formatSignedBytes } from '../config/sizes.js';
import { budgetFailureLine, type BudgetResult } from './budgets.js';

/** The numbers of one model a baseline budget compares (from a report JSON, ours or the base's). */
export interface Comparable {
  compressed: { bytes: number };
  latency?: unknown;
}

export function p50Of(m: Comparable): number | undefined {
  const v = (m.latency as { compressed?: { p50Ms?: unknown } } | undefined)?.compressed?.p50Ms;
  return typeof v === 'number' ? v : undefined;
}

const signedPct = (x: number) => `${x > 0 ? '+' : ''}${(x * 100).toFixed(2)} %`;

export interface BaselineBudgetOutcome {
  results: BudgetResult[];
  /** Why a budget could not be checked (no baseline). */
  notes: string[];
}

export function evaluateBaselineBudgets(
  name: string, budgets: readonly BaselineBudgetConfig[], current: Comparable, base: Comparable | undefined, baseWhat: string,
): BaselineBudgetOutcome {
  const out: BaselineBudgetOutcome = { results: [], notes: [] };
  for (const b of budgets) {
    const before = base === undefined ? undefined : b.name === 'max-growth' ? base.compressed.bytes : p50Of(base);
    const now = b.name === 'max-growth' ? current.compressed.bytes : p50Of(current);
    if (before === undefined || now === undefined) {
      const missing = base === undefined ? `no report of ${name} from ${baseWhat}` : before === undefined ? `${baseWhat} measured no latency for ${name}` : `this run measured no latency for ${name}`;
      out.notes.push(`${name}: ${b.name} ${b.text} not checked: ${missing}.`);
      continue;
    }
    const delta = now - before;
    // A relative budget compares the fraction grown; an absolute one bytes or ms.
    const actual = b.relative ? (before > 0 ? delta / before : delta > 0 ? Infinity : 0) : delta;
    const passed = actual <= b.limit;
    const shownDelta = b.name === 'max-growth'
      ? `${formatSignedBytes(delta)} (${formatBytes(before)} → ${formatBytes(now)})`
      : `${delta > 0 ? '+' : ''}${delta.toFixed(2)} ms (${before.toFixed(2)} → ${now.toFixed(2)} ms)`;
    out.results.push({
      name: b.name, limit: b.limit, actual, passed, atMost: true,
      limitText: `${b.text} vs ${baseWhat}`,
      actualText: b.relative ? `${signedPct(actual)}, ${shownDelta}` : shownDelta,
      where: b.where,
    });
  }
  return out;
}

/** The parts of a run report baseline budgets read and update (structural: check sits below pipeline). */
export interface CheckedReport {
  passed: boolean;
  models: (Comparable & { name: string; passed: boolean; budgets: BudgetResult[] })[];
}

/**
 * Each model's baseline budgets against `base` (a report JSON; undefined = none): results join the
 * model's budgets, so the verdict, exit code and annotations see them. Returns one line per budget
 * (`✅ …`, `❌ …`, `ℹ️ … not checked`), for the terminal or the comment.
 */
export function checkAgainstBaseline(
  report: CheckedReport, base: { models: (Comparable & { name: string })[] } | undefined,
  budgets: ReadonlyMap<string, readonly BaselineBudgetConfig[]>, baseWhat: string,
): string[] {
  const lines: string[] = [];
  for (const m of report.models) {
    const own = budgets.get(m.name) ?? [];
    if (!own.length) continue;
    const outcome = evaluateBaselineBudgets(m.name, own, m, base?.models.find((x) => x.name === m.name), baseWhat);
    m.budgets.push(...outcome.results);
    if (outcome.results.some((r) => !r.passed)) m.passed = false;
    for (const r of outcome.results) lines.push(r.passed ? `✅ ${m.name}: ${r.name} ≤ ${r.limitText}: ${r.actualText}` : `❌ ${budgetFailureLine(m.name, r)}`);
    for (const n of outcome.notes) lines.push(`ℹ️ ${n}`);
  }
  report.passed = report.models.every((m) => m.passed);
  return lines;
}
