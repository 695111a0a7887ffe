/**
 * The ONNX test-data layout (onnx/backend/test/runner): a model folder holds `test_data_set_N/` folders
 * with `input_K.pb` and `output_K.pb`. File K belongs to the graph's K-th input (or output); its message
 * type follows that value's type: TensorProto for tensors, SequenceProto / MapProto / OptionalProto
 * otherwise (onnx.proto, onnx-ml.proto). Only tensors can pass through onnxruntime-node, so the others
 * are reported with a reason instead of being decoded.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeTensor } from '../onnx/codec.js';
import { OnnxFormatError } from '../onnx/errors.js';
import type { GraphProto, TypeProto, ValueInfoProto } from '../onnx/types.js';
import { dataTypeName } from '../onnx/dtype.js';
import { isOrtTensorType, namedFromTensorProto, UnsupportedTensorTypeError, type NamedTensor } from '../runtime/named-tensor.js';

/** One input or expected output: a tensor, or why it cannot be used with onnxruntime-node. */
export type TestValue =
  | { name: string; file: string; tensor: NamedTensor }
  | { name: string; file: string; unsupported: string };

export interface TestDataSet {
  dir: string;
  inputs: TestValue[];
  outputs: TestValue[];
}

const byIndex = (prefix: string) => (a: string, b: string) =>
  Number(a.slice(prefix.length).split('.')[0]) - Number(b.slice(prefix.length).split('.')[0]);

/** `test_data_set_N` folders of a model folder, in N order. */
export function testDataSetDirs(modelDir: string): string[] {
  if (!existsSync(modelDir)) return [];
  return readdirSync(modelDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && /^test_data_set_\d+$/.test(e.name))
    .map((e) => e.name)
    .sort(byIndex('test_data_set_'))
    .map((n) => path.join(modelDir, n));
}

/** What a non-tensor ValueInfo holds, for messages ("sequence", "optional", ...). */
export function nonTensorKind(type: TypeProto | undefined): string | undefined {
  if (!type) return 'value of unknown type';
  if (type.tensorType) return undefined;
  if (type.sequenceType) return 'sequence';
  if (type.optionalType) return 'optional';
  if (type.mapType) return 'map';
  if (type.sparseTensorType) return 'sparse tensor';
  return 'opaque value';
}

function readValue(file: string, info: ValueInfoProto | undefined, fallbackName: string): TestValue {
  const name = info?.name ?? fallbackName;
  const kind = nonTensorKind(info?.type);
  if (info && kind) return { name, file, unsupported: `${kind} values` };
  // The file may hold another type than the graph declares (numpy has no bfloat16, so the suite stores
  // those as float32); what onnxruntime-node must carry is the graph's type.
  const declared = info?.type?.tensorType?.elemType;
  if (declared !== undefined && !isOrtTensorType(declared)) return { name, file, unsupported: `${dataTypeName(declared)} tensors` };
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new OnnxFormatError(`${file}: cannot read test data file`);
  }
  try {
    return { name, file, tensor: namedFromTensorProto(decodeTensor(bytes), name) };
  } catch (e) {
    if (e instanceof UnsupportedTensorTypeError) return { name, file, unsupported: e.message.replace(/ tensors .*/, ' tensors') };
    if (e instanceof OnnxFormatError) throw new OnnxFormatError(`${file}: not a TensorProto (${e.message})`);
    throw e;
  }
}

function readValues(dir: string, prefix: 'input_' | 'output_', infos: ValueInfoProto[]): TestValue[] {
  const files = readdirSync(dir).filter((f) => f.startsWith(prefix) && f.endsWith('.pb')).sort(byIndex(prefix));
  return files.map((f) => {
    const k = Number(f.slice(prefix.length, -3));
    return readValue(path.join(dir, f), infos[k], f.slice(0, -3));
  });
}

/**
 * Reads one test_data_set folder against the model's main graph. Files pair with graph inputs and
 * outputs by position, as the ONNX backend runner does; graph inputs without a file keep their
 * initializer's value.
 */
export function readTestDataSet(dir: string, graph: GraphProto): TestDataSet {
  return { dir, inputs: readValues(dir, 'input_', graph.input), outputs: readValues(dir, 'output_', graph.output) };
}
