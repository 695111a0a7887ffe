// The DefUse queries and edits the stages use (prune, fp16, dedup, fold-batchnorm, bias-gelu), each on a
// graph with subgraphs that capture outer names and subgraphs that shadow them. After every edit the
// index must equal one built afresh from the edited graph.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DataType } from '../src/onnx/dtype.js';
import { mainScopes } from '../src/onnx/graph.js';
import type { GraphProto, NodeProto } from '../src/onnx/types.js';
import { DefUse, scopeIndexes } from '../src/graph/def-use.js';
import { floatTensor, graph, model, node, valueInfo } from './helpers/builder.js';

const F = DataType.FLOAT;

/**
 *   a = X + W; b = Relu(a)
 *   z = If(flag) then { t = a + b; u = Loop body { v = Neg(a) } (captures a two levels down) }
 *                else { a = Neg(X) (hides the outer a); e = a * b }
 *   outputs z, b
 */
function sample() {
  const body = graph({ name: 'body', node: [node('Neg', ['a'], ['v'])], output: [valueInfo('v', F)] });
  const loop = node('Loop', ['', ''], ['u'], { body });
  const thenG = graph({ name: 'then', node: [node('Add', ['a', 'b'], ['t']), loop], output: [valueInfo('t', F)], valueInfo: [valueInfo('a', F)] });
  const elseG = graph({ name: 'else', node: [node('Neg', ['X'], ['a']), node('Mul', ['a', 'b'], ['e'])], output: [valueInfo('e', F)] });
  const ifNode = node('If', ['flag'], ['z'], { then_branch: thenG, else_branch: elseG });
  const g = graph({
    name: 'main',
    node: [node('Add', ['X', 'W'], ['a']), node('Relu', ['a'], ['b']), ifNode],
    input: [valueInfo('X', F, [2]), valueInfo('flag', DataType.BOOL, [])],
    initializer: [floatTensor('W', [2], [1, 2])],
    output: [valueInfo('z', F), valueInfo('b', F)],
    valueInfo: [valueInfo('a', F, [2])],
  });
  return { g, thenG, elseG, body, ifNode, loop };
}

/** Producer, consumers (op@slot, sorted) and reads across subgraphs of each name, for comparing indexes. */
function picture(du: DefUse, names: string[]): string[] {
  return names.map((n) => `${n}<-${du.producer(n)?.opType ?? du.definition(n)?.kind ?? '-'}:` +
    du.consumers(n).map((u) => `${u.node.opType}@${u.inputIndex}`).sort().join(',') + '|' +
    du.readers(n).map((r) => `${r.node.opType}@${r.inputIndex}`).sort().join(','));
}

function assertFresh(du: DefUse, g: GraphProto, names: string[]): void {
  assert.deepEqual(picture(du, names), picture(new DefUse(g), names));
}

test('def-use readers: every node input reading a name, nested graphs included, shadowing respected, in graph order', () => {
  const { g, ifNode } = sample();
  const du = new DefUse(g);
  // Relu reads a; the then-branch's Add and the Loop body's Neg read it; the else-branch has its own a.
  assert.deepEqual(du.readers('a').map((r) => `${r.node.opType}@${r.inputIndex}:${r.graph.graph.name}`), ['Relu@0:main', 'Add@0:then', 'Neg@0:body']);
  assert.deepEqual(du.readers('b').map((r) => `${r.node.opType}:${r.graph.graph.name}`), ['Add:then', 'Mul:else']);
  assert.deepEqual(du.readers('z'), []);
  // reads(node): inputs, then what its subgraphs capture (the else-branch's own a is not a capture of it).
  assert.deepEqual(du.reads(ifNode).sort(), ['X', 'a', 'b', 'flag']);
  assert.deepEqual(du.reads(g.node[0]!), ['X', 'W']);
});

test('def-use defines: a sparse initializer hides an outer name like any definition', () => {
  const { g, elseG } = sample();
  elseG.sparseInitializer.push({ values: floatTensor('b', [1], [5]), indices: undefined, dims: [2] });
  const du = new DefUse(g);
  const inElse = du.child(g.node[2]!, elseG);
  assert.ok(inElse.defines('b') && inElse.defines('a') && !inElse.defines('X'));
  assert.equal(inElse.definition('b'), undefined, 'not indexed as a dense definition');
  // The else-branch's Mul now reads its own b: not a reader of the outer one.
  assert.deepEqual(du.readers('b').map((r) => r.graph.graph.name), ['then']);
});

test('def-use replaceAllUses goes through the index: nested graphs rewritten, shadowed ones left, subgraph outputs follow', () => {
  const { g, thenG, elseG, body } = sample();
  const du = new DefUse(g);
  du.insert([node('Sigmoid', ['X'], ['a2'])], g.node[1]);
  // Relu, then-branch Add, Loop body Neg: three reads (the else-branch shadows a).
  assert.equal(du.replaceAllUses('a', 'a2'), 3);
  assert.deepEqual(body.node[0]!.input, ['a2']);
  assert.deepEqual(elseG.node[1]!.input, ['a', 'b']);
  assert.deepEqual(thenG.valueInfo.map((v) => v.name), ['a'], 'plain replaceAllUses leaves value_info alone');
  assertFresh(du, g, ['a', 'a2', 'b', 'X']);
  // The then-branch's index stays current too: it now sees a2 read by Add.
  const inThen = du.child(g.node[3]!, thenG);
  assert.deepEqual(inThen.consumers('a2').map((u) => `${u.node.opType}@${u.inputIndex}`), ['Add@0', 'Loop@-1']);
  assert.equal(inThen.consumers('a').length, 0);
  // In a subgraph, an output passing an outer value through follows the value.
  thenG.output.push(valueInfo('b', F));
  const du2 = new DefUse(g);
  assert.equal(du2.child(g.node[2]!, thenG).replaceAllUses('b', 'X'), 2);
  assert.deepEqual(thenG.output.map((o) => o.name), ['t', 'X']);
});

test('def-use replaceAllUsesOf: many names in one step each, value_info dropped and annotations moved where the names reach', () => {
  const { g, thenG, elseG, body } = sample();
  g.quantizationAnnotation.push({ tensorName: 'a', quantParameterTensorNames: [] });
  const du = new DefUse(g);
  // a → W and W → X: each read moves one step (a's readers read W, W's reader reads X).
  assert.equal(du.replaceAllUsesOf(new Map([['a', 'W'], ['W', 'X']])), 4);
  assert.deepEqual(g.node[0]!.input, ['X', 'X']);
  assert.deepEqual(g.node[1]!.input, ['W']);
  assert.deepEqual(thenG.node[0]!.input, ['W', 'b']);
  assert.deepEqual(body.node[0]!.input, ['W']);
  assert.deepEqual(elseG.node[1]!.input, ['a', 'b'], 'shadowed');
  assert.deepEqual(g.valueInfo.map((v) => v.name), []);
  assert.deepEqual(thenG.valueInfo.map((v) => v.name), [], 'a nested graph that does not define a drops its value_info');
  assert.equal(g.quantizationAnnotation[0]!.tensorName, 'W');
  assertFresh(du, g, ['a', 'W', 'X', 'b']);
  assert.deepEqual(du.reads(g.node[2]!).sort(), ['W', 'b', 'flag', 'X'].sort());
});

test('def-use remove, removeInitializers, change, replace and detachOutput keep the index equal to a fresh build', () => {
  const { g, ifNode } = sample();
  const du = new DefUse(g);
  const names = ['a', 'b', 'c', 'W', 'W2', 'X', 'z', 'z_raw'];
  // change: Relu becomes Sigmoid of X, writing c as well.
  du.change(g.node[1]!, (n) => { n.opType = 'Sigmoid'; n.input = ['X']; });
  assertFresh(du, g, names);
  // replace: Add(X, W) becomes Mul(X, W2) then Abs, in its place; W goes, W2 comes.
  du.addInitializer(floatTensor('W2', [2], [3, 4]));
  const replacement = [node('Mul', ['X', 'W2'], ['m']), node('Abs', ['m'], ['a'])];
  du.replace(new Map([[g.node[0]!, replacement]]));
  du.removeInitializers([g.initializer[0]!]);
  assert.deepEqual(g.node.map((n) => n.opType), ['Mul', 'Abs', 'Sigmoid', 'If']);
  assert.deepEqual(g.initializer.map((t) => t.name), ['W2']);
  assert.equal(du.definition('W'), undefined);
  assertFresh(du, g, [...names, 'm']);
  // detachOutput: z's value is renamed where it is made and read; the output keeps its name for a Cast.
  du.detachOutput('z', 'z_raw');
  assert.equal(ifNode.output[0], 'z_raw');
  assert.equal(du.producer('z'), undefined);
  du.insert([node('Identity', ['z_raw'], ['z'])]);
  assert.deepEqual(g.output.map((o) => o.name), ['z', 'b']);
  assertFresh(du, g, names);
  assert.throws(() => du.detachOutput('a', 'q'), /not a graph output/);
  // remove in one batch: the If and the Identity; a capture by the If is gone with it.
  du.remove([ifNode, g.node[4]!]);
  assert.equal(du.consumers('a').some((u) => u.inputIndex < 0), false);
  assertFresh(du, g, names);
});

test('def-use definitions across scopes: defined twice, defined by nested graphs, defined outside; scopeIndexes shares one tree', () => {
  const { g, thenG, elseG, body } = sample();
  g.input.push(valueInfo('W', F, [2])); // an input with a default
  const m = model(g);
  const indexOf = scopeIndexes();
  const scopes = mainScopes(m);
  const [main, ...subs] = scopes.map(indexOf);
  assert.ok(main!.definedMoreThanOnce('W'));
  assert.ok(!main!.definedMoreThanOnce('a'));
  assert.deepEqual([...main!.innerDefinitions()].sort(), ['a', 'e', 't', 'u', 'v']);
  const byName = new Map(subs.map((d) => [d.graph.name, d]));
  assert.equal(byName.get('then'), main!.child(g.node[2]!, thenG), 'a scope index is its parent\'s child');
  assert.ok(byName.get('else')!.definedOutside('a'), 'the else-branch shadows the main graph\'s a');
  assert.ok(!byName.get('then')!.definedOutside('t'));
  assert.ok(byName.get('body')!.definedOutside('a'));
  assert.equal(byName.get('body')!.graph, body);
  assert.deepEqual([...byName.get('else')!.innerDefinitions()], []);
  assert.equal(byName.get('else')!.graph, elseG);
  // A node writing one name twice counts as defining it twice.
  const twice = new DefUse(graph({ node: [node('Split', ['X'], ['s', 's'])], input: [valueInfo('X', F)] }));
  assert.ok(twice.definedMoreThanOnce('s'));
});

test('def-use child indexes of a changed or removed node are rebuilt from the graph as it now is', () => {
  const { g, thenG, ifNode } = sample();
  const du = new DefUse(g);
  const before = du.child(ifNode, thenG);
  du.change(ifNode, (n: NodeProto) => { n.input = ['X']; });
  const after = du.child(ifNode, thenG);
  assert.notEqual(after, before);
  // X is an input now and still captured by the else-branch: listed once per way it is read.
  assert.deepEqual(du.reads(ifNode).sort(), ['X', 'X', 'a', 'b']);
});
