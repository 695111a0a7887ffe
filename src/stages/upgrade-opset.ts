/**
 * `upgrade-opset`: moves the model's default-domain opset up to `target` (opset/upgrade.ts), rewriting
 * the ops whose form changed; refuses, naming the op and why, what it cannot convert exactly.
 *
 * Default target 13: the opset where the last of the attribute-to-input moves that matter for
 * compression happened (Squeeze/Unsqueeze/Split/ReduceSum axes) and per-channel QuantizeLinear /
 * DequantizeLinear (axis) appeared, which the int8 stages need; every onnxruntime since 1.6 runs it, so
 * the upgraded model stays as portable as it can be. `target: latest` goes to the newest opset at which
 * onnxruntime 1.30 has a CPU kernel for every op version (21: LATEST_ORT_OPSET); explicit targets up to
 * 26 (the newest it loads) are accepted, and a node that would land on an op version without a kernel
 * there (RoiAlign-22 …) is refused. A model already at or above the target is left as it is.
 */
import { integerOption, rejectUnknownOptions } from './options.js';
import type { Stage, StageOptions } from './stage.js';
import { LATEST_ORT_OPSET, MAX_OPSET, upgradeOpset } from './opset/upgrade.js';

export const DEFAULT_OPSET_TARGET = 13;

export function opsetTargetOption(o: StageOptions): number {
  if (o.target === 'latest') return LATEST_ORT_OPSET;
  return integerOption('upgrade-opset', o, 'target', `an opset from 7 to ${MAX_OPSET} or 'latest' (${LATEST_ORT_OPSET})`, (n) => n >= 7 && n <= MAX_OPSET) ?? DEFAULT_OPSET_TARGET;
}

export function upgradeOpsetStage(options: StageOptions): Stage {
  rejectUnknownOptions('upgrade-opset', options, ['target']);
  const target = opsetTargetOption(options);
  return {
    name: 'upgrade-opset',
    inPlace: true,
    run(model) {
      const { model: out, details } = upgradeOpset(model, target);
      return { model: out, modified: details.to !== details.from, details: { ...details } };
    },
  };
}
