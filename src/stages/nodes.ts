/** Building the few NodeProto/AttributeProto shapes the stages emit. */
import { AttributeType, type AttributeProto, type NodeProto } from '../onnx/types.js';

function attribute(name: string): AttributeProto {
  return { name, floats: [], ints: [], strings: [], tensors: [], graphs: [], sparseTensors: [], typeProtos: [] };
}

export function intAttr(name: string, value: number | bigint): AttributeProto {
  return { ...attribute(name), type: AttributeType.INT, i: BigInt(value) };
}

export function intsAttr(name: string, values: (number | bigint)[]): AttributeProto {
  return { ...attribute(name), type: AttributeType.INTS, ints: values.map((v) => BigInt(v)) };
}

/** A node; `domain` absent (the default domain) unless given, '' written out only when asked for. */
export function makeNode(opType: string, name: string, inputs: string[], outputs: string[], attrs: AttributeProto[] = [], domain?: string): NodeProto {
  return { opType, ...(domain === undefined ? {} : { domain }), name, input: inputs, output: outputs, attribute: attrs, metadataProps: [], deviceConfigurations: [] };
}
