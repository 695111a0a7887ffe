/**
 * `dvc-metrics-diff: true`: when the workspace is a DVC repository, the comment gets DVC's own
 * `dvc metrics diff --md <base>` (the metrics files a `dvc repro` earlier in the job wrote, against those
 * committed at the PR's base commit; the checkout needs that commit, e.g. fetch-depth: 0). Anything that
 * stops it (no dvc, no base commit) is a note in the comment, never a failure.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { dvc } from '../check/dvc.js';

export function dvcMetricsDiffSection(workspace: string, base: string | undefined): string {
  if (!existsSync(path.join(workspace, '.dvc'))) return '\n\n> [!NOTE]\n> dvc-metrics-diff: the workspace is not a DVC repository (no .dvc folder).\n';
  if (!base) return '\n\n> [!NOTE]\n> dvc-metrics-diff: no base commit to compare with (not a pull request, and no previous commit).\n';
  let table: string;
  try {
    table = dvc(['metrics', 'diff', '--md', base], workspace, 'dvc-metrics-diff').trim();
  } catch (e) {
    return `\n\n> [!NOTE]\n> ${(e as Error).message.split('\n')[0]}\n`;
  }
  const short = /^[0-9a-f]{40}$/.test(base) ? base.slice(0, 7) : base;
  return [
    '',
    '',
    `<details><summary>DVC metrics diff against ${short}</summary>`,
    '',
    table || '_No metric changed._',
    '',
    '</details>',
    '',
  ].join('\n');
}
