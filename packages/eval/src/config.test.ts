import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, repoRoot } from './config.js';

describe('loadConfig', () => {
  it('defaults the data directory to ../shared/data/legal-sum beside the repository root', () => {
    const root = repoRoot();
    expect(root).toBe(resolve(import.meta.dirname, '../../..'));
    expect(loadConfig({}).dataDir).toBe(resolve(root, '../shared/data/legal-sum'));
    expect(loadConfig({}).modelDir).toBeUndefined();
  });

  it('resolves configured directories against the directory npm was invoked from', () => {
    const config = loadConfig({ INIT_CWD: '/srv/amicus', AMICUS_EVAL_DATA_DIR: 'data', AMICUS_MODEL_DIR: '/models/m1' });
    expect(config).toEqual({ invocationDir: '/srv/amicus', dataDir: '/srv/amicus/data', modelDir: '/models/m1' });
  });
});
