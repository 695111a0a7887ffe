/**
 * Streaming big models: while a model's weights live in external data files, stages read each weight
 * when they need it (ExternalDataReader.read, a fresh buffer per call that nobody keeps) and park the
 * tensors they create (int4/int8 packs, fp16 copies) in one scratch data file instead of memory. The
 * model then holds only references, so a stage's peak is about the tensor it is working on, and the
 * save copies each payload from its file to the output one tensor at a time.
 *
 * A scratch tensor is an ordinary external-data tensor (ONNX IR "External Tensor Data") whose location
 * is a random name chosen per run; this reader answers for that name from the scratch file in the run's
 * temporary folder and for every other name exactly as ExternalDataReader does. A location is matched
 * by name, not by object identity, so copies of a tensor (dedup lifts `{ ...t }`) still resolve; a
 * hostile model cannot name the scratch file because its name is drawn after the model is loaded.
 * Scratch tensors never reach an output file as references: saveModel writes every external payload
 * into the output (inline or into the output's own data file).
 */
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { ExternalDataReader, readFully } from './external.js';
import { OnnxFormatError } from './errors.js';
import { externalInfo, isExternal, makeTensor, setTensorRaw, type ExternalDataSource } from './tensor.js';
import { DataLocation, type TensorProto } from './types.js';

/** Smaller payloads stay inline: a scratch reference and a read cost more than they save. */
export const SPILL_MIN_BYTES = 64 * 1024;

/** A data source that can also take new payloads off a stage's hands. */
export interface SpillTarget extends ExternalDataSource {
  /** Writes `raw` to scratch storage and makes `t` an external-data reference to it. */
  spill(t: TensorProto, raw: Uint8Array): void;
}

function canSpill(source: ExternalDataSource | undefined): source is SpillTarget {
  return typeof (source as Partial<SpillTarget> | undefined)?.spill === 'function';
}

/**
 * The model's external data plus one scratch file (created on the first spill, deleted by close()).
 * It is an ExternalDataReader, so everything that takes one (saveModel's `source`, the optimize stage)
 * reads scratch tensors too.
 */
export class SpillingReader extends ExternalDataReader implements SpillTarget {
  /** The scratch file's location name as written into tensors. */
  readonly location = `onnx-diet-scratch-${randomBytes(8).toString('hex')}.data`;
  private readonly file: string;
  private fd: number | undefined;
  private size = 0;
  /** Payload bytes written to scratch so far. */
  spilledBytes = 0;
  spilledTensors = 0;

  /** `modelPath` as for ExternalDataReader; `scratchDir` is a private temporary folder of this run. */
  constructor(modelPath: string, scratchDir: string) {
    super(modelPath);
    this.file = path.join(scratchDir, this.location);
  }

  private isScratch(t: TensorProto): boolean {
    return isExternal(t) && externalInfo(t).location === this.location;
  }

  override resolve(location: string, tensorName: string | undefined): string {
    return location === this.location ? this.file : super.resolve(location, tensorName);
  }

  override range(t: TensorProto): { location: string; offset: number; length: number } {
    if (!this.isScratch(t)) return super.range(t);
    const { offset, length } = externalInfo(t);
    if (length === undefined || offset + length > this.size) {
      throw new OnnxFormatError(`tensor '${t.name}': scratch reference [${offset}, +${length}) is outside the scratch file`);
    }
    return { location: this.location, offset, length };
  }

  override read(t: TensorProto): Uint8Array {
    if (!this.isScratch(t)) return super.read(t);
    const { offset, length } = this.range(t);
    return readFully(this.fd!, offset, length, `short read of scratch file ${this.file}`);
  }

  spill(t: TensorProto, raw: Uint8Array): void {
    this.fd ??= openSync(this.file, 'wx+', 0o600);
    const offset = this.size;
    for (let done = 0; done < raw.length;) done += writeSync(this.fd, raw, done, raw.length - done, offset + done);
    this.size += raw.length;
    this.spilledBytes += raw.length;
    this.spilledTensors++;
    setTensorRaw(t, new Uint8Array(0));
    t.rawData = undefined;
    t.dataLocation = DataLocation.EXTERNAL;
    t.externalData = [
      { key: 'location', value: this.location },
      { key: 'offset', value: String(offset) },
      { key: 'length', value: String(raw.length) },
    ];
  }

  override close(): void {
    super.close();
    if (this.fd !== undefined) {
      closeSync(this.fd);
      this.fd = undefined;
      rmSync(this.file, { force: true });
    }
  }
}

/**
 * A new tensor holding `raw`: parked in `source`'s scratch storage when it can take it (streaming a
 * model with external data) and the payload is worth it, inline otherwise.
 */
export function newTensor(source: ExternalDataSource | undefined, name: string, dataType: number, dims: number[], raw: Uint8Array): TensorProto {
  const t = makeTensor(name, dataType, dims, raw);
  if (canSpill(source) && raw.length >= SPILL_MIN_BYTES) source.spill(t, raw);
  return t;
}

/** Replaces `t`'s payload with `raw` (every other storage form dropped), parked in scratch like newTensor. */
export function replacePayload(source: ExternalDataSource | undefined, t: TensorProto, raw: Uint8Array): void {
  if (canSpill(source) && raw.length >= SPILL_MIN_BYTES) source.spill(t, raw);
  else setTensorRaw(t, raw);
}
