/** `onnx-diet compress IN -o OUT [--stages LIST] [--json FILE] [--external-data]` (PRODUCT.md). */
import { UsageError } from '../onnx/errors.js';
import { compressModel, DEFAULT_STAGES } from '../pipeline/compress.js';
import { buildReport, modelReport, writeJsonFile } from '../report/json.js';
import { compressTable } from '../report/table.js';
import { parseStageList } from '../stages/registry.js';
import { HELP_OPTION, parseCommandArgs, positionals, type Command } from './args.js';
import { createProgress } from './progress.js';

const usage = `usage: onnx-diet compress IN -o OUT [--stages LIST] [--json FILE] [--external-data]

Runs compression stages on the model IN and writes the result to OUT (never over IN;
OUT's folder is created if missing). Prints a size table per stage.

  -o, --output FILE    where to write the compressed model (required)
  --stages LIST        comma-separated stage names, in order (default: ${DEFAULT_STAGES.join(',')});
                       dedup, prune, quantize-int8, quantize-int4, fp16, optimize
  --json FILE          write the report JSON (sizes, sha256, per-stage details)
  --external-data      write weights to OUT.data beside OUT (automatic past 2 GB)
  -h, --help           show this help`;

export const compressCommand: Command = {
  synopsis: 'compress IN -o OUT [--stages LIST] [--json FILE] [--external-data]',
  summary: 'run compression stages, save the result, print the sizes',
  usage,
  async run(argv) {
    const { values, positionals: given } = parseCommandArgs('compress', argv, {
      ...HELP_OPTION,
      output: { type: 'string', short: 'o' },
      stages: { type: 'string' },
      json: { type: 'string' },
      'external-data': { type: 'boolean' },
    });
    if (values.help) {
      process.stdout.write(`${usage}\n`);
      return 0;
    }
    const [input] = positionals('compress', given, ['the input model (IN)']);
    if (!values.output) throw new UsageError("compress: missing -o OUT (where to write the compressed model)");
    const stages = values.stages === undefined ? DEFAULT_STAGES : parseStageList(values.stages);
    if (stages.length === 0) throw new UsageError('compress: --stages is empty; give stage names such as dedup,prune');

    const result = await compressModel(input!, values.output, {
      stages,
      externalData: values['external-data'] ? true : 'auto',
      digest: values.json !== undefined,
      progress: createProgress(),
    });
    process.stdout.write(`${compressTable(result)}\n`);
    if (values.json !== undefined) writeJsonFile(values.json, buildReport([modelReport(result)]));
    return 0;
  },
};
