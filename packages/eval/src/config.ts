import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The only module of this package that reads the environment. */
export interface EvalConfig {
  /**
   * Directory that relative paths given by the user are resolved against: where `npm run eval` was typed
   * (npm's INIT_CWD; npm runs the script inside this package), else the working directory.
   */
  invocationDir?: string;
  /** Directory holding `*.jsonl.gz` pairs; from AMICUS_EVAL_DATA_DIR, else `<repo>/../shared/data/legal-sum`. */
  dataDir: string;
  /** Model directory for the `model` method; from AMICUS_MODEL_DIR, else the one @amicus/legal-model ships. */
  modelDir?: string;
}

/** The monorepo root: the nearest ancestor of this package whose package.json declares workspaces. */
export function repoRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (;;) {
    const pkg = resolve(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        const json = JSON.parse(readFileSync(pkg, 'utf8')) as { workspaces?: unknown };
        if (json.workspaces !== undefined) return dir;
      } catch {
        // an unreadable package.json is not the root; keep walking up
      }
    }
    const parent = dirname(dir);
    if (parent === dir) return resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
    dir = parent;
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): EvalConfig {
  const invocationDir = env.INIT_CWD ? resolve(env.INIT_CWD) : process.cwd();
  const dataDir = env.AMICUS_EVAL_DATA_DIR
    ? resolve(invocationDir, env.AMICUS_EVAL_DATA_DIR)
    : resolve(repoRoot(), '../shared/data/legal-sum');
  const config: EvalConfig = { dataDir, invocationDir };
  if (env.AMICUS_MODEL_DIR) config.modelDir = resolve(invocationDir, env.AMICUS_MODEL_DIR);
  return config;
}
