/** `onnx-diet inspect MODEL [--json FILE]` (PRODUCT.md): where a model's bytes are. Analysis: report/inspect.ts. */
import { inspectModel } from '../report/inspect.js';
import { TOOL, TOOL_VERSION, writeJsonFile } from '../report/json.js';
import { inspectTables } from '../report/table.js';
import { HELP_OPTION, parseCommandArgs, positionals, type Command } from './args.js';
import { createProgress } from './progress.js';

const usage = `usage: onnx-diet inspect MODEL [--json FILE]

Shows what the model's bytes are: by dtype, by the ops that read the weights, the largest
tensors, duplicate weights (also transposed copies) that dedup would merge, and how much
int8 / int4 weight quantization would leave. Reads the model; never changes it.

  --json FILE    also write the analysis as JSON
  -h, --help     show this help`;

export const inspectCommand: Command = {
  synopsis: 'inspect MODEL [--json FILE]',
  summary: 'where the bytes are and what dedup / quantization would save',
  usage,
  async run(argv) {
    const { values, positionals: given } = parseCommandArgs('inspect', argv, {
      ...HELP_OPTION,
      json: { type: 'string' },
    });
    if (values.help) {
      process.stdout.write(`${usage}\n`);
      return 0;
    }
    const [file] = positionals('inspect', given, ['the model to inspect (MODEL)']);
    const report = await createProgress().step(`inspect ${file}`, () => inspectModel(file!));
    process.stdout.write(`${inspectTables(report)}\n`);
    if (values.json !== undefined) writeJsonFile(values.json, { tool: TOOL, version: TOOL_VERSION, ...report });
    return 0;
  },
};
