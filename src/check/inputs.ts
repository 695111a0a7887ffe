/**
 * Sample inputs for parity and latency: `auto` (auto-inputs.ts, seeded from the model's metadata) or
 * files (input-files.ts: .npy, .npz, .json, test_data_set_N/input_K.pb), checked against the model.
 */
import { UsageError } from '../onnx/errors.js';
import { loadModel } from '../onnx/model-io.js';
import type { ModelProto } from '../onnx/types.js';
import { autoSamples, boolMaskInputs, guessedAttend } from '../runtime/auto-inputs.js';
import { fileSamples } from './input-files.js';
import { modelInputs, type ModelInput, type Sample, type SampleOptions } from '../runtime/input-meta.js';
import type { SampleSource } from './original-run.js';

export { modelInputs, resolveDims, encodeValues, type AutoDim, type ModelInput, type Sample, type SampleOptions } from '../runtime/input-meta.js';

/**
 * The samples a parity check feeds both models: `auto` (seeded from the model's metadata) or a file or
 * folder. Every sample is checked against the model's inputs, so a mismatch is one clear line here
 * rather than an onnxruntime error later.
 */
export function loadSamples(spec: string, model: ModelProto, opts: SampleOptions): Sample[] {
  const inputs = modelInputs(model);
  const samples = spec === 'auto' ? autoSamples(model, inputs, opts) : fileSamples(spec, model, inputs);
  for (const sample of samples) checkSample(sample, inputs, spec);
  return samples;
}

/** loadSamples for the model file at `file` (only its graph is read, never its external data). */
export function loadSamplesFor(file: string, spec: string, opts: SampleOptions): Sample[] {
  const loaded = loadModel(file);
  try {
    return loadSamples(spec, loaded.model, opts);
  } finally {
    loaded.external.close();
  }
}

/**
 * loadSamples with what original-run.ts needs to retry bool mask polarity on auto samples: the masks'
 * guessed polarity and the samples with every one flipped (onDim is told the dims once).
 */
export function loadSampleSource(spec: string, model: ModelProto, opts: SampleOptions): SampleSource {
  const samples = loadSamples(spec, model, opts);
  const maskInputs = spec === 'auto' ? boolMaskInputs(modelInputs(model)) : [];
  if (!maskInputs.length) return { samples, spec };
  const masks = maskInputs.map((input) => ({ input, attend: opts.maskAttend?.[input] ?? guessedAttend(input) }));
  const flipped = loadSamples(spec, model, { ...opts, onDim: undefined, maskAttend: Object.fromEntries(masks.map((m) => [m.input, !m.attend])) });
  return { samples, spec, masks, flipped };
}

/** loadSampleSource for the model file at `file` (only its graph is read). */
export function loadSampleSourceFor(file: string, spec: string, opts: SampleOptions): SampleSource {
  const loaded = loadModel(file);
  try {
    return loadSampleSource(spec, loaded.model, opts);
  } finally {
    loaded.external.close();
  }
}

function checkSample(sample: Sample, inputs: ModelInput[], from: string): void {
  for (const input of inputs) {
    const t = sample.find((s) => s.name === input.name);
    if (!t) throw new UsageError(`${from}: no value for the model input '${input.name}'`);
    if (t.type !== input.type) throw new UsageError(`${from}: '${input.name}' is ${t.type}, the model takes ${input.type}`);
    const fixedMismatch = input.dims.length !== t.dims.length
      || input.dims.some((d, i) => typeof d === 'number' && d !== t.dims[i]);
    if (fixedMismatch) {
      throw new UsageError(`${from}: '${input.name}' has dims [${t.dims.join(',')}], the model takes [${input.dims.map((d) => d ?? '?').join(',')}]`);
    }
  }
  const extra = sample.find((s) => !inputs.some((i) => i.name === s.name));
  if (extra) throw new UsageError(`${from}: '${extra.name}' is not an input of the model (inputs: ${inputs.map((i) => i.name).join(', ')})`);
}
