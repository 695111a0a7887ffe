/**
 * The original model's answers on the parity samples: what every comparison (parity, auto's candidates)
 * is measured against. Outputs the original cannot compute — NaN or ±Inf — mean the samples are wrong,
 * not that the compressed model agrees: a check on them is never a pass and never skipped in silence
 * (issue 10: a torch encoder fed an all-True `src_key_padding_mask` masks every position, softmax over a
 * row of −∞ is NaN, and "cosine 1, max abs diff 0" on NaN passed).
 *
 * Auto samples with bool masks first use the polarity the name suggests (auto-inputs.ts); when the
 * original's outputs come out non-finite the other polarity is tried, and the one that gives finite
 * outputs is kept and reported. Otherwise the run ends with a UsageError (exit 2) naming the output, the
 * count and the fix.
 */
import { UsageError } from '../onnx/errors.js';
import type { Sample } from '../runtime/input-meta.js';
import { tensorValues, type NamedTensor } from '../runtime/named-tensor.js';
import type { OrtHost } from '../runtime/ort-runner.js';

/** The polarity auto inputs used for a bool mask input, and why. */
export interface MaskChoice {
  input: string;
  /** The value that means "attend" in the samples (torch's `src_key_padding_mask`: false). */
  attend: boolean;
  why: string;
}

/** Where the samples came from, and for auto samples with bool masks how to make them again. */
export interface SampleSource {
  samples: Sample[];
  /** `auto`, or the inputs path (for the error's fix). */
  spec: string;
  /** Bool mask inputs of auto samples, with the value each was given as "attend". */
  masks?: { input: string; attend: boolean }[];
  /** The same auto samples with every bool mask's polarity flipped (made up front: the model's graph need not stay in memory). */
  flipped?: Sample[];
}

export interface OriginalRun {
  /** The samples the original could answer: every comparison uses these. */
  samples: Sample[];
  /** The original's outputs per sample. */
  outputs: NamedTensor[][];
  /** Bool mask polarities auto inputs settled on (empty without bool masks). */
  masks: MaskChoice[];
}

export interface NonFiniteOutput {
  name: string;
  /** NaN/±Inf values over every sample. */
  count: number;
  elements: number;
  /** Samples with at least one. */
  samples: number;
}

/** Outputs holding NaN or ±Inf on any sample, with counts (string and integer outputs are always finite). */
export function nonFiniteOutputs(results: NamedTensor[][]): NonFiniteOutput[] {
  const by = new Map<string, NonFiniteOutput>();
  for (const outs of results) {
    for (const t of outs) {
      const entry = by.get(t.name) ?? { name: t.name, count: 0, elements: 0, samples: 0 };
      by.set(t.name, entry);
      const v = tensorValues(t);
      entry.elements += v.length;
      if (Array.isArray(v) || !/^float|^double/.test(t.type)) continue;
      let bad = 0;
      for (let i = 0; i < v.length; i++) if (!Number.isFinite(v[i] as number)) bad++;
      entry.count += bad;
      if (bad) entry.samples++;
    }
  }
  return [...by.values()].filter((o) => o.count > 0);
}

const polarity = (attend: boolean) => `True = ${attend ? 'attend' : 'ignore'}`;

/**
 * Runs the original (session `id`) on the samples, retrying bool mask polarity as the header says.
 * onnxruntime errors reject as they are (the caller says it is the original that could not run);
 * `who` names the model in the error for outputs it cannot compute.
 */
export async function runOriginal(host: OrtHost, id: number, source: SampleSource, who: string): Promise<OriginalRun> {
  const masks = source.masks ?? [];
  const attempts: Record<string, boolean>[] = [Object.fromEntries(masks.map((m) => [m.input, m.attend]))];
  if (masks.length && source.flipped) attempts.push(Object.fromEntries(masks.map((m) => [m.input, !m.attend])));
  const failures: NonFiniteOutput[][] = [];
  for (const [k, attend] of attempts.entries()) {
    const samples = k === 0 ? source.samples : source.flipped!;
    const outputs: NamedTensor[][] = [];
    for (const sample of samples) outputs.push((await host.run(id, sample)).outputs);
    const bad = nonFiniteOutputs(outputs);
    if (!bad.length) {
      const choices = masks.map((m): MaskChoice => ({
        input: m.input,
        attend: attend[m.input]!,
        why: k === 0
          ? `${polarity(attend[m.input]!)} (from the input's name); the original's outputs are finite`
          : `${polarity(attend[m.input]!)}: with ${polarity(!attend[m.input])} the original's ${describe(failures[0]!)}`,
      }));
      return { samples, outputs, masks: choices };
    }
    failures.push(bad);
  }
  throw new UsageError(nonFiniteMessage(who, failures[0]!, source, attempts.length));
}

function describe(bad: NonFiniteOutput[]): string {
  const [first] = bad;
  const more = bad.length > 1 ? ` (and ${bad.length - 1} more output${bad.length > 2 ? 's' : ''})` : '';
  return `output '${first!.name}' had ${first!.count} NaN/Inf values of ${first!.elements}${more}`;
}

function nonFiniteMessage(who: string, bad: NonFiniteOutput[], source: SampleSource, tried: number): string {
  const [first] = bad;
  const n = source.samples.length;
  const masks = source.masks ?? [];
  const retried = tried > 1 ? `; auto inputs tried ${masks.map((m) => `'${m.input}'`).join(', ')} with True = attend and True = ignore` : '';
  const fix = source.spec === 'auto'
    ? 'give real inputs (parity.inputs in the config, --inputs on the command line) or the dims that make them valid (parity.dims, --dims)'
    : `give inputs in ${source.spec} the original can answer`;
  return `${who}: the original model's ${describe(bad)} on ${first!.samples} of ${n} parity sample${n === 1 ? '' : 's'}${retried}: `
    + `the samples are not valid inputs for it, so there is nothing to compare against; ${fix}`;
}
