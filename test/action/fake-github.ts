/**
 * A local GitHub on 127.0.0.1 that speaks, over real HTTP, the parts the Action uses:
 *  - the artifact service as @actions/artifact calls it: Twirp JSON at
 *    `/twirp/github.actions.results.api.v1.ArtifactService/<Method>` (proto field names, snake_case;
 *    errors as `{code, msg}` with the Twirp HTTP status, e.g. already_exists → 409), authorised by the
 *    runtime token whose `scp` claim carries `Actions.Results:<runBackendId>:<jobBackendId>`;
 *  - signed blob URLs in the Azure Blob protocol the client's BlockBlobClient speaks: `PUT ?comp=block&blockid=`
 *    then `PUT ?comp=blocklist` with `<BlockList><Latest>id</Latest>…`; a plain GET downloads;
 *  - the REST endpoints: run and repository artifact lists, the artifact zip redirect (302 to a signed
 *    URL), issue comments (list with Link pagination, create, update), and a pull request.
 * Tokens are either write or read-only; a read-only token gets GitHub's 403 "Resource not accessible by
 * integration" on writes, as a fork PR's GITHUB_TOKEN does.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createHash, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { makeZip } from './zip.js';

export interface FakeRun {
  repo: string; // owner/name
  runId: number;
  backendId: string;
  headBranch: string;
  headSha: string;
  /** A run from a fork has a head repository other than the base repository. */
  headRepoId?: number;
}

export interface FakeArtifact {
  id: number;
  name: string;
  repo: string;
  runId: number;
  runBackendId: string;
  jobBackendId: string;
  zip: Buffer;
  finalized: boolean;
  createdAt: string;
  expiresAt?: string;
  blocks: Map<string, Buffer>;
}

export interface FakeComment {
  id: number;
  repo: string;
  issue: number;
  body: string;
  user: string;
  createdAt: string;
  updatedAt: string;
}

export interface FakePull {
  repo: string;
  number: number;
  headSha: string;
  baseRef: string;
}

export interface LoggedRequest {
  method: string;
  path: string;
  status: number;
}

const REPO_IDS = new Map<string, number>();
function repoId(repo: string): number {
  if (!REPO_IDS.has(repo)) REPO_IDS.set(repo, 1000 + REPO_IDS.size);
  return REPO_IDS.get(repo)!;
}

/** Commit comments are stored like issue comments under this negative key. */
export function commitKey(sha: string): number {
  return -parseInt(sha.slice(0, 12), 16);
}

function b64url(v: object | string): string {
  return Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
}

/** An (unsigned) runtime token shaped like the runner's: the client only decodes its `scp` claim. */
export function runtimeToken(run: FakeRun, jobBackendId = 'job-1'): string {
  const scp = `Actions.GenericRead:${run.backendId} Actions.Results:${run.backendId}:${jobBackendId}`;
  return `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url({ scp, iat: 1 })}.${b64url('sig')}`;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => resolve(Buffer.concat(parts)));
    req.on('error', reject);
  });
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

export class FakeGitHub {
  readonly runs: FakeRun[] = [];
  readonly artifacts: FakeArtifact[] = [];
  readonly comments: FakeComment[] = [];
  readonly pulls: FakePull[] = [];
  readonly log: LoggedRequest[] = [];
  /** token → may write (comments). Unknown tokens get 401. */
  readonly tokens = new Map<string, boolean>();
  private server: Server;
  private nextId = 1;
  private sig = randomUUID();
  url = '';

  constructor() {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((e: unknown) => json(res, 500, { message: String(e) }));
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  get apiUrl(): string {
    return `${this.url}/api`;
  }

  /** ACTIONS_RESULTS_URL (the client keeps its origin and appends `/twirp/...`). */
  get resultsUrl(): string {
    return `${this.url}/`;
  }

  addRun(run: Omit<FakeRun, 'backendId'> & { backendId?: string }): FakeRun {
    const r: FakeRun = { backendId: randomUUID(), ...run };
    this.runs.push(r);
    return r;
  }

  /** An artifact some earlier step or workflow uploaded. */
  addArtifact(run: FakeRun, name: string, files: Record<string, Uint8Array | string>): FakeArtifact {
    const a: FakeArtifact = {
      id: this.nextId++,
      name,
      repo: run.repo,
      runId: run.runId,
      runBackendId: run.backendId,
      jobBackendId: 'job-0',
      zip: makeZip(files),
      finalized: true,
      createdAt: new Date(Date.now() - 60_000 + this.nextId).toISOString(),
      blocks: new Map(),
    };
    this.artifacts.push(a);
    return a;
  }

  addComment(repo: string, issue: number, body: string, user = 'someone'): FakeComment {
    const now = new Date().toISOString();
    const c: FakeComment = { id: this.nextId++, repo, issue, body, user, createdAt: now, updatedAt: now };
    this.comments.push(c);
    return c;
  }

  commentsOn(repo: string, issue: number): FakeComment[] {
    return this.comments.filter((c) => c.repo === repo && c.issue === issue);
  }

  private runOf(backendId: string): FakeRun | undefined {
    return this.runs.find((r) => r.backendId === backendId);
  }

  private restArtifact(a: FakeArtifact): Record<string, unknown> {
    const run = this.runs.find((r) => r.repo === a.repo && r.runId === a.runId);
    return {
      id: a.id,
      node_id: `A_${a.id}`,
      name: a.name,
      size_in_bytes: a.zip.length,
      url: `${this.apiUrl}/repos/${a.repo}/actions/artifacts/${a.id}`,
      archive_download_url: `${this.apiUrl}/repos/${a.repo}/actions/artifacts/${a.id}/zip`,
      expired: false,
      digest: `sha256:${createHash('sha256').update(a.zip).digest('hex')}`,
      created_at: a.createdAt,
      updated_at: a.createdAt,
      expires_at: a.expiresAt ?? null,
      workflow_run: run && {
        id: run.runId,
        repository_id: repoId(run.repo),
        head_repository_id: run.headRepoId ?? repoId(run.repo),
        head_branch: run.headBranch,
        head_sha: run.headSha,
      },
    };
  }

  private signed(kind: 'upload' | 'download', id: number, name: string): string {
    return `${this.url}/blob/${kind}/${id}/${encodeURIComponent(name)}.zip?sv=2024-01-01&se=2099-01-01&sig=${this.sig}`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const body = await readBody(req);
    const origEnd = res.end.bind(res);
    res.end = ((...args: Parameters<typeof origEnd>) => {
      this.log.push({ method: req.method ?? '', path: url.pathname + url.search, status: res.statusCode });
      return origEnd(...args);
    }) as typeof res.end;

    if (url.pathname.startsWith('/twirp/github.actions.results.api.v1.ArtifactService/')) {
      return this.twirp(req, res, url.pathname.split('/').pop() ?? '', body);
    }
    if (url.pathname.startsWith('/blob/')) return this.blob(req, res, url, body);
    if (url.pathname.startsWith('/api/')) return this.rest(req, res, url, body);
    json(res, 404, { message: 'Not Found' });
  }

  // ---- artifact service (Twirp JSON) ----

  private twirp(req: IncomingMessage, res: ServerResponse, method: string, body: Buffer): void {
    const scp = this.scopeOf(req.headers.authorization);
    if (!scp) return json(res, 401, { code: 'unauthenticated', msg: 'invalid runtime token' });
    const input = JSON.parse(body.toString() || '{}') as Record<string, unknown>;
    const runId = String(input['workflow_run_backend_id'] ?? '');
    const jobId = String(input['workflow_job_run_backend_id'] ?? '');
    if (method !== 'ListArtifacts' && method !== 'GetSignedArtifactURL' && (runId !== scp.run || jobId !== scp.job)) {
      return json(res, 403, { code: 'permission_denied', msg: 'backend ids do not match the token' });
    }
    const run = this.runOf(runId);
    if (!run) return json(res, 404, { code: 'not_found', msg: 'workflow run not found' });
    const name = String(input['name'] ?? '');
    const inRun = this.artifacts.filter((a) => a.runBackendId === runId);
    switch (method) {
      case 'CreateArtifact': {
        if (inRun.some((a) => a.name === name && a.finalized)) {
          // The real service answers a duplicate name in the same run with Twirp already_exists (409).
          return json(res, 409, { code: 'already_exists', msg: `an artifact with this name already exists on the workflow run` });
        }
        const a: FakeArtifact = {
          id: this.nextId++,
          name,
          repo: run.repo,
          runId: run.runId,
          runBackendId: runId,
          jobBackendId: jobId,
          zip: Buffer.alloc(0),
          finalized: false,
          createdAt: new Date().toISOString(),
          expiresAt: typeof input['expires_at'] === 'string' ? input['expires_at'] : undefined,
          blocks: new Map(),
        };
        this.artifacts.push(a);
        return json(res, 200, { ok: true, signed_upload_url: this.signed('upload', a.id, name) });
      }
      case 'FinalizeArtifact': {
        const a = inRun.find((x) => x.name === name && !x.finalized);
        if (!a) return json(res, 404, { code: 'not_found', msg: 'artifact not found' });
        if (String(a.zip.length) !== String(input['size'])) {
          return json(res, 400, { code: 'invalid_argument', msg: `size ${String(input['size'])} != uploaded ${a.zip.length}` });
        }
        a.finalized = true;
        return json(res, 200, { ok: true, artifact_id: String(a.id) });
      }
      case 'ListArtifacts': {
        const nameFilter = (input['name_filter'] as string | undefined) ?? undefined;
        const idFilter = (input['id_filter'] as string | undefined) ?? undefined;
        const list = inRun
          .filter((a) => a.finalized)
          .filter((a) => nameFilter === undefined || a.name === nameFilter)
          .filter((a) => idFilter === undefined || String(a.id) === String(idFilter));
        return json(res, 200, {
          artifacts: list.map((a) => ({
            workflow_run_backend_id: a.runBackendId,
            workflow_job_run_backend_id: a.jobBackendId,
            database_id: String(a.id),
            name: a.name,
            size: String(a.zip.length),
            created_at: a.createdAt,
          })),
        });
      }
      case 'GetSignedArtifactURL': {
        const a = inRun.find((x) => x.name === name && x.finalized);
        if (!a) return json(res, 404, { code: 'not_found', msg: 'artifact not found' });
        return json(res, 200, { signed_url: this.signed('download', a.id, a.name) });
      }
      default:
        return json(res, 404, { code: 'bad_route', msg: `no method ${method}` });
    }
  }

  private scopeOf(auth: string | undefined): { run: string; job: string } | undefined {
    const token = auth?.replace(/^Bearer /, '');
    const payload = token?.split('.')[1];
    if (!payload) return undefined;
    try {
      const scp = (JSON.parse(Buffer.from(payload, 'base64url').toString()) as { scp?: string }).scp ?? '';
      const results = scp.split(' ').find((s) => s.startsWith('Actions.Results:'));
      const [, run, job] = results?.split(':') ?? [];
      return run && job ? { run, job } : undefined;
    } catch {
      return undefined;
    }
  }

  // ---- blob storage (Azure Block Blob subset) ----

  private blob(req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer): void {
    if (url.searchParams.get('sig') !== this.sig) return json(res, 403, { message: 'AuthenticationFailed' });
    const [, , kind, idText] = url.pathname.split('/');
    const a = this.artifacts.find((x) => x.id === Number(idText));
    if (!a) return json(res, 404, { message: 'BlobNotFound' });
    const done = (status: number): void => {
      res.writeHead(status, { etag: `"${a.id}-${a.blocks.size}"`, 'x-ms-request-id': randomUUID(), 'x-ms-version': '2024-01-01' });
      res.end();
    };
    if (kind === 'upload' && req.method === 'PUT') {
      const comp = url.searchParams.get('comp');
      if (comp === 'block') {
        a.blocks.set(url.searchParams.get('blockid') ?? '', body);
        return done(201);
      }
      if (comp === 'blocklist') {
        const ids = [...body.toString().matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]*)<\//g)].map((m) => m[1] ?? '');
        const missing = ids.find((id) => !a.blocks.has(id));
        if (missing !== undefined) return json(res, 400, { message: `InvalidBlockList: ${missing}` });
        a.zip = Buffer.concat(ids.map((id) => a.blocks.get(id)!));
        return done(201);
      }
      a.zip = body; // single-shot Put Blob
      return done(201);
    }
    if (kind === 'download' && req.method === 'GET' && a.finalized) {
      res.writeHead(200, { 'content-type': 'application/zip', 'content-length': String(a.zip.length) });
      res.end(a.zip);
      return;
    }
    json(res, 405, { message: 'unsupported blob operation' });
  }

  // ---- REST ----

  private rest(req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer): void {
    const token = req.headers.authorization?.replace(/^(token|Bearer) /i, '');
    const canWrite = token ? this.tokens.get(token) : undefined;
    if (canWrite === undefined) return json(res, 401, { message: 'Bad credentials' });
    const p = url.pathname.slice('/api'.length);
    const method = req.method ?? 'GET';
    const page = Number(url.searchParams.get('page') ?? '1');
    const perPage = Math.min(100, Number(url.searchParams.get('per_page') ?? '30'));
    const paged = <T>(items: T[]): { slice: T[]; link: Record<string, string> } => {
      const slice = items.slice((page - 1) * perPage, page * perPage);
      if (page * perPage >= items.length) return { slice, link: {} };
      const next = new URL(url);
      next.searchParams.set('page', String(page + 1));
      next.searchParams.set('per_page', String(perPage));
      return { slice, link: { link: `<${next.href}>; rel="next"` } };
    };
    let m: RegExpMatchArray | null;

    if (method === 'GET' && (m = p.match(/^\/repos\/([^/]+\/[^/]+)\/actions\/runs\/(\d+)\/artifacts$/))) {
      const name = url.searchParams.get('name');
      const list = this.artifacts
        .filter((a) => a.finalized && a.repo === m![1] && a.runId === Number(m![2]))
        .filter((a) => name === null || a.name === name);
      const { slice, link } = paged(list);
      return json(res, 200, { total_count: list.length, artifacts: slice.map((a) => this.restArtifact(a)) }, link);
    }
    if (method === 'GET' && (m = p.match(/^\/repos\/([^/]+\/[^/]+)\/actions\/artifacts$/))) {
      const name = url.searchParams.get('name');
      const list = this.artifacts
        .filter((a) => a.finalized && a.repo === m![1])
        .filter((a) => name === null || a.name === name)
        .sort((x, y) => y.id - x.id); // newest first, as GitHub lists them
      const { slice, link } = paged(list);
      return json(res, 200, { total_count: list.length, artifacts: slice.map((a) => this.restArtifact(a)) }, link);
    }
    if (method === 'GET' && (m = p.match(/^\/repos\/([^/]+\/[^/]+)\/actions\/artifacts\/(\d+)\/zip$/))) {
      const a = this.artifacts.find((x) => x.finalized && x.repo === m![1] && x.id === Number(m![2]));
      if (!a) return json(res, 404, { message: 'Not Found' });
      res.writeHead(302, { location: this.signed('download', a.id, a.name) });
      res.end();
      return;
    }
    if ((m = p.match(/^\/repos\/([^/]+\/[^/]+)\/issues\/(\d+)\/comments$/))) {
      const [repo, issue] = [m[1]!, Number(m[2])];
      if (method === 'GET') {
        const { slice, link } = paged(this.commentsOn(repo, issue));
        return json(res, 200, slice.map((c) => this.restComment(c)), link);
      }
      if (method === 'POST') {
        if (!canWrite) return json(res, 403, { message: 'Resource not accessible by integration' });
        const c = this.addComment(repo, issue, (JSON.parse(body.toString()) as { body: string }).body, 'github-actions[bot]');
        return json(res, 201, this.restComment(c));
      }
    }
    if ((m = p.match(/^\/repos\/([^/]+\/[^/]+)\/commits\/([0-9a-f]{7,40})\/comments$/))) {
      // Commit comments live in the same store, keyed by a negative "issue" made from the sha.
      const [repo, key] = [m[1]!, commitKey(m[2]!)];
      if (method === 'GET') {
        const { slice, link } = paged(this.commentsOn(repo, key));
        return json(res, 200, slice.map((c) => this.restComment(c)), link);
      }
      if (method === 'POST') {
        if (!canWrite) return json(res, 403, { message: 'Resource not accessible by integration' });
        const c = this.addComment(repo, key, (JSON.parse(body.toString()) as { body: string }).body, 'github-actions[bot]');
        return json(res, 201, this.restComment(c));
      }
    }
    if (method === 'PATCH' && (m = p.match(/^\/repos\/([^/]+\/[^/]+)\/(?:issues\/)?comments\/(\d+)$/))) {
      if (!canWrite) return json(res, 403, { message: 'Resource not accessible by integration' });
      const c = this.comments.find((x) => x.repo === m![1] && x.id === Number(m![2]));
      if (!c) return json(res, 404, { message: 'Not Found' });
      c.body = (JSON.parse(body.toString()) as { body: string }).body;
      c.updatedAt = new Date().toISOString();
      return json(res, 200, this.restComment(c));
    }
    if (method === 'GET' && (m = p.match(/^\/repos\/([^/]+\/[^/]+)\/pulls\/(\d+)$/))) {
      const pr = this.pulls.find((x) => x.repo === m![1] && x.number === Number(m![2]));
      if (!pr) return json(res, 404, { message: 'Not Found' });
      return json(res, 200, { number: pr.number, state: 'open', head: { sha: pr.headSha }, base: { ref: pr.baseRef } });
    }
    json(res, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
  }

  private restComment(c: FakeComment): Record<string, unknown> {
    return {
      id: c.id,
      body: c.body,
      user: { login: c.user, type: c.user.endsWith('[bot]') ? 'Bot' : 'User' },
      html_url: `https://github.com/${c.repo}/pull/${c.issue}#issuecomment-${c.id}`,
      created_at: c.createdAt,
      updated_at: c.updatedAt,
    };
  }
}
