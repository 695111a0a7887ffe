/**
 * Artifacts in and out, through @actions/artifact (the same client actions/upload-artifact@v4+ and
 * download-artifact@v4+ use): this run's artifacts through the results service with the runtime
 * token, another run's or repository's through the REST API with the `github-token`.
 */
import { existsSync, linkSync, copyFileSync, mkdirSync, readdirSync, realpathSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { DefaultArtifactClient, ArtifactNotFoundError, type FindOptions } from '@actions/artifact';
import * as core from '@actions/core';
import { UsageError } from '../onnx/errors.js';

/**
 * Characters the artifact service refuses in a name (the same list @actions/artifact checks before
 * uploading; NTFS limits, so a name works for every download). Checked when inputs are read, so a bad
 * name fails before minutes of compression, not after.
 */
const FORBIDDEN_NAME_CHARS: readonly [string, string][] = [
  ['"', 'double quote'],
  [':', 'colon'],
  ['<', 'less than'],
  ['>', 'greater than'],
  ['|', 'vertical bar'],
  ['*', 'asterisk'],
  ['?', 'question mark'],
  ['\r', 'carriage return'],
  ['\n', 'line feed'],
  ['\\', 'backslash'],
  ['/', 'forward slash'],
];

export function validateArtifactName(name: string, input = 'upload-artifact'): void {
  if (name.trim() === '') throw new UsageError(`input '${input}': the artifact name is empty`);
  const bad = FORBIDDEN_NAME_CHARS.find(([c]) => name.includes(c));
  if (bad) {
    throw new UsageError(
      `input '${input}': artifact name '${name.replace(/[\r\n]/g, ' ')}' contains a ${bad[1]}, which GitHub's artifact service rejects; ` +
        `use letters, digits, '-', '_' and '.'`,
    );
  }
}

export interface ArtifactSource {
  name: string;
  /** Another workflow run (this repository unless `repository` is set). */
  runId?: number;
  repository?: string;
  token: string;
}

function where(src: ArtifactSource): string {
  if (src.runId === undefined) return 'this workflow run';
  return `run ${src.runId} of ${src.repository ?? process.env['GITHUB_REPOSITORY'] ?? 'this repository'}`;
}

function findOptions(src: ArtifactSource): FindOptions | undefined {
  if (src.runId === undefined) return undefined;
  const repo = src.repository ?? process.env['GITHUB_REPOSITORY'] ?? '';
  const [owner, name] = repo.split('/');
  if (!owner || !name) throw new UsageError(`cannot tell the repository of run ${src.runId}: set 'artifact-repository' (owner/name)`);
  return { findBy: { token: src.token, workflowRunId: src.runId, repositoryOwner: owner, repositoryName: name } };
}

/** Downloads and unpacks an artifact into `dest` (created), returning `dest`. */
export async function downloadArtifact(src: ArtifactSource, dest: string): Promise<string> {
  const client = new DefaultArtifactClient();
  const find = findOptions(src);
  let id: number;
  try {
    id = (await client.getArtifact(src.name, find)).artifact.id;
  } catch (e) {
    if (e instanceof ArtifactNotFoundError) {
      const fix =
        src.runId === undefined
          ? `upload it earlier in this run (actions/upload-artifact), or set 'artifact-run-id' to the run that made it`
          : `check the run id and that the artifact has not expired; a private repository needs a token with actions:read`;
      throw new UsageError(`artifact '${src.name}' not found in ${where(src)}: ${fix}`);
    }
    throw e;
  }
  mkdirSync(dest, { recursive: true });
  core.info(`Downloading artifact '${src.name}' (id ${id}) from ${where(src)}`);
  await client.downloadArtifact(id, { path: dest, ...find });
  return dest;
}

/** All files under `dir`, relative, '/'-separated (for error messages and checks). */
export function listFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const e of readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...listFiles(dir, rel));
    else out.push(rel);
  }
  return out.sort();
}

/**
 * `rel` inside the unpacked artifact `root`, refusing paths that leave it (`..`, absolute, a symlink out):
 * the artifact may come from another, less trusted workflow. Without `rel`, the artifact's only .onnx file.
 */
export function fileInArtifact(root: string, rel: string | undefined, artifactName: string): string {
  const files = listFiles(root);
  const shown = files.slice(0, 20).join(', ') + (files.length > 20 ? `, … (${files.length} files)` : '');
  if (rel === undefined) {
    const models = files.filter((f) => f.toLowerCase().endsWith('.onnx'));
    if (models.length === 1) return path.join(root, models[0]!);
    throw new UsageError(
      `artifact '${artifactName}' holds ${models.length} .onnx files (${shown || 'none'}): set 'artifact-path' to the model inside it`,
    );
  }
  const target = path.resolve(root, rel);
  const realRoot = realpathSync(root);
  const inside = (p: string): boolean => p === realRoot || p.startsWith(realRoot + path.sep);
  if (path.isAbsolute(rel) || !inside(path.resolve(realRoot, rel))) {
    throw new UsageError(`input 'artifact-path': '${rel}' leaves the artifact; give a path relative to the artifact's root`);
  }
  if (!existsSync(target) || !statSync(target).isFile()) {
    throw new UsageError(`artifact '${artifactName}' has no file '${rel}'; it holds: ${shown || 'nothing'}`);
  }
  if (!inside(realpathSync(target))) {
    throw new UsageError(`input 'artifact-path': '${rel}' is a link out of the artifact; refusing it`);
  }
  return target;
}

export interface UploadFile {
  /** The file on disk. */
  source: string;
  /** Its path inside the artifact ('/'-separated, relative). */
  name: string;
}

/**
 * Puts `files` into one artifact. They are hard-linked (copied across devices) into a staging folder
 * first so the artifact's layout is exactly the given names, whatever folders the files live in.
 */
export async function uploadArtifact(
  name: string,
  files: UploadFile[],
  opts: { retentionDays?: number; stagingDir: string },
): Promise<{ id: number; size: number }> {
  validateArtifactName(name);
  rmSync(opts.stagingDir, { recursive: true, force: true });
  const staged: string[] = [];
  for (const f of files) {
    const target = path.join(opts.stagingDir, ...f.name.split('/'));
    mkdirSync(path.dirname(target), { recursive: true });
    try {
      linkSync(f.source, target);
    } catch {
      copyFileSync(f.source, target);
    }
    staged.push(target);
  }
  const client = new DefaultArtifactClient();
  try {
    const res = await client.uploadArtifact(name, staged, opts.stagingDir, { retentionDays: opts.retentionDays });
    if (res.id === undefined) throw new Error(`artifact '${name}': the service returned no id`);
    return { id: res.id, size: res.size ?? 0 };
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (/\(409\)|already_exists|already exists/i.test(msg)) {
      throw new UsageError(
        `artifact '${name}' already exists in this workflow run (409 Conflict): give each job its own 'upload-artifact' name, ` +
          `e.g. onnx-diet-\${{ matrix.name }}, or set upload-artifact to '' to skip the upload`,
      );
    }
    throw e;
  } finally {
    rmSync(opts.stagingDir, { recursive: true, force: true });
  }
}
