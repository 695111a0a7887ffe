/** Building the few NodeProto/AttributeProto shapes the quantizers emit. */
import { AttributeType, type AttributeProto, type NodeProto } from '../../onnx/types.js';

function attribute(name: string): AttributeProto {
  return { name, floats: [], ints: [], strings: [], tensors: [], graphs: [], sparseTensors: [], typeProtos: [] };
}

export function intAttr(name: string, value: number | bigint): AttributeProto {
  return { ...attribute(name), type: AttributeType.INT, i: BigInt(value) };
}

export function intsAttr(name: string, values: (number | bigint)[]): AttributeProto {
  return { ...attribute(name), type: AttributeType.INTS, ints: values.map((v) => BigInt(v)) };
}

/** A default-domain node. */
export function makeNode(opType: string, name: string, inputs: string[], outputs: string[], attrs: AttributeProto[] = []): NodeProto {
  return { opType, name, input: inputs, output: outputs, attribute: attrs, metadataProps: [], deviceConfigurations: [] };
}
