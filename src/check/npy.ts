/**
 * NumPy's .npy format (numpy/lib/format.py, "NPY format" v1.0–3.0): magic `\x93NUMPY`, version, a
 * little-endian header length (2 bytes in v1, 4 in v2/v3), a Python dict literal with `descr`,
 * `fortran_order` and `shape`, then the array data in C order.
 */
import { UsageError } from '../onnx/errors.js';
import type { NamedTensor } from '../runtime/named-tensor.js';

/** numpy dtype (without byte order) → onnxruntime type name and element width. */
const DTYPES: Record<string, [string, number]> = {
  f4: ['float32', 4], f8: ['float64', 8], f2: ['float16', 2], i8: ['int64', 8], i4: ['int32', 4], i2: ['int16', 2],
  i1: ['int8', 1], u1: ['uint8', 1], u2: ['uint16', 2], u4: ['uint32', 4], u8: ['uint64', 8], b1: ['bool', 1],
};

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59];

/** Parses one .npy payload into a NamedTensor (`name` is the caller's: file stem or npz entry). */
export function parseNpy(bytes: Uint8Array, name: string, where: string): NamedTensor {
  const fail = (what: string) => new UsageError(`${where}: ${what}`);
  if (bytes.length < 10 || MAGIC.some((b, i) => bytes[i] !== b)) throw fail('not a .npy file (no \\x93NUMPY magic)');
  const major = bytes[6]!;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const [headerLen, start] = major === 1 ? [dv.getUint16(8, true), 10] : [dv.getUint32(8, true), 12];
  if (major < 1 || major > 3 || start + headerLen > bytes.length) throw fail(`unsupported or truncated .npy header (version ${major})`);
  const header = new TextDecoder(major === 3 ? 'utf-8' : 'latin1').decode(bytes.subarray(start, start + headerLen));

  const descr = /'descr'\s*:\s*'([<>|=])([a-z]\d+)'/.exec(header);
  const fortran = /'fortran_order'\s*:\s*(True|False)/.exec(header);
  const shape = /'shape'\s*:\s*\(([^)]*)\)/.exec(header);
  if (!descr || !fortran || !shape) throw fail(`cannot read the .npy header ${JSON.stringify(header.trim())}`);
  const known = DTYPES[descr[2]!];
  if (!known) throw fail(`dtype '${descr[1]}${descr[2]}' is not supported (use float32/16/64, int8–64, uint8–64 or bool)`);
  const [type, width] = known;
  const dims = shape[1]!.split(',').map((s) => s.trim()).filter(Boolean).map(Number);
  if (dims.some((d) => !Number.isSafeInteger(d) || d < 0)) throw fail(`bad shape (${shape[1]})`);
  if (fortran[1] === 'True' && dims.filter((d) => d > 1).length > 1) {
    throw fail('array is in Fortran order; save it with np.save(f, np.ascontiguousarray(a))');
  }
  const count = dims.reduce((a, b) => a * b, 1);
  const begin = start + headerLen;
  if (bytes.length - begin < count * width) throw fail(`holds ${bytes.length - begin} data bytes, shape needs ${count * width}`);
  const data = bytes.slice(begin, begin + count * width);
  if (descr[1] === '>' && width > 1) {
    for (let i = 0; i < data.length; i += width) data.subarray(i, i + width).reverse();
  }
  return { name, type, dims, data };
}
