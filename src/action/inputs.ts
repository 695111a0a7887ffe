/**
 * The Action's inputs (action.yml), read once and checked before any work: a typo in `mode` or
 * `retention-days` fails in the first second, not after the model has been compressed.
 */
import * as core from '@actions/core';
import { UsageError } from '../onnx/errors.js';
import { validateArtifactName } from './artifacts.js';

export type CommentPolicy = 'auto' | 'always' | 'never';
export type ActionMode = 'full' | 'report' | 'comment' | 'merge';

export interface ActionInputs {
  config: string;
  /**
   * The name of one model of the config (a matrix job runs only it), or else a path that overrides the
   * config model's source (after any artifact download: inside the artifact).
   */
  model: string | undefined;
  artifact: string | undefined;
  artifactPath: string | undefined;
  artifactRunId: number | undefined;
  /** owner/name; set only when the artifact lives in another repository. */
  artifactRepository: string | undefined;
  token: string;
  comment: CommentPolicy;
  /** Artifact name for the slim model(s) and reports; undefined = no upload. */
  uploadArtifact: string | undefined;
  retentionDays: number | undefined;
  failOnBudget: boolean;
  mode: ActionMode;
  baseline: boolean;
  /** How many base-branch reports the trend shows (with `baseline`). */
  history: number;
  /** Append `dvc metrics diff --md <base>` to the comment (a DVC repository). */
  dvcMetricsDiff: boolean;
}

function optional(name: string): string | undefined {
  const v = core.getInput(name);
  return v === '' ? undefined : v;
}

function oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
  const v = (optional(name) ?? fallback).toLowerCase();
  if (!(allowed as readonly string[]).includes(v)) {
    throw new UsageError(`input '${name}': '${v}' is not one of ${allowed.join(', ')}`);
  }
  return v as T;
}

function bool(name: string, fallback: boolean): boolean {
  const v = optional(name)?.toLowerCase();
  if (v === undefined) return fallback;
  // Wider than core.getBooleanInput (true/True/TRUE, false/False/FALSE only): any case, and the YAML 1.1
  // spellings people also write in workflows.
  if (['true', 'yes', 'on', '1'].includes(v)) return true;
  if (['false', 'no', 'off', '0'].includes(v)) return false;
  throw new UsageError(`input '${name}': '${v}' is not a boolean; use true or false`);
}

function positiveInt(name: string, max: number): number | undefined {
  const v = optional(name);
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > max) {
    throw new UsageError(`input '${name}': '${v}' is not a whole number from 1 to ${max}`);
  }
  return Number(v);
}

export function readInputs(): ActionInputs {
  const token = core.getInput('github-token');
  // Masked before anything else can print it (an error message quoting an URL, a debug dump).
  if (token) core.setSecret(token);
  const artifactRepository = optional('artifact-repository');
  if (artifactRepository !== undefined && !/^[\w.-]+\/[\w.-]+$/.test(artifactRepository)) {
    throw new UsageError(`input 'artifact-repository': '${artifactRepository}' is not owner/name`);
  }
  const uploadArtifact = optional('upload-artifact');
  if (uploadArtifact !== undefined) validateArtifactName(uploadArtifact, 'upload-artifact');
  const artifact = optional('artifact');
  if (artifact !== undefined) validateArtifactName(artifact, 'artifact');
  const inputs: ActionInputs = {
    config: optional('config') ?? 'onnx-diet.yml',
    model: optional('model'),
    artifact,
    artifactPath: optional('artifact-path'),
    artifactRunId: positiveInt('artifact-run-id', Number.MAX_SAFE_INTEGER),
    artifactRepository,
    token,
    comment: oneOf('comment', ['auto', 'always', 'never'], 'auto'),
    uploadArtifact,
    // GitHub allows 1..90 days (400 on Enterprise plans; the service clamps to the repository's maximum).
    retentionDays: positiveInt('retention-days', 400),
    failOnBudget: bool('fail-on-budget', true),
    mode: oneOf('mode', ['full', 'report', 'comment', 'merge'], 'full'),
    baseline: bool('baseline', false),
    history: positiveInt('history', 100) ?? 10,
    dvcMetricsDiff: bool('dvc-metrics-diff', false),
  };
  if (inputs.artifactPath !== undefined && inputs.artifact === undefined) {
    throw new UsageError(`input 'artifact-path' needs 'artifact' (the name of the artifact it is inside)`);
  }
  if ((inputs.artifactRunId !== undefined || inputs.artifactRepository !== undefined) && inputs.artifact === undefined) {
    throw new UsageError(`inputs 'artifact-run-id'/'artifact-repository' need 'artifact' (the artifact's name)`);
  }
  if (inputs.artifactRepository !== undefined && inputs.artifactRunId === undefined) {
    throw new UsageError(`input 'artifact-repository' needs 'artifact-run-id': an artifact of another repository is found by its run`);
  }
  if (inputs.mode === 'report' && inputs.uploadArtifact === undefined) {
    throw new UsageError(`mode 'report' uploads the report for the comment workflow: set 'upload-artifact' (e.g. onnx-diet-report)`);
  }
  return inputs;
}
