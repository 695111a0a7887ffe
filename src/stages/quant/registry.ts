/**
 * Op type → its int8 quantizer (after ORT's registry.py): adding an op is one row and one small file.
 * Conv is listed but not in the default op set (see int8-conv.ts).
 */
import { convQuantizer } from './int8-conv.js';
import { gatherQuantizer } from './int8-gather.js';
import { gemmQuantizer } from './int8-gemm.js';
import { matMulQuantizer } from './int8-matmul.js';
import type { OpQuantizer } from './op-quantizer.js';

export const INT8_QUANTIZERS: Record<string, OpQuantizer> = {
  MatMul: matMulQuantizer,
  Gemm: gemmQuantizer,
  Gather: gatherQuantizer,
  Conv: convQuantizer,
};

export const DEFAULT_INT8_OPS = ['MatMul', 'Gemm', 'Gather'];
