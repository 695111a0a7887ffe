/**
 * `fp16`: float32 weights and computation to float16, after onnxconverter-common's float16 converter
 * (float16.py): float initializers and Constant values are cast (clamped to the fp16 range first, see
 * fp16-numerics.ts), Cast(to=float) becomes Cast(to=float16), value types follow, subgraphs too.
 * Blocked nodes (a default list + `op-block-list` + `node-block-list` + the nodes reading a constant
 * float16 cannot hold, fp16-range.ts, and with `overflow-check: true` those whose outputs overflow float16
 * on auto inputs, fp16-overflow.ts; listed in details.keptFloat32ForRange) keep computing in float32 with
 * Casts around them; a float initializer read only by blocked nodes stays float32 (no lossy round trip).
 * With `keep-io-types` (default true) the model's float inputs and outputs stay float32 and Casts sit
 * at the boundary. Where two float32 places would meet across a float16 gap (a blocked node at the
 * boundary or feeding another blocked node), the Cast pair is cut out again (fp16-casts.ts).
 *
 * Measured (test/fp16.test.ts, onnxruntime-node 1.30, 1 thread): onnxruntime's CPU provider lacks fp16
 * kernels for many ops and inserts Casts to float32 around them at load time (InsertCastTransformer), so
 * on CPU an fp16 model is about half the size but slower (albert-tiny 0.68 vs 0.52 ms, gpt-tiny 0.33 vs
 * 0.28 ms median). The stage is for size and for GPU targets.
 */
import { DataType } from '../onnx/dtype.js';
import { DefUse } from '../graph/def-use.js';
import { allNames, attr, freshName, mainScopes, type GraphScope } from '../onnx/graph.js';
import { newTensor, replacePayload } from '../onnx/spill.js';
import { constantNodeTensor, isConstantNode, isExternal, makeTensor, setTensorRaw, tensorBytes, type ExternalDataSource } from '../onnx/tensor.js';
import type { ModelProto, NodeProto, TensorProto, ValueInfoProto } from '../onnx/types.js';
import { float32BytesToFloat16 } from './fp16-numerics.js';
import { defaultOpset, planOpset, setDefaultOpset } from './quant/opset.js';
import { collapseCastPairs } from './fp16-casts.js';
import { overflowingNodes } from './fp16-overflow.js';
import { rangeBlockedNodes, rangeProblemOf, type RangeKeep } from './fp16-range.js';
import { FLOAT32_OUTPUTS, inferTypes, typeIn, type TypeTable } from './fp16-types.js';
import { intAttr, makeNode, nodeId, tensorAttr } from './nodes.js';
import { booleanOption, rejectUnknownOptions, stringListOption } from './options.js';
import type { Stage, StageOptions } from './stage.js';

/**
 * onnxconverter-common's DEFAULT_OP_BLOCK_LIST (ops that lack fp16 kernels or lose too much: Range,
 * CumSum, Resize, TopK, NMS, the ai.onnx.ml ops), plus what running every model of the ONNX backend
 * test suite through this stage in onnxruntime-node found (`npm run conformance -- --lossy`):
 * - quantization ops, whose scales must stay float32 (QLinearConv, QLinearMatMul; DynamicQuantizeLinear
 *   takes float32 only; the com.microsoft int8 kernels take float32 scales);
 * - Celu (float32 only in every opset); EyeLike, MeanVarianceNormalization and MelWeightMatrix
 *   (onnxruntime has no float16 kernel, or expands the function with float32 constants);
 * - the sequence ops: sequences stay float32 (a Cast cannot convert one), so the ops that make, read or
 *   map them compute in float32 with Casts on their tensor side; If/Loop/Identity pass them through.
 */
export const DEFAULT_FP16_BLOCK_LIST = [
  'ArrayFeatureExtractor', 'Binarizer', 'CastMap', 'CategoryMapper', 'DictVectorizer', 'FeatureVectorizer',
  'Imputer', 'LabelEncoder', 'LinearClassifier', 'LinearRegressor', 'Normalizer', 'OneHotEncoder',
  'SVMClassifier', 'SVMRegressor', 'Scaler', 'TreeEnsembleClassifier', 'TreeEnsembleRegressor', 'ZipMap',
  'NonMaxSuppression', 'TopK', 'RoiAlign', 'Resize', 'Range', 'CumSum', 'Min', 'Max', 'Upsample',
  'QuantizeLinear', 'DequantizeLinear', 'DynamicQuantizeLinear', 'QLinearConv', 'QLinearMatMul',
  'DynamicQuantizeMatMul', 'MatMulIntegerToFloat', 'QGemm', 'QAttention', 'QLinearAdd', 'QLinearMul',
  'QLinearSigmoid', 'QLinearLeakyRelu', 'QLinearAveragePool', 'QLinearGlobalAveragePool', 'QLinearConcat',
  'QLinearSoftmax', 'QLinearWhere', 'DynamicQuantizeLSTM',
  'Celu', 'EyeLike', 'MeanVarianceNormalization', 'MelWeightMatrix',
  'SequenceEmpty', 'SequenceConstruct', 'SequenceInsert', 'SequenceAt', 'SequenceErase', 'SequenceLength',
  'SplitToSequence', 'ConcatFromSequence', 'SequenceMap',
];

/**
 * Blocked only in some forms: IsInf takes float16 from opset 20 on; onnxruntime's CPU ScatterND and
 * ScatterElements refuse float16 with a reduction (add, mul, min, max) at run time.
 */
function blockedForm(n: NodeProto, opset: number): boolean {
  if (n.opType === 'IsInf') return opset < 20;
  if (n.opType === 'ScatterND' || n.opType === 'ScatterElements') {
    const reduction = attr(n, 'reduction')?.s;
    return reduction !== undefined && new TextDecoder().decode(reduction) !== 'none';
  }
  return false;
}

/** Attributes that name a node's float output type (Cast's `to` is handled with them). */
const DTYPE_ATTRIBUTES = new Set(['dtype', 'output_datatype']);

/** Ops whose output is float32 when their type attribute is absent: the attribute is added. */
const FLOAT_BY_DEFAULT: Record<string, string> = {
  RandomNormal: 'dtype', RandomUniform: 'dtype',
  HannWindow: 'output_datatype', HammingWindow: 'output_datatype', BlackmanWindow: 'output_datatype',
};

/** Domains whose ops we convert; anything else (custom ops, local functions) is treated as blocked. */
const CONVERTIBLE_DOMAINS = new Set(['', 'ai.onnx', 'com.microsoft']);

const STAGE = 'fp16';
/** The first opset whose Cast takes its target as a data type number. */
const CAST_OPSET = 6;

export interface Fp16Options {
  keepIoTypes: boolean;
  /** Run the float32 model on auto inputs and keep ops whose outputs overflow float16 in float32 (fp16-overflow.ts). */
  overflowCheck: boolean;
  opBlockList: string[];
  nodeBlockList: string[];
}

export function parseFp16Options(o: StageOptions): Fp16Options {
  rejectUnknownOptions(STAGE, o, ['keep-io-types', 'op-block-list', 'node-block-list', 'overflow-check']);
  return {
    keepIoTypes: booleanOption(STAGE, o, 'keep-io-types', true),
    overflowCheck: booleanOption(STAGE, o, 'overflow-check', false),
    // A user list adds to the default list: the defaults guard correctness, not taste.
    opBlockList: [...DEFAULT_FP16_BLOCK_LIST, ...(stringListOption(STAGE, o, 'op-block-list') ?? [])],
    nodeBlockList: stringListOption(STAGE, o, 'node-block-list') ?? [],
  };
}


class Fp16Converter {
  readonly names: Set<string>;
  readonly scopes: GraphScope[];
  readonly types: TypeTable;
  readonly stats = { tensors: 0, clampedValues: 0, castsInserted: 0, blockedNodes: 0, keptFloat32: 0, castsRetargeted: 0, valuesRetyped: 0 };
  private blockedOps: Set<string>;
  private blockedNames: Set<string>;
  private functions: Set<string>;
  /**
   * Main-graph initializers that are also main-graph inputs. Before IR 4 every weight had to be listed as
   * an input: they are weights, converted with their input's type. From IR 4 on they are overridable
   * defaults of real inputs: with keep-io-types they stay float32 and are cast on entry like any input.
   */
  private readonly initializerInputs: Set<string>;
  private readonly weightsAreInputs: boolean;
  /** The default-domain opset (some ops take float16 only from a later one). */
  private readonly opset: number;
  /** Nodes that read a constant float16 cannot hold (fp16-range.ts): kept in float32, with the reason. */
  readonly rangeBlocked: Map<NodeProto, RangeKeep>;

  constructor(private model: ModelProto, private opts: Fp16Options, private external?: ExternalDataSource) {
    this.names = allNames(model);
    this.scopes = mainScopes(model);
    this.types = inferTypes(this.scopes);
    this.blockedOps = new Set(opts.opBlockList);
    this.blockedNames = new Set(opts.nodeBlockList);
    this.functions = new Set(model.functions.map((f) => `${f.domain ?? ''}:${f.name}`));
    const main = model.graph;
    const inputs = new Set(main?.input.map((v) => v.name ?? ''));
    this.initializerInputs = new Set(main?.initializer.map((t) => t.name ?? '').filter((n) => n && inputs.has(n)));
    this.weightsAreInputs = (model.irVersion ?? 0) < 4;
    this.opset = defaultOpset(model);
    this.rangeBlocked = rangeBlockedNodes(this.scopes, (t) => this.prepare(t), external);
  }

  /**
   * float32 tensors already converted while their range was checked: each payload is read once (a model
   * streamed from external data must not be read twice); big results are parked in scratch (newTensor).
   */
  private readonly prepared = new Map<TensorProto, { half: TensorProto; clamped: number }>();

  /** Reads `t` once: its range problem, or (none) its float16 form kept for convertTensor. */
  private prepare(t: TensorProto): string | undefined {
    if (t.dataType !== DataType.FLOAT) return undefined;
    const raw = tensorBytes(t, this.external);
    const problem = rangeProblemOf(raw);
    if (!problem) {
      const { bytes, clamped } = float32BytesToFloat16(raw);
      this.prepared.set(t, { half: newTensor(this.external, t.name ?? '', DataType.FLOAT16, t.dims, bytes), clamped });
    }
    return problem;
  }

  /** Casts this stage made (collapseCastPairs may cut pairs of them out again). */
  readonly inserted = new Set<NodeProto>();

  private castNode(input: string, output: string, to: number): NodeProto {
    const n = makeNode('Cast', freshName(this.names, `${output}_cast`), [input], [output], [intAttr('to', to)], '');
    this.inserted.add(n);
    return n;
  }

  /** Whether any value of the model is a float32 tensor (else there is nothing to convert). */
  hasFloat(): boolean {
    for (const own of this.types.values()) for (const t of own.values()) if (t === DataType.FLOAT) return true;
    return false;
  }

  isBlocked(n: NodeProto): boolean {
    const domain = n.domain ?? '';
    return this.blockedOps.has(n.opType ?? '') || this.blockedNames.has(nodeId(n)) || this.rangeBlocked.has(n)
      || !CONVERTIBLE_DOMAINS.has(domain) || this.functions.has(`${domain}:${n.opType}`)
      || (domain !== 'com.microsoft' && blockedForm(n, this.opset));
  }

  private isFloat(scope: GraphScope, name: string): boolean {
    return name !== '' && typeIn(this.types, scope, name) === DataType.FLOAT;
  }

  /** float32 payload → clamped fp16, in place. */
  convertTensor(t: TensorProto): void {
    if (t.dataType !== DataType.FLOAT) return;
    const ready = this.prepared.get(t);
    let clamped: number;
    if (ready) {
      adoptPayload(t, ready.half);
      clamped = ready.clamped;
    } else {
      const converted = float32BytesToFloat16(tensorBytes(t, this.external));
      // Parked in scratch when streaming, so the fp16 copies of a big model's weights do not pile up.
      replacePayload(this.external, t, converted.bytes);
      clamped = converted.clamped;
    }
    t.dataType = DataType.FLOAT16;
    this.stats.tensors++;
    this.stats.clampedValues += clamped;
  }

  /** Float Constant values, Cast targets and float dtype attributes of a convertible node. */
  private convertNode(n: NodeProto): void {
    if (isConstantNode(n)) {
      const t = constantNodeTensor(n, this.external);
      if (t?.dataType === DataType.FLOAT) {
        this.convertTensor(t);
        const a = n.attribute[0]!;
        if (a.name !== 'value') { // value_float(s) has no fp16 form: becomes a `value` tensor
          n.attribute = [{ ...a, name: 'value', type: 4, t, f: undefined, floats: [] }];
        }
      }
      return;
    }
    if (n.opType === 'ConstantOfShape') {
      const t = attr(n, 'value')?.t;
      if (t) this.convertTensor(t);
      // Without `value` the op makes float32 zeros: say float16 zeros instead.
      else { n.attribute.push(tensorAttr('value', makeTensor('', DataType.FLOAT16, [1], new Uint8Array(2)))); this.stats.valuesRetyped++; }
    }
    for (const a of n.attribute) {
      if ((a.name === 'to' && n.opType === 'Cast') || DTYPE_ATTRIBUTES.has(a.name ?? '')) {
        if (a.i === BigInt(DataType.FLOAT)) { a.i = BigInt(DataType.FLOAT16); this.stats.castsRetargeted++; }
      }
    }
    // Ops whose output type attribute defaults to float32 when absent.
    const implicit = FLOAT_BY_DEFAULT[n.opType ?? ''];
    if (implicit && !attr(n, implicit)) {
      n.attribute.push(intAttr(implicit, DataType.FLOAT16));
      this.stats.castsRetargeted++;
    }
  }

  /** Casts around a blocked node: float16 → float32 before, float32 → float16 after. */
  private guard(n: NodeProto, scope: GraphScope, keep: Set<string>): [NodeProto[], NodeProto[]] {
    const before: NodeProto[] = [];
    n.input.forEach((input, i) => {
      if (!this.isFloat(scope, input) || keep.has(input)) return;
      const cast = freshName(this.names, `${input}_fp32`);
      before.push(this.castNode(input, cast, DataType.FLOAT));
      n.input[i] = cast;
    });
    this.stats.castsInserted += before.length;
    this.stats.blockedNodes++;
    return [before, this.castOutputs(n, scope, n.output.map((_, i) => i))];
  }

  /** Float32 outputs `indices` of `n` are renamed and cast to float16 under their own name. */
  private castOutputs(n: NodeProto, scope: GraphScope, indices: number[]): NodeProto[] {
    const after: NodeProto[] = [];
    for (const i of indices) {
      const output = n.output[i];
      if (!output || !this.isFloat(scope, output)) continue;
      const raw = freshName(this.names, `${output}_fp32`);
      n.output[i] = raw;
      after.push(this.castNode(raw, output, DataType.FLOAT16));
    }
    this.stats.castsInserted += after.length;
    return after;
  }

  /** Float initializers that only blocked nodes read: they stay float32. */
  private keptFloat32(scope: GraphScope, isDefault: (name: string) => boolean): Set<string> {
    const keep = new Set<string>();
    const outputs = new Set(scope.graph.output.map((o) => o.name));
    const floats = scope.graph.initializer.filter((t) => t.dataType === DataType.FLOAT && t.name && !isDefault(t.name) && !outputs.has(t.name));
    if (!floats.length) return keep;
    const du = new DefUse(scope);
    for (const { name } of floats) {
      const readers = du.readers(name!);
      if (readers.length > 0 && readers.every((r) => this.isBlocked(r.node))) keep.add(name!);
    }
    return keep;
  }

  convertScope(scope: GraphScope, isMain: boolean): void {
    const g = scope.graph;
    // With keep-io-types an input's default stays float32 like the input (castMainBoundary casts it on entry).
    const isDefault = (name: string) => isMain && this.opts.keepIoTypes && !this.weightsAreInputs && this.initializerInputs.has(name);
    const keep = this.keptFloat32(scope, isDefault);
    const nodes: NodeProto[] = [];
    for (const n of g.node) {
      if (!this.isBlocked(n)) {
        this.convertNode(n);
        // Outputs that stay float32 whatever the input type get a Cast to float16 after them.
        nodes.push(n, ...this.castOutputs(n, scope, FLOAT32_OUTPUTS[n.opType ?? ''] ?? []));
        continue;
      }
      const [before, after] = this.guard(n, scope, keep);
      nodes.push(...before, n, ...after);
    }
    g.node = nodes;
    for (const t of g.initializer) {
      if (t.name && (keep.has(t.name) || isDefault(t.name))) this.stats.keptFloat32++;
      else this.convertTensor(t);
    }
    for (const s of g.sparseInitializer) if (s.values) this.convertTensor(s.values);
    const retype = (v: ValueInfoProto) => {
      const tt = v.type?.tensorType; // sequences stay float32 (see `sequences`)
      if (tt?.elemType === DataType.FLOAT && !keep.has(v.name ?? '')) { tt.elemType = DataType.FLOAT16; this.stats.valuesRetyped++; }
    };
    g.valueInfo.forEach(retype);
    if (!isMain || !this.opts.keepIoTypes) {
      g.input.forEach(retype);
      g.output.forEach(retype);
    } else if (this.weightsAreInputs) {
      for (const v of g.input) if (this.initializerInputs.has(v.name ?? '')) retype(v);
    }
  }

  /**
   * keep-io-types: float32 graph inputs are cast to fp16 on entry, fp16 results back to float32 on exit.
   * Returns the main graph's index, current after these edits (collapseCastPairs goes on with it).
   */
  castMainBoundary(scope: GraphScope): DefUse {
    const g = scope.graph;
    const du = new DefUse(scope);
    const entry: NodeProto[] = [];
    for (const v of g.input) {
      if (v.type?.tensorType?.elemType !== DataType.FLOAT || !v.name) continue;
      if (this.weightsAreInputs && this.initializerInputs.has(v.name)) continue; // a weight (IR < 4), converted with it
      const half = freshName(this.names, `${v.name}_fp16`);
      if (du.replaceAllUses(v.name, half) === 0) continue;
      entry.push(this.castNode(v.name, half, DataType.FLOAT16));
    }
    const exit: NodeProto[] = [];
    for (const v of g.output) {
      if (v.type?.tensorType?.elemType !== DataType.FLOAT || !v.name) continue;
      if (!du.producer(v.name)) continue; // a pass-through input or a constant: nothing computed in fp16
      const half = freshName(this.names, `${v.name}_fp16`);
      du.detachOutput(v.name, half);
      exit.push(this.castNode(half, v.name, DataType.FLOAT));
    }
    du.insert(entry, g.node[0]);
    du.insert(exit);
    this.stats.castsInserted += entry.length + exit.length;
    return du;
  }
}

/** Gives `t` the payload of `from` (inline bytes or a scratch reference), dropping its own. */
function adoptPayload(t: TensorProto, from: TensorProto): void {
  if (!isExternal(from)) { setTensorRaw(t, from.rawData ?? new Uint8Array(0)); return; }
  setTensorRaw(t, new Uint8Array(0));
  t.rawData = undefined;
  t.dataLocation = from.dataLocation;
  t.externalData = from.externalData;
}

export function fp16Stage(options: StageOptions = {}): Stage {
  const opts = parseFp16Options(options);
  return {
    name: 'fp16',
    inPlace: true,
    async run(model, ctx) {
      const conv = new Fp16Converter(model, opts, ctx.external);
      if (!conv.hasFloat()) return { model, modified: false, details: { tensorsConverted: 0 } };
      const opset = defaultOpset(model);
      let overflowCheck: Record<string, unknown> | undefined;
      if (opts.overflowCheck && conv.scopes[0]) {
        const { blocked, note } = await overflowingNodes(model, conv.scopes[0], conv.types, ctx.tmpDir);
        for (const [n, why] of blocked) if (!conv.rangeBlocked.has(n)) conv.rangeBlocked.set(n, why);
        overflowCheck = note ? { note } : { nodes: blocked.size };
      }
      // Cast before opset 6 names its target as a string and onnxruntime has no kernel for it: the
      // Casts this stage inserts need a newer opset. Moved only when no op in the model changed meaning.
      if (defaultOpset(model) < CAST_OPSET) {
        const plan = planOpset(model);
        if (plan.action === 'refuse') {
          ctx.log(`fp16: not applied: ${plan.reason}`);
          return { model, modified: false, details: { notApplied: plan.reason } };
        }
        if (plan.action === 'bump') setDefaultOpset(model, plan.to);
      }
      // Scopes under a blocked node (a blocked If/Loop) stay float32 as a whole.
      const frozen = new Set<GraphScope>();
      for (const scope of conv.scopes) {
        if ((scope.parent && frozen.has(scope.parent)) || (scope.owner && conv.isBlocked(scope.owner))) { frozen.add(scope); continue; }
        conv.convertScope(scope, scope === conv.scopes[0]);
      }
      const mainIndex = opts.keepIoTypes && conv.scopes[0] ? conv.castMainBoundary(conv.scopes[0]) : undefined;
      let castsRemoved = 0;
      for (const scope of conv.scopes) {
        if (!frozen.has(scope)) castsRemoved += collapseCastPairs(scope, conv.inserted, scope === conv.scopes[0] ? mainIndex : undefined);
      }
      conv.stats.castsInserted -= castsRemoved;
      ctx.log(`fp16: ${conv.stats.tensors} tensors to float16, ${conv.stats.blockedNodes} nodes kept in float32`);
      return {
        model,
        modified: conv.stats.tensors + conv.stats.castsInserted + conv.stats.castsRetargeted + conv.stats.valuesRetyped > 0 || defaultOpset(model) !== opset,
        details: {
          keepIoTypes: opts.keepIoTypes,
          tensorsConverted: conv.stats.tensors,
          valuesClamped: conv.stats.clampedValues,
          keptFloat32ForRange: [...conv.rangeBlocked.values()],
          ...(overflowCheck ? { overflowCheck } : {}),
          castsRetargeted: conv.stats.castsRetargeted,
          castsInserted: conv.stats.castsInserted,
          blockedNodes: conv.stats.blockedNodes,
          initializersKeptFloat32: conv.stats.keptFloat32,
          skippedGraphs: frozen.size,
        },
      };
    },
  };
}
