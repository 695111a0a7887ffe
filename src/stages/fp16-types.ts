/**
 * Element types of every value in every graph, by a small forward inference over the ONNX operator
 * rules that matter for fp16 conversion: which values are float32 (and so become float16). Graph nodes
 * are topologically sorted (ONNX IR), so one pass per graph suffices; subgraphs see their parents'
 * types. Ops not in the table take the type of their first input — true of most ONNX ops (elementwise,
 * MatMul, Conv, Reshape, Gather, Concat, ...). A declared value_info type wins over that guess.
 */
import { DataType } from '../onnx/dtype.js';
import { attr, subgraphsOf, type GraphScope } from '../onnx/graph.js';
import type { GraphProto, NodeProto, ValueInfoProto } from '../onnx/types.js';

/**
 * name → element type; a sequence of tensors of type T is stored as −T, so no sequence ever reads as
 * float (a Cast cannot convert a sequence: the fp16 stage keeps sequences, and the ops that touch
 * them, in float32).
 */
export type TypeTable = Map<GraphProto, Map<string, number>>;

/** The stored type of a sequence whose tensors have element type `t`. */
export const sequenceOf = (t: number | undefined): number | undefined => (t === undefined ? undefined : -Math.abs(t));
/** The element type of the tensors in a sequence (or of a tensor). */
export const elementOf = (t: number | undefined): number | undefined => (t === undefined ? undefined : Math.abs(t));

/** A declared value's stored type: tensors by element type, sequences of tensors as −T. */
function declaredType(v: ValueInfoProto): number | undefined {
  const tensor = v.type?.tensorType?.elemType;
  if (tensor) return tensor;
  return sequenceOf(v.type?.sequenceType?.elemType?.tensorType?.elemType || undefined);
}

const { FLOAT, INT64, INT32, BOOL, UINT8 } = DataType;

const FIXED: Record<string, number[]> = {
  Shape: [INT64], Size: [INT64], NonZero: [INT64], ArgMax: [INT64], ArgMin: [INT64], NonMaxSuppression: [INT64],
  Equal: [BOOL], Less: [BOOL], Greater: [BOOL], LessOrEqual: [BOOL], GreaterOrEqual: [BOOL], Not: [BOOL],
  And: [BOOL], Or: [BOOL], Xor: [BOOL], IsNaN: [BOOL], IsInf: [BOOL],
  MatMulInteger: [INT32], ConvInteger: [INT32], DynamicQuantizeLinear: [UINT8, FLOAT, UINT8],
  DynamicQuantizeMatMul: [FLOAT], MatMulIntegerToFloat: [FLOAT],
};

/**
 * Outputs that are float32 whatever the input type: LayerNormalization's Mean and InvStdDev (type U,
 * float32 by stash_type) and TfIdfVectorizer's output. The other outputs follow the first input.
 */
export const FLOAT32_OUTPUTS: Record<string, number[]> = { LayerNormalization: [1, 2], TfIdfVectorizer: [0] };

/** Ops whose outputs are [type of input 0, fixed...]. */
const FIRST_THEN: Record<string, number[]> = {
  TopK: [INT64], MaxPool: [INT64], Dropout: [BOOL], Unique: [INT64, INT64, INT64],
};

function typeOfAttr(n: NodeProto, name: string): number | undefined {
  const a = attr(n, name);
  return a?.i !== undefined ? Number(a.i) : undefined;
}

/** Types of every value in `scopes` (parents listed before children, as mainScopes gives them). */
export function inferTypes(scopes: GraphScope[]): TypeTable {
  const table: TypeTable = new Map();
  const lookup = (scope: GraphScope, name: string) => typeIn(table, scope, name);
  const graphOutputTypes = (g: GraphProto, parent: GraphScope, owner: NodeProto): (number | undefined)[] => {
    const inner = table.get(g) ?? inferGraph({ graph: g, parent, owner, depth: parent.depth + 1 });
    return g.output.map((o) => declaredType(o) ?? inner.get(o.name ?? ''));
  };
  const outputTypes = (n: NodeProto, scope: GraphScope): (number | undefined)[] => {
    const op = n.opType ?? '';
    const input = (i: number) => (n.input[i] ? lookup(scope, n.input[i]!) : undefined);
    const first = n.input.map((_, i) => input(i)).find((t) => t !== undefined);
    if (FIXED[op]) return FIXED[op]!;
    const float32 = FLOAT32_OUTPUTS[op];
    if (float32) return n.output.map((_, i) => (float32.includes(i) ? FLOAT : first));
    if (FIRST_THEN[op]) return [input(0), ...FIRST_THEN[op]!];
    switch (op) {
      case 'Cast': return [typeOfAttr(n, 'to')];
      case 'CastLike': return [input(1)];
      case 'Constant': {
        const a = n.attribute[0];
        if (a?.t) return [a.t.dataType];
        if (a?.name === 'value_float' || a?.name === 'value_floats') return [FLOAT];
        if (a?.name === 'value_int' || a?.name === 'value_ints') return [INT64];
        return [a?.sparseTensor?.values?.dataType];
      }
      case 'ConstantOfShape': return [attr(n, 'value')?.t?.dataType ?? FLOAT];
      case 'RandomNormal': case 'RandomUniform': return [typeOfAttr(n, 'dtype') ?? FLOAT];
      case 'RandomNormalLike': case 'RandomUniformLike': case 'EyeLike': case 'Bernoulli':
        return [typeOfAttr(n, 'dtype') ?? input(0)];
      case 'Multinomial': return [typeOfAttr(n, 'dtype') ?? INT32];
      case 'Where': return [input(1)];
      case 'QuantizeLinear': return [input(2) ?? UINT8];
      case 'DequantizeLinear': return [input(1)];
      case 'GatherBlockQuantized': return [input(2)];
      case 'SequenceEmpty': return [sequenceOf(typeOfAttr(n, 'dtype') ?? FLOAT)];
      case 'SequenceConstruct': case 'SplitToSequence': return [sequenceOf(input(0))];
      case 'SequenceAt': case 'ConcatFromSequence': return [elementOf(input(0))];
      case 'SequenceLength': return [INT64];
      case 'If': {
        const then = attr(n, 'then_branch')?.g;
        return then ? graphOutputTypes(then, scope, n) : [];
      }
      case 'Loop': {
        const body = attr(n, 'body')?.g;
        return body ? graphOutputTypes(body, scope, n).slice(1) : [];
      }
      case 'Scan': {
        const body = attr(n, 'body')?.g;
        return body ? graphOutputTypes(body, scope, n) : [];
      }
      default: return n.output.map(() => first);
    }
  };
  function inferGraph(scope: GraphScope): Map<string, number> {
    const own = new Map<string, number>();
    table.set(scope.graph, own);
    const g = scope.graph;
    for (const v of g.input) {
      const t = declaredType(v);
      if (v.name && t !== undefined) own.set(v.name, t);
    }
    for (const t of g.initializer) if (t.name && t.dataType) own.set(t.name, t.dataType);
    for (const s of g.sparseInitializer) if (s.values?.name && s.values.dataType) own.set(s.values.name, s.values.dataType);
    const declared = new Map<string, number>();
    for (const v of [...g.valueInfo, ...g.output]) {
      const t = declaredType(v);
      if (v.name && t !== undefined) declared.set(v.name, t);
    }
    for (const n of g.node) {
      // Loop/Scan bodies read their own inputs (declared); If branches read only outer values.
      for (const { graph } of subgraphsOf(n)) if (!table.has(graph)) inferGraph({ graph, parent: scope, owner: n, depth: scope.depth + 1 });
      const types = outputTypes(n, scope);
      n.output.forEach((o, i) => {
        const t = declared.get(o) ?? types[i];
        if (o && t !== undefined) own.set(o, t);
      });
    }
    return own;
  }
  for (const s of scopes) if (!table.has(s.graph)) inferGraph(s);
  return table;
}

/** The element type of `name` as seen from `scope`. */
export function typeIn(table: TypeTable, scope: GraphScope, name: string): number | undefined {
  for (let s: GraphScope | undefined = scope; s; s = s.parent) {
    const t = table.get(s.graph)?.get(name);
    if (t !== undefined) return t;
  }
  return undefined;
}
