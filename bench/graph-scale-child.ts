/**
 * One run of the graph-scale bench: builds a chain of N MatMul+Relu layers (32×32 weights, each its own,
 * as initializers or as Constant nodes) and times one stage on it, in memory (no file I/O: this
 * measures the passes, not the disk). Prints the report line bench/child-process.ts reads.
 */
import { performance } from 'node:perf_hooks';
import { DataType } from '../src/onnx/dtype.js';
import { makeTensor } from '../src/onnx/tensor.js';
import type { ModelProto, NodeProto, TensorProto } from '../src/onnx/types.js';
import { createStage, type StageSpec } from '../src/stages/registry.js';
import { reportFromChild } from './child-process.js';

const [layersArg, form, specJson] = process.argv.slice(2);
const layers = Number(layersArg);
const spec = JSON.parse(specJson!) as StageSpec;

function weight(name: string, seed: number): TensorProto {
  const f = new Float32Array(32 * 32);
  let s = (seed * 2654435761) >>> 0 || 1;
  for (let i = 0; i < f.length; i++) {
    s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
    f[i] = (s / 4294967296 - 0.5) * 0.2;
  }
  return makeTensor(name, DataType.FLOAT, [32, 32], new Uint8Array(f.buffer));
}

const node = (opType: string, input: string[], output: string, attribute: NodeProto['attribute'] = []): NodeProto =>
  ({ opType, input, output: [output], name: output, attribute, metadataProps: [], deviceConfigurations: [] });

function chain(): ModelProto {
  const nodes: NodeProto[] = [];
  const initializer: TensorProto[] = [];
  let x = 'x';
  for (let i = 0; i < layers; i++) {
    const w = weight(form === 'constant' ? '' : `w${i}`, i + 1);
    if (form === 'constant') {
      nodes.push(node('Constant', [], `w${i}`, [{ name: 'value', type: 4, t: w, floats: [], ints: [], strings: [], tensors: [], graphs: [], sparseTensors: [], typeProtos: [] }]));
    } else initializer.push(w);
    nodes.push(node('MatMul', [x, `w${i}`], `h${i}`), node('Relu', [`h${i}`], `r${i}`));
    x = `r${i}`;
  }
  const io = (name: string) => ({ name, type: { tensorType: { elemType: DataType.FLOAT, shape: { dim: [{ dimValue: 1 }, { dimValue: 32 }] } } }, metadataProps: [] });
  return {
    irVersion: 8, opsetImport: [{ domain: '', version: 17 }], metadataProps: [], trainingInfo: [], functions: [], configuration: [],
    graph: { name: 'chain', node: nodes, initializer, input: [io('x')], output: [io(x)], valueInfo: [], quantizationAnnotation: [], sparseInitializer: [], metadataProps: [] },
  };
}

const model = chain();
const t0 = performance.now();
await createStage(spec).run(model, { tmpDir: '/tmp', log: () => {} });
reportFromChild({ ms: performance.now() - t0, nodes: model.graph!.node.length });
