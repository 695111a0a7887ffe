/** `onnx-diet compare A B [--inputs PATH] [--json FILE]` (PRODUCT.md): parity and latency of two models. */
import { DEFAULT_LATENCY, DEFAULT_PARITY } from '../config/types.js';
import path from 'node:path';
import { UsageError } from '../onnx/errors.js';
import { compareModels } from '../pipeline/compare.js';
import { writeJsonAtomically } from '../onnx/files.js';
import { defineCommand } from './args.js';
import { dimsFlag, wholeFlag } from './flags.js';
import { createProgress } from './progress.js';
import { exitCode, reportText } from './run.js';

const help = `Runs models A (reference) and B on the same inputs in onnxruntime and compares every output
(max/mean abs diff, cosine, top-1 agreement, NaN/Inf), then times both interleaved.
Exits 1 when B is outside the default parity thresholds (cosine ≥ 0.99, top-1 ≥ 0.98).

  --inputs PATH        auto (default), or .npy / .npz / .json / a test_data_set folder
  --samples N          auto inputs to draw (default ${DEFAULT_PARITY.samples})
  --dims NAME=N,...    sizes of symbolic dims (default batch=1; sequence 128, or the length of
                       the model's position table when shorter)
  --labels FILE        expected class ids (.json or .npy), one per sample row: reports both
                       models' accuracy and the drop (needs --inputs, the rows they label)
  --labels-output NAME the output the labels go with (default: the first)
  --runs N             timed runs per model (default ${DEFAULT_LATENCY.runs}; 0 skips latency)
  --threads N          onnxruntime intra-op threads (default ${DEFAULT_LATENCY.threads})
  --json FILE          write the report JSON
  -h, --help           show this help`;

/** `--labels` (a path, resolved) and `--labels-output`; labels name rows of given inputs, not of random auto ones. */
function labelOptions(values: { inputs?: string; labels?: string; 'labels-output'?: string }): { labels?: string; labelsOutput?: string } {
  if (values.labels === undefined) {
    if (values['labels-output'] !== undefined) throw new UsageError('compare: --labels-output goes with --labels');
    return {};
  }
  if (values.inputs === undefined || values.inputs === 'auto') {
    throw new UsageError('compare: --labels needs --inputs: labels are the classes of given samples, not of random auto inputs');
  }
  return { labels: path.resolve(values.labels), ...(values['labels-output'] ? { labelsOutput: values['labels-output'] } : {}) };
}

export const compareCommand = defineCommand({
  name: 'compare',
  help,
  options: {
    inputs: { type: 'string' },
    samples: { type: 'string' },
    dims: { type: 'string' },
    labels: { type: 'string' },
    'labels-output': { type: 'string' },
    runs: { type: 'string' },
    threads: { type: 'string' },
    json: { type: 'string' },
  },
  args: ['model A', 'model B'],
  async run(values, [a, b]) {
    const runs = wholeFlag('compare', '--runs', values.runs, DEFAULT_LATENCY.runs, 0);
    const threads = wholeFlag('compare', '--threads', values.threads, DEFAULT_LATENCY.threads, 1);
    const report = await compareModels(a!, b!, {
      parity: {
        inputs: values.inputs ?? 'auto', samples: wholeFlag('compare', '--samples', values.samples, DEFAULT_PARITY.samples, 1),
        seed: DEFAULT_PARITY.seed, dims: dimsFlag('compare', values.dims), thresholds: { where: {} }, outputs: {},
        ...labelOptions(values),
      },
      latency: runs === 0 ? false : { runs, warmup: DEFAULT_LATENCY.warmup, threads },
      progress: createProgress(),
    });
    process.stdout.write(`${reportText(report)}\n`);
    if (values.json !== undefined) writeJsonAtomically(values.json, report);
    return exitCode(report);
  },
});
