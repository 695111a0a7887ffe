/**
 * Where calibration samples come from, one at a time: the files of a `calibration: inputs` set (the same
 * formats as parity inputs, input-files.ts), read file by file so 500 samples are never all in memory; or,
 * when nothing is given, auto inputs drawn with a seed of their own (never the parity samples' seed), and
 * then the report says the ranges come from synthetic data.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../onnx/errors.js';
import type { ModelProto } from '../onnx/types.js';
import { autoSamples } from '../runtime/auto-inputs.js';
import { fileSamples } from './input-files.js';
import { loadSamples, modelInputs, type Sample } from './inputs.js';
import { testDataSetDirs } from './test-data.js';

export interface CalibrationInputs {
  /** 'auto' or a file or folder (absolute or relative to the working folder). */
  inputs: string;
  /** At most this many samples (default: all files; 8 auto samples). */
  samples?: number;
  /** Sizes of symbolic dims for auto samples. */
  dims?: Record<string, number>;
  /** Seed of auto samples; callers pass one that differs from the parity seed. */
  seed?: number;
}

/** Calibration draws auto samples from this seed on, far from parity's small seeds (0 by default). */
export const CALIBRATION_SEED = 7_340_033;
export const DEFAULT_AUTO_CALIBRATION_SAMPLES = 8;

export interface SampleSource {
  /** true when the samples are auto-generated (the ranges then come from synthetic data). */
  synthetic: boolean;
  /** What the samples are, for reports ('auto' or the path). */
  from: string;
  /** Yields the samples one by one; each may be dropped once used. */
  samples(): Iterable<Sample>;
}

/** The units of a folder that each hold one or more samples, in name order. */
function folderUnits(dir: string): string[] | undefined {
  const sets = testDataSetDirs(dir);
  if (sets.length) return sets;
  const files = readdirSync(dir).sort();
  const many = files.filter((f) => f.endsWith('.npz') || f.endsWith('.json'));
  return many.length ? many.map((f) => path.join(dir, f)) : undefined;
}

export function calibrationSource(spec: CalibrationInputs, model: ModelProto): SampleSource {
  const inputs = modelInputs(model);
  const limit = spec.samples ?? Infinity;
  if (spec.inputs === 'auto') {
    const count = spec.samples ?? DEFAULT_AUTO_CALIBRATION_SAMPLES;
    const seed = spec.seed ?? CALIBRATION_SEED;
    return {
      synthetic: true,
      from: 'auto',
      *samples() {
        // One sample per call, each from its own seed, so nothing but the current one is held.
        for (let s = 0; s < count; s++) yield autoSamples(model, inputs, { samples: 1, seed: seed + s, dims: spec.dims ?? {} })[0]!;
      },
    };
  }
  if (!existsSync(spec.inputs)) throw new UsageError(`${spec.inputs}: no such file or folder for calibration inputs`);
  const units = statSync(spec.inputs).isDirectory() ? folderUnits(spec.inputs) : undefined;
  return {
    synthetic: false,
    from: spec.inputs,
    *samples() {
      let n = 0;
      // A folder of .npy files (one sample together) or a single file: read at once, as parity does.
      for (const unit of units ?? [spec.inputs]) {
        const batch = units ? fileSamples(unit, model, inputs) : loadSamples(unit, model, { samples: 1, seed: 0, dims: {} });
        for (const sample of batch) {
          if (n++ >= limit) return;
          yield sample;
        }
      }
    },
  };
}
