/** A model file that is not valid ONNX, or uses something we refuse (say what and where). */
export class OnnxFormatError extends Error {
  override name = 'OnnxFormatError';
}

/** Bad input from the user (paths, options, config): the CLI maps it to exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
