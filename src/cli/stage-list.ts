/**
 * `compress --stages`: comma-separated names (`dedup,prune`), or a YAML flow sequence with options,
 * exactly as the config's `stages:` takes it (PRODUCT.md): `[dedup, prune, {quantize-int8: {reduce-range: true}}]`.
 * The sequence is checked against the config schema's `stages` and each stage's own option check, so
 * a typo gets the same did-you-mean as in a config file.
 */
import { parseDocument } from 'yaml';
import { CONFIG_SCHEMA } from '../config/schema.js';
import { formatPath, validateAgainstSchema } from '../config/validate.js';
import { UsageError } from '../onnx/errors.js';
import { createStage, parseStageList, type StageSpec } from '../stages/registry.js';

const EXAMPLE = "--stages '[dedup, prune, {quantize-int8: {reduce-range: true}}]'";

/** The schema of a stage list, rooted where its `$ref`s resolve. */
const STAGES_SCHEMA = { ...CONFIG_SCHEMA, ...CONFIG_SCHEMA.$defs.stages };

/** A stage list from `--stages` (flag names the option in messages); every stage is created once to check its options. */
export function parseStagesFlag(text: string, flag = 'compress: --stages'): StageSpec[] {
  const stages = text.trimStart().startsWith('[') ? flowSequence(text, flag) : commaList(text, flag);
  if (stages.length === 0) throw new UsageError(`${flag} is empty; give stage names such as dedup,prune, or ${EXAMPLE}`);
  for (const spec of stages) {
    try {
      createStage(spec);
    } catch (e) {
      throw e instanceof UsageError ? new UsageError(`${flag}: ${e.message}`) : e;
    }
  }
  return stages;
}

function commaList(text: string, flag: string): StageSpec[] {
  const names = parseStageList(text);
  const withOptions = names.find((n) => typeof n === 'string' && /[:={}]/.test(n));
  if (withOptions !== undefined) {
    throw new UsageError(`${flag}: '${withOptions}' is not a stage name; stage options take the config's YAML flow syntax, e.g. ${EXAMPLE}`);
  }
  return names;
}

function flowSequence(text: string, flag: string): StageSpec[] {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const problem = [...doc.errors, ...doc.warnings][0];
  if (problem) throw new UsageError(`${flag}: not a YAML flow sequence (${problem.message.split('\n')[0]}); write it like ${EXAMPLE}`);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 10 });
  } catch (e) {
    throw new UsageError(`${flag}: ${(e as Error).message}`);
  }
  const issue = validateAgainstSchema(data, STAGES_SCHEMA)[0];
  if (issue) throw new UsageError(`${flag}${issue.path.length ? `${formatPath(issue.path)}` : ''}: ${issue.message}`);
  return data as StageSpec[];
}
