/**
 * NumPy's .npz: a zip archive of `NAME.npy` entries (numpy.savez / savez_compressed). We read the zip
 * central directory (PKWARE APPNOTE 4.3.12–4.3.16, ZIP64 extra field 4.5.3) and inflate deflated entries
 * with node:zlib; only methods 0 (stored) and 8 (deflate) occur in .npz files.
 */
import { inflateRawSync } from 'node:zlib';
import * as zlib from 'node:zlib';
import { UsageError } from '../onnx/errors.js';
import type { NamedTensor } from '../runtime/named-tensor.js';
import { parseNpy } from './npy.js';

const EOCD_SIG = 0x06054b50;
const CD_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;
const ZIP64_EOCD_LOCATOR_SIG = 0x07064b50;
const ZIP64_EOCD_SIG = 0x06064b50;
/** An entry larger than this is refused (a zip bomb must not take the machine's memory). */
const MAX_ENTRY_BYTES = 2 ** 31 - 1;

interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

function centralDirectory(dv: DataView, fail: (w: string) => Error): { offset: number; count: number } {
  const min = Math.max(0, dv.byteLength - 22 - 0xffff);
  for (let p = dv.byteLength - 22; p >= min; p--) {
    if (dv.getUint32(p, true) !== EOCD_SIG) continue;
    let count = dv.getUint16(p + 10, true);
    let offset = dv.getUint32(p + 16, true);
    const loc = p - 20;
    if ((offset === 0xffffffff || count === 0xffff) && loc >= 0 && dv.getUint32(loc, true) === ZIP64_EOCD_LOCATOR_SIG) {
      const z = Number(dv.getBigUint64(loc + 8, true));
      if (z + 56 > dv.byteLength || dv.getUint32(z, true) !== ZIP64_EOCD_SIG) throw fail('broken ZIP64 end record');
      count = Number(dv.getBigUint64(z + 32, true));
      offset = Number(dv.getBigUint64(z + 48, true));
    }
    return { offset, count };
  }
  throw fail('not a zip archive (no end-of-central-directory record)');
}

function readEntries(bytes: Uint8Array, fail: (w: string) => Error): ZipEntry[] {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { offset, count } = centralDirectory(dv, fail);
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || dv.getUint32(p, true) !== CD_SIG) throw fail(`broken central directory entry ${i}`);
    const nameLen = dv.getUint16(p + 28, true);
    const extraLen = dv.getUint16(p + 30, true);
    const commentLen = dv.getUint16(p + 32, true);
    const e: ZipEntry = {
      name: new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLen)),
      method: dv.getUint16(p + 10, true),
      crc: dv.getUint32(p + 16, true),
      compressedSize: dv.getUint32(p + 20, true),
      size: dv.getUint32(p + 24, true),
      localOffset: dv.getUint32(p + 42, true),
    };
    // ZIP64 extended information: the 0xFFFFFFFF fields follow in order size, compressed size, offset.
    for (let x = p + 46 + nameLen; x + 4 <= p + 46 + nameLen + extraLen;) {
      const id = dv.getUint16(x, true);
      const len = dv.getUint16(x + 2, true);
      if (id === 0x0001) {
        let q = x + 4;
        const next = () => { const v = Number(dv.getBigUint64(q, true)); q += 8; return v; };
        if (e.size === 0xffffffff) e.size = next();
        if (e.compressedSize === 0xffffffff) e.compressedSize = next();
        if (e.localOffset === 0xffffffff) e.localOffset = next();
      }
      x += 4 + len;
    }
    entries.push(e);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

function entryBytes(bytes: Uint8Array, e: ZipEntry, fail: (w: string) => Error): Uint8Array {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const p = e.localOffset;
  if (p + 30 > bytes.length || dv.getUint32(p, true) !== LOCAL_SIG) throw fail(`entry ${e.name}: broken local header`);
  const start = p + 30 + dv.getUint16(p + 26, true) + dv.getUint16(p + 28, true);
  if (start + e.compressedSize > bytes.length) throw fail(`entry ${e.name}: truncated`);
  if (e.size > MAX_ENTRY_BYTES) throw fail(`entry ${e.name}: ${e.size} bytes uncompressed, more than we read`);
  const raw = bytes.subarray(start, start + e.compressedSize);
  let data: Uint8Array;
  if (e.method === 0) data = raw;
  else if (e.method === 8) {
    try {
      data = inflateRawSync(raw, { maxOutputLength: Math.max(1, e.size) });
    } catch (err) {
      throw fail(`entry ${e.name}: cannot inflate (${(err as Error).message})`);
    }
  } else throw fail(`entry ${e.name}: compression method ${e.method} is not supported (use np.savez or np.savez_compressed)`);
  if (data.length !== e.size) throw fail(`entry ${e.name}: ${data.length} bytes, the directory says ${e.size}`);
  // zlib.crc32 exists from Node 20.15 / 22.2; older runtimes skip the check.
  const crc32 = (zlib as { crc32?: (d: Uint8Array) => number }).crc32;
  if (crc32 && crc32(data) >>> 0 !== e.crc) throw fail(`entry ${e.name}: CRC mismatch (corrupt archive)`);
  return data;
}

/** Every `NAME.npy` entry of an .npz archive as a tensor named NAME. */
export function parseNpz(bytes: Uint8Array, where: string): NamedTensor[] {
  const fail = (what: string) => new UsageError(`${where}: ${what}`);
  return readEntries(bytes, fail)
    .filter((e) => !e.name.endsWith('/'))
    .map((e) => parseNpy(entryBytes(bytes, e, fail), e.name.replace(/\.npy$/, ''), `${where}: ${e.name}`));
}
