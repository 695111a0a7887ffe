/**
 * Names and keys quoted in messages come from the file: a newline or escape code in them must not break
 * the one line a person (or a CI log) reads.
 */
export function oneLine(message: string): string {
  return message.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A model file that is not valid ONNX, or uses something we refuse (say what and where). One line. */
export class OnnxFormatError extends Error {
  override name = 'OnnxFormatError';

  constructor(message: string) {
    super(oneLine(message));
  }
}

/** Bad input from the user (paths, options, config): the CLI maps it to exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
