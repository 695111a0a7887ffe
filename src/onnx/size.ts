/** How many bytes a model takes when saved, without saving it. */
import { encodedModelSize } from './codec.js';
import { forEachTensor } from './graph.js';
import { isExternal, tensorByteLength } from './tensor.js';
import type { ModelProto } from './types.js';

/**
 * Serialized size with every payload counted once as if inline: external tensors count their data
 * length (their reference entries are counted too, a few dozen bytes each, close enough for reporting;
 * exact sizes of saved files come from the file system).
 */
export function modelByteSize(model: ModelProto): number {
  let n = encodedModelSize(model);
  forEachTensor(model, (t) => {
    if (isExternal(t)) n += tensorByteLength(t);
  });
  return n;
}
