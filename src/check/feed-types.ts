/**
 * Samples fed to a model whose float inputs have another float type than the samples. The fp16 stage
 * with `keep-io-types: false` makes a model that takes float16 where the original took float32; parity
 * and latency feed both models the same samples, each converted to the float type its model declares
 * (to float16: round to nearest, ties to even, as onnxruntime's MLFloat16 does). Other mismatches are
 * passed on unchanged, so onnxruntime names them.
 */
import { toFloat16Bits } from '../onnx/float16.js';
import { tensorValues, type NamedTensor } from './named-tensor.js';
import type { ValueMetadata } from './ort-protocol.js';

const FLOAT_TYPES = new Set(['float16', 'float32', 'float64']);

/** `t` (a float tensor) as a tensor of the float type `to`. */
export function convertFloatTensor(t: NamedTensor, to: string): NamedTensor {
  const values = tensorValues(t) as ArrayLike<number>;
  let out: Uint16Array | Float32Array | Float64Array;
  if (to === 'float16') out = Uint16Array.from(values, toFloat16Bits);
  else if (to === 'float32') out = Float32Array.from(values);
  else out = Float64Array.from(values);
  return { name: t.name, type: to, dims: [...t.dims], data: new Uint8Array(out.buffer) };
}

/** Converted tensors by source tensor and target type: a latency loop converts each sample once. */
const converted = new WeakMap<NamedTensor, Map<string, NamedTensor>>();

/** `feeds` with each float tensor in the float type `inputs` declares for it. */
export function feedsFor(feeds: NamedTensor[], inputs: ValueMetadata[]): NamedTensor[] {
  const declared = new Map(inputs.map((m) => [m.name, m.type]));
  return feeds.map((t) => {
    const want = declared.get(t.name);
    if (!want || want === t.type || !FLOAT_TYPES.has(want) || !FLOAT_TYPES.has(t.type)) return t;
    let byType = converted.get(t);
    if (!byType) converted.set(t, (byType = new Map()));
    let c = byType.get(want);
    if (!c) byType.set(want, (c = convertFloatTensor(t, want)));
    return c;
  });
}
