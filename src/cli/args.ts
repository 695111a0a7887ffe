/** Argument parsing shared by the commands: node:util parseArgs, with its errors turned into usage errors. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../onnx/errors.js';
import { COMMANDS, type Command, type CommandName } from './commands.js';

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

const HELP_OPTION = { help: { type: 'boolean', short: 'h' } } as const;

type Parsed<O extends OptionsConfig> = ReturnType<typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>>;

/** parseArgs in strict mode; its messages are long and multi-sentence, so keep the first sentence. */
function parseCommandArgs<const O extends OptionsConfig>(command: string, argv: string[], options: O): Parsed<O> {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    const message = e instanceof Error ? e.message.split(/\.\s/)[0]!.replace(/\.$/, '') : String(e);
    throw new UsageError(`${command}: ${message.charAt(0).toLowerCase()}${message.slice(1)}; see 'onnx-diet ${command} --help'`);
  }
}

/**
 * A command: `usage: onnx-diet SYNOPSIS` and `help` as its --help text; `options` (plus -h/--help) parsed
 * strictly; exactly the positional arguments `args` names; then `run`, unless --help was asked for.
 */
export function defineCommand<const O extends OptionsConfig>(spec: {
  name: CommandName;
  help: string;
  options: O;
  /** What each positional argument is, for the error when one is missing. */
  args: string[];
  run(values: Parsed<O>['values'], args: string[]): Promise<number>;
}): Command {
  const usage = `usage: onnx-diet ${COMMANDS[spec.name].synopsis}\n\n${spec.help}`;
  return {
    usage,
    async run(argv) {
      const { values, positionals: given } = parseCommandArgs(spec.name, argv, { ...HELP_OPTION, ...spec.options });
      if ((values as { help?: boolean }).help) {
        process.stdout.write(`${usage}\n`);
        return 0;
      }
      return spec.run(values as Parsed<O>['values'], positionals(spec.name, given, spec.args));
    },
  };
}

/** Exactly `names.length` positional arguments, named in the error when one is missing or extra. */
function positionals(command: string, given: string[], names: string[]): string[] {
  if (given.length < names.length) {
    throw new UsageError(`${command}: missing ${names[given.length]}; see 'onnx-diet ${command} --help'`);
  }
  if (given.length > names.length) {
    throw new UsageError(`${command}: unexpected argument '${given[names.length]}'; see 'onnx-diet ${command} --help'`);
  }
  return given;
}
