/** `onnx-diet inspect MODEL [--json FILE]` (PRODUCT.md): where a model's bytes are. Analysis: report/inspect.ts. */
import { inspectModel } from '../report/inspect.js';
import { writeJsonAtomically } from '../onnx/files.js';
import { TOOL, TOOL_VERSION } from '../pipeline/report-json.js';
import { inspectTables } from '../report/table.js';
import { defineCommand } from './args.js';
import { createProgress } from './progress.js';

const help = `Shows what the model's bytes are: by dtype, by the ops that read the weights, the largest
tensors, duplicate weights (also transposed copies) that dedup would merge, and how much
int8 / int4 weight quantization would leave. Reads the model; never changes it.

  --json FILE    also write the analysis as JSON
  -h, --help     show this help`;

export const inspectCommand = defineCommand({
  name: 'inspect',
  help,
  options: { json: { type: 'string' } },
  args: ['the model to inspect (MODEL)'],
  async run(values, [file]) {
    const report = await createProgress().step(`inspect ${file}`, () => inspectModel(file!));
    process.stdout.write(`${inspectTables(report)}\n`);
    if (values.json !== undefined) writeJsonAtomically(values.json, { tool: TOOL, version: TOOL_VERSION, ...report });
    return 0;
  },
});
