/**
 * Where the numbers were measured (report JSON `environment`, PRODUCT.md). The same int8 model gives other
 * accuracy and speed on other CPUs: without VNNI, onnxruntime's u8×s8 kernels (MLAS) sum pairs of products
 * in 16 bits (vpmaddubsw) and saturate; with AVX-512 VNNI / AVX-VNNI (vpdpbusd) they do not, and AMX adds
 * tile kernels. So every report with a parity or latency figure names the CPU, those ISA features, the
 * thread count and the onnxruntime version.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

export interface Environment {
  cpu: string;
  /** ISA features that change int8 numerics or speed, as Linux's /proc/cpuinfo names them. */
  isa: string[];
  /** Where `isa` came from; `unknown` when the platform does not say (isa is then empty). */
  isaSource: 'cpuinfo' | 'sysctl' | 'unknown';
  threads: number;
  onnxruntime: string;
  node: string;
  os: string;
}

/** The features reported, in this order; `amx` stands for the AMX tile unit with int8 (amx_tile + amx_int8). */
const X86_FEATURES = ['avx2', 'avx512f', 'avx512_vnni', 'avx_vnni', 'avx512_bf16', 'avx512_fp16', 'amx'] as const;
/** Arm's int8 dot-product features (asimddp = SDOT/UDOT, i8mm = SMMLA), which MLAS's Arm kernels use. */
const ARM_FEATURES: Record<string, string> = { asimd: 'neon', asimddp: 'dotprod', i8mm: 'i8mm' };

/** The ISA features of interest from /proc/cpuinfo's `flags` (x86) or `Features` (Arm) line. */
export function isaFromCpuinfo(text: string): string[] {
  const line = /^(?:flags|Features)\s*:(.*)$/m.exec(text)?.[1];
  if (line === undefined) return [];
  const flags = new Set(line.trim().split(/\s+/));
  if (flags.has('amx_tile') && flags.has('amx_int8')) flags.add('amx');
  const x86 = X86_FEATURES.filter((f) => flags.has(f));
  const arm = Object.entries(ARM_FEATURES).filter(([k]) => flags.has(k)).map(([, v]) => v);
  return [...x86, ...arm];
}

/** macOS: `hw.optional.*` keys of sysctl. */
function isaFromSysctl(): string[] {
  const keys: [string, string][] = [
    ['hw.optional.avx2_0', 'avx2'], ['hw.optional.avx512f', 'avx512f'], ['hw.optional.avx512vnni', 'avx512_vnni'],
    ['hw.optional.neon', 'neon'], ['hw.optional.arm.FEAT_DotProd', 'dotprod'], ['hw.optional.arm.FEAT_I8MM', 'i8mm'],
  ];
  const out: string[] = [];
  for (const [key, name] of keys) {
    try {
      if (execFileSync('sysctl', ['-n', key], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() === '1') out.push(name);
    } catch { /* the key does not exist on this CPU */ }
  }
  return out;
}

function isa(): { isa: string[]; isaSource: Environment['isaSource'] } {
  if (process.platform === 'linux') {
    try {
      return { isa: isaFromCpuinfo(readFileSync('/proc/cpuinfo', 'utf8')), isaSource: 'cpuinfo' };
    } catch { /* no /proc (a sandbox): unknown */ }
  }
  if (process.platform === 'darwin') return { isa: isaFromSysctl(), isaSource: 'sysctl' };
  return { isa: [], isaSource: 'unknown' };
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
    ...isa(),
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
