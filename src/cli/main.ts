/**
 * The `onnx-diet` command line. Commands are rows of a table (commands.ts), each module loaded only when
 * its command runs. Exit codes (PRODUCT.md): 0 ok, 1 a parity check or budget failed, 2 bad input or
 * usage. Errors are one line for people; ONNX_DIET_DEBUG=1 adds the stack for us.
 */
import { UsageError } from '../onnx/errors.js';
import { TOOL_VERSION } from '../pipeline/report-json.js';
import { COMMANDS, type CommandName } from './commands.js';
import { errorLine } from './errors.js';

function usage(): string {
  const rows = Object.values(COMMANDS).flatMap((c) => [`  onnx-diet ${c.synopsis}`, `      ${c.summary}`]);
  return [
    `onnx-diet ${TOOL_VERSION}: shrink ONNX models (dedup, prune, quantize) and check they still answer the same`,
    '',
    'usage:',
    ...rows,
    '',
    "  onnx-diet COMMAND --help   options of a command",
    '  onnx-diet --version',
    '',
    'exit codes: 0 ok, 1 a parity check or budget failed, 2 bad input or usage',
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    process.stderr.write(`${usage()}\n`);
    return 2;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${usage()}\n`);
    return 0;
  }
  if (name === '--version' || name === '-V') {
    process.stdout.write(`${TOOL_VERSION}\n`);
    return 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name as CommandName] : undefined;
  if (!command) {
    throw new UsageError(`unknown command '${name}'; commands: ${Object.keys(COMMANDS).join(', ')} (see 'onnx-diet --help')`);
  }
  return (await command.load()).run(rest);
}

export async function runCli(argv: string[]): Promise<number> {
  try {
    return await main(argv);
  } catch (e) {
    process.stderr.write(`${errorLine(e, process.env.ONNX_DIET_DEBUG === '1')}\n`);
    return 2;
  }
}

process.exitCode = await runCli(process.argv.slice(2));
