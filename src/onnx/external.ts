/**
 * External data (ONNX IR: "External Tensor Data"): a tensor with data_location = EXTERNAL names a file
 * `location` relative to the model's folder, a byte `offset` and a `length`. Models come from pull
 * requests, so a location is hostile until proven otherwise: absolute paths, `..` and symlinks that
 * resolve outside the model's folder are refused, as are ranges past the end of the file.
 */
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { OnnxFormatError } from './errors.js';
import { rawByteLength } from './dtype.js';
import { elementCount, externalInfo } from './tensor.js';
import type { TensorProto } from './types.js';
import type { ExternalDataSource } from './tensor.js';

interface OpenFile {
  fd: number;
  size: number;
}

export class ExternalDataReader implements ExternalDataSource {
  private files = new Map<string, OpenFile>();
  private readonly realDir: string;

  /** `modelPath` names the .onnx file whose folder holds the data files. */
  constructor(readonly modelPath: string) {
    this.realDir = realpathSync(path.dirname(path.resolve(modelPath)));
  }

  /** Resolves a location safely: relative, inside the model folder after following symlinks. */
  resolve(location: string, tensorName: string | undefined): string {
    const what = `${this.modelPath}: tensor '${tensorName}' external data location '${location}'`;
    if (location.includes('\0')) throw new OnnxFormatError(`${what} contains a NUL byte`);
    if (path.isAbsolute(location) || path.win32.isAbsolute(location) || /^[a-zA-Z]:/.test(location)) {
      throw new OnnxFormatError(`${what} is absolute; external data must be relative to the model's folder`);
    }
    const candidate = path.resolve(this.realDir, location);
    if (!isInside(this.realDir, candidate)) throw new OnnxFormatError(`${what} points outside the model's folder`);
    let real: string;
    try {
      real = realpathSync(candidate);
    } catch {
      throw new OnnxFormatError(`${what}: file not found`);
    }
    if (!isInside(this.realDir, real)) throw new OnnxFormatError(`${what} resolves (through a link) outside the model's folder`);
    return real;
  }

  private open(location: string, tensorName: string | undefined): OpenFile {
    const known = this.files.get(location);
    if (known) return known;
    const real = this.resolve(location, tensorName);
    // O_NONBLOCK: opening a FIFO for reading would otherwise block until a writer appears (a hang);
    // the fstat below then refuses it. Regular files ignore the flag; Windows has none (0).
    const fd = openSync(real, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const st = fstatSync(fd);
    if (!st.isFile()) {
      closeSync(fd);
      throw new OnnxFormatError(`${this.modelPath}: external data '${location}' is not a regular file`);
    }
    const f = { fd, size: st.size };
    this.files.set(location, f);
    return f;
  }

  /** Byte range of a tensor's payload, checked against the file. */
  range(t: TensorProto): { location: string; offset: number; length: number } {
    const info = externalInfo(t);
    const f = this.open(info.location, t.name);
    const length = info.length ?? rawByteLength(t.dataType, elementCount(t.dims));
    if (info.offset + length > f.size) {
      throw new OnnxFormatError(
        `${this.modelPath}: tensor '${t.name}' external data [${info.offset}, ${info.offset + length}) runs past the end of '${info.location}' (${f.size} bytes)`,
      );
    }
    return { location: info.location, offset: info.offset, length };
  }

  read(t: TensorProto): Uint8Array {
    const { location, offset, length } = this.range(t);
    const f = this.open(location, t.name);
    return readFully(f.fd, offset, length, `${this.modelPath}: short read of external data '${location}'`);
  }

  /** Closes the data files opened so far. */
  close(): void {
    for (const f of this.files.values()) closeSync(f.fd);
    this.files.clear();
  }
}

/** `length` bytes of `fd` from `offset` into a fresh buffer; a file that ends early throws `shortRead`. */
export function readFully(fd: number, offset: number, length: number, shortRead: string): Buffer {
  const out = Buffer.allocUnsafe(length);
  for (let done = 0; done < length;) {
    const n = readSync(fd, out, done, length - done, offset + done);
    if (n <= 0) throw new OnnxFormatError(shortRead);
    done += n;
  }
  return out;
}

export function isInside(dir: string, p: string): boolean {
  const rel = path.relative(dir, p);
  // `..` as a whole first segment leaves the folder; a name that merely starts with dots (`..data`) does not.
  return !path.isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${path.sep}`);
}
