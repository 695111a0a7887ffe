/**
 * Sample inputs from files:
 * - `x.npy` — one tensor, for the input named like the file (or the model's only input);
 * - `s.npz` — one sample: an entry per input, named like it (numpy.savez(f, input_ids=…, …));
 * - `s.json` — `{ "input": nested array, … }` is one sample, a list of such objects is several;
 * - a folder with `test_data_set_N/input_K.pb` (the ONNX test-data layout) — one sample per set, or one
 *   such set folder itself;
 * - any other folder — its .npz and .json files (one or more samples each), or else its .npy files
 *   (together one sample).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../onnx/errors.js';
import type { ModelProto } from '../onnx/types.js';
import { encodeValues, type ModelInput, type Sample } from '../runtime/input-meta.js';
import { tensorValues, type NamedTensor } from '../runtime/named-tensor.js';
import { parseNpy } from './npy.js';
import { parseNpz } from './npz.js';
import { readTestDataSet, testDataSetDirs } from './test-data.js';

/** Files larger than this are refused: sample inputs are small, and we read them whole. */
const MAX_SAMPLE_FILE_BYTES = 1 << 30;

function readBounded(file: string): Buffer {
  const size = statSync(file).size;
  if (size > MAX_SAMPLE_FILE_BYTES) throw new UsageError(`${file}: ${size} bytes is too large for a sample input file (limit 1 GiB)`);
  return readFileSync(file);
}

/** Nested JSON array → dims (checked rectangular) and flat values. */
function flattenJson(v: unknown, where: string): { dims: number[]; flat: unknown[] } {
  const dims: number[] = [];
  for (let x = v; Array.isArray(x); x = x[0]) dims.push(x.length);
  const flat: unknown[] = [];
  const walk = (x: unknown, depth: number) => {
    if (depth === dims.length) {
      if (Array.isArray(x)) throw new UsageError(`${where}: nested lists are not rectangular`);
      flat.push(x);
      return;
    }
    if (!Array.isArray(x) || x.length !== dims[depth]) throw new UsageError(`${where}: nested lists are not rectangular`);
    for (const y of x) walk(y, depth + 1);
  };
  walk(v, 0);
  return { dims, flat };
}

function jsonTensor(value: unknown, input: ModelInput, where: string): NamedTensor {
  const { dims, flat } = flattenJson(value, where);
  if (input.type === 'string') {
    if (!flat.every((x) => typeof x === 'string')) throw new UsageError(`${where}: input '${input.name}' takes strings`);
    return { name: input.name, type: input.type, dims, data: flat as string[] };
  }
  const bad = flat.findIndex((x) => typeof x !== 'number' && typeof x !== 'boolean');
  if (bad >= 0) throw new UsageError(`${where}: element ${bad} of '${input.name}' is ${JSON.stringify(flat[bad])}, not a number`);
  return { name: input.name, type: input.type, dims, data: encodeValues(input.type, flat as (number | boolean)[]) };
}

function jsonSamples(file: string, inputs: ModelInput[]): Sample[] {
  let doc: unknown;
  try {
    doc = JSON.parse(readBounded(file).toString('utf8'));
  } catch (e) {
    throw new UsageError(`${file}: not valid JSON (${(e as Error).message})`);
  }
  const list = Array.isArray(doc) ? doc : [doc];
  return list.map((entry, k) => {
    const where = Array.isArray(doc) ? `${file}[${k}]` : file;
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) {
      throw new UsageError(`${where}: expected an object of input name → nested list`);
    }
    return Object.entries(entry as Record<string, unknown>).map(([name, value]) => {
      const input = inputs.find((i) => i.name === name);
      if (!input) throw new UsageError(`${where}: '${name}' is not an input of the model (inputs: ${inputs.map((i) => i.name).join(', ')})`);
      return jsonTensor(value, input, `${where}: ${name}`);
    });
  });
}

/**
 * numpy saves float64/int64 by default; a model wants float32 or int32 more often than not. Convert
 * numeric arrays to the input's type (the cast numpy's astype would do) rather than refuse them.
 */
function toInputType(t: NamedTensor, inputs: ModelInput[]): NamedTensor {
  const input = inputs.find((i) => i.name === t.name);
  if (!input || input.type === t.type || Array.isArray(t.data) || input.type === 'string') return t;
  const values = tensorValues(t) as ArrayLike<number> | ArrayLike<bigint>;
  return { ...t, type: input.type, data: encodeValues(input.type, values) };
}

function npyTensor(file: string, inputs: ModelInput[]): NamedTensor {
  const stem = path.basename(file, '.npy');
  const name = inputs.length === 1 && !inputs.some((i) => i.name === stem) ? inputs[0]!.name : stem;
  return toInputType(parseNpy(readBounded(file), name, file), inputs);
}

function testSetSample(dir: string, model: ModelProto): Sample {
  const set = readTestDataSet(dir, model.graph!);
  return set.inputs.map((v) => {
    if ('unsupported' in v) throw new UsageError(`${v.file}: ${v.unsupported} cannot be fed to onnxruntime-node`);
    return v.tensor;
  });
}

function folderSamples(dir: string, model: ModelProto, inputs: ModelInput[]): Sample[] {
  const sets = testDataSetDirs(dir);
  if (sets.length) return sets.map((d) => testSetSample(d, model));
  const files = readdirSync(dir).sort();
  if (files.some((f) => /^input_\d+\.pb$/.test(f))) return [testSetSample(dir, model)];
  const many = files.filter((f) => f.endsWith('.npz') || f.endsWith('.json'));
  if (many.length) return many.flatMap((f) => fileSamples(path.join(dir, f), model, inputs));
  const npys = files.filter((f) => f.endsWith('.npy'));
  if (npys.length) return [npys.map((f) => npyTensor(path.join(dir, f), inputs))];
  throw new UsageError(`${dir}: no sample inputs here (expected test_data_set_N/, input_K.pb, .npz, .json or .npy files)`);
}

export function fileSamples(spec: string, model: ModelProto, inputs: ModelInput[]): Sample[] {
  if (!existsSync(spec)) throw new UsageError(`${spec}: no such file or folder for parity inputs`);
  if (statSync(spec).isDirectory()) return folderSamples(spec, model, inputs);
  const ext = path.extname(spec).toLowerCase();
  if (ext === '.npy') return [[npyTensor(spec, inputs)]];
  if (ext === '.npz') return [parseNpz(readBounded(spec), spec).map((t) => toInputType(t, inputs))];
  if (ext === '.json') return jsonSamples(spec, inputs);
  throw new UsageError(`${spec}: unknown input file type '${ext}' (use .npy, .npz, .json or a test_data_set folder)`);
}

/** Expected class ids, one per output row: a JSON list of whole numbers or an integer .npy. */
export function readLabels(file: string): number[] {
  if (!existsSync(file)) throw new UsageError(`${file}: no such labels file`);
  let values: unknown[];
  if (file.toLowerCase().endsWith('.npy')) {
    values = Array.from(tensorValues(parseNpy(readBounded(file), 'labels', file)) as ArrayLike<number | bigint>, Number);
  } else {
    let doc: unknown;
    try {
      doc = JSON.parse(readBounded(file).toString('utf8'));
    } catch (e) {
      throw new UsageError(`${file}: not valid JSON (${(e as Error).message})`);
    }
    values = Array.isArray(doc) ? doc.flat(Infinity) : [];
  }
  if (!values.length || !values.every((v) => Number.isInteger(v))) {
    throw new UsageError(`${file}: labels must be a non-empty list of whole numbers (class ids)`);
  }
  return values as number[];
}
