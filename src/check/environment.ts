/**
 * Where the numbers were measured (report JSON `environment`, PRODUCT.md). The same int8 model gives other
 * accuracy and speed on other CPUs: without VNNI, onnxruntime's u8×s8 kernels (MLAS) sum pairs of products
 * in 16 bits (vpmaddubsw) and saturate; with AVX-512 VNNI / AVX-VNNI (vpdpbusd) they do not, and AMX adds
 * tile kernels. So every report with a parity or latency figure names the CPU, those ISA features, the
 * thread count and the onnxruntime version.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { cpuIsa, type IsaSource } from '../runtime/cpu-isa.js';

export interface Environment {
  cpu: string;
  /** ISA features that change int8 numerics or speed, as Linux's /proc/cpuinfo names them. */
  isa: string[];
  /** Where `isa` came from; `unknown` when the platform does not say (isa is then empty). */
  isaSource: IsaSource;
  threads: number;
  onnxruntime: string;
  node: string;
  os: string;
}

/** The version of the onnxruntime-node package the checks load (read from its package.json, not imported). */
export function onnxruntimeVersion(): string {
  try {
    const req = createRequire(import.meta.url);
    let dir = path.dirname(req.resolve('onnxruntime-node'));
    for (let i = 0; i < 6; i++, dir = path.dirname(dir)) {
      try {
        const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
        if (pkg.name === 'onnxruntime-node' && pkg.version) return pkg.version;
      } catch { /* not the package root yet */ }
    }
  } catch { /* not resolvable from here */ }
  return 'unknown';
}

let cached: Omit<Environment, 'threads'> | undefined;

/** This machine, for checks run with `threads` intra-op threads (CPU and ISA are read once per process). */
export function currentEnvironment(threads: number): Environment {
  cached ??= {
    cpu: (os.cpus()[0]?.model ?? 'unknown').trim().replace(/\s+/g, ' '),
    ...cpuIsa(),
    onnxruntime: onnxruntimeVersion(),
    node: process.versions.node,
    os: `${process.platform} ${process.arch}`,
  };
  const { cpu, isa: features, isaSource, onnxruntime, node, os: system } = cached;
  return { cpu, isa: features, isaSource, threads, onnxruntime, node, os: system };
}

/** `Intel(R) Xeon(R) Processor (avx2, avx512f, avx512_vnni, amx) · 1 thread · onnxruntime 1.30.0 · node 20.20.2 · linux x64` */
export function environmentLine(e: Environment): string {
  const features = e.isaSource === 'unknown' ? 'ISA features unknown' : e.isa.length ? e.isa.join(', ') : 'none of avx2/avx512/vnni/amx';
  return `${e.cpu} (${features}) · ${e.threads} thread${e.threads === 1 ? '' : 's'} · onnxruntime ${e.onnxruntime} · node ${e.node} · ${e.os}`;
}

/** environmentLine for a terminal: CPU, ISA, and the rest on lines of their own, so a table stays ~80 columns. */
export function environmentLines(e: Environment): string[] {
  const features = e.isaSource === 'unknown' ? 'ISA features unknown' : e.isa.length ? `ISA ${e.isa.join(', ')}` : 'ISA: none of avx2/avx512/vnni/amx';
  return [`measured on ${e.cpu}`, `  ${features}`, `  ${e.threads} thread${e.threads === 1 ? '' : 's'} · onnxruntime ${e.onnxruntime} · node ${e.node} · ${e.os}`];
}
