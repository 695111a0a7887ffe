/** Building the few NodeProto/AttributeProto shapes the stages emit. */
import { AttributeType, type AttributeProto, type NodeProto, type TensorProto } from '../onnx/types.js';

function attribute(name: string): AttributeProto {
  return { name, floats: [], ints: [], strings: [], tensors: [], graphs: [], sparseTensors: [], typeProtos: [] };
}

export function intAttr(name: string, value: number | bigint): AttributeProto {
  return { ...attribute(name), type: AttributeType.INT, i: BigInt(value) };
}

export function floatAttr(name: string, value: number): AttributeProto {
  return { ...attribute(name), type: AttributeType.FLOAT, f: value };
}

export function intsAttr(name: string, values: (number | bigint)[]): AttributeProto {
  return { ...attribute(name), type: AttributeType.INTS, ints: values.map((v) => BigInt(v)) };
}

export function tensorAttr(name: string, t: TensorProto): AttributeProto {
  return { ...attribute(name), type: AttributeType.TENSOR, t };
}

/**
 * How options and reports name a node: its name, or for an unnamed node (names are optional in ONNX and
 * some exporters leave them all empty) the name of its first output, which the graph keeps unique.
 */
export function nodeId(n: NodeProto): string {
  return n.name || n.output[0] || '';
}

/** A node; `domain` absent (the default domain) unless given, '' written out only when asked for. */
export function makeNode(opType: string, name: string, inputs: string[], outputs: string[], attrs: AttributeProto[] = [], domain?: string): NodeProto {
  return { opType, ...(domain === undefined ? {} : { domain }), name, input: inputs, output: outputs, attribute: attrs, metadataProps: [], deviceConfigurations: [] };
}

/**
 * A node pattern as `exclude` options take it (int8 and int4 alike): a node's name or a glob over it
 * (`*` any run, `?` one character), matched against the whole nodeId.
 */
export function nodePattern(glob: string): RegExp {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`);
}
