/**
 * fp16 option `overflow-check`: values a float32 op computes that float16 cannot hold. A constant in range
 * can still make an op's output overflow (PP-OCRv4's detector feeds a BatchNormalization whose variance
 * reaches 9.79e7, so the activations before it are ~1e4 wide). The float32 model is run in onnxruntime on
 * its auto inputs — the parity check's samples when parity uses `inputs: auto` with the default seed and
 * dims — with every float32 value of the main graph as an output; an op whose output reaches half of
 * float16's largest value (the half leaves room for float16's own rounding on the way there) computes
 * in float32, and so do the ops that read that output, since a Cast back to float16 between them would
 * overflow just the same.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { decodeModel, encodeModel } from '../onnx/codec.js';
import { DataType } from '../onnx/dtype.js';
import { DefUse } from '../graph/def-use.js';
import { forEachTensor, type GraphScope } from '../onnx/graph.js';
import { isExternal } from '../onnx/tensor.js';
import type { ModelProto, NodeProto } from '../onnx/types.js';
import { AUTO_SEED, autoSamples } from '../runtime/auto-inputs.js';
import { modelInputs } from '../runtime/input-meta.js';
import { startOrtHost } from '../runtime/ort-runner.js';
import { FP16_MAX } from './fp16-numerics.js';
import type { RangeKeep } from './fp16-range.js';
import { typeIn, type TypeTable } from './fp16-types.js';
import { nodeId } from './nodes.js';

/** An output at least this large (in magnitude) is taken to overflow once computed in float16. */
export const OVERFLOW_AT = FP16_MAX / 2;

/** The largest finite magnitude of a float32 tensor's bytes. */
function maxAbs(bytes: Uint8Array): number {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let m = 0;
  for (let i = 0; i + 4 <= bytes.length; i += 4) {
    const a = Math.abs(dv.getFloat32(i, true));
    if (a > m && a !== Infinity) m = a;
  }
  return m;
}

/**
 * Nodes of the main graph whose float32 output reaches OVERFLOW_AT on the auto samples, and their
 * readers, with the reason; or a note saying why the check could not run.
 */
export async function overflowingNodes(model: ModelProto, main: GraphScope, types: TypeTable, tmpDir: string, samples = 2): Promise<{ blocked: Map<NodeProto, RangeKeep>; note?: string }> {
  const blocked = new Map<NodeProto, RangeKeep>();
  let external = false;
  forEachTensor(model, (t) => { external ||= isExternal(t); });
  if (external) return { blocked, note: 'not run: the model keeps its weights in an external data file' };
  const g = main.graph;
  const outputs = new Set(g.output.map((o) => o.name));
  const du = new DefUse(main);
  const watched = new Set<string>();
  for (const n of g.node) for (const o of n.output) if (o && typeIn(types, main, o) === DataType.FLOAT) watched.add(o);
  if (!watched.size) return { blocked };
  const probe = decodeModel(encodeModel(model));
  for (const name of watched) {
    if (!outputs.has(name)) probe.graph!.output.push({ name, type: { tensorType: { elemType: DataType.FLOAT } }, metadataProps: [] });
  }
  const dir = mkdtempSync(path.join(tmpDir || tmpdir(), 'onnx-diet-fp16-overflow-'));
  const host = startOrtHost();
  try {
    const file = path.join(dir, 'probe.onnx');
    writeFileSync(file, encodeModel(probe));
    const feeds = autoSamples(model, modelInputs(model), { samples, seed: AUTO_SEED, dims: {} });
    const session = await host.load(file, { threads: 1 });
    const peak = new Map<string, number>();
    for (const sample of feeds) {
      const r = await host.run(session.id, sample, [...watched]);
      for (const t of r.outputs) {
        if (t.type === 'float32' && t.data instanceof Uint8Array) peak.set(t.name, Math.max(peak.get(t.name) ?? 0, maxAbs(t.data)));
      }
    }
    for (const [name, max] of peak) {
      if (max < OVERFLOW_AT) continue;
      const producer = du.producer(name)!;
      const why = `its output '${name}' reaches ${max.toPrecision(3)} on ${feeds.length} auto input${feeds.length === 1 ? '' : 's'} (float16 ends at 65504)`;
      if (!blocked.has(producer)) blocked.set(producer, { node: nodeId(producer), op: producer.opType ?? '', reason: why });
      // Main-graph nodes reading it as an input (a subgraph's capture does not block its owner).
      for (const { node: r, inputIndex } of du.consumers(name)) {
        if (inputIndex >= 0 && !blocked.has(r)) blocked.set(r, { node: nodeId(r), op: r.opType ?? '', reason: `reads '${name}', which reaches ${max.toPrecision(3)} on auto inputs` });
      }
    }
    return { blocked };
  } catch (e) {
    return { blocked, note: `not run: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}` };
  } finally {
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
