/**
 * A seeded byte-level mutator for hostile-input tests: bit flips, truncation, byte runs, and edits that
 * target protobuf structure (length prefixes that lie, varints that never end).
 */
import { cat as concat } from './wire.js';

export class Rng {
  private s: number;
  constructor(seed: number) { this.s = seed >>> 0 || 1; }
  next(): number {
    // xorshift32
    let x = this.s;
    x ^= x << 13; x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5; x >>>= 0;
    this.s = x;
    return x / 4294967296;
  }
  int(n: number): number { return Math.floor(this.next() * n); }
  pick<T>(xs: readonly T[]): T { return xs[this.int(xs.length)]!; }
}

export type Mutation = 'flip' | 'truncate' | 'overwrite' | 'insert' | 'delete' | 'length-lie' | 'endless-varint' | 'duplicate-run';
export const MUTATIONS: readonly Mutation[] = ['flip', 'truncate', 'overwrite', 'insert', 'delete', 'length-lie', 'endless-varint', 'duplicate-run'];

export function mutate(src: Uint8Array, rng: Rng, kind: Mutation = rng.pick(MUTATIONS)): Uint8Array {
  const b = Uint8Array.from(src);
  const at = rng.int(Math.max(1, b.length));
  switch (kind) {
    case 'flip': {
      const flips = 1 + rng.int(8);
      for (let i = 0; i < flips; i++) { const j = rng.int(b.length); b[j] = b[j]! ^ (1 << rng.int(8)); }
      return b;
    }
    case 'truncate': return b.subarray(0, at);
    case 'overwrite': {
      const n = 1 + rng.int(16);
      for (let i = 0; i < n && at + i < b.length; i++) b[at + i] = rng.int(256);
      return b;
    }
    case 'insert': {
      const n = 1 + rng.int(16);
      const ins = Uint8Array.from({ length: n }, () => rng.int(256));
      return concat(b.subarray(0, at), ins, b.subarray(at));
    }
    case 'delete': return concat(b.subarray(0, at), b.subarray(Math.min(b.length, at + 1 + rng.int(16))));
    case 'length-lie': {
      // Find a length-delimited tag byte (wire type 2) and replace the varint after it with a big one.
      for (let i = at; i < b.length - 1; i++) {
        if ((b[i]! & 7) === 2 && b[i]! < 0x80) {
          const lie = Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0x07);
          return concat(b.subarray(0, i + 1), lie, b.subarray(i + 2));
        }
      }
      return b;
    }
    case 'endless-varint': return concat(b.subarray(0, at), new Uint8Array(12).fill(0xff), b.subarray(at));
    case 'duplicate-run': {
      const n = 1 + rng.int(64);
      return concat(b.subarray(0, at + n), b.subarray(at, at + n), b.subarray(at + n));
    }
  }
}
