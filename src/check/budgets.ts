/**
 * Budgets: the limits a pull request must meet (size, reduction, latency, speedup, accuracy drop) plus
 * every parity threshold, evaluated into one list. A broken budget makes `run` exit 1 with a line that
 * names the budget, its limit, the actual value and the config line it came from.
 */
import { formatWhere, type BudgetConfig, type Where } from '../config/types.js';
import { formatBytes, formatCount } from '../config/sizes.js';
import type { LatencyReport } from './latency.js';
import type { ParityReport } from './parity.js';

export interface BudgetResult {
  /** `max-size`, …, or `parity.<output>.<metric>` for a parity threshold. */
  name: string;
  limit: number;
  actual: number;
  passed: boolean;
  /** The actual value must be at most the limit (else at least). */
  atMost: boolean;
  /** For people: `15MB`, `4x`, `12.0 MB`. */
  limitText: string;
  actualText: string;
  /** Where the limit is written in the config (absent for built-in parity defaults). */
  where?: Where;
}

export interface Measured {
  originalBytes: number;
  compressedBytes: number;
  parity?: ParityReport;
  latency?: LatencyReport;
}

const factor = (x: number) => `${x.toFixed(2)}×`;
const ms = (x: number) => `${x.toFixed(2)} ms`;
const pct = (x: number) => `${(x * 100).toFixed(2)} %`;
/** Parity metrics range from 0 to ~1e3; six significant digits show a 0.9998 cosine and a 3e-7 max-abs. */
export const metricText = (x: number) => (Number.isInteger(x) ? String(x) : Number(x.toPrecision(6)).toString());

type Rule = { actual: (m: Measured) => number | undefined; atMost: boolean; show: (x: number) => string };

const RULES: Record<BudgetConfig['name'], Rule> = {
  'max-size': { actual: (m) => m.compressedBytes, atMost: true, show: (x) => `${formatBytes(x)} (${formatCount(x)} B)` },
  'min-reduction': { actual: (m) => (m.compressedBytes > 0 ? m.originalBytes / m.compressedBytes : Infinity), atMost: false, show: factor },
  'max-latency-ms': { actual: (m) => m.latency?.compressed.p50Ms, atMost: true, show: ms },
  'min-speedup': { actual: (m) => m.latency?.speedup, atMost: false, show: factor },
  'max-accuracy-drop': { actual: (m) => m.parity?.accuracy?.drop, atMost: true, show: pct },
};

/** Config budgets and parity thresholds → results. A budget whose measurement is missing fails. */
export function evaluateBudgets(budgets: BudgetConfig[], m: Measured): BudgetResult[] {
  const out: BudgetResult[] = budgets.map((b) => {
    const rule = RULES[b.name];
    const actual = rule.actual(m);
    const passed = actual !== undefined && (rule.atMost ? actual <= b.limit : actual >= b.limit);
    return {
      name: b.name, limit: b.limit, actual: actual ?? NaN, passed, atMost: rule.atMost,
      limitText: b.name === 'max-latency-ms' && /^[\d.]+$/.test(b.text) ? `${b.text} ms` : b.text, actualText: actual === undefined ? 'not measured' : rule.show(actual), where: b.where,
    };
  });
  for (const o of m.parity?.outputs ?? []) {
    for (const c of o.checks) {
      out.push({
        name: `parity.${o.name}.${c.metric}`, limit: c.limit, actual: c.actual, passed: c.passed,
        atMost: !(c.metric === 'cosine' || c.metric === 'top1'), limitText: metricText(c.limit),
        actualText: metricText(c.actual), where: c.where,
      });
    }
  }
  return out;
}

/** `albert: budget max-size broken: limit 15MB, actual 16.2 MB (onnx-diet.yml:14:17)` */
export function budgetFailureLine(model: string, b: BudgetResult): string {
  const where = b.where ? ` (${formatWhere(b.where)})` : ' (built-in default)';
  return `${model}: budget ${b.name} broken: limit ${b.limitText}, actual ${b.actualText}${where}`;
}
