/**
 * The report JSON (contract: PRODUCT.md "Report JSON"). compress writes it now; run and compare add
 * `parity`, `latency` and `budgets` to the same model entries. Extra keys are allowed by the contract.
 */
import path from 'node:path';
import type { AutoReport } from './auto.js';
import type { CompressResult } from './compress.js';
import type { FilesDigest } from '../onnx/digest.js';
import type { StageResult } from '../stages/stage.js';
import type { Environment } from '../check/environment.js';

export const TOOL = 'onnx-diet';
/** Kept equal to package.json's version (a test checks); a constant so the bundle needs no file lookup. */
export const TOOL_VERSION = '0.1.0';

export interface FileSummary {
  bytes: number;
  sha256: string;
  /** Present when the model has external data: each file with its size. */
  files?: { path: string; bytes: number }[];
}

export interface ModelReport {
  name: string;
  source: string;
  output: string;
  original: FileSummary;
  compressed: FileSummary;
  stages: StageResult[];
  parity?: { passed: boolean } & Record<string, unknown>;
  latency?: Record<string, unknown>;
  budgets?: { name: string; limit: number; actual: number; passed: boolean }[];
  /** `strategy: auto`: every candidate tried, the chosen one and why. */
  auto?: AutoReport;
  /** Static quantization: the calibration samples and the parity samples, told apart (never the same). */
  calibration?: CalibrationSummary;
  passed: boolean;
}

export interface CalibrationSummary {
  method: string;
  samples: number;
  inputs: string;
  /** Auto-generated samples: the ranges come from synthetic data. */
  synthetic: boolean;
  parity?: { samples: number; inputs: string };
}

/** What the stages' calibration used (the last stage that calibrated), from their details. */
export function calibrationOf(stages: StageResult[]): CalibrationSummary | undefined {
  for (const s of [...stages].reverse()) {
    const c = s.details.calibration as CalibrationSummary | undefined;
    if (c && typeof c.samples === 'number') return { method: c.method, samples: c.samples, inputs: c.inputs, synthetic: c.synthetic };
  }
  return undefined;
}

export interface Report {
  tool: typeof TOOL;
  version: string;
  passed: boolean;
  models: ModelReport[];
  /** Where parity and latency were measured (present when a report holds such a figure). */
  environment?: Environment;
}

function summary(d: FilesDigest): FileSummary {
  if (d.sha256 === undefined) throw new Error('report needs the sha256 of every model file (compress with digest on)');
  const s: FileSummary = { bytes: d.bytes, sha256: d.sha256 };
  if (d.files.length > 1) s.files = d.files.map((f) => ({ path: f.path, bytes: f.bytes }));
  return s;
}

/** A model's name in reports: its file name without `.onnx`. */
function modelName(file: string): string {
  return path.basename(file).replace(/\.onnx$/i, '');
}

/** A model entry from a compress result. compress alone has no gate, so it passes; see modelPassed. */
export function modelReport(result: CompressResult & { auto?: AutoReport }, name = modelName(result.source)): ModelReport {
  return {
    name,
    source: result.source,
    output: result.output,
    original: summary(result.original),
    compressed: summary(result.compressed),
    stages: result.stages,
    ...(result.auto ? { auto: result.auto } : {}),
    ...(calibrationOf(result.stages) ? { calibration: calibrationOf(result.stages) } : {}),
    passed: true,
  };
}

/** A model passes when every check that ran passed (parity and budgets, when present). */
export function modelPassed(m: ModelReport): boolean {
  return (m.parity?.passed ?? true) && (m.budgets ?? []).every((b) => b.passed);
}

export function buildReport(models: ModelReport[]): Report {
  return { tool: TOOL, version: TOOL_VERSION, passed: models.every((m) => m.passed), models };
}
