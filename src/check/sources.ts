/**
 * Where a model comes from: a local path, or an https URL streamed to disk (never held in memory) with an
 * optional sha256 check. With a sha256, a file already downloaded and matching is reused. Artifacts are
 * the Action's business: it downloads them and hands `run` a path through `resolveArtifact`.
 */
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, rmSync } from 'node:fs';
import { get, type Agent } from 'node:https';
import path from 'node:path';
import type { SourceSpec } from '../config/types.js';
import { UsageError } from '../onnx/errors.js';
import { digestFiles } from '../onnx/digest.js';
import { commitTemp, ensureFolder, removeStaleTemps, tempBeside } from '../onnx/files.js';
import { dvcPull } from './dvc.js';

export interface SourceOptions {
  /** Folder for downloads (created when missing). */
  cacheDir: string;
  /** Resolves `{ artifact, path }` sources (the Action supplies it). */
  resolveArtifact?: (artifact: string, file?: string) => Promise<string>;
  /** TLS settings for downloads (tests use a local certificate). */
  agent?: Agent;
  /** Largest download accepted (default 8 GiB). */
  maxBytes?: number;
  timeoutMs?: number;
}

const MAX_REDIRECTS = 5;

/** A local path to the model a source names, downloading it first when it is a URL. */
export async function resolveSource(spec: SourceSpec, opts: SourceOptions): Promise<string> {
  if (spec.kind === 'path') return spec.path;
  if (spec.kind === 'dvc') return dvcPull(spec.path);
  if (spec.kind === 'artifact') {
    if (!opts.resolveArtifact) {
      throw new UsageError(`source artifact '${spec.artifact}' is only available inside the GitHub Action; give a path or an https URL to run it here`);
    }
    return opts.resolveArtifact(spec.artifact, spec.path);
  }
  const name = path.basename(new URL(spec.url).pathname) || 'model.onnx';
  const dir = path.join(opts.cacheDir, spec.sha256 ?? createHash('sha256').update(spec.url).digest('hex').slice(0, 16));
  const file = path.join(dir, name);
  if (spec.sha256 && existsSync(file) && digestFiles([file]).sha256 === spec.sha256) return file;
  ensureFolder(dir, spec.url);
  const actual = await download(spec.url, file, opts);
  if (spec.sha256 && actual !== spec.sha256) {
    rmSync(file, { force: true });
    throw new UsageError(`${spec.url}: sha256 is ${actual}, the config expects ${spec.sha256}; the file changed or the checksum is wrong`);
  }
  return file;
}

/** Streams `url` to `file` (through a temporary file, renamed when complete); resolves to its sha256. */
export function download(url: string, file: string, opts: SourceOptions, redirects = 0): Promise<string> {
  const limit = opts.maxBytes ?? 8 * 2 ** 30;
  return new Promise<string>((resolve, reject) => {
    if (!url.startsWith('https://')) {
      reject(new UsageError(`${url}: only https:// downloads are allowed`));
      return;
    }
    const req = get(url, { agent: opts.agent, timeout: opts.timeoutMs ?? 60_000 }, (res) => {
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400 && res.headers.location) {
        res.resume();
        if (redirects >= MAX_REDIRECTS) { reject(new UsageError(`${url}: more than ${MAX_REDIRECTS} redirects`)); return; }
        download(new URL(res.headers.location, url).href, file, opts, redirects + 1).then(resolve, reject);
        return;
      }
      if (status !== 200) {
        res.resume();
        reject(new UsageError(`${url}: HTTP ${status} ${res.statusMessage ?? ''}`.trim()));
        return;
      }
      const declared = Number(res.headers['content-length'] ?? NaN);
      if (declared > limit) {
        res.destroy();
        reject(new UsageError(`${url}: ${declared} bytes is more than the ${limit}-byte download limit`));
        return;
      }
      removeStaleTemps(file);
      const tmp = tempBeside(file);
      const out = createWriteStream(tmp);
      const hash = createHash('sha256');
      let received = 0;
      const fail = (e: Error) => {
        res.destroy();
        out.destroy();
        rmSync(tmp, { force: true });
        reject(e instanceof UsageError ? e : new UsageError(`${url}: download failed (${e.message})`));
      };
      res.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received > limit) fail(new UsageError(`${url}: more than the ${limit}-byte download limit`));
        hash.update(chunk);
      });
      res.on('error', fail);
      out.on('error', fail);
      out.on('finish', () => {
        if (!res.complete) { fail(new Error('connection closed early')); return; }
        try {
          commitTemp(tmp, file);
        } catch (e) {
          fail(e as Error);
          return;
        }
        resolve(hash.digest('hex'));
      });
      res.pipe(out);
    });
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', (e) => reject(new UsageError(`${url}: download failed (${e.message})`)));
  });
}
