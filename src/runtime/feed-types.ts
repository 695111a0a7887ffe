/**
 * Samples fed to a model whose float inputs have another float type than the samples. The fp16 stage
 * with `keep-io-types: false` makes a model that takes float16 where the original took float32; parity
 * and latency feed both models the same samples, each converted to the float type its model declares
 * (to float16: round to nearest, ties to even, as onnxruntime's MLFloat16 does). Other mismatches are
 * passed on unchanged, so onnxruntime names them.
 */
import { encodeValues } from './input-meta.js';
import { isFloatType, tensorValues, type NamedTensor } from './named-tensor.js';
import type { ValueMetadata } from './ort-protocol.js';

/** `t` (a float tensor) as a tensor of the float type `to`. */
export function convertFloatTensor(t: NamedTensor, to: string): NamedTensor {
  return { name: t.name, type: to, dims: [...t.dims], data: encodeValues(to, tensorValues(t) as ArrayLike<number>) };
}

/** Input name → declared type, made once per session (feedsFor runs on every call). */
export function inputTypes(inputs: ValueMetadata[]): Map<string, string> {
  return new Map(inputs.map((m) => [m.name, m.type]));
}

/** Converted tensors by source tensor and target type: a latency loop converts each sample once. */
const converted = new WeakMap<NamedTensor, Map<string, NamedTensor>>();

/** `feeds` with each float tensor in the float type `declared` (inputTypes) gives for it. */
export function feedsFor(feeds: NamedTensor[], declared: Map<string, string>): NamedTensor[] {
  return feeds.map((t) => {
    const want = declared.get(t.name);
    if (!want || want === t.type || !isFloatType(want) || !isFloatType(t.type)) return t;
    let byType = converted.get(t);
    if (!byType) converted.set(t, (byType = new Map()));
    let c = byType.get(want);
    if (!c) byType.set(want, (c = convertFloatTensor(t, want)));
    return c;
  });
}
