/**
 * The one store for the tensors quantization creates (int8, int4 and static QDQ alike), keyed by
 * content (content-identity.ts), not by name: ORT's quantizer keys its caches by tensor *name*, so
 * identical weights under different names (every copy dedup could not merge, every If branch) were
 * quantized and stored once each; here a weight shared after dedup, or repeated in two subgraphs, is
 * quantized once and stored once.
 *
 * Placement, the one option: `intern` puts a tensor in the main graph, which every subgraph can see, and
 * ORT treats outer-scope initializers as constants for its fusions (IsConstantInitializer with
 * check_outer_scope) — what int8's integer patterns need. `group` puts a set of tensors in the graph
 * that defines the weight they replace (int4: the quantized form sits next to its float one), and
 * moves them to the main graph once a reader outside that graph's subtree appears. Before IR 4 every
 * initializer must also be an input of its graph, and a subgraph's inputs are fixed by its op: then
 * everything goes to the main graph, declared as its inputs.
 */
import { freshName, type GraphScope } from '../../onnx/graph.js';
import { newTensor } from '../../onnx/spill.js';
import { isExternal, tensorBytes, type ExternalDataSource } from '../../onnx/tensor.js';
import type { TensorProto, ValueInfoProto } from '../../onnx/types.js';
import { ContentMap } from '../content-identity.js';

/** The tensors of one `group`, in the order the consuming op takes them. */
export interface StoredGroup {
  names: string[];
  /** Graph holding them; moved up to the main graph when a use outside its subtree appears. */
  scope: GraphScope;
  tensors: TensorProto[];
}

/** What `group` asks of its caller the first time a key is seen. */
export interface GroupParts {
  base: string;
  suffixes: string[];
  parts: { dataType: number; dims: number[]; raw: Uint8Array }[];
}

function isAncestorOrSelf(a: GraphScope, b: GraphScope): boolean {
  for (let s: GraphScope | undefined = b; s; s = s.parent) if (s.graph === a.graph) return true;
  return false;
}

export class TensorPool {
  private readonly byContent = new ContentMap<string>();
  private readonly groups = new Map<string, StoredGroup>();
  /** Bytes of every tensor added (what the quantized weights cost). */
  bytesAdded = 0;
  tensorsAdded = 0;
  /** `group` calls answered with tensors made before. */
  groupsReused = 0;

  constructor(
    private readonly root: GraphScope,
    private readonly names: Set<string>,
    /** Before IR 4 every initializer had to be declared as a graph input too. */
    private readonly declareAsInput: boolean,
    /** Where new tensors are parked when streaming (onnx/spill.ts); inline without it. */
    private readonly external?: ExternalDataSource,
  ) {}

  /** One tensor, stored once per content (dtype, dims, bytes) in the main graph; returns its name. */
  intern(base: string, dataType: number, dims: number[], bytes: Uint8Array): string {
    const key = `${dataType}:${dims.join('x')}`;
    const known = this.byContent.get(key, bytes);
    if (known) return known;
    const t = this.add(this.root, base, dataType, dims, bytes);
    this.byContent.set(key, bytes, t.name!, isExternal(t) ? () => tensorBytes(t, this.external) : undefined);
    return t.name!;
  }

  /**
   * The tensors for `key` (the caller's content key), made by `make` on first use and placed in `scope`;
   * on later uses from a graph that cannot see them they move to the main graph.
   */
  group(key: string, scope: GraphScope, make: () => GroupParts): StoredGroup {
    const known = this.groups.get(key);
    if (known) {
      this.groupsReused++;
      if (!isAncestorOrSelf(known.scope, scope)) this.moveToRoot(known);
      return known;
    }
    const { base, suffixes, parts } = make();
    const home = this.declareAsInput ? this.root : scope;
    const tensors = parts.map((p, i) => this.add(home, `${base}${suffixes[i]}`, p.dataType, p.dims, p.raw));
    const stored: StoredGroup = { names: tensors.map((t) => t.name!), scope: home, tensors };
    this.groups.set(key, stored);
    return stored;
  }

  /** Groups made. */
  get groupCount(): number {
    return this.groups.size;
  }

  private add(scope: GraphScope, base: string, dataType: number, dims: number[], bytes: Uint8Array): TensorProto {
    const name = freshName(this.names, base);
    const t = newTensor(this.external, name, dataType, [...dims], bytes);
    scope.graph.initializer.push(t);
    if (this.declareAsInput) scope.graph.input.push(inputOf(name, dataType, dims));
    this.bytesAdded += bytes.length;
    this.tensorsAdded++;
    return t;
  }

  private moveToRoot(stored: StoredGroup): void {
    const from = stored.scope.graph.initializer;
    for (const t of stored.tensors) {
      const i = from.indexOf(t);
      if (i >= 0) from.splice(i, 1);
    }
    this.root.graph.initializer.push(...stored.tensors);
    stored.scope = this.root;
  }
}

/** The graph-input entry an initializer needs before IR 4. */
export function inputOf(name: string, elemType: number, dims: number[]): ValueInfoProto {
  return { name, type: { tensorType: { elemType, shape: { dim: dims.map((d) => ({ dimValue: d })) } } }, metadataProps: [] };
}
