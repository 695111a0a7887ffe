/** Folders for outputs and downloads: the helpers live with the atomic writer (onnx/files.ts). */
export { createFolders, ensureFolder, missingFolders } from '../onnx/files.js';
