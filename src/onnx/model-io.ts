/**
 * Loading and saving models. Load reads the file once into one buffer; every raw_data is a view into it
 * (a 350 MB model costs 350 MB, not 700). Save never mutates the model, writes atomically (temporary file
 * beside the target, fsync, rename) and streams: large payloads go from their views straight to the file.
 */
import { closeSync, existsSync, fstatSync, openSync, readFileSync, realpathSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { PASS_THROUGH_BYTES, decodeModel, encodeModelTo, encodedModelSize, type Substitutions } from './codec.js';
import { OnnxFormatError, UsageError } from './errors.js';
import { ensureFolder, writeFileAtomically } from './files.js';
import { ExternalDataReader } from './external.js';
import { forEachTensor } from './graph.js';
import { validateModel } from './validate.js';
import { externalInfo, isExternal, tensorBytes, tensorByteLength } from './tensor.js';
import type { ModelProto, TensorProto } from './types.js';

export interface LoadedModel {
  model: ModelProto;
  /** The .onnx file it came from (external data resolves against its folder). */
  path: string;
  /** Bytes of the .onnx file. */
  fileBytes: number;
  /** Reader for external-data tensors; use it with tensorBytes(). */
  external: ExternalDataReader;
}

/** Protobuf messages cannot exceed 2 GiB; past this we must write external data. */
export const PROTOBUF_LIMIT = 2 ** 31 - 1;
export const EXTERNAL_ALIGNMENT = 65536;

export function loadModel(file: string): LoadedModel {
  let st;
  try {
    st = statSync(file);
  } catch {
    throw new UsageError(`${file}: no such file`);
  }
  if (!st.isFile()) throw new UsageError(`${file}: not a file`);
  if (st.size === 0) throw new OnnxFormatError(`${file}: empty file, not an ONNX model`);
  if (st.size > PROTOBUF_LIMIT) throw new OnnxFormatError(`${file}: ${st.size} bytes, larger than protobuf's 2 GiB limit; not a valid ONNX file`);
  const bytes = readFileSync(file);
  let model: ModelProto;
  try {
    model = decodeModel(bytes);
  } catch (e) {
    if (e instanceof OnnxFormatError) throw new OnnxFormatError(`${file}: not a valid ONNX model (${e.message})`);
    throw e;
  }
  if (!model.graph) throw new OnnxFormatError(`${file}: not a valid ONNX model (no graph)`);
  const external = new ExternalDataReader(file);
  try {
    validateModel(model, external);
  } catch (e) {
    external.close();
    if (e instanceof OnnxFormatError) throw new OnnxFormatError(`${file}: ${e.message}`);
    throw e;
  }
  return { model, path: file, fileBytes: st.size, external };
}

export interface SaveOptions {
  /** true: always write weights to a data file; false: never; 'auto' (default): only past 2 GiB. */
  externalData?: boolean | 'auto';
  /** Data file name, relative to the output's folder (default `<output file name>.data`). */
  location?: string;
  /** Tensors smaller than this stay inline when writing external data (default 1024 bytes). */
  sizeThreshold?: number;
  /** Where to read external tensors of the source model. */
  source?: ExternalDataReader;
}

export interface SavedModel {
  path: string;
  /** Bytes of the .onnx file plus its data file. */
  bytes: number;
  modelBytes: number;
  dataBytes: number;
  dataPath?: string;
}

/**
 * Stands in for an external payload while a model is encoded inline: it reports the payload's length,
 * so the codec sizes every field exactly without reading anything, and FileSink reads the bytes only
 * when the codec hands the field over. The codec passes byte fields of PASS_THROUGH_BYTES or more
 * straight to its sink, never copying them (codec.ts ChunkedWriter.bytes), so only such payloads are
 * deferred: a save then holds one tensor at a time, not every external weight at once.
 */
class DeferredPayload extends Uint8Array {
  constructor(size: number, readonly fetch: () => Uint8Array) {
    super(0);
    Object.defineProperty(this, 'length', { value: size });
  }
}

class FileSink {
  written = 0;
  constructor(private fd: number) {}
  write(chunk: Uint8Array) {
    let b = chunk;
    if (chunk instanceof DeferredPayload) {
      b = chunk.fetch();
      if (b.length !== chunk.length) throw new OnnxFormatError(`external payload is ${b.length} bytes, expected ${chunk.length}`);
    }
    let off = 0;
    while (off < b.length) off += writeSync(this.fd, b, off, b.length - off);
    this.written += b.length;
  }
}

/** A model or data file written atomically (files.ts) through a FileSink. */
function writeAtomically(target: string, write: (sink: FileSink) => void): number {
  return writeFileAtomically(target, (fd) => {
    const sink = new FileSink(fd);
    write(sink);
    return sink.written;
  });
}

/**
 * Inline payload for a tensor that lives in external data: read now when small, else deferred (read
 * by the file sink while it writes this tensor, see DeferredPayload).
 */
function inlined(t: TensorProto, source: ExternalDataReader | undefined): TensorProto {
  const length = tensorByteLength(t);
  const raw = length >= PASS_THROUGH_BYTES && t.dataType !== 8 /* STRING */
    ? new DeferredPayload(length, () => tensorBytes(t, source))
    : tensorBytes(t, source);
  return { ...t, rawData: raw, externalData: [], dataLocation: undefined };
}

/** Attribute tensors up to this size are taken for shape data and kept inline (see saveModel). */
const SHAPE_DATA_BYTES = 64 * 1024;

export function saveModel(model: ModelProto, file: string, opts: SaveOptions = {}): SavedModel {
  const out = path.resolve(file);
  const dir = path.dirname(out);
  if (opts.source && path.resolve(opts.source.modelPath) === out) {
    throw new UsageError(`${file}: refusing to overwrite the input model; choose another output path`);
  }
  // Like the CLI's compress: a missing output folder is made (the library and the CLI behave alike).
  ensureFolder(dir, file);
  const threshold = opts.sizeThreshold ?? 1024;
  const tensors: TensorProto[] = [];
  // Small tensors in attributes (Constant nodes' shapes, axes, sizes, Resize scales) stay inline:
  // onnxruntime's shape inference reads them while loading and cannot read an attribute's external data
  // ("Cannot parse data from external tensors"). Big ones are weights (Paddle exports keep every weight
  // in a Constant node) and may go out; onnx's save_as_external_data keeps all attribute tensors inline.
  const inlineOnly = new Set<TensorProto>();
  forEachTensor(model, (t, site) => {
    tensors.push(t);
    if (site.kind === 'attribute' && tensorByteLength(t) <= SHAPE_DATA_BYTES) inlineOnly.add(t);
  });

  // Every external tensor inline: what an inline save writes, and what 'auto' sizes (deferred payloads
  // report their length, so sizing reads no large external tensor). Built only when one of them needs it.
  let allInline: Substitutions | undefined;
  const inlineAll = (): Substitutions => {
    allInline ??= new Map(tensors.filter(isExternal).map((t) => [t, inlined(t, opts.source)]));
    return allInline;
  };
  let external = opts.externalData ?? 'auto';
  if (external === 'auto') external = encodedModelSize(model, inlineAll()) > PROTOBUF_LIMIT;
  if (!external) {
    const written = writeAtomically(out, (sink) => encodeModelTo(model, sink, inlineAll()));
    return { path: out, bytes: written, modelBytes: written, dataBytes: 0 };
  }

  const subs: Substitutions = new Map();
  const location = opts.location ?? `${path.basename(out)}.data`;
  if (path.isAbsolute(location) || location.split(/[\\/]/).includes('..')) {
    throw new UsageError(`external data location '${location}' must be a plain relative name`);
  }
  const dataPath = path.join(dir, location);
  // Replacing a data file the source model reads from would change the input model (and break it).
  if (opts.source && existsSync(dataPath)) {
    const target = realpathSync(dataPath);
    for (const t of tensors) {
      if (isExternal(t) && opts.source.resolve(externalInfo(t).location, t.name) === target) {
        throw new UsageError(`${file}: external data '${location}' is the input model's data file; choose another location or output folder`);
      }
    }
  }
  let offset = 0;
  const dataBytes = writeAtomically(dataPath, (sink) => {
    const pad = new Uint8Array(EXTERNAL_ALIGNMENT);
    for (const t of tensors) {
      if (tensorByteLength(t) < threshold || t.dataType === 8 /* STRING */ || inlineOnly.has(t)) {
        if (isExternal(t)) subs.set(t, allInline?.get(t) ?? inlined(t, opts.source));
        continue;
      }
      const raw = tensorBytes(t, opts.source);
      const aligned = Math.ceil(offset / EXTERNAL_ALIGNMENT) * EXTERNAL_ALIGNMENT;
      if (aligned > offset) sink.write(pad.subarray(0, aligned - offset));
      sink.write(raw);
      subs.set(t, {
        ...t, rawData: undefined, floatData: undefined, int32Data: undefined, int64Data: undefined,
        doubleData: undefined, uint64Data: undefined, dataLocation: 1,
        externalData: [
          { key: 'location', value: location },
          { key: 'offset', value: String(aligned) },
          { key: 'length', value: String(raw.length) },
        ],
      });
      offset = aligned + raw.length;
    }
  });
  const modelBytes = writeAtomically(out, (sink) => encodeModelTo(model, sink, subs));
  return { path: out, bytes: modelBytes + dataBytes, modelBytes, dataBytes, dataPath };
}

/** Bytes on disk of a model and the external data files it references. */
export function modelFileBytes(loaded: LoadedModel): number {
  const seen = new Set<string>();
  let n = loaded.fileBytes;
  forEachTensor(loaded.model, (t) => {
    if (!isExternal(t)) return;
    const { location } = loaded.external.range(t);
    if (seen.has(location)) return;
    seen.add(location);
    const fd = openSync(loaded.external.resolve(location, t.name), 'r');
    try { n += fstatSync(fd).size; } finally { closeSync(fd); }
  });
  return n;
}
