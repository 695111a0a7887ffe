/**
 * What a model takes as input (graph inputs that are not initializers — ONNX IR "Graphs": an input with
 * an initializer of the same name has a default and may be left out), how symbolic dims get sizes, and
 * the one place numbers become tensor bytes.
 */
import { UsageError } from '../onnx/errors.js';
import type { ModelProto } from '../onnx/types.js';
import { toFloat16Bits } from '../onnx/float16.js';
import { ortTypeOf, UnsupportedTensorTypeError, type NamedTensor } from './named-tensor.js';

export interface ModelInput {
  name: string;
  /** onnxruntime-node type name. */
  type: string;
  /** A size, a symbolic name, or undefined for a dim with neither. */
  dims: (number | string | undefined)[];
}

export interface SampleOptions {
  /** How many auto samples. */
  samples: number;
  seed: number;
  /** Sizes of symbolic dims by name, or `input[axis]` for unnamed ones. */
  dims: Record<string, number>;
  /** For bool mask inputs of auto samples: the value that means "attend" (default: guessed from the name). */
  maskAttend?: Record<string, boolean>;
  /** Told the size auto inputs use for each symbolic dim, and why (for the log and error hints). */
  onDim?: (dim: AutoDim) => void;
}

/** A symbolic dim's size in auto inputs and where it came from. */
export interface AutoDim {
  name: string;
  value: number;
  /** `dims:`, `default`, or the table that capped it. */
  why: string;
  /** Inferred from the model for an axis with no size and no known name (dim-defaults.ts). */
  inferred?: boolean;
}

/** One sample: a tensor per model input, in graph-input order. */
export type Sample = NamedTensor[];

/** Names of batch-like and sequence-like dims (`seq`, `sequence_length`, `num_tokens`, `time`, …). */
export const BATCH_DIM = /batch|^n$|^b$/i;
export const SEQUENCE_DIM = /seq|sequence|length|^len$|token|time|^t$/i;
/** The sequence length auto inputs use when neither the config nor the model's tables say otherwise. */
export const DEFAULT_SEQUENCE = 128;

/** Dims without a size in the model or the config: common names get these (batch 1, sequence 128). */
const DEFAULT_DIMS: [RegExp, number][] = [
  [BATCH_DIM, 1],
  [SEQUENCE_DIM, DEFAULT_SEQUENCE],
];

/** The default size of a symbolic dim by its name, if it has one. */
export function defaultDim(name: string): number | undefined {
  return DEFAULT_DIMS.find(([re]) => re.test(name))?.[1];
}

export function modelInputs(model: ModelProto): ModelInput[] {
  const graph = model.graph;
  if (!graph) return [];
  const initialized = new Set(graph.initializer.map((t) => t.name));
  return graph.input
    .filter((v) => v.name && !initialized.has(v.name))
    .map((v) => {
      const tt = v.type?.tensorType;
      if (!tt) throw new UsageError(`input '${v.name}' is not a tensor; parity checks feed tensors only`);
      let type: string;
      try {
        type = ortTypeOf(tt.elemType);
      } catch (e) {
        if (e instanceof UnsupportedTensorTypeError) throw new UsageError(`input '${v.name}': ${e.message}`);
        throw e;
      }
      const dims = (tt.shape?.dim ?? []).map((d) => d.dimValue ?? (d.dimParam || undefined));
      return { name: v.name!, type, dims };
    });
}

/** Concrete dims of an input: model sizes, then config `dims`, then the defaults by name. */
export function resolveDims(input: ModelInput, dims: Record<string, number>): number[] {
  return input.dims.map((d, axis) => {
    if (typeof d === 'number') return d;
    const byAxis = dims[`${input.name}[${axis}]`];
    if (byAxis !== undefined) return byAxis;
    if (d === undefined) {
      throw new UsageError(`input '${input.name}' axis ${axis} has no size and no name; set parity.dims."${input.name}[${axis}]" in the config`);
    }
    const given = dims[d] ?? defaultDim(d);
    if (given === undefined) {
      throw new UsageError(`input '${input.name}' axis ${axis} is the symbolic dim '${d}' with no default; set parity.dims.${d} in the config`);
    }
    return given;
  });
}

/**
 * Numbers (or bigints/booleans) → the raw little-endian bytes of an ORT type. Float16 rounds to nearest
 * even, as numpy's astype does; ints truncate toward zero, and values outside the type's range wrap as
 * typed arrays (and numpy's astype) do: no clamping.
 */
export function encodeValues(type: string, values: ArrayLike<number | bigint | boolean>): Uint8Array {
  const n = values.length;
  const num = (i: number) => Number(values[i]);
  const big = (i: number) => {
    const v = values[i]!;
    return typeof v === 'bigint' ? v : BigInt(Math.trunc(Number(v)));
  };
  const fill = <T extends { [k: number]: number | bigint; buffer: ArrayBufferLike }>(arr: T, get: (i: number) => number | bigint): Uint8Array => {
    for (let i = 0; i < n; i++) arr[i] = get(i);
    return new Uint8Array(arr.buffer);
  };
  switch (type) {
    case 'float32': return fill(new Float32Array(n), num);
    case 'float64': return fill(new Float64Array(n), num);
    case 'float16': return fill(new Uint16Array(n), (i) => toFloat16Bits(num(i)));
    case 'int8': return fill(new Int8Array(n), num);
    case 'uint8': return fill(new Uint8Array(n), num);
    case 'bool': return fill(new Uint8Array(n), (i) => (num(i) ? 1 : 0));
    case 'int16': return fill(new Int16Array(n), num);
    case 'uint16': return fill(new Uint16Array(n), num);
    case 'int32': return fill(new Int32Array(n), num);
    case 'uint32': return fill(new Uint32Array(n), num);
    case 'int64': return fill(new BigInt64Array(n), big);
    case 'uint64': return fill(new BigUint64Array(n), big);
    default: throw new UsageError(`cannot make ${type} tensors from numbers`);
  }
}

