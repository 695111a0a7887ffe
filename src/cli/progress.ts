/**
 * Progress for people (PRODUCT.md: "On a TTY: progress per step. Not a TTY (CI): plain lines").
 * Both go to stderr, so stdout carries only the result (tables) and can be piped.
 */
import { performance } from 'node:perf_hooks';
import type { Progress } from '../pipeline/progress.js';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

/** CI logs: one timestamped line when a step starts and one when it ends. */
function lineProgress(out: NodeJS.WritableStream): Progress {
  const stamp = () => new Date().toISOString().slice(11, 19);
  return {
    async step(label, work) {
      out.write(`[${stamp()}] ${label}\n`);
      const t0 = performance.now();
      const result = await work();
      out.write(`[${stamp()}] ${label}: done in ${seconds(performance.now() - t0)}\n`);
      return result;
    },
    note(message) {
      out.write(`[${stamp()}]   ${message}\n`);
    },
  };
}

/**
 * Terminals: a spinner with elapsed time on one line, replaced by a check mark when the step ends.
 * Synchronous work blocks the timer, so the spinner pauses during it; the elapsed time stays right.
 */
function spinnerProgress(out: NodeJS.WriteStream): Progress {
  const clear = '\r\x1b[2K';
  return {
    async step(label, work) {
      const t0 = performance.now();
      let frame = 0;
      const draw = () => out.write(`${clear}${FRAMES[frame++ % FRAMES.length]} ${label} ${seconds(performance.now() - t0)}`);
      draw();
      const timer = setInterval(draw, 100);
      timer.unref();
      try {
        const result = await work();
        out.write(`${clear}✓ ${label} ${seconds(performance.now() - t0)}\n`);
        return result;
      } catch (e) {
        out.write(clear); // the error line says what failed
        throw e;
      } finally {
        clearInterval(timer);
      }
    },
    note(message) {
      out.write(`${clear}  ${message}\n`);
    },
  };
}

export function createProgress(out: NodeJS.WriteStream = process.stderr): Progress {
  return out.isTTY ? spinnerProgress(out) : lineProgress(out);
}
