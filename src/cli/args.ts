/** Argument parsing shared by the commands: node:util parseArgs, with its errors turned into usage errors. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../onnx/errors.js';

/** One row of main.ts's command table. */
export interface Command {
  /** Command and arguments, for `onnx-diet --help` (`inspect MODEL [--json FILE]`). */
  synopsis: string;
  /** What it does, a few words. */
  summary: string;
  /** Full text for `onnx-diet CMD --help`. */
  usage: string;
  /** Runs the command; resolves to the exit code (0 ok, 1 a check failed). Throws for exit 2. */
  run(argv: string[]): Promise<number>;
}

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

export const HELP_OPTION = { help: { type: 'boolean', short: 'h' } } as const;

type Parsed<O extends OptionsConfig> = ReturnType<typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>>;

/** parseArgs in strict mode; its messages are long and multi-sentence, so keep the first sentence. */
export function parseCommandArgs<const O extends OptionsConfig>(command: string, argv: string[], options: O): Parsed<O> {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    const message = e instanceof Error ? e.message.split(/\.\s/)[0]!.replace(/\.$/, '') : String(e);
    throw new UsageError(`${command}: ${message.charAt(0).toLowerCase()}${message.slice(1)}; see 'onnx-diet ${command} --help'`);
  }
}

/** Exactly `names.length` positional arguments, named in the error when one is missing or extra. */
export function positionals(command: string, given: string[], names: string[]): string[] {
  if (given.length < names.length) {
    throw new UsageError(`${command}: missing ${names[given.length]}; see 'onnx-diet ${command} --help'`);
  }
  if (given.length > names.length) {
    throw new UsageError(`${command}: unexpected argument '${given[names.length]}'; see 'onnx-diet ${command} --help'`);
  }
  return given;
}
