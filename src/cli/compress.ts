/** `onnx-diet compress IN -o OUT [--stages LIST | --auto] [--json FILE] [--external-data]` (PRODUCT.md). */
import { startOrtHost } from '../runtime/ort-runner.js';
import { UsageError } from '../onnx/errors.js';
import { DEFAULT_MAX_SEARCH_TIME_S } from '../config/types.js';
import { autoCompress, type AutoReport } from '../pipeline/auto.js';
import { DEFAULT_CALIBRATION } from '../pipeline/calibration.js';
import { compressModel, type CompressOptions, type CompressResult } from '../pipeline/compress.js';
import { DEFAULT_STAGES } from '../stages/registry.js';
import { currentEnvironment, environmentLines } from '../check/environment.js';
import { writeJsonAtomically } from '../onnx/files.js';
import { buildReport, modelReport } from '../pipeline/report-json.js';
import { compressTable } from '../report/table.js';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_PARITY, type ParityConfig } from '../config/types.js';
import { defineCommand } from './args.js';
import { dimsFlag, wholeFlag } from './flags.js';
import { parseStagesFlag } from './stage-list.js';
import { createProgress } from './progress.js';

const help = `Runs compression stages on the model IN and writes the result to OUT (never over IN;
OUT's folder is created if missing). Prints a size table per stage.

  -o, --output FILE    where to write the compressed model (required)
  --stages LIST        comma-separated stage names, in order (default: ${DEFAULT_STAGES.join(',')});
                       dedup, prune, quantize-int8, quantize-int4, fp16, optimize, fuse,
                       fold-batchnorm, upgrade-opset; or with options, as the config's
                       stages: takes them (a YAML flow sequence):
                       --stages '[dedup, prune, {quantize-int8: {reduce-range: true}}]'
  --auto               search for the smallest recipe that passes parity (int8, int4, fp16,
                       with layers kept in float when needed) on auto inputs with the
                       default thresholds; the JSON report lists every candidate
  --objective WHAT     with --auto: size (default) or latency
  --max-search-time S  with --auto: seconds the search may take (default ${DEFAULT_MAX_SEARCH_TIME_S})
  --inputs PATH        with --auto: parity inputs, auto (default) or .npy / .npz / .json /
                       a test_data_set folder
  --samples N          with --auto: auto inputs to verify on (default: enough rows to judge
                       top-1 at 0.98, 50)
  --dims NAME=N,...    with --auto: sizes of symbolic dims (default batch=1; sequence 128, or
                       the length of the model's position table when shorter)
  --calibration PATH   calibration inputs for static int8 (quantize-int8 activations: static, and
                       auto's static recipes); never the parity inputs. Default: auto samples
  --json FILE          write the report JSON (sizes, sha256, per-stage details)
  --external-data      write weights to OUT.data beside OUT (automatic past 2 GB)
  -h, --help           show this help`;

export const compressCommand = defineCommand({
  name: 'compress',
  help,
  options: {
    output: { type: 'string', short: 'o' },
    stages: { type: 'string' },
    json: { type: 'string' },
    'external-data': { type: 'boolean' },
    auto: { type: 'boolean' },
    objective: { type: 'string' },
    'max-search-time': { type: 'string' },
    inputs: { type: 'string' },
    samples: { type: 'string' },
    dims: { type: 'string' },
    calibration: { type: 'string' },
  },
  args: ['the input model (IN)'],
  async run(values, [input]) {
    if (!values.output) throw new UsageError("compress: missing -o OUT (where to write the compressed model)");
    const stages = values.stages === undefined ? DEFAULT_STAGES : parseStagesFlag(values.stages);
    const options: CompressOptions = {
      stages,
      externalData: values['external-data'] ? true : 'auto',
      digest: values.json !== undefined,
      progress: createProgress(),
    };
    const calibration = existingPath('--calibration', values.calibration);
    if (calibration !== undefined) options.calibration = { ...DEFAULT_CALIBRATION, inputs: calibration };

    const autoOnly = AUTO_FLAGS.filter((f) => values[f] !== undefined).map((f) => `--${f}`);
    if (!values.auto && autoOnly.length) throw new UsageError(`compress: ${autoOnly.join(', ')} go${autoOnly.length === 1 ? 'es' : ''} with --auto`);
    const result: CompressResult & { auto?: AutoReport } = values.auto
      ? await compressAuto(input!, values.output, values, options)
      : await compressModel(input!, values.output, options);
    process.stdout.write(`${compressTable(result)}\n${result.auto ? `${result.auto.reason}\n` : ''}`);
    if (result.auto) process.stdout.write(`${environmentLines(currentEnvironment(1)).join('\n')}\n`);
    if (values.json !== undefined) {
      const report = buildReport([modelReport(result)]);
      // The auto search's candidates carry parity figures: say where they were measured.
      if (result.auto) report.environment = currentEnvironment(1);
      writeJsonAtomically(values.json, report);
    }
    return 0;
  },
});

/** Flags that only mean something to the auto search. */
const AUTO_FLAGS = ['objective', 'max-search-time', 'inputs', 'samples', 'dims'] as const;

type AutoFlags = { stages?: string; calibration?: string } & { [K in (typeof AUTO_FLAGS)[number]]?: string };

/** A path flag that must name an existing file or folder. */
function existingPath(flag: string, v: string | undefined): string | undefined {
  if (v === undefined || v === 'auto') return v;
  if (!existsSync(v)) throw new UsageError(`compress: ${flag} ${v}: no such file or folder`);
  return path.resolve(v);
}

/** The parity section --auto verifies candidates with: the config's defaults, with --inputs/--samples/--dims. */
function autoParity(values: AutoFlags): ParityConfig {
  return {
    inputs: existingPath('--inputs', values.inputs) ?? DEFAULT_PARITY.inputs,
    samples: wholeFlag('compress', '--samples', values.samples, DEFAULT_PARITY.samples, 1),
    seed: DEFAULT_PARITY.seed, dims: dimsFlag('compress', values.dims), thresholds: { where: {} }, outputs: {},
  };
}

/** `--auto`: the search of pipeline/auto.ts in an onnxruntime host of its own. */
async function compressAuto(input: string, output: string, values: AutoFlags, options: CompressOptions) {
  if (values.stages !== undefined) throw new UsageError('compress: give --stages or --auto, not both (--auto picks the stages)');
  const objective = values.objective ?? 'size';
  if (objective !== 'size' && objective !== 'latency') throw new UsageError(`compress: --objective must be size or latency, not '${objective}'`);
  const seconds = values['max-search-time'] === undefined ? DEFAULT_MAX_SEARCH_TIME_S : Number(values['max-search-time']);
  if (!(seconds > 0)) throw new UsageError(`compress: --max-search-time must be a number of seconds > 0, not '${values['max-search-time']}'`);
  const parity = autoParity(values);
  const calibration = options.calibration?.inputs;
  if (calibration !== undefined && calibration === parity.inputs) {
    throw new UsageError('compress: --calibration and --inputs name the same data; calibrating on the parity samples would make the check prove nothing');
  }
  const host = startOrtHost();
  try {
    return await autoCompress(input, output, {
      host, objective, maxSearchTimeS: seconds, progress: options.progress, externalData: options.externalData, parity,
      ...(values.samples !== undefined ? { exactSamples: parity.samples } : {}),
      ...(options.calibration ? { calibration: options.calibration } : {}),
    });
  } finally {
    await host.close();
  }
}
