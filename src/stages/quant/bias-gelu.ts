/**
 * Before int8: a com.microsoft BiasGelu(MatMul output, bias) (what `fuse` emits for nn.Linear + GELU)
 * goes back to Add(MatMul output, bias) + Gelu. onnxruntime folds that bias Add into the int8 kernel
 * (MatMulIntegerToFloat / DynamicQuantizeMatMul take a bias input), which BiasGelu would keep from it:
 * measured on the BERT-base bench (onnxruntime 1.30, 1 thread, seq 128) BiasGelu took 9.9 ms per run
 * against 4.4 ms for Gelu after a bias-fused int8 MatMul.
 */
import { freshName, type GraphScope } from '../../onnx/graph.js';
import type { NodeProto } from '../../onnx/types.js';
import { DefUse } from '../../graph/def-use.js';
import { makeNode } from '../nodes.js';
import { resolveConstant, type DefinitionIndex } from './constant-weight.js';

const MS = 'com.microsoft';

/** Rewrites BiasGelu nodes whose input is a MatMul with a constant weight; returns how many. */
export function splitBiasGelu(scopes: GraphScope[], names: Set<string>, index: DefinitionIndex): number {
  let count = 0;
  for (const scope of scopes) {
    if (!scope.graph.node.some(isBiasGelu)) continue;
    const du = new DefUse(scope);
    const split = new Map<NodeProto, NodeProto[]>();
    for (const node of scope.graph.node) {
      const mm = isBiasGelu(node) ? du.producer(node.input[0] ?? '') : undefined;
      if (!mm || mm.opType !== 'MatMul' || (mm.domain ?? '') !== '' || !mm.input[1] || !resolveConstant(scope, mm.input[1], index) || !node.input[1]) continue;
      const base = node.name || node.output[0]!;
      const sum = freshName(names, `${base}_biased`);
      split.set(node, [
        // Bias second: onnxruntime's MatMulIntegerToFloat fusion reads the bias from the Add's input 1.
        makeNode('Add', freshName(names, `${base}_Add`), [node.input[0]!, node.input[1]], [sum]),
        makeNode('Gelu', node.name || freshName(names, `${base}_Gelu`), [sum], [node.output[0]!], [], MS),
      ]);
    }
    du.replace(split);
    count += split.size;
  }
  return count;
}

function isBiasGelu(n: NodeProto): boolean {
  return n.opType === 'BiasGelu' && n.domain === MS;
}
