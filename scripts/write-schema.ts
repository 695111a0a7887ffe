/** Writes schema/onnx-diet.schema.json from CONFIG_SCHEMA (test/config.test.ts checks they agree). */
import { writeFileSync } from 'node:fs';
import { CONFIG_SCHEMA } from '../src/config/schema.js';

writeFileSync('schema/onnx-diet.schema.json', `${JSON.stringify(CONFIG_SCHEMA, null, 2)}\n`);
