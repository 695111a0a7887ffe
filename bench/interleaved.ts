/**
 * The latency and parity measurement the static benches share: every file loaded in one onnxruntime host
 * at 1 thread, the worst cosine of each file's first output against the first file's on every sample,
 * then `rounds` interleaved runs (A B C A B C …, after 3 warm-ups) so load changes hit all files alike.
 */
import type { NamedTensor } from '../src/runtime/named-tensor.js';
import { tensorValues } from '../src/runtime/named-tensor.js';
import { startOrtHost } from '../src/runtime/ort-runner.js';
import { cosine } from '../test/helpers/fixture-parity.js';

export interface Interleaved {
  /** Median wall ms per file. */
  p50: number[];
  /** Median CPU ms per file. */
  cpu50: number[];
  /** Worst cosine against files[0] per file (1 for files[0] itself). */
  worstCos: number[];
}

export async function measureInterleaved(files: string[], samples: NamedTensor[][], rounds: number): Promise<Interleaved> {
  const host = startOrtHost();
  try {
    const sessions = [];
    for (const f of files) sessions.push(await host.load(f, { threads: 1 }));
    const worstCos = files.map(() => 1);
    for (const s of samples) {
      const ref = tensorValues((await host.run(sessions[0]!.id, s)).outputs[0]!) as Float32Array;
      for (let k = 1; k < files.length; k++) {
        const y = tensorValues((await host.run(sessions[k]!.id, s)).outputs[0]!) as Float32Array;
        worstCos[k] = Math.min(worstCos[k]!, cosine(ref, y));
      }
    }
    const times: number[][] = files.map(() => []);
    const cpu: number[][] = files.map(() => []);
    for (let i = 0; i < 3; i++) for (const s of sessions) await host.run(s.id, samples[0]!);
    for (let i = 0; i < rounds; i++) {
      for (let k = 0; k < files.length; k++) {
        const r = await host.run(sessions[k]!.id, samples[i % samples.length]!);
        times[k]!.push(r.ms);
        cpu[k]!.push(r.cpuMs);
      }
    }
    const median = (t: number[]) => [...t].sort((a, b) => a - b)[t.length >> 1]!;
    return { p50: times.map(median), cpu50: cpu.map(median), worstCos };
  } finally {
    await host.close();
  }
}
