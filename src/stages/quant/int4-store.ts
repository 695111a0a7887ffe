/**
 * Where quantized tensors go, keyed by content (not by name, the weak spot STYLE.md points at in ORT's
 * quantizer): a weight shared after dedup — or identical bytes under two names — is quantized once and
 * every rewritten node reads the same initializers.
 */
import { createHash } from 'node:crypto';
import { freshName, type GraphScope } from '../../onnx/graph.js';
import { newTensor } from '../../onnx/spill.js';
import type { ExternalDataSource } from '../../onnx/tensor.js';
import type { TensorProto } from '../../onnx/types.js';
import { inputOf } from './tensor-pool.js';

export interface StoredQuant {
  /** Names of the initializers, in the order the consuming op takes them. */
  names: string[];
  /** Graph holding them; moved up to the main graph when a use outside its subtree appears. */
  scope: GraphScope;
  tensors: TensorProto[];
  bytes: number;
}

export function contentKey(parts: (string | number | boolean)[], payload: Uint8Array): string {
  const h = createHash('sha256');
  h.update(parts.join('|'));
  h.update(payload);
  return h.digest('hex');
}

function isAncestorOrSelf(a: GraphScope, b: GraphScope): boolean {
  for (let s: GraphScope | undefined = b; s; s = s.parent) if (s.graph === a.graph) return true;
  return false;
}

export class QuantStore {
  private byKey = new Map<string, StoredQuant>();
  /** Rewrites that reused an existing quantized tensor instead of making a new one. */
  reused = 0;

  constructor(
    private root: GraphScope,
    private names: Set<string>,
    /** Where new tensors are parked when streaming (onnx/spill.ts); inline without it. */
    private external?: ExternalDataSource,
    /**
     * Before IR 4 every initializer must also be an input of its graph, and a subgraph's inputs are fixed
     * by its op: new tensors then all go to the main graph, declared as its inputs.
     */
    private declareAsInput = false,
  ) {}

  /**
   * The quantized tensors for `key`, made by `make` on first use and placed in `scope`; on later uses
   * from a graph that cannot see them they move to the main graph, which every subgraph can see.
   */
  get(key: string, scope: GraphScope, make: () => { base: string; suffixes: string[]; parts: { dataType: number; dims: number[]; raw: Uint8Array }[] }): StoredQuant {
    const known = this.byKey.get(key);
    if (known) {
      this.reused++;
      if (!isAncestorOrSelf(known.scope, scope)) this.moveToRoot(known);
      return known;
    }
    const { base, suffixes, parts } = make();
    const tensors = parts.map((p, i) => newTensor(this.external, freshName(this.names, `${base}${suffixes[i]}`), p.dataType, p.dims, p.raw));
    if (this.declareAsInput) {
      scope = this.root;
      scope.graph.input.push(...tensors.map((t) => inputOf(t.name!, t.dataType!, [...t.dims])));
    }
    scope.graph.initializer.push(...tensors);
    const stored: StoredQuant = {
      names: tensors.map((t) => t.name!), scope, tensors, bytes: parts.reduce((n, p) => n + p.raw.length, 0),
    };
    this.byKey.set(key, stored);
    return stored;
  }

  private moveToRoot(stored: StoredQuant): void {
    const from = stored.scope.graph.initializer;
    for (const t of stored.tensors) {
      const i = from.indexOf(t);
      if (i >= 0) from.splice(i, 1);
    }
    this.root.graph.initializer.push(...stored.tensors);
    stored.scope = this.root;
  }

  /** Bytes of every quantized tensor made (each counted once however many nodes share it). */
  get bytes(): number {
    let n = 0;
    for (const s of this.byKey.values()) n += s.bytes;
    return n;
  }

  get count(): number {
    return this.byKey.size;
  }
}
