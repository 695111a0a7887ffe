/**
 * Models before IR 4 list every initializer among the main graph's inputs (ONNX IR v3: "initializer …
 * that also appears in the input list"), and onnxruntime reads them as weights. Every stage must leave
 * such a model valid under that rule — each initializer declared as an input of the same type and shape,
 * none in a subgraph — and compute what it computes for the same model written at IR 8.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { encodeModel } from '../src/onnx/codec.js';
import { DataType } from '../src/onnx/dtype.js';
import { forEachGraph } from '../src/onnx/graph.js';
import { makeTensor } from '../src/onnx/tensor.js';
import type { ModelProto } from '../src/onnx/types.js';
import { createStage, type StageSpec } from '../src/stages/registry.js';
import { floatTensor, graph, int64Tensor, model, node, randomFloats, valueInfo } from './helpers/builder.js';
import { cosine } from './helpers/fixture-parity.js';
import { float32Values, runOrt, type RawOutput } from './helpers/ort-run.js';

const F = DataType.FLOAT;

/**
 * ids → Gather(E) → MatMul(W) → Relu → If(flag, then: MatMul(K, a Constant inside the branch),
 * else: MatMul(W2)) → y; U is read by nothing. With `weightsAsInputs` every initializer is an input too.
 */
function build(irVersion: number, weightsAsInputs: boolean): ModelProto {
  const K = floatTensor('', [64, 64], randomFloats(64 * 64, 4, 0.2));
  const thenG = graph({
    name: 'then',
    node: [node('Constant', [], ['K'], { value: K }), node('MatMul', ['r', 'K'], ['t'])],
    output: [valueInfo('t', F, [1, 8, 64])],
  });
  const elseG = graph({ name: 'else', node: [node('MatMul', ['r', 'W2'], ['e'])], output: [valueInfo('e', F, [1, 8, 64])] });
  const initializer = [
    floatTensor('E', [100, 64], randomFloats(100 * 64, 1)),
    floatTensor('W', [64, 64], randomFloats(64 * 64, 2, 0.2)),
    floatTensor('W2', [64, 64], randomFloats(64 * 64, 3, 0.2)),
    floatTensor('U', [16, 16], randomFloats(256, 5)),
  ];
  const m = model(graph({
    node: [
      node('Gather', ['E', 'ids'], ['e0']), node('MatMul', ['e0', 'W'], ['h']), node('Relu', ['h'], ['r']),
      node('If', ['flag'], ['y'], { then_branch: thenG, else_branch: elseG }),
    ],
    initializer,
    input: [
      valueInfo('ids', DataType.INT64, [1, 8]), valueInfo('flag', DataType.BOOL, []),
      ...(weightsAsInputs ? initializer.map((t) => valueInfo(t.name!, F, t.dims)) : []),
    ],
    output: [valueInfo('y', F, [1, 8, 64])],
  }), 13);
  m.irVersion = irVersion;
  return m;
}

/** The IR 3 rule, checked on the result: every initializer is a main-graph input of its type and shape. */
function assertIr3Valid(m: ModelProto, what: string): void {
  const inputs = new Map(m.graph!.input.map((v) => [v.name, v]));
  for (const t of m.graph!.initializer) {
    const v = inputs.get(t.name);
    assert.ok(v, `${what}: initializer '${t.name}' is not a graph input`);
    assert.equal(v.type?.tensorType?.elemType, t.dataType, `${what}: input '${t.name}' type`);
    assert.deepEqual(v.type?.tensorType?.shape?.dim.map((d) => d.dimValue), t.dims, `${what}: input '${t.name}' shape`);
  }
  forEachGraph(m, ({ graph: g, parent }) => {
    if (parent) assert.deepEqual(g.initializer.map((t) => t.name), [], `${what}: initializer in subgraph '${g.name}'`);
  });
  const real = m.graph!.input.filter((v) => !m.graph!.initializer.some((t) => t.name === v.name)).map((v) => v.name);
  assert.deepEqual(real, ['ids', 'flag'], `${what}: the inputs a caller feeds`);
}

async function apply(m: ModelProto, spec: StageSpec): Promise<ModelProto> {
  return (await createStage(spec).run(m, { tmpDir: tmpdir(), log: () => {} })).model;
}

async function outputs(m: ModelProto): Promise<RawOutput[]> {
  const ids = int64Tensor('ids', [1, 8], [1, 2, 3, 4, 5, 6, 7, 99]);
  const results: RawOutput[] = [];
  for (const flag of [0, 1]) {
    const r = await runOrt(encodeModel(m), { ids, flag: makeTensor('flag', DataType.BOOL, [], Uint8Array.of(flag)) });
    results.push(r['y']!);
  }
  return results;
}

const SPECS: StageSpec[] = [
  'dedup', 'prune', 'quantize-int8', { 'quantize-int8': { 'per-channel': true } }, 'quantize-int4',
  { 'quantize-int4': { embeddings: 'int8' } }, 'fp16', { fp16: { 'keep-io-types': false } },
];

for (const spec of SPECS) {
  const label = JSON.stringify(spec);
  test(`IR 3 (weights listed as inputs): ${label} leaves every initializer declared and computes what it computes at IR 8`, async () => {
    const old = await apply(build(3, true), spec);
    assertIr3Valid(old, label);
    if (/quantize-int[48]/.test(label)) {
      // The branch's MatMul on its own Constant was quantized too: its new tensors live in the main graph.
      const branch = old.graph!.node.find((n) => n.opType === 'If')!.attribute.find((a) => a.name === 'then_branch')!.g!;
      assert.ok(branch.node.some((n) => /MatMulNBits|MatMulInteger|DynamicQuantizeLinear/.test(n.opType ?? '')), `${label}: then-branch quantized`);
    }
    const modern = await apply(build(8, false), spec);
    const a = await outputs(old);
    const b = await outputs(modern);
    for (let i = 0; i < a.length; i++) {
      assert.deepEqual(a[i]!.dims, b[i]!.dims);
      assert.ok(a[i]!.bytes.equals(b[i]!.bytes), `${label}: output with flag=${i} differs from the IR 8 model's`);
    }
  });
}

test('IR 3: prune drops an unread weight together with its input entry; at IR 8 an input default stays', async () => {
  const old = await apply(build(3, true), 'prune');
  assert.equal(old.graph!.initializer.some((t) => t.name === 'U'), false);
  assert.equal(old.graph!.input.some((v) => v.name === 'U'), false);
  const modern = await apply(build(8, true), 'prune');
  assert.equal(modern.graph!.initializer.some((t) => t.name === 'U'), true, 'the default of input U');
  assert.equal(modern.graph!.input.some((v) => v.name === 'U'), true);
});

test('IR 8, fp16 with keep-io-types: an input with an initializer default stays a float32 input, its default float32, cast on entry', async () => {
  const m = build(8, false);
  const W = m.graph!.initializer.find((t) => t.name === 'W')!;
  m.graph!.input.push(valueInfo('W', F, W.dims));
  const before = await outputs(m);
  const half = await apply(m, 'fp16');
  assert.equal(half.graph!.input.find((v) => v.name === 'W')!.type!.tensorType!.elemType, F);
  assert.equal(half.graph!.initializer.find((t) => t.name === 'W')!.dataType, F);
  assert.equal(half.graph!.initializer.find((t) => t.name === 'W2')!.dataType, DataType.FLOAT16);
  const entry = half.graph!.node.find((n) => n.opType === 'Cast' && n.input[0] === 'W');
  assert.ok(entry, 'a Cast from W to float16 on entry');
  const after = await outputs(half);
  for (let i = 0; i < before.length; i++) {
    const c = cosine(float32Values(before[i]!), float32Values(after[i]!));
    assert.ok(c > 0.999, `cosine ${c}`);
  }
});
