/**
 * In-memory shapes of ONNX messages as our codec (codec.ts) produces and consumes them.
 *
 * Decisions taken on purpose (see codec.ts for why):
 * - Field names are camelCase versions of the spec's snake_case names.
 * - Repeated fields are always present as arrays (empty when absent in the file); optional scalars are
 *   `undefined` when absent, so presence survives a round trip.
 * - int64 values are exact: attribute ints and tensor int64/uint64 data are `bigint`; every other int64
 *   (dims, versions, offsets) is a `number` and the codec refuses values beyond 2^53.
 * - Large numeric tensor payloads are typed arrays; `rawData` is a view into the file buffer, not a copy.
 * - `$unknown` holds fields this schema does not know, as raw wire bytes, re-emitted verbatim on encode.
 */

export interface Unknowns {
  $unknown?: Uint8Array[];
}

export interface StringStringEntryProto extends Unknowns {
  key?: string;
  value?: string;
}

export interface OperatorSetIdProto extends Unknowns {
  domain?: string;
  version?: number;
}

export interface TensorSegment extends Unknowns {
  begin?: number;
  end?: number;
}

export interface TensorProto extends Unknowns {
  dims: number[];
  dataType?: number;
  segment?: TensorSegment;
  floatData?: Float32Array;
  int32Data?: Int32Array;
  stringData: Uint8Array[];
  int64Data?: BigInt64Array;
  name?: string;
  rawData?: Uint8Array;
  doubleData?: Float64Array;
  uint64Data?: BigUint64Array;
  docString?: string;
  externalData: StringStringEntryProto[];
  dataLocation?: number;
  metadataProps: StringStringEntryProto[];
}

export interface SparseTensorProto extends Unknowns {
  values?: TensorProto;
  indices?: TensorProto;
  dims: number[];
}

export interface TensorShapeDimension extends Unknowns {
  dimValue?: number;
  dimParam?: string;
  denotation?: string;
}

export interface TensorShapeProto extends Unknowns {
  dim: TensorShapeDimension[];
}

export interface TypeProtoTensor extends Unknowns {
  elemType?: number;
  shape?: TensorShapeProto;
}

export interface TypeProto extends Unknowns {
  tensorType?: TypeProtoTensor;
  sequenceType?: { elemType?: TypeProto } & Unknowns;
  mapType?: { keyType?: number; valueType?: TypeProto } & Unknowns;
  opaqueType?: { domain?: string; name?: string } & Unknowns;
  sparseTensorType?: TypeProtoTensor;
  optionalType?: { elemType?: TypeProto } & Unknowns;
  denotation?: string;
}

export interface ValueInfoProto extends Unknowns {
  name?: string;
  type?: TypeProto;
  docString?: string;
  metadataProps: StringStringEntryProto[];
}

export interface AttributeProto extends Unknowns {
  name?: string;
  refAttrName?: string;
  docString?: string;
  type?: number;
  f?: number;
  i?: bigint;
  s?: Uint8Array;
  t?: TensorProto;
  g?: GraphProto;
  sparseTensor?: SparseTensorProto;
  tp?: TypeProto;
  floats: number[];
  ints: bigint[];
  strings: Uint8Array[];
  tensors: TensorProto[];
  graphs: GraphProto[];
  sparseTensors: SparseTensorProto[];
  typeProtos: TypeProto[];
}

export interface NodeProto extends Unknowns {
  input: string[];
  output: string[];
  name?: string;
  opType?: string;
  domain?: string;
  overload?: string;
  attribute: AttributeProto[];
  docString?: string;
  metadataProps: StringStringEntryProto[];
  deviceConfigurations: unknown[];
}

export interface TensorAnnotation extends Unknowns {
  tensorName?: string;
  quantParameterTensorNames: StringStringEntryProto[];
}

export interface GraphProto extends Unknowns {
  node: NodeProto[];
  name?: string;
  initializer: TensorProto[];
  docString?: string;
  input: ValueInfoProto[];
  output: ValueInfoProto[];
  valueInfo: ValueInfoProto[];
  quantizationAnnotation: TensorAnnotation[];
  sparseInitializer: SparseTensorProto[];
  metadataProps: StringStringEntryProto[];
}

export interface TrainingInfoProto extends Unknowns {
  initialization?: GraphProto;
  algorithm?: GraphProto;
  initializationBinding: StringStringEntryProto[];
  updateBinding: StringStringEntryProto[];
}

export interface FunctionProto extends Unknowns {
  name?: string;
  input: string[];
  output: string[];
  attribute: string[];
  node: NodeProto[];
  docString?: string;
  opsetImport: OperatorSetIdProto[];
  domain?: string;
  attributeProto: AttributeProto[];
  valueInfo: ValueInfoProto[];
  overload?: string;
  metadataProps: StringStringEntryProto[];
}

export interface ModelProto extends Unknowns {
  irVersion?: number;
  producerName?: string;
  producerVersion?: string;
  domain?: string;
  modelVersion?: number;
  docString?: string;
  graph?: GraphProto;
  opsetImport: OperatorSetIdProto[];
  metadataProps: StringStringEntryProto[];
  trainingInfo: TrainingInfoProto[];
  functions: FunctionProto[];
  configuration: unknown[];
}

/** AttributeProto.AttributeType */
export const AttributeType = {
  UNDEFINED: 0, FLOAT: 1, INT: 2, STRING: 3, TENSOR: 4, GRAPH: 5, FLOATS: 6, INTS: 7, STRINGS: 8,
  TENSORS: 9, GRAPHS: 10, SPARSE_TENSOR: 11, SPARSE_TENSORS: 12, TYPE_PROTO: 13, TYPE_PROTOS: 14,
} as const;

/** TensorProto.DataLocation */
export const DataLocation = { DEFAULT: 0, EXTERNAL: 1 } as const;
