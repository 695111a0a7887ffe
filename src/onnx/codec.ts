/**
 * A reflection codec for the ONNX schema on top of protobufjs.
 *
 * protobufjs' generated decoders drop unknown fields and turn int64 into Long objects or lossy numbers. We
 * take the schema and the wire primitives from protobufjs (Root reflection, Reader) and drive them with our
 * own field tables (wire-types.ts) so that:
 * - unknown fields are kept as raw wire bytes and written back verbatim (a newer ONNX field survives us);
 * - int64 is exact (bigint for attribute ints and int64 tensor data, checked safe numbers elsewhere);
 * - `bytes` fields (raw_data) are views into the input buffer, never copies;
 * - encoding is two-pass (sizes, then bytes) so a model can be streamed to a file without building one
 *   big buffer, and large payloads are written straight from their views.
 * The decoder lives in decode.ts, the encoder in encode.ts; this module is the one import for both.
 */
export { decodeModel, decodeTensor, MAX_MESSAGE_DEPTH } from './decode.js';
export {
  encodeModel, encodeModelTo, encodedModelSize, encodeTensor, PASS_THROUGH_BYTES,
  type ByteSink, type Substitutions,
} from './encode.js';
