import { readFileSync, writeFileSync } from 'node:fs';
import { decodeModel, encodeModel } from '../src/onnx/codec.js';
import { DataType } from '../src/onnx/dtype.js';
import { tensorFloat32, makeTensor } from '../src/onnx/tensor.js';
import { quantizePerAxis } from '../src/stages/quant/numerics.js';
import { makeNode, intAttr } from '../src/stages/nodes.js';
const m = decodeModel(readFileSync(process.argv[2]!));
const g = m.graph!;
const inits = new Map(g.initializer.map((t) => [t.name!, t]));
const nodes = [];
for (const n of g.node) {
  const w = n.opType === 'Conv' ? inits.get(n.input[1]!) : undefined;
  if (w && w.dataType === DataType.FLOAT) {
    const data = tensorFloat32(w);
    const q = quantizePerAxis(data, w.dims, 0, { type: 'int8', symmetric: true, reduceRange: false } as never);
    const M = w.dims[0]!;
    g.initializer = g.initializer.filter((t) => t !== w);
    g.initializer.push(makeTensor(`${w.name}_q`, DataType.INT8, w.dims, new Uint8Array(q.values.buffer)));
    g.initializer.push(makeTensor(`${w.name}_s`, DataType.FLOAT, [M], new Uint8Array(q.scales.buffer)));
    g.initializer.push(makeTensor(`${w.name}_z`, DataType.INT8, [M], new Uint8Array(q.zeroPoints.buffer)));
    nodes.push(makeNode('DequantizeLinear', `${w.name}_dq`, [`${w.name}_q`, `${w.name}_s`, `${w.name}_z`], [`${w.name}_deq`], [intAttr('axis', 0)]));
    n.input[1] = `${w.name}_deq`;
  }
  nodes.push(n);
}
g.node = nodes;
writeFileSync(process.argv[3]!, encodeModel(m));
