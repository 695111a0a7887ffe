// Loaded with `--import` into the CLI under test (hostile.ts): on exit, each process — the CLI and the
// onnxruntime worker it forks, which inherits execArgv — appends its pid and peak resident set (KiB,
// getrusage's ru_maxrss through process.resourceUsage) to the file the test named. Node only, so the
// memory checks run on every OS, with no /usr/bin/time.
import { appendFileSync } from 'node:fs';

const file = process.env.ONNX_DIET_TEST_RSS_FILE;
if (file) {
  process.on('exit', () => {
    try {
      appendFileSync(file, `${process.pid} ${process.resourceUsage().maxRSS}\n`);
    } catch {
      // the test's folder is gone: nothing to report to
    }
  });
}
