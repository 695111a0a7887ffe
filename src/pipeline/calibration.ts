/**
 * The calibrator stages get in compress and run: samples from the config's `calibration:` (or auto
 * samples with their own seed when none is given), onnxruntime in a child process, and the method.
 * What the report says about calibration (how many samples, from where, synthetic or not) comes from here.
 */
import { createHash } from 'node:crypto';
import type { ExternalDataReader } from '../onnx/external.js';
import { encodeModel } from '../onnx/encode.js';
import type { ModelProto } from '../onnx/types.js';
import { calibrate } from '../check/calibrate.js';
import { calibrationSource, type CalibrationInputs } from '../check/calibration-inputs.js';
import type { CalibrationMethod } from '../runtime/calibration-stats.js';
import type { CalibratedRange, CalibrateRequest, Calibrator } from '../stages/stage.js';
import type { Progress } from './progress.js';

export interface CalibrationConfig extends CalibrationInputs {
  method: CalibrationMethod;
}

export const DEFAULT_CALIBRATION: CalibrationConfig = { inputs: 'auto', method: 'minmax' };

/**
 * Ranges calibrated before, by the float model they were measured on (its encoded bytes, or the identity
 * the stage gives: static int8 names the model as it was before its exclusion-dependent folds), the
 * method and the samples. `strategy: auto` builds one static recipe many times over the same model — each
 * per-layer fallback attempt leaves other nodes in float, which changes where QDQ go, not the float
 * activations calibration measures — so one calibration serves them all (PP-OCR det: ~60 s each
 * otherwise). A tensor's range depends on its own values only, so a cached subset is the same answer, and
 * a build that asks for tensors never calibrated runs only those.
 */
export class CalibrationCache {
  private readonly entries = new Map<string, { asked: Set<string>; ranges: Map<string, CalibratedRange>; details: Record<string, unknown> }>();
  /** Calibrations answered from the cache, and those that ran onnxruntime (auto's report says both). */
  hits = 0;
  runs = 0;

  static key(model: ModelProto, config: CalibrationConfig, identity?: string): string {
    const h = createHash('sha256').update(JSON.stringify(config));
    return (identity === undefined ? h.update(encodeModel(model)) : h.update(`identity:${identity}`)).digest('hex');
  }

  /** The cached ranges among `tensors`, and those never calibrated for `key`. */
  get(key: string, tensors: readonly string[]): { ranges: Map<string, CalibratedRange>; details?: Record<string, unknown>; missing: string[] } {
    const e = this.entries.get(key);
    const ranges = new Map<string, CalibratedRange>();
    if (!e) return { ranges, missing: [...tensors] };
    for (const t of tensors) {
      const r = e.ranges.get(t);
      if (r) ranges.set(t, r);
    }
    return { ranges, details: e.details, missing: tensors.filter((t) => !e.asked.has(t)) };
  }

  set(key: string, tensors: readonly string[], ranges: Map<string, CalibratedRange>, details: Record<string, unknown>): void {
    this.runs++;
    const e = this.entries.get(key) ?? { asked: new Set<string>(), ranges: new Map<string, CalibratedRange>(), details };
    for (const t of tensors) e.asked.add(t);
    for (const [t, r] of ranges) e.ranges.set(t, r);
    this.entries.set(key, e);
  }
}

export function calibratorFor(config: CalibrationConfig | undefined, external: ExternalDataReader, tmpDir: string, progress: Progress, cache?: CalibrationCache): Calibrator {
  const c = config ?? DEFAULT_CALIBRATION;
  const calibrator = async (model: ModelProto, tensors: string[], options?: CalibrateRequest) => {
    const moments = options?.moments ?? [];
    // Channel moments (int4 awq) are not cached: one build asks for them once.
    const key = cache && !moments.length ? CalibrationCache.key(model, c, options?.identity) : undefined;
    const known = key ? cache!.get(key, tensors) : undefined;
    if (known?.details && !known.missing.length) {
      cache!.hits++;
      progress.note(`calibration: ${tensors.length} ranges reused from an earlier calibration of the same float model`);
      return { ranges: known.ranges, details: { ...known.details, tensors: tensors.length, reused: true } };
    }
    // Only what was never calibrated runs (a build that leaves other nodes in float asks for a few new tensors).
    if (known?.details) tensors = known.missing;
    const source = calibrationSource(c.inputs === 'auto' && c.samples === undefined && options?.autoSamples ? { ...c, samples: options.autoSamples } : c, model);
    const count = new Set([...tensors, ...moments]).size;
    const r = await progress.step(`calibrate ${count} tensors (${c.method}${moments.length ? ', channel moments' : ''}, ${source.synthetic ? 'auto samples' : c.inputs})`, () =>
      calibrate({ model, external, tensors, moments, momentBlock: options?.momentBlock, channels: options?.momentChannels, method: c.method, source, tmpDir }));
    if (r.synthetic) progress.note(`calibration: ranges come from ${r.samples} synthetic (auto-generated) samples; give calibration inputs for ranges that match real data`);
    const details = { method: r.method, samples: r.samples, inputs: r.from, synthetic: r.synthetic, tensors: count, stateBytes: r.stateBytes, peakRssBytes: r.peakRssBytes };
    if (key) cache!.set(key, tensors, r.ranges, details);
    if (known?.details) {
      for (const [t, range] of known.ranges) r.ranges.set(t, range);
      return { ranges: r.ranges, moments: r.moments, details: { ...details, tensors: known.ranges.size + count, reused: true } };
    }
    return { ranges: r.ranges, moments: r.moments, details };
  };
  return Object.assign(calibrator, { given: config !== undefined, cached: cache !== undefined });
}
