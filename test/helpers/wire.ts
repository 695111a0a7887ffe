/**
 * A minimal protobuf wire writer, written from the encoding spec (protobuf.dev "Encoding") and independent
 * of src/onnx/codec.ts, so codec tests can craft exact bytes — including unknown fields, unpacked
 * repeated fields and lying length prefixes — and compare the codec's output with them.
 */

export function varint(v: number | bigint): Uint8Array {
  let x = BigInt.asUintN(64, BigInt(v));
  const out: number[] = [];
  while (x >= 0x80n) { out.push(Number(x & 0x7fn) | 0x80); x >>= 7n; }
  out.push(Number(x));
  return Uint8Array.from(out);
}

export function cat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
}

export const tag = (field: number, wire: number) => varint((field << 3) | wire);

/** field = varint value (wire type 0). */
export const vint = (field: number, v: number | bigint) => cat(tag(field, 0), varint(v));

/** field = length-delimited payload (wire type 2): strings, bytes, messages, packed arrays. */
export function ld(field: number, payload: Uint8Array | string): Uint8Array {
  const b = typeof payload === 'string' ? new TextEncoder().encode(payload) : payload;
  return cat(tag(field, 2), varint(b.length), b);
}

/** field = little-endian float32 (wire type 5). */
export function f32(field: number, v: number): Uint8Array {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setFloat32(0, v, true);
  return cat(tag(field, 5), b);
}

/** field = 8 raw bytes (wire type 1). */
export const fixed64 = (field: number, bytes: number[]) => cat(tag(field, 1), Uint8Array.from(bytes));

/** Packed varints (the payload of an `ld` field). */
export const packedVarints = (values: (number | bigint)[]) => cat(...values.map(varint));
