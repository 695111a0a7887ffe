/**
 * The CPU features that change what onnxruntime's int8 kernels compute or how fast (MLAS picks its kernel
 * by them): read from /proc/cpuinfo (Linux) or sysctl (macOS). The report's environment names them
 * (check/environment.ts), and static int8 picks its weight range by them (int8Saturates).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Where the features came from; `unknown` when the platform does not say (the list is then empty). */
export type IsaSource = 'cpuinfo' | 'sysctl' | 'unknown';

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

let read: { isa: string[]; isaSource: IsaSource } | undefined;

/** This CPU's features of interest, read once per process. */
export function cpuIsa(): { isa: string[]; isaSource: IsaSource } {
  read ??= readIsa();
  return read;
}

function readIsa(): { isa: string[]; isaSource: IsaSource } {
  if (process.platform === 'linux') {
    try {
      return { isa: isaFromCpuinfo(readFileSync('/proc/cpuinfo', 'utf8')), isaSource: 'cpuinfo' };
    } catch { /* no /proc (a sandbox): unknown */ }
  }
  if (process.platform === 'darwin') return { isa: isaFromSysctl(), isaSource: 'sysctl' };
  return { isa: [], isaSource: 'unknown' };
}

/**
 * Whether onnxruntime's u8×s8 kernels on this CPU can saturate with 8-bit weights: on x86 without VNNI
 * (AVX2's vpmaddubsw sums pairs of u8·s8 products in int16, wrong once |w₀| + |w₁| > 128 at activations
 * near 255); VNNI / AVX-VNNI (vpdpbusd) and AMX sum in int32, and Arm's kernels (SDOT/UDOT or widening
 * multiplies) do not saturate. An x86 CPU whose features are unknown counts as saturating.
 */
export function int8Saturates(isa: readonly string[], isaSource: IsaSource, arch: string = process.arch): { saturates: boolean; why: string } {
  if (arch !== 'x64' && arch !== 'ia32') return { saturates: false, why: `${arch} CPU: onnxruntime's int8 kernels sum in 32 bits` };
  if (isaSource === 'unknown') return { saturates: true, why: "this x86 CPU's features are unknown; without VNNI onnxruntime's u8×s8 kernels saturate 16-bit pair sums" };
  const vnni = isa.find((f) => f === 'avx512_vnni' || f === 'avx_vnni' || f === 'amx');
  return vnni
    ? { saturates: false, why: `this CPU has ${vnni}: onnxruntime's u8×s8 kernels sum in 32 bits` }
    : { saturates: true, why: "this x86 CPU has no VNNI: onnxruntime's u8×s8 kernels (vpmaddubsw) saturate 16-bit pair sums" };
}
