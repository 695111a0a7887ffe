/**
 * Foundation bench (issue 2): a generated ~365 MB float32 model with 7-fold duplication goes through
 * `onnx-diet compress --stages dedup,prune`, against a plain read + write of the same file.
 * Targets: compress within 3× the plain copy's time, peak RSS within 2× the file size.
 * Runs are interleaved (copy, compress, copy, compress, …) and each is a child process.
 */
import { runMeasuredChild } from './child-process.js';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { DataType } from '../src/onnx/dtype.js';
import { saveModel } from '../src/onnx/model-io.js';
import { makeTensor } from '../src/onnx/tensor.js';
import type { GraphProto, ModelProto, NodeProto, TensorProto } from '../src/onnx/types.js';
import { formatBytes, formatTable } from '../src/report/table.js';

const UNIQUE = 12;
const COPIES = 7;
const CONSTANT_COPIES = 3;
const SIDE = 1024; // 1024×1024 float32 = 4 MiB per weight
const ROUNDS = 3;

const here = path.dirname(fileURLToPath(import.meta.url));
const child = path.join(here, 'foundation-child.ts');

/** Seeded uniform floats in [-0.05, 0.05) (xorshift32), different per weight. */
function weightBytes(seed: number): Uint8Array {
  const out = new Float32Array(SIDE * SIDE);
  let s = (seed * 2654435761) >>> 0 || 1;
  for (let i = 0; i < out.length; i++) {
    s ^= s << 13; s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5; s >>>= 0;
    out[i] = (s / 4294967296 - 0.5) * 0.1;
  }
  return new Uint8Array(out.buffer);
}

function emptyNode(opType: string, input: string[], output: string[]): NodeProto {
  return { opType, input, output, name: output[0], attribute: [], metadataProps: [], deviceConfigurations: [] };
}

/** x → MatMul → MatMul → … → y, one MatMul per stored copy; every copy of a weight has its own name. */
export function duplicatedModel(): ModelProto {
  const initializer: TensorProto[] = [];
  const node: NodeProto[] = [];
  let prev = 'x';
  const matmul = (weight: string) => {
    const out = `h${node.length}`;
    node.push(emptyNode('MatMul', [prev, weight], [out]));
    prev = out;
  };
  for (let u = 0; u < UNIQUE; u++) {
    const raw = weightBytes(u + 1); // the copies share one buffer: generating costs 4 MiB per weight
    for (let c = 0; c < COPIES; c++) {
      const name = `layer${c}.w${u}`;
      initializer.push(makeTensor(name, DataType.FLOAT, [SIDE, SIDE], raw));
      matmul(name);
    }
    if (u < CONSTANT_COPIES) {
      const name = `const.w${u}`;
      node.push({
        ...emptyNode('Constant', [], [name]),
        attribute: [{ name: 'value', type: 4, t: makeTensor(name, DataType.FLOAT, [SIDE, SIDE], raw), floats: [], ints: [], strings: [], tensors: [], graphs: [], sparseTensors: [], typeProtos: [] }],
      });
      matmul(name);
    }
  }
  node[node.length - 1]!.output[0] = 'y';
  const io = (name: string) => ({
    name, metadataProps: [],
    type: { tensorType: { elemType: DataType.FLOAT, shape: { dim: [{ dimValue: 1 }, { dimValue: SIDE }] } } },
  });
  const graph: GraphProto = {
    name: 'bench', node, initializer, input: [io('x')], output: [io('y')], valueInfo: [],
    quantizationAnnotation: [], sparseInitializer: [], metadataProps: [],
  };
  return {
    irVersion: 8, producerName: 'onnx-diet-bench', graph, opsetImport: [{ domain: '', version: 17 }],
    metadataProps: [], trainingInfo: [], functions: [], configuration: [],
  };
}

interface Run { ms: number; wallMs: number; maxRssBytes: number }

function measure(args: string[]): Run {
  return runMeasuredChild<Omit<Run, 'wallMs'>>(child, args, `bench child ${args[0]}`);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function run(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'onnx-diet-bench-'));
  try {
    const input = path.join(dir, 'dup7.onnx');
    const t0 = performance.now();
    saveModel(duplicatedModel(), input);
    const fileBytes = statSync(input).size;
    console.log(`generated ${input}: ${formatBytes(fileBytes)} (${UNIQUE} unique ${SIDE}×${SIDE} float32 weights × ${COPIES} copies + ${CONSTANT_COPIES} Constant copies) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const idle = measure(['idle']);
    const copies: Run[] = [];
    const compresses: Run[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      copies.push(measure(['copy', input, path.join(dir, 'copy.onnx')]));
      compresses.push(measure(['compress', input, path.join(dir, 'out', 'dup7.slim.onnx')]));
    }
    const outBytes = statSync(path.join(dir, 'out', 'dup7.slim.onnx')).size;

    const a = { ms: median(copies.map((r) => r.ms)), wall: median(copies.map((r) => r.wallMs)), rss: Math.max(...copies.map((r) => r.maxRssBytes)) };
    const b = { ms: median(compresses.map((r) => r.ms)), wall: median(compresses.map((r) => r.wallMs)), rss: Math.max(...compresses.map((r) => r.maxRssBytes)) };
    const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    console.log(formatTable(
      ['run (median of 3, interleaved)', 'work', 'process wall', 'peak RSS'],
      [
        ['(a) readFileSync + writeFileSync', s(a.ms), s(a.wall), formatBytes(a.rss)],
        ['(b) compress --stages dedup,prune', s(b.ms), s(b.wall), formatBytes(b.rss)],
        ['(startup) idle node + tsx process', '', s(idle.wallMs), formatBytes(idle.maxRssBytes)],
      ],
    ));
    const timeRatio = b.ms / a.ms;
    const rssRatio = b.rss / fileBytes;
    console.log();
    console.log(formatTable(['figure', 'value', 'target', 'ok'], [
      ['input file', formatBytes(fileBytes), '', ''],
      ['output file', `${formatBytes(outBytes)} (${(fileBytes / outBytes).toFixed(2)}× smaller)`, '', ''],
      ['time b / a (work)', `${timeRatio.toFixed(2)}×`, '≤ 3×', timeRatio <= 3 ? 'yes' : 'NO'],
      ['time b / a (process wall)', `${(b.wall / a.wall).toFixed(2)}×`, '', ''],
      ['peak RSS b / file size', `${rssRatio.toFixed(2)}×`, '≤ 2×', rssRatio <= 2 ? 'yes' : 'NO'],
    ]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
