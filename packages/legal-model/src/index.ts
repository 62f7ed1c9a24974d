import { fileURLToPath } from 'node:url';

/** Absolute path of the shipped model directory (manifest.json, model.onnx, features.json). */
export const modelDir: string = fileURLToPath(new URL('../model/', import.meta.url)).replace(/[\\/]$/, '');
