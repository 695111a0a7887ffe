/** The Action's entry point (action.yml `main: dist/index.js`, bundled from here): it only calls run(). */
import { run } from './main.js';

await run();
