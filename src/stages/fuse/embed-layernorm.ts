/**
 * Embedding sum + LayerNorm → com.microsoft EmbedLayerNormalization (onnxruntime's
 * fusion_embedlayer.py), behind the `embed-layernorm` option. Word, position and (optional) segment
 * Gathers are told apart by their indices: the position Gather reads 0, 1, …, s-1 (a Slice of a
 * constant arange buffer, or Range(0, s, 1)), which the kernel computes itself, so no position_ids
 * input is passed; of the two Gathers on graph inputs the larger table is the word embedding. The op
 * takes int32 ids: int64 ids get a Cast in front (once per input). No mask is passed, so the op's
 * mask_index output is unused (the Attention nodes keep their raw mask).
 */
import { matchAll, type Pattern } from '../../graph/pattern.js';
import { DataType } from '../../onnx/dtype.js';
import { attr } from '../../onnx/graph.js';
import { tensorBytes } from '../../onnx/tensor.js';
import { makeNode } from '../nodes.js';
import { FuseContext, MS_DOMAIN } from './context.js';

const FUSION = 'EmbedLayerNormalization';

const table = { constant: (t: { dims: number[]; dataType?: number }) => t.dims.length === 2 && t.dataType === DataType.FLOAT };

const WITH_SEGMENT: Pattern = {
  root: 'ln',
  nodes: {
    ln: { op: 'LayerNormalization', inputs: ['sum', '$gamma', '$beta'] },
    sum: { op: 'Add', inputs: ['s1', 'g3'] },
    s1: { op: 'Add', inputs: ['g1', 'g2'] },
    g1: { op: 'Gather', inputs: ['$t1', '$i1'] },
    g2: { op: 'Gather', inputs: ['$t2', '$i2'] },
    g3: { op: 'Gather', inputs: ['$t3', '$i3'] },
  },
  values: { t1: table, t2: table, t3: table },
  shared: ['sum'],
};

const WITHOUT_SEGMENT: Pattern = {
  root: 'ln',
  nodes: {
    ln: { op: 'LayerNormalization', inputs: ['sum', '$gamma', '$beta'] },
    sum: { op: 'Add', inputs: ['g1', 'g2'] },
    g1: { op: 'Gather', inputs: ['$t1', '$i1'] },
    g2: { op: 'Gather', inputs: ['$t2', '$i2'] },
  },
  values: { t1: table, t2: table },
  shared: ['sum'],
};

/** Whether `name` holds 0, 1, …, n-1 along its last axis (Slice of an arange constant, or Range(0, n, 1)). */
function isArange(ctx: FuseContext, name: string, depth = 0): boolean {
  if (depth > 4) return false;
  const n = ctx.du.producer(name);
  if (!n) return false;
  if (n.opType === 'Unsqueeze' || n.opType === 'Expand' || n.opType === 'Cast') return isArange(ctx, n.input[0]!, depth + 1);
  if (n.opType === 'Range') return ctx.ints(n.input[0]!)?.[0] === 0 && ctx.ints(n.input[2]!)?.[0] === 1;
  if (n.opType === 'Slice') {
    const starts = ctx.ints(n.input[1] ?? '');
    const steps = n.input[4] ? ctx.ints(n.input[4]) : [1];
    const c = ctx.tensor(n.input[0]!);
    if (!c || !starts || starts.some((s) => s !== 0) || !steps || steps.some((s) => s !== 1) || c.dataType !== DataType.INT64) return false;
    const raw = tensorBytes(c);
    // A copy: the payload may be a view into the whole file's buffer, at any offset.
    const v = c.int64Data?.length ? c.int64Data : new BigInt64Array(new Uint8Array(raw).buffer, 0, Math.floor(raw.length / 8));
    if (v.length === 0) return false;
    const width = c.dims[c.dims.length - 1] ?? 0;
    return v.every((x, i) => Number(x) === i % width);
  }
  return false;
}

function isGraphInput(ctx: FuseContext, name: string): boolean {
  return ctx.du.definition(name)?.kind === 'input';
}

export function fuseEmbedLayerNorm(ctx: FuseContext): void {
  for (const pattern of [WITH_SEGMENT, WITHOUT_SEGMENT]) {
    for (const m of matchAll(ctx.du, pattern)) {
      const ln = m.node('ln');
      if (!ctx.du.graph.node.includes(ln)) continue;
      const k = pattern === WITH_SEGMENT ? 3 : 2;
      const gathers = Array.from({ length: k }, (_, i) => ({ node: m.node(`g${i + 1}`), table: m.value(`t${i + 1}`), ids: m.value(`i${i + 1}`) }));
      const pos = gathers.filter((g) => isArange(ctx, g.ids));
      const fed = gathers.filter((g) => isGraphInput(ctx, g.ids)).sort((a, b) => ctx.tensor(b.table)!.dims[0]! - ctx.tensor(a.table)!.dims[0]!);
      if (pos.length !== 1 || fed.length !== k - 1) { ctx.skip(FUSION, ln, 'the embedding Gathers are not word / segment ids from graph inputs plus positions 0..s-1'); continue; }
      if (gathers.some((g) => Number(attr(g.node, 'axis')?.i ?? 0n) !== 0)) { ctx.skip(FUSION, ln, 'an embedding Gather is not along axis 0'); continue; }
      const hidden = ctx.tensor(gathers[0]!.table)!.dims[1];
      if (gathers.some((g) => ctx.tensor(g.table)!.dims[1] !== hidden)) { ctx.skip(FUSION, ln, 'the embedding tables differ in width'); continue; }
      const ids = (g: { ids: string }) => {
        if (ctx.du.valueInfo(g.ids)?.type?.tensorType?.elemType === DataType.INT32) return g.ids;
        return ctx.int32Mask(g.ids, ln);
      };
      const word = fed[0]!;
      const segment = fed[1];
      const sum = m.node('sum');
      const sumRead = ctx.du.usedOutside(sum.output[0]!, new Set([ln]));
      const inputs = [ids(word), segment ? ids(segment) : '', word.table, pos[0]!.table, segment ? segment.table : '', m.value('gamma'), m.value('beta')];
      const outputs = [ln.output[0]!, ctx.fresh(`${ln.name || ln.output[0]}_mask_index`), ...(sumRead ? [sum.output[0]!] : [])];
      const eps = attr(ln, 'epsilon');
      const fused = makeNode('EmbedLayerNormalization', ctx.fresh(`${ln.name || ln.output[0]}_EmbedLayerNorm`), inputs, outputs, eps ? [eps] : [], MS_DOMAIN);
      ctx.du.insert([fused], sum);
      ctx.du.remove([ln, sum, ...gathers.map((g) => g.node), ...(k === 3 ? [m.node('s1')] : [])]);
      ctx.count(FUSION);
    }
  }
}
