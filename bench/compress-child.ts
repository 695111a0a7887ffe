/**
 * One compression in its own process, so its peak RSS is its own: `compress-child.ts IN OUT STAGES_JSON
 * [CALIBRATION_JSON]` runs compressModel and reports the total time, each stage's time and details
 * (child-process.ts). CALIBRATION_JSON is the config's `calibration:` section (default: 8 auto samples).
 */
import { performance } from 'node:perf_hooks';
import { compressModel } from '../src/pipeline/compress.js';
import type { CalibrationConfig } from '../src/pipeline/calibration.js';
import type { StageSpec } from '../src/stages/registry.js';
import { reportFromChild } from './child-process.js';

const [input, output, stagesJson, calibrationJson] = process.argv.slice(2);
const t0 = performance.now();
const result = await compressModel(input!, output!, {
  stages: JSON.parse(stagesJson!) as StageSpec[], digest: false,
  ...(calibrationJson ? { calibration: JSON.parse(calibrationJson) as CalibrationConfig } : {}),
});
reportFromChild({
  ms: performance.now() - t0,
  stageMs: Object.fromEntries(result.stages.map((s) => [s.name, s.ms])),
  details: result.stages.map((s) => s.details),
});
