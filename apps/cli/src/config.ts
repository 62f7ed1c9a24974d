/**
 * CLI configuration: the one place that reads the environment.
 *
 *   AMICUS_MODEL_DIR            model directory (default: the shipped @amicus/legal-model model)
 *   AMICUS_INFERENCE_THREADS    onnxruntime intra-op threads (default 2)
 *   AMICUS_INFERENCE_INTEROP_THREADS  onnxruntime inter-op threads (default 1)
 */
import { modelDir as shippedModelDir } from '@amicus/legal-model';

export interface CliConfig {
  modelDir: string;
  intraOpThreads: number;
  interOpThreads: number;
}

export class ConfigError extends Error {
  readonly code = 'BAD_CONFIG';
}

function positiveInt(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new ConfigError(`${name} must be an integer from 1 to 256, got "${raw}"`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): CliConfig {
  return {
    modelDir: env.AMICUS_MODEL_DIR || shippedModelDir,
    intraOpThreads: positiveInt('AMICUS_INFERENCE_THREADS', env.AMICUS_INFERENCE_THREADS, 2),
    interOpThreads: positiveInt('AMICUS_INFERENCE_INTEROP_THREADS', env.AMICUS_INFERENCE_INTEROP_THREADS, 1),
  };
}

export { positiveInt };
