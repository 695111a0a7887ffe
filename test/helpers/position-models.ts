/**
 * Small models that compute position ids inside the graph the way real exports do, for the tests of
 * dim-limits.ts / auto inputs (test/inputs.test.ts) and of `compare` (test/compare.test.ts).
 */
import { DataType } from '../../src/onnx/dtype.js';
import type { ModelProto } from '../../src/onnx/types.js';
import { floatTensor, graph, int64Tensor, model, node, randomFloats, valueInfo } from './builder.js';

const HIDDEN = 4;
const table = (name: string, rows: number) => floatTensor(name, [rows, HIDDEN], randomFloats(rows * HIDDEN, rows, 1));

/**
 * As HF BERT exports it: `position_ids` is a registered arange buffer [1, buffer] sliced to the input's
 * length, `token_type_ids` an all-zero buffer sliced and expanded the same way; both index embedding
 * tables. The position table has `rows` rows; the 2-row token-type table must not limit the length.
 */
export function bertStyle(rows: number, buffer: number): ModelProto {
  return model(graph({
    node: [
      node('Shape', ['input_ids'], ['shape']),
      node('Gather', ['shape', 'one'], ['seq']),
      node('Unsqueeze', ['seq', 'axis0'], ['seq_1d']),
      node('Slice', ['position_ids', 'zero_1d', 'seq_1d', 'axis1'], ['pos_ids']),
      node('Gather', ['position_embeddings', 'pos_ids'], ['pos_emb']),
      node('Slice', ['token_type_buffer', 'zero_1d', 'seq_1d', 'axis1'], ['tt_slice']),
      node('Expand', ['tt_slice', 'shape'], ['tt_ids']),
      node('Gather', ['token_type_embeddings', 'tt_ids'], ['tt_emb']),
      node('Gather', ['word_embeddings', 'input_ids'], ['word_emb']),
      node('Add', ['word_emb', 'pos_emb'], ['sum']),
      node('Add', ['sum', 'tt_emb'], ['embeddings']),
    ],
    initializer: [
      table('word_embeddings', 30), table('position_embeddings', rows), table('token_type_embeddings', 2),
      int64Tensor('position_ids', [1, buffer], Array.from({ length: buffer }, (_, i) => i)),
      int64Tensor('token_type_buffer', [1, buffer], new Array<number>(buffer).fill(0)),
      int64Tensor('one', [], [1]), int64Tensor('axis0', [1], [0]), int64Tensor('axis1', [1], [1]), int64Tensor('zero_1d', [1], [0]),
    ],
    input: [valueInfo('input_ids', DataType.INT64, ['batch', 'sequence_length'])],
    output: [valueInfo('embeddings', DataType.FLOAT, ['batch', 'sequence_length', HIDDEN])],
  }));
}

/**
 * As OPT exports it: positions = CumSum(attention_mask) · attention_mask − 1 + 2 (OPT's learned
 * position embedding has an offset of 2). With an all-ones mask of length L the largest index is L + 1.
 */
export function optStyle(rows: number): ModelProto {
  return model(graph({
    node: [
      node('Cast', ['attention_mask'], ['mask_i64'], { to: DataType.INT64 }),
      node('CumSum', ['mask_i64', 'one'], ['count']),
      node('Mul', ['count', 'mask_i64'], ['masked']),
      node('Sub', ['masked', 'one'], ['positions0']),
      node('Add', ['positions0', 'two'], ['positions']),
      node('Gather', ['embed_positions', 'positions'], ['pos_emb']),
      node('Gather', ['embed_tokens', 'input_ids'], ['tok_emb']),
      node('Add', ['tok_emb', 'pos_emb'], ['embeddings']),
    ],
    initializer: [table('embed_tokens', 30), table('embed_positions', rows), int64Tensor('one', [], [1]), int64Tensor('two', [], [2])],
    input: [valueInfo('input_ids', DataType.INT64, ['batch', 'seq']), valueInfo('attention_mask', DataType.INT64, ['batch', 'seq'])],
    output: [valueInfo('embeddings', DataType.FLOAT, ['batch', 'seq', HIDDEN])],
  }));
}

/**
 * Position ids through an op the analysis does not follow (`Range(0, 2·len)`, then every other one):
 * nothing limits `seq`, so auto inputs use the default 128, and a `rows`-row table is overrun.
 */
export function opaquePositions(rows: number): ModelProto {
  return model(graph({
    node: [
      node('Shape', ['input_ids'], ['shape']),
      node('Gather', ['shape', 'one'], ['seq']),
      node('Mul', ['seq', 'two'], ['twice']),
      node('Range', ['zero', 'twice', 'two'], ['range']),
      // Unsqueeze as torch exports it; a Range straight into Gather would be turned into a Slice by
      // ORT's extended optimizations (GatherToSliceFusion), which clamps instead of failing.
      node('Unsqueeze', ['range', 'axis0'], ['positions']),
      node('Gather', ['position_embeddings', 'positions'], ['pos_emb']),
    ],
    initializer: [
      table('position_embeddings', rows), int64Tensor('zero', [], [0]), int64Tensor('one', [], [1]), int64Tensor('two', [], [2]),
      int64Tensor('axis0', [1], [0]),
    ],
    input: [valueInfo('input_ids', DataType.INT64, ['batch', 'seq'])],
    output: [valueInfo('pos_emb', DataType.FLOAT)],
  }));
}
