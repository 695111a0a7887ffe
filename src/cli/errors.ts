/** How errors reach people: one line, no stack (PRODUCT.md: "bad input → exit 2 with one clear line"). */
import { ConfigError, formatWhere } from '../config/types.js';
import { oneLine, OnnxFormatError, UsageError } from '../onnx/errors.js';

/**
 * The line printed for an error. Ours (UsageError, OnnxFormatError) and system errors (ENOENT, EACCES…)
 * already name the file and the problem; anything else is a bug of ours, so it says so, and `debug`
 * (ONNX_DIET_DEBUG=1) adds the stack.
 */
export function errorLine(e: unknown, debug = false): string {
  if (!(e instanceof Error)) return `onnx-diet: ${String(e)}`;
  // A config's problems are listed together, one line each (file:line:col first, as compilers do).
  if (e instanceof ConfigError && !debug) return e.issues.map((i) => `onnx-diet: ${formatWhere(i)}: ${oneLine(i.message)}`).join('\n');
  if (debug && e.stack) return `onnx-diet: ${e.stack}`;
  const message = e.message.replace(/\s*\n\s*/g, ' ');
  const expected = e instanceof UsageError || e instanceof OnnxFormatError || typeof (e as NodeJS.ErrnoException).code === 'string';
  return expected ? `onnx-diet: ${message}` : `onnx-diet: unexpected error: ${message} (set ONNX_DIET_DEBUG=1 to see where)`;
}
