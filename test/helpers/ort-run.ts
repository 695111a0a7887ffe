/**
 * Runs a model in the real onnxruntime-node for tests and returns each output's raw bytes, so two
 * models can be compared bit for bit. Also reads ONNX test-data folders (test_data_set_N/input_K.pb).
 */
import * as ort from 'onnxruntime-node';
import { ownedBytes, tensorProtoFromNamed } from '../../src/runtime/named-tensor.js';
import { readTestDataSet, testDataSetDirs } from '../../src/check/test-data.js';
import { ORT_TYPE } from '../../src/onnx/dtype.js';
import { tensorBytes } from '../../src/onnx/tensor.js';
import type { GraphProto, ModelProto, TensorProto } from '../../src/onnx/types.js';
import { encodeModel } from '../../src/onnx/codec.js';

// Tests build models with deliberate oddities (initializers that are also inputs); ORT's warnings are noise.
ort.env.logLevel = 'error';

export interface RawOutput {
  type: string;
  dims: readonly number[];
  /** Raw little-endian bytes (a Buffer owning exactly them), or the strings of a string tensor joined by NUL. */
  bytes: Buffer;
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
  const data = new TYPED[type]!(ownedBytes(tensorBytes(t)).buffer as ArrayBuffer);
  return new ort.Tensor(type as 'float32', data as Float32Array, t.dims);
}

function rawOf(v: ort.Tensor): RawOutput {
  const data = v.data as unknown;
  const view = Array.isArray(data) ? new TextEncoder().encode(data.join('\u0000')) : data as ArrayBufferView;
  const copy = new Uint8Array(view.buffer, view.byteOffset, view.byteLength).slice();
  return { type: v.type, dims: v.dims, bytes: Buffer.from(copy.buffer) };
}

export type Feeds = Record<string, TensorProto | ort.Tensor>;

/** Runs `model` (bytes or a path) on `feeds` and returns every output as raw bytes. */
export async function runOrt(model: Uint8Array | string, feeds: Feeds): Promise<Record<string, RawOutput>> {
  const session = typeof model === 'string'
    ? await ort.InferenceSession.create(model)
    : await ort.InferenceSession.create(model);
  try {
    const inputs: Record<string, ort.Tensor> = {};
    for (const [name, t] of Object.entries(feeds)) inputs[name] = t instanceof ort.Tensor ? t : ortTensor(t as TensorProto);
    const out = await session.run(inputs);
    const result: Record<string, RawOutput> = {};
    for (const name of session.outputNames) result[name] = rawOf(out[name]!);
    return result;
  } finally {
    await session.release();
  }
}

/** The inputs of one test_data_set folder, keyed by the names of `graph`'s inputs (the product's reader). */
export function readTestInputs(dir: string, graph: GraphProto): Record<string, TensorProto> {
  const feeds: Record<string, TensorProto> = {};
  for (const v of readTestDataSet(dir, graph).inputs) {
    if (!('tensor' in v)) throw new Error(`${v.file}: ${v.unsupported} cannot be fed to onnxruntime-node`);
    feeds[v.name] = tensorProtoFromNamed(v.tensor);
  }
  return feeds;
}

/** The inputs of every test_data_set_N folder of `dataDir`, in N order. */
export function testInputSets(dataDir: string, graph: GraphProto): Record<string, TensorProto>[] {
  return testDataSetDirs(dataDir).map((dir) => readTestInputs(dir, graph));
}

/** A float32 output's values (a view of its bytes). */
export function float32Values(out: RawOutput): Float32Array {
  if (out.type !== 'float32') throw new Error(`output of type ${out.type}, expected float32`);
  return new Float32Array(out.bytes.buffer, out.bytes.byteOffset, out.bytes.byteLength / 4);
}

/** The first output of `model` on `feeds` (float32). */
export async function runFirstOutput(model: Uint8Array | string, feeds: Feeds): Promise<Float32Array> {
  return float32Values(Object.values(await runOrt(model, feeds))[0]!);
}

/** Relative L2 error ‖y_q − y‖ / ‖y‖ of the first output of `q` against `fp32`, pooled over `inputs`. */
export async function relativeOutputError(fp32: ModelProto, q: ModelProto, inputs: Feeds[]): Promise<number> {
  let e = 0, n = 0;
  for (const feeds of inputs) {
    const want = await runFirstOutput(encodeModel(fp32), feeds);
    const got = await runFirstOutput(encodeModel(q), feeds);
    for (let i = 0; i < want.length; i++) {
      e += (want[i]! - got[i]!) ** 2;
      n += want[i]! ** 2;
    }
  }
  return Math.sqrt(e / n);
}
