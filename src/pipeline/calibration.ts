/**
 * The calibrator stages get in compress and run: samples from the config's `calibration:` (or auto
 * samples with their own seed when none is given), onnxruntime in a child process, and the method.
 * What the report says about calibration (how many samples, from where, synthetic or not) comes from here.
 */
import type { ExternalDataReader } from '../onnx/external.js';
import type { ModelProto } from '../onnx/types.js';
import { calibrate } from '../check/calibrate.js';
import { calibrationSource, type CalibrationInputs } from '../check/calibration-inputs.js';
import type { CalibrationMethod } from '../runtime/calibration-stats.js';
import type { Calibrator } from '../stages/stage.js';
import type { Progress } from './progress.js';

export interface CalibrationConfig extends CalibrationInputs {
  method: CalibrationMethod;
}

export const DEFAULT_CALIBRATION: CalibrationConfig = { inputs: 'auto', method: 'minmax' };

export function calibratorFor(config: CalibrationConfig | undefined, external: ExternalDataReader, tmpDir: string, progress: Progress): Calibrator {
  const c = config ?? DEFAULT_CALIBRATION;
  const calibrator = async (model: ModelProto, tensors: string[], options?: { moments?: string[]; momentBlock?: number }) => {
    const source = calibrationSource(c, model);
    const moments = options?.moments ?? [];
    const count = new Set([...tensors, ...moments]).size;
    const r = await progress.step(`calibrate ${count} tensors (${c.method}${moments.length ? ', channel moments' : ''}, ${source.synthetic ? 'auto samples' : c.inputs})`, () =>
      calibrate({ model, external, tensors, moments, momentBlock: options?.momentBlock, method: c.method, source, tmpDir }));
    if (r.synthetic) progress.note(`calibration: ranges come from ${r.samples} synthetic (auto-generated) samples; give calibration inputs for ranges that match real data`);
    return {
      ranges: r.ranges,
      moments: r.moments,
      details: { method: r.method, samples: r.samples, inputs: r.from, synthetic: r.synthetic, tensors: count, stateBytes: r.stateBytes, peakRssBytes: r.peakRssBytes },
    };
  };
  return Object.assign(calibrator, { given: config !== undefined });
}
