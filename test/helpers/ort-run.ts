/**
 * Runs a model in the real onnxruntime-node for tests and returns each output's raw bytes, so two
 * models can be compared bit for bit. Also reads ONNX test-data folders (test_data_set_N/input_K.pb).
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import { decodeTensor } from '../../src/onnx/codec.js';
import { ORT_TYPE } from '../../src/onnx/dtype.js';
import { tensorBytes } from '../../src/onnx/tensor.js';
import type { TensorProto } from '../../src/onnx/types.js';

// Tests build models with deliberate oddities (initializers that are also inputs); ORT's warnings are noise.
ort.env.logLevel = 'error';

export interface RawOutput {
  type: string;
  dims: readonly number[];
  /** Raw little-endian bytes, or the strings of a string tensor joined by NUL. */
  bytes: Uint8Array;
}

const TYPED: Record<string, new (b: ArrayBuffer) => ArrayLike<unknown>> = {
  float32: Float32Array, float64: Float64Array, int8: Int8Array, uint8: Uint8Array, bool: Uint8Array,
  int16: Int16Array, uint16: Uint16Array, float16: Uint16Array, int32: Int32Array, uint32: Uint32Array,
  int64: BigInt64Array, uint64: BigUint64Array,
};

export function ortTensor(t: TensorProto): ort.Tensor {
  const type = ORT_TYPE[t.dataType ?? 0];
  if (!type) throw new Error(`tensor '${t.name}': no onnxruntime-node type for data type ${t.dataType}`);
  if (type === 'string') return new ort.Tensor('string', t.stringData.map((s) => new TextDecoder().decode(s)), t.dims);
  const bytes = tensorBytes(t);
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  const data = new TYPED[type]!(copy.buffer);
  return new ort.Tensor(type as 'float32', data as Float32Array, t.dims);
}

function rawOf(v: ort.Tensor): RawOutput {
  const data = v.data as unknown;
  if (Array.isArray(data)) return { type: v.type, dims: v.dims, bytes: new TextEncoder().encode(data.join('\u0000')) };
  const view = data as ArrayBufferView;
  return { type: v.type, dims: v.dims, bytes: new Uint8Array(view.buffer, view.byteOffset, view.byteLength).slice() };
}

/** Runs `model` (bytes or a path) on `feeds` and returns every output as raw bytes. */
export async function runOrt(model: Uint8Array | string, feeds: Record<string, TensorProto>): Promise<Record<string, RawOutput>> {
  const session = typeof model === 'string'
    ? await ort.InferenceSession.create(model)
    : await ort.InferenceSession.create(model);
  try {
    const inputs: Record<string, ort.Tensor> = {};
    for (const [name, t] of Object.entries(feeds)) inputs[name] = ortTensor(t);
    const out = await session.run(inputs);
    const result: Record<string, RawOutput> = {};
    for (const name of session.outputNames) result[name] = rawOf(out[name]!);
    return result;
  } finally {
    await session.release();
  }
}

/** The inputs of one test_data_set folder, keyed by the graph input names in order. */
export function readTestInputs(dir: string, inputNames: string[]): Record<string, TensorProto> {
  const files = readdirSync(dir).filter((f) => /^input_\d+\.pb$/.test(f))
    .sort((a, b) => Number(a.match(/\d+/)![0]) - Number(b.match(/\d+/)![0]));
  const feeds: Record<string, TensorProto> = {};
  files.forEach((f, i) => {
    const t = decodeTensor(readFileSync(path.join(dir, f)));
    feeds[t.name || inputNames[i]!] = t;
  });
  return feeds;
}
