import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DataType } from '../src/onnx/dtype.js';
import type { GraphProto, NodeProto } from '../src/onnx/types.js';
import { DefUse } from '../src/graph/def-use.js';
import { matchAll, matchAt, type Pattern } from '../src/graph/pattern.js';
import { floatTensor, graph, int64Tensor, node, valueInfo } from './helpers/builder.js';
import { tensorFloat32 } from '../src/onnx/tensor.js';
import { sameDims, ShapeIndex } from '../src/graph/shapes.js';

const F = DataType.FLOAT;

/**
 *   a = X + W; b = Relu(a); c = b * a
 *   z = If(flag) then { t = c + a (captures c, a) } else { a = Neg(X); e = a + a (own a hides the outer one) }
 */
function sample(): { g: GraphProto; thenG: GraphProto; elseG: GraphProto; ifNode: NodeProto } {
  const thenG = graph({ node: [node('Add', ['c', 'a'], ['t'])], output: [valueInfo('t', F)] });
  const elseG = graph({ node: [node('Neg', ['X'], ['a']), node('Add', ['a', 'a'], ['e'])], output: [valueInfo('e', F)] });
  const ifNode = node('If', ['flag'], ['z'], { then_branch: thenG, else_branch: elseG });
  const g = graph({
    node: [node('Add', ['X', 'W'], ['a']), node('Relu', ['a'], ['b']), node('Mul', ['b', 'a'], ['c']), ifNode],
    input: [valueInfo('X', F, [2]), valueInfo('flag', DataType.BOOL, [])],
    initializer: [floatTensor('W', [2], [1, 2])],
    output: [valueInfo('z', F), valueInfo('c', F)],
  });
  return { g, thenG, elseG, ifNode };
}

/** The index as a plain picture (producer op and sorted consumers of each name), to compare with a fresh build. */
function picture(du: DefUse, names: string[]): string[] {
  return names.map((n) => `${n}<-${du.producer(n)?.opType ?? du.definition(n)?.kind ?? '-'}:` +
    du.consumers(n).map((u) => `${u.node.opType}@${u.inputIndex}`).sort().join(','));
}

test('def-use: producers, consumers and subgraph captures, with shadowing respected', () => {
  const { g, thenG, elseG, ifNode } = sample();
  const du = new DefUse(g);
  assert.equal(du.producer('a')?.opType, 'Add');
  assert.equal(du.definition('W')?.kind, 'initializer');
  assert.equal(du.definition('X')?.kind, 'input');
  // `a` is read by Relu, Mul, and captured by the then-branch (the else-branch defines its own `a`).
  assert.deepEqual(picture(du, ['a', 'c', 'X']), ['a<-Add:If@-1,Mul@1,Relu@0', 'c<-Mul:If@-1', 'X<-input:Add@0,If@-1']);
  assert.ok(du.isGraphOutput('c'));
  const inElse = du.child(ifNode, elseG);
  assert.equal(inElse.producer('a')?.opType, 'Neg');
  assert.equal(inElse.resolve('X')?.owner, du);
  const inThen = du.child(ifNode, thenG);
  assert.equal(inThen.resolve('a')?.owner, du);
  assert.deepEqual(tensorFloat32(inThen.constant('W')!), Float32Array.from([1, 2]));
  assert.deepEqual(du.dims('X'), [2]);
});

test('def-use: insert, remove, replaceAllUses and rename keep the index equal to a fresh build', () => {
  const { g, thenG, elseG, ifNode } = sample();
  const du = new DefUse(g);
  const names = ['a', 'a2', 'b', 'c', 'X', 'W', 'n'];
  // a2 = Sigmoid(X) before Relu; every read of `a` (incl. the then-branch's capture) now reads a2.
  const sig = node('Sigmoid', ['X'], ['a2']);
  du.insert([sig], g.node[1]);
  assert.equal(du.replaceAllUses('a', 'a2'), 3);
  assert.deepEqual(thenG.node[0]!.input, ['c', 'a2']);
  assert.deepEqual(elseG.node[1]!.input, ['a', 'a'], 'the else-branch shadows a: its reads stay');
  du.remove([g.node[0]!]);
  du.rename('b', 'n');
  assert.deepEqual(picture(du, names), picture(new DefUse(g), names));
  assert.deepEqual(g.node.map((n) => n.opType), ['Sigmoid', 'Relu', 'Mul', 'If']);
  assert.equal(du.consumers('a').length, 0);
  assert.deepEqual(g.node[2]!.input, ['n', 'a2']);
  assert.throws(() => du.rename('c', 'z2'), /graph output of the main graph/);
  // In a subgraph the outputs are positional: renaming one renames the output.
  const inThen = du.child(ifNode, thenG);
  inThen.rename('t', 't2');
  assert.equal(thenG.output[0]!.name, 't2');
});

const addMulRelu: Pattern = {
  root: 'relu',
  nodes: {
    add: { op: 'Add', inputs: ['$x', '$w'] },
    mul: { op: 'Mul', inputs: ['add', '$s'] },
    relu: { op: 'Relu', inputs: ['mul'] },
  },
  values: { w: { constant: (t) => t.dims.length === 1 }, s: { constant: (t) => tensorFloat32(t)[0] === 2 } },
};

test('pattern: commutative inputs, constant predicates, bound nodes and values', () => {
  // Mul's constant first, Add's constant first: both orders are tried.
  const g = graph({
    node: [node('Add', ['W', 'X'], ['a']), node('Mul', ['S', 'a'], ['m']), node('Relu', ['m'], ['r'])],
    input: [valueInfo('X', F, [2])], output: [valueInfo('r', F)],
    initializer: [floatTensor('W', [2], [1, 2]), floatTensor('S', [], [2])],
  });
  const du = new DefUse(g);
  const m = matchAt(du, addMulRelu, g.node[2]!);
  assert.ok(m);
  assert.equal(m.value('x'), 'X');
  assert.equal(m.value('w'), 'W');
  assert.equal(m.node('add'), g.node[0]);
  // A constant that fails its predicate: no match.
  g.initializer[1] = floatTensor('S', [], [3]);
  assert.equal(matchAt(new DefUse(g), addMulRelu, g.node[2]!), undefined);
});

test('pattern: a value bound twice must be the same name; inner values read outside refuse the match', () => {
  const square: Pattern = { root: 'mul', nodes: { mul: { op: 'Mul', inputs: ['relu', 'relu'] }, relu: { op: 'Relu', inputs: ['$x'] } } };
  const g = graph({
    node: [node('Relu', ['X'], ['r']), node('Mul', ['r', 'r'], ['m']), node('Relu', ['X'], ['r2']), node('Mul', ['r', 'r2'], ['m2'])],
    input: [valueInfo('X', F)], output: [valueInfo('m', F), valueInfo('m2', F)],
  });
  const du = new DefUse(g);
  // m = r·r matches structurally but r is also read by the second Mul: not self-contained.
  assert.equal(matchAt(du, square, g.node[1]!), undefined);
  assert.equal(matchAt(du, { ...square, shared: ['relu'] }, g.node[1]!)?.node('relu'), g.node[0]);
  // m2 = r·r2: two different Relu nodes cannot both be pattern node `relu`.
  assert.equal(matchAt(du, { ...square, shared: ['relu'] }, g.node[3]!), undefined);
  assert.equal(matchAll(du, { ...square, shared: ['relu'] }).length, 1);
});

test('shapes: symbolic dims through the Shape → Gather → Unsqueeze → Concat → Reshape chains torch writes', () => {
  // x[batch, seq, 8] → view(b, s, 2, 4) with b, s read off x's shape; Range(0, s, 1); Slice(buf, 0, s).
  // Scalars s_*, 1-D otherwise.
  const i64 = (name: string, v: number[]) => int64Tensor(name, name.startsWith('s_') ? [] : [v.length], v);
  const g = graph({
    node: [
      node('Shape', ['X'], ['shape']),
      node('Gather', ['shape', 's_zero'], ['b'], { axis: 0 }),
      node('Gather', ['shape', 's_one'], ['s']),
      node('Unsqueeze', ['b', 'axes0'], ['b1']),
      node('Unsqueeze', ['s', 'axes0'], ['s1']),
      node('Concat', ['b1', 's1', 'heads', 'head'], ['target'], { axis: 0 }),
      node('Reshape', ['X', 'target'], ['split']),
      node('Transpose', ['split'], ['t'], { perm: [0, 2, 3, 1] }),
      node('Range', ['s_zero', 's', 's_one'], ['pos']),
      node('Slice', ['buf', 'starts', 's1', 'axes1'], ['sliced']),
      node('Add', ['X', 'bias'], ['biased']),
      node('MatMul', ['X', 'W'], ['mm']),
    ],
    input: [valueInfo('X', F, ['batch', 'seq', 8])],
    initializer: [i64('s_zero', [0]), i64('s_one', [1]), i64('axes0', [0]), i64('heads', [2]), i64('head', [4]), i64('starts', [0]), i64('axes1', [1]),
      int64Tensor('buf', [1, 4], [0, 1, 2, 3]), floatTensor('bias', [8], new Array(8).fill(0)), floatTensor('W', [8, 3], new Array(24).fill(0))],
    output: [valueInfo('t', F)],
  });
  const shapes = new ShapeIndex(new DefUse(g));
  assert.deepEqual(shapes.of('split'), ['batch', 'seq', 2, 4]);
  assert.deepEqual(shapes.of('t'), ['batch', 2, 4, 'seq']);
  assert.deepEqual(shapes.of('pos'), ['seq']);
  assert.deepEqual(shapes.of('sliced'), [1, 'seq']);
  assert.deepEqual(shapes.of('biased'), ['batch', 'seq', 8]);
  assert.deepEqual(shapes.of('mm'), ['batch', 'seq', 3]);
  assert.ok(sameDims(shapes.of('biased'), shapes.of('X')));
  assert.ok(!sameDims(shapes.of('mm'), shapes.of('X')));
});
