/**
 * The sample of the ONNX backend test suite the repository holds (test/fixtures/onnx-backend, copied by
 * scripts/fixtures/onnx_backend_sample.sh), laid out like the suite's data/ folder: tests need no Debian
 * package. `npm run conformance` runs the whole suite.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const BACKEND_SAMPLE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/onnx-backend');

/** The folder of a suite test (`node/test_loop11`) in the sample. */
export const backendDir = (name: string): string => path.join(BACKEND_SAMPLE, name);

/** Its model file. */
export const backendModel = (name: string): string => path.join(backendDir(name), 'model.onnx');

/** Every model of the sample, as `folder/test_name`, sorted. */
export function backendSample(): string[] {
  return ['node', 'pytorch-converted', 'pytorch-operator', 'simple']
    .flatMap((suite) => readdirSync(path.join(BACKEND_SAMPLE, suite)).map((n) => `${suite}/${n}`))
    .sort();
}
