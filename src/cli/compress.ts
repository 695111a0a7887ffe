/** `onnx-diet compress IN -o OUT [--stages LIST | --auto] [--json FILE] [--external-data]` (PRODUCT.md). */
import { startOrtHost } from '../check/ort-runner.js';
import { UsageError } from '../onnx/errors.js';
import { DEFAULT_MAX_SEARCH_TIME_S } from '../config/types.js';
import { autoCompress, type AutoReport } from '../pipeline/auto.js';
import { compressModel, DEFAULT_STAGES, type CompressOptions, type CompressResult } from '../pipeline/compress.js';
import { buildReport, modelReport, writeJsonFile } from '../report/json.js';
import { compressTable } from '../report/table.js';
import { parseStageList } from '../stages/registry.js';
import { defineCommand } from './args.js';
import { createProgress } from './progress.js';

const help = `Runs compression stages on the model IN and writes the result to OUT (never over IN;
OUT's folder is created if missing). Prints a size table per stage.

  -o, --output FILE    where to write the compressed model (required)
  --stages LIST        comma-separated stage names, in order (default: ${DEFAULT_STAGES.join(',')});
                       dedup, prune, quantize-int8, quantize-int4, fp16, optimize; or a YAML
                       flow sequence with options, as the config's stages: takes it:
                       '[dedup, {quantize-int8: {per-channel: true}}]'
  --auto               search for the smallest recipe that passes parity (int8, int4, fp16,
                       with layers kept in float when needed) on 4 auto inputs with the
                       default thresholds; the JSON report lists every candidate
  --objective WHAT     with --auto: size (default) or latency
  --max-search-time S  with --auto: seconds the search may take (default ${DEFAULT_MAX_SEARCH_TIME_S})
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
  },
  args: ['the input model (IN)'],
  async run(values, [input]) {
    if (!values.output) throw new UsageError("compress: missing -o OUT (where to write the compressed model)");
    const stages = values.stages === undefined ? DEFAULT_STAGES : parseStageList(values.stages);
    if (stages.length === 0) throw new UsageError('compress: --stages is empty; give stage names such as dedup,prune');
    const options: CompressOptions = {
      stages,
      externalData: values['external-data'] ? true : 'auto',
      digest: values.json !== undefined,
      progress: createProgress(),
    };

    if (!values.auto && (values.objective !== undefined || values['max-search-time'] !== undefined)) {
      throw new UsageError('compress: --objective and --max-search-time go with --auto');
    }
    const result: CompressResult & { auto?: AutoReport } = values.auto
      ? await compressAuto(input!, values.output, values, options)
      : await compressModel(input!, values.output, options);
    process.stdout.write(`${compressTable(result)}\n${result.auto ? `${result.auto.reason}\n` : ''}`);
    if (values.json !== undefined) writeJsonFile(values.json, buildReport([modelReport(result)]));
    return 0;
  },
});

/** `--auto`: the search of pipeline/auto.ts in an onnxruntime host of its own. */
async function compressAuto(
  input: string, output: string, values: { stages?: string; objective?: string; 'max-search-time'?: string }, options: CompressOptions,
) {
  if (values.stages !== undefined) throw new UsageError('compress: give --stages or --auto, not both (--auto picks the stages)');
  const objective = values.objective ?? 'size';
  if (objective !== 'size' && objective !== 'latency') throw new UsageError(`compress: --objective must be size or latency, not '${objective}'`);
  const seconds = values['max-search-time'] === undefined ? DEFAULT_MAX_SEARCH_TIME_S : Number(values['max-search-time']);
  if (!(seconds > 0)) throw new UsageError(`compress: --max-search-time must be a number of seconds > 0, not '${values['max-search-time']}'`);
  const host = startOrtHost();
  try {
    return await autoCompress(input, output, {
      host, objective, maxSearchTimeS: seconds, progress: options.progress, externalData: options.externalData,
    });
  } finally {
    await host.close();
  }
}
