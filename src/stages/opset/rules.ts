/**
 * Per op, the versions at which its signature or meaning changed (onnx docs/Changelog.md, checked
 * against every signature difference `scripts/opset/op_versions.py --diff` lists) and the converter that
 * rewrites a node across them. Every other version step of every op only widened types or added an
 * attribute or optional input whose default keeps the old meaning, so the node stays as it is:
 * ArgMax/ArgMin-12 select_last_index=0; AveragePool-7 count_include_pad=0, -10 ceil_mode=0, -19
 * dilations=1; MaxPool-8 storage_order/Indices, -10 ceil_mode/dilations; LpPool-18 likewise; Cast-19
 * saturate and -24 round_mode (float8/float4 only); Q/DequantizeLinear-13 axis (per-tensor scales
 * before), -19 saturate, -21 block_size/output_dtype, -23 precision; DepthToSpace-11 mode=DCR;
 * GatherND-12 batch_dims=0; Gemm-11 optional C; GRU-3 linear_before_reset=0; RNN/GRU/LSTM-14 layout=0;
 * Reshape-14 allowzero=0; Shape-15 start/end; ScatterElements/ScatterND-16 reduction=none; Constant-11/12
 * new value forms; Attention-24/25; OptionalHasElement-18; Max/Min/Mean/Sum-8 and PRelu-7 broadcasting.
 */
import type { Converter } from './context.js';
import { axesToInput, reshape, topk } from './axes-inputs.js';
import { clip } from './clip.js';
import { cast, concat, dft, gemm, gridSample, legacyBroadcast, recurrent, refuseAcross, roiAlign, scatter, selu } from './legacy.js';
import { batchNormalization, dropout } from './normalization.js';
import { pad } from './pad.js';
import { resize, upsample } from './resize.js';
import { scan } from './scan.js';
import { slice } from './slice.js';
import { coercedSoftmax } from './softmax.js';
import { split } from './split.js';

export interface OpRule { breaks: number[]; convert: Converter }

const BROADCAST_OPS = ['Add', 'Sub', 'Mul', 'Div', 'Pow', 'And', 'Or', 'Xor', 'Equal', 'Greater', 'Less'];
const REDUCE_18 = ['ReduceL1', 'ReduceL2', 'ReduceLogSum', 'ReduceLogSumExp', 'ReduceMax', 'ReduceMean', 'ReduceMin', 'ReduceProd', 'ReduceSumSquare'];

export const RULES: Record<string, OpRule> = {
  ...Object.fromEntries(BROADCAST_OPS.map((op) => [op, { breaks: [7], convert: legacyBroadcast }])),
  ...Object.fromEntries(REDUCE_18.map((op) => [op, { breaks: [18], convert: axesToInput(18) }])),
  ReduceSum: { breaks: [13], convert: axesToInput(13) },
  Squeeze: { breaks: [13], convert: axesToInput(13) },
  Unsqueeze: { breaks: [13], convert: axesToInput(13) },
  Softmax: { breaks: [13], convert: coercedSoftmax },
  LogSoftmax: { breaks: [13], convert: coercedSoftmax },
  Hardmax: { breaks: [13], convert: coercedSoftmax },
  Clip: { breaks: [11], convert: clip },
  Slice: { breaks: [10], convert: slice },
  Pad: { breaks: [2, 11], convert: pad },
  Split: { breaks: [2, 13, 18], convert: split },
  TopK: { breaks: [10], convert: topk },
  Reshape: { breaks: [5], convert: reshape },
  BatchNormalization: { breaks: [7, 9, 14], convert: batchNormalization },
  Dropout: { breaks: [7, 10, 12], convert: dropout },
  Upsample: { breaks: [7, 9, 10], convert: upsample },
  Resize: { breaks: [11, 13], convert: resize },
  Gemm: { breaks: [7], convert: gemm },
  Concat: { breaks: [4], convert: concat },
  Cast: { breaks: [6], convert: cast },
  Selu: { breaks: [6], convert: selu },
  RNN: { breaks: [7], convert: recurrent },
  GRU: { breaks: [7], convert: recurrent },
  LSTM: { breaks: [7], convert: recurrent },
  RoiAlign: { breaks: [16], convert: roiAlign },
  GridSample: { breaks: [20], convert: gridSample },
  DFT: { breaks: [20], convert: dft },
  Scatter: { breaks: [11], convert: scatter },
  Scan: { breaks: [9], convert: scan },
  Tile: { breaks: [6], convert: refuseAcross(6, 'Tile-1 (tiles and axis inputs) has no exact single-node Tile-6 form implemented') },
  LpPool: { breaks: [2], convert: refuseAcross(2, 'LpPool-1 (float p, optional kernel_shape) is not converted') },
  GroupNormalization: { breaks: [21], convert: refuseAcross(21, "GroupNormalization-18's scale and bias are per group, -21's per channel; not converted") },
};
