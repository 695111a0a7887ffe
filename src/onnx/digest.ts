/** Sizes and sha256 of model files as they are on disk (the report contract's `{bytes, sha256}`). */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync, statSync } from 'node:fs';

export interface FilesDigest {
  /** Total bytes of all files. */
  bytes: number;
  /** sha256 (hex) of the files' bytes concatenated in the order given: the .onnx file, then its data files. */
  sha256?: string;
  files: { path: string; bytes: number }[];
}

const CHUNK = 1 << 20;

/** Streams each file through sha256 in 1 MiB chunks: hashing a 2 GB model costs 1 MiB of memory. */
export function digestFiles(paths: string[], withHash = true): FilesDigest {
  const files = paths.map((p) => ({ path: p, bytes: statSync(p).size }));
  const bytes = files.reduce((n, f) => n + f.bytes, 0);
  if (!withHash) return { bytes, files };
  const hash = createHash('sha256');
  const buf = Buffer.allocUnsafe(CHUNK);
  for (const p of paths) {
    const fd = openSync(p, 'r');
    try {
      for (let n; (n = readSync(fd, buf, 0, CHUNK, null)) > 0;) hash.update(buf.subarray(0, n));
    } finally {
      closeSync(fd);
    }
  }
  return { bytes, sha256: hash.digest('hex'), files };
}
