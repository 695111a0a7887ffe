/**
 * The command table: what `onnx-diet --help` lists, and each command's module, imported only when that
 * command runs. Start-up then costs what `--help`/`--version` need, not the yaml parser, every stage and
 * the onnxruntime host (eager imports made every CLI spawn about half a second slower under tsx).
 * Adding a command is one row here and one module.
 */
/** A command's module (its synopsis and summary are in the table below, which loads it on use). */
export interface Command {
  /** Full text for `onnx-diet CMD --help`. */
  usage: string;
  /** Runs the command; resolves to the exit code (0 ok, 1 a check failed). Throws for exit 2. */
  run(argv: string[]): Promise<number>;
}

export interface CommandEntry {
  /** Command and arguments, for `onnx-diet --help` and the first line of `onnx-diet CMD --help`. */
  synopsis: string;
  /** What it does, a few words. */
  summary: string;
  load(): Promise<Command>;
}

export type CommandName = 'inspect' | 'compress' | 'run' | 'compare';

export const COMMANDS: Record<CommandName, CommandEntry> = {
  inspect: {
    synopsis: 'inspect MODEL [--json FILE]',
    summary: 'where the bytes are and what dedup / quantization would save',
    load: async () => (await import('./inspect.js')).inspectCommand,
  },
  compress: {
    synopsis: 'compress IN -o OUT [--stages LIST | --auto] [--json FILE] [--external-data]',
    summary: 'run compression stages, save the result, print the sizes',
    load: async () => (await import('./compress.js')).compressCommand,
  },
  run: {
    synopsis: 'run [--config FILE] [--json FILE] [--markdown FILE] [--dvc-metrics FILE]',
    summary: 'compress, check parity and latency, enforce budgets for every model of a config',
    load: async () => (await import('./run.js')).runCommand,
  },
  compare: {
    synopsis: 'compare A B [--inputs PATH] [--json FILE]',
    summary: 'parity and latency of two models on the same inputs',
    load: async () => (await import('./compare.js')).compareCommand,
  },
};
