/**
 * A small graph builder for tests: models are built in code, so every test says what it feeds in.
 */
import { DataType } from '../../src/onnx/dtype.js';
import { makeTensor } from '../../src/onnx/tensor.js';
import type {
  AttributeProto, GraphProto, ModelProto, NodeProto, TensorProto, ValueInfoProto,
} from '../../src/onnx/types.js';

export type Dim = number | string;

export function valueInfo(name: string, elemType: number, dims?: Dim[]): ValueInfoProto {
  return {
    name,
    type: dims === undefined
      ? { tensorType: { elemType } }
      : { tensorType: { elemType, shape: { dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) } } },
    metadataProps: [],
  };
}

export function emptyAttribute(name: string): AttributeProto {
  return { name, floats: [], ints: [], strings: [], tensors: [], graphs: [], sparseTensors: [], typeProtos: [] };
}

export type AttrValue = number | bigint | string | number[] | bigint[] | TensorProto | GraphProto | GraphProto[] | { float: number } | { floats: number[] };

export function attribute(name: string, v: AttrValue): AttributeProto {
  const a = emptyAttribute(name);
  if (typeof v === 'bigint') { a.type = 2; a.i = v; }
  else if (typeof v === 'number') {
    if (Number.isInteger(v)) { a.type = 2; a.i = BigInt(v); } else { a.type = 1; a.f = v; }
  } else if (typeof v === 'string') { a.type = 3; a.s = new TextEncoder().encode(v); }
  else if (Array.isArray(v)) {
    if (v.length && typeof v[0] === 'object') { a.type = 10; a.graphs = v as GraphProto[]; }
    else { a.type = 7; a.ints = (v as (number | bigint)[]).map((x) => BigInt(x)); }
  } else if ('float' in v) { a.type = 1; a.f = v.float; }
  else if ('floats' in v) { a.type = 6; a.floats = v.floats; }
  else if ('node' in v) { a.type = 5; a.g = v as GraphProto; }
  else { a.type = 4; a.t = v as TensorProto; }
  return a;
}

export function node(opType: string, inputs: string[], outputs: string[], attrs: Record<string, AttrValue> = {}, extra: Partial<NodeProto> = {}): NodeProto {
  return {
    opType, input: inputs, output: outputs, name: extra.name ?? `${opType}_${outputs[0]}`,
    attribute: Object.entries(attrs).map(([k, v]) => attribute(k, v)),
    metadataProps: [], deviceConfigurations: [], ...extra,
  };
}

export function floatTensor(name: string, dims: number[], values: ArrayLike<number>): TensorProto {
  const f = Float32Array.from(values as number[]);
  return makeTensor(name, DataType.FLOAT, dims, new Uint8Array(f.buffer));
}

export function int64Tensor(name: string, dims: number[], values: (number | bigint)[]): TensorProto {
  const a = BigInt64Array.from(values.map((v) => BigInt(v)));
  return makeTensor(name, DataType.INT64, dims, new Uint8Array(a.buffer));
}

/** Seeded pseudo-random floats (mulberry32), so tests are reproducible. */
export function randomFloats(n: number, seed = 1, scale = 1): Float32Array {
  let s = seed >>> 0;
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = ((((t ^ (t >>> 14)) >>> 0) / 4294967296) * 2 - 1) * scale;
  }
  return out;
}

export function graph(parts: Partial<GraphProto> & { node: NodeProto[] }): GraphProto {
  return {
    name: 'g', initializer: [], input: [], output: [], valueInfo: [], quantizationAnnotation: [],
    sparseInitializer: [], metadataProps: [], ...parts,
  };
}

export function model(g: GraphProto, opset = 17, extraOpsets: { domain: string; version: number }[] = []): ModelProto {
  return {
    irVersion: 8, producerName: 'onnx-diet-test', graph: g,
    opsetImport: [{ domain: '', version: opset }, ...extraOpsets],
    metadataProps: [], trainingInfo: [], functions: [], configuration: [],
  };
}
