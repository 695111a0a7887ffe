/**
 * The JSON Schema of onnx-diet.yml. schema/onnx-diet.schema.json is this object written out (a test keeps
 * them equal) so editors can validate through `# yaml-language-server: $schema=`; the CLI validates
 * with validate.ts, which implements the subset of JSON Schema 2020-12 used here. `x-expected` is our
 * annotation: the phrase an error message uses for "what was expected" at that spot.
 */
import { RATIO_PATTERN, SIZE_PATTERN } from './sizes.js';

/** Stage names are a contract (PRODUCT.md); the registry may add its factories later than the schema. */
export const STAGE_NAMES = ['dedup', 'prune', 'quantize-int8', 'quantize-int4', 'fp16', 'optimize', 'upgrade-opset', 'fuse', 'fold-batchnorm'] as const;

const stageOptions = {
  type: ['object', 'null'],
  description: 'Options passed to the stage as written (see the stage documentation).',
};

const thresholdSet = {
  type: 'object',
  additionalProperties: false,
  properties: {
    'max-abs': { type: 'number', minimum: 0, description: 'Largest allowed |original − compressed| over all elements.' },
    'mean-abs': { type: 'number', minimum: 0, description: 'Largest allowed mean |original − compressed|.' },
    cosine: { type: 'number', minimum: -1, maximum: 1, description: 'Smallest allowed cosine similarity (default 0.99).' },
    top1: { type: 'number', minimum: 0, maximum: 1, description: 'Smallest allowed top-1 agreement for class-like outputs (default 0.98).' },
    'allow-non-finite': { type: 'boolean', description: 'Accept NaN/Inf in the compressed output where the original had finite values (default false).' },
  },
};

export const CONFIG_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://github.com/onnx-diet/onnx-diet/schema/onnx-diet.schema.json',
  title: 'onnx-diet configuration',
  description: 'Models to shrink, how to check them, and the budgets a pull request must meet.',
  type: 'object',
  additionalProperties: false,
  required: ['models'],
  properties: {
    defaults: {
      description: 'Settings every model starts from; a model\'s own section keys override these.',
      type: 'object',
      additionalProperties: false,
      properties: {
        stages: { $ref: '#/$defs/stages' },
        parity: { $ref: '#/$defs/parity' },
        latency: { $ref: '#/$defs/latency' },
        budgets: { $ref: '#/$defs/budgets' },
      },
    },
    models: {
      type: 'array',
      minItems: 1,
      items: { $ref: '#/$defs/model' },
      'x-expected': 'a list of models (`- name: …`)',
    },
  },
  $defs: {
    model: {
      type: 'object',
      additionalProperties: false,
      required: ['name', 'source'],
      properties: {
        name: {
          type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$',
          'x-expected': 'a name of letters, digits, `.`, `_` or `-`',
        },
        source: { $ref: '#/$defs/source' },
        output: { type: 'string', minLength: 1, description: 'Where the slim model is written (default out/NAME.slim.onnx), relative to the config file.' },
        stages: { $ref: '#/$defs/stages' },
        parity: { $ref: '#/$defs/parity' },
        calibration: { $ref: '#/$defs/calibration' },
        latency: { $ref: '#/$defs/latency' },
        budgets: { $ref: '#/$defs/budgets' },
        strategy: { enum: ['stages', 'auto'], description: '`auto` searches recipes (dedup+prune; int8 per-tensor/per-channel, with and without reduce-range; int4 at block 128/64/32 with int4 or int8 embeddings; for models with convolutions int8 with Conv weight-only, per-tensor and per-channel; fp16) instead of running `stages`, keeping the most sensitive layers in float when a recipe fails, for the smallest model that passes parity. A model with `strategy: auto` may not set its own `stages`.' },
        objective: { enum: ['size', 'latency'], description: 'What `strategy: auto` minimizes: `size` (default) or `latency` (p50 of each passing candidate, timed with the `latency` settings).' },
        'max-search-time': { type: 'number', exclusiveMinimum: 0, description: 'Seconds `strategy: auto` may search (default 600); when they run out, the best passing candidate so far is used.' },
      },
    },
    source: {
      'x-expected': 'a path, an https:// URL, or { url, sha256 } / { artifact, path } / { dvc }',
      oneOf: [
        { type: 'string', minLength: 1, pattern: '^(?![a-zA-Z][a-zA-Z0-9+.-]*://)|^https://' },
        {
          type: 'object', additionalProperties: false, required: ['url'],
          properties: {
            url: { type: 'string', pattern: '^https://', 'x-expected': 'an https:// URL' },
            sha256: { type: 'string', pattern: '^[0-9a-fA-F]{64}$', 'x-expected': 'a sha256 of 64 hex digits' },
          },
        },
        {
          type: 'object', additionalProperties: false, required: ['artifact'],
          properties: {
            artifact: { type: 'string', minLength: 1, description: 'Name of a workflow artifact (the Action downloads it).' },
            path: { type: 'string', minLength: 1, description: 'The model file inside the artifact.' },
          },
        },
        {
          type: 'object', additionalProperties: false, required: ['dvc'],
          properties: {
            dvc: { type: 'string', minLength: 1, description: 'A DVC-tracked model (relative to the config): `dvc pull` fetches it from the repository\'s DVC remote first.' },
            push: { type: 'boolean', description: '`dvc push` the slim model after the run (it must be a DVC output, e.g. of a dvc.yaml stage or `dvc add`).' },
          },
        },
      ],
    },
    stages: {
      type: 'array',
      items: { $ref: '#/$defs/stage' },
      'x-expected': 'a list of stages, e.g. [dedup, prune, { quantize-int8: { per-channel: true } }]',
    },
    stage: {
      oneOf: [
        { type: 'string', enum: [...STAGE_NAMES] },
        {
          type: 'object', minProperties: 1, maxProperties: 1, additionalProperties: false,
          properties: Object.fromEntries(STAGE_NAMES.map((n) => [n, stageOptions])),
        },
      ],
      'x-expected': 'a stage name or { stage-name: { options } }',
    },
    parity: {
      oneOf: [
        { const: false },
        {
          type: 'object',
          additionalProperties: false,
          properties: {
            inputs: { type: 'string', minLength: 1, description: '`auto` (default) or a file/folder: .npy, .npz, .json, test_data_set_N/input_K.pb.' },
            samples: { type: 'integer', minimum: 1, maximum: 10000, description: 'How many auto inputs to draw (default 4).' },
            seed: { type: 'integer', minimum: 0, description: 'Seed of auto inputs (default 0).' },
            dims: {
              type: 'object',
              description: 'Values for symbolic dimensions by name (`batch: 1`), or `input[axis]` for unnamed ones.',
              additionalProperties: { type: 'integer', minimum: 1, 'x-expected': 'a whole number ≥ 1' },
            },
            labels: { type: 'string', minLength: 1, description: 'File of expected class ids (.json or .npy), one per sample row.' },
            'labels-output': { type: 'string', minLength: 1, description: 'Output the labels are compared with (default: the first output).' },
            thresholds: {
              ...thresholdSet,
              properties: {
                ...thresholdSet.properties,
                outputs: { type: 'object', additionalProperties: { $ref: '#/$defs/thresholds' }, description: 'Per-output thresholds by output name.' },
              },
            },
          },
        },
      ],
      'x-expected': 'false or a parity section { inputs, samples, dims, thresholds }',
    },
    calibration: {
      type: 'object',
      additionalProperties: false,
      description: 'Samples for static quantization (quantize-int8 activations: static); never the parity samples.',
      properties: {
        inputs: { type: 'string', minLength: 1, description: '`auto` (default: synthetic samples, and the report says so) or a file/folder in the parity input formats.' },
        samples: { type: 'integer', minimum: 1, maximum: 100000, description: 'At most this many samples (default: every file given; 8 auto samples).' },
        method: { enum: ['minmax', 'percentile', 'entropy'], description: 'How ranges are computed from the samples (default minmax).' },
      },
      'x-expected': 'a calibration section { inputs, samples, method }',
    },
    thresholds: thresholdSet,
    latency: {
      oneOf: [
        { const: false },
        {
          type: 'object',
          additionalProperties: false,
          properties: {
            runs: { type: 'integer', minimum: 1, maximum: 100000, description: 'Timed runs per model (default 20).' },
            warmup: { type: 'integer', minimum: 0, maximum: 10000, description: 'Untimed runs per model first (default 3).' },
            threads: { type: 'integer', minimum: 1, maximum: 1024, description: 'onnxruntime intra-op threads (default 1).' },
          },
        },
      ],
      'x-expected': 'false or a latency section { runs, warmup, threads }',
    },
    budgets: {
      type: 'object',
      additionalProperties: false,
      properties: {
        'max-size': {
          type: ['integer', 'string'], minimum: 0, pattern: SIZE_PATTERN,
          'x-expected': 'a size like 15MB, 14.3MiB or a number of bytes',
        },
        'min-reduction': {
          type: ['number', 'string'], minimum: 1, pattern: RATIO_PATTERN,
          'x-expected': 'a reduction like 4x or 75%',
        },
        'max-latency-ms': { type: 'number', exclusiveMinimum: 0, 'x-expected': 'milliseconds, a number > 0' },
        'min-speedup': {
          type: ['number', 'string'], exclusiveMinimum: 0, pattern: '^\\s*\\d+(\\.\\d+)?\\s*[xX×]?\\s*$',
          'x-expected': 'a speed factor like 1.0 or 1.2x',
        },
        'max-accuracy-drop': {
          type: ['number', 'string'], minimum: 0, pattern: '^\\s*\\d+(\\.\\d+)?\\s*%\\s*$',
          'x-expected': 'an accuracy drop like 0.01 or 1%',
        },
        'max-growth': {
          type: ['integer', 'string'], minimum: 0, pattern: `${SIZE_PATTERN}|^\\s*\\d+(\\.\\d+)?\\s*%\\s*$`,
          description: 'How much the slim model may grow against the base branch\'s last report (Action `baseline: true`): a percentage (1%) or a size (100kB). No baseline: a note, never a failure.',
          'x-expected': 'a growth like 1% or 100kB',
        },
        'max-latency-regression': {
          type: ['number', 'string'], minimum: 0, pattern: '^\\s*\\d+(\\.\\d+)?\\s*(%|ms)?\\s*$',
          description: 'How much the slim model\'s p50 latency may rise against the base branch\'s last report: a percentage (10%) or milliseconds (5 or 5ms).',
          'x-expected': 'a latency regression like 10% or 5ms',
        },
      },
    },
  },
} as const;
