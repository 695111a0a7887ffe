// Preloaded by `npm test` (package.json): every runStages in the test processes, and in the CLI and
// Action processes they spawn, checks the stage contract after each stage (src/stages/contract.ts).
process.env.ONNX_DIET_CHECK_STAGES = '1';
