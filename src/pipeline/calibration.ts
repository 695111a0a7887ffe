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
import type { CalibratedRange, Calibrator } from '../stages/stage.js';
import type { Progress } from './progress.js';

export interface CalibrationConfig extends CalibrationInputs {
  method: CalibrationMethod;
}

export const DEFAULT_CALIBRATION: CalibrationConfig = { inputs: 'auto', method: 'minmax' };

/**
 * Ranges calibrated before, by the float model they were measured on (its encoded bytes), the method and
 * the samples. `strategy: auto` builds one static recipe many times over the same float model — each
 * per-layer fallback attempt leaves other nodes in float, which changes where QDQ go, not the float
 * activations calibration measures — so one calibration serves them all (PP-OCR det: ~60 s each
 * otherwise). A tensor's range depends on its own values only, so a cached subset is the same answer.
 */
export class CalibrationCache {
  private readonly entries = new Map<string, { asked: Set<string>; ranges: Map<string, CalibratedRange>; details: Record<string, unknown> }>();
  /** Calibrations answered from the cache, and those that ran onnxruntime (auto's report says both). */
  hits = 0;
  runs = 0;

  static key(model: ModelProto, config: CalibrationConfig): string {
    return createHash('sha256').update(JSON.stringify(config)).update(encodeModel(model)).digest('hex');
  }

  get(key: string, tensors: readonly string[]): { ranges: Map<string, CalibratedRange>; details: Record<string, unknown> } | undefined {
    const e = this.entries.get(key);
    if (!e || !tensors.every((t) => e.asked.has(t))) return undefined;
    this.hits++;
    const ranges = new Map<string, CalibratedRange>();
    for (const t of tensors) {
      const r = e.ranges.get(t);
      if (r) ranges.set(t, r);
    }
    return { ranges, details: { ...e.details, tensors: tensors.length, reused: true } };
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
  const calibrator = async (model: ModelProto, tensors: string[], options?: { moments?: string[]; momentBlock?: number }) => {
    const moments = options?.moments ?? [];
    // Channel moments (int4 awq) are not cached: one build asks for them once.
    const key = cache && !moments.length ? CalibrationCache.key(model, c) : undefined;
    const known = key ? cache!.get(key, tensors) : undefined;
    if (known) {
      progress.note(`calibration: ${tensors.length} ranges reused from an earlier calibration of the same float model`);
      return known;
    }
    const source = calibrationSource(c, model);
    const count = new Set([...tensors, ...moments]).size;
    const r = await progress.step(`calibrate ${count} tensors (${c.method}${moments.length ? ', channel moments' : ''}, ${source.synthetic ? 'auto samples' : c.inputs})`, () =>
      calibrate({ model, external, tensors, moments, momentBlock: options?.momentBlock, method: c.method, source, tmpDir }));
    if (r.synthetic) progress.note(`calibration: ranges come from ${r.samples} synthetic (auto-generated) samples; give calibration inputs for ranges that match real data`);
    const details = { method: r.method, samples: r.samples, inputs: r.from, synthetic: r.synthetic, tensors: count, stateBytes: r.stateBytes, peakRssBytes: r.peakRssBytes };
    if (key) cache!.set(key, tensors, r.ranges, details);
    return { ranges: r.ranges, moments: r.moments, details };
  };
  return Object.assign(calibrator, { given: config !== undefined });
}
