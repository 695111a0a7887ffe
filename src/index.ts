/** The library API: the CLI and the Action are thin adapters over these. */
export * from './onnx/types.js';
export * from './onnx/dtype.js';
export * from './onnx/errors.js';
export { decodeModel, encodeModel, encodeModelTo, encodedModelSize, decodeTensor, encodeTensor } from './onnx/codec.js';
export { loadModel, saveModel, modelFileBytes, type LoadedModel, type SaveOptions, type SavedModel } from './onnx/model-io.js';
export { ExternalDataReader } from './onnx/external.js';
export * from './onnx/tensor.js';
export * from './onnx/graph.js';
export { modelByteSize } from './onnx/size.js';
export * from './stages/stage.js';
export { runStages, type RunStagesOptions } from './stages/run-stages.js';
export { STAGES, DEFAULT_STAGES, createStage, parseStageList, type StageSpec } from './stages/registry.js';
export { upgradeOpset, OpsetUpgradeError, LATEST_ORT_OPSET, MAX_OPSET, type OpsetUpgradeDetails } from './stages/opset/upgrade.js';
export { validateModel, MAX_GRAPH_DEPTH } from './onnx/validate.js';
export { compressModel, type CompressOptions, type CompressResult } from './pipeline/compress.js';
export { analyzeModel, inspectModel, type InspectReport } from './report/inspect.js';
