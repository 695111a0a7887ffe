/**
 * `quantize-int4`: weight-only 4-bit quantization for onnxruntime's contrib ops — MatMul and Gemm weights to
 * MatMulNBits, embedding tables to GatherBlockQuantized (or int8 Gather + DequantizeLinear). Weights are
 * found in every graph (If/Loop bodies too) and quantized once per distinct content.
 *
 * Options (config / CLI):
 *   block-size      power of two 16–256, default 32. 512 is refused: onnxruntime's CPU MatMulNBits does
 *                   not support it (1.30 rejects the model at load: "Only block sizes 16, 32, 64, 128, and
 *                   256 are supported"; older builds computed wrong results).
 *   symmetric       default false: packed 4-bit zero points per block (8-bit: one a byte), as onnxruntime's
 *                   matmul_nbits_quantizer defaults to (is_symmetric=False). true: no zero_points input,
 *                   the kernel's implicit zero point 8 applies. Asymmetric costs one nibble per block (+0.4 %
 *                   on all-MiniLM-L6-v2, +0.9 % on BERT-base's file at block 32) and runs as fast (BERT-base,
 *                   1 thread: 230.2 vs 230.9 ms; accuracy level 4: 181.1 vs 181.0 ms); on the trained
 *                   encoders (bench int4, real text) it cut the output error by 9 % (rtn) and 7–9 % (awq).
 *   accuracy-level  0–4, written as MatMulNBits' accuracy_level (minimum precision of A in the kernel:
 *                   0 unset, 1 fp32, 2 fp16, 3 bf16, 4 int8). Absent by default (= 0).
 *   embeddings      int4 (default: GatherBlockQuantized, the smaller and run by onnxruntime-node's CPU
 *                   build), int8, or none.
 *   exclude         node names or globs to leave alone (an unnamed node by its first output's name),
 *                   the same rule as quantize-int8's (nodes.ts nodePattern).
 *   method          mse (default): per block, the clipped range and least-squares scale (and zero point)
 *                   with the least reconstruction error (quant/block-solver.ts); rtn: round to nearest
 *                   on the block's max/min, onnxruntime's default numerics bit for bit. Same format and size.
 *   bias-correction awq / gptq, default true: each layer's mean output error E[x]·(W − Ŵ) over the
 *                   calibration samples goes into its bias (quant/bias-correction.ts).
 *   layers          per-layer bits: { "<node or weight name, or glob>": 4 | 8 | float }; the first entry
 *                   that matches wins, unmatched layers take 4. 8 writes MatMulNBits / GatherBlockQuantized
 *                   with bits=8 (about twice the bytes of 4, a quarter of float's).
 *
 * On this CPU (AVX2, no VNNI) MatMulNBits is slower than fp32 MatMul: the stage is for size.
 */
import { UsageError } from '../onnx/errors.js';
import { nodeId, nodePattern } from './nodes.js';
import { allNames, mainScopes } from '../onnx/graph.js';
import { tensorByteLength } from '../onnx/tensor.js';
import { DefinitionIndex, removeUnused, type ConstantWeight } from './quant/constant-weight.js';
import { QUANT_METHODS } from './quant/block-solver.js';
import { recordWeightSource, type Int4Pass, type Int4Settings } from './quant/int4-rewrite.js';
import { quantOpOf, weightOf } from './quant/registry.js';
import { layerBits, parseLayerTable, type LayerRule } from './quant/layer-table.js';
import { TensorPool } from './quant/tensor-pool.js';
import { splitAttentionProjections } from './quant/attention-projections.js';
import { defaultOpset, importDomain } from './quant/opset.js';
import { booleanOption, choiceOption, integerOption, rejectUnknownOptions, stringListOption } from './options.js';
import type { NodeProto } from '../onnx/types.js';
import type { Stage, StageContext, StageOptions } from './stage.js';
import { planAwq, type AwqLayer } from './quant/awq.js';
import { floatValues } from './quant/int4-rewrite.js';
import { startInt4Helper } from './quant/int4-parallel.js';
import { gemmPlan } from './quant/gemm.js';
import type { GraphScope } from '../onnx/graph.js';
import { DataType } from '../onnx/dtype.js';
import { tensorBytes } from '../onnx/tensor.js';
import type { ModelProto } from '../onnx/types.js';

/**
 * awq: the main graph's float MatMul / Gemm layers this stage will quantize, calibrated for the per-channel
 * E[x²] of their activations (on the model as it is now), then scaled (quant/awq.ts). Returns the report part.
 */
async function planActivationScaling(model: ModelProto, main: GraphScope, run: Int4Pass, exclude: RegExp[], ctx: StageContext, before: Map<NodeProto, NodeProto[]>) {
  const opts = run.settings as Int4Options;
  const layers: AwqLayer[] = [];
  for (const node of main.graph.node) {
    const row = quantOpOf(node);
    if (!row?.int4 || (node.opType !== 'MatMul' && node.opType !== 'Gemm')) continue;
    if (exclude.some((re) => re.test(nodeId(node))) || layerBits(opts.layers, nodeId(node), node.input[row.weight] ?? '') === 'float') continue;
    // A Gemm whose A is transposed (its channels are not the last axis) or whose beta is not 0 or 1 takes no
    // awq scale (the same layers as before the registry).
    if (node.opType === 'Gemm') {
      const { transA, beta } = gemmPlan(node, main, run.index);
      if (transA || (beta !== 0 && beta !== 1)) continue;
    }
    // The row's own weight (Gemm's seen through transB) and check: a scaled activation must only reach rewritten layers.
    const weight = weightOf(row, node, main, run.index);
    if (!weight || weight.tensor.dataType !== DataType.FLOAT || row.int4.check(node, weight, main, run)) continue;
    layers.push({ node, weight, values: () => floatValues(weight.tensor, tensorBytes(weight.tensor, ctx.external)) });
  }
  const activations = [...new Set(layers.map((l) => l.node.input[0] ?? ''))];
  // Each activation's channels are its layers' K (float weights, so a float32 activation).
  const channels = new Map(layers.map((l) => {
    const [r, c] = l.weight.tensor.dims as [number, number];
    return [l.node.input[0] ?? '', l.weight.transposed ? c : r];
  }));
  const t0 = performance.now();
  const span = feedbackSpan(opts);
  const gptq = opts.method === 'gptq';
  const { moments, details } = await ctx.calibrate!(model, [], { moments: activations, momentBlock: span, momentChannels: channels, ...(gptq ? { autoSamples: GPTQ_AUTO_SAMPLES } : {}) });
  const t1 = performance.now();
  // The fewest rows any activation's moments average over (a layer inside a shorter branch sees fewer).
  const rows = Math.min(...[...(moments?.values() ?? [])].map((m) => m.rows));
  const thin = gptq && moments ? thinHessians(moments, channels, span) : undefined;
  if (thin) ctx.log(`quantize-int4: ${thin}`);
  // The α search ranks with round-to-nearest blocks: on MiniLM it picked as well as the mse fit (output
  // error 0.2083 vs 0.2081) at a fifth of the cost; the final fit is mse's.
  const spec = { bits: 4 as const, symmetric: opts.symmetric, method: 'rtn' as const, store: Math.fround };
  // Without the correction the plan sees no mean: no layer gets a shift, none a bias to take it.
  const stats = opts.biasCorrection ? moments ?? new Map() : new Map([...(moments ?? [])].map(([name, { first: _first, ...m }]) => [name, m]));
  const plan = planAwq(main, layers, stats, spec, opts.blockSize, run.names, before, ctx.external, (model.irVersion ?? 0) < 4);
  run.awq = plan.byNode;
  run.awqBias = plan.biasOf;
  const count = (p: string) => plan.groups.filter((g) => g.placement === p).length;
  ctx.log(`quantize-int4: awq scaled ${plan.groups.length - count('none')} of ${plan.groups.length} activations (${count('layer-norm')} folded into a LayerNorm, ${count('mul')} by a Mul)`);
  return {
    calibration: details,
    /** onnxruntime on the samples (the rest of the stage's time is quantizing), and the α search. */
    calibrationMs: Math.round(t1 - t0), searchMs: Math.round(performance.now() - t1),
    ...(Number.isFinite(rows) ? { rows } : {}), ...(thin ? { thin } : {}),
    activations: plan.groups.length, folded: count('layer-norm'), muls: count('mul'), weightingOnly: count('none'),
    groups: plan.groups,
  };
}

/**
 * Channels the error feedback spans: one block for awq; GPTQ_SPAN for gptq (the diagonal blocks of XᵀX of
 * that many channels, span-feedback.ts), rounded up to whole blocks (span-feedback.ts needs a multiple).
 */
export function feedbackSpan(opts: Int4Settings): number {
  return opts.method === 'gptq' ? Math.ceil(GPTQ_SPAN / opts.blockSize) * opts.blockSize : opts.blockSize;
}

/**
 * gptq's span. On the GPT-2-shaped decoder of bench/int4.ts (4 layers of 256, init weights; block 32,
 * symmetric), output error against rtn: feedback within blocks (awq) −8.1 %, spans of 128 −12.7 %, spans
 * of 1024 (every layer's whole K: full GPTQ) −27.3 %, at a cost of span/2 multiply-adds a weight. On the
 * 12-layer one (bench/int4.ts, 128 auto samples): spans of 256 −25.8 %, of 768 (the whole K of every layer
 * but the MLP's c_proj) −36.9 % (onnxruntime's HQQ −14.4 % at +6.6 % size), for about three times the
 * feedback's time (AMD EPYC with AVX-512; gptq is the slow, accurate method, awq the fast one).
 */
export const GPTQ_SPAN = 768;

/**
 * Auto samples gptq draws when the config gives inputs: auto without a count (8 for everything else).
 * Its Hessians E[xxᵀ] over spans of GPTQ_SPAN channels are near-singular from few rows: on bench/int4.ts's
 * 12-layer GPT-2 (auto samples of seq 128, block 32, symmetric, spans of 256) output error against rtn
 * −19.1 % from 8 samples (1,024 rows), −23.1 % from 32, −24.9 % from 96, −25.8 % from 128; spans of 768
 * did worse than 256 from 8 samples (−17.7 %) and far better from 128 (−36.9 %). Dampening changed little
 * (λ 0.03: −20.2 %, 0.1: −20.0 %, 0.01: −19.1 %, 8 samples). 128 is also what GPTQ's paper calibrates on.
 */
export const GPTQ_AUTO_SAMPLES = 128;

/**
 * Fewer rows than this per span channel (12,288 for 768) and the log and report say gptq's Hessians are thin:
 * 128 samples of 128 tokens (21 a channel) gave spans of 768 their −36.9 % above, 8 samples (1.3) −17.7 %.
 */
const GPTQ_ROWS_PER_CHANNEL = 16;

/**
 * What the log and report say when some of gptq's Hessians rest on too few rows, naming how many and the
 * thinnest, or undefined. Each activation is held to its own width (a span, or its K when narrower): a
 * pooler that reads one position of each sample is thin where the encoder layers beside it are not, and
 * saying "every Hessian is thin" there sends the user after samples the other layers do not need.
 */
function thinHessians(moments: ReadonlyMap<string, { rows: number }>, channels: ReadonlyMap<string, number>, span: number): string | undefined {
  let count = 0;
  let worst: { name: string; rows: number; width: number } | undefined;
  for (const [name, m] of moments) {
    const width = Math.min(span, channels.get(name) ?? span);
    if (m.rows >= GPTQ_ROWS_PER_CHANNEL * width) continue;
    count++;
    if (!worst || m.rows / width < worst.rows / worst.width) worst = { name, rows: m.rows, width };
  }
  if (!worst) return undefined;
  return `gptq's Hessians are thin on ${count} of ${moments.size} activations, thinnest '${worst.name}': ${worst.rows} rows for ${worst.width} channels; ` +
    `${GPTQ_ROWS_PER_CHANNEL * worst.width}+ rows (more calibration samples) fit it better`;
}

export interface Int4Options extends Int4Settings {
  exclude: string[];
  layers: LayerRule[];
  /** No `method` given: awq when the config has a calibration section, mse without (resolved when the stage runs). */
  methodDefault: boolean;
  /** awq / gptq: add each layer's mean output error E[x]·(W − Ŵ) to its bias (quant/bias-correction.ts). */
  biasCorrection: boolean;
}

const STAGE = 'quantize-int4';

/** Library callers may also write the two numeric options in camelCase (`blockSize`, `accuracyLevel`). */
const CAMEL_ALIASES: Record<string, string> = { blockSize: 'block-size', accuracyLevel: 'accuracy-level' };

export function parseInt4Options(options: StageOptions): Int4Options {
  const o: StageOptions = { ...options };
  for (const [camel, kebab] of Object.entries(CAMEL_ALIASES)) {
    if (camel in o) {
      o[kebab] ??= o[camel]; // the kebab-case name wins when both are given
      delete o[camel];
    }
  }
  rejectUnknownOptions(STAGE, o, ['block-size', 'symmetric', 'accuracy-level', 'embeddings', 'exclude', 'method', 'layers', 'bias-correction']);
  const powerOfTwo = (n: number) => n >= 16 && n <= 256 && (n & (n - 1)) === 0;
  const blockSize = integerOption(STAGE, o, 'block-size', 'a power of two from 16 to 256', (n) => n === 512 || powerOfTwo(n)) ?? 32;
  if (blockSize === 512) {
    throw new UsageError('quantize-int4: block-size 512 is refused (onnxruntime\'s CPU MatMulNBits kernel does not support it; older builds gave wrong results); use 16–256');
  }
  const accuracyLevel = integerOption(STAGE, o, 'accuracy-level', '0–4', (n) => n >= 0 && n <= 4);
  return {
    blockSize,
    symmetric: booleanOption(STAGE, o, 'symmetric', false),
    accuracyLevel,
    embeddings: choiceOption(STAGE, o, 'embeddings', ['int4', 'int8', 'none'] as const),
    exclude: stringListOption(STAGE, o, 'exclude') ?? [],
    method: choiceOption(STAGE, o, 'method', ['mse', ...QUANT_METHODS.filter((m) => m !== 'mse')]),
    methodDefault: o.method === undefined,
    layers: parseLayerTable(STAGE, o.layers),
    biasCorrection: booleanOption(STAGE, o, 'bias-correction', true),
  };
}

export function quantizeInt4Stage(options: StageOptions = {}): Stage {
  const parsed = parseInt4Options(options);
  return {
    name: 'quantize-int4',
    inPlace: true,
    async run(model, ctx) {
      startInt4Helper(); // the second core's thread loads while the stage prepares (and awq calibrates)
      const method = parsed.methodDefault ? (ctx.calibrate?.given ? 'awq' : 'mse') : parsed.method;
      const calibrated = method === 'awq' || method === 'gptq';
      if (calibrated && !ctx.calibrate) {
        throw new UsageError(`quantize-int4: method ${method} needs calibration samples; run it through compress or run (they calibrate with onnxruntime), or use method mse`);
      }
      const opts = { ...parsed, method };
      // A fused Attention's projection becomes a MatMul this stage quantizes (quant/attention-projections.ts).
      const attentionSplit = splitAttentionProjections(model, mainScopes(model), allNames(model), new DefinitionIndex());
      const scopes = mainScopes(model);
      const names = allNames(model);
      const run: Int4Pass = {
        settings: opts,
        store: new TensorPool(scopes[0]!, names, (model.irVersion ?? 0) < 4, ctx.external),
        names,
        external: ctx.external,
        opset: defaultOpset(model),
        index: new DefinitionIndex(),
        sources: new Map(),
        counts: { matmul: 0, gemm: 0, gatherInt4: 0, gatherInt8: 0 },
        bits: 4,
        layers: [],
        errors: new Map(),
      };
      const exclude = opts.exclude.map(nodePattern);
      // awq's Muls, each spliced in before the first layer it scales.
      const before = new Map<NodeProto, NodeProto[]>();
      const awq = calibrated ? await planActivationScaling(model, scopes[0]!, run, exclude, ctx, before) : undefined;
      const skipped: { node: string; op: string; reason: string }[] = [];
      for (const scope of scopes) {
        const out: NodeProto[] = [];
        for (const node of scope.graph.node) {
          for (const n of before.get(node) ?? []) out.push(n);
          const row = quantOpOf(node);
          const quantizer = row?.int4;
          if (!quantizer) {
            out.push(node);
            continue;
          }
          const id = nodeId(node);
          const bits = layerBits(opts.layers, id, node.input[row.weight] ?? '');
          let reason: string | undefined;
          let weight: ConstantWeight | undefined;
          if (exclude.some((re) => re.test(id))) reason = 'excluded';
          else if (bits === 'float') reason = 'layers: float';
          else {
            run.bits = bits;
            reason = quantizer.disabled?.(run);
            if (!reason) {
              weight = weightOf(row, node, scope, run.index);
              // A Gather on a computed tensor (shape arithmetic) is no embedding: not worth a line in the report.
              if (!weight && node.opType === 'Gather') {
                out.push(node);
                continue;
              }
              reason = weight ? quantizer.check(node, weight, scope, run) : 'weight is not a constant';
            }
          }
          if (reason || !weight) {
            skipped.push({ node: id, op: node.opType ?? '', reason: reason ?? '' });
            out.push(node);
            continue;
          }
          quantizer.rewrite(node, weight, scope, run, out);
          recordWeightSource(run, weight);
        }
        scope.graph.node = out;
      }
      for (const n of run.awq?.keys() ?? []) {
        if (n.domain !== 'com.microsoft') throw new Error(`quantize-int4: awq scaled the input of ${nodeId(n)} but the node was not rewritten (internal error; use method mse)`);
      }
      const paths = [...run.sources.values()].flat();
      removeUnused(paths, run.index);
      let weightBytes = 0;
      let freedBytes = 0;
      for (const [tensor, [path]] of run.sources) {
        const bytes = tensorByteLength(tensor);
        weightBytes += bytes;
        const own = path![path!.length - 1]!;
        if (!run.index.defines(own.scope.graph, own.name)) freedBytes += bytes;
      }
      const { matmul, gemm, gatherInt4, gatherInt8 } = run.counts;
      if (matmul || gemm || gatherInt4) importDomain(model, 'com.microsoft', 1);
      ctx.log(`quantize-int4: ${matmul} MatMul, ${gemm} Gemm, ${gatherInt4 + gatherInt8} Gather rewritten; ${run.store.groupCount} tensors quantized`);
      return {
        model,
        modified: attentionSplit + matmul + gemm + gatherInt4 + gatherInt8 > 0,
        details: {
          blockSize: opts.blockSize,
          symmetric: opts.symmetric,
          accuracyLevel: opts.accuracyLevel ?? 0,
          embeddings: opts.embeddings,
          method: opts.method,
          matmulNBits: matmul + gemm,
          fromGemm: gemm,
          gatherBlockQuantized: gatherInt4,
          gatherInt8,
          tensorsQuantized: run.store.groupCount,
          sharedReuses: run.store.groupsReused,
          weightBytesBefore: weightBytes,
          weightBytesAfter: run.store.bytesAdded,
          /** Float weights removed because nothing reads them any more (the rest stay for other readers). */
          weightBytesFreed: freedBytes,
          skipped,
          /** Per rewritten node: its bits and its weight's relative reconstruction error ‖W − Ŵ‖ / ‖W‖. */
          layers: run.layers.map((l) => ({ ...l, relError: Number(l.relError.toPrecision(4)) })),
          ...(attentionSplit ? { attentionSplit } : {}),
          // At the top level too: the report says which samples calibrated (pipeline/report-json.ts calibrationOf).
          ...(awq ? { awq, calibration: awq.calibration } : {}),
          /** awq / gptq: layers whose mean output error E[x]·(W − Ŵ) went into their own bias, or into MatMulNBits' bias input. */
          ...(run.biasCorrected ? { biasCorrected: run.biasCorrected } : {}),
        },
      };
    },
  };
}
